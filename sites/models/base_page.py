from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from .. import bulk
from ..routing import site_root_paths_for


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

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        if bulk.active():
            self.minimal_clean()
        else:
            super().full_clean(*args, **kwargs)

    def get_indexed_instance(self):
        if bulk.defer_indexing(self):
            return None
        return super().get_indexed_instance()

    def _get_site_root_paths(self, cache_object=None):
        # Wagtail's version loads and scans every site's root path for each URL it builds.
        holder = cache_object if cache_object is not None else self
        memo = getattr(holder, "_balai_root_paths", None)
        if memo is None:
            memo = {}
            holder._balai_root_paths = memo
        return site_root_paths_for(self.url_path, memo)
