from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Complaint
from .translation_report import UntranslatedPagesMenuItem, UntranslatedPagesView
from .views import ComplaintViewSet, SentByVillagersPolicy

register_permission_policy(Complaint, SentByVillagersPolicy(Complaint))


@hooks.register("register_admin_viewset")
def register_complaint_viewset():
    return ComplaintViewSet("complaints")


@hooks.register("register_admin_urls")
def register_untranslated_pages_report_urls():
    return [
        path(
            "reports/untranslated-pages/",
            UntranslatedPagesView.as_view(),
            name="untranslated_pages",
        ),
        path(
            "reports/untranslated-pages/results/",
            UntranslatedPagesView.as_view(results_only=True),
            name="untranslated_pages_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_untranslated_pages_report_menu_item():
    return UntranslatedPagesMenuItem(
        _("Untranslated pages"),
        reverse("untranslated_pages"),
        name="untranslated-pages",
        icon_name="wagtail-localize-language",
        order=1300,
    )
