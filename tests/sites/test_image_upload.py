"""A photo cut off on its way up is refused with a message, on every road an image comes in by,
and makes no image."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from sites.staff import add_staff
from tests.admin import login

pytestmark = pytest.mark.django_db


def cut_off_png():
    buffer = io.BytesIO()
    PILImage.effect_noise((400, 300), 80).convert("RGB").save(buffer, "PNG")
    whole = buffer.getvalue()
    return SimpleUploadedFile("sawah.png", whole[: len(whole) // 2], content_type="image/png")


@pytest.mark.parametrize(
    "address, field",
    [
        ("/admin/images/add/", "file"),
        ("/admin/images/chooser/create/", "image-chooser-upload-file"),
        ("/admin/images/multiple/add/", "files[]"),
    ],
)
def test_a_cut_off_photo_is_refused_with_a_message(hajimena, address, field):
    moderator = login(add_staff(hajimena, "moderator-hajimena", "moderator")[0])
    prefix = "image-chooser-upload-" if "chooser" in address else ""
    form = {
        field: cut_off_png(),
        f"{prefix}title": "Sawah",
        f"{prefix}description": "Sawah di Hajimena",
        f"{prefix}collection": hajimena.collection_id,
    }
    response = moderator.post(address, form, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code in (200, 400)
    assert "rusak atau tidak utuh" in response.content.decode("unicode_escape")
    assert not Image.objects.exists()
