"""The catalogue filters as a visitor on a phone uses them: result count, clearing, districts
of the chosen regency, category names in the language being read."""

import re
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from wagtail.models import Locale

from marketplace.models import ProductCategory, ProductPage
from sites.generator import provision_village
from tests.marketplace.products import add_product, photo, seller_of
from tests.marketplace.test_portal_and_api import card_titles, visit
from tests.queries import queries_for
from tests.village_pages.test_languages import translate

pytestmark = pytest.mark.django_db

HAJIMENA = "hajimena.localhost"
PORTAL = "localhost"


def category(slug, language="id"):
    return ProductCategory.objects.get(slug=slug, locale__language_code=language)


def select(html, name):
    """{value: label} of the options of the select called `name`."""
    found = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert found, f"no {name} select"
    return {
        value: unescape(label)
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', found[0])
    }


def result_count(html):
    found = re.search(r'<h2 class="result-count">([^<]*)</h2>', html)
    return found and found[1]


def clear_link(html):
    found = re.search(r'<a class="clear-filters" href="([^"]*)">([^<]*)</a>', html)
    return found and (found[1], found[2])


@pytest.fixture
def market(hajimena, sidosari):
    """Coffee, crafts and sugar from three districts of two regencies."""
    sidodadi = provision_village("18.01.07.2012")  # Sidomulyo, Lampung Selatan
    kubu_perahu = provision_village("18.04.04.2002")  # Balik Bukit, Lampung Barat
    add_product(hajimena, "Kopi Robusta", 25000, category=category("kopi"))
    add_product(sidosari, "Keripik Pisang", 15000, category=category("pertanian"))
    add_product(sidodadi, "Anyaman Bambu", 50000, category=category("kerajinan"))
    add_product(kubu_perahu, "Kopi Luwak", 120000, category=category("kopi"))
    add_product(kubu_perahu, "Gula Aren", 40000)


@pytest.fixture
def stall(hajimena, sidosari):
    add_product(sidosari, "Kopi Sidosari", category=category("kopi"))
    image = photo(hajimena, "Produk")
    add_product(hajimena, "Kopi Robusta", 25000, image=image, category=category("kopi"))
    add_product(
        hajimena, "Keripik Pisang", 15000, image=image, category=category("makanan-minuman")
    )
    add_product(hajimena, "Gula Aren", 40000, image=image)


# The result count and the way back to every product


def test_the_catalogue_says_how_many_products_match(stall):
    assert result_count(visit("/produk/", HAJIMENA)) == "3 produk"
    assert result_count(visit("/produk/?kategori=kopi", HAJIMENA)) == "1 produk"
    assert result_count(visit("/produk/?q=durian", HAJIMENA)) == "0 produk"
    assert result_count(visit("/en/products/", HAJIMENA)) == "3 products"
    assert result_count(visit("/en/products/?kategori=kopi", HAJIMENA)) == "1 product"
    assert result_count(visit("/produk/", PORTAL)) == "4 produk"
    assert result_count(visit("/produk/?kabupaten=18.01&kategori=kopi", PORTAL)) == "2 produk"


@pytest.mark.parametrize("query", ["", "?urut=termurah", "?page=2", "?q=&kategori="])
def test_no_clear_link_while_nothing_is_filtered(stall, query):
    assert clear_link(visit(f"/produk/{query}", HAJIMENA)) is None
    assert clear_link(visit(f"/produk/{query}", PORTAL)) is None


@pytest.mark.parametrize(
    "query", ["?kategori=kopi", "?q=kopi", "?harga_maks=20000", "?ketersediaan=habis"]
)
def test_a_filtered_catalogue_offers_to_clear_the_filters(stall, query):
    assert clear_link(visit(f"/produk/{query}", HAJIMENA)) == ("/produk/", "Hapus filter")
    assert clear_link(visit(f"/en/products/{query}", HAJIMENA)) == (
        "/en/products/",
        "Clear filters",
    )
    assert clear_link(visit(f"/produk/{query}&kabupaten=18.01", PORTAL)) == (
        "/produk/",
        "Hapus filter",
    )
    assert len(card_titles(visit("/produk/", HAJIMENA))) == 3  # where the link leads


# Districts of the chosen regency on the portal


@pytest.mark.usefixtures("market")
def test_the_district_select_offers_the_chosen_regencys_districts_only():
    html = visit("/produk/?kabupaten=18.01")
    assert select(html, "kecamatan") == {
        "": "Semua kecamatan",
        "18.01.04": "Natar",
        "18.01.07": "Sidomulyo",
    }
    assert select(visit("/produk/"), "kecamatan") == {"": "Semua kecamatan"}


