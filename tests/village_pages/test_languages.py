"""Indonesian at the bare address, English under /en/, and the ways between the two."""

import re
from html import unescape
from urllib.parse import unquote

import pytest
from django.test import Client
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from sites.staff import add_staff
from tests.marketplace.products import add_product, seller_of
from tests.village_pages.test_news import HAJIMENA, add_news, get, html

pytestmark = pytest.mark.django_db


def switcher(page_html):
    """The language switcher's links: {language: address}."""
    nav = re.search(r'<nav class="languages".*?</nav>', page_html, re.S).group(0)
    return {
        language: url for url, language in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav)
    }


def alternates(page_html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page_html))


def html_lang(page_html):
    return re.search(r'<html lang="([^"]+)"', page_html).group(1)


def translate(page, title, slug, **fields):
    """An English translation of `page`, published, as staff make it."""
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = title, slug
    for name, value in fields.items():
        setattr(english, name, value)
    english.save_revision().publish()
    return english


@pytest.mark.parametrize(
    ("indonesian", "english"),
    [
        ("/berita/", "/en/news/"),
        ("/layanan/", "/en/services/"),
        ("/produk/", "/en/products/"),
        ("/profil/", "/en/profile/"),
        ("/agenda/", "/en/events/"),
        ("/cari/?q=panen", "/en/search/?q=panen"),
    ],
)
def test_every_section_has_an_indonesian_and_an_english_address(hajimena, indonesian, english):
    assert html_lang(html(HAJIMENA, indonesian)) == "id"
    assert html_lang(html(HAJIMENA, english)) == "en"
    assert get(HAJIMENA, "/en" + indonesian).status_code == 404  # no Indonesian slugs in English


def test_the_portal_speaks_both_languages(hajimena):
    assert "Kabupaten Lampung Selatan" in html("localhost", "/")
    english = html("localhost", "/en/")
    assert html_lang(english) == "en" and "Lampung Selatan Regency" in english
    regency = html("localhost", "/en/lampung-selatan/")
    assert "Districts" in regency and "(1 village)" in regency
    district = regency.split('<ul class="regions">')[1].split('href="')[1].split('"')[0]
    assert 'href="http://hajimena.localhost/en/"' in html("localhost", district)
    catalogue = html("localhost", "/en/products/")
    assert switcher(catalogue) == {"id": "http://localhost/produk/"}


def test_interface_text_follows_the_language_of_the_address(hajimena):
    add_news(hajimena, "Panen raya")  # on 30 June 2025
    indonesian = html(HAJIMENA, "/berita/")
    assert "30 Juni 2025" in indonesian and "Langsung ke isi" in indonesian
    english_home = html(HAJIMENA, "/en/")
    assert "Skip to content" in english_home and "Langsung ke isi" not in english_home


def test_a_translated_page_links_to_its_translation(hajimena):
    article = add_news(hajimena, "Panen raya")
    translate(article, "Harvest festival", "harvest-festival")
    indonesian = html(HAJIMENA, "/berita/panen-raya/")
    english_url = "http://hajimena.localhost/en/news/harvest-festival/"
    assert switcher(indonesian) == {"en": english_url}
    assert alternates(indonesian) == {
        "id": "http://hajimena.localhost/berita/panen-raya/",
        "en": english_url,
    }
    english = html(HAJIMENA, "/en/news/harvest-festival/")
    assert switcher(english) == {"id": "http://hajimena.localhost/berita/panen-raya/"}
    assert "Harvest festival" in english


def test_an_untranslated_page_links_to_the_english_home_and_declares_no_english(hajimena):
    add_news(hajimena, "Panen raya")
    indonesian = html(HAJIMENA, "/berita/panen-raya/")
    assert switcher(indonesian) == {"en": "http://hajimena.localhost/en/"}
    assert alternates(indonesian) == {"id": "http://hajimena.localhost/berita/panen-raya/"}
    english_news = html(HAJIMENA, "/en/news/")
    assert 'hreflang="id" lang="id">Panen raya</a>' in english_news


