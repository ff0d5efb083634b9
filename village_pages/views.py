from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy

from sites.village_admin import VillageRowsViewSet

from .models import Complaint


class SentByVillagersPolicy(ModelPermissionPolicy):
    """Complaints come only through the public form: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ComplaintViewSet(VillageRowsViewSet):
    """What villagers sent through the complaint form, for their own village's staff."""

    model = Complaint
    icon = "mail"
    menu_label = _("Complaints")
    menu_order = 160
    add_to_admin_menu = True
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
