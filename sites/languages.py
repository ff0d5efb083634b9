"""Indonesian at the bare address, English under /en/, and the links between the two.

A site's root page is its Indonesian home; the English home is a translation of it. Pages are
read in the language of the address: Balai never lets a browser's Accept-Language choose, so
a link always shows what it showed to whoever shared it, and the admin opens in Indonesian
until a user picks English in their account.
"""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.urls import NoReverseMatch
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page

from .routing import home_translation

_locale_languages = {}


def locale_language(locale_id):
    """The language code of a locale, read once a process: Balai makes its locales when its
    languages are set up, and never changes one."""
    if locale_id not in _locale_languages:
        _locale_languages.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_languages.get(locale_id)


def language_locale(language):
    """The id of the locale of `language`, read once a process as `locale_language` is; a
    filter on it spares each list of pages a join to the locales."""
    if language not in _locale_languages.values():
        _locale_languages.update(Locale.objects.values_list("pk", "language_code"))
    return next((pk for pk, code in _locale_languages.items() if code == language), None)


class LanguageFromAddressMiddleware:
    """Activates the language the address names: English under /en/, Indonesian elsewhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()  # the next request on this thread starts afresh
        response.headers.setdefault("Content-Language", language)
        return response


class LanguageRoutesMixin(RoutablePageMixin):
    """Sub-pages with an address in each language.

    A route named "search" (/cari/) has its English twin named "search_en" (/search/); links
    are made to the twin of the language being read.
    """

    @classmethod
    def route_path(cls, name, *args, **kwargs):
        resolver = cls.get_resolver()
        language = translation.get_language()
        if language != settings.LANGUAGE_CODE:
            try:
                return resolver.reverse(f"{name}_{language}", *args, **kwargs)
            except NoReverseMatch:
                pass
        return resolver.reverse(name, *args, **kwargs)

    def route(self, request, path_components):
        # Wagtail starts an address at the site's home page in the language being read, or at
        # the Indonesian home when that translation is withdrawn: an English address must not
        # show Indonesian pages.
        site = getattr(request, "_wagtail_site", None)
        if (
            site
            and self.pk == site.root_page_id
            and translation.get_language() != settings.LANGUAGE_CODE
        ):
            raise Http404("This site has no home page in the language of the address.")
        return super().route(request, path_components)

    def reverse_subpage(self, name, args=None, kwargs=None):
        return self.route_path(name, *(args or ()), **(kwargs or {}))

    def resolve_subpage(self, path):
        match = super().resolve_subpage(path)
        if match.url_name and match.url_name != self.route_path_name(match.url_name):
            raise Http404("That address belongs to the other language.")
        return match

    @classmethod
    def route_path_name(cls, name):
        """The name of the route for the language being read, if `name` has a twin."""
        base = _without_language(name)
        language = translation.get_language()
        twin = f"{base}_{language}"
        if language != settings.LANGUAGE_CODE and twin in cls._route_names():
            return twin
        return base if base in cls._route_names() else name

    @classmethod
    def _route_names(cls):
        return {pattern.name for pattern in cls.get_subpage_urls() if pattern.name}


def below_in_every_language(translation_keys):
    """A filter for the pages at or below the pages with these translation keys, in every
    language: a site's pages are those below its home page and the home's translations."""
    # Read on their own: as a subquery, PostgreSQL plans a scan of every page for them.
    keys = list(translation_keys)
    paths = Page.objects.filter(translation_key__in=keys, depth__gt=1).values_list(
        "path", flat=True
    )
    return at_or_below(paths)


def at_or_below(paths):
    """A filter for the pages at these tree paths and below them."""
    condition = Q(pk__in=[])
    for path in paths:
        # A range, not a prefix match: on PostgreSQL, LIKE reads every page of the install.
        condition |= Q(path__range=(path, Page._get_children_path_interval(path)[1]))
    return condition


def _without_language(route_name):
    """ "search_en" is the English twin of the route "search"."""
    for code, _name in settings.LANGUAGES:
        route_name = route_name.removesuffix(f"_{code}")
    return route_name


def home_in(request, language):
    """The home page of the request's site in `language`, or None if it has none."""
    homes = request.__dict__.setdefault("_balai_homes", {})
    if language not in homes:
        root = request._wagtail_site.root_page
        homes[language] = (
            root if language == settings.LANGUAGE_CODE else home_translation(root, language)
        )
    return homes[language]


def current_home(request):
    """The site's home page in the language being read (Indonesian if it has no other)."""
    return home_in(request, translation.get_language()) or request._wagtail_site.root_page


def language_versions(request, page=None):
    """For each language: its name, the address to read this page in it, and whether that is
    this page itself or, where the page has no translation, that language's home page.

    Languages in which the site has no home page at all are left out.
    """
    translations = _translation_addresses(request, page) if page is not None and page.pk else {}
    versions = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            target = translations.get(code)
            url = _same_page_url(request, page, target) if target else None
            if url is None:
                home = home_in(request, code)
                if home is None:
                    continue
                url = home.get_full_url(request)
        versions.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "translated": target is not None,
                "current": code == translation.get_language(),
            }
        )
    return versions


def _translation_addresses(request, page):
    """The address of each live translation of `page` (itself included) on the request's
    site, by language: below the site's home page in that language, which came with the host."""
    addresses = {}
    if page.translation_key == request._wagtail_site.root_page.translation_key:
        rows = [(home.locale_id, home.url_path) for home in _homes(request)]
    else:
        translations = Page.objects.filter(translation_key=page.translation_key, live=True)
        rows = translations.values_list("locale_id", "url_path")
    for locale_id, url_path in rows:
        language = locale_language(locale_id)
        with translation.override(language):
            home = home_in(request, language)
            if home is not None and url_path.startswith(home.url_path):
                addresses[language] = home.get_full_url(request) + url_path[len(home.url_path) :]
    return addresses


def _homes(request):
    homes = (home_in(request, code) for code, _name in settings.LANGUAGES)
    return [home for home in homes if home is not None]


def _same_page_url(request, page, url):
    match = getattr(request, "routable_resolver_match", None)
    if match and match.url_name and isinstance(page, LanguageRoutesMixin):
        name = _without_language(match.url_name)
        try:
            url = url.rstrip("/") + "/" + type(page).route_path(name, *match.args, **match.kwargs)
        except NoReverseMatch:
            return None
        if request.GET:  # the same search or the same catalogue filters
            url += "?" + request.GET.urlencode()
    return url
