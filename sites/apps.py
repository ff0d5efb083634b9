from django.apps import AppConfig


class SitesConfig(AppConfig):
    name = "sites"
    label = "sites"
    verbose_name = "Villages"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import Page

        # Registered before the first host is read: what it keeps is fixed for minutes.
        from . import breadcrumbs, page_indexes, signals  # noqa: F401
        from .routing import relevant_site_root_paths, site_root_paths_stand_in

        # Wagtail lists every site's root path and scans the list for each link it builds, so
        # a page of links costs more with every village. Every page, generic or specific,
        # looks up only its own ancestors' paths instead.
        Page._get_relevant_site_root_paths = relevant_site_root_paths
        Page._get_site_root_paths = site_root_paths_stand_in
