"""Does the portal catalogue search as fast over 90,000 products as over 900?

Two copies of the Lampung install of `bench/installs.py` (2,651 villages) differ only in their
products: 30 in each of the first 30 villages (900), or 34 in every village (90,134), named
from the same list, so a query matches the same share of each. Each copy is served by a
gunicorn with production settings, two workers and no page cache, and wrk asks both in turns
for a few seconds per address; `/robots.txt` on the same gunicorn is the yardstick. A search
asked again finds its counts by category and regency kept (`marketplace/catalogue_counts.py`);
the first answer to a search never counted before (a price ceiling above every price, new
each time) is timed too, one request at a time. The copies are kept between runs.

    .venv/bin/python bench/search.py [--rebuild]
"""

import argparse
import http.client
import os
import subprocess
import sys
import time
from pathlib import Path
from statistics import median
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.installs import INSTALLS, build, psql  # noqa: E402
from bench.serve import (  # noqa: E402
    ROOT,
    free_port,
    ratio,
    requests_per_second,
    table,
    wait_until_serving,
)

LAMPUNG = INSTALLS[1]
TARGET = 2.0  # time over 90,000 products over the time over 900
COPIES = (("900", "search_900", 30, 30), ("90,134", "search_90000", None, 34))
ADDRESSES = (
    ("robots.txt", "/robots.txt"),
    ("q=kopi (1 in 8)", "/produk/?q=kopi"),
    ("q=kopi luwak (1 in 30)", "/produk/?q=kopi+luwak"),
    ("q=pertanian (stem tani)", "/produk/?q=pertanian"),
    ("q=kopi, cheapest", "/produk/?q=kopi&urut=termurah"),
)
NAMES = (
    *("Kopi Robusta", "Kopi Luwak", "Gula Aren", "Keripik Pisang", "Beras Organik"),
    *("Madu Hutan", "Anyaman Bambu", "Tapis Lampung", "Kerupuk Ikan", "Sambal Lingkung"),
    *("Lada Hitam", "Kakao Fermentasi", "Emping Melinjo", "Minyak Kelapa", "Dodol Durian"),
    *("Beras Petani", "Pisang Kepok", "Telur Ayam Kampung", "Tempe Kedelai", "Batik Tulis"),
    *("Gerabah Tanah Liat", "Ikan Asin", "Jahe Merah", "Kelanting", "Lempok Durian"),
    *("Sirup Pala", "Tikar Pandan", "Bibit Cabai", "Pupuk Kompos", "Teh Daun Kelor"),
)


def fill(limit, per_village):
    """Give the first `limit` villages (all: None) `per_village` live products each, indexed."""
    import datetime
    import uuid

    import django

    django.setup()
    from django.db.models import F
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from marketplace.models import ProductIndexPage, ProductPage, Seller
    from sites.models import Village
    from sites.page_rows import insert_pages

    indonesian = Locale.objects.get(language_code="id")
    villages = list(Village.objects.select_related("home_page").order_by("code")[:limit])
    indexes = {
        index.path[: -Page.steplen]: index
        for index in ProductIndexPage.objects.filter(
            locale=indonesian, depth=villages[0].home_page.depth + 1
        )
    }
    sellers = {seller.village_id: seller for seller in Seller.objects.filter(locale=indonesian)}
    Seller.objects.bulk_create(
        [
            Seller(village=village, name=f"BUMDes {village.name}", locale=indonesian)
            for village in villages
            if village.id not in sellers
        ]
    )
    sellers = {seller.village_id: seller for seller in Seller.objects.filter(locale=indonesian)}
    now = datetime.datetime.now(datetime.UTC)
    for start in range(0, len(villages), 200):
        batch, pages = villages[start : start + 200], []
        for village in batch:
            index = indexes[village.home_page.path]
            for number in range(per_village):
                name, slug = NAMES[number % len(NAMES)], f"bench-{number}"
                pages.append(
                    ProductPage(
                        title=f"{name} {village.name}",
                        slug=slug,
                        path=Page._get_path(
                            index.path, index.depth + 1, index.numchild + number + 1
                        ),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}{slug}/",
                        locale=indonesian,
                        translation_key=uuid.uuid4(),
                        live=True,
                        first_published_at=now - datetime.timedelta(minutes=len(pages)),
                        summary=f"{name} buatan warga {village.name}.",
                        description=f"<p>{name} dari desa {village.name}.</p>",
                        price=5000 + 1000 * number,
                        seller=sellers[village.id],
                        village=village,
                    )
                )
        insert_pages(pages)
        Page.objects.filter(pk__in=[indexes[v.home_page.path].pk for v in batch]).update(
            numchild=F("numchild") + per_village
        )
        get_search_backend().add_bulk(ProductPage, pages)
        print(f"{start + len(batch)} villages filled", flush=True)


def environment(database, port):
    return {
        **LAMPUNG.environment(port, page_cache=False),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/balai_bench_{database}",
        "CACHE_KEY_PREFIX": f"bench-{database}",
    }


