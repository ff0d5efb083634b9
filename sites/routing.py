"""Which site answers a hostname, cached so a request costs no query.

Wagtail's own lookup (Site.find_for_request) queries the database on every request; with
thousands of villages Balai keeps the answer in the cache instead, one entry a hostname
(`Host`), with what every page of the site shows around its content. Any change to a Site or a
Village, or to a home page, bumps a generation number, which retires every entry at once; a
change that shows on one village's pages only forgets that village's (`forget_village`).
"""

import datetime
import math
import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath

from .generations import Generation

HOSTS = Generation("balai:hosts:generation")
# Balai roots sites at the portal's home pages (below the tree's root) and at the villages'
# (below portal, regency and district) only: a page's url_path prefixes at other depths never
# root a site, and are not looked up.
SITE_ROOT_DEPTHS = (2, 5)
TIMEOUT = 300
# Named anew whenever what `_describe_site` keeps changes shape: processes of a new release
# then never read what an older one kept, while both serve during a deploy.
HOST_KEY = "balai:host:v7"
UNKNOWN_TIMEOUT = 30
_UNKNOWN = "unknown"


class UnknownHost(LookupError):
    """A hostname that is neither the portal's, a village's, nor a village's own domain."""


# What a request has read from the cache, kept for the rest of it: the generation, and the
# site root paths and home translations of the request's site, which arrive with the host.
_request_memo = ContextVar("balai_request_memo", default=None)


@contextmanager
def one_cache_read_per_request():
    token = _request_memo.set(_fresh_memo(HOSTS.current()))
    try:
        yield
    finally:
        _request_memo.reset(token)


def request_memo():
    """This request's memo, or a fresh one outside a request (commands, tests)."""
    return _request_memo.get() or _fresh_memo(None)


def _fresh_memo(generation):
    return {"generation": generation, "homes": {}, "root_paths": {}, "kept": {}, "kept_since": 0}


def _generation():
    memo = _request_memo.get()
    return memo["generation"] if memo else HOSTS.current()


def forget_hosts():
    generation = HOSTS.retire()
    memo = _request_memo.get()
    if memo is not None:
        # The request that changed a site goes on with the new answers.
        memo.update(_fresh_memo(generation))


def portal_hostnames():
    base = settings.BALAI_BASE_DOMAIN
    return {base, f"www.{base}", *settings.BALAI_PORTAL_ALIASES}


def is_village_subdomain(hostname):
    base = settings.BALAI_BASE_DOMAIN
    return hostname.endswith("." + base) and "." not in hostname[: -len(base) - 1]


def site_for_hostname(hostname):
    """The Site that serves `hostname`, its Village (None for the portal) and the village's
    settings.

    Within a request, also keeps what every page of the site shows around its content: the
    site root paths of its home page in every language, those home pages and what else every
    page of the village shows (`KEPT_WITH_HOST`).
    Raises UnknownHost when no site serves it.
    """
    hostname = hostname.lower().rstrip(".")
    if not hostname:
        raise UnknownHost(hostname)
    key = _host_key(hostname)
    found = cache.get(key)
    if found is None:
        try:
            found = _describe_site(_find_site(hostname))
        except UnknownHost:
            found = _UNKNOWN
        cache.set(key, found, _seconds_to_keep(found))
    if found == _UNKNOWN:
        raise UnknownHost(hostname)
    memo = _request_memo.get()
    if memo is not None:
        memo["homes"].update(found.homes)
        memo["root_paths"].update(found.root_paths)
        memo["kept"].update(found.kept)
        memo["kept_since"] = found.kept_since
    return found.site, found.village, found.village_settings


class Host(NamedTuple):
    """What is kept for a hostname: the site that serves it, and what every page of the site
    shows around its content."""

    site: Site
    village: object  # sites.models.Village, or None for the portal
    village_settings: object  # sites.models.VillageSettings, or None
    homes: dict
    root_paths: dict
    kept: dict  # (name in KEPT_WITH_HOST, home page id): what it keeps
    until: datetime.datetime | None  # when the first of what is kept stops being true
    # Pages kept for the host are kept under this, so forgetting the host forgets them too.
    kept_since: int


def _seconds_to_keep(found):
    if found == _UNKNOWN:
        # An unknown host may become a village any minute (another process may be importing).
        return UNKNOWN_TIMEOUT
    # A host's pages are kept no longer than its entry (Host.kept_since).
    seconds = max(TIMEOUT, settings.BALAI_PAGE_CACHE_SECONDS)
    if found.until:
        seconds = min(seconds, max(1, math.ceil((found.until - timezone.now()).total_seconds())))
    return seconds


