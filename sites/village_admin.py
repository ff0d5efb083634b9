"""Admin listings of rows that belong to a village: staff reach their own village's only.

Wagtail's generic views find their rows in four different ways (index, single object, inspect,
history and usage); each is narrowed here, so another village's row by id is a 404 everywhere.
"""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from .staff import villages_of


class OwnRows:
    own_rows = None  # set by the viewset: user -> the queryset that user may reach

    def own(self):
        return self.own_rows(self.request.user)


class OwnIndexView(OwnRows, IndexView):
    def get_base_queryset(self):
        return self.own()


class OwnCreateView(OwnRows, CreateView):
    pass


class OwnEditView(OwnRows, EditView):
    def get_queryset(self):
        return self.own()


class OwnDeleteView(OwnRows, DeleteView):
    def get_queryset(self):
        return self.own()


class OwnInspectView(OwnRows, InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.own(), pk=unquote(str(self.pk)))


class OwnHistoryView(OwnRows, HistoryView):
    def get_base_object_queryset(self):
        return self.own()


class OwnUsageView(OwnRows, UsageView):
    def get_base_object_queryset(self):
        return self.own()


class VillageRowsViewSet(ModelViewSet):
    """A viewset of a model with a `village` foreign key."""

    index_view_class = OwnIndexView
    add_view_class = OwnCreateView
    edit_view_class = OwnEditView
    delete_view_class = OwnDeleteView
    inspect_view_class = OwnInspectView
    history_view_class = OwnHistoryView
    usage_view_class = OwnUsageView

    def own_rows(self, user):
        return self.model._default_manager.filter(village__in=villages_of(user))

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(own_rows=self.own_rows, **kwargs)
