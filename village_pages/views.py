from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from sites.staff import villages_of

from .models import Complaint


def own_complaints(user):
    return Complaint.objects.filter(village__in=villages_of(user))


# Wagtail's generic views find their rows in four different ways; each is narrowed to the
# staff member's own village, so another village's complaint by id is a 404 everywhere.
class ComplaintIndexView(IndexView):
    def get_base_queryset(self):
        return own_complaints(self.request.user)


class ComplaintEditView(EditView):
    def get_queryset(self):
        return own_complaints(self.request.user)


class ComplaintDeleteView(DeleteView):
    def get_queryset(self):
        return own_complaints(self.request.user)


class ComplaintInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(own_complaints(self.request.user), pk=unquote(str(self.pk)))


class ComplaintHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return own_complaints(self.request.user)


class ComplaintUsageView(UsageView):
    def get_base_object_queryset(self):
        return own_complaints(self.request.user)


class ComplaintViewSet(ModelViewSet):
    """What villagers sent through the complaint form, for their own village's staff."""

    model = Complaint
    icon = "mail"
    menu_label = _("Complaints")
    menu_order = 160
    add_to_admin_menu = True
    create_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["handled"]
    list_display = [
        "name",
        "message",
        DateColumn("created_at", label=_("sent")),
        BooleanColumn("handled", label=_("handled")),
    ]
    list_filter = ["handled"]
    search_fields = ["name", "message", "phone", "email"]
    search_backend_name = None
    index_view_class = ComplaintIndexView
    inspect_view_class = ComplaintInspectView
    edit_view_class = ComplaintEditView
    delete_view_class = ComplaintDeleteView
    history_view_class = ComplaintHistoryView
    usage_view_class = ComplaintUsageView
