"""Editors submit, their own village's moderators publish; uploads are checked."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Task, TaskState, Workflow, WorkflowPage, WorkflowState

from sites.models import VillageModerationTask
from sites.staff import add_staff
from tests.admin import login
from village_pages.models import AnnouncementPage

pytestmark = pytest.mark.django_db


def announcements(village):
    return village.home_page.get_children().get(slug="pengumuman")


def edit_form(**fields):
    return {
        "title": "Kerja bakti Minggu",
        "slug": "kerja-bakti-minggu",
        "text": "Semua warga membawa cangkul.",
        "valid_until": "2030-01-05 10:00",
        "comments-TOTAL_FORMS": 0,
        "comments-INITIAL_FORMS": 0,
        "comments-MIN_NUM_FORMS": 0,
        "comments-MAX_NUM_FORMS": 1000,
        **fields,
    }


@pytest.fixture
def submitted(hajimena):
    """An announcement a Hajimena editor wrote and submitted for moderation."""
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    index = announcements(hajimena)
    response = login(editor).post(
        f"/admin/pages/add/village_pages/announcementpage/{index.pk}/",
        edit_form(**{"action-submit": "submit"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return AnnouncementPage.objects.get(slug="kerja-bakti-minggu")


def test_an_editor_submits_and_the_page_waits_unpublished(submitted):
    assert not submitted.live
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(submitted.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderasi desa"
    response = Client(HTTP_HOST="hajimena.localhost").get("/pengumuman/kerja-bakti-minggu/")
    assert response.status_code == 404


def test_the_villages_moderator_approves_and_the_page_goes_live(submitted, hajimena):
    moderator = add_staff(hajimena, "moderator-hajimena", "moderator")[0]
    task_state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    url = f"/admin/pages/workflow/action/{submitted.pk}/approve/{task_state.pk}/"
    assert login(moderator).post(url, {"comment": ""}).status_code in (200, 302)
    submitted.refresh_from_db()
    assert submitted.live
    page = Client(HTTP_HOST="hajimena.localhost").get("/pengumuman/kerja-bakti-minggu/")
    assert page.status_code == 200


def test_another_villages_moderator_can_neither_see_nor_approve(submitted, sidosari):
    outsider = add_staff(sidosari, "moderator-sidosari", "moderator")[0]
    client = login(outsider)
    assert "Kerja bakti Minggu" not in client.get("/admin/").content.decode()
    task_state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    client.post(f"/admin/pages/workflow/action/{submitted.pk}/approve/{task_state.pk}/")
    submitted.refresh_from_db()
    assert not submitted.live
    reports = client.get("/admin/reports/workflow/")
    assert "Kerja bakti Minggu" not in reports.content.decode()


def test_every_village_shares_one_workflow_and_one_task(hajimena, sidosari):
    workflow = hajimena.home_page.specific.get_workflow()
    assert sidosari.home_page.specific.get_workflow() == workflow
    assert [task.specific_class for task in workflow.tasks] == [VillageModerationTask]
    assert Workflow.objects.count() == Task.objects.count() == 2  # with Wagtail's own
    assert WorkflowPage.objects.count() == 1  # on the root: no village adds one


def test_a_moderator_reviews_only_their_own_villages_pages(submitted, hajimena, sidosari):
    own = add_staff(hajimena, "moderator-hajimena", "moderator")[0]
    outsider = add_staff(sidosari, "moderator-sidosari", "moderator")[0]
    task = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS).task.specific
    assert task.get_actions(submitted, own) and not task.get_actions(submitted, outsider)
    assert TaskState.objects.reviewable_by(own).count() == 1
    assert TaskState.objects.reviewable_by(outsider).count() == 0
    assert "Kerja bakti Minggu" in login(own).get("/admin/").content.decode()


def test_an_editor_cannot_publish_directly(hajimena):
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    index = announcements(hajimena)
    login(editor).post(
        f"/admin/pages/add/village_pages/announcementpage/{index.pk}/",
        edit_form(**{"action-publish": "publish"}),
    )
    page = AnnouncementPage.objects.filter(slug="kerja-bakti-minggu").first()
    assert page is None or not page.live


def upload(client, village, name, content, content_type, description="Sawah di pagi hari"):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "description": description,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": village.collection_id,
        },
    )


def jpeg(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "olive").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def test_svg_and_non_images_are_refused_with_a_message(hajimena):
    client = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload(client, hajimena, "logo.svg", svg, "image/svg+xml")
    assert "Format gambar tidak didukung" in response.content.decode()
    response = upload(client, hajimena, "surat.jpg", b"bukan gambar", "image/jpeg")
    assert "bukan merupakan berkas gambar" in response.content.decode()
    assert not Image.objects.exists()


def test_a_photo_over_ten_megabytes_is_refused(hajimena):
    client = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    big = jpeg(200, 200) + b"\0" * (10 * 1024 * 1024)
    response = upload(client, hajimena, "besar.jpg", big, "image/jpeg")
    assert "Ukuran berkas maksimum 10,0" in response.content.decode()
    assert not Image.objects.exists()


def test_a_photo_without_a_description_is_refused(hajimena):
    client = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    response = upload(client, hajimena, "sawah.jpg", jpeg(300, 200), "image/jpeg", description="")
    assert "Jelaskan isi foto untuk orang yang tidak dapat melihatnya" in response.content.decode()
    assert not Image.objects.exists()


def test_a_large_photo_is_resized_for_the_web(hajimena):
    client = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    original = jpeg(4000, 3000)
    upload(client, hajimena, "sawah.jpg", original, "image/jpeg")
    image = Image.objects.get()
    assert (image.width, image.height) == (2400, 1800)
    assert image.file_size < len(original)
    with PILImage.open(image.file) as stored:
        assert stored.size == (2400, 1800)
