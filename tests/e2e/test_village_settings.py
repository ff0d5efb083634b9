"""A village's moderator changes how the village's site looks and how to reach its office."""

import pytest

from . import admin

pytestmark = pytest.mark.browser

VILLAGE = "kubu-perahu"
BLUE = "#1d4ed8"


def test_the_header_shows_the_new_local_word_logo_and_colour(browser, balai, photo):
    account = balai.add_staff(VILLAGE, "pekon-kubu", "moderator")
    moderator = admin.staff_page(browser, balai, *account)
    moderator.get_by_role("button", name="Pengaturan").click()
    moderator.get_by_role("link", name="Pengaturan desa").click()
    moderator.select_option("#id_local_word", "Desa")
    moderator.select_option("#id_colour", "biru")
    admin.upload_image_in_chooser(
        moderator,
        moderator.locator("#id_logo-chooser button[data-chooser-action-choose]"),
        photo("logo-kubu-perahu"),
        "Logo Kubu Perahu",
        "Logo Desa Kubu Perahu",
    )
    moderator.fill("#id_contact_phone", "0812-7000-1234")
    moderator.click("main button[type=submit]")
    assert "diperbarui" in admin.form_errors(moderator).lower()

    visitor = browser.new_page()
    visitor.goto(balai.url("/", VILLAGE))
    brand = visitor.locator("header .brand")
    assert brand.inner_text().strip() == "Desa Kubu Perahu"
    assert brand.locator("img").count() == 1
    accent = visitor.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--accent')"
    )
    assert accent.strip() == BLUE
    assert visitor.locator("footer a[href='tel:+6281270001234']").count() == 1
    visitor.goto(balai.url("/en/", VILLAGE))
    assert visitor.locator("header .brand").inner_text().strip() == "Kubu Perahu village"
    visitor.context.close()
    moderator.context.close()
