"""A villager sends a complaint from a phone, staff answer it, the villager reads the answer."""

import re

import pytest

from . import admin
from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser

VILLAGE = "hajimena"


def test_a_villager_follows_a_complaint_to_the_staffs_reply(request, phone, browser, balai, photo):
    phone.goto(balai.url("/pengaduan/", VILLAGE))
    phone.fill("#id_name", "Siti Aminah")
    phone.fill("#id_phone", "0812-3456-7890")
    phone.fill("#id_message", "Lampu jalan di depan masjid Dusun II mati sejak seminggu.")
    phone.set_input_files("#id_photo", str(photo("lampu-jalan")))
    phone.get_by_role("button", name="Kirim").click()
    phone.wait_for_url(re.compile(r"/pengaduan/terkirim/"))
    reference = phone.locator(".reference").inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{5}-[0-9A-Z]{5}", reference), reference
    assert "Lampu jalan di depan masjid" in phone.locator("main").inner_text()
    screenshot(phone, "complaint-sent-375")
    assert_accessible(request, phone, "complaint-sent 375px")
    phone.get_by_role("link", name="Pantau pesan Anda").click()
    assert "diterima" in phone.locator("main").inner_text().lower()

    staff = admin.staff_page(browser, balai, f"editor-{VILLAGE}")
    staff.goto(balai.url("/admin/complaints/"))
    staff.fill("#id_q", reference)
    staff.keyboard.press("Enter")
    staff.locator("main table a", has_text="Siti Aminah").first.click()
    staff.select_option("#id_status", "answered")
    staff.fill("#id_public_reply", "Lampu sudah diganti petugas desa pada hari Senin.")
    staff.click("main button[type=submit]")
    assert "Siti Aminah" in admin.form_errors(staff)
    staff.context.close()

    phone.goto(balai.url("/pengaduan/status/", VILLAGE))
    phone.fill("input[name=ref]", reference.lower().replace("-", " "))  # as read out by phone
    phone.get_by_role("button", name="Lihat status").click()
    phone.wait_for_url(re.compile(r"/pengaduan/status/\w+"))
    status = phone.locator("main").inner_text()
    assert "dijawab" in status.lower()
    screenshot(phone, "complaint-status-375")
    assert_accessible(request, phone, "complaint-status 375px")
    assert "Lampu sudah diganti petugas desa pada hari Senin." in status
