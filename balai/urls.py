from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.move import MoveConfirmView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from marketplace import api
from sites import crowded_lists, explorer
from sites.history import OwnSiteHistory
from sites.own_objects import OwnChosenPages, OwnExternalLink, OwnPageChooser, own_pages_only
from sites.own_tags import autocomplete, own_image_chooser
from sites.page_editor import create_without_autosave
from sites.page_types_report import OwnPageTypesUsage
from sites.reviews import LockedPagesReport, WorkflowReport
from sites.sign_in import ThrottledPasswordReset
from sites.sitemaps import portal_sitemap, robots_txt, sitemap_xml
from village_pages.translation_report import OwnTranslationsReportView

# Balai's own versions of some of Wagtail's admin views, at Wagtail's addresses, guarded as
# Wagtail guards its own: a visitor who is not signed in is sent to the login page.
balai_admin_views = [
    # wagtail-localize's report, limited to the staff's own village.
    path("localize/reports/translations/", OwnTranslationsReportView.as_view()),
    path(
        "localize/reports/translations/results/",
        OwnTranslationsReportView.as_view(results_only=True),
    ),
    path("choose-page/<int:parent_page_id>/", OwnPageChooser.as_view()),
    path("collections/", crowded_lists.PagedCollections.as_view()),
    path("images/", crowded_lists.images_index(results_only=False)),
    path("images/results/", crowded_lists.images_index(results_only=True)),
    path("documents/", crowded_lists.documents_index(results_only=False)),
    path("documents/results/", crowded_lists.documents_index(results_only=True)),
    path("reports/site-history/", OwnSiteHistory.as_view()),
    path("reports/site-history/results/", OwnSiteHistory.as_view(results_only=True)),
    path("reports/page-types-usage/", OwnPageTypesUsage.as_view()),
    path("reports/page-types-usage/results/", OwnPageTypesUsage.as_view(results_only=True)),
    path("reports/workflow/", WorkflowReport.as_view()),
    path("reports/workflow/results/", WorkflowReport.as_view(results_only=True)),
    path("reports/locked/", LockedPagesReport.as_view()),
    path("reports/locked/results/", LockedPagesReport.as_view(results_only=True)),
    # Given another village's pages, these answer as if there were none.
    path(
        "pages/<int:parent_page_id>/results/",
        own_pages_only(
            page_viewset_registry.as_view("index_results", parent_page_id_kwarg="parent_page_id"),
            "parent_page_id",
        ),
    ),
    path(
        "pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
        own_pages_only(MoveConfirmView.as_view(), "page_to_move_id", "destination_id"),
    ),
    path("choose-page/chosen-multiple/", OwnChosenPages.as_view()),
    path("choose-external-link/", OwnExternalLink.as_view()),
    # Tags and people of the user's own villages only.
    path("tag-autocomplete/", autocomplete),
    path("tag-autocomplete/<slug:app_name>/<slug:model_name>/", autocomplete),
    path("images/chooser/", own_image_chooser()),
]

urlpatterns = [
    path("api/produk/", api.products, name="products_api"),
    path("sitemap.xml", sitemap_xml),
    path("sitemap-<slug:section>.xml", portal_sitemap, name="portal_sitemap"),
    path("robots.txt", robots_txt),
    path("admin/pages/", explorer.explore),
    path("admin/pages/<int:parent_page_id>/", explorer.explore),
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        create_without_autosave,
    ),
    path("admin/password_reset/", ThrottledPasswordReset.as_view()),
    path("admin/", include(decorate_urlpatterns(balai_admin_views, require_admin_access))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.BALAI_SERVE_MEDIA:
    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)

handler404 = "sites.not_found.page_not_found"
handler500 = "sites.health.server_error_or_unavailable"
