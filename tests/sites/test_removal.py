"""Removing a village removes everything Balai keeps for it, after writing its archive, and
nothing of another village's."""

import json
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.images.models import Image
from wagtail.models import Collection, Page, Site

from marketplace.models import Seller
from sites.models import Village
from sites.removal import pages_of
from sites.staff import add_staff
from tests.admin import login
from tests.marketplace.products import add_product
from village_pages.models import Complaint, NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def hajimena_with_content(hajimena):
    add_product(hajimena, "Kopi Bubuk", 65000)  # a seller and a photo with it
    news = hajimena.home_page.get_children().get(slug="berita")
    draft = news.add_child(instance=NewsPage(title="Rapat desa", live=False))
    draft.save_revision()
    Complaint.objects.create(village=hajimena, name="Bu Sri", message="Lampu mati")
    add_staff(hajimena, "moderator-hajimena", "moderator", email="kades@example.id")
    return hajimena


def answers(village, path="/"):
    return Client(HTTP_HOST=f"{village.slug}.localhost").get(path).status_code


def test_nothing_goes_without_yes(hajimena_with_content):
    with pytest.raises(CommandError):
        call_command("remove_village", "hajimena", "--no-export")
    assert (
        Village.objects.filter(slug="hajimena").exists() and answers(hajimena_with_content) == 200
    )


def test_removing_a_village_removes_all_it_has_and_nothing_of_another(
    hajimena_with_content, sidosari, tmp_path
):
    hajimena = hajimena_with_content
    others_pages = pages_of(sidosari).count()
    own = {
        "site": hajimena.site_id,
        "collection": hajimena.collection_id,
        "groups": [hajimena.editors_id, hajimena.moderators_id],
        "translation_key": hajimena.home_page.translation_key,
    }
    archive = tmp_path / "hajimena.zip"
    call_command("remove_village", "hajimena", "--yes", "--export-to", str(archive))

    assert not Site.objects.filter(pk=own["site"]).exists()
    assert not Page.objects.filter(translation_key=own["translation_key"]).exists()
    assert not Page.objects.filter(title__in=["Rapat desa", "Kopi Bubuk"]).exists()
    assert not Collection.objects.filter(pk=own["collection"]).exists()
    assert not Image.objects.filter(collection=own["collection"]).exists()
    assert not Group.objects.filter(pk__in=own["groups"]).exists()
    assert not Seller.objects.filter(village__slug="hajimena").exists()
    assert not Complaint.objects.filter(name="Bu Sri").exists()
    assert answers(hajimena) == 404 and answers(hajimena, "/pengaduan/") == 404
    assert pages_of(sidosari).count() == others_pages and answers(sidosari) == 200
    assert not any(Page.find_problems())  # the tree holds together

    with zipfile.ZipFile(archive) as written:
        manifest = json.loads(written.read("manifest.json"))
        names = set(written.namelist())
    assert (
        manifest["format"] == "balai-village-export" and manifest["village"]["slug"] == "hajimena"
    )
    assert {page["language"] for page in manifest["pages"]} == {"id", "en"}
    assert any(page["content"]["title"] == "Rapat desa" for page in manifest["pages"])
    assert {image["archived_file"] for image in manifest["images"]} <= names
    assert manifest["staff"] == [
        {
            "username": "moderator-hajimena",
            "email": "kades@example.id",
            "first_name": "",
            "last_name": "",
            "role": "moderator",
        }
    ]
    assert "password" not in json.dumps(manifest)


def test_the_operator_removes_a_village_in_the_admin_after_seeing_what_goes(
    hajimena_with_content, sidosari, django_user_model
):
    operator = login(django_user_model.objects.create_superuser("operator", "o@b.id", "x"))
    url = f"/admin/villages/delete/{hajimena_with_content.pk}/"
    confirmation = operator.get(url).content.decode()
    assert "Hajimena" in confirmation and "Sidosari" not in confirmation
    response = operator.post(url, follow=True)
    assert response.status_code == 200
    assert not Village.objects.filter(slug="hajimena").exists() and answers(sidosari) == 200
    archives = storages["private"].listdir("archives")[1]
    assert any(name.startswith("hajimena-") for name in archives)
