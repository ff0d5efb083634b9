from urllib.parse import urlencode

import django_filters
from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.log_actions import log

from .export import archive_before_removal
from .forms import VillageAddressForm, VillageCreateForm
from .models import RegencyPage, Village
from .removal import remove_village, what_goes


def regency_choices():
    """The regencies with villages, from their pages: a province has dozens, where the
    villages' table has a row for each of thousands of villages."""
    return (
        RegencyPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("region_code")
        .values_list("region_code", "title")
    )


class VillageFilterSet(WagtailFilterSet):
    regency_code = django_filters.ChoiceFilter(label=_("Regency"), choices=regency_choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Village.Kind.choices)

    class Meta:
        model = Village
        fields = ["regency_code", "kind"]


class SiteLinkColumn(Column):
    def get_value(self, instance):
        return format_html('<a href="{0}" target="_blank" rel="noopener">{0}</a>', instance.url)


class VillageIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        # A village's name leads to its form, which also removes it. A menu of the same two
        # on every row was half of the time the list took.
        return []


class VillageCreateView(CreateView):
    def save_instance(self):
        # The generator makes the whole village; Wagtail's generic create would save a blank row.
        return self.form.save()


class VillageEditView(EditView):
    def save_instance(self):
        return self.form.save()

    @cached_property
    def header_more_buttons(self):
        archive = Button(
            _("Write its archive"),
            url=reverse("exports:add") + "?" + urlencode({"village": self.object.code}),
            icon_name="download",
            priority=30,
        )
        return [*super().header_more_buttons, archive]


class VillageDeleteView(DeleteView):
    """Removes the village and everything Balai keeps for it (`removal`), after writing its
    archive to the private storage, and names both first."""

    template_name = "sites/village_confirm_delete.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "what_goes": what_goes(self.object)}

    def delete_action(self):
        archive = archive_before_removal(self.object)
        log(self.object, "wagtail.delete", user=self.request.user)
        remove_village(self.object)
        self.archive = archive

    def get_success_message(self):
        return _("%(village)s is removed; its archive is kept as %(archive)s.") % {
            "village": self.object.name,
            "archive": self.archive,
        }


class VillageViewSet(ModelViewSet):
    """The operator's list of villages: find one, open its site, create a new one."""

    model = Village
    icon = "site"
    menu_label = _("Villages")
    menu_order = 150
    add_to_admin_menu = True
    list_display = [
        "name",
        "code",
        "district_name",
        "regency_name",
        SiteLinkColumn("url", label=_("Website")),
    ]
    filterset_class = VillageFilterSet
    search_fields = ["name", "code", "slug", "district_name", "domain"]
    search_backend_name = None
    list_per_page = 20
    inspect_view_enabled = False
    index_view_class = VillageIndexView
    add_view_class = VillageCreateView
    edit_view_class = VillageEditView
    delete_view_class = VillageDeleteView

    def get_form_class(self, for_update=False):
        return VillageAddressForm if for_update else VillageCreateForm
