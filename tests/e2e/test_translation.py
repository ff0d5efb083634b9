"""Staff translate a news article into English in wagtail-localize's editor and publish it."""

import re

import pytest

from . import admin

pytestmark = pytest.mark.browser

VILLAGE = "hajimena"


def translate_segment(page, english):
    """Opens the first untranslated segment of the editor, types `english` and saves it."""
    page.locator("main").get_by_role("button", name="Terjemahkan", exact=True).first.click()
    page.locator("main textarea").fill(english)
    page.locator("main").get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_selector("main textarea", state="detached")


def test_a_translated_article_is_listed_on_the_english_news_page(browser, balai):
    moderator = admin.staff_page(browser, balai, f"moderator-{VILLAGE}")
    admin.add_child_page(moderator, balai, "Berita")
    moderator.fill("#id_title", "Gotong royong saluran air")
    moderator.fill("#id_summary", "Warga membersihkan saluran air bersama.")
    assert "dipublikasi" in admin.publish(moderator)

    moderator.locator("main a[href$='/edit/']", has_text="Gotong royong saluran air").click()
    moderator.locator("header [data-w-dropdown-target=toggle]").first.click()
    moderator.get_by_role("link", name="Terjemahkan halaman ini").click()
    moderator.check("input[name=locales][value]")
    moderator.get_by_role("button", name="Kirim").click()
    moderator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    translate_segment(moderator, "Clearing the irrigation channel together")
    translate_segment(moderator, "Villagers cleared the irrigation channel together.")
    moderator.get_by_role("button", name="Publikasikan dalam English").click()
    moderator.wait_for_load_state()
    assert "dipublikasi" in admin.form_errors(moderator).lower()

    visitor = browser.new_page()
    visitor.goto(balai.url("/en/news/", VILLAGE))
    card = visitor.locator(".card", has_text="Clearing the irrigation channel together")
    assert card.count() == 1
    assert card.locator("[lang=id]").count() == 0  # in English, not marked as Indonesian
    assert "Gotong royong saluran air" not in visitor.locator("main").inner_text()
    card.get_by_role("link").click()
    assert visitor.locator("html").get_attribute("lang") == "en"
    assert "Villagers cleared the irrigation channel together." in visitor.content()
    visitor.context.close()
    moderator.context.close()


def test_a_published_article_shows_at_once_whichever_process_answers(browser, balai):
    """Balai runs two gunicorn workers here: with the page cache on (Redis), each may hold
    the news list; the one that did not publish must not serve its old copy."""
    visitor = browser.new_page()
    for _ in range(4):  # both workers keep the list
        visitor.goto(balai.url("/berita/", VILLAGE))
    moderator = admin.staff_page(browser, balai, f"moderator-{VILLAGE}")
    admin.add_child_page(moderator, balai, "Berita")
    moderator.fill("#id_title", "Posyandu balita bulan ini")
    moderator.fill("#id_summary", "Jadwal posyandu balita di balai desa.")
    assert "dipublikasi" in admin.publish(moderator)
    for _ in range(4):
        visitor.goto(balai.url("/berita/", VILLAGE))
        assert "Posyandu balita bulan ini" in visitor.locator("main").inner_text()
    visitor.context.close()
    moderator.context.close()
