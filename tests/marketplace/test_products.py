"""Village products: sellers, prices, WhatsApp orders, catalogue, structured data and admin."""

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from marketplace.models import ProductCategory, ProductPage, Seller
from sites.models import VillageSettings
from sites.staff import add_staff
from tests.admin import login
from tests.marketplace.products import add_product, photo, seller_of
from tests.queries import queries_for

pytestmark = pytest.mark.django_db

HAJIMENA_HOST = "hajimena.localhost"


def host(village):
    return f"{village.slug}.localhost"


def visit(path, host=HAJIMENA_HOST):
    response = Client(HTTP_HOST=host).get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def product_url(product):
    return f"/produk/{product.slug}/"


def card_titles(html):
    """The product names on a catalogue page, in the order shown."""
    return re.findall(r'<li class="card">.*?<h3><a href="[^"]*">([^<]*)</a>', html, re.S)


def order_link(html):
    links = re.findall(r'href="(https://wa\.me/[^"?]+\?[^"]*)"', html)
    links = [link.replace("&amp;", "&") for link in links if not link.startswith("https://wa.me/?")]
    return links


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def product_data(html):
    products = [data for data in json_ld(html) if data.get("@type") == "Product"]
    assert len(products) == 1, json_ld(html)
    return products[0]


def category(slug):
    return ProductCategory.objects.get(slug=slug, locale__language_code="id")


# 1. Seller phone numbers


@pytest.mark.parametrize("typed", ["0812-3456-7890", "+62 812 3456 7890", "6281234567890"])
def test_a_sellers_number_is_stored_in_one_form_however_it_was_typed(hajimena, typed):
    seller = Seller(village=hajimena, name="Kopi Hajimena", whatsapp_number=typed)
    seller.full_clean()
    assert seller.whatsapp_number == "+6281234567890"
    assert seller.whatsapp == "6281234567890"


def test_a_number_too_short_to_call_is_refused_with_a_clear_message(hajimena):
    seller = Seller(village=hajimena, name="Kopi Hajimena", whatsapp_number="12345")
    with pytest.raises(ValidationError) as refused:
        seller.full_clean()
    messages = refused.value.message_dict["whatsapp_number"]
    assert any("12345" in message and "0812-3456-7890" in message for message in messages)


# 2. Product rules


def test_a_free_product_is_refused(hajimena):
    product = add_product(hajimena, "Kopi Robusta", price=25000)
    product.price = 0
    with pytest.raises(ValidationError) as refused:
        product.full_clean()
    assert "price" in refused.value.message_dict


@pytest.mark.parametrize("discounted", [25000, 30000])
def test_a_discount_must_be_lower_than_the_price(hajimena, discounted):
    product = add_product(hajimena, "Kopi Robusta", price=25000)
    product.discounted_price = discounted
    with pytest.raises(ValidationError) as refused:
        product.full_clean()
    assert refused.value.message_dict["discounted_price"] == [
        "Harga diskon harus lebih rendah dari harga."
    ]
    product.discounted_price = 24000
    product.full_clean()  # a real discount is accepted


def test_a_discounted_product_shows_the_old_price_struck_through(hajimena):
    product = add_product(hajimena, "Gula Aren", price=30000, discounted_price=25000, unit="kg")
    html = visit(product_url(product))
    assert "<del>Rp30.000</del> Rp25.000 / kg" in html


def test_a_product_without_discount_shows_no_struck_price(hajimena):
    product = add_product(hajimena, "Gula Aren", price=30000, unit="kg")
    html = visit(product_url(product))
    assert "Rp30.000 / kg" in html
    assert "<del>" not in html


# 3. The WhatsApp order link


