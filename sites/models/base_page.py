from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .. import bulk
from ..languages import locale_language
from ..page_forms import BasePageForm
from ..page_urls import url_parts
from ..routing import SITE_ROOT_DEPTHS, home_translation


class ListingFields(models.Model):
    """How a page looks where other pages list it, and when it is shared."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in lists and when the page is shared on WhatsApp or Facebook."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=300,
        help_text=_("One or two sentences shown in lists and search results."),
    )

    promote_panels = [FieldPanel("listing_image"), FieldPanel("summary")]

    class Meta:
        abstract = True


class BasePage(ListingFields, Page):
    """The fields and behaviour every Balai page shares."""

    search_fields = Page.search_fields + [index.SearchField("summary")]
    promote_panels = Page.promote_panels + ListingFields.promote_panels
    # For pages that show the listing fields among their content instead.
    seo_promote_panels = Page.promote_panels
    base_form_class = BasePageForm
    # What a village publishes is public, and public pages are kept in the shared page cache
    # and by CDNs, which would hand a restricted page to anyone. No page offers privacy
    # settings, so serving one checks none (two queries a page fewer).
    private_page_options = []
    # What cards and page heads ask of every page. Django's templates answer a missing
    # attribute by listing all of the page's (dir()), a fifth of a millisecond a card.
    fallback_language = ""  # lists set "id" on a page shown untranslated (sites/listings.py)
    og_type = "website"

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        return PageViewRestriction.objects.none()

    @property
    def localized(self):
        # Wagtail asks the database for the active locale first; a page read in its own
        # language (a site's home, where every request's routing starts) needs no answer.
        language = translation.get_language()
        if locale_language(self.locale_id) == language:
            return self
        if self.depth in SITE_ROOT_DEPTHS:
            # A site's home pages in every language came with the request's host.
            return home_translation(self, language) or self
        return super().localized

    def get_url_parts(self, request=None):
        return url_parts(self, request) or super().get_url_parts(request)

    @property
    def share_image(self):
        """The picture shown when the page is shared on WhatsApp or Facebook."""
        return self.listing_image

    def full_clean(self, *args, **kwargs):
        if bulk.active():
            # The generator has checked slugs, parents and types itself.
            self._set_core_field_defaults()
        else:
            super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        if bulk.active() and self._state.adding:
            # Village.created_at records when the generator made these pages.
            kwargs.setdefault("log_action", None)
        return super().save(*args, **kwargs)

    def get_indexed_instance(self):
        if bulk.active():
            return None
        return super().get_indexed_instance()
