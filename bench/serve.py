"""Does Balai answer as fast with 11,000 villages as with 5, and how fast from its page cache?

Over each install of `bench/installs.py` (built first when missing, kept between runs), two
gunicorns with production settings and two workers each serve on loopback: one keeps whole
pages in the shared cache (Redis), as production does, the other renders every page. In turns
across the three installs, so all see the same load on this shared machine, wrk asks each
address for a few seconds; `/robots.txt` on the same gunicorn, in the same turn, is the
yardstick. The admin views are timed one request at a time, for a village's editor and
moderator and for the province's operator (a superuser). A Django process per install, with
the same settings, counts each address's SQL queries, cache round trips and HTML bytes.

    .venv/bin/python bench/serve.py [--quick] [--rebuild]
"""

import argparse
import json
import re
import socket
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.installs import INSTALLS, ROOT, ensure_built  # noqa: E402

VILLAGE = "hajimena"
ROLES = ("editor", "moderator", "superuser")
SCALE_TARGET = 1.5  # time and queries at 11,000 villages over 5
UNCACHED_SHARE = 0.10  # of robots.txt's req/s
CACHED_SHARE = 0.50
UNCACHED_QUERIES, ROUND_TRIPS = 10, 3
ADMIN_HTML_BUDGET = 300 * 1024
# Measured besides the admin views: a district lists 2 village homes at 5 villages and
# 26 at the larger installs, so its time tells the cost of a row more than of a view.
BEYOND_TARGETS = {"explorer district"}
RSS_TARGET = 1.3


# The Django side: one process per install, answering what an address costs.


def addresses():
    """(name, host, path) of the public pages measured, for this install."""
    from sites.models import Village
    from village_pages.models import NewsPage

    def path(page):
        return page.get_url_parts()[2]

    village = Village.objects.select_related("home_page").get(slug=VILLAGE)
    district = village.home_page.get_parent().specific
    regency = district.get_parent().specific
    article = NewsPage.objects.live().descendant_of(village.home_page).order_by("pk").first()
    portal, home = "localhost", f"{VILLAGE}.localhost"
    return [
        ("robots.txt", portal, "/robots.txt"),
        ("portal home", portal, "/"),
        ("portal catalogue", portal, "/produk/"),
        ("products API", portal, "/api/produk/"),
        ("regency page", portal, path(regency)),
        ("district page", portal, path(district)),
        ("sitemap index", portal, "/sitemap.xml"),
        ("regency sitemap", portal, f"/sitemap-{regency.slug}.xml"),
        ("village home", home, "/"),
        ("news index", home, "/berita/"),
        ("news article", home, path(article)),
    ]


def admin_addresses():
    from sites.models import Village
    from tests.sites.test_admin_at_scale import views

    return views(Village.objects.get(slug=VILLAGE))


def users():
    from django.contrib.auth import get_user_model

    names = {"editor": f"editor-{VILLAGE}", "moderator": f"moderator-{VILLAGE}"}
    names["superuser"] = "admin"
    return {role: get_user_model().objects.get(username=name) for role, name in names.items()}


