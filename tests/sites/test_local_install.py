"""What someone trying Balai on a laptop meets: its own 404, links with the right port, an icon."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

from sites.models import VillageSettings
from tests.marketplace.products import photo

pytestmark = pytest.mark.django_db


def test_make_run_serves_with_debug_off_and_its_own_uploads():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    shown = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings as s; print(s.DEBUG, s.BALAI_SERVE_MEDIA)",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert shown == ["False", "True"]


def test_an_unknown_address_shows_balais_404(hajimena):
    response = Client(HTTP_HOST="hajimena.localhost").get("/tidak-ada/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Hajimena" in html
    assert "URLconf" not in html


@override_settings(BALAI_SITE_PORT=9123)
def test_add_village_staff_links_to_the_port_balai_serves_on(hajimena):
    out = StringIO()
    call_command("add_village_staff", "hajimena", "sri", stdout=out)
    assert "http://hajimena.localhost:9123/" in out.getvalue()
    assert "http://localhost:9123/admin/" in out.getvalue()


def test_every_host_has_an_icon(hajimena):
    for host in ("hajimena.localhost", "localhost"):
        response = Client(HTTP_HOST=host).get("/favicon.ico")
        assert response.status_code == 200
        assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}


def test_a_villages_pages_take_its_logo_as_their_icon(hajimena, sidosari):
    village_settings = VillageSettings.for_site(hajimena.site)
    village_settings.logo = photo(hajimena, "Lambang Hajimena")
    village_settings.save()
    own = Client(HTTP_HOST="hajimena.localhost").get("/").content.decode()
    assert '<link rel="icon" href="/media/images/' in own
    other = Client(HTTP_HOST=f"{sidosari.slug}.localhost").get("/").content.decode()
    assert '<link rel="icon" href="/favicon.ico">' in other
