from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .base_page import BasePage
from .village import Village


class PortalHomePage(BasePage):
    """The province portal's front door: every regency and how many villages it has online."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sites.RegencyPage"]

    class Meta:
        verbose_name = _("portal home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        counts = dict(
            Village.objects.values_list("regency_code").annotate(n=Count("id")).order_by()
        )
        regencies = list(RegencyPage.objects.child_of(self).live().order_by("title"))
        for regency in regencies:
            regency.village_count = counts.get(regency.region_code, 0)
        context["regencies"] = regencies
        context["village_count"] = sum(counts.values())
        return context


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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["villages"] = Village.objects.in_region(self.region_code).order_by(
            "district_name", "name"
        )
        return context


class RegencyPage(RegionPage):
    """A kabupaten or kota, listing its villages district by district."""

    parent_page_types = ["sites.PortalHomePage"]
    subpage_types = ["sites.DistrictPage"]

    class Meta:
        verbose_name = _("regency page")


class DistrictPage(RegionPage):
    """A kecamatan, listing its villages."""

    parent_page_types = ["sites.RegencyPage"]
    subpage_types = ["village_pages.VillageHomePage"]

    class Meta:
        verbose_name = _("district page")
