"""Whole public pages served from the shared cache, fresh the moment anything they show changes."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from marketplace.models import ProductCategory
from sites import routing
from sites.models import VillageSettings
from sites.staff import add_staff
from tests.admin import login
from tests.marketplace.products import add_product, seller_of
from tests.sites.test_page_editor import news_form
from tests.village_pages.test_complaints_and_machines import add_news
from village_pages.models import AnnouncementPage

HAJIMENA = "hajimena.localhost"
pytestmark = pytest.mark.usefixtures("page_cache_on")


@pytest.fixture
def page_cache_on():
    with override_settings(BALAI_PAGE_CACHE_SECONDS=300):
        yield


def visit(path, host=HAJIMENA):
    """(HTML, SQL queries) of an anonymous visit."""
    with CaptureQueriesContext(connection) as queries:
        response = Client(HTTP_HOST=host).get(path)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("path", ["/", "/berita/", "/en/news/", "/profil/"])
def test_a_page_seen_before_costs_no_query(hajimena, sidosari, path):
    first, _ = visit(path)
    again, queries = visit(path)
    assert queries == 0
    assert again == first


def test_publishing_shows_at_once_whatever_port_the_proxy_passes_in_the_host(hajimena):
    # nginx passes "hajimena.localhost", another proxy "hajimena.localhost:443": one copy.
    ports = (HAJIMENA, f"{HAJIMENA}:443", f"{HAJIMENA}:8080")
    first, _ = visit("/berita/", ports[0])
    for host in ports[1:]:
        assert visit("/berita/", host) == (first, 0)
    add_news(hajimena, "Panen raya", live=False).save_revision().publish()
    for host in ports:
        assert "Panen raya" in visit("/berita/", host)[0], host


def test_publishing_shows_at_once_in_both_languages(hajimena, sidosari):
    for path in ("/", "/berita/", "/en/news/"):
        visit(path)
    article = add_news(hajimena, "Panen raya", live=False)
    english = article.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Harvest festival", "harvest-festival"
    english.save_revision().publish()
    article.save_revision().publish()
    assert "Panen raya" in visit("/berita/")[0]
    assert "Panen raya" in visit("/")[0]
    assert "Harvest festival" in visit("/en/news/")[0]
    article.refresh_from_db()
    article.unpublish()
    assert "Panen raya" not in visit("/berita/")[0]


def test_a_deleted_or_moved_page_leaves_its_lists_at_once(hajimena, sidosari):
    moved = add_news(hajimena, "Lomba desa")
    deleted = add_news(hajimena, "Rapat RT")
    visit("/berita/")
    deleted.delete()
    services = hajimena.home_page.get_children().get(slug="layanan")
    visit("/layanan/")
    moved.move(services, pos="last-child")
    assert "Rapat RT" not in visit("/berita/")[0]
    assert "Lomba desa" not in visit("/berita/")[0]


def test_new_village_settings_show_at_once(hajimena, sidosari):
    visit("/")
    other_village = f"{sidosari.slug}.localhost"
    visit("/", host=other_village)
    settings = VillageSettings.objects.get(site=hajimena.site)
    settings.display_name = "Hajimena Raya"
    settings.save()
    assert "Hajimena Raya" in visit("/")[0]
    assert visit("/", host=other_village)[1] == 0  # another village's pages stay kept


def test_what_another_process_kept_before_a_change_was_committed_is_forgotten(
    hajimena, sidosari, django_capture_on_commit_callbacks
):
    visit("/")
    entry = routing._host_key(HAJIMENA)
    as_read_before = cache.get(entry)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        settings = VillageSettings.objects.get(site=hajimena.site)
        settings.display_name = "Hajimena Raya"
        settings.save()
        # Another process, reading the village as it was before the commit, keeps it again.
        cache.set(entry, as_read_before)
    assert "Hajimena Raya" in visit("/")[0]


def test_a_new_notice_shows_on_every_page_of_its_village_at_once(hajimena, sidosari):
    article = add_news(hajimena, "Panen raya")
    other_village = f"{sidosari.slug}.localhost"
    for host, path in ((HAJIMENA, article.url), (HAJIMENA, "/profil/"), (other_village, "/")):
        assert "Pemadaman listrik" not in visit(path, host=host)[0]
    notice = (
        hajimena.home_page.get_children()
        .get(slug="pengumuman")
        .add_child(
            instance=AnnouncementPage(
                title="Pemadaman listrik",
                text="Listrik padam.",
                valid_until=timezone.now() + datetime.timedelta(days=1),
                live=False,
            )
        )
    )
    notice.save_revision().publish()
    assert "Pemadaman listrik" in visit(article.url)[0]
    assert "Pemadaman listrik" in visit("/profil/")[0]
    assert visit("/", host=other_village)[1] == 0
    notice.refresh_from_db()
    notice.unpublish()
    assert "Pemadaman listrik" not in visit(article.url)[0]


def test_a_renamed_or_withdrawn_section_leaves_every_menu_at_once(hajimena, sidosari):
    """The menu is kept with the village's host (sites/routing.py), not only in kept pages."""
    article = add_news(hajimena, "Panen raya")
    other_village = f"{sidosari.slug}.localhost"

    def menu_of_article():
        return visit(article.url)[0].split("<main")[0]

    assert ">Berita<" in menu_of_article()
    news = article.get_parent().specific
    news.title = "Kabar desa"
    news.save_revision().publish()
    assert ">Kabar desa<" in menu_of_article()
    visit("/", host=other_village)
    hajimena.home_page.get_children().get(slug="layanan").unpublish()
    assert "/layanan/" not in menu_of_article()
    assert "/layanan/" in visit("/", host=other_village)[0]


