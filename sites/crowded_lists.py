"""Admin lists that would hold a row or a choice for every village.

A province's operator sees every village: Wagtail's explorer would offer a checkbox for each
site, the users list one for each group, the images and documents lists an option for each
collection, and the collections list would show every collection on one page. At 11,000
villages that is megabytes of HTML a view. Here such a filter goes when it would offer more
than a screenful (a village's staff keep theirs), the explorer has no filter by site, owner or
editor, and the collections list is paged.
"""

from wagtail.admin.views import collections
from wagtail.admin.views.pages.listing import GenericPageFilterSet, PageFilterSet
from wagtail.contrib.forms.views import FormPageFilterSet
from wagtail.documents.views import documents
from wagtail.documents.views.documents import DocumentsFilterSet
from wagtail.images.views import images
from wagtail.images.views.images import ImagesFilterSet
from wagtail.users.views.users import UserFilterSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .own_tags import OwnTagsFilter

SCREENFUL = 50


class WithoutCrowdedFilters:
    """A filter set without the filters named in `crowded` that would offer too many choices."""

    crowded = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.crowded:
            choices = self.filters.get(name)
            if choices is not None and choices.queryset.count() > SCREENFUL:
                del self.filters[name]


class ImagesWithoutCrowdedFilters(OwnTagsFilter, WithoutCrowdedFilters, ImagesFilterSet):
    crowded = ("collection_id",)


class DocumentsWithoutCrowdedFilters(OwnTagsFilter, WithoutCrowdedFilters, DocumentsFilterSet):
    crowded = ("collection_id",)


def images_index(results_only):
    return images.IndexView.as_view(
        filterset_class=ImagesWithoutCrowdedFilters, results_only=results_only
    )


def documents_index(results_only):
    return documents.IndexView.as_view(
        filterset_class=DocumentsWithoutCrowdedFilters, results_only=results_only
    )


class UsersWithoutCrowdedFilters(WithoutCrowdedFilters, UserFilterSet):
    crowded = ("group",)


class UserViewSet(WagtailUserViewSet):
    filterset_class = UsersWithoutCrowdedFilters


# Every village is a site of its own, and has its own staff: the explorer's filters by site,
# owner and editor would list every village's (the owners found by reading every page), and
# within a village's pages a site picks out nothing the explorer does not show already.
for explorer_filters in (PageFilterSet, GenericPageFilterSet, FormPageFilterSet):
    for crowded in ("site", "owner", "edited_by"):
        explorer_filters.base_filters.pop(crowded, None)


class PagedCollections(collections.Index):
    """Wagtail's collections list, a screenful of collections at a time."""

    paginate_by = SCREENFUL

    def get_table(self, object_list):
        return super(collections.Index, self).get_table(
            [(collection.pk, collection.get_indented_name(html=True)) for collection in object_list]
        )
