"""The explorer's rows of regions and village home pages go without wagtail-localize's
"Translate this page" and "Sync translated pages", and without Wagtail's move, copy, delete
and unpublish: Balai makes and removes those pages with their village (`remove_village`), and
one moved or deleted on its own leaves a village without its site.

wagtail-localize decides both for each row by asking the database twice, and a regency lists
dozens of districts, a district dozens of villages. Balai makes the portal's, the regions' and
the villages' home pages in every language itself, so neither button has work to do on those
rows; on a village's own pages, and in every page's header, they stay.

Wagtail has no public way to withdraw or wrap another app's hook, so the wrapper takes the
place of wagtail-localize's function in the registry, here and only here (docs/architecture.md
names the upstream change that would make this unnecessary).
"""

from wagtail import hooks
from wagtail.admin import wagtail_hooks as admin_hooks
from wagtail_localize import wagtail_hooks as localize_hooks

from village_pages.models import VillageHomePage

from .models import DistrictPage, PortalHomePage, RegencyPage

GENERATED = (PortalHomePage, RegencyPage, DistrictPage, VillageHomePage)
HOOK = "register_page_listing_more_buttons"
NOT_ON_THEIR_OWN = (
    admin_hooks.PageListingCopyButton,
    admin_hooks.PageListingDeleteButton,
    admin_hooks.PageListingMoveButton,
    admin_hooks.PageListingUnpublishButton,
)


def generated(page):
    return issubclass(page.specific_class or object, GENERATED)


def translation_buttons(page, user, view_name=None, next_url=None):
    if not generated(page):
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name, next_url)


def page_buttons(page, user, next_url=None):
    for button in admin_hooks.page_listing_more_buttons(page, user, next_url):
        if not (generated(page) and isinstance(button, NOT_ON_THEIR_OWN)):
            yield button


WRAPPED = {
    localize_hooks.page_listing_more_buttons: translation_buttons,
    admin_hooks.page_listing_more_buttons: page_buttons,
}
hooks._hooks[HOOK] = [(WRAPPED.get(hook, hook), order) for hook, order in hooks._hooks[HOOK]]
