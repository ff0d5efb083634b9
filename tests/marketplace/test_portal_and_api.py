"""The province portal's catalogue and home page, and the open product data at /api/produk/."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from marketplace.models import ProductCategory, ProductPage
from sites.generator import provision_village
from tests.marketplace.products import add_product, photo, seller_of
from tests.queries import queries_for

pytestmark = pytest.mark.django_db

PORTAL = "localhost"
SIDODADI = "18.01.07.2012"  # Sidomulyo, Lampung Selatan: same regency, another district
KUBU_PERAHU = "18.04.04.2002"  # Balik Bukit, Lampung Barat
KEDATON = "18.71.01.1003"  # Kedaton, Kota Bandar Lampung

ALL_LIVE = {"Kopi Robusta", "Keripik Pisang", "Anyaman Bambu", "Kopi Luwak", "Gula Aren"}


def host(village):
    return f"{village.slug}.localhost"


def get(path, host=PORTAL):
    response = Client(HTTP_HOST=host).get(path)
    assert response.status_code == 200, (host, path, response.status_code)
    return response


def visit(path, host=PORTAL):
    return get(path, host).content.decode()


def api(path="/api/produk/", host=PORTAL):
    response = get(path, host)
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def cards(html):
    """(link, title, meta line) of each product card, in the order shown."""
    return re.findall(
        r'<li class="card">.*?<h3><a href="([^"]*)"[^>]*>([^<]*)</a>(?: <span[^>]*>[^<]*</span>)?'
        r"</h3>.*?"
        r'<p class="meta">([^<]*)</p></li>',
        html,
        re.S,
    )


def card_titles(html):
    return [title for _link, title, _meta in cards(html)]


def api_titles(data):
    return [result["title"] for result in data["results"]]


def category(slug):
    return ProductCategory.objects.get(slug=slug, locale__language_code="id")


def product(title):
    return ProductPage.objects.get(title=title)


def product_link(page):
    return f"http://{host(page.village)}/produk/{page.slug}/"


@pytest.fixture
def sidodadi(db):
    return provision_village(SIDODADI)


@pytest.fixture
def kubu_perahu(db):
    return provision_village(KUBU_PERAHU)


@pytest.fixture
def market(hajimena, sidosari, sidodadi, kubu_perahu):
    """Products of four villages in two regencies that differ in every way one can filter by."""
    add_product(
        hajimena,
        "Kopi Robusta",
        25000,
        seller_of(hajimena, "Kelompok Tani Makmur", kind="poktan"),
        category=category("kopi"),
        summary="Biji kopi sangrai dari lereng Natar.",
    )
    draft = add_product(hajimena, "Kopi Rahasia", 30000, category=category("kopi"))
    draft.unpublish()
    add_product(
        sidosari,
        "Keripik Pisang",
        15000,
        seller_of(sidosari, "BUMDes Sidosari", kind="bumdes"),
        category=category("pertanian"),
        availability="habis",
    )
    add_product(
        sidodadi,
        "Anyaman Bambu",
        50000,
        seller_of(sidodadi, "Koperasi Sidodadi", kind="koperasi"),
        category=category("kerajinan"),
    )
    add_product(
        kubu_perahu,
        "Kopi Luwak",
        120000,
        seller_of(kubu_perahu, "Pak Darmin", kind="perorangan"),
        category=category("kopi"),
        discounted_price=90000,
    )
    add_product(
        kubu_perahu,
        "Gula Aren",
        40000,
        seller_of(kubu_perahu, "UMKM Liwa", kind="umkm"),
        availability="musiman",
        summary="Manis legit dari nira pohon aren.",
    )
    return {"hajimena": hajimena, "sidosari": sidosari, "sidodadi": sidodadi, "kubu": kubu_perahu}


# 1. The portal catalogue


def test_the_portal_catalogue_lists_live_products_of_every_village(market):
    html = visit("/produk/")
    assert "<h1>Produk desa-desa</h1>" in html
    shown = {title: (link, meta) for link, title, meta in cards(html)}
    assert set(shown) == ALL_LIVE
    assert "Kopi Rahasia" not in html
    expected_places = {
        "Kopi Robusta": "Hajimena, Kabupaten Lampung Selatan",
        "Keripik Pisang": "Sidosari, Kabupaten Lampung Selatan",
        "Anyaman Bambu": "Sidodadi, Kabupaten Lampung Selatan",
        "Kopi Luwak": "Kubu Perahu, Kabupaten Lampung Barat",
        "Gula Aren": "Kubu Perahu, Kabupaten Lampung Barat",
    }
    for title, place in expected_places.items():
        link, meta = shown[title]
        assert meta.endswith(f" · {place}"), (title, meta)
        assert link == product_link(product(title))


def test_a_card_on_the_portal_leads_to_the_product_on_its_village_host(market):
    link = {title: link for link, title, _meta in cards(visit("/produk/"))}["Kopi Luwak"]
    parts = urlsplit(link)
    assert parts.hostname == "kubu-perahu.localhost"
    html = visit(parts.path, host=parts.hostname)
    assert "<h1>Kopi Luwak</h1>" in html or "Kopi Luwak" in html
    assert "Rp90.000" in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kabupaten=18.01", {"Kopi Robusta", "Keripik Pisang", "Anyaman Bambu"}),
        ("kabupaten=18.04", {"Kopi Luwak", "Gula Aren"}),
        ("kabupaten=18.01&kecamatan=18.01.04", {"Kopi Robusta", "Keripik Pisang"}),
        ("kabupaten=18.01&kecamatan=18.01.07", {"Anyaman Bambu"}),
        ("kategori=kopi", {"Kopi Robusta", "Kopi Luwak"}),
        ("kategori=kopi&kabupaten=18.04", {"Kopi Luwak"}),
        ("kategori=kerajinan", {"Anyaman Bambu"}),
        ("jenis=bumdes", {"Keripik Pisang"}),
        ("jenis=poktan", {"Kopi Robusta"}),
        ("jenis=koperasi", {"Anyaman Bambu"}),
        ("jenis=perorangan", {"Kopi Luwak"}),
        ("jenis=umkm", {"Gula Aren"}),
        # The discounted price is what the buyer pays: Kopi Luwak sells at 90.000.
        ("harga_min=30000&harga_maks=100000", {"Anyaman Bambu", "Kopi Luwak", "Gula Aren"}),
        ("harga_maks=20000", {"Keripik Pisang"}),
        ("harga_min=100000", set()),
        ("ketersediaan=habis", {"Keripik Pisang"}),
        ("ketersediaan=musiman", {"Gula Aren"}),
        ("q=kopi", {"Kopi Robusta", "Kopi Luwak"}),
        ("q=nira", {"Gula Aren"}),
        ("q=kopi&jenis=poktan", {"Kopi Robusta"}),
    ],
)
def test_each_filter_narrows_the_portal_catalogue(market, query, expected):
    html = visit(f"/produk/?{query}")
    assert set(card_titles(html)) == expected
    if not expected:
        assert "Tidak ada produk yang cocok dengan saringan ini." in html


def test_the_district_filter_works_from_a_shared_link_without_the_regency(market):
    """A district code names its regency too: ?kecamatan=18.01.07 alone must still narrow."""
    assert set(card_titles(visit("/produk/?kecamatan=18.01.07"))) == {"Anyaman Bambu"}


def test_the_district_choices_are_those_of_the_chosen_regency(market):
    html = visit("/produk/?kabupaten=18.01")
    districts = re.search(r'<select name="kecamatan".*?</select>', html, re.S).group()
    assert 'value="18.01.04"' in districts and "Natar" in districts
    assert 'value="18.01.07"' in districts and "Sidomulyo" in districts
    assert "18.04.04" not in districts


def test_the_portal_catalogue_sorts_by_price_both_ways(market):
    cheapest_first = ["Keripik Pisang", "Kopi Robusta", "Gula Aren", "Anyaman Bambu", "Kopi Luwak"]
    assert card_titles(visit("/produk/?urut=termurah")) == cheapest_first
    assert card_titles(visit("/produk/?urut=termahal")) == cheapest_first[::-1]


def test_the_portal_catalogue_has_a_second_page(hajimena, kubu_perahu):
    images = {hajimena: photo(hajimena), kubu_perahu: photo(kubu_perahu)}
    for number in range(26):
        village = hajimena if number % 2 else kubu_perahu
        add_product(village, f"Produk {number:02}", price=1000 + number, image=images[village])
    first_html = visit("/produk/?urut=termurah")
    first = card_titles(first_html)
    second_html = visit("/produk/?urut=termurah&page=2")
    second = card_titles(second_html)
    assert first == [f"Produk {number:02}" for number in range(24)]
    assert second == ["Produk 24", "Produk 25"]
    assert "Halaman 1 dari 2" in first_html and "Halaman 2 dari 2" in second_html
    next_link = re.search(r'<a href="\?([^"]*)" rel="next">', first_html).group(1)
    assert "urut=termurah" in next_link and "page=2" in next_link


def test_the_counts_beside_the_filters_count_live_products(market):
    html = visit("/produk/")
    # The draft Kopi Rahasia is not counted; two coffees at different prices make one row.
    assert "Kopi</a> (2)" in html
    assert "Kerajinan</a> (1)" in html
    assert "Pertanian</a> (1)" in html
    assert html.count("Kopi</a> (") == 1
    assert "Kabupaten Lampung Selatan</a> (3)" in html
    assert "Kabupaten Lampung Barat</a> (2)" in html
    assert "Kota Bandar Lampung</a>" not in html  # no village there has products


def test_the_counts_follow_the_search(market):
    html = visit("/produk/?q=kopi")
    assert "Kopi</a> (2)" in html
    assert "Kabupaten Lampung Selatan</a> (1)" in html
    assert "Kabupaten Lampung Barat</a> (1)" in html
    assert "Kerajinan</a>" not in html


def test_a_count_link_shows_the_products_it_counted(market):
    html = visit("/produk/")
    link = re.search(r'<a href="\?([^"]*)">Kabupaten Lampung Barat</a> \(2\)', html).group(1)
    shown = card_titles(visit("/produk/?" + link.replace("&amp;", "&")))
    assert set(shown) == {"Kopi Luwak", "Gula Aren"}
    link = re.search(r'<a href="\?([^"]*)">Kopi</a> \(2\)', html).group(1)
    shown = card_titles(visit("/produk/?" + link.replace("&amp;", "&")))
    assert set(shown) == {"Kopi Robusta", "Kopi Luwak"}


def searching_queries(path):
    """SQL of a visit to the portal's `path` that counts products or reads the search index."""
    with CaptureQueriesContext(connection) as queries:
        get(path)
    return {
        "counts": [query["sql"] for query in queries if "COUNT(" in query["sql"]],
        "index": [query["sql"] for query in queries if "indexentry" in query["sql"]],
    }


