"""A page's address on its site, as Wagtail builds it, without reversing the serve view anew
for every link.

Wagtail's `Page.get_url_parts` reverses `wagtail_serve` in the page's language each time a
link is built, a twentieth of a millisecond; a village home builds sixteen links. The address
of a path in a language changes only with the URLconf and the script prefix, so a process
reverses each once.
"""

from contextlib import suppress
from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant

# Each address is a few hundred bytes: a busy process keeps the most read, not every page.
ADDRESSES_KEPT = 10_000


def url_parts(page, request=None):
    """`Page.get_url_parts` for a page that belongs to one site; None where Wagtail itself
    must decide (no site, or several)."""
    possible_sites = page._get_relevant_site_root_paths(request)
    if len({site_id for site_id, *_rest in possible_sites}) != 1:
        return None
    site_id, root_path, root_url, language = possible_sites[0]
    active = translation.get_language()
    with suppress(LookupError):
        # As Wagtail does: a variant of the page's language being read is used instead.
        if get_supported_content_language_variant(active) == language:
            language = active
    path = _served_at(page.url_path[len(root_path) :], language, get_urlconf(), get_script_prefix())
    if path is None:
        return (site_id, None, None)
    return (site_id, root_url, path)


@lru_cache(maxsize=ADDRESSES_KEPT)
def _served_at(path, language, urlconf, script_prefix):
    try:
        with translation.override(language):
            address = reverse("wagtail_serve", args=(path,), urlconf=urlconf)
    except NoReverseMatch:
        return None
    if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and address != "/":
        address = address.rstrip("/")
    return address