def test_a_withdrawn_english_home_is_no_longer_offered(hajimena):
    add_news(hajimena, "Panen raya")
    assert switcher(html(HAJIMENA, "/berita/panen-raya/")) == {
        "en": "http://hajimena.localhost/en/"
    }
    english_home = hajimena.home_page.get_translation(Locale.objects.get(language_code="en"))
    english_home.unpublish()
    assert 'hreflang="en"' not in html(HAJIMENA, "/berita/panen-raya/")
    for address in ("/en/", "/en/berita/", "/en/news/"):
        assert get(HAJIMENA, address).status_code == 404


def test_an_english_address_without_a_page_is_an_english_404_with_ways_out(hajimena):
    add_news(hajimena, "Panen raya")
    response = get(HAJIMENA, "/en/news/panen-raya/")
    assert response.status_code == 404
    page = response.content.decode()
    assert html_lang(page) == "en" and "Page not found" in page
    assert '<a href="/en/">Back to the home page</a>' in page
    assert '<a href="/berita/" hreflang="id" lang="id">' in page
    unknown = get(HAJIMENA, "/en/nothing-here/").content.decode()
    assert '<a href="/" hreflang="id" lang="id">' in unknown
    # Announcements have no English section until staff translate one.
    announcements = get(HAJIMENA, "/en/announcements/")
    assert announcements.status_code == 404
    assert '<a href="/pengumuman/" hreflang="id" lang="id">' in announcements.content.decode()


def test_an_indonesian_404_stays_in_indonesian(hajimena):
    page = get(HAJIMENA, "/berita/tidak-ada/").content.decode()
    assert html_lang(page) == "id" and "Halaman tidak ditemukan" in page
    assert 'hreflang="id" lang="id">Baca' not in page


def test_the_sitemap_lists_both_languages(hajimena, sidosari):
    sitemap = html(HAJIMENA, "/sitemap.xml")
    assert "http://hajimena.localhost/berita/" in sitemap
    assert "http://hajimena.localhost/en/news/" in sitemap
    assert "sidosari" not in sitemap
    portal = html("localhost", "/sitemap-lampung-selatan.xml")
    assert "http://localhost/en/lampung-selatan/" in portal


def test_the_whatsapp_order_is_written_in_the_language_of_the_page(hajimena):
    seller = seller_of(hajimena, whatsapp_number="0812-3456-7890")
    product = add_product(hajimena, "Kopi robusta", price=85000, seller=seller)
    translate(product, "Robusta coffee", "robusta-coffee")

    def order_message(path):
        link = re.search(r'href="(https://wa\.me/[^"]+)"', html(HAJIMENA, path)).group(1)
        return unquote(unescape(link))

    assert "Halo, saya ingin memesan Kopi robusta (Rp85.000 / buah)" in order_message(
        "/produk/kopi-robusta/"
    )
    assert "Hello, I would like to order Robusta coffee (Rp85.000 / piece)" in order_message(
        "/en/products/robusta-coffee/"
    )


def test_english_catalogues_show_each_product_once(hajimena):
    coffee = add_product(hajimena, "Kopi robusta")
    add_product(hajimena, "Keripik pisang")
    translate(coffee, "Robusta coffee", "robusta-coffee")
    for host, path in ((HAJIMENA, "/en/products/"), ("localhost", "/en/products/")):
        catalogue = html(host, path)
        assert "Robusta coffee" in catalogue and "Kopi robusta" not in catalogue, host
        assert "Keripik pisang" in catalogue, host  # not translated yet: shown in Indonesian
    indonesian = html("localhost", "/produk/")
    assert "Kopi robusta" in indonesian and "Robusta coffee" not in indonesian


def test_the_admin_opens_in_indonesian_until_a_user_picks_english(hajimena):
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(editor)
    assert html_lang(client.get("/admin/").content.decode()) == "id"
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    assert html_lang(client.get("/admin/").content.decode()) == "en"
