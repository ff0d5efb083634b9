"""What staff reach by id in Wagtail's admin: their own village's pages, images and documents.

Wagtail names an object it is given the id of before it checks the user's permission on it:
the page chooser shows the page it browses, and the bulk actions' confirmation lists the
objects the user may not act on. Given another village's ids, Balai answers as if those
objects did not exist: the chooser with 404, the bulk actions leave them out (404 when none is
left). The pages above a village (the province, regency and district) stay browsable.
"""

from functools import wraps

from django.http import Http404
from django.shortcuts import get_list_or_404
from wagtail import hooks
from wagtail.admin.views import chooser
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction as DeletePages
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction as MovePages
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction as PublishPages
from wagtail.admin.views.pages.bulk_actions.unpublish import (
    UnpublishBulkAction as UnpublishPages,
)
from wagtail.documents.views.bulk_actions import add_tags as document_tags
from wagtail.documents.views.bulk_actions import add_to_collection as document_collection
from wagtail.documents.views.bulk_actions import delete as document_delete
from wagtail.images.views.bulk_actions import add_tags as image_tags
from wagtail.images.views.bulk_actions import add_to_collection as image_collection
from wagtail.images.views.bulk_actions import delete as image_delete
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry

from .models import Village
from .staff import own_pages_filter, villages_of


def own_objects(model, user):
    """The pages, images or documents of `user`'s villages; every one for a superuser."""
    if issubclass(model, Page):
        own = own_pages_filter(user)
        return model.objects.all() if own is None else model.objects.filter(own)
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ["change", "choose"])


def may_browse(user, page_id):
    """Whether `user` may browse the page chooser at this page: one of their villages' pages,
    or one above their villages' home pages."""
    own = own_pages_filter(user)
    if own is None or Page.objects.filter(own, pk=page_id).exists():
        return True
    path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    homes = Page.objects.filter(
        translation_key__in=villages_of(user).values("home_page__translation_key"), depth__gt=1
    ).values_list("path", flat=True)
    return path is not None and any(home.startswith(path) for home in homes)


class OwnPageChooser(chooser.BrowseView):
    def get(self, request, parent_page_id=None):
        if parent_page_id and not may_browse(request.user, parent_page_id):
            raise Http404
        return super().get(request, parent_page_id)


def own_pages_only(view, *page_id_kwargs):
    """`view`, answering 404 unless each page its URL names is one of the user's villages'."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        own = own_pages_filter(request.user)
        ids = {kwargs[name] for name in page_id_kwargs}
        if own is not None and Page.objects.filter(own, pk__in=ids).count() != len(ids):
            raise Http404
        return view(request, *args, **kwargs)

    return guarded


class OwnChosenPages(chooser.ChosenMultipleView):
    def get(self, request):
        ids = request.GET.getlist("id")
        own = set(own_objects(Page, request.user).filter(pk__in=ids).values_list("pk", flat=True))
        request.GET = request.GET.copy()
        request.GET.setlist("id", [pk for pk in ids if pk.isdigit() and int(pk) in own])
        return super().get(request)


class OwnExternalLink(chooser.ExternalLinkView):
    """The address of another village's page stays an external link: made an internal one, it
    would name that page's draft title and id."""

    def post(self, request):
        form = self.form_class(
            request.POST, initial=self.get_initial_data(), prefix=self.form_prefix
        )
        if form.is_valid() and not request.user.is_superuser:
            url = form.cleaned_data["url"]
            matched = {
                site_id
                for site_id, _path, root_url, _language in Site.get_site_root_paths()
                if url.startswith(root_url)
            }
            own = list(villages_of(request.user).values_list("pk", flat=True))
            others = Village.objects.filter(site_id__in=matched).exclude(pk__in=own)
            if matched and others.exists():
                self.form = form
                return self.render_chosen_response(self.get_result_data())
        return super().post(request)


def own_only(action_class):
    """`action_class`, finding the objects it is given among the user's own only."""

    def get_queryset(self, model, object_ids):
        return get_list_or_404(own_objects(model, self.request.user), pk__in=object_ids)

    return type(
        f"Own{action_class.__name__}",
        (action_class,),
        {"get_queryset": get_queryset, "__module__": __name__},
    )


WAGTAIL_BULK_ACTIONS = [
    DeletePages,
    MovePages,
    PublishPages,
    UnpublishPages,
    image_delete.DeleteBulkAction,
    image_collection.AddToCollectionBulkAction,
    image_tags.AddTagsBulkAction,
    document_delete.DeleteBulkAction,
    document_collection.AddToCollectionBulkAction,
    document_tags.AddTagsBulkAction,
]

for _action in WAGTAIL_BULK_ACTIONS:
    # After Wagtail's own, which each replaces for its model and action.
    hooks.register("register_bulk_action", own_only(_action), order=1)