def test_the_order_link_goes_to_the_seller_with_the_order_written_out(hajimena, sidosari):
    VillageSettings.objects.filter(site=hajimena.site).update(whatsapp_number="+6281111111111")
    seller = seller_of(hajimena, "Kopi Hajimena", whatsapp_number="+6281234567890")
    product = add_product(hajimena, "Kopi Robusta", price=25000, unit="kg", seller=seller)
    html = visit(product_url(product))
    assert "Pesan via WhatsApp" in html
    [link] = order_link(html)
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://wa.me/6281234567890"
    [text] = parse_qs(parts.query)["text"]
    assert "Kopi Robusta" in text
    assert "Rp25.000 / kg" in text
    assert f"http://{HAJIMENA_HOST}/produk/{product.slug}/" in text


def test_the_order_link_falls_back_to_the_village_office(hajimena, sidosari):
    settings = VillageSettings.for_site(hajimena.site)
    settings.whatsapp_number = "+6281299998888"
    settings.save()
    VillageSettings.objects.filter(site=sidosari.site).update(whatsapp_number="+6281377776666")
    product = add_product(hajimena, "Keripik Pisang", price=15000, seller=seller_of(hajimena))
    [link] = order_link(visit(product_url(product)))
    assert link.startswith("https://wa.me/6281299998888?")


def test_no_order_link_when_nobody_has_a_number(hajimena, sidosari):
    VillageSettings.objects.filter(site=hajimena.site).update(whatsapp_number="")
    VillageSettings.objects.filter(site=sidosari.site).update(whatsapp_number="+6281377776666")
    product = add_product(hajimena, "Keripik Pisang", price=15000)
    html = visit(product_url(product))
    assert order_link(html) == []
    assert "Pesan via WhatsApp" not in html


# 4. Structured data


def test_a_product_page_describes_the_product_and_its_offer(hajimena):
    seller = seller_of(hajimena, "BUMDes Hajimena Jaya")
    product = add_product(
        hajimena, "Kopi Robusta", price=30000, discounted_price=25000, seller=seller
    )
    html = visit(product_url(product))
    data = product_data(html)
    assert data["name"] == "Kopi Robusta"
    offer = data["offers"]
    assert offer["@type"] == "Offer"
    assert isinstance(offer["price"], int | float) and not isinstance(offer["price"], bool)
    assert offer["price"] == 25000
    assert offer["priceCurrency"] == "IDR"
    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["seller"]["name"] == "BUMDes Hajimena Jaya"
    assert '<meta property="og:type" content="product">' in html


def test_a_sold_out_product_is_out_of_stock_for_search_engines(hajimena):
    product = add_product(hajimena, "Madu Hutan", price=80000, availability="habis")
    html = visit(product_url(product))
    assert product_data(html)["offers"]["availability"] == "https://schema.org/OutOfStock"
    assert "Habis" in html


def test_a_product_is_in_its_villages_sitemap_only(hajimena, sidosari):
    product = add_product(hajimena, "Madu Hutan", price=80000)
    assert f"http://{HAJIMENA_HOST}/produk/{product.slug}/" in visit("/sitemap.xml")
    assert f"/produk/{product.slug}/" not in visit("/sitemap.xml", host=host(sidosari))


# 5. The village catalogue


def test_the_catalogue_lists_this_villages_live_products_only(hajimena, sidosari):
    seller = seller_of(hajimena, "Kelompok Tani Makmur")
    add_product(hajimena, "Kopi Robusta", price=25000, unit="kg", seller=seller)
    draft = add_product(hajimena, "Kopi Rahasia", price=99000)
    draft.unpublish()
    add_product(sidosari, "Beras Sidosari", price=12000)
    html = visit("/produk/")
    assert card_titles(html) == ["Kopi Robusta"]
    card = re.search(r'<li class="card">.*?</li>', html, re.S).group()
    assert "<img" in card
    assert "Rp25.000 / kg" in card
    assert "Kelompok Tani Makmur" in card
    assert "Beras Sidosari" not in html and "Kopi Rahasia" not in html


