"""Village staff browse the page explorer from their own village's home page.

Staff hold permissions on their village's Indonesian and English home pages, which meet only
at the top of the tree, so Wagtail's explorer would open at the root and let them look into
any page. Balai opens it at their village instead; the explorer's language switch leads to
the English pages.
"""

from django.shortcuts import redirect
from wagtail.admin.auth import require_admin_access
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page

from .staff import own_pages_filter, villages_of

_explore_root = page_viewset_registry.as_view("index", is_base_page=True)
_explore = page_viewset_registry.as_view("index", parent_page_id_kwarg="parent_page_id")


@require_admin_access
def explore(request, parent_page_id=None):
    own_pages = own_pages_filter(request.user)
    if own_pages is not None and not (
        parent_page_id and Page.objects.filter(own_pages, pk=parent_page_id).exists()
    ):
        village = villages_of(request.user).order_by("name").first()
        return (
            redirect("wagtailadmin_explore", village.home_page_id)
            if village
            else redirect("wagtailadmin_home")
        )
    if parent_page_id is None:
        return _explore_root(request)
    return _explore(request, parent_page_id=parent_page_id)
