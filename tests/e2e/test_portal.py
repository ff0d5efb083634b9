"""A visitor finds a village on the province portal: regency, district, village."""

import pytest

pytestmark = pytest.mark.browser


def test_a_visitor_walks_from_the_portal_to_a_village(phone, balai):
    phone.goto(balai.url("/"))
    phone.get_by_role("link", name="Kabupaten Lampung Selatan").click()
    phone.wait_for_load_state()
    assert phone.locator("h1").inner_text() == "Kabupaten Lampung Selatan"
    natar = phone.locator("ul.regions li", has_text="Kecamatan Natar")
    assert "desa" in natar.inner_text()  # how many villages it has online
    natar.get_by_role("link").click()
    phone.wait_for_load_state()
    assert phone.locator("h1").inner_text() == "Kecamatan Natar"
    assert phone.locator("ul.villages li").count() >= 1
    phone.get_by_role("link", name="Hajimena").click()
    phone.wait_for_load_state()
    assert "Hajimena" in phone.locator("h1").inner_text()
    assert phone.url == balai.url("/", "hajimena")
