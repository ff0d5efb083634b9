"""The explorer's rows of regions and village home pages offer no menu of more actions.

Wagtail's menu would hold move, copy, delete and unpublish, which Balai does with the village
(`remove_village`): one moved or deleted on its own leaves a village without its site.
wagtail-localize's "Translate this page" and "Sync translated pages" have no work to do there,
as Balai makes those pages in every language itself, and it asks the database twice a row to
decide them. What remains, edit and view live, are the row's title and status links; history
and the menu order are in the page's own header once it is opened. A district lists dozens of
villages, a regency dozens of districts: the menus were half of the time the list took. On a
village's own pages, and in every page's header, the menu stays whole.

Wagtail has no public way to withdraw or wrap another app's hook, so the wrapper takes the
place of Wagtail's and wagtail-localize's functions in the registry, here and only here
(docs/architecture.md names the upstream change that would make this unnecessary).
"""

from wagtail import hooks
from wagtail.admin import wagtail_hooks as admin_hooks
from wagtail_localize import wagtail_hooks as localize_hooks

from village_pages.models import VillageHomePage

from .models import DistrictPage, PortalHomePage, RegencyPage

GENERATED = (PortalHomePage, RegencyPage, DistrictPage, VillageHomePage)
HOOK = "register_page_listing_more_buttons"


def generated(page):
    return issubclass(page.specific_class or object, GENERATED)


def translation_buttons(page, user, view_name=None, next_url=None):
    if not generated(page):
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name, next_url)


def page_buttons(page, user, next_url=None):
    if not generated(page):
        yield from admin_hooks.page_listing_more_buttons(page, user, next_url)


WRAPPED = {
    localize_hooks.page_listing_more_buttons: translation_buttons,
    admin_hooks.page_listing_more_buttons: page_buttons,
}
hooks._hooks[HOOK] = [(WRAPPED.get(hook, hook), order) for hook, order in hooks._hooks[HOOK]]
