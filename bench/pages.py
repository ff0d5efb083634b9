"""How heavy is each page of a demo village: HTML bytes, compressed bytes and SQL queries.

Seeds the demo villages into a throwaway SQLite database, fetches every page type twice
(the first fetch makes the image renditions) and reports the second.

    .venv/bin/python bench/pages.py
"""

import gzip
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HTML_BUDGET = 14 * 1024  # compressed: one round trip on a slow connection
ASSETS_BUDGET = 20 * 1024  # compressed CSS, JS and fonts for the whole site
VILLAGE_HOST = "kubu-perahu.localhost"


def set_up(folder):
    os.environ["DJANGO_SETTINGS_MODULE"] = "balai.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'pages.sqlite3'}"
    os.environ["BALAI_SITE_PORT"] = "80"
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.MEDIA_ROOT = Path(folder) / "media"
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def page_paths():
    from marketplace.models import ProductPage
    from village_pages.models import AnnouncementPage, EventPage, NewsPage, ServicePage

    def first(model):
        page = model.objects.live().filter(url_path__contains="/kubu-perahu/").first()
        return page.url_path.split("/kubu-perahu", 1)[1]

    return {
        "home": "/",
        "news index": "/berita/",
        "news article": first(NewsPage),
        "announcements": "/pengumuman/",
        "announcement": first(AnnouncementPage),
        "services": "/layanan/",
        "service": first(ServicePage),
        "events": "/agenda/",
        "event": first(EventPage),
        "products": "/produk/",
        "product": first(ProductPage),
        "profile": "/profil/",
        "complaint form": "/pengaduan/",
        "search": "/cari/?q=posyandu",
    }


def measure(client, path, host):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path, HTTP_HOST=host)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=host)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    html = response.content
    return len(html), len(gzip.compress(html, 6)), len(queries)


def asset_bytes():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/balai.css")).read_bytes()
    return len(css), len(gzip.compress(css, 6))


def main():
    from django.test import Client

    with tempfile.TemporaryDirectory(prefix="balai-pages-") as folder:
        set_up(folder)
        client = Client()
        rows = [("portal", *measure(client, "/", "localhost"))]
        rows += [
            (name, *measure(client, path, VILLAGE_HOST)) for name, path in page_paths().items()
        ]
    print(f"{'page':<16}{'HTML bytes':>12}{'gzip bytes':>12}{'queries':>9}")
    for name, raw, packed, queries in rows:
        flag = "" if packed <= HTML_BUDGET else "  over the 14 KB budget"
        print(f"{name:<16}{raw:>12,}{packed:>12,}{queries:>9}{flag}")
    css, css_packed = asset_bytes()
    print(
        f"\nCSS+JS+fonts for the whole site: {css:,} bytes, {css_packed:,} gzip "
        f"(budget {ASSETS_BUDGET:,}); no JavaScript, no web fonts"
    )


if __name__ == "__main__":
    main()
