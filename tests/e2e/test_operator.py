"""The province's operator finds a village in the admin: the Villages list, then the explorer
from its district down to the village's own pages."""

import re

import pytest

from .admin import staff_page

pytestmark = pytest.mark.browser


def test_the_operator_finds_a_village_and_opens_its_pages(browser, balai):
    operator = staff_page(browser, balai, "admin")
    operator.goto(balai.url("/admin/villages/"))
    operator.get_by_role("button", name="Tampilkan saringan").click()
    operator.click("[aria-controls=drilldown-id_regency_code]")
    operator.select_option("select[name=regency_code]", label="Kabupaten Lampung Selatan")
    operator.wait_for_url(re.compile(r"regency_code=18\.01"))
    hajimena = operator.locator("main tr", has_text="Hajimena")
    assert hajimena.get_by_role("link", name=balai.url("/", "hajimena")).is_visible()
    assert not operator.locator("main tr", has_text="Kubu Perahu").count()

    # The district's listing: a village's row leads to its pages, with no menu of its own.
    operator.goto(balai.url("/admin/pages/"))
    for region in ("Balai", "Kabupaten Lampung Selatan", "Kecamatan Natar"):
        explore = f"Jelajahi halaman turunan dari '{region}'"
        operator.get_by_role("link", name=explore).first.click()  # the portal in Indonesian
        operator.wait_for_load_state()
    row = operator.locator("main tr", has_text="Hajimena")
    assert not row.locator("[data-w-dropdown-target=toggle]").count()
    row.get_by_role("link", name="Jelajahi halaman turunan dari 'Hajimena'").click()
    operator.wait_for_load_state()

    # The village's own pages keep theirs.
    news = operator.locator("main tr", has_text="Berita")
    news.locator("[data-w-dropdown-target=toggle]").click()
    assert news.get_by_role("link", name="Riwayat").is_visible()
    operator.close()
