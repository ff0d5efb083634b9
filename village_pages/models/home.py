from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page

from sites.languages import LanguageRoutesMixin
from sites.models import BasePage

from .sections import paginate

SEARCH_RESULTS_PER_PAGE = 10


class VillageHomePage(LanguageRoutesMixin, BasePage):
    """A village's front page. Only the village generator creates these."""

    welcome = models.TextField(
        _("welcome"), blank=True, help_text=_("A short greeting shown under the village name.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("welcome")]

    parent_page_types = ["sites.DistrictPage"]
    subpage_types = [
        "village_pages.NewsIndexPage",
        "village_pages.AnnouncementIndexPage",
        "village_pages.ServiceIndexPage",
        "village_pages.EventIndexPage",
        "village_pages.ProfilePage",
        "village_pages.ComplaintPage",
        "marketplace.ProductIndexPage",
    ]
    is_creatable = False

    class Meta:
        verbose_name = _("village home page")

    def get_context(self, request, *args, **kwargs):
        from marketplace.models import ProductPage

        from .events import EventPage
        from .news import NewsPage
        from .services import ServicePage

        context = super().get_context(request, *args, **kwargs)
        live = {"path__startswith": self.path, "live": True}
        context["latest_news"] = (
            NewsPage.objects.filter(**live)
            .select_related("listing_image")
            .order_by("-date", "-pk")[:3]
        )
        context["upcoming_events"] = EventPage.objects.filter(
            **live, start__gte=timezone.now()
        ).order_by("start")[:3]
        context["services"] = ServicePage.objects.filter(**live).order_by("title")[:4]
        context["products"] = ProductPage.objects.filter(**live).order_by("-first_published_at")[:4]
        return context

    def structured_data(self, request):
        from ..structured_data import village_organization

        return village_organization(request)

    @path("cari/", name="search")
    @path("search/", name="search_en")
    def search(self, request):
        """This village's pages that match ?q=, and nothing from any other village."""
        query = request.GET.get("q", "").strip()[:100]
        results = Page.objects.none()
        if query:
            results = Page.objects.live().public().descendant_of(self).search(query)
        return self.render(
            request,
            context_overrides={
                "query": query,
                "results": paginate(request, results, SEARCH_RESULTS_PER_PAGE) if query else None,
            },
            template="village_pages/search_results.html",
        )
