"""A complaint's photo is written anew from its pixels, kept apart from the public media, and
shown only to its own village's staff, never as anything but an image."""

import io
import uuid
from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage

from sites.staff import add_staff
from tests.admin import login
from village_pages.models import Complaint

pytestmark = pytest.mark.django_db

SCRIPT = b"<script>alert(document.cookie)</script>"
FORM = {"name": "Bu Sri", "phone": "0812-3456-7890", "message": "Lampu jalan mati."}


def png_with_a_script(name="poly.html"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "green").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue() + SCRIPT, content_type="text/html")


def jpeg_with_a_location():
    exif = PILImage.Exif()
    exif[0x010F] = "KameraDesa"  # the camera's maker, as phones write next to the location
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "green").save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile("IMG_0001.JPG", buffer.getvalue(), content_type="image/jpeg")


def send(village, photo):
    villager = Client(HTTP_HOST=f"{village.slug}.localhost", REMOTE_ADDR="203.0.113.7")
    form = {
        "name": "Bu Sri",
        "phone": "0812-3456-7890",
        "message": "Lampu jalan mati.",
        "photo": photo,
    }
    assert villager.post("/pengaduan/", form).status_code == 302
    return Complaint.objects.get(village=village)


def test_a_photo_is_named_and_written_from_what_it_is(hajimena):
    photo = send(hajimena, png_with_a_script()).photo
    assert photo.name.endswith(".png") and "poly" not in photo.name
    with photo.open("rb") as kept:
        assert SCRIPT not in kept.read()


def test_a_photo_keeps_nothing_the_camera_wrote_about_it(hajimena):
    photo = send(hajimena, jpeg_with_a_location()).photo
    with photo.open("rb") as kept, PILImage.open(kept) as image:
        assert not image.getexif()
    assert photo.name.endswith(".jpg")


def test_a_photo_is_not_in_the_public_media(hajimena):
    photo = send(hajimena, png_with_a_script()).photo
    assert not (settings.MEDIA_ROOT / photo.name).exists()
    public = Client(HTTP_HOST=f"{hajimena.slug}.localhost").get(f"/media/{photo.name}")
    assert public.status_code == 404


def test_the_villages_staff_see_the_photo_as_an_image(hajimena, sidosari):
    complaint = send(hajimena, png_with_a_script())
    url = f"/admin/complaints/{complaint.pk}/photo/"
    for role in ("editor", "moderator"):
        staff = login(add_staff(hajimena, f"{role}-hajimena", role)[0])
        response = staff.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert SCRIPT not in b"".join(response.streaming_content)
        inspect = staff.get(f"/admin/complaints/inspect/{complaint.pk}/").content.decode()
        assert f'src="{url}"' in inspect
    other = login(add_staff(sidosari, "moderator-sidosari", "moderator")[0])
    assert other.get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the login page


def test_what_is_no_photo_is_refused_and_the_text_kept(hajimena):
    villager = Client(HTTP_HOST=f"{hajimena.slug}.localhost", REMOTE_ADDR="203.0.113.8")
    page = SimpleUploadedFile("foto.jpg", b"<html>" + SCRIPT, content_type="image/jpeg")
    form = {
        "name": "Bu Sri",
        "phone": "0812-3456-7890",
        "message": "Lampu jalan mati.",
        "photo": page,
    }
    response = villager.post("/pengaduan/", form)
    assert response.status_code == 200 and "Lampu jalan mati." in response.content.decode()
    assert not Complaint.objects.exists()


def test_photos_sent_before_move_out_of_the_public_media(hajimena):
    migration = import_module("village_pages.migrations.0005_complaint_photos_kept_apart")
    old = default_storage.save(
        f"complaints/{hajimena.pk}/{uuid.uuid4().hex}.png", ContentFile(b"png")
    )
    complaint = Complaint.objects.create(village=hajimena, name="Bu Sri", message="Lama")
    Complaint.objects.filter(pk=complaint.pk).update(photo=old)
    migration.move_photos_out_of_public_media(apps, None)
    assert not default_storage.exists(old)
    with Complaint.objects.get().photo.open("rb") as moved:
        assert moved.read() == b"png"
