from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page

from sites.languages import LanguageRoutesMixin
from sites.listings import as_cards, below_for_visitors, once_each
from sites.models import BasePage
from sites.routing import keep_with_host, kept_with_host

from .sections import paginate

SEARCH_RESULTS_PER_PAGE = 10


@keep_with_host("sections")
def sections_below(home):
    """The live sections below a village's home, by slug, each as its own page type.

    Publishing, unpublishing or deleting a section forgets its village's hosts, and moving it
    or changing its slug every host (sites.signals), so what is kept is never older than that.
    """
    sections = Page.objects.child_of(home).live().specific()
    return {section.slug: section for section in sections}, None


class SectionsKeptWithHost:
    """Finds the section an address names among those kept with the host, where Wagtail reads
    the child and then its own fields on every request."""

    def route(self, request, path_components):
        if path_components:
            section = kept_with_host("sections", self).get(path_components[0])
            if section is not None:
                section._cached_parent_obj = self  # as Wagtail does: the parent is known
                return section.route(request, path_components[1:])
        return super().route(request, path_components)


class VillageHomePage(LanguageRoutesMixin, SectionsKeptWithHost, BasePage):
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
        below = below_for_visitors(self)

        def listed(page_type):
            return as_cards(once_each(page_type.objects.live().filter(below)))

        context["latest_news"] = (
            listed(NewsPage).select_related("listing_image").order_by("-date", "-pk")[:3]
        )
        context["upcoming_events"] = (
            listed(EventPage).filter(start__gte=timezone.now()).order_by("start")[:3]
        )
        context["services"] = listed(ServicePage).order_by("title")[:4]
        context["products"] = listed(ProductPage).order_by("-first_published_at")[:4]
        return context

    def structured_data(self, request):
        from ..structured_data import village_organization

        return village_organization(request)

    @path("cari/", name="search")
    @path("search/", name="search_en")
    def search(self, request):
        """This village's pages that match ?q=, and nothing from any other village."""
        from ..search import describe

        query = request.GET.get("q", "").strip()[:100]
        results = sections = None
        if query:
            found = Page.objects.live().public().descendant_of(self).specific().search(query)
            results = paginate(request, found, SEARCH_RESULTS_PER_PAGE)
            results.object_list = [describe(page) for page in results.object_list]
            if not results.object_list:
                sections = self.get_children().live().in_menu().order_by("path")
        return self.render(
            request,
            context_overrides={"query": query, "results": results, "sections": sections},
            template="village_pages/search_results.html",
        )
