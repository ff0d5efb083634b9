"""Staff of one village can work on their own village only."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from sites.models import VillageSettings
from sites.staff import add_staff
from tests.admin import login
from village_pages.models import NewsPage

pytestmark = pytest.mark.django_db


def section(village, slug="berita"):
    return village.home_page.get_children().get(slug=slug).specific


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "green").save(buffer, "PNG")
    return SimpleUploadedFile("sawah.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def editor(hajimena):
    return add_staff(hajimena, "editor-hajimena", "editor")[0]


@pytest.fixture
def moderator(hajimena):
    return add_staff(hajimena, "moderator-hajimena", "moderator")[0]


def test_an_editor_edits_their_own_village_but_not_another(editor, hajimena, sidosari):
    own, other = section(hajimena), section(sidosari)
    assert own.permissions_for_user(editor).can_edit()
    assert not own.permissions_for_user(editor).can_publish()
    assert not other.permissions_for_user(editor).can_edit()
    client = login(editor)
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    refused = client.get(f"/admin/pages/{other.pk}/edit/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_an_editor_cannot_change_another_villages_page(editor, sidosari):
    other = section(sidosari)
    client = login(editor)
    client.post(
        f"/admin/pages/{other.pk}/edit/",
        {"title": "Diretas", "slug": "berita", "action-publish": "publish"},
    )
    other.refresh_from_db()
    assert other.title == "Berita"


def test_an_editor_does_not_see_another_village_in_the_page_explorer(editor, sidosari):
    response = login(editor).get(f"/admin/pages/{sidosari.home_page_id}/")
    assert response.status_code == 302


def test_a_moderator_publishes_their_own_village_only(moderator, hajimena, sidosari):
    assert section(hajimena).permissions_for_user(moderator).can_publish()
    assert not section(sidosari).permissions_for_user(moderator).can_publish()


def test_uploads_go_into_the_own_villages_collection_only(editor, hajimena, sidosari):
    client = login(editor)
    for collection in (sidosari.collection_id, hajimena.collection_id):
        client.post(
            "/admin/images/add/",
            {
                "title": "Sawah",
                "description": "Sawah hijau",
                "file": png(),
                "collection": collection,
            },
        )
    # Asking for another village's collection still lands the photo in the editor's own.
    assert list(Image.objects.values_list("collection_id", flat=True)) == [
        hajimena.collection_id,
        hajimena.collection_id,
    ]


def test_a_moderator_edits_their_own_villages_settings_only(moderator, hajimena, sidosari):
    client = login(moderator)
    url = "/admin/settings/sites/villagesettings/{}/"
    assert client.get(url.format(hajimena.site_id)).status_code == 200
    assert client.get(url.format(sidosari.site_id)).status_code == 302
    client.post(
        url.format(sidosari.site_id),
        {"display_name": "Diretas", "local_word": "Desa"},
    )
    assert VillageSettings.objects.get(site=sidosari.site).display_name == "Sidosari"


def test_village_staff_cannot_open_the_villages_list(moderator):
    assert login(moderator).get("/admin/villages/").status_code == 302


def test_the_page_chooser_and_page_search_show_only_the_own_village(editor, hajimena, sidosari):
    own, other = (
        section(village).add_child(instance=NewsPage(title="Musyawarah desa"))
        for village in (hajimena, sidosari)
    )
    client = login(editor)
    chooser = client.get("/admin/choose-page/search/", {"q": "Musyawarah"}).content.decode()
    assert f"/admin/pages/{own.pk}/edit/" in chooser or f'data-id="{own.pk}"' in chooser
    assert f'data-id="{other.pk}"' not in chooser
    assert f"/admin/pages/{other.pk}/edit/" not in chooser
    search = client.get("/admin/pages/search/", {"q": "Musyawarah"}).content.decode()
    assert f"/admin/pages/{own.pk}/edit/" in search
    assert f"/admin/pages/{other.pk}/edit/" not in search
