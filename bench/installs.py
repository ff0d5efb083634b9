"""The three installs `bench/serve.py` measures, on PostgreSQL, kept between runs.

- 5 villages: `seed_demo`, the demo villages with their news, services and products;
- 2,651 villages: the same, plus every other village of Lampung (province 18);
- 11,214 villages: the same, plus every village of Central Java (province 33).

The demo villages and their content are in all three, so a page or an admin view is the same
page with more villages around it. The largest is copied from Lampung's, then fills in.
One editor and one moderator of Hajimena have a news article waiting for review in each.

    .venv/bin/python bench/installs.py [--rebuild]
"""

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "installs"
POSTGRES = "postgres://postgres@127.0.0.1:5432"
DEMO_PASSWORD = "balai-demo"  # noqa: S105 (seed_demo's local accounts)


@dataclass(frozen=True)
class Install:
    label: str
    slug: str
    provinces: tuple = ()
    copy_of: str | None = None

    @property
    def database(self):
        return f"balai_bench_{self.slug}"

    @property
    def folder(self):
        return DATA / self.slug

    def environment(self, port=8000, page_cache=True):
        """The environment of a production Balai over this install, as gunicorn runs it."""
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "balai.settings.production",
            "DATABASE_URL": f"{POSTGRES}/{self.database}",
            "REDIS_URL": "redis://127.0.0.1:6379/13",
            "CACHE_KEY_PREFIX": f"bench-{self.slug}-{'cached' if page_cache else 'uncached'}",
            "BALAI_PAGE_CACHE_SECONDS": "300" if page_cache else "0",
            "SECRET_KEY": "balai-benchmark-only",
            "BALAI_BASE_DOMAIN": "localhost",
            "BALAI_SITE_PORT": str(port),
            "SECURE_COOKIES": "false",
            "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback
            "SECURE_HSTS_SECONDS": "0",
            "BALAI_SERVE_MEDIA": "true",
            "MEDIA_ROOT": str(self.folder / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "DEBUG": "false",
            "PYTHONHASHSEED": "0",
        }

    def manage(self, *args):
        subprocess.run(  # noqa: S603 (Balai's own manage.py)
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.environment(), check=True
        )

    @property
    def built(self):
        return (self.folder / "built").exists()


INSTALLS = (
    Install("5", "demo"),
    Install("2,651", "lampung", provinces=("18",)),
    Install("11,214", "lampung-jateng", provinces=("18", "33"), copy_of="lampung"),
)


def psql(*args, database="postgres"):
    command = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-qAt", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603


def build(install):
    """Make the install from nothing, or from the smaller one it extends."""
    print(f"== {install.label} villages: {install.database}", flush=True)
    shutil.rmtree(install.folder, ignore_errors=True)
    psql("-c", f'DROP DATABASE IF EXISTS "{install.database}"')
    if install.copy_of:
        source = next(other for other in INSTALLS if other.slug == install.copy_of)
        psql("-c", f'CREATE DATABASE "{install.database}" TEMPLATE "{source.database}"')
        shutil.copytree(source.folder, install.folder)
        (install.folder / "built").unlink()
    else:
        psql("-c", f'CREATE DATABASE "{install.database}"')
        install.folder.mkdir(parents=True)
        install.manage("migrate", "--noinput", "-v", "0")
        install.manage("seed_demo")
        install.manage("shell", "-c", SUBMIT_FOR_REVIEW)
    for province in install.provinces:
        install.manage("import_villages", "--province", province)
    # What seeding left for the worker (the demo pages' search index), as production's does.
    install.manage("db_worker", "--batch", "--no-startup-delay")
    psql("-c", "ANALYZE", database=install.database)
    (install.folder / "built").touch()


# A page waiting for review, so the moderator's dashboard and the reports have a row to show.
SUBMIT_FOR_REVIEW = """
from django.contrib.auth import get_user_model
from village_pages.models import NewsPage
editor = get_user_model().objects.get(username="editor-hajimena")
article = NewsPage.objects.filter(url_path__contains="/hajimena/").first()
revision = article.save_revision(user=editor)
article.get_workflow().start(article, editor)
"""


def ensure_built(rebuild=False):
    for install in INSTALLS:
        if rebuild or not install.built:
            build(install)
        else:  # kept from an earlier run: brought up to this checkout's tables
            install.manage("migrate", "--noinput", "-v", "0")
    # Collected each run: a changed stylesheet or script is served as production would.
    INSTALLS[0].manage("collectstatic", "--noinput", "-v", "0")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="build all three again")
    ensure_built(parser.parse_args().rebuild)


if __name__ == "__main__":
    main()