def cost(client, host, path, port):
    """Status, SQL queries, cache round trips and bytes of a third visit (the first two make
    renditions and fill the caches)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.queries import cache_round_trips

    for _ in range(2):
        client.get(path, HTTP_HOST=f"{host}:{port}")
    with CaptureQueriesContext(connection) as queries, cache_round_trips() as round_trips:
        response = client.get(path, HTTP_HOST=f"{host}:{port}")
    return [response.status_code, len(queries), len(round_trips), len(response.content)]


def work(port):
    import django

    django.setup()
    from django.test import Client

    clients = {"visitor": Client()}
    for role, user in users().items():
        clients[role] = Client()
        clients[role].force_login(user)
    sessions = {role: clients[role].cookies["sessionid"].value for role in ROLES}
    print(
        json.dumps(
            {"pages": addresses(), "admin": admin_addresses(), "sessions": sessions},
        ),
        flush=True,
    )
    for line in sys.stdin:
        role, host, path = json.loads(line)
        print(json.dumps(cost(clients[role], host, path, port)), flush=True)


# The measuring side.


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(port):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn on {port} did not start")


def requests_per_second(port, host, path, seconds, connections=2, session=None):
    """Requests a second wrk gets from `path` on loopback; answers other than 2xx or 3xx stop
    the run, but for staff (`session`), who may be refused a view the table then shows."""
    command = [
        *("wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s"),
        *("-H", f"Host: {host}:{port}"),
    ]
    if session:
        command += ["-H", f"Cookie: sessionid={session}"]
    printed = subprocess.run(  # noqa: S603 (wrk against Balai on loopback)
        [*command, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    done, took, unit = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)\b", printed).groups()
    took = float(took) * {"ms": 0.001, "s": 1, "m": 60}[unit]
    if re.search(r"Non-2xx or 3xx responses: (\d+)", printed) and not session:
        raise SystemExit(f"{host}{path} answered errors:\n{printed}")
    return int(done) / took if int(done) else 0.0


class Balai:
    """A gunicorn over one install, and a Django process that counts what it does."""

    def __init__(self, install, page_cache):
        self.install, self.port = install, free_port()
        env = install.environment(self.port, page_cache)
        self.gunicorn = subprocess.Popen(  # noqa: S603 (Balai's own server)
            [
                *(sys.executable, "-m", "gunicorn", "balai.wsgi"),
                *("--workers", "2", "--bind", f"127.0.0.1:{self.port}", "--timeout", "120"),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.counter = subprocess.Popen(  # noqa: S603 (this same script, as a worker)
            [sys.executable, __file__, "--worker", str(self.port)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        found = json.loads(self.counter.stdout.readline())
        self.pages = {name: (host, path) for name, host, path in found["pages"]}
        self.admin, self.sessions = found["admin"], found["sessions"]
        wait_until_serving(self.port)

    def cost(self, role, host, path):
        self.counter.stdin.write(json.dumps([role, host, path]) + "\n")
        self.counter.stdin.flush()
        return json.loads(self.counter.stdout.readline())

    def load(self, host, path, seconds, connections=2, role=None):
        """Requests a second wrk gets from `path`."""
        session = self.sessions[role] if role else None
        return requests_per_second(self.port, host, path, seconds, connections, session)

    def worker_rss(self):
        """The largest resident memory of the gunicorn's workers, in MB."""
        children = Path(f"/proc/{self.gunicorn.pid}/task/{self.gunicorn.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
        return max(sizes)

    def stop(self):
        self.counter.stdin.close()
        self.counter.wait()
        self.gunicorn.terminate()
        self.gunicorn.wait(timeout=30)


def ratio(values):
    return values[-1] / values[0] if values[0] else float("inf")


def table(title, header, rows):
    print(f"\n{title}")
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=False)]
    for row in [header, *rows]:
        print("  ".join(str(cell).rjust(width) for cell, width in zip(row, widths, strict=False)))


def public_pages(cached, rendered, seconds, rounds):
    """req/s of every address, on both gunicorns of each install, in turns."""
    speeds = defaultdict(list)  # (mode, name, install index): [req/s per round]
    names = list(rendered[0].pages)
    for name in names:
        for balai in (*rendered, *cached):
            # Untimed: both workers load their templates, and the install makes the page's
            # image renditions, once, as they would long before a busy hour.
            balai.load(*balai.pages[name], seconds=2)
    for _ in range(rounds):
        for name in names:
            for mode, balais in (("rendered", rendered), ("cached", cached)):
                for index, balai in enumerate(balais):
                    host, path = balai.pages[name]
                    speeds[mode, name, index].append(balai.load(host, path, seconds))
    return {key: median(values) for key, values in speeds.items()}, names


def report_pages(cached, rendered, speeds, names):
    failures = []
    labels = [install.label for install in INSTALLS]
    rows = []
    for name in names:
        rendered_speeds = [speeds["rendered", name, i] for i in range(len(INSTALLS))]
        cached_speeds = [speeds["cached", name, i] for i in range(len(INSTALLS))]
        counts = [balai.cost("visitor", *balai.pages[name]) for balai in rendered]
        cached_counts = [balai.cost("visitor", *balai.pages[name]) for balai in cached]
        slowdown = rendered_speeds[0] / rendered_speeds[-1] if rendered_speeds[-1] else 0
        rows.append(
            [
                name,
                *(f"{speed:.1f}" for speed in rendered_speeds),
                f"{slowdown:.2f}",
                *(f"{speed:.0f}" for speed in cached_speeds),
                "/".join(str(count[1]) for count in counts),
                "/".join(str(count[2]) for count in counts),
                "/".join(str(count[1]) for count in cached_counts),
                f"{counts[-1][3]:,}",
            ]
        )
        if slowdown > SCALE_TARGET and name != "robots.txt":
            failures.append(f"{name}: {slowdown:.2f}x as slow at {labels[-1]} villages")
        if name in ("village home", "news index", "news article"):
            for index, label in enumerate(labels):
                robots = speeds["rendered", "robots.txt", index]
                if rendered_speeds[index] < UNCACHED_SHARE * robots:
                    failures.append(f"{name} rendered at {label}: under 10% of robots.txt")
                if (
                    speeds["cached", name, index]
                    < CACHED_SHARE * speeds["cached", "robots.txt", index]
                ):
                    failures.append(f"{name} cached at {label}: under 50% of robots.txt")
            if max(count[1] for count in counts) > UNCACHED_QUERIES:
                failures.append(f"{name}: more than {UNCACHED_QUERIES} queries")
            if max(count[2] for count in counts) > ROUND_TRIPS:
                failures.append(f"{name}: more than {ROUND_TRIPS} cache round trips")
            if max(count[1] for count in cached_counts):
                failures.append(f"{name}: queries when served from the cache")
    header = [
        "address",
        *(f"{label} req/s" for label in labels),
        "slower",
        *(f"{label} cached" for label in labels),
        "queries",
        "cache trips",
        "cached q.",
        "bytes",
    ]
    table("Public pages, rendered on every hit and from the page cache (req/s)", header, rows)
    shares = []
    for name in ("village home", "news index", "news article"):
        cells = []
        for index in range(len(INSTALLS)):
            robots_rendered = speeds["rendered", "robots.txt", index]
            robots_cached = speeds["cached", "robots.txt", index]
            cells.append(f"{speeds['rendered', name, index] / robots_rendered:.0%}")
            cells.append(f"{speeds['cached', name, index] / robots_cached:.0%}")
        shares.append([name, *cells])
    share_header = ["page"]
    for label in labels:
        share_header += [f"{label} rendered", f"{label} cached"]
    table(
        "Share of robots.txt's req/s on the same gunicorn (targets 10% and 50%)",
        share_header,
        shares,
    )
    return failures


