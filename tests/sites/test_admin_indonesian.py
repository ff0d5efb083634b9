"""Village editors and moderators work in an admin that is Indonesian from end to end."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from sites.staff import add_staff
from tests.admin import login
from village_pages.models import NewsPage

pytestmark = pytest.mark.django_db


def section(village, slug):
    return village.home_page.get_children().get(slug=slug).specific


@pytest.fixture
def editor(hajimena, sidosari):
    return add_staff(hajimena, "editor-hajimena", "editor")[0]


@pytest.fixture
def moderator(hajimena):
    return add_staff(hajimena, "moderator-hajimena", "moderator")[0]


@pytest.fixture
def news(hajimena):
    article = NewsPage(title="Panen raya", date=datetime.date(2025, 6, 30))
    return section(hajimena, "berita").add_child(instance=article)


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def assert_indonesian(html, english, indonesian):
    for text in english:
        assert text not in html
    for text in indonesian:
        assert text in html


def test_the_dashboard_menu_and_search_are_indonesian(editor):
    dashboard = page(login(editor), "/admin/")
    assert_indonesian(
        dashboard,
        english=['"Reports"', '"Help"', "Search all pages", '"Editor Guide"'],
        indonesian=['"Laporan"', '"Bantuan"', "Cari semua halaman…", '"Panduan Editor"'],
    )


def test_the_page_editor_is_indonesian(editor, news):
    editing = page(login(editor), f"/admin/pages/{news.pk}/edit/")
    assert_indonesian(
        editing,
        english=["Autosave is paused", "A comma-separated list of tags"],
        indonesian=["Simpan otomatis <span>dijeda</span>", "Daftar label, dipisahkan"],
    )


def test_the_explorer_is_indonesian(editor, hajimena, news):
    listing = page(login(editor), f"/admin/pages/{section(hajimena, 'berita').pk}/")
    assert_indonesian(
        listing,
        english=["Current page status", "Sort the order of child pages"],
        indonesian=["Status halaman saat ini", "Urutkan halaman turunan"],
    )


def test_stream_blocks_have_capitalised_indonesian_names(editor, news):
    editing = html.unescape(page(login(editor), f"/admin/pages/{news.pk}/edit/"))
    labels = set(re.findall(r'"label": "([^"]*)"', editing))
    assert {"Paragraf", "Judul bagian", "Gambar", "Kutipan", "Tabel", "Video"} <= labels
    assert not {"paragraf", "judul bagian", "gambar", "kutipan", "tabel"} & labels


def test_validation_banners_are_indonesian(editor, hajimena, news):
    client = login(editor)
    produk = section(hajimena, "produk")
    create = page(client, f"/admin/pages/add/marketplace/productpage/{produk.pk}/")
    assert "Judul halaman" in create
    empty = {"title": "", "date": "2025-06-30", "body-count": "0", "tags": ""}
    refused = client.post(
        f"/admin/pages/add/village_pages/newspage/{section(hajimena, 'berita').pk}/", empty
    ).content.decode()
    assert_indonesian(
        refused,
        english=["could not be created due to validation errors"],
        indonesian=["Halaman tidak dapat dibuat karena ada kesalahan validasi."],
    )
    unsaved = client.post(
        f"/admin/pages/{news.pk}/edit/", {**empty, "slug": news.slug}
    ).content.decode()
    assert_indonesian(
        unsaved,
        english=["could not be saved due to validation errors"],
        indonesian=["Halaman tidak dapat disimpan karena ada kesalahan validasi."],
    )


def test_a_moderator_reviews_in_indonesian(editor, moderator, news):
    submitted = login(editor).post(
        f"/admin/pages/{news.pk}/edit/",
        {
            "title": news.title,
            "slug": news.slug,
            "date": "2025-06-30",
            "body-count": "0",
            "tags": "",
            "action-submit": "submit",
        },
    )
    assert submitted.status_code == 302
    client = login(moderator)
    review = page(client, f"/admin/pages/{news.pk}/edit/")
    assert_indonesian(
        review,
        english=["Request changes", "Approve with comment", "and Publish"],
        indonesian=["Minta perubahan", "Setujui dengan komentar dan publikasikan"],
    )
    dashboard = page(client, "/admin/")
    assert_indonesian(
        dashboard,
        english=["Awaiting your review", "Request changes"],
        indonesian=["Menunggu tinjauan Anda", "Minta perubahan"],
    )


def test_images_and_reports_are_indonesian(editor):
    client = login(editor)
    images = page(client, "/admin/images/")
    assert_indonesian(
        images,
        english=["Sort by", "Grid layout", "List layout"],
        indonesian=["Urutkan menurut", "Tampilan kisi"],
    )
    history = page(client, "/admin/reports/site-history/")
    assert_indonesian(
        history, english=["Site history", "Action type"], indonesian=["Riwayat situs"]
    )


def test_the_admin_scripts_speak_indonesian(editor):
    client = login(editor)
    wagtail = page(client, reverse("wagtailadmin_javascript_catalog"))
    assert "Sedang menyimpan otomatis" in wagtail and "Tarik publikasi" in wagtail
    localize = page(client, reverse("wagtail_localize:javascript_catalog"))
    assert "Belum diterjemahkan" in localize
