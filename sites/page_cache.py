"""Whole public pages kept in the shared cache, so a visitor's page costs no SQL query.

Only what `http_cache.shared` allows (no session, no form, no cookie), and only addresses
without a query string: what a change makes stale is then known by address
(`freshness.affected_urls`), and dropped at once. Pages are kept under their host's entry in
the cache (`routing.Host.kept_since`): what reaches every page of one village (its settings,
sections and notices) forgets that village's hosts (`routing.forget_village`), and what may
reach any village's pages (a category, a moved page) every host (`routing.forget_hosts`). A
host's entry, and with it its pages, is kept no longer than the village's first current notice
stays up, as the banner on every page shows it.
"""

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port

from .http_cache import FILES, NEVER_SHARED, shared
from .routing import kept_since, request_memo


def page_key(address, since):
    """`address` is host name (without port) and path, as "hajimena.localhost/berita/";
    `since`, when what is kept for the host was read. Without the port, every app server
    shares one copy, whichever port the reverse proxy names in the Host it passes on."""
    return f"balai:page:{since}:{address}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_answer_from_cache(request):
            return self.get_response(request)
        hostname = split_domain_port(request.get_host())[0]
        key = page_key(hostname + request.path, request_memo()["kept_since"])
        kept = cache.get(key)
        if kept is not None:
            return kept
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming and shared(request, response):
            cache.set(key, response, settings.BALAI_PAGE_CACHE_SECONDS)
        return response


def may_answer_from_cache(request):
    return (
        settings.BALAI_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(NEVER_SHARED + FILES)
    )


def forget_pages(urls):
    """Drops the kept copies of these full addresses ("http://host/path")."""
    paths = {}  # host name: its paths
    for url in urls:
        host, _slash, path = url.split("://", 1)[-1].partition("/")
        paths.setdefault(split_domain_port(host)[0], set()).add(f"/{path}")
    kept = kept_since(set(paths))
    # Where nothing is kept for a host, no page is kept under it either.
    cache.delete_many(
        [
            page_key(host + path, kept[host])
            for host in paths
            if host in kept
            for path in paths[host]
        ]
    )