def test_a_search_asked_again_is_answered_from_what_was_kept(market):
    first = visit("/produk/?q=kopi")
    assert searching_queries("/produk/?q=kopi") == {"counts": [], "index": []}
    again = visit("/produk/?q=kopi")
    assert card_titles(again) == card_titles(first)
    assert set(card_titles(again)) == {"Kopi Robusta", "Kopi Luwak"}
    assert "Kopi</a> (2)" in again
    assert "Kabupaten Lampung Barat</a> (1)" in again


def test_without_a_shared_cache_a_search_is_read_every_time(market, settings):
    settings.BALAI_SEARCH_CACHE_SECONDS = 0  # the default without REDIS_URL
    visit("/produk/?q=kopi")
    again = searching_queries("/produk/?q=kopi")
    assert again["counts"] != [] and again["index"] != []


def test_a_search_in_another_order_is_listed_anew_and_not_counted_again(market):
    visit("/produk/?q=kopi")
    cheapest = searching_queries("/produk/?q=kopi&urut=termurah")
    assert cheapest["counts"] == [] and cheapest["index"] != []
    assert card_titles(visit("/produk/?q=kopi&urut=termurah")) == ["Kopi Robusta", "Kopi Luwak"]
    assert card_titles(visit("/produk/?urut=termahal&q=kopi")) == ["Kopi Luwak", "Kopi Robusta"]
    # Another search, or another filter, is counted anew.
    assert searching_queries("/produk/?q=kopi&jenis=poktan")["counts"] != []
    assert searching_queries("/produk/?q=gula")["counts"] != []


