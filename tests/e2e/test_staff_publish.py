"""A village editor writes each kind of page in the admin and submits it; the village's
moderator approves it; villagers find it on the site, in its listing and in search."""

import re

import pytest

from . import admin

pytestmark = pytest.mark.browser

VILLAGE = "hajimena"


@pytest.fixture
def editor(browser, balai):
    page = admin.staff_page(browser, balai, f"editor-{VILLAGE}")
    yield page
    page.context.close()


@pytest.fixture
def moderator(browser, balai):
    page = admin.staff_page(browser, balai, f"moderator-{VILLAGE}")
    yield page
    page.context.close()


def publish_through_moderation(editor, moderator, balai, title):
    submitted = admin.submit_for_moderation(editor)
    assert f"'{title}'" in submitted and "moderasi" in submitted.lower(), submitted
    assert balai.mail_about(title), "the moderator was not told"
    approved = admin.approve(moderator, balai, title)
    assert f"'{title}'" in approved, approved


def public(page, balai, path):
    response = page.goto(balai.url(path, VILLAGE))
    assert response.status == 200, path
    return page.locator("main").inner_text()


def found_in_search(page, balai, words, title):
    balai.finish_tasks()  # on PostgreSQL the worker indexes what was published
    page.goto(balai.url("/", VILLAGE))
    page.fill("header input[type=search]", words)
    page.press("header input[type=search]", "Enter")
    page.wait_for_url(re.compile(r"/cari/\?"))
    return title in page.locator("main").inner_text()


def test_news_with_an_uploaded_photo(editor, moderator, balai, photo):
    title = "Panen raya jagung Dusun II"
    admin.start_news_with_photo(
        editor,
        balai,
        title,
        photo("panen-jagung"),
        "Panen jagung",
        "Warga memanen jagung di sawah Dusun II",
    )
    editor.fill("#id_summary", "Warga Dusun II memanen jagung bersama.")
    publish_through_moderation(editor, moderator, balai, title)

    listing = public(editor, balai, "/berita/")
    assert title in listing
    editor.get_by_role("link", name=title, exact=True).click()
    assert editor.locator("main img[alt='Warga memanen jagung di sawah Dusun II']").count()
    assert found_in_search(editor, balai, "jagung", title)


def test_announcement_with_expiry_shows_as_a_banner(editor, moderator, balai):
    title = "Pemadaman listrik Sabtu"
    admin.add_child_page(editor, balai, "Pengumuman")
    editor.fill("#id_title", title)
    editor.fill("#id_text", "Listrik padam pukul 09.00 sampai 12.00 untuk perbaikan jaringan.")
    admin.fill_date(editor, "valid_until", "2030-01-05 10:00")
    publish_through_moderation(editor, moderator, balai, title)

    assert title in public(editor, balai, "/pengumuman/")
    editor.goto(balai.url("/layanan/", VILLAGE))
    assert title in editor.locator("body").inner_text()  # the banner on every page


def test_service_with_requirements_and_fee(editor, moderator, balai):
    title = "Surat keterangan usaha"
    admin.add_child_page(editor, balai, "Layanan")
    editor.fill("#id_title", title)
    editor.fill("#id_purpose", "Untuk mengajukan pinjaman usaha ke bank.")
    admin.type_rich_text(editor, "requirements", "Fotokopi KTP dan KK")
    editor.fill("#id_fee", "0")
    editor.fill("#id_duration", "1 hari kerja")
    publish_through_moderation(editor, moderator, balai, title)

    assert title in public(editor, balai, "/layanan/")
    editor.get_by_role("link", name=title, exact=True).click()
    text = editor.locator("main").inner_text()
    assert "Fotokopi KTP dan KK" in text
    assert "1 hari kerja" in text
    assert found_in_search(editor, balai, "keterangan usaha", title)


