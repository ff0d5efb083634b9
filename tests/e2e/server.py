"""A Balai of the browser suite's own: gunicorn with production settings on a free port, over a
fresh database holding the demo villages (SQLite unless BALAI_E2E_DATABASE_URL names another),
its media in a folder of its own or, when AWS_STORAGE_BUCKET_NAME is set, in that bucket of an
S3 server (as `.ci/run` does), set up as deploy/s3-media-policy.json says."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import boto3

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "balai-demo"
# Status, method, host and path of each request: what the suite reads to find errors.
ACCESS_LOG_FORMAT = "%(s)s %(m)s %({host}i)s%(U)s%(q)s"
WORKER = f"{sys.executable} manage.py db_worker --interval 0.2"


@dataclass
class Balai:
    port: int
    log: Path
    env: dict

    def url(self, path="/", village=None):
        host = f"{village}.localhost" if village else "localhost"
        return f"http://{host}:{self.port}{path}"

    def manage(self, *args):
        """Runs a management command against the suite's database; returns what it printed."""
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def add_staff(self, village, username, role):
        """A staff account of `village`: (username, the password add_village_staff printed)."""
        email = f"{username}@desa.example"  # moderators are mailed what waits for them
        printed = self.manage(
            "add_village_staff", village, username, "--role", role, "--email", email
        )
        return username, re.search(r": (\S+) \(", printed).group(1)

    def mail(self):
        """Every message Balai has sent, as the file backend wrote them."""
        folder = Path(self.env["EMAIL_FILE_PATH"])
        return [path.read_text() for path in sorted(folder.glob("*"))] if folder.exists() else []

    def finish_tasks(self):
        """Runs the tasks waiting on the database backend (search index, renditions, mail)
        until none is left, beside the suite's worker; nothing to do on SQLite."""
        if self.env["DATABASE_URL"].startswith("postgres"):
            self.manage("db_worker", "--batch", "--no-startup-delay")

    def mail_about(self, text, seconds=15):
        """The messages that mention `text`, once the worker has sent one (mail leaves
        through a task); none when none came within `seconds`."""
        self.finish_tasks()
        deadline = time.monotonic() + seconds
        while True:
            found = [message for message in self.mail() if text in message]
            if found or time.monotonic() > deadline:
                return found
            time.sleep(0.2)

    def log_lines(self):
        return self.log.read_text().splitlines()


@contextmanager
def running_balai(folder):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "balai.settings.production",
        "DATABASE_URL": os.environ.get("BALAI_E2E_DATABASE_URL")
        or f"sqlite:///{folder / 'balai.sqlite3'}",
        "SECRET_KEY": "balai-browser-suite-only",
        "BALAI_BASE_DOMAIN": "localhost",
        "BALAI_SITE_PORT": str(port),
        "SECURE_COOKIES": "false",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback
        "SECURE_HSTS_SECONDS": "0",
        "BALAI_SERVE_MEDIA": "true",
        "MEDIA_ROOT": str(folder / "media"),
        "CACHE_KEY_PREFIX": f"balai-e2e-{port}",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(folder / "mail"),
    }
    balai = Balai(port=port, log=folder / "gunicorn.log", env=env)
    if env.get("AWS_STORAGE_BUCKET_NAME"):
        media_bucket(env)
    balai.manage("migrate", "--noinput")
    balai.manage("collectstatic", "--noinput")
    balai.manage("seed_demo")
    balai.finish_tasks()  # the demo pages in the search index before any visitor searches
    with balai.log.open("w") as log:
        gunicorn = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "balai.wsgi"),
                *("--workers", "2", "--bind", f"127.0.0.1:{port}"),
                *("--access-logfile", "-", "--error-logfile", "-"),
                *("--access-logformat", ACCESS_LOG_FORMAT),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        # On PostgreSQL the search index, renditions and mail are the worker's (BALAI_TASKS),
        # started again when it stops, as deploy/balai-worker.service has systemd do.
        worker = (
            subprocess.Popen(
                ["/bin/sh", "-c", f"while :; do {WORKER}; sleep 1; done"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            if env["DATABASE_URL"].startswith("postgres")
            else None
        )
    try:
        wait_for(f"http://127.0.0.1:{port}/robots.txt")
        yield balai
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
        if worker:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)


def media_bucket(env):
    """A new, empty media bucket with the policy the README has the operator give it."""
    s3 = boto3.client(
        "s3",
        endpoint_url=env.get("AWS_S3_ENDPOINT_URL"),
        region_name=env.get("AWS_S3_REGION_NAME", "us-east-1"),
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )
    bucket = env["AWS_STORAGE_BUCKET_NAME"]
    existing = s3.list_buckets()["Buckets"]
    if bucket in [found["Name"] for found in existing]:
        for item in s3.list_objects_v2(Bucket=bucket).get("Contents", []):
            s3.delete_object(Bucket=bucket, Key=item["Key"])
    else:
        s3.create_bucket(Bucket=bucket)
    policy = (ROOT / "deploy" / "s3-media-policy.json").read_text()
    s3.put_bucket_policy(Bucket=bucket, Policy=policy.replace("balai-media", bucket))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (the suite's own server)
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
