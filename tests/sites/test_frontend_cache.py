"""A reverse proxy that keeps Balai's pages is told, on publish, every address to drop."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from wagtail.models import Locale

from balai.settings.base import frontend_cache_from_environment
from tests.village_pages.test_complaints_and_machines import add_news


class PurgeRecorder(BaseHTTPRequestHandler):
    """A reverse proxy's purge endpoint, as nginx or Varnish would answer it."""

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.server.purged.add(f"{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = set()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    backends = frontend_cache_from_environment(
        {"BALAI_PURGE_URL": f"http://127.0.0.1:{server.server_port}"}
    )
    with override_settings(WAGTAILFRONTENDCACHE=backends):
        yield server
    server.shutdown()


def test_publishing_an_article_purges_where_it_is_shown_in_both_languages(
    hajimena, sidosari, proxy
):
    article = add_news(hajimena, "Panen raya", live=False)
    english = article.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Harvest festival", "harvest-festival"
    english.save_revision().publish()
    proxy.purged.clear()
    article.save_revision().publish()
    assert proxy.purged >= {
        "hajimena.localhost/berita/panen-raya/",
        "hajimena.localhost/berita/",
        "hajimena.localhost/berita/feed/",
        "hajimena.localhost/",
        "hajimena.localhost/sitemap.xml",
        "hajimena.localhost/en/news/harvest-festival/",
        "hajimena.localhost/en/news/",
        "hajimena.localhost/en/",
    }
    assert not [url for url in proxy.purged if "sidosari" in url]


def test_unpublishing_purges_too(hajimena, proxy):
    article = add_news(hajimena, "Panen raya")
    proxy.purged.clear()
    article.unpublish()
    assert {"hajimena.localhost/berita/panen-raya/", "hajimena.localhost/berita/"} <= proxy.purged


def test_the_operator_names_their_cdn_in_the_environment():
    assert frontend_cache_from_environment({}) == {}
    backends = frontend_cache_from_environment(
        {
            "BALAI_PURGE_URL": "http://10.0.0.5:6081",
            "CLOUDFLARE_BEARER_TOKEN": "token",
            "CLOUDFLARE_ZONEID": "zone",
            "CLOUDFRONT_DISTRIBUTION_ID": "E123",
        }
    )
    assert sorted(backends) == ["cloudflare", "cloudfront", "proxy"]
    assert backends["cloudflare"]["ZONEID"] == "zone"
