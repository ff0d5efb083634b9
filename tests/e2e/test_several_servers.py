"""Balai as a province runs it: nginx (deploy/nginx-balai.conf, without its TLS) in front of two
app servers over one PostgreSQL, one Redis and, in CI, one S3 server for media. What one server
publishes the other and nginx show at once; a server restarted under load loses no request and
no complaint; and, in CI only (BALAI_FAULT_TESTS=1, as they stop this machine's PostgreSQL and
Redis), visitors get a clean 503 while PostgreSQL is down and pages while Redis is."""

import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from http.cookiejar import CookieJar

import pytest

from . import admin
from .conftest import SCREENSHOTS
from .server import ROOT, free_port, wait_for

pytestmark = pytest.mark.browser

VILLAGE = "hajimena"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def faults(test):
    """A test that stops one of this machine's services, in CI only."""
    return pytest.mark.outage(
        pytest.mark.skipif(
            not os.environ.get("BALAI_FAULT_TESTS"),
            reason="stops this machine's PostgreSQL and Redis: CI only (BALAI_FAULT_TESTS=1)",
        )(test)
    )


def gunicorn(balai, port, log):
    return subprocess.Popen(  # noqa: S603 (Balai's own server)
        [
            *(sys.executable, "-m", "gunicorn", "balai.wsgi"),
            *("--workers", "2", "--bind", f"127.0.0.1:{port}"),
            *("--access-logfile", "-", "--access-logformat", "%(s)s %(m)s %({host}i)s%(U)s"),
        ],
        cwd=ROOT,
        env=balai.env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def nginx_site(ports, port, folder, balai):
    """deploy/nginx-balai.conf as shipped, on loopback ports, without TLS (no certificate
    for *.localhost can be had here), over the browser suite's files."""
    site = (ROOT / "deploy" / "nginx-balai.conf").read_text()
    site = re.sub(r"\n    server 127\.0\.0\.1:8000[^\n]*", "", site)
    site = site.replace(
        "    keepalive 16;",
        "".join(f"    server 127.0.0.1:{p} max_fails=3 fail_timeout=10s;\n" for p in ports)
        + "    keepalive 16;",
    )
    site = re.sub(r"listen \[::\]:\d+[^;]*;", "", site)
    site = site.replace("listen 80;", f"listen 127.0.0.1:{free_port()};")
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    site = re.sub(r"\n    ssl_[^\n]*", "", site)
    site = site.replace("desa.lampungprov.go.id", "localhost")
    site = site.replace("/srv/balai/static/", f"{ROOT / 'static'}/")
    site = site.replace("/srv/balai/media/", f"{balai.env['MEDIA_ROOT']}/")
    temporary = "".join(
        f"{kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    # Workers as the suite's own user, who may read its temporary media folder.
    user = "user root;" if os.geteuid() == 0 else ""
    return (
        f"{user} daemon off; pid {folder / 'nginx.pid'}; error_log {folder / 'error.log'};\n"
        "events {}\n"
        f"http {{ include /etc/nginx/mime.types; access_log {folder / 'access.log'};\n"
        f"{temporary} uwsgi_temp_path {folder / 'uwsgi'}; scgi_temp_path {folder / 'scgi'};\n"
        f"{site}\n}}\n"
    )


class Cluster:
    def __init__(self, balai, folder):
        self.balai, self.folder = balai, folder
        self.second_port, self.nginx_port = free_port(), free_port()
        self.log = (folder / "second.log").open("w")
        self.second = gunicorn(balai, self.second_port, self.log)
        config = folder / "nginx.conf"
        config.write_text(
            nginx_site([balai.port, self.second_port], self.nginx_port, folder, balai)
        )
        self.nginx = subprocess.Popen([NGINX, "-c", str(config), "-p", str(folder)])  # noqa: S603
        wait_for(f"http://127.0.0.1:{self.second_port}/robots.txt")
        wait_for(f"http://127.0.0.1:{self.nginx_port}/robots.txt")

    def restart_second(self):
        self.second.terminate()
        self.second.wait(timeout=60)
        self.second = gunicorn(self.balai, self.second_port, self.log)
        wait_for(f"http://127.0.0.1:{self.second_port}/robots.txt")

    def stop(self):
        for process in (self.nginx, self.second):
            process.terminate()
            process.wait(timeout=60)
        self.log.close()


@pytest.fixture(scope="module")
def cluster(balai, tmp_path_factory):
    started = Cluster(balai, tmp_path_factory.mktemp("cluster"))
    yield started
    started.stop()


def request(port, path, village=VILLAGE, data=None):
    """A request to a server on loopback for `village`'s host (Python cannot resolve
    *.localhost, which browsers do themselves)."""
    host = f"{village}.localhost:{port}" if village else f"localhost:{port}"
    return urllib.request.Request(f"http://127.0.0.1:{port}{path}", data, {"Host": host})


def fetch(port, path, village=VILLAGE):
    """(status, body, content type) of a GET, 5xx included."""
    try:
        with urllib.request.urlopen(request(port, path, village), timeout=30) as answer:  # noqa: S310
            return (
                answer.status,
                answer.read().decode(errors="replace"),
                answer.headers["Content-Type"],
            )
    except urllib.error.HTTPError as answer:
        return answer.code, answer.read().decode(errors="replace"), answer.headers["Content-Type"]


def test_what_one_server_publishes_the_other_and_nginx_show_at_once(browser, balai, cluster):
    for port in (cluster.second_port, cluster.nginx_port):
        assert fetch(port, "/berita/")[0] == 200  # now kept in the page cache
    moderator = admin.staff_page(browser, balai, f"moderator-{VILLAGE}")
    title = "Kerja bakti saluran irigasi"
    admin.add_child_page(moderator, balai, "Berita")
    moderator.fill("#id_title", title)
    admin.publish(moderator)
    moderator.context.close()
    for port in (balai.port, cluster.second_port, cluster.nginx_port):
        status, html, _type = fetch(port, "/berita/")
        assert status == 200 and title in html, port


def test_an_image_uploaded_through_one_server_is_shown_by_the_other(browser, balai, cluster, photo):
    moderator = admin.staff_page(browser, balai, f"moderator-{VILLAGE}")
    title = "Sumur bor baru Dusun III"
    admin.start_news_with_photo(
        moderator,
        balai,
        title,
        photo("sumur-bor"),
        "Sumur bor",
        "Warga menimba air dari sumur bor baru",
    )
    admin.publish(moderator)
    moderator.context.close()
    _status, html, _type = fetch(cluster.second_port, "/berita/")
    card = html[html.index(title) - 1500 : html.index(title)]
    picture = re.findall(r'src="([^"]*/images/[^"]+)"', card)[-1]
    if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        # From the bucket, to anyone: the address the other server wrote into its page.
        assert picture.startswith(os.environ["AWS_S3_ENDPOINT_URL"]), picture
        with urllib.request.urlopen(picture, timeout=30) as answer:  # noqa: S310 (the S3 server)
            assert answer.status == 200 and answer.headers["Content-Type"].startswith("image/")
        return
    for port in (cluster.second_port, cluster.nginx_port):
        status, _body, content_type = fetch(port, picture)
        assert status == 200 and content_type.startswith("image/"), port


def complaint(port, village, number):
    """Sends the complaint form through `port` as a villager's browser would; True if kept."""
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    form = browser.open(request(port, "/pengaduan/", village), timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "name": f"Warga {number}",
            "phone": "0812-3456-7890",
            "message": f"Keluhan nomor {number} saat server dimulai ulang.",
        }
    ).encode()
    with browser.open(request(port, "/pengaduan/", village, data), timeout=30) as answer:
        return "/pengaduan/terkirim/" in answer.url


def load(port, seconds):
    """What wrk printed after asking nginx for the home page for `seconds`."""
    return subprocess.run(  # noqa: S603 (wrk against nginx on loopback)
        [
            *("wrk", "-t2", "-c8", f"-d{seconds}s", "--timeout", "10s"),
            *("-H", f"Host: {VILLAGE}.localhost:{port}", f"http://127.0.0.1:{port}/"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_a_server_restarted_under_load_loses_no_request_and_no_complaint(balai, cluster):
    printed = {}
    loading = threading.Thread(target=lambda: printed.update(out=load(cluster.nginx_port, 8)))
    loading.start()
    kept = []
    for number in range(6):
        village = (VILLAGE, "sidodadi-sidomulyo")[number % 2]
        kept.append(complaint(cluster.nginx_port, village, number))
        if number == 2:
            cluster.restart_second()
        time.sleep(0.5)
    loading.join()
    out = printed["out"]
    SCREENSHOTS.mkdir(exist_ok=True)  # the figures, beside the suite's other records
    (SCREENSHOTS / "several-servers-load.txt").write_text(out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    assert requests > 100
    assert "Non-2xx or 3xx responses" not in out and "Socket errors" not in out, out
    assert all(kept), kept
    counted = balai.manage(
        "shell",
        "-c",
        "from village_pages.models import Complaint; "
        "print(Complaint.objects.filter(message__contains='saat server dimulai ulang').count())",
    )
    assert counted.strip().splitlines()[-1] == "6"


@contextmanager
def stopped(stop, start):
    subprocess.run(stop, check=True)  # noqa: S603 (this machine's own service)
    try:
        yield
    finally:
        subprocess.run(start, check=True)  # noqa: S603


def postgresql(action):
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action]


REDIS_START = [
    "sh",
    "-c",
    "redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no"
    " && until redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; do sleep 0.2; done",
]


@faults
def test_while_postgresql_is_down_visitors_get_a_503_page_and_balai_recovers(balai, cluster):
    with stopped(postgresql("stop"), postgresql("start")):
        for port in (balai.port, cluster.second_port, cluster.nginx_port):
            status, html, _type = fetch(port, "/cari/?q=sumur")  # never cached
            assert status == 503 and "Situs sedang dipulihkan." in html, port
            assert "Traceback" not in html
            status, health, _type = fetch(port, "/healthz", village=None)
            assert status == 503 and '"database": "unavailable"' in health
    for port in (balai.port, cluster.second_port, cluster.nginx_port):
        assert fetch(port, "/cari/?q=sumur")[0] == 200, port  # no restart needed


@faults
def test_while_redis_is_down_pages_are_still_made(balai, cluster):
    with stopped(["redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"], REDIS_START):
        for port in (balai.port, cluster.second_port, cluster.nginx_port):
            for path in ("/", "/berita/", "/produk/"):
                assert fetch(port, path)[0] == 200, (port, path)
            status, health, _type = fetch(port, "/healthz", village=None)
            assert status == 503 and '"cache": "unavailable"' in health
    for port in (balai.port, cluster.second_port):
        assert answers_within(port, "/healthz", seconds=15) == 200, port


def answers_within(port, path, seconds):
    """The status of `path` once it is 200, or the last one after `seconds`: a service just
    started again takes a moment to take connections."""
    deadline = time.monotonic() + seconds
    while (status := fetch(port, path, village=None)[0]) != 200 and time.monotonic() < deadline:
        time.sleep(0.5)
    return status
