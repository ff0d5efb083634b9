from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from sites.staff import villages_of

from .models import Complaint


class OwnVillageMixin:
    """Staff reach the rows of their own village only; any other id is a 404."""

    def get_queryset(self):
        return super().get_queryset().filter(village__in=villages_of(self.request.user))


class ComplaintIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(village__in=villages_of(self.request.user))


class ComplaintInspectView(OwnVillageMixin, InspectView):
    pass


class ComplaintEditView(OwnVillageMixin, EditView):
    pass


class ComplaintDeleteView(OwnVillageMixin, DeleteView):
    pass


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