@pytest.fixture
def stall(hajimena, sidosari):
    """A few Hajimena products that differ in every way a visitor can filter by."""
    add_product(sidosari, "Kopi Sidosari", price=20000, category=category("kopi"))
    tani = seller_of(hajimena, "Kelompok Tani Makmur")
    bumdes = seller_of(hajimena, "BUMDes Hajimena")
    image = photo(hajimena, "Produk")
    add_product(hajimena, "Kopi Robusta", 25000, tani, image, category=category("kopi"))
    add_product(hajimena, "Keripik Pisang", 15000, bumdes, image, availability="habis")
    add_product(hajimena, "Madu Hutan", 80000, bumdes, image, discounted_price=60000)
    add_product(hajimena, "Gula Aren", 40000, tani, image, availability="musiman")
    return {"tani": tani, "bumdes": bumdes}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kategori=kopi", {"Kopi Robusta"}),
        ("harga_min=30000&harga_maks=70000", {"Gula Aren", "Madu Hutan"}),
        ("harga_maks=20000", {"Keripik Pisang"}),
        ("ketersediaan=habis", {"Keripik Pisang"}),
        ("ketersediaan=musiman", {"Gula Aren"}),
        ("q=pisang", {"Keripik Pisang"}),
        ("q=kopi", {"Kopi Robusta"}),
    ],
)
def test_each_filter_narrows_the_catalogue(stall, query, expected):
    assert set(card_titles(visit(f"/produk/?{query}"))) == expected


def test_the_seller_filter_shows_that_sellers_products(stall):
    shown = card_titles(visit(f"/produk/?penjual={stall['tani'].pk}"))
    assert set(shown) == {"Kopi Robusta", "Gula Aren"}


def test_a_filter_that_matches_nothing_says_so(stall):
    html = visit("/produk/?q=durian")
    assert card_titles(html) == []
    assert "Tidak ada produk yang cocok dengan saringan ini." in html


def test_sorting_by_price_both_ways(stall):
    cheapest_first = ["Keripik Pisang", "Kopi Robusta", "Gula Aren", "Madu Hutan"]
    assert card_titles(visit("/produk/?urut=termurah")) == cheapest_first
    assert card_titles(visit("/produk/?urut=termahal")) == cheapest_first[::-1]


@pytest.mark.parametrize(
    "query",
    [
        "kategori=tidak-ada",
        "harga_min=murah",
        "ketersediaan=besok",
        "urut=acak",
        "penjual=abc",
        "page=abc",
        "page=999",
    ],
)
def test_an_unknown_filter_value_does_not_break_the_catalogue(stall, query):
    assert len(card_titles(visit(f"/produk/?{query}"))) >= 1


def test_the_catalogue_has_a_second_page(hajimena):
    image = photo(hajimena, "Produk")
    for number in range(26):
        add_product(hajimena, f"Produk {number:02}", price=1000 + number, image=image)
    first = card_titles(visit("/produk/?urut=termurah"))
    second = card_titles(visit("/produk/?urut=termurah&page=2"))
    assert len(first) == 24
    assert second == ["Produk 24", "Produk 25"]
    assert not set(first) & set(second)


def test_other_products_of_the_seller_leads_to_that_sellers_list(stall, hajimena):
    product = ProductPage.objects.get(title="Madu Hutan")
    html = visit(product_url(product))
    link = re.search(r'<a href="([^"]+)">Produk lain dari penjual ini</a>', html)
    assert link, "no link to the seller's other products"
    shown = card_titles(visit(link.group(1).replace("&amp;", "&")))
    assert set(shown) == {"Keripik Pisang", "Madu Hutan"}


# 6. Sellers in the admin


@pytest.fixture
def editor_client(hajimena):
    return login(add_staff(hajimena, "editor-hajimena", "editor")[0])


