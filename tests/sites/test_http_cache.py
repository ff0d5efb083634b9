"""What a CDN, a reverse proxy and a browser may keep of Balai's pages."""

import pytest
from django.test import Client, override_settings

from sites.staff import add_staff
from tests.admin import login

HAJIMENA = "hajimena.localhost"


def get(path, **headers):
    return Client(HTTP_HOST=HAJIMENA).get(path, **headers)


@pytest.mark.parametrize("path", ["/", "/berita/", "/en/news/", "/sitemap.xml", "/cari/?q=kopi"])
@override_settings(BALAI_SHARED_CACHE_SECONDS=120)
def test_a_public_page_may_be_kept_by_a_shared_cache(hajimena, sidosari, path):
    response = get(path)
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=0", "s-maxage=120"}
    assert response.has_header("ETag")
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


def test_an_unchanged_page_is_answered_with_304(hajimena, sidosari):
    first = get("/berita/")
    again = get("/berita/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize("path", ["/pengaduan/", "/admin/login/"])
def test_a_page_with_a_form_is_never_shared(hajimena, sidosari, path):
    response = get(path)
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_logged_in_visitor_is_never_sent_a_shared_page(hajimena, sidosari):
    editor = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    response = editor.get("/berita/", HTTP_HOST=HAJIMENA)
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "public" not in editor.get("/admin/")["Cache-Control"]