def admin_views(rendered, seconds):
    """Seconds, queries and bytes of each admin view for each role, in turns."""
    failures, rows = [], []
    labels = [install.label for install in INSTALLS]
    for role in ROLES:
        for name in rendered[0].admin:
            times, counts = [], []
            for balai in rendered:
                path = balai.admin[name]
                # Counted first: its visits fill the shared cache, as earlier visitors would.
                counts.append(balai.cost(role, "localhost", path))
                speed = balai.load("localhost", path, seconds, connections=1, role=role)
                times.append(1 / speed if speed else float("inf"))
            statuses = {count[0] for count in counts}
            rows.append(
                [
                    role,
                    name,
                    *(f"{seconds:.3f}" for seconds in times),
                    f"{ratio(times):.2f}",
                    "/".join(str(count[1]) for count in counts),
                    f"{max(count[3] for count in counts) / 1024:.0f}",
                    "/".join(map(str, sorted(statuses))),
                ]
            )
            if statuses - {200, 302}:
                failures.append(f"{role} {name}: answered {statuses}")
            if ratio(times) > SCALE_TARGET and name not in BEYOND_TARGETS:
                failures.append(f"{role} {name}: {ratio(times):.2f}x as long at {labels[-1]}")
            if counts[-1][1] > SCALE_TARGET * counts[0][1]:
                failures.append(f"{role} {name}: {counts[0][1]} to {counts[-1][1]} queries")
            if max(count[3] for count in counts) > ADMIN_HTML_BUDGET:
                failures.append(f"{role} {name}: over 300 KB of HTML")
    header = [
        "role",
        "view",
        *(f"{label} s" for label in labels),
        "ratio",
        "queries",
        "max KB",
        "status",
    ]
    table("Admin views, one request at a time (seconds)", header, rows)
    print(f"Measured, not a target: {', '.join(sorted(BEYOND_TARGETS))}.")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one short turn of each")
    parser.add_argument("--rebuild", action="store_true", help="build the installs again")
    parser.add_argument("--only", choices=("pages", "admin"), help="measure only these")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return work(args.worker)
    ensure_built(args.rebuild)
    flush = ["redis-cli", "-n", "13", "flushdb"]  # the installs' shared cache, from empty
    subprocess.run(flush, check=True, capture_output=True)  # noqa: S603, S607
    seconds, rounds = (1, 1) if args.quick else (2, 3)
    rendered = [Balai(install, page_cache=False) for install in INSTALLS]
    cached = [Balai(install, page_cache=True) for install in INSTALLS]
    try:
        villages = [balai.install.label for balai in rendered]
        print(
            f"Installs: {', '.join(villages)} villages; gunicorn -w 2 each, "
            f"wrk -c2 for {seconds} s a turn"
        )
        failures = []
        if args.only != "admin":
            speeds, names = public_pages(cached, rendered, seconds, rounds)
            failures += report_pages(cached, rendered, speeds, names)
        if args.only != "pages":
            failures += admin_views(rendered, seconds)
        rss = [balai.worker_rss() for balai in rendered]
        print(
            "\nWorker memory after the run (largest worker): "
            + ", ".join(f"{mb:.0f} MB at {label}" for mb, label in zip(rss, villages, strict=False))
            + f"; ratio {ratio(rss):.2f} (target <= {RSS_TARGET})"
        )
        if ratio(rss) > RSS_TARGET:
            failures.append(f"worker memory {ratio(rss):.2f}x")
    finally:
        for balai in rendered + cached:
            balai.stop()
    print("\n" + ("\n".join(f"MISSED: {failure}" for failure in failures) or "Every target holds."))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
