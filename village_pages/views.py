from pathlib import Path

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import DateColumn

from sites.private_files import private_file_response
from sites.village_admin import VillageRowsPolicy, VillageRowsViewSet

from .models import Complaint
from .models.complaints import typed_reference


class SentByVillagersPolicy(VillageRowsPolicy):
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


class ComplaintInspectView(VillageRowsViewSet.inspect_view_class):
    def get_photo_display_value(self):
        if not self.object.photo:
            return "-"
        url = reverse("complaints:photo", args=[self.object.pk])
        return format_html(
            '<a href="{}"><img src="{}" alt="{}" style="max-width: 100%; max-height: 30rem"></a>',
            url,
            url,
            _("Photo sent with the complaint"),
        )


IMAGE_TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


def photo_response(complaint):
    """A complaint's photo for its village's staff: as the image type it was written in, and
    never read as anything else; a file kept from before photos were written anew (with any
    name) only as a download. From S3, a link signed for a few minutes, to this photo only."""
    suffix = Path(complaint.photo.name).suffix.lower()
    content_type = IMAGE_TYPES.get(suffix)
    filename = f"{complaint.reference}{suffix if content_type else ''}"
    response = private_file_response(
        complaint.photo.storage,
        complaint.photo.name,
        filename=filename,
        content_type=content_type or "application/octet-stream",
        as_attachment=content_type is None,
    )
    response["Cache-Control"] = "private, no-store"
    return response


class ComplaintViewSet(VillageRowsViewSet):
    """What villagers sent through the complaint form, for their own village's staff."""

    model = Complaint
    icon = "mail"
    menu_label = _("Complaints")
    menu_order = 160
    add_to_admin_menu = True
    inspect_view_enabled = True
    index_view_class = ComplaintIndexView
    inspect_view_class = ComplaintInspectView
    form_fields = ["status", "public_reply"]
    list_display = ["name", "message", DateColumn("created_at", label=_("sent")), "status"]
    list_filter = ["status"]
    search_fields = ["reference", "name", "message", "phone", "email"]
    search_backend_name = None

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/photo/", self.photo, name="photo")]

    def photo(self, request, pk):
        complaint = get_object_or_404(self.own_rows(request.user), pk=pk)
        if not complaint.photo:
            raise Http404
        return photo_response(complaint)
