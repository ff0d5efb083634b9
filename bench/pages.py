"""How heavy is each page of a demo village: HTML bytes, compressed bytes and SQL queries,
in Indonesian and in English; and how much slower pages are with English on.

Two worker processes each seed the demo villages into a throwaway SQLite database, one in
Indonesian and English, one in Indonesian only (BALAI_LANGUAGES=id). Every page type is
fetched twice (the first fetch makes the image renditions) and the second is reported. Then
both render the Indonesian pages in turns, so both see the same load on this shared machine,
and the ratio of their processor times is printed.

    .venv/bin/python bench/pages.py
"""

import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HTML_BUDGET = 14 * 1024  # compressed: one round trip on a slow connection
ASSETS_BUDGET = 20 * 1024  # compressed CSS, JS and fonts for the whole site
VILLAGE_HOST = "kubu-perahu.localhost"
ENGLISH_TARGET = 1.1
ROUNDS = 20


def set_up(folder):
    os.environ["DJANGO_SETTINGS_MODULE"] = "balai.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'pages.sqlite3'}"
    os.environ["BALAI_SITE_PORT"] = "80"
    os.environ["DEBUG"] = "false"  # as in production, where queries are not logged
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
    """Bytes and gzip bytes of every stylesheet and script Balai's pages load."""
    static = Path(__file__).resolve().parent.parent / "balai/static"
    files = sorted(static.glob("css/*.css")) + sorted(static.glob("js/*.js"))
    raw = [path.read_bytes() for path in files]
    return sum(map(len, raw)), sum(len(gzip.compress(data, 6)) for data in raw)


def english_paths():
    return {
        "home (en)": "/en/",
        "catalogue (en)": "/en/products/",
        "news index (en)": "/en/news/",
        "services (en)": "/en/services/",
        "profile (en)": "/en/profile/",
        "search (en)": "/en/search/?q=posyandu",
    }


def rows(client, english):
    measured = [
        ("portal", *measure(client, "/", "localhost")),
        ("portal products", *measure(client, "/produk/", "localhost")),
        ("products API", *measure(client, "/api/produk/", "localhost")),
    ]
    paths = {**page_paths(), **(english_paths() if english else {})}
    return measured + [(name, *measure(client, path, VILLAGE_HOST)) for name, path in paths.items()]


def render_all(client):
    """Processor seconds per page to render every Indonesian page type and the portal
    catalogue once: waiting for a busy machine does not count, SQLite's work does."""
    pages = [(path, VILLAGE_HOST) for path in page_paths().values()] + [("/produk/", "localhost")]
    started = time.process_time()
    for path, host in pages:
        client.get(path, HTTP_HOST=host)
    return (time.process_time() - started) / len(pages)


def work(languages):
    """The worker's side: seed, then answer "rows" and "time" as the parent asks."""
    os.environ["BALAI_LANGUAGES"] = languages
    with tempfile.TemporaryDirectory(prefix="balai-pages-") as folder:
        set_up(folder)
        from django.test import Client

        client = Client()
        print(json.dumps(rows(client, english="en" in languages)), flush=True)
        for _line in sys.stdin:
            print(render_all(client), flush=True)


class Worker:
    def __init__(self, languages):
        self.process = subprocess.Popen(  # noqa: S603 (this same script, as a worker)
            [sys.executable, __file__, "--worker", languages],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            # One hash seed for both, so neither is luckier in its dictionaries' layout.
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        self.rows = json.loads(self.process.stdout.readline())

    def render(self):
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        return float(self.process.stdout.readline())

    def stop(self):
        self.process.stdin.close()
        self.process.wait()


def main():
    both, indonesian = Worker("id,en"), Worker("id")
    alone = {name: queries for name, *_, queries in indonesian.rows}
    print(f"{'page':<17}{'HTML bytes':>11}{'gzip bytes':>11}{'queries':>8}{'(id only)':>10}")
    for name, raw, packed, queries in both.rows:
        flag = "" if packed <= HTML_BUDGET else "  over the 14 KB budget"
        print(f"{name:<17}{raw:>11,}{packed:>11,}{queries:>8}{alone.get(name, ''):>10}{flag}")
    css, css_packed = asset_bytes()
    print(
        f"\nCSS+JS+fonts for the whole site: {css:,} bytes, {css_packed:,} gzip "
        f"(budget {ASSETS_BUDGET:,}); no web fonts, one small script for the portal's filters"
    )
    two = one = 0.0
    for _ in range(ROUNDS):
        two += both.render()
        one += indonesian.render()
    both.stop()
    indonesian.stop()
    print(
        f"processor time per page: {one * 1000 / ROUNDS:.1f} ms Indonesian only, "
        f"{two * 1000 / ROUNDS:.1f} ms with English; "
        f"ratio {two / one:.2f} (target <= {ENGLISH_TARGET}), measured in turns"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        work(sys.argv[2])
    else:
        main()
