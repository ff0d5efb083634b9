from django.http import HttpResponse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from .languages import below_in_every_language

# Portal home, regencies and districts; the villages below have sitemaps of their own.
PORTAL_MAX_DEPTH = 4


class SiteSitemap(Sitemap):
    """The live pages of the site the request is on: one village's, or the portal's own."""

    def items(self):
        # The site's pages in every language: below its home page and that page's translations.
        root = self.request._wagtail_site.root_page
        below_a_home = below_in_every_language([root.translation_key])
        pages = Page.objects.filter(below_a_home).live().public()
        if getattr(self.request, "village", None) is None:
            pages = pages.filter(depth__lte=PORTAL_MAX_DEPTH)
        return pages.order_by("path").defer_streamfields().specific()


def sitemap_xml(request):
    return sitemap(request, sitemaps={"pages": SiteSitemap})


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
