"""The province's operator finds a village in the admin: the Villages list, then the explorer
from its district down to the village's own pages; imports a village, watching the worker make
it, and takes its archive."""

import json
import re
import zipfile

import pytest

from .admin import staff_page
from .conftest import assert_accessible

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


def test_the_operator_imports_a_village_watches_it_made_and_takes_an_archive(
    request, browser, balai
):
    operator = staff_page(browser, balai, "admin")
    operator.goto(balai.url("/admin/"))
    operator.get_by_role("button", name="Operasional").click()
    operator.get_by_role("link", name="Impor desa").click()
    operator.get_by_role("link", name="Tambah impor desa").click()
    operator.get_by_label("Kode wilayah").fill("18.01.04.2002")  # Sidosari, Natar
    operator.get_by_role("button", name="Mulai impor").click()

    # The worker makes it while the page follows its progress, without being reloaded.
    operator.wait_for_url(re.compile(r"/admin/imports/inspect/\d+/$"))
    assert operator.get_by_text("Impor 1 desa dari 18.01.04.2002 sudah dimulai.").is_visible()
    operator.get_by_text("1 dibuat, 0 sudah ada, 0 gagal").wait_for(timeout=60_000)
    assert operator.get_by_text("Selesai", exact=True).is_visible()
    assert_accessible(request, operator, "village import")
    operator.goto(balai.url("/", "sidosari-natar"))
    assert "Sidosari" in operator.title()

    # The village's archive, asked for from its form and downloaded once written.
    operator.goto(balai.url("/admin/villages/?q=Sidosari"))
    row = operator.locator("main tr", has_text="Sidosari")
    row.get_by_role("link", name="Sidosari", exact=True).click()
    operator.get_by_role("button", name="Tindakan").click()
    operator.get_by_role("link", name="Tulis arsipnya").click()
    assert operator.locator("#id_village_code").input_value() == "18.01.04.2002"
    operator.get_by_role("button", name="Tulis arsip").click()
    operator.wait_for_url(re.compile(r"/admin/exports/inspect/\d+/$"))
    download_link = operator.get_by_role("link", name="Unduh arsip")
    download_link.wait_for(timeout=60_000)
    with operator.expect_download() as download:
        download_link.click()
    with zipfile.ZipFile(download.value.path()) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["village"]["code"] == "18.01.04.2002"
    operator.close()
    # The demo's other tests count the demo villages.
    balai.manage("remove_village", "18.01.04.2002", "--yes", "--no-export")


def test_an_import_s_page_follows_its_progress_without_being_reloaded(browser, balai):
    made = balai.manage(
        "shell",
        "-c",
        "from django.utils import timezone; from sites.models import VillageImport; "
        "print(VillageImport.objects.create(source='18.02', total=40, done=3, created=3, "
        "started_at=timezone.now()).pk)",
    )
    job = made.split()[-1]  # after what the shell says of its own imports
    operator = staff_page(browser, balai, "admin")
    operator.goto(balai.url(f"/admin/imports/inspect/{job}/"))
    assert operator.get_by_text("3 dari 40").is_visible()
    operator.evaluate("window.notReloaded = true")
    balai.manage(
        "shell",
        "-c",
        "from django.utils import timezone; from sites.models import VillageImport; "
        f"VillageImport.objects.filter(pk={job}).update(done=40, created=39, existing=1, "
        "finished_at=timezone.now())",
    )
    operator.get_by_text("39 dibuat, 1 sudah ada, 0 gagal").wait_for(timeout=15_000)
    assert operator.evaluate("window.notReloaded") is True
    assert operator.locator("progress").get_attribute("value") == "40"
    operator.close()
