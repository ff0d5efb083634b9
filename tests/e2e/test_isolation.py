"""Staff of one village never see or reach another village's pages, images or complaints."""

import re

import pytest

from . import admin

pytestmark = pytest.mark.browser

OWN = "hajimena"
OTHER = "sidodadi-sidomulyo"
SECRET = "Rapat tertutup Sidodadi"


@pytest.fixture(scope="module")
def other_villages_ids(browser, balai, photo):
    """Ids of a draft page and an image the other village's editor made, and of a complaint a
    villager sent there: what a curious editor might type into an address."""
    villager = browser.new_page()
    villager.goto(balai.url("/pengaduan/", OTHER))
    villager.fill("#id_name", "Warga Sidodadi")
    villager.fill("#id_phone", "0813-1111-2222")
    villager.fill("#id_message", f"{SECRET}: jembatan dusun rusak.")
    villager.get_by_role("button", name="Kirim").click()
    villager.wait_for_url(re.compile(r"/pengaduan/terkirim/"))
    villager.context.close()

    editor = admin.staff_page(browser, balai, *balai.add_staff(OTHER, "editor-sidodadi", "editor"))
    admin.start_news_with_photo(
        editor,
        balai,
        SECRET,
        photo("rapat-sidodadi"),
        f"Foto {SECRET}",
        "Peserta rapat di balai desa Sidodadi",
    )
    assert SECRET in admin.save_draft(editor)
    page_id = re.search(r"/admin/pages/(\d+)/edit/", editor.url)[1]
    image_id = editor.locator("#id_listing_image").input_value()
    editor.goto(balai.url("/admin/complaints/"))
    complaint_link = editor.locator("main table a", has_text="Warga Sidodadi").first
    complaint_id = re.search(r"/(\d+)/", complaint_link.get_attribute("href"))[1]
    editor.context.close()
    balai.finish_tasks()  # the secret draft is in the search index, where search could leak it
    return {"page": page_id, "image": image_id, "complaint": complaint_id}


@pytest.fixture
def editor(browser, balai):
    page = admin.staff_page(browser, balai, f"editor-{OWN}")
    yield page
    page.context.close()


LISTS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/search/?q=Rapat",
    "/admin/images/",
    "/admin/images/?q=Sidodadi",
    "/admin/complaints/",
    "/admin/complaints/?q=Sidodadi",
    "/admin/choose-page/",
    "/admin/choose-page/search/?q=Rapat",
    "/admin/images/chooser/",
    "/admin/images/chooser/results/?q=Sidodadi",
    "/admin/reports/aging-pages/",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/untranslated-pages/",
    "/admin/localize/reports/translations/",
]


@pytest.mark.parametrize("address", LISTS)
def test_the_other_villages_content_is_in_no_list_chooser_or_report(
    editor, balai, other_villages_ids, address
):
    editor.goto(balai.url(address))
    shown = editor.content()
    assert SECRET not in shown and "Warga Sidodadi" not in shown
    assert f"/admin/pages/{other_villages_ids['page']}/" not in shown
    assert f"/admin/images/{other_villages_ids['image']}/" not in shown


REACHED_BY_ADDRESS = [
    "/admin/pages/{page}/",
    "/admin/pages/{page}/edit/",
    "/admin/pages/{page}/history/",
    "/admin/choose-page/{page}/",
    "/admin/images/{image}/",
    "/admin/images/chooser/{image}/",
    "/admin/complaints/edit/{complaint}/",
    "/admin/complaints/inspect/{complaint}/",
]


@pytest.mark.parametrize("address", REACHED_BY_ADDRESS)
def test_the_other_villages_content_cannot_be_opened_by_its_address(
    editor, balai, other_villages_ids, address
):
    typed = address.format(**other_villages_ids)
    response = editor.goto(balai.url(typed))
    shown = editor.content()
    assert SECRET not in shown and "Warga Sidodadi" not in shown
    # Refused, or led back to the dashboard or to the editor's own village.
    assert response.status in (403, 404) or not editor.url.endswith(typed), editor.url
