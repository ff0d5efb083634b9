"""The operator starts an import or a village's archive in the admin; the worker does it and the
operator watches its progress there. Nobody else sees either."""

import datetime
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from sites import tasks
from sites.models import Village, VillageExport, VillageImport
from sites.staff import add_staff
from tests.admin import login
from tests.sites.test_tasks import (
    IMMEDIATE,
    IN_THE_DATABASE,
    run_worker,
    worker_in_the_tests_transaction,
)
from tests.village_pages.test_search import add_news

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures(worker_in_the_tests_transaction.__name__),
]


@pytest.fixture
def operator(django_user_model):
    return login(django_user_model.objects.create_superuser("operator", password="x"))


@pytest.fixture
def at_once(django_capture_on_commit_callbacks):
    """Work handed to the tasks is done as the transaction that asked for it commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def start_import(client, at_once, **form):
    with at_once():
        return client.post("/admin/imports/new/", {"region": "", "limit": "", **form})


def start_export(client, at_once, village):
    with at_once():
        return client.post("/admin/exports/new/", {"village_code": village})


def test_a_district_imported_from_the_admin_is_made_and_its_progress_shown(
    operator, hajimena, at_once
):
    response = start_import(operator, at_once, region="18.01.04", limit="3")
    job = VillageImport.objects.get()
    assert response.status_code == 302 and response.url == f"/admin/imports/inspect/{job.pk}/"
    assert (job.total, job.done, job.created, job.existing) == (3, 3, 2, 1)
    assert Village.objects.count() == 3 and job.finished_at and not job.error
    page = operator.get(response.url).content.decode()
    assert "3 dari 3" in page and "2 dibuat, 1 sudah ada, 0 gagal" in page
    assert "Selesai" in page and "data-job-running" not in page
    listing = operator.get("/admin/imports/").content.decode()
    assert "18.01.04" in listing and 'value="3"' in listing


def test_a_csv_import_names_each_bad_line_and_makes_the_good_ones(operator, at_once):
    csv = "code,slug\n18.01.04.2002,sidosari\n99.99.99.9999\n18.01.04.2003,a,b,c\n"
    start_import(operator, at_once, csv_file=SimpleUploadedFile("desa.csv", csv.encode()))
    job = VillageImport.objects.get()
    assert job.source == "desa.csv" and (job.created, len(job.failures)) == (1, 2)
    page = operator.get(f"/admin/imports/inspect/{job.pk}/").content.decode()
    assert "baris 3 (99.99.99.9999)" in page and "baris 4 (18.01.04.2003)" in page
    assert Village.objects.get().slug == "sidosari"


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"region": "99.98"}, "bukan kode wilayah"),
        ({}, "salah satu dari keduanya"),
        ({"csv_file": SimpleUploadedFile("desa.csv", "kode\xff".encode("latin-1"))}, "UTF-8"),
        ({"csv_file": SimpleUploadedFile("desa.csv", b"# kosong\n")}, "Tidak ada desa"),
    ],
)
def test_an_import_that_cannot_start_says_why_and_keeps_nothing(operator, at_once, form, message):
    response = start_import(operator, at_once, **form)
    assert response.status_code == 200 and message in response.content.decode()
    assert not VillageImport.objects.exists() and not Village.objects.exists()


def test_the_operator_watches_an_import_wait_for_the_worker_then_finish(operator, at_once):
    with override_settings(TASKS=IN_THE_DATABASE):
        start_import(operator, at_once, region="18.01.04", limit="2")
        job = VillageImport.objects.get()
        page = operator.get(f"/admin/imports/inspect/{job.pk}/").content.decode()
        assert "Menunggu worker" in page and "0 dari 2" in page
        assert "data-job-running" in page and "job-progress.js" in page
        run_worker()
    page = operator.get(f"/admin/imports/inspect/{job.pk}/").content.decode()
    assert "2 dari 2" in page and "data-job-running" not in page


def test_an_import_tried_again_goes_on_from_the_first_village_not_done(hajimena, at_once):
    job = VillageImport.objects.create(
        source="18.01.04",
        rows=[[None, "18.01.04.2001", None, None, ""], [None, "18.01.04.2002", None, None, ""]],
        total=2,
        done=1,
        created=1,
    )
    with override_settings(TASKS=IMMEDIATE):
        tasks.import_villages.enqueue(job.pk)
    job.refresh_from_db()
    # Hajimena, done before, is not asked for again: it would count as already there.
    assert (job.done, job.created, job.existing) == (2, 2, 0)


def test_a_village_archive_is_written_by_the_worker_and_downloaded(
    operator, hajimena, sidosari, at_once
):
    add_news(hajimena, "Panen raya Hajimena")
    add_news(sidosari, "Panen raya Sidosari")
    # From the village's form, the operator asks for its archive.
    form = operator.get(f"/admin/villages/edit/{hajimena.pk}/").content.decode()
    assert "/admin/exports/new/?village=18.01.04.2001" in form and "Tulis arsipnya" in form
    page = operator.get("/admin/exports/new/?village=18.01.04.2001").content.decode()
    assert 'value="18.01.04.2001"' in page
    response = start_export(operator, at_once, "18.01.04.2001")
    job = VillageExport.objects.get()
    assert response.url == f"/admin/exports/inspect/{job.pk}/"
    assert job.archive.startswith("exports/hajimena-") and job.finished_at
    assert "Unduh arsip" in operator.get(response.url).content.decode()
    download = operator.get(f"/admin/exports/{job.pk}/download/")
    assert download["Content-Disposition"].startswith("attachment")
    with zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))) as archive:
        manifest = archive.read("manifest.json").decode()
    assert json.loads(manifest)["village"]["name"] == "Hajimena"
    assert "Panen raya Hajimena" in manifest and "Sidosari" not in manifest


def test_an_archive_of_an_unknown_village_is_refused(operator, at_once):
    response = start_export(operator, at_once, "tidak-ada")
    assert "Tidak ada desa" in response.content.decode()
    assert not VillageExport.objects.exists()


def test_an_archive_that_cannot_be_written_is_tried_three_times_then_reported(
    operator, hajimena, settings, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(not_a_folder)},
        },
    }
    monkeypatch.setattr(tasks, "WAITS", (datetime.timedelta(0), datetime.timedelta(0)))
    with override_settings(TASKS=IN_THE_DATABASE):
        with django_capture_on_commit_callbacks(execute=True):
            operator.post("/admin/exports/new/", {"village_code": "hajimena"})
        for _attempt in range(4):
            run_worker()
    tried = DBTaskResult.objects.filter(task_path="sites.tasks.export_village_archive")
    assert tried.count() == 3 and tried.failed().count() == 3
    job = VillageExport.objects.get()
    assert job.finished_at and not job.archive and "3 percobaan" in job.error
    page = operator.get(f"/admin/exports/inspect/{job.pk}/").content.decode()
    assert "Gagal" in page and "3 percobaan" in page


def test_village_staff_see_no_import_nor_archive(hajimena, operator, at_once):
    start_export(operator, at_once, "hajimena")
    start_import(operator, at_once, region="18.01.04.2002")
    moderator = login(add_staff(hajimena, "moderator-hajimena", "moderator")[0])
    export, job = VillageExport.objects.get(), VillageImport.objects.get()
    for address in (
        "/admin/imports/",
        "/admin/imports/new/",
        f"/admin/imports/inspect/{job.pk}/",
        "/admin/exports/",
        "/admin/exports/new/",
        f"/admin/exports/inspect/{export.pk}/",
        f"/admin/exports/{export.pk}/download/",
    ):
        assert moderator.get(address).status_code in (302, 403), address
    menu = moderator.get("/admin/").content.decode()
    assert "/admin/imports/" not in menu and "/admin/exports/" not in menu
    assert "/admin/imports/" in operator.get("/admin/").content.decode()
