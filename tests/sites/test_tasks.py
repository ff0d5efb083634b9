"""Work after the request: the search index, renditions and mail, done by the worker on the
database backend, retried a bounded number of times, and shown to the superuser when it fails."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client, override_settings
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from PIL import Image as PILImage
from wagtail.images import get_image_model

from sites import tasks
from sites.staff import add_staff
from tests.admin import login
from tests.sites.test_operations import closed_port
from tests.village_pages.test_search import add_news, results, search

pytestmark = pytest.mark.django_db

IN_THE_DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def worker_in_the_tests_transaction(monkeypatch):
    # Between tasks the worker closes a connection that is inside a transaction, as the test's
    # is: here it keeps it, so the worker sees what the test made.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())


def test_a_published_article_is_found_once_the_worker_has_indexed_it(hajimena):
    with override_settings(TASKS=IN_THE_DATABASE):
        add_news(hajimena, "Panen jagung manis")
        assert DBTaskResult.objects.filter(task_path__contains="insert_or_update").exists()
        assert "Panen jagung manis" not in search("/cari/?q=jagung")  # not indexed yet
        run_worker()
    assert set(results(search("/cari/?q=jagung"))) == {"Panen jagung manis"}
    assert not DBTaskResult.objects.failed().exists()


@pytest.fixture
def failing_mail_relay(settings, monkeypatch):
    settings.BALAI_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    monkeypatch.setattr(tasks, "WAITS", (datetime.timedelta(0), datetime.timedelta(0)))


def test_a_failing_task_is_tried_three_times_and_the_superuser_sees_why(
    hajimena, failing_mail_relay, django_user_model, django_capture_on_commit_callbacks
):
    with (
        override_settings(TASKS=IN_THE_DATABASE, EMAIL_BACKEND="sites.mail.TaskEmailBackend"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        mail.send_mail(
            "Halaman menunggu", "Silakan tinjau.", "balai@desa.example", ["sri@desa.example"]
        )
    with override_settings(TASKS=IN_THE_DATABASE):
        for _attempt in range(4):
            run_worker()
    tried = DBTaskResult.objects.filter(task_path="sites.tasks.send_mail_message")
    assert tried.count() == 3 and tried.failed().count() == 3
    assert all("ConnectionRefusedError" in result.exception_class_path for result in tried)

    operator = login(django_user_model.objects.create_superuser("operator", password="x"))
    listing = operator.get("/admin/tasks/").content.decode()
    assert listing.count("ConnectionRefusedError") == 3 and "send_mail_message" in listing
    detail = operator.get(f"/admin/tasks/inspect/{tried.first().pk}/").content.decode()
    assert "Traceback" in detail and "sri@desa.example" in detail
    moderator = login(add_staff(hajimena, "moderator-hajimena", "moderator")[0])
    assert moderator.get("/admin/tasks/").status_code in (302, 403)
    assert "/admin/tasks/" not in moderator.get("/admin/").content.decode()


def test_mail_leaves_through_a_task_with_its_html(settings, django_capture_on_commit_callbacks):
    settings.BALAI_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with (
        override_settings(TASKS=IMMEDIATE, EMAIL_BACKEND="sites.mail.TaskEmailBackend"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        message = mail.EmailMultiAlternatives(
            "Halaman disetujui", "Teks", "balai@desa.example", ["sri@desa.example"]
        )
        message.attach_alternative("<p>Teks</p>", "text/html")
        message.send()
    (sent,) = mail.outbox
    assert sent.subject == "Halaman disetujui" and sent.to == ["sri@desa.example"]
    assert sent.alternatives[0][0] == "<p>Teks</p>"


def test_a_new_image_gets_its_standard_renditions_from_a_task(
    hajimena, django_capture_on_commit_callbacks
):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 1000), (40, 120, 60)).save(buffer, "JPEG")
    with override_settings(TASKS=IMMEDIATE), django_capture_on_commit_callbacks(execute=True):
        image = get_image_model().objects.create(
            title="Sawah",
            collection=hajimena.collection,
            file=ContentFile(buffer.getvalue(), "sawah.jpg"),
        )
    made = {rendition.filter_spec for rendition in image.renditions.all()}
    assert made == set(tasks.STANDARD_RENDITIONS)
    # A page that shows the image uses those, and makes none of its own.
    add_news(hajimena, "Panen di sawah", listing_image=image)
    html = Client(HTTP_HOST="hajimena.localhost").get("/berita/").content.decode()
    assert html.count("/media/images/") >= 6
    assert sorted(r.filter_spec for r in image.renditions.all()) == sorted(
        tasks.STANDARD_RENDITIONS
    )
