"""Media on S3-compatible storage, against a real S3 server: `.ci/run` starts one (moto's
server) and runs these with AWS_STORAGE_BUCKET_NAME set; without it they are skipped."""

import io
import json
import re
import urllib.error
import urllib.request

import boto3
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from sites.models import VillageExport
from sites.staff import add_staff
from tests.admin import login
from tests.sites.test_operations import closed_port
from tests.village_pages.test_complaint_photos import send
from tests.village_pages.test_search import add_news

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not settings.AWS_STORAGE_BUCKET_NAME,
        reason="media on S3: .ci/run starts an S3 server and sets AWS_STORAGE_BUCKET_NAME",
    ),
]

HAJIMENA = "hajimena.localhost"
# What the media bucket shows the world: pictures only. Documents go through Balai, and the
# private/ prefix (complaint photos, archives) only through signed links.
PUBLIC_PREFIXES = ("original_images/", "images/")


def bucket_client():
    return boto3.client(
        "s3",
        endpoint_url=settings.AWS_S3_ENDPOINT_URL,
        region_name=settings.AWS_S3_REGION_NAME or "us-east-1",
        aws_access_key_id=settings.AWS_S3_ACCESS_KEY_ID,
        aws_secret_access_key=settings.AWS_S3_SECRET_ACCESS_KEY,
    )


@pytest.fixture(scope="session", autouse=True)
def media_bucket():
    """The bucket as deploy/ tells an operator to set it up."""
    s3, bucket = bucket_client(), settings.AWS_STORAGE_BUCKET_NAME
    if bucket not in [found["Name"] for found in s3.list_buckets()["Buckets"]]:
        s3.create_bucket(Bucket=bucket)
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{bucket}/{prefix}*" for prefix in PUBLIC_PREFIXES],
            }
        ],
    }
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
    return bucket


def fetch(url):
    """(status, headers) of an anonymous GET, as a visitor's browser would make it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the S3 server)
            return response.status, response.headers
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers


def jpeg():
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 500), (40, 120, 60)).save(buffer, "JPEG")
    return SimpleUploadedFile("sawah.jpg", buffer.getvalue(), content_type="image/jpeg")


def upload_image(village):
    moderator = login(add_staff(village, "moderator-hajimena", "moderator")[0])
    form = {
        "file": jpeg(),
        "title": "Sawah",
        "description": "Sawah hijau",
        "collection": village.collection_id,
    }
    assert moderator.post("/admin/images/add/", form).status_code == 302
    return get_image_model().objects.get(title="Sawah")


def stored(name, bucket=None):
    s3 = bucket_client()
    try:
        s3.head_object(Bucket=bucket or settings.AWS_STORAGE_BUCKET_NAME, Key=name)
    except s3.exceptions.ClientError:
        return False
    return True


def test_an_image_uploaded_in_the_admin_is_kept_in_the_bucket_and_served_from_it(hajimena):
    image = upload_image(hajimena)
    assert stored(image.file.name)
    add_news(hajimena, "Panen di sawah", listing_image=image)
    html = Client(HTTP_HOST=HAJIMENA).get("/berita/").content.decode()
    sources = re.findall(r'src="([^"]+)"', html)
    rendition = next(src for src in sources if "/images/" in src)
    assert rendition.startswith(settings.AWS_S3_ENDPOINT_URL)
    status, headers = fetch(rendition)
    assert status == 200 and headers["Content-Type"].startswith("image/")


def test_a_document_is_sent_by_balai_with_its_type_and_disposition(hajimena):
    moderator = login(add_staff(hajimena, "moderator-hajimena", "moderator")[0])
    for name, body in (("syarat.pdf", b"%PDF-1.4\n%%EOF\n"), ("data.csv", b"nama,umur\nSri,40\n")):
        form = {
            "file": SimpleUploadedFile(name, body),
            "title": name,
            "collection": hajimena.collection_id,
        }
        assert moderator.post("/admin/documents/add/", form).status_code == 302
    pdf, csv = (get_document_model().objects.get(title=name) for name in ("syarat.pdf", "data.csv"))
    response = Client(HTTP_HOST=HAJIMENA).get(pdf.url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    response = Client(HTTP_HOST=HAJIMENA).get(csv.url)
    assert response["Content-Disposition"].startswith("attachment")
    # The file itself is not on show in the bucket: private collections stay private.
    assert (
        fetch(f"{settings.AWS_S3_ENDPOINT_URL}/{settings.AWS_STORAGE_BUCKET_NAME}/{pdf.file.name}")[
            0
        ]
        == 403
    )


def test_a_complaint_photo_is_read_only_through_a_link_signed_for_its_village_staff(
    hajimena, sidosari
):
    complaint = send(hajimena, jpeg())
    assert stored(f"private/{complaint.photo.name}")
    staff = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    response = staff.get(reverse("complaints:photo", args=[complaint.pk]))
    assert response.status_code == 302
    signed = response["Location"]
    assert "X-Amz-Signature=" in signed and "X-Amz-Expires=300" in signed
    status, headers = fetch(signed)
    assert status == 200 and headers["Content-Type"] == "image/jpeg"
    assert fetch(signed.split("?")[0])[0] == 403  # the same address unsigned
    other = login(add_staff(sidosari, "editor-sidosari", "editor")[0])
    assert other.get(reverse("complaints:photo", args=[complaint.pk])).status_code == 404


def test_a_village_archive_is_written_to_the_bucket_and_downloaded_through_a_signed_link(
    hajimena, django_user_model, django_capture_on_commit_callbacks
):
    operator = login(django_user_model.objects.create_superuser("operator", password="x"))
    with django_capture_on_commit_callbacks(execute=True):
        operator.post("/admin/exports/new/", {"village_code": "hajimena"})
    job = VillageExport.objects.get()
    assert job.finished_at and stored(f"private/{job.archive}")
    response = operator.get(f"/admin/exports/{job.pk}/download/")
    assert response.status_code == 302
    signed = response["Location"]
    assert "X-Amz-Signature=" in signed and "X-Amz-Expires=300" in signed
    status, headers = fetch(signed)
    assert status == 200 and headers["Content-Type"] == "application/zip"
    assert headers["Content-Disposition"].startswith("attachment")
    assert fetch(signed.split("?")[0])[0] == 403  # the same address unsigned


def test_an_upload_while_storage_is_away_is_refused_clearly_and_saves_nothing(hajimena):
    unreachable = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"endpoint_url": f"http://127.0.0.1:{closed_port()}"},
    }
    moderator = login(add_staff(hajimena, "moderator-hajimena", "moderator")[0])
    moderator.raise_request_exception = False
    with override_settings(STORAGES={**settings.STORAGES, "default": unreachable}):
        form = {
            "file": jpeg(),
            "title": "Sawah",
            "description": "Sawah",
            "collection": hajimena.collection_id,
        }
        response = moderator.post("/admin/images/add/", form)
        health = Client().get("/healthz")
    assert response.status_code == 503
    assert "Tempat penyimpanan berkas tidak menjawab." in response.content.decode()
    assert not get_image_model().objects.exists()
    assert health.status_code == 503 and health.json()["storage"] == "unavailable"


def test_healthz_asks_the_bucket():
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.json()["storage"] == "ok"