@pytest.mark.usefixtures("market")
def test_the_portal_carries_every_district_for_the_script_and_loads_it():
    html = visit("/produk/")
    data = re.search(r'<template id="districts">(.*?)</template>', html, re.S)
    assert data, "no district data for the script"
    options = re.findall(
        r'<option data-regency="([^"]+)" value="([^"]+)">([^<]+)</option>', data[1]
    )
    assert set(options) == {
        ("18.01", "18.01.04", "Natar"),
        ("18.01", "18.01.07", "Sidomulyo"),
        ("18.04", "18.04.04", "Balik Bukit"),
    }
    script = re.search(r'<script src="([^"]*/js/catalogue\.js)" defer></script>', html)
    assert script, "the district script is not loaded"
    source = Path(finders.find("js/catalogue.js")).read_text()
    assert "districts" in source and "kabupaten" in source
    assert "catalogue.js" not in visit("/produk/", HAJIMENA)  # no regions to choose there
    assert "catalogue.js" not in visit("/")


# Category names in the language being read


@pytest.mark.usefixtures("market")
def test_english_catalogues_name_the_categories_in_english():
    village = select(visit("/en/products/", HAJIMENA), "kategori")
    assert village["kopi"] == "Coffee" and village["makanan-minuman"] == "Food and drink"
    assert "Kopi" not in village.values()
    portal = visit("/en/products/")
    assert select(portal, "kategori")["kerajinan"] == "Crafts"
    assert "Coffee</a> (2)" in portal and "Crafts</a> (1)" in portal
    assert "Kopi</a>" not in portal and "Kerajinan</a>" not in portal
    indonesian = select(visit("/produk/", HAJIMENA), "kategori")
    assert indonesian["kopi"] == "Kopi"
    assert list(indonesian.values()).count("Kopi") == 1  # never both languages at once


@pytest.mark.usefixtures("market")
def test_english_and_indonesian_products_of_a_category_are_counted_together():
    robusta = ProductPage.objects.get(title="Kopi Robusta")
    translate(robusta, "Robusta coffee", "robusta-coffee", category=category("kopi", "en"))
    portal = visit("/en/products/")
    assert portal.count("Coffee</a> (") == 1 and "Coffee</a> (2)" in portal
    shown = set(card_titles(visit("/en/products/?kategori=kopi")))
    assert shown == {"Robusta coffee", "Kopi Luwak"}
    assert card_titles(visit("/en/products/?kategori=kopi", HAJIMENA)) == ["Robusta coffee"]


@pytest.mark.usefixtures("market")
def test_a_category_added_later_in_indonesian_only_shows_in_indonesian():
    ProductCategory.objects.create(
        name="Madu", slug="madu", locale=Locale.objects.get(language_code="id")
    )
    assert select(visit("/en/products/"), "kategori")["madu"] == "Madu"


# Touch targets and the cost of the page


def test_every_filter_control_is_a_44_pixel_touch_target():
    css = Path(settings.BASE_DIR, "balai/static/css/balai.css").read_text()
    rules = re.findall(r"([^{}]+)\{([^}]*min-height:44px[^}]*)\}", css)
    selectors = {part.strip() for selector, _rule in rules for part in selector.split(",")}
    for control in ("select", "input", "button", ".clear-filters"):
        assert f".filters-form {control}" in selectors or control in selectors, control


def add_products(village, count, start=0):
    image = photo(village, "Produk")
    sellers = [seller_of(village, "Kelompok Tani"), seller_of(village, "BUMDes")]
    for number in range(start, start + count):
        add_product(
            village,
            f"Produk {number}",
            image=image,
            seller=sellers[number % 2],
            category=category("kopi" if number % 2 else "kerajinan"),
        )


@pytest.mark.parametrize(
    "host, path",
    [
        (PORTAL, "/produk/"),
        (PORTAL, "/en/products/?kabupaten=18.01&kategori=kopi"),
        (HAJIMENA, "/en/products/"),
        (HAJIMENA, "/produk/?kategori=kopi"),
    ],
)
def test_the_catalogue_costs_the_same_queries_for_few_or_many(hajimena, sidosari, host, path):
    add_products(sidosari, 3)
    add_products(hajimena, 2)
    few = queries_for(host, path)
    add_products(hajimena, 16, start=2)
    assert queries_for(host, path) == few


@pytest.mark.usefixtures("market")
def test_regions_without_products_are_not_offered_but_a_shared_link_to_one_finds_nothing():
    provision_village("18.71.01.1003")  # Kedaton, Bandar Lampung: online, nothing on sale
    assert set(select(visit("/produk/"), "kabupaten")) == {"", "18.01", "18.04"}
    shared = visit("/produk/?kabupaten=18.71")
    assert select(shared, "kabupaten")["18.71"] == "Kota Bandar Lampung"
    assert card_titles(shared) == []
