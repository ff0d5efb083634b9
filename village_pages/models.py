from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from sites.models import BasePage


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

    class Meta:
        verbose_name = _("news index page")


class ServiceIndexPage(SectionPage):
    """Layanan: the public services the village office gives."""

    class Meta:
        verbose_name = _("service index page")


class ProfilePage(SectionPage):
    """Profil: the village's history, officials and institutions."""

    class Meta:
        verbose_name = _("profile page")
