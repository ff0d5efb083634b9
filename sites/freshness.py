"""Which addresses show a page, so that every kept copy of them is dropped when it changes:
Balai's own page cache and the operator's CDN or reverse proxy.

A page is shown on its own address and listed by its section, its village's home page, the
section's feed and the village's sitemap, in every language; a product also on the portal's
home page and catalogue. Wagtail's frontend cache purges the page's own address only.
"""

from contextlib import suppress
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from .page_cache import forget_pages
from .routing import SITE_ROOT_DEPTHS

# Routes of a section that list its pages: the news feed, the events calendar.
LISTING_ROUTES = ("feed", "ical")
# A village's home page; the pages above it are the portal's.
HOME_DEPTH = SITE_ROOT_DEPTHS[-1]


def affected_urls(page):
    """Every full address whose content `page` (live or just withdrawn) is part of."""
    urls = set()
    shown_on = [page, *page.get_ancestors().filter(depth__gte=HOME_DEPTH)]
    for shown in shown_on:
        # The page itself even when just withdrawn; its translations as visitors see them.
        versions = [shown.specific, *shown.get_translations().live().specific()]
        for version in versions:
            url = version.get_full_url()
            if not url:
                continue
            urls.add(url)
            for route in LISTING_ROUTES:
                with suppress(AttributeError, NoReverseMatch):
                    urls.add(url + version.reverse_subpage(route))
            if version.depth == HOME_DEPTH:
                address = urlsplit(url)
                urls.add(f"{address.scheme}://{address.netloc}/sitemap.xml")
    if page.specific_class.__name__ == "ProductPage":  # marketplace depends on sites, not back
        urls |= portal_catalogue_urls()
    return urls


def portal_catalogue_urls():
    from .models import PortalHomePage

    urls = set()
    for portal in PortalHomePage.objects.live().select_related("locale"):
        url = portal.get_full_url()
        route = "products_en" if portal.locale.language_code == "en" else "products"
        if url:
            urls |= {url, url + portal.reverse_subpage(route)}
    return urls


def purge(page):
    """Drops every kept copy of the addresses that show `page`."""
    urls = affected_urls(page)

    def forget():
        forget_pages(urls)
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            purge_urls_from_cache(urls)

    at_once_and_on_commit(forget)


def at_once_and_on_commit(forget):
    """Runs `forget` now, and again once the change is committed: another process may read the
    rows as they were before the commit, and keep them again, in between."""
    forget()
    transaction.on_commit(forget)
