from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import DateColumn
from wagtail.permission_policies import ModelPermissionPolicy

from sites.village_admin import VillageRowsViewSet

from .models import Complaint
from .models.complaints import typed_reference


class SentByVillagersPolicy(ModelPermissionPolicy):
    """Complaints come only through the public form: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ComplaintIndexView(VillageRowsViewSet.index_view_class):
    def search_queryset(self, queryset):
        found = super().search_queryset(queryset)
        # A reference read out over the phone comes with its dash: "7KQ4M-TX9RP".
        reference = typed_reference(self.search_query) if self.is_searching else ""
        return found | queryset.filter(reference=reference) if reference else found


class ComplaintViewSet(VillageRowsViewSet):
    """What villagers sent through the complaint form, for their own village's staff."""

    model = Complaint
    icon = "mail"
    menu_label = _("Complaints")
    menu_order = 160
    add_to_admin_menu = True
    inspect_view_enabled = True
    index_view_class = ComplaintIndexView
    form_fields = ["status", "public_reply"]
    list_display = ["name", "message", DateColumn("created_at", label=_("sent")), "status"]
    list_filter = ["status"]
    search_fields = ["reference", "name", "message", "phone", "email"]
    search_backend_name = None