def _host_key(hostname):
    return f"{HOST_KEY}:{_generation()}:{hostname}"


def kept_since(hostnames):
    """For each of these hostnames that has what is kept for it in the cache, since when."""
    keys = {_host_key(hostname): hostname for hostname in hostnames}
    return {
        keys[key]: found.kept_since
        for key, found in cache.get_many(keys).items()
        if isinstance(found, Host)
    }


def forget_village(village):
    """Retires what is kept for one village's hosts: its settings, what every page of it
    shows and its kept pages; `forget_hosts` retires every village's."""
    hostnames = {
        f"{village.slug}.{settings.BALAI_BASE_DOMAIN}",
        village.domain,
        *Site.objects.filter(pk=village.site_id).values_list("hostname", flat=True),
    }
    cache.delete_many([_host_key(hostname) for hostname in hostnames if hostname])
    memo = _request_memo.get()
    if memo is not None:
        memo["kept"] = {}


def _describe_site(site):
    from .models import Village, VillageSettings

    # Kept specific: every request's routing starts at it. Saving a home page retires it.
    site.root_page = home = site.root_page.specific
    translations = Page.objects.filter(translation_key=home.translation_key).select_related(
        "locale"
    )
    homes = {
        (home.pk, page.locale.language_code): page if page.live else _UNKNOWN
        for page in translations
    }
    prefixes = {prefix for page in translations for prefix in _prefixes(page.url_path)}
    root_paths = {
        prefix: [tuple(path) for path in paths]
        for prefix, paths in _root_paths_from_database(sorted(prefixes)).items()
    }
    village = Village.objects.filter(site=site).first()
    if village is None:
        return Host(site, None, None, homes, root_paths, {}, None, time.time_ns())
    kept, ends = {}, []
    for page in (page for page in translations if page.live):
        for name, describe in KEPT_WITH_HOST.items():
            kept[name, page.pk], until = describe(page)
            ends += [until] if until else []
    village_settings = VillageSettings.for_site(site)
    return Host(
        site,
        village,
        village_settings,
        homes,
        root_paths,
        kept,
        min(ends, default=None),
        time.time_ns(),
    )


# What every page of a village shows around its content, read with its host. Each is given a
# live home page of the village, and returns what to keep for it and the moment that stops
# being true (or None). Apps add theirs with `keep_with_host`.
KEPT_WITH_HOST = {}


def keep_with_host(name):
    def register(describe):
        KEPT_WITH_HOST[name] = describe
        return describe

    return register


def kept_with_host(name, home):
    """What `KEPT_WITH_HOST[name]` keeps for a village's `home` page, read with its host."""
    kept = request_memo()["kept"]
    if (name, home.pk) not in kept:
        kept[name, home.pk] = KEPT_WITH_HOST[name](home)[0]
    return kept[name, home.pk]


@keep_with_host("menu")
def sections_in_menu(home):
    """The sections a village's home lists in its menu, as (title, url_path, path)."""
    sections = Page.objects.child_of(home).live().in_menu().order_by("path")
    return list(sections.values_list("title", "url_path", "path")), None


def home_translation(home, language):
    """The live translation of a site's home page into `language`, or None; cached, as every
    page read in that language needs it for its menu and every other page for its language
    links."""
    homes = request_memo()["homes"]
    found = homes.get((home.pk, language))
    if found is None:
        key = f"balai:home:{_generation()}:{home.pk}:{language}"
        found = cache.get(key)
        if found is None:
            found = Page.objects.filter(
                translation_key=home.translation_key, locale__language_code=language, live=True
            ).first()
            cache.set(key, found or _UNKNOWN, TIMEOUT)
        homes[(home.pk, language)] = found
    return found if isinstance(found, Page) else None


def _find_site(hostname):
    from .models import Village

    sites = Site.objects.select_related("root_page")
    if hostname in portal_hostnames():
        site = sites.filter(is_default_site=True).first()
        if site:
            return site
    site = sites.filter(hostname=hostname).first()
    if site:
        return site
    if is_village_subdomain(hostname):
        # A village with its own domain still answers on its subdomain.
        village = Village.objects.filter(slug=hostname.split(".", 1)[0]).first()
    else:
        village = Village.objects.filter(domain=hostname).first()
    if village:
        return sites.get(pk=village.site_id)
    raise UnknownHost(hostname)


