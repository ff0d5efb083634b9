"""Another village's page, image or document, asked for by id in Wagtail's admin, is not
there: the page chooser answers 404 and the bulk actions leave it out, naming none of its
titles."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from sites.staff import add_staff
from tests.admin import login
from tests.marketplace.products import photo
from village_pages.models import NewsPage

pytestmark = pytest.mark.django_db


def draft(village, title):
    news = village.home_page.get_children().get(slug="berita")
    return news.add_child(instance=NewsPage(title=title, live=False))


def document(village, title):
    file = ContentFile(b"%PDF-1.4", name="apbdes.pdf")
    return Document.objects.create(title=title, collection=village.collection, file=file)


@pytest.fixture(params=["editor", "moderator"])
def staff(request, hajimena):
    return login(add_staff(hajimena, f"{request.param}-hajimena", request.param)[0])


def test_the_page_chooser_browses_no_other_village(staff, hajimena, sidosari):
    secret = draft(sidosari, "Rahasia Sidosari")
    for page in (secret, secret.get_parent(), sidosari.home_page):
        response = staff.get(f"/admin/choose-page/{page.pk}/")
        assert response.status_code == 404
        assert "Rahasia" not in response.content.decode()
    own = draft(hajimena, "Rapat Hajimena").get_parent()
    assert "Rapat Hajimena" in staff.get(f"/admin/choose-page/{own.pk}/").json()["html"]
    # The regions above the village stay browsable, leading down to it.
    district = hajimena.home_page.get_parent()
    assert staff.get(f"/admin/choose-page/{district.pk}/").status_code == 200


@pytest.mark.parametrize("action", ["delete", "move", "publish", "unpublish"])
def test_page_bulk_actions_name_no_other_villages_pages(staff, hajimena, sidosari, action):
    own, other = draft(hajimena, "Rapat Hajimena"), draft(sidosari, "Rahasia Sidosari")
    url = f"/admin/bulk/wagtailcore/page/{action}/"
    alone = staff.get(f"{url}?id={other.pk}")
    assert alone.status_code == 404 and "Rahasia" not in alone.content.decode()
    both = staff.get(f"{url}?id={own.pk}&id={other.pk}")
    assert both.status_code == 200
    html = both.content.decode()
    assert "Rapat Hajimena" in html and "Rahasia" not in html


@pytest.mark.parametrize("kind", ["image", "document"])
@pytest.mark.parametrize("action", ["delete", "add_to_collection", "add_tags"])
def test_image_and_document_bulk_actions_name_none_of_another_village(
    staff, hajimena, sidosari, kind, action
):
    make = photo if kind == "image" else document
    own, other = make(hajimena, "Sawah Hajimena"), make(sidosari, "Rahasia Sidosari")
    app = "wagtailimages" if kind == "image" else "wagtaildocs"
    url = f"/admin/bulk/{app}/{kind}/{action}/"
    alone = staff.get(f"{url}?id={other.pk}")
    assert alone.status_code == 404 and "Rahasia" not in alone.content.decode()
    both = staff.get(f"{url}?id={own.pk}&id={other.pk}")
    html = both.content.decode()
    assert both.status_code == 200 and "Sawah Hajimena" in html and "Rahasia" not in html


def test_a_bulk_delete_of_another_villages_page_deletes_nothing(hajimena, sidosari):
    moderator = login(add_staff(hajimena, "moderator-hajimena", "moderator")[0])
    other = draft(sidosari, "Rahasia Sidosari")
    moderator.post(f"/admin/bulk/wagtailcore/page/delete/?id={other.pk}")
    assert NewsPage.objects.filter(pk=other.pk).exists()
