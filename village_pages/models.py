from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from sites.models import BasePage

from .blocks import TEXT_FEATURES, ArticleBlock


class VillageHomePage(BasePage):
    """A village's front page. Only the village generator creates these."""

    welcome = models.TextField(
        _("welcome"), blank=True, help_text=_("A short greeting shown under the village name.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("welcome")]

    parent_page_types = ["sites.DistrictPage"]
    subpage_types = [
        "village_pages.NewsIndexPage",
        "village_pages.ServiceIndexPage",
        "village_pages.ProfilePage",
        "marketplace.ProductIndexPage",
    ]
    is_creatable = False

    class Meta:
        verbose_name = _("village home page")


class SectionPage(BasePage):
    """A section every village has exactly once, directly under its home page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["village_pages.VillageHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class NewsIndexPage(SectionPage):
    """Berita: the village's news, newest first."""

    subpage_types = ["village_pages.NewsPage"]

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = NewsPage.objects.child_of(self).live().order_by("-date", "-pk")
        return context


class NewsPage(BasePage):
    """One news article or announcement from the village office."""

    date = models.DateField(_("date"), default=timezone.localdate)
    author_name = models.CharField(_("author"), max_length=100, blank=True)
    body = StreamField(ArticleBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("author_name")]),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["village_pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")


class ServiceIndexPage(SectionPage):
    """Layanan: the public services the village office gives."""

    subpage_types = ["village_pages.ServicePage"]

    class Meta:
        verbose_name = _("service index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = ServicePage.objects.child_of(self).live().order_by("title")
        return context


class ServicePage(BasePage):
    """A letter or certificate the village office issues, and how to get it."""

    purpose = models.TextField(_("what it is for"))
    requirements = RichTextField(_("what to bring"), features=TEXT_FEATURES)
    steps = RichTextField(_("steps"), features=TEXT_FEATURES, blank=True)
    fee = models.PositiveIntegerField(
        _("fee in Rupiah"), null=True, blank=True, help_text=_("Leave empty if it is free.")
    )
    duration = models.CharField(_("how long it takes"), max_length=100, blank=True)
    where_and_when = models.CharField(_("where and when"), max_length=200, blank=True)
    contact = models.CharField(_("who to contact"), max_length=200, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("requirements"),
        FieldPanel("steps"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("fee"), FieldPanel("duration")]),
                FieldPanel("where_and_when"),
                FieldPanel("contact"),
            ],
            heading=_("Cost, time and place"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("requirements"),
    ]

    parent_page_types = ["village_pages.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("public service")


class ProfilePage(SectionPage):
    """Profil: the village's history, officials and institutions."""

    class Meta:
        verbose_name = _("profile page")
