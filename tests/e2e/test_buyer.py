"""A buyer finds a product on the province portal and orders it through WhatsApp."""

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

pytestmark = pytest.mark.browser


def test_a_buyer_filters_the_portal_and_orders_through_whatsapp(phone, balai):
    phone.goto(balai.url("/produk/"))
    controls = phone.locator("form.filters-form").locator("select, input:visible, button")
    heights = [control.bounding_box()["height"] for control in controls.all()]
    assert heights and min(heights) >= 44, heights  # touch targets on a phone
    phone.select_option("#id_kabupaten", label="Kabupaten Lampung Barat")
    # The regency's districts are offered at once, without sending the form.
    assert "Balik Bukit" in phone.locator("#id_kecamatan").inner_text()
    phone.select_option("#id_kategori", label="Kopi")
    phone.fill("#id_harga_maks", "100000")
    phone.locator("form.filters-form button[type=submit]").click()
    phone.wait_for_load_state()
    titles = phone.locator(".card h3 a").all_inner_texts()
    assert titles and "Green Bean Robusta" in titles
    assert re.search(r"\b\d+ produk\b", phone.locator("main").inner_text())
    assert phone.get_by_role("link", name="Hapus filter").count() == 1

    phone.get_by_role("link", name="Green Bean Robusta").click()
    product_url = phone.url
    order = phone.get_by_role("link", name="Pesan via WhatsApp").get_attribute("href")
    message = parse_qs(urlsplit(order).query)["text"][0]
    assert "Green Bean Robusta" in message
    assert "Rp48.000" in message
    assert unquote(product_url) in message
