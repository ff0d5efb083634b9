"""Sitemaps: a village's pages on its own host; on the portal, an index of one sitemap for the
portal's home and one per regency, so that no sitemap grows with the province."""

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from .languages import below_in_every_language, language_locale
from .models import PortalHomePage, RegencyPage

# Portal home, regencies and districts; the villages below have sitemaps of their own.
PORTAL_MAX_DEPTH = 4
PORTAL_SECTION = "portal"


class PagesBelow(Sitemap):
    """The live pages below `top` (inclusive), in every language, down to `max_depth`."""

    def __init__(self, request, top, max_depth=None):
        super().__init__(request)
        self.top, self.max_depth = top, max_depth

    def items(self):
        pages = Page.objects.filter(below_in_every_language([self.top.translation_key]))
        if self.max_depth:
            pages = pages.filter(depth__lte=self.max_depth)
        return pages.live().public().order_by("path").defer_streamfields().specific()


def sitemap_xml(request):
    village = getattr(request, "village", None)
    if village is not None:
        pages = PagesBelow(request, request._wagtail_site.root_page)
        return sitemap(request, sitemaps={"pages": pages})
    sections = [
        PORTAL_SECTION,
        *RegencyPage.objects.filter(locale_id=language_locale(settings.LANGUAGE_CODE))
        .live()
        .order_by("path")
        .values_list("slug", flat=True),
    ]
    # The sitemaps' addresses differ by their section alone: one reverse() for them all.
    address = request.build_absolute_uri(reverse("portal_sitemap", args=[PORTAL_SECTION]))
    before, after = address.rsplit(PORTAL_SECTION, 1)
    items = [SitemapIndexItem(f"{before}{section}{after}") for section in sections]
    return render(request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml")


def portal_sitemap(request, section):
    """The portal's home (`portal`), or one regency with its districts."""
    if getattr(request, "village", None) is not None:
        raise Http404
    if section == PORTAL_SECTION:
        top = PortalHomePage.objects.filter(locale__language_code="id").first()
        pages = PagesBelow(request, top, max_depth=top.depth) if top else None
    else:
        top = RegencyPage.objects.filter(slug=section, locale__language_code="id").first()
        pages = PagesBelow(request, top, max_depth=PORTAL_MAX_DEPTH) if top else None
    if pages is None:
        raise Http404
    return sitemap(request, sitemaps={"pages": pages})


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