def build_copy(database, limit, per_village):
    print(f"== balai_bench_{database}: {per_village} products in each of {limit or 'all'} villages")
    psql("-c", f'DROP DATABASE IF EXISTS "balai_bench_{database}"')
    psql("-c", f'CREATE DATABASE "balai_bench_{database}" TEMPLATE "{LAMPUNG.database}"')
    subprocess.run(  # noqa: S603 (this same script, filling)
        [sys.executable, __file__, "--fill", str(limit or 0), str(per_village)],
        cwd=ROOT,
        env=environment(database, 8000),
        check=True,
    )
    psql("-c", "ANALYZE", database=f"balai_bench_{database}")
    psql("-c", "CREATE TABLE bench_built ()", database=f"balai_bench_{database}")


def built(database):
    name = f"balai_bench_{database}"
    if name not in psql("-c", "SELECT datname FROM pg_database").split():
        return False
    return psql("-c", "SELECT to_regclass('bench_built')", database=name).strip() != ""


class Server:
    def __init__(self, database):
        self.port = free_port()
        self.gunicorn = subprocess.Popen(  # noqa: S603 (Balai's own server)
            [
                *(sys.executable, "-m", "gunicorn", "balai.wsgi"),
                *("--workers", "2", "--bind", f"127.0.0.1:{self.port}", "--timeout", "120"),
            ],
            cwd=ROOT,
            env=environment(database, self.port),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until_serving(self.port)

    def load(self, path, seconds):
        return requests_per_second(self.port, "localhost", path, seconds)

    def first_answer(self, path, number):
        """Seconds to answer `path` as a search never counted before (the `number`th)."""
        ceiling = "&" if "?" in path else "?"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        started = time.perf_counter()
        connection.request(
            "GET", f"{path}{ceiling}harga_maks={10**12 + number}", headers={"Host": "localhost"}
        )
        response = connection.getresponse()
        response.read()
        took = time.perf_counter() - started
        connection.close()
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}")
        return took

    def stop(self):
        self.gunicorn.terminate()
        self.gunicorn.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="fill both copies again")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--first-answers", type=int, default=15, help="timed a search a copy")
    parser.add_argument("--fill", nargs=2, type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.fill:
        limit, per_village = options.fill
        return fill(limit or None, per_village)
    for install in INSTALLS[:2]:
        if not install.built:
            build(install)
    for _label, database, limit, per_village in COPIES:
        if options.rebuild or not built(database):
            build_copy(database, limit, per_village)
    LAMPUNG.manage("collectstatic", "--noinput", "-v", "0")
    os.environ.pop("DATABASE_URL", None)
    first_village = psql(
        "-c", "SELECT name FROM sites_village ORDER BY code LIMIT 1", database=LAMPUNG.database
    ).strip()
    addresses = [
        *ADDRESSES,
        (f"q=kopi {first_village} (2 in all)", f"/produk/?q=kopi+{quote(first_village)}"),
    ]
    servers = [Server(database) for _label, database, _limit, _per in COPIES]
    try:
        for server in servers:
            for _name, path in addresses:
                server.load(path, 2)  # untimed: templates loaded, plans cached
        speeds, firsts = {}, {}
        for _ in range(options.rounds):
            for name, path in addresses:
                for index, server in enumerate(servers):
                    speeds.setdefault((name, index), []).append(server.load(path, options.seconds))
        for number in range(options.first_answers):
            for name, path in addresses[1:]:
                for index, server in enumerate(servers):
                    took = server.first_answer(path, number)
                    firsts.setdefault((name, index), []).append(took)
    finally:
        for server in servers:
            server.stop()
    rows, failures = [], []
    for name, _path in addresses:
        rates = [median(speeds[name, index]) for index in range(len(servers))]
        slowdown = 1 / ratio(rates) if rates[-1] else float("inf")
        rows.append([name, *(f"{rate:.1f}" for rate in rates), f"{slowdown:.2f}"])
        if slowdown > TARGET:
            failures.append(f"{name}: {slowdown:.2f}x the time over 90,000 products")
    labels = [f"req/s {label}" for label, *_rest in COPIES]
    table(
        "Portal catalogue /produk/, gunicorn -w 2, no page cache",
        ["address", *labels, "time x"],
        rows,
    )
    first_rows = []
    for name, _path in addresses[1:]:
        times = [median(firsts[name, index]) for index in range(len(servers))]
        first_rows.append([name, *(f"{took * 1000:.0f}" for took in times), f"{ratio(times):.2f}"])
    table(
        "First answer to a search never counted before, one at a time (median)",
        ["address", *(f"ms {label}" for label, *_rest in COPIES), "time x"],
        first_rows,
    )
    print(f"\nTarget: at most {TARGET:.1f}x the time over 90,000 products as over 900.")
    print("\n".join(failures) or "Every search is within the target.")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
