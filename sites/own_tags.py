"""The tags staff are offered: those on their own villages' images, documents and news.

Tags are one table for the whole install, so Wagtail's tag completion, the images and documents
lists' tag filter and the image chooser's popular tags offered every tag any village had used,
and with them what another village's files are about.
"""

import copy

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.http import Http404, JsonResponse
from taggit.models import Tag, TaggedItem
from wagtail.admin.models import popular_tags_for_model
from wagtail.admin.views import tags
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.views.chooser import ImageChooseView
from wagtail.images.views.chooser import viewset as image_chooser

from village_pages.models import NewsPage
from village_pages.models.news import NewsPageTag

from .own_objects import own_objects


def tagged(model, user):
    """Where `user`'s own `model` rows are tagged: as a filter on tags."""
    own = own_objects(model, user).values("pk")
    if model is NewsPage:
        return Q(pk__in=NewsPageTag.objects.filter(content_object__in=own).values("tag"))
    items = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=own
    )
    return Q(pk__in=items.values("tag"))


def own_tags(user):
    return Tag.objects.filter(
        tagged(get_image_model(), user)
        | tagged(get_document_model(), user)
        | tagged(NewsPage, user)
    )


def popular_own_tags(model, user, count=10):
    """As Wagtail's `popular_tags_for_model`, counting `user`'s own villages' rows only."""
    if user.is_superuser:
        return popular_tags_for_model(model, count)
    items = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=own_objects(model, user).values("pk"),
    )
    return (
        Tag.objects.filter(pk__in=items.values("tag"))
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count", "name")[:count]
    )


def autocomplete(request, app_name=None, model_name=None):
    """Wagtail's tag completion, from the user's own villages' tags."""
    if request.user.is_superuser:
        return tags.autocomplete(request, app_name, model_name)
    if app_name or model_name:  # Balai's tagged models all use the shared tags
        raise Http404
    term = request.GET.get("term")
    if not term:
        return JsonResponse([], safe=False)
    names = (
        own_tags(request.user)
        .filter(name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[: tags.TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


class OwnTagsFilter:
    """For a filter set of images or documents: its tag filter offers the user's own tags."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "tag" not in self.filters or self.request.user.is_superuser:
            return
        popular = popular_own_tags(self._meta.model, self.request.user)
        if popular:
            self.filters["tag"].extra["choices"] = [(tag.name, tag.name) for tag in popular]
        else:
            del self.filters["tag"]


class OwnImageChooseView(ImageChooseView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["popular_tags"] = popular_own_tags(self.model, self.request.user)
        return context


def own_image_chooser():
    """Wagtail's image chooser, built as Wagtail builds it, with `OwnImageChooseView`."""
    viewset = copy.copy(image_chooser)
    viewset.choose_view_class = OwnImageChooseView
    return viewset.choose_view