def test_an_editor_sees_only_their_villages_sellers(editor_client, hajimena, sidosari):
    seller_of(hajimena, "Kopi Hajimena")
    other = seller_of(sidosari, "Beras Sidosari")
    listing = editor_client.get("/admin/sellers/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Kopi Hajimena" in html
    assert "Beras Sidosari" not in html
    assert editor_client.get(f"/admin/sellers/edit/{other.pk}/").status_code == 404


def test_a_villages_editor_adds_a_seller_without_choosing_the_village(
    editor_client, hajimena, sidosari
):
    form_page = editor_client.get("/admin/sellers/new/")
    assert form_page.status_code == 200
    assert 'name="village"' not in form_page.content.decode()
    form = {"name": "Kelompok Tani Makmur", "kind": "umkm", "whatsapp_number": "0812-3456-7890"}
    # A village slipped into the form by hand is ignored: the seller is the editor's village's.
    response = editor_client.post("/admin/sellers/new/", {**form, "village": sidosari.pk})
    assert response.status_code == 302
    added = Seller.objects.get(name="Kelompok Tani Makmur")
    assert added.village == hajimena
    assert added.whatsapp_number == "+6281234567890"


def test_the_superuser_chooses_the_sellers_village(hajimena, sidosari, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", password="x")
    client = login(admin)
    form_page = client.get("/admin/sellers/new/").content.decode()
    assert 'name="village"' in form_page
    form = {"name": "Beras Sidosari", "kind": "bumdes", "village": sidosari.pk}
    assert client.post("/admin/sellers/new/", form).status_code == 302
    assert Seller.objects.get(name="Beras Sidosari").village == sidosari
    refused = client.post("/admin/sellers/new/", {**form, "name": "Tanpa Desa", "village": ""})
    assert refused.status_code == 200
    assert not Seller.objects.filter(name="Tanpa Desa").exists()


def test_a_product_form_offers_only_the_villages_sellers(editor_client, hajimena, sidosari):
    seller_of(hajimena, "Kopi Hajimena")
    seller_of(sidosari, "Beras Sidosari")
    index = hajimena.home_page.get_children().get(slug="produk")
    response = editor_client.get(f"/admin/pages/add/marketplace/productpage/{index.pk}/")
    assert response.status_code == 200
    names = [seller.name for seller in response.context["form"].fields["seller"].queryset]
    assert "Kopi Hajimena" in names
    assert "Beras Sidosari" not in names


def test_a_product_form_names_each_category_once_in_indonesian(editor_client, hajimena):
    index = hajimena.home_page.get_children().get(slug="produk")
    response = editor_client.get(f"/admin/pages/add/marketplace/productpage/{index.pk}/")
    names = [category.name for category in response.context["form"].fields["category"].queryset]
    assert "Kopi" in names
    assert "Coffee" not in names
    assert len(names) == len(set(names))


# 7. Query counts


def add_products(village, count, start=0):
    sellers = [seller_of(village, "Kelompok Tani"), seller_of(village, "BUMDes")]
    for number in range(start, start + count):
        add_product(
            village,
            f"Produk {number}",
            price=1000 + number,
            seller=sellers[number % 2],
            category=category("kopi"),
        )


@pytest.mark.parametrize("path", ["/produk/", "/produk/?urut=termurah&kategori=kopi"])
def test_the_catalogue_costs_the_same_queries_for_few_or_many(hajimena, sidosari, path):
    add_products(sidosari, 3)
    add_products(hajimena, 2)
    few = queries_for(HAJIMENA_HOST, path)
    add_products(hajimena, 18, start=2)
    assert len(card_titles(visit(path))) == 20
    assert queries_for(HAJIMENA_HOST, path) == few


def test_a_product_page_costs_the_same_queries_for_few_or_many(hajimena, sidosari):
    add_products(sidosari, 3)
    add_products(hajimena, 2)
    path = product_url(ProductPage.objects.get(title="Produk 0", village=hajimena))
    few = queries_for(HAJIMENA_HOST, path)
    add_products(hajimena, 18, start=2)
    assert queries_for(HAJIMENA_HOST, path) == few


def test_a_shared_product_shows_its_main_photo(hajimena):
    product = add_product(hajimena, "Kopi bubuk", price=30000, image=photo(hajimena, "Kopi"))
    page = Client(HTTP_HOST="hajimena.localhost").get(product.url).content.decode()
    assert re.search(r'<meta property="og:image" content="http://hajimena\.localhost/media/', page)