def test_event(editor, moderator, balai):
    title = "Lomba tujuh belasan 2030"
    admin.add_child_page(editor, balai, "Agenda")
    editor.fill("#id_title", title)
    admin.fill_date(editor, "start", "2030-08-17 08:00")
    admin.fill_date(editor, "end", "2030-08-17 16:00")
    editor.fill("#id_place", "Lapangan Desa Hajimena")
    publish_through_moderation(editor, moderator, balai, title)

    assert title in public(editor, balai, "/agenda/")
    assert title in public(editor, balai, "/")  # coming events on the home page
    assert found_in_search(editor, balai, "tujuh belasan", title)


def test_product_with_two_photos_and_a_seller(editor, moderator, balai, photo):
    title = "Gula aren Hajimena"
    admin.add_child_page(editor, balai, "Produk")
    editor.fill("#id_title", title)
    admin.upload_image_in_chooser(
        editor,
        editor.locator("#id_photos-0-image-chooser button[data-chooser-action-choose]"),
        photo("gula-aren-cetak"),
        "Gula aren cetak",
        "Gula aren cetak dalam daun pisang",
    )
    editor.click("#id_photos-ADD")
    admin.upload_image_in_chooser(
        editor,
        editor.locator("#id_photos-1-image-chooser button[data-chooser-action-choose]"),
        photo("gula-aren-kemasan-setengah-kilo"),
        "Gula aren kemasan",
        "Gula aren dalam kemasan setengah kilo",
    )
    admin.type_rich_text(editor, "description", "Gula aren asli dari nira pohon aren warga.")
    editor.fill("#id_price", "65000")
    editor.select_option("#id_unit", "kg")
    editor.fill("#id_minimum_order", "1")
    editor.select_option("#id_availability", "tersedia")
    editor.select_option("#id_seller", label="BUMDes Hajimena Maju")
    admin.choose(editor, "category", "Makanan dan Minuman")
    publish_through_moderation(editor, moderator, balai, title)

    assert title in public(editor, balai, "/produk/")
    editor.get_by_role("link", name=title, exact=True).click()
    main = editor.locator("main")
    assert "Rp65.000" in main.inner_text()
    assert main.locator("img[alt='Gula aren cetak dalam daun pisang']").count()
    assert main.locator("img[alt='Gula aren dalam kemasan setengah kilo']").count()
    assert "BUMDes Hajimena Maju" in main.inner_text()
    assert found_in_search(editor, balai, "gula aren", title)


def test_profile_edits(editor, moderator, balai):
    admin.edit_page(editor, balai, "Profil")
    editor.fill("#id_population", "4321")
    editor.fill("#id_vision", "Hajimena maju, mandiri dan sejahtera.")
    publish_through_moderation(editor, moderator, balai, "Profil")

    text = public(editor, balai, "/profil/")
    assert "4.321" in text
    assert "Hajimena maju, mandiri dan sejahtera." in text


ENGLISH_LEFT_IN_THE_ADMIN = [
    "Request changes",
    "Approve with comment",
    "Search all pages",
    "Current page status",
    "comma-separated list of tags",
    ">Reports<",
    ">Help<",
    ": False",
    ": True",
]


def test_the_admin_speaks_indonesian_to_editors_and_moderators(editor, moderator, balai):
    title = "Kerja bakti jembatan"
    admin.add_child_page(editor, balai, "Berita")
    editor.fill("#id_title", title)
    editor.fill("#id_summary", "Warga memperbaiki jembatan bambu Dusun III.")
    admin.submit_for_moderation(editor)
    moderator.goto(balai.url("/admin/"))
    seen = moderator.content()
    moderator.locator("main a[href$='/edit/']", has_text=title).first.click()
    seen += moderator.content()
    for address in ("/admin/pages/", "/admin/complaints/", "/admin/images/", "/admin/sellers/"):
        editor.goto(balai.url(address))
        seen += editor.content()
    assert [english for english in ENGLISH_LEFT_IN_THE_ADMIN if english in seen] == []
