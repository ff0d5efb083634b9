"""Pages cost the same number of queries whether they show a few items or many."""

import datetime
import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from tests.marketplace.products import add_product
from tests.queries import queries_for
from village_pages.models import EventPage, NewsPage, ServicePage

pytestmark = pytest.mark.django_db


def section(village, slug):
    return village.home_page.get_children().get(slug=slug).specific


def photo(village, number):
    buffer = io.BytesIO()
    PILImage.new("RGB", (80, 50), (number * 20 % 255, 120, 80)).save(buffer, "JPEG")
    image = Image(title=f"Foto {number}", collection=village.collection)
    image.file = ImageFile(buffer, name=f"foto-{number}.jpg")
    image.save()
    return image


def add_content(village, count, start=0):
    """`count` more news, events, services and products, every other one with a photo."""
    news, events = section(village, "berita"), section(village, "agenda")
    services = section(village, "layanan")
    today = datetime.date(2026, 11, 1)
    for number in range(start, start + count):
        image = photo(village, number) if number % 2 == 0 else None
        news.add_child(
            instance=NewsPage(
                title=f"Berita {number}",
                date=today - datetime.timedelta(days=number),
                summary="Kabar dari desa.",
                listing_image=image,
                category="kesehatan",
            )
        )
        events.add_child(
            instance=EventPage(
                title=f"Kegiatan {number}",
                start=datetime.datetime(2030, 1, 1 + number % 28, 8, tzinfo=datetime.UTC),
                place="Balai desa",
                listing_image=image,
            )
        )
        services.add_child(
            instance=ServicePage(
                title=f"Surat {number}", purpose="Untuk warga.", requirements="KTP"
            )
        )
        add_product(village, f"Produk {number}", image=image)


@pytest.mark.parametrize(
    "path", ["/", "/berita/", "/berita/?page=2", "/agenda/", "/cari/?q=berita"]
)
def test_query_count_does_not_grow_with_the_items_shown(hajimena, sidosari, path):
    add_content(sidosari, 3)  # the other village is in the room
    add_content(hajimena, 2)
    few = queries_for("hajimena.localhost", path)
    add_content(hajimena, 12, start=2)
    many = queries_for("hajimena.localhost", path)
    assert many == few, f"{path}: {few} queries with 2 items, {many} with 14"