def site_root_paths_for(url_path, memo=None):
    """Wagtail's SiteRootPath entries for the sites a page at `url_path` can belong to.

    Wagtail lists every site (and every translation of every home page) and scans that list for
    each link it builds; Balai looks up only the page's own ancestors' paths, in the cache.
    `memo` is a dict kept for the length of one request.
    """
    prefixes = _prefixes(url_path)
    memo = {} if memo is None else memo
    seeded = request_memo()["root_paths"]
    for prefix in prefixes:
        if prefix not in memo and prefix in seeded:
            memo[prefix] = [SiteRootPath(*row) for row in seeded[prefix]]
    missing = [prefix for prefix in prefixes if prefix not in memo]
    if missing:
        memo.update(_look_up(missing))
    paths = [path for prefix in prefixes for path in memo[prefix]]
    if not paths:
        return []
    # Village sites sit inside the portal's tree, but a page belongs to the innermost site only:
    # a village's page is never served, or linked to, on the portal's host.
    deepest = max(len(path.root_path) for path in paths)
    return [path for path in paths if len(path.root_path) == deepest]


def seed_root_paths(url_paths):
    """Looks up at once, for this request, the sites of pages about to be linked to, such as
    the rows of an explorer listing: each row is a village of its own, whose site would
    otherwise be looked up in the cache row by row."""
    seeded = request_memo()["root_paths"]
    prefixes = {prefix for url_path in url_paths for prefix in _prefixes(url_path)}
    missing = sorted(prefixes - seeded.keys())
    if missing:
        seeded.update(_look_up(missing))


def _look_up(prefixes):
    """{prefix: [SiteRootPath]} from the cache, and from the database for what it lacks."""
    generation = _generation()
    keys = {f"balai:rootpath:{generation}:{prefix}": prefix for prefix in prefixes}
    found = {
        keys[key]: [SiteRootPath(*row) for row in value]
        for key, value in cache.get_many(keys).items()
    }
    still_missing = [prefix for prefix in prefixes if prefix not in found]
    if still_missing:
        from_database = _root_paths_from_database(still_missing)
        cache.set_many(
            {f"balai:rootpath:{generation}:{p}": from_database[p] for p in still_missing}, TIMEOUT
        )
        found.update(from_database)
    return found


def _prefixes(url_path):
    """The url_paths of the pages above (and at) `url_path` that may root a site."""
    names = url_path.split("/")
    return ["/".join(names[:depth]) + "/" for depth in SITE_ROOT_DEPTHS if depth < len(names)]


def _root_paths_from_database(prefixes):
    pages = list(
        Page.objects.filter(url_path__in=prefixes).values_list(
            "url_path", "translation_key", "locale__language_code"
        )
    )
    sites_by_key = {}
    for site in Site.objects.filter(
        root_page__translation_key__in=[key for _path, key, _lang in pages]
    ).select_related("root_page"):
        sites_by_key.setdefault(site.root_page.translation_key, []).append(site)
    found = {prefix: [] for prefix in prefixes}
    for url_path, translation_key, language_code in pages:
        found[url_path] = [
            SiteRootPath(site.id, url_path, site.root_url, language_code)
            for site in sites_by_key.get(translation_key, [])
        ]
    return found


def relevant_site_root_paths(page, cache_object=None):
    """Replaces Page._get_relevant_site_root_paths (see SitesConfig.ready)."""
    holder = cache_object if cache_object is not None else page
    memo = getattr(holder, "_balai_root_paths", None)
    if memo is None:
        memo = {}
        holder._balai_root_paths = memo
    paths = tuple(site_root_paths_for(page.url_path, memo))
    if cache_object is not None and not hasattr(cache_object, "_wagtail_cached_site_root_paths"):
        # Wagtail's redirect handler passes this attribute between its requests and the page;
        # Balai itself never reads it.
        cache_object._wagtail_cached_site_root_paths = [*paths, OTHER_SITES]
    return paths


# Stands for every site a page does not belong to; its path matches no page.
OTHER_SITES = SiteRootPath(0, "\x00", "", "")


def site_root_paths_stand_in(page, cache_object=None):
    """Replaces Page._get_site_root_paths, which Wagtail now only uses to count the sites.

    With one site Wagtail makes every link relative; Balai always has several (the portal
    and its villages), so the stand-in says so without listing them all.
    """
    return [*relevant_site_root_paths(page, cache_object), OTHER_SITES]
