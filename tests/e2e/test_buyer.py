"""A buyer finds a product on the province portal and orders it through WhatsApp."""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

pytestmark = pytest.mark.browser


def test_a_buyer_filters_the_portal_and_orders_through_whatsapp(phone, balai):
    phone.goto(balai.url("/produk/"))
    phone.select_option("#id_kabupaten", label="Kabupaten Lampung Barat")
    # The regency's districts are offered at once, without sending the form.
    assert "Balik Bukit" in phone.locator("#id_kecamatan").inner_text()
    phone.select_option("#id_kategori", label="Kopi")
    phone.fill("#id_harga_maks", "100000")
    phone.locator("form.filters-form button[type=submit]").click()
    phone.wait_for_load_state()
    titles = phone.locator(".card h3 a").all_inner_texts()
    assert titles and "Green Bean Robusta" in titles
    assert "produk" in phone.locator("main").inner_text().lower()

    phone.get_by_role("link", name="Green Bean Robusta").click()
    product_url = phone.url
    order = phone.get_by_role("link", name="Pesan via WhatsApp").get_attribute("href")
    message = parse_qs(urlsplit(order).query)["text"][0]
    assert "Green Bean Robusta" in message
    assert "Rp48.000" in message
    assert unquote(product_url) in message
