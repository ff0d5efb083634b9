from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from sites.models import BasePage


class SectionPage(BasePage):
    """A section every village has exactly once, directly under its home page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["village_pages.VillageHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def route(self, request, path_components):
        # Wagtail finds the child by its slug, then reads its own fields in a second query;
        # a section whose pages are all of one type reads both, and the picture it is shared
        # with, in one.
        kinds = self.specific_class.allowed_subpage_models()
        if not path_components or len(kinds) != 1:
            return super().route(request, path_components)
        # Slugs are unique among siblings; unordered, as `first()` would order by id.
        children = kinds[0].objects.child_of(self).filter(slug=path_components[0])
        child = next(iter(children.select_related("listing_image")[:1]), None)
        if child is None:
            raise Http404
        child._cached_parent_obj = self  # as Wagtail does: the child's parent is known
        return child.route(request, path_components[1:])

    @classmethod
    def can_create_at(cls, parent):
        # Wagtail counts the home's children of each section type, and the explorer asks on
        # every row of a district's village homes; a home with a child of every type it allows
        # has each of them already, as none may be there twice.
        if parent.numchild >= len(parent.specific_class.allowed_subpage_models()):
            return False
        return super().can_create_at(parent)

    def copy_for_translation(self, locale, copy_parents=False, alias=False, exclude_fields=None):
        # Translating a page in a section the village has no English page of yet (the residents'
        # announcements and complaints) would make Wagtail copy the section as an alias with its
        # Indonesian title and slug (/en/pengumuman/); Balai makes its English section instead.
        from sites.generator import add_english_section  # the generator imports these pages

        return add_english_section(self, locale) or super().copy_for_translation(
            locale, copy_parents=copy_parents, alias=alias, exclude_fields=exclude_fields
        )


def paginate(request, queryset, per_page, count=None):
    """The page of `queryset` that ?page= asks for; the first or last when it is out of range.
    `count`, when the caller has counted the rows already, spares counting them again."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    return paginator.get_page(request.GET.get("page"))
