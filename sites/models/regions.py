from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path

from ..languages import LanguageRoutesMixin
from ..listings import once_each
from .base_page import BasePage
from .village import Village


class PortalHomePage(LanguageRoutesMixin, BasePage):
    """The province portal's front door: every regency and how many villages it has online."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sites.RegencyPage"]

    class Meta:
        verbose_name = _("portal home page")

    @path("")
    def index(self, request):
        from marketplace.catalogue import with_cards
        from marketplace.models import ProductPage

        newest = with_cards(once_each(ProductPage.objects.live())).order_by(
            "-first_published_at", "-pk"
        )
        return self.render(
            request, context_overrides={"new_products": newest[:8], **self.regencies(request)}
        )

    @path("produk/", name="products")
    @path("products/", name="products_en")
    def products(self, request):
        """Every village's products in one catalogue, with counts beside the filters."""
        from marketplace.catalogue import (
            PER_PAGE,
            PortalCatalogueFilters,
            by_regency,
            villages_with_products,
        )
        from marketplace.kept_searches import KeptMatches, counts_by_category_and_regency
        from marketplace.models import ProductPage
        from village_pages.models.sections import paginate

        # A shared link may name a district alone; its regency is its code's first part.
        chosen_district = request.GET.get("kecamatan", "")
        chosen_regency = request.GET.get("kabupaten") or chosen_district[:5]
        # Regions with something on sale, and the chosen ones: a province has dozens of
        # regencies and hundreds of districts, and the others would find nothing.
        offered = Q(pk__in=villages_with_products().values("pk"))
        regencies = list(
            Village.objects.filter(offered | Q(regency_code=chosen_regency))
            .values_list("regency_code", "regency_name")
            .distinct()
            .order_by("regency_code")
        )
        districts = (
            list(
                Village.objects.filter(regency_code=chosen_regency)
                .filter(offered | Q(district_code=chosen_district))
                .values_list("district_code", "district_name")
                .distinct()
                .order_by("district_name")
            )
            if chosen_regency
            else []
        )
        filters = PortalCatalogueFilters(request.GET, regencies=regencies, districts=districts)
        products = filters.apply(ProductPage.objects.live())
        # Counted by category and regency at once: a search can match thousands of products.
        counts = counts_by_category_and_regency(filters, products)
        matches = KeptMatches(filters, products, count=sum(row["n"] for row in counts))
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "products": paginate(request, matches, PER_PAGE, count=len(matches)),
                "category_counts": counts,
                "regency_counts": by_regency(counts, regencies),
            },
            template="sites/portal_catalogue.html",
        )

    def regencies(self, request):
        """The regencies the front door lists, each with its village count."""
        counts = dict(
            Village.objects.values_list("regency_code").annotate(n=Count("id")).order_by()
        )
        regencies = with_village_counts(request, self, RegencyPage, counts)
        return {"regencies": regencies, "village_count": sum(counts.values())}


def with_village_counts(request, page, region_type, counts):
    """The live regions of `region_type` below `page`, by name, each with its address and its
    village count (`counts` by region code) worded.

    A province lists dozens of regencies and a regency dozens of districts: their addresses
    follow the page's own, without a template tag's work for each.
    """
    regions = list(region_type.objects.child_of(page).live().order_by("title"))
    address = page.get_url(request)
    for region in regions:
        region.address = f"{address}{region.slug}/"
        count = counts.get(region.region_code, 0)
        region.village_count = ngettext("%(n)s village", "%(n)s villages", count) % {"n": count}
    return regions


class RegionPage(BasePage):
    region_code = models.CharField(_("Kemendagri code"), max_length=8, db_index=True)
    # Holds the collections of the villages below, so a regency supervisor can be given all.
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [FieldPanel("region_code", read_only=True)]

    class Meta:
        abstract = True


class RegencyPage(RegionPage):
    """A kabupaten or kota, listing its districts and how many villages each has online."""

    parent_page_types = ["sites.PortalHomePage"]
    subpage_types = ["sites.DistrictPage"]

    class Meta:
        verbose_name = _("regency page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        counts = dict(
            Village.objects.in_region(self.region_code)
            .values_list("district_code")
            .annotate(n=Count("id"))
            .order_by()
        )
        context["districts"] = with_village_counts(request, self, DistrictPage, counts)
        return context


class DistrictPage(RegionPage):
    """A kecamatan, listing its villages."""

    parent_page_types = ["sites.RegencyPage"]
    subpage_types = ["village_pages.VillageHomePage"]

    class Meta:
        verbose_name = _("district page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["villages"] = Village.objects.in_region(self.region_code).order_by("name")
        return context

    def route(self, request, path_components):
        if path_components:
            # The villages below are served on their own hosts, never through the portal's.
            raise Http404
        return super().route(request, path_components)
