"""Every public page type, in both languages, on a phone and a desktop: no accessibility
violation axe-core can find, nothing its Content-Security-Policy refuses, and a screenshot of
each in e2e-screenshots/."""

import pytest

from .conftest import DESKTOP, PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.browser

VILLAGE = "hajimena"

# (name, host's village or None for the portal, address; "index>" opens the index's first item)
PAGES = [
    ("village-home", VILLAGE, "/"),
    ("news-index", VILLAGE, "/berita/"),
    ("news-page", VILLAGE, "/berita/>"),
    ("announcement-index", VILLAGE, "/pengumuman/"),
    ("announcement-page", VILLAGE, "/pengumuman/>"),
    ("service-index", VILLAGE, "/layanan/"),
    ("service-page", VILLAGE, "/layanan/>"),
    ("event-index", VILLAGE, "/agenda/"),
    ("event-page", VILLAGE, "/agenda/>"),
    ("product-index", VILLAGE, "/produk/"),
    ("product-page", VILLAGE, "/produk/>"),
    ("profile", VILLAGE, "/profil/"),
    ("complaint-form", VILLAGE, "/pengaduan/"),
    ("complaint-status-lookup", VILLAGE, "/pengaduan/status/"),
    ("search", VILLAGE, "/cari/?q=kopi"),
    ("search-nothing", VILLAGE, "/cari/?q=zzzz"),
    ("not-found", VILLAGE, "/tidak-ada/"),
    ("portal-home", None, "/"),
    ("portal-catalogue", None, "/produk/?kabupaten=18.01"),
    ("regency", None, "/lampung-selatan/"),
    ("district", None, "/lampung-selatan/kecamatan-natar/"),
    ("en-village-home", VILLAGE, "/en/"),
    ("en-news-index", VILLAGE, "/en/news/"),
    ("en-news-page", VILLAGE, "/en/news/>"),
    ("en-service-index", VILLAGE, "/en/services/"),
    ("en-service-page", VILLAGE, "/en/services/>"),
    ("en-event-index", VILLAGE, "/en/events/"),
    ("en-event-page", VILLAGE, "/en/events/>"),
    ("en-product-index", VILLAGE, "/en/products/"),
    ("en-product-page", VILLAGE, "/en/products/>"),
    ("en-profile", VILLAGE, "/en/profile/"),
    ("en-search", VILLAGE, "/en/search/?q=coffee"),
    ("en-not-found", VILLAGE, "/en/nothing/"),
    ("en-portal-home", None, "/en/"),
    ("en-portal-catalogue", None, "/en/products/?kabupaten=18.01"),
    ("en-regency", None, "/en/lampung-selatan/"),
]


def open_page(page, balai, village, address):
    if address.endswith(">"):
        index = address[:-1]
        page.goto(balai.url(index, village))
        links = page.eval_on_selector_all(".card a[href]", "links => links.map(a => a.href)")
        assert links, f"{index} lists nothing to open"
        address = links[0]
    else:
        address = balai.url(address, village)
    return page.goto(address)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1366"])
@pytest.mark.parametrize("name,village,address", PAGES, ids=[page[0] for page in PAGES])
def test_a_public_page_has_no_accessibility_violation(
    request, browser, balai, name, village, address, viewport
):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text))
    try:
        response = open_page(page, balai, village, address)
        assert response.status == (404 if "not-found" in name else 200), page.url
        page.wait_for_load_state("load")
        assert not [text for text in refused if "Content Security Policy" in text], refused
        screenshot(page, f"{name}-{viewport['width']}")
        assert_accessible(request, page, f"{name} {viewport['width']}px")
    finally:
        context.close()
