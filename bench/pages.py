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
    fill_catalogue()


def fill_catalogue(size=24):
    """Enough products in one village for a full catalogue page, as a busy BUMDes would have."""
    from marketplace.models import ProductPage, ProductPhoto
    from sites.models import Village

    village = Village.objects.get(slug=VILLAGE_HOST.split(".")[0])
    index = village.home_page.get_children().get(slug="produk")
    model = ProductPage.objects.child_of(index).first()
    photos = [photo.image for photo in model.photos.all()]
    for number in range(ProductPage.objects.child_of(index).count(), size):
        index.add_child(
            instance=ProductPage(
                title=f"Kopi bubuk pilihan nomor {number}",
                price=40000 + number * 1000,
                unit="pack",
                description="<p>Robusta petik merah dari kebun warga.</p>",
                summary="Robusta petik merah dari kebun warga.",
                seller=model.seller,
                category=model.category,
                photos=[ProductPhoto(image=photos[0])],
            )
        )


def page_paths():
    from marketplace.models import ProductPage
    from village_pages.models import AnnouncementPage, EventPage, NewsPage, ServicePage

    def first(model):
        page = model.objects.live().filter(url_path__contains="/kubu-perahu/").first()
        return page.url_path.split("/kubu-perahu", 1)[1]

    return {
        "home": "/",
        "catalogue (24)": "/produk/",
        "news index": "/berita/",
        "news article": first(NewsPage),
        "announcements": "/pengumuman/",
        "announcement": first(AnnouncementPage),
        "services": "/layanan/",
        "service": first(ServicePage),
        "events": "/agenda/",
        "event": first(EventPage),
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
        rows = [
            ("portal", *measure(client, "/", "localhost")),
            ("portal products", *measure(client, "/produk/", "localhost")),
            ("products API", *measure(client, "/api/produk/", "localhost")),
        ]
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
