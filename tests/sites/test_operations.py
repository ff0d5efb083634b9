"""What operators and load balancers see: /healthz, a 503 while the database is away, one log
line a request, and settings refused with a clear message before anything starts."""

import gzip
import json
import logging
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.conf import settings
from django.test import Client, override_settings

from tests.sites.test_production_settings import production

pytestmark = pytest.mark.django_db

HAJIMENA = "hajimena.localhost"


def closed_port():
    """A loopback port nothing listens on: a server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_that_is_away():
    """The cache settings of production, pointed at a Redis that does not answer."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
    }


def test_healthz_answers_on_any_host_and_is_never_kept():
    for host in ("localhost", "10.0.0.7", "balai-web-1"):
        response = Client(HTTP_HOST=host).get("/healthz")
        assert response.status_code == 200, host
        assert response.json() == {"database": "ok", "cache": "ok", "storage": "ok"}
        assert response["Cache-Control"] == "no-store"


def test_healthz_names_a_cache_that_does_not_answer():
    with override_settings(CACHES={**settings.CACHES, "default": redis_that_is_away()}):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable", "storage": "ok"}
    assert "127.0.0.1" not in response.content.decode()


def test_pages_are_made_without_the_cache_while_it_is_away(hajimena):
    with override_settings(CACHES={**settings.CACHES, "default": redis_that_is_away()}):
        for path in ("/", "/berita/", "/produk/", "/cari/?q=panen"):
            assert Client(HTTP_HOST=HAJIMENA).get(path).status_code == 200, path


def test_without_the_database_healthz_and_pages_answer_503_not_a_traceback(hajimena):
    printed = production(
        "from django.test import Client",
        "client = Client(raise_request_exception=False)",
        "health = client.get('/healthz')",
        "page = client.get('/', HTTP_HOST='localhost', secure=True)",
        "import json",
        "print(json.dumps({'health': [health.status_code, health.json()],"
        " 'page': [page.status_code, page.content.decode(), page['Retry-After']]}))",
        DATABASE_URL=f"postgres://balai:secret@127.0.0.1:{closed_port()}/balai",
    )
    answers = json.loads(printed.splitlines()[-1])
    assert answers["health"] == [503, {"database": "unavailable", "cache": "ok", "storage": "ok"}]
    status, html, retry_after = answers["page"]
    assert status == 503 and retry_after == "30"
    assert "Situs sedang dipulihkan." in html and "Traceback" not in html
    assert "secret" not in printed


def test_each_request_is_logged_with_its_id_village_status_and_queries(hajimena, caplog):
    with caplog.at_level(logging.INFO, logger="balai.requests"):
        response = Client(HTTP_HOST=HAJIMENA).get("/berita/", HTTP_X_REQUEST_ID="req-42")
        Client(HTTP_HOST=HAJIMENA).get("/tidak-ada/")
    assert response["X-Request-ID"] == "req-42"
    first, missing = [record for record in caplog.records if record.name == "balai.requests"]
    assert first.request_id == "req-42" and first.village == "hajimena"
    assert first.host == HAJIMENA and first.path == "/berita/" and first.status == 200
    assert first.queries > 0 and first.duration_ms > 0
    assert missing.status == 404 and len(missing.request_id) == 32


def test_production_logs_one_json_line_a_request():
    environment = {**os.environ, "LOG_LEVEL": "WARNING"}
    environment.pop("LOG_FORMAT", None)
    printed = subprocess.run(  # noqa: S603 (Balai's own settings, in a Python of its own)
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.test import Client; "
            "Client().get('/healthz', HTTP_X_REQUEST_ID='abc')",
        ],
        cwd=settings.BASE_DIR,
        env={
            **environment,
            "DJANGO_SETTINGS_MODULE": "balai.settings.production",
            "SECRET_KEY": "x" * 50,
            "BALAI_BASE_DOMAIN": "desa.example",
            "DATABASE_URL": f"sqlite:///{settings.BASE_DIR / 'db.sqlite3'}",
        },
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    line = json.loads(printed.strip().splitlines()[-1])
    assert line["logger"] == "balai.requests" and line["level"] == "INFO"
    assert line["request_id"] == "abc" and line["path"] == "/healthz" and line["status"] == 200
    assert {"time", "host", "village", "duration_ms", "queries"} <= set(line)


def refused(**environment):
    """The message production settings stop with, given `environment`."""
    with pytest.raises(subprocess.CalledProcessError) as stopped:
        production("print('started')", **environment)
    return stopped.value.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        (
            {"DATABASE_URL": "postgress://balai:s3cret@db/balai"},
            "DATABASE_URL cannot be read",
        ),
        ({"DATABASE_URL": "postgres://balai:s3cret@db:5432"}, "DATABASE_URL names no database"),
        ({"DATABASE_URL": ""}, "Set DATABASE_URL"),
        ({"REDIS_URL": "127.0.0.1:6379"}, "REDIS_URL must start with redis://"),
        ({"BALAI_SITE_PORT": "https"}, "BALAI_SITE_PORT must be a whole number, not 'https'"),
        ({"AWS_STORAGE_BUCKET_NAME": "balai-media"}, "set AWS_ACCESS_KEY_ID"),
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT must be text or json"),
    ],
)
def test_production_refuses_to_start_with_a_clear_message(environment, message):
    said = refused(**environment)
    assert "ImproperlyConfigured" in said and message in said
    assert "s3cret" not in said


class SentryStandIn(BaseHTTPRequestHandler):
    """A server speaking Sentry's store protocol: it keeps what it is sent."""

    received = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_errors_reach_sentry_when_a_dsn_is_set():
    server = HTTPServer(("127.0.0.1", 0), SentryStandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        production(
            "import sentry_sdk",
            "sentry_sdk.capture_exception(ValueError('Balai test error'))",
            "sentry_sdk.flush(5)",
            SENTRY_DSN=f"http://publickey@127.0.0.1:{server.server_port}/1",
        )
    finally:
        server.shutdown()
    sent = b"".join(SentryStandIn.received)
    assert b"Balai test error" in sent
