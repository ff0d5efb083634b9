from wagtail import hooks

from . import translations
from .job_admin import OperationsGroup
from .routing import seed_root_paths
from .staff import own_pages_filter
from .views import VillageViewSet

ROWS_SEEDED = 100  # a district's villages; the explorer shows 50 rows a page


@hooks.register("register_admin_viewset")
def register_village_viewset():
    return VillageViewSet("villages")


@hooks.register("register_admin_viewset")
def register_operations():
    return OperationsGroup()


# Wagtail's page chooser and page search otherwise browse every village's pages.
@hooks.register("construct_page_chooser_queryset")
def choose_own_village_pages(pages, request):
    condition = own_pages_filter(request.user)
    return pages if condition is None else pages.filter(condition)


@hooks.register("construct_explorer_page_queryset")
def explore_own_village_pages(parent_page, pages, request):
    condition = own_pages_filter(request.user)
    pages = pages if condition is None else pages.filter(condition)
    # Each row links to its page on its own site; a district's rows are each a village's.
    seed_root_paths(pages.values_list("url_path", flat=True)[:ROWS_SEEDED])
    return pages


# Before wagtail-localize's own hook, which opens its editor for the translations it knows of.
@hooks.register("before_edit_page", order=-1)
def adopt_generated_translations(request, page):
    translations.adopt_translations(page)


# Modules that register hooks of their own.
from . import dashboard, explorer_rows, own_admin_api, own_objects, reviews  # noqa: E402, F401
