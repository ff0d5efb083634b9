from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from sites.listings import as_cards, listed_below
from sites.models import BasePage

from ..blocks import TEXT_FEATURES, DocumentBlock
from .sections import SectionPage


class ServiceIndexPage(SectionPage):
    """Layanan: the public services the village office gives."""

    subpage_types = ["village_pages.ServicePage"]

    class Meta:
        verbose_name = _("service index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = as_cards(listed_below(self, ServicePage)).order_by("title")
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
    forms = StreamField(
        [("form", DocumentBlock())],
        verbose_name=_("forms to download"),
        blank=True,
    )

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
        FieldPanel("forms"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("requirements"),
    ]

    parent_page_types = ["village_pages.ServiceIndexPage"]
    subpage_types = []
    card_fields = ("purpose",)

    class Meta:
        verbose_name = _("public service")