def test_the_counts_follow_products_published_withdrawn_and_deleted(market):
    assert "Kopi</a> (2)" in visit("/produk/?q=kopi")
    kubu = market["kubu"]
    lanang = add_product(kubu, "Kopi Lanang", 60000, category=category("kopi"))
    html = visit("/produk/?q=kopi")
    assert "Kopi</a> (3)" in html
    assert "Kopi Lanang" in card_titles(html)
    assert "Kabupaten Lampung Barat</a> (2)" in html
    lanang.save_revision().publish()
    lanang.unpublish()
    html = visit("/produk/?q=kopi")
    assert "Kopi</a> (2)" in html
    assert "Kopi Lanang" not in card_titles(html)
    lanang.save_revision().publish()
    assert "Kopi</a> (3)" in visit("/produk/?q=kopi")
    product("Kopi Luwak").delete()
    html = visit("/produk/?q=kopi")
    assert "Kopi</a> (2)" in html
    assert "Kopi Luwak" not in card_titles(html)
    assert "Kabupaten Lampung Barat</a> (1)" in html


def test_the_counts_follow_a_product_changed_before_the_worker_indexes_it(market, settings):
    """On PostgreSQL the worker writes the search index after the publishing request."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    assert "Kopi</a> (2)" in visit("/produk/?q=kopi")
    luwak = product("Kopi Luwak")
    luwak.category = category("pertanian")
    luwak.save_revision().publish()
    html = visit("/produk/?q=kopi")
    assert "Kopi</a> (1)" in html
    assert "Pertanian</a> (1)" in html
    product("Kopi Robusta").unpublish()
    html = visit("/produk/?q=kopi")
    assert "Kopi</a> (" not in html
    assert card_titles(html) == ["Kopi Luwak"]


def test_a_product_indexed_after_its_change_is_counted_at_once(market):
    """On PostgreSQL the worker writes the search index after the publishing request."""
    assert "Kopi</a> (2)" in visit("/produk/?q=kopi")
    renamed = product("Gula Aren")
    ProductPage.objects.filter(pk=renamed.pk).update(title="Kopi Aren", category=category("kopi"))
    get_search_backend().add(ProductPage.objects.get(pk=renamed.pk))  # as the worker does
    html = visit("/produk/?q=kopi")
    assert "Kopi</a> (3)" in html
    assert "Kopi Aren" in card_titles(html)


def test_the_counts_follow_a_category_renamed_and_a_seller_changed(market):
    assert "Kopi</a> (2)" in visit("/produk/?q=kopi")
    coffee = category("kopi")
    coffee.name = "Kopi dan teh"
    coffee.save()
    assert "Kopi dan teh</a> (2)" in visit("/produk/?q=kopi")
    assert "Kopi dan teh</a> (1)" in visit("/produk/?q=kopi&jenis=poktan")
    seller = product("Kopi Luwak").seller
    seller.kind = "poktan"
    seller.save()
    assert "Kopi dan teh</a> (2)" in visit("/produk/?q=kopi&jenis=poktan")


@pytest.mark.parametrize(
    "query",
    [
        "kabupaten=99.99",
        "kecamatan=abc",
        "kabupaten=18.04&kecamatan=18.01.04",
        "jenis=raja",
        "kategori=tidak-ada",
        "harga_min=murah",
        "harga_maks=-5",
        "ketersediaan=besok",
        "urut=acak",
        "penjual=abc",
        "page=abc",
        "page=999",
    ],
)
def test_an_unknown_filter_value_does_not_break_the_portal_catalogue(market, query):
    assert len(card_titles(visit(f"/produk/?{query}"))) >= 1


# 2. The portal home page


def test_the_portal_home_shows_new_products_linked_to_their_villages(market):
    html = visit("/")
    section = re.search(r"<h2>Baru dari desa-desa</h2>(.*?)</section>", html, re.S).group(1)
    shown = {title: (link, meta) for link, title, meta in cards(section)}
    assert set(shown) == ALL_LIVE
    assert shown["Gula Aren"][0] == product_link(product("Gula Aren"))
    assert shown["Gula Aren"][1].endswith(" · Kubu Perahu, Kabupaten Lampung Barat")
    assert shown["Kopi Robusta"][0] == product_link(product("Kopi Robusta"))
    assert '<a href="/produk/">Semua produk desa</a>' in section


def test_the_portal_home_shows_the_eight_newest_products_newest_first(hajimena, kubu_perahu):
    images = {hajimena: photo(hajimena), kubu_perahu: photo(kubu_perahu)}
    for number in range(10):
        village = hajimena if number % 2 else kubu_perahu
        add_product(village, f"Produk {number}", image=images[village])
    html = visit("/")
    section = re.search(r"<h2>Baru dari desa-desa</h2>(.*?)</section>", html, re.S).group(1)
    assert card_titles(section) == [f"Produk {number}" for number in range(9, 1, -1)]


def test_the_portal_home_links_each_regency_to_its_products(market):
    provision_village(KEDATON)
    html = visit("/")
    for code, name in [
        ("18.01", "Kabupaten Lampung Selatan"),
        ("18.04", "Kabupaten Lampung Barat"),
        ("18.71", "Kota Bandar Lampung"),
    ]:
        row = re.search(rf"<li><a [^>]*>{name}</a>.*?</li>", html, re.S).group()
        assert f'<a href="/produk/?kabupaten={code}">produk</a>' in row, row
    assert "Kabupaten Lampung Selatan</a> <span>(3 desa)</span>" in html
    shown = card_titles(visit("/produk/?kabupaten=18.04"))
    assert set(shown) == {"Kopi Luwak", "Gula Aren"}


# 3. The JSON API


def test_the_api_on_a_village_host_lists_only_that_villages_live_products(market):
    data = api(host="kubu-perahu.localhost")
    assert set(api_titles(data)) == {"Kopi Luwak", "Gula Aren"}
    assert data["count"] == 2
    data = api(host="hajimena.localhost")
    assert api_titles(data) == ["Kopi Robusta"]  # not the draft Kopi Rahasia
    assert api("/api/produk/?kabupaten=18.04", host="hajimena.localhost")["count"] == 0


def test_the_api_on_the_portal_lists_every_villages_live_products(market):
    data = api()
    assert set(api_titles(data)) == ALL_LIVE
    assert data["count"] == 5 and data["page"] == 1 and data["pages"] == 1
    assert data["next"] is None and data["previous"] is None


def test_an_unpublished_product_never_appears_in_the_api(market):
    draft = product("Kopi Rahasia")
    for path in ["/api/produk/", "/api/produk/?q=rahasia", "/api/produk/?kategori=kopi"]:
        for where in (PORTAL, "hajimena.localhost"):
            data = api(path, host=where)
            assert draft.pk not in [result["id"] for result in data["results"]]
            assert "Kopi Rahasia" not in api_titles(data)
    live = product("Kopi Luwak")
    live.unpublish()
    assert "Kopi Luwak" not in api_titles(api())


def test_each_api_result_describes_the_product_its_seller_and_village(market):
    results = {result["title"]: result for result in api()["results"]}
    luwak = results["Kopi Luwak"]
    assert luwak["url"] == product_link(product("Kopi Luwak"))
    assert luwak["price"] == 120000 and type(luwak["price"]) is int
    assert luwak["discounted_price"] == 90000
    assert luwak["currency"] == "IDR"
    assert luwak["availability"] == "tersedia"
    assert luwak["category"] == "kopi"
    assert luwak["seller"] == {"name": "Pak Darmin", "kind": "perorangan"}
    village = luwak["village"]
    assert village["code"] == KUBU_PERAHU
    assert village["name"] == "Kubu Perahu"
    assert village["regency"] == "Kabupaten Lampung Barat"
    assert village["url"] == "http://kubu-perahu.localhost/"
    picture = urlsplit(luwak["photo"])
    assert picture.scheme == "http" and picture.hostname
    assert picture.path.startswith("/media/")
    assert default_storage.exists(picture.path.removeprefix("/media/"))
    keripik = results["Keripik Pisang"]
    assert keripik["availability"] == "habis"
    assert keripik["category"] == "pertanian"
    assert keripik["seller"] == {"name": "BUMDes Sidosari", "kind": "bumdes"}
    assert keripik["village"]["name"] == "Sidosari"
    assert keripik["url"] == product_link(product("Keripik Pisang"))
    assert results["Gula Aren"]["category"] is None


def test_the_api_pages_with_per_page_and_page(market):
    first = api("/api/produk/?per_page=2&urut=termurah")
    assert first["count"] == 5 and first["pages"] == 3 and first["page"] == 1
    assert api_titles(first) == ["Keripik Pisang", "Kopi Robusta"]
    assert first["previous"] is None
    next_url = urlsplit(first["next"])
    assert next_url.hostname == PORTAL and next_url.path == "/api/produk/"
    assert "page=2" in next_url.query and "per_page=2" in next_url.query
    second = api(f"{next_url.path}?{next_url.query}")
    assert second["page"] == 2
    assert api_titles(second) == ["Gula Aren", "Anyaman Bambu"]
    assert urlsplit(second["previous"]).query.count("page=1") == 1
    third = api("/api/produk/?per_page=2&urut=termurah&page=3")
    assert api_titles(third) == ["Kopi Luwak"]
    assert third["next"] is None and third["previous"] is not None


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kategori=kopi", {"Kopi Robusta", "Kopi Luwak"}),
        ("kabupaten=18.04", {"Kopi Luwak", "Gula Aren"}),
        ("kabupaten=18.01", {"Kopi Robusta", "Keripik Pisang", "Anyaman Bambu"}),
        ("kecamatan=18.01.07", {"Anyaman Bambu"}),
        ("jenis=bumdes", {"Keripik Pisang"}),
        ("harga_min=30000&harga_maks=100000", {"Anyaman Bambu", "Kopi Luwak", "Gula Aren"}),
        ("harga_maks=20000", {"Keripik Pisang"}),
        ("ketersediaan=musiman", {"Gula Aren"}),
        ("q=kopi", {"Kopi Robusta", "Kopi Luwak"}),
    ],
)
def test_api_filters_narrow_the_results(market, query, expected):
    data = api(f"/api/produk/?{query}")
    assert set(api_titles(data)) == expected
    assert data["count"] == len(expected)


def test_the_api_sorts_cheapest_first(market):
    cheapest_first = ["Keripik Pisang", "Kopi Robusta", "Gula Aren", "Anyaman Bambu", "Kopi Luwak"]
    assert api_titles(api("/api/produk/?urut=termurah")) == cheapest_first
    assert api_titles(api("/api/produk/?urut=termahal")) == cheapest_first[::-1]


def test_the_api_gives_at_most_a_hundred_products_a_page(hajimena):
    image = photo(hajimena)
    for number in range(102):
        add_product(hajimena, f"Produk {number:03}", price=1000 + number, image=image)
    data = api("/api/produk/?per_page=500&urut=termurah")
    assert len(data["results"]) == 100
    assert data["count"] == 102 and data["pages"] == 2
    rest = api("/api/produk/?per_page=500&urut=termurah&page=2")
    assert api_titles(rest) == ["Produk 100", "Produk 101"]
    assert len(api("/api/produk/?per_page=abc")["results"]) == 24
    assert len(api("/api/produk/?per_page=0")["results"]) == 1


# 4. Query counts


KINDS = ["bumdes", "umkm", "poktan", "koperasi", "perorangan"]
CATEGORIES = ["kopi", "pertanian", "kerajinan"]


def add_products(village, count, start=0):
    for number in range(start, start + count):
        add_product(
            village,
            f"Produk {village.slug} {number}",
            price=1000 + number,
            seller=seller_of(village, f"Penjual {number % 3}", kind=KINDS[number % 5]),
            category=category(CATEGORIES[number % 3]),
            image=photo(village, f"Foto {number}") if number % 2 == 0 else None,
        )


@pytest.mark.parametrize(
    "path",
    [
        "/produk/",
        "/produk/?urut=termurah&kabupaten=18.01",
        "/api/produk/",
        "/api/produk/?urut=termurah&per_page=50",
        "/",
    ],
)
def test_the_portal_costs_the_same_queries_for_few_or_many(hajimena, kubu_perahu, path):
    add_products(hajimena, 2)
    add_products(kubu_perahu, 2)
    few = queries_for(PORTAL, path)
    sidosari = provision_village("18.01.04.2002")
    kedaton = provision_village(KEDATON)
    add_products(hajimena, 6, start=2)
    add_products(kubu_perahu, 6, start=2)
    add_products(sidosari, 6)
    add_products(kedaton, 6)
    if path.startswith("/api/"):
        assert api(path)["count"] == 28
    else:
        assert len(card_titles(visit(path))) >= 8
    assert queries_for(PORTAL, path) == few


@pytest.mark.parametrize(
    "path", ["/api/produk/", "/api/produk/?kabupaten=18.04&kecamatan=18.04.04"]
)
def test_the_api_reads_no_village_it_does_not_need(market, path):
    client = Client(HTTP_HOST=PORTAL)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    whole_table = [
        query["sql"]
        for query in queries
        if 'FROM "sites_village"' in query["sql"] and "WHERE" not in query["sql"]
    ]
    assert whole_table == []
