"""Admin listings of rows that belong to a village: staff reach their own village's only.

Wagtail's generic views find their rows in several different ways (index, single object, copy,
inspect, history and usage); each is narrowed here, so another village's row by id is a 404
everywhere. A model registered as a snippet also gets a chooser and a bulk delete, narrowed the
same way. Adding a row is left to the model's form, which offers the user's villages only.
"""

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.shortcuts import get_list_or_404, get_object_or_404
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import chooser, snippets

from .staff import villages_of


class OwnRows:
    own_rows = None  # set by the viewset: user -> the queryset that user may reach

    def own(self):
        return self.own_rows(self.request.user)


class OwnListing(OwnRows):
    def get_base_queryset(self):
        return self.own()


class OwnObject(OwnRows):
    def get_queryset(self):
        return self.own()


class OwnObjectById(OwnRows):
    def get_object(self, queryset=None):
        return get_object_or_404(self.own(), pk=unquote(str(self.kwargs[self.pk_url_kwarg])))


class OwnObjectHistory(OwnRows):
    def get_base_object_queryset(self):
        return self.own()


class OwnChoices(OwnRows):
    def get_object_list(self):
        return self.own()

    def get_object(self, pk):
        return self.own().get(pk=pk)

    def get_objects(self, pks):
        return self.own().filter(pk__in=pks)


def own(mixin, view_class):
    """`view_class` finding its rows with `mixin`, among the user's own rows only."""
    return type(f"Own{view_class.__name__}", (mixin, view_class), {"__module__": __name__})


class VillageRowsPolicy(ModelPermissionPolicy):
    """The model's permissions, on the rows of the user's own villages only: for what Wagtail
    asks of a single row outside the viewsets, such as who else is editing it."""

    def own(self, user, rows):
        if user.is_superuser:
            return rows
        return rows.filter(village__in=villages_of(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and (
            self.own(user, self.model._default_manager.filter(pk=instance.pk)).exists()
        )

    def instances_user_has_permission_for(self, user, action):
        return self.own(user, super().instances_user_has_permission_for(user, action))

    def instances_user_has_any_permission_for(self, user, actions):
        return self.own(user, super().instances_user_has_any_permission_for(user, actions))


# For each model whose rows belong to a village, the rows a user reaches: for views that list
# several models' rows at once (`history`).
OWN_ROWS = {}


class OwnRowsMixin:
    """For a viewset of a model with a `village` foreign key."""

    def own_rows(self, user):
        return self.model._default_manager.filter(village__in=villages_of(user))

    def on_register(self):
        super().on_register()
        OWN_ROWS[self.model] = self.own_rows

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(own_rows=self.own_rows, **kwargs)


class VillageRowsViewSet(OwnRowsMixin, ModelViewSet):
    """A viewset of a model with a `village` foreign key."""

    index_view_class = own(OwnListing, generic.IndexView)
    copy_view_class = own(OwnObjectById, generic.CopyView)
    edit_view_class = own(OwnObject, generic.EditView)
    delete_view_class = own(OwnObject, generic.DeleteView)
    inspect_view_class = own(OwnObjectById, generic.InspectView)
    history_view_class = own(OwnObjectHistory, HistoryView)
    usage_view_class = own(OwnObjectHistory, UsageView)


class NoCreation(chooser.SnippetCreateView):
    """The chooser's create address, for a chooser that offers no form to create a row."""

    def dispatch(self, request, *args, **kwargs):
        if self.creation_form_class is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class OwnChooserViewSet(OwnRowsMixin, chooser.SnippetChooserViewSet):
    # Forms keep their own choice of rows (a product's seller is one of its village's).
    register_widget = False
    choose_view_class = own(OwnChoices, chooser.ChooseView)
    choose_results_view_class = own(OwnChoices, chooser.ChooseResultsView)
    chosen_view_class = own(OwnChoices, chooser.SnippetChosenView)
    chosen_multiple_view_class = own(OwnChoices, chooser.SnippetChosenMultipleView)
    create_view_class = NoCreation


class OwnSnippetIndexView(OwnListing, snippets.IndexView):
    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        # Opens on the default language, not on every translation of every row at once;
        # "All" (an empty locale) still shows them all.
        if self.locale and "locale" not in kwargs["data"]:
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["locale"] = self.locale.language_code
        return kwargs


class OwnDeleteBulkAction(DeleteBulkAction):
    own_rows = None

    def get_queryset(self, model, object_ids):
        return get_list_or_404(self.own_rows(self.request.user), pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        return self.own_rows(self.request.user).values_list("pk", flat=True)


class VillageSnippetViewSet(OwnRowsMixin, snippets.SnippetViewSet):
    """A snippet viewset (so wagtail-localize translates it) of a model with a `village` foreign
    key; its listing opens in the default language."""

    index_view_class = OwnSnippetIndexView
    copy_view_class = own(OwnObjectById, snippets.CopyView)
    edit_view_class = own(OwnObject, snippets.EditView)
    delete_view_class = own(OwnObject, snippets.DeleteView)
    inspect_view_class = own(OwnObjectById, snippets.InspectView)
    history_view_class = own(OwnObjectHistory, snippets.HistoryView)
    usage_view_class = own(OwnObjectHistory, snippets.UsageView)
    chooser_viewset_class = OwnChooserViewSet

    @property
    def chooser_viewset(self):
        viewset = super().chooser_viewset
        viewset.own_rows = self.own_rows
        return viewset

    def on_register(self):
        super().on_register()
        bulk_delete = type(
            "OwnDeleteBulkAction",
            (OwnDeleteBulkAction,),
            {"models": [self.model], "own_rows": staticmethod(self.own_rows)},
        )
        # After Wagtail's own, which it replaces for this model.
        hooks.register("register_bulk_action", bulk_delete, order=1)