def test_a_renamed_district_shows_in_every_breadcrumb_at_once(hajimena, sidosari):
    article = add_news(hajimena, "Panen raya")
    assert ">Kecamatan Natar<" in visit(article.url)[0]
    district = hajimena.home_page.get_parent().specific
    district.title = "Kecamatan Natar Raya"
    district.save_revision().publish()
    assert ">Kecamatan Natar Raya<" in visit(article.url)[0]


def test_a_section_at_a_new_address_is_found_there_at_once(hajimena, sidosari):
    article = add_news(hajimena, "Panen raya")
    visit("/berita/panen-raya/")
    news = article.get_parent().specific
    news.slug = "kabar"
    news.save_revision().publish()
    assert "Panen raya" in visit("/kabar/panen-raya/")[0]
    assert Client(HTTP_HOST=HAJIMENA).get("/berita/panen-raya/").status_code == 404
    news.unpublish()
    assert Client(HTTP_HOST=HAJIMENA).get("/kabar/").status_code == 404


def test_a_renamed_seller_and_category_show_at_once(hajimena, sidosari):
    seller = seller_of(hajimena, "Kelompok Tani Maju")
    coffee = ProductCategory.objects.get(slug="kopi", locale__language_code="id")
    product = add_product(hajimena, "Kopi robusta", price=85000, seller=seller, category=coffee)
    path = product.url
    assert "Kelompok Tani Maju" in visit(path)[0]
    seller.name = "Kelompok Tani Makmur"
    seller.save()
    assert "Kelompok Tani Makmur" in visit(path)[0]
    visit("/produk/", host="localhost")
    coffee.name = "Kopi pilihan"
    coffee.save()
    assert "Kopi pilihan" in visit("/produk/", host="localhost")[0]


def test_staff_and_forms_are_never_served_from_the_cache(hajimena, sidosari):
    visit("/pengaduan/")
    assert visit("/pengaduan/")[1] > 0  # its CSRF token is the visitor's own
    visit("/berita/")
    editor = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    with CaptureQueriesContext(connection) as queries:
        assert editor.get("/berita/", HTTP_HOST=HAJIMENA).status_code == 200
    assert len(queries) > 0


def test_a_page_is_kept_no_longer_than_the_first_notice_stays_up(hajimena, sidosari):
    article = add_news(hajimena, "Panen raya")
    hajimena.home_page.get_children().get(slug="pengumuman").add_child(
        instance=AnnouncementPage(
            title="Pemadaman listrik",
            text="Listrik padam.",
            valid_until=timezone.now() + datetime.timedelta(seconds=2),
        )
    )
    assert "Pemadaman listrik" in visit(article.url)[0]
    assert visit(article.url)[1] == 0
    time.sleep(2.5)  # the notice expires; nothing is published
    assert "Pemadaman listrik" not in visit(article.url)[0]


def test_a_preview_is_never_kept_nor_shown_to_visitors(hajimena, sidosari):
    article = add_news(hajimena, "Kabar desa")
    address = "/berita/kabar-desa/"
    visit(address)  # kept
    editor = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    preview = f"/admin/pages/{article.pk}/edit/preview/"
    posted = editor.post(preview, news_form("Judul belum terbit", "kabar-desa"))
    assert posted.json()["is_valid"]
    for _ in range(2):  # the second would come from a cache if any had kept the first
        shown = editor.get(preview)
        assert "Judul belum terbit" in shown.content.decode()
        assert "public" not in shown.get("Cache-Control", "")
    html, _queries = visit(address)
    assert "Kabar desa" in html and "Judul belum terbit" not in html
