"""What Balai's versions of Wagtail's admin views still do for staff on their own village, now
that they offer nothing of another's (the walk in `test_staff_matrix` shows that part)."""

import pytest

from sites.staff import add_staff
from tests.admin import login
from tests.marketplace.products import photo
from village_pages.models import NewsPage

pytestmark = pytest.mark.django_db


def article(village, title, live=True):
    news = village.home_page.get_children().get(slug="berita")
    return news.add_child(instance=NewsPage(title=title, live=live))


@pytest.fixture
def moderator(hajimena):
    return add_staff(hajimena, "moderator-hajimena", "moderator")[0]


def test_tags_are_completed_from_the_villages_own(moderator, hajimena, sidosari):
    photo(hajimena, "Sawah").tags.add("panen-padi")
    photo(sidosari, "Kebun").tags.add("panen-kopi")
    staff = login(moderator)
    assert staff.get("/admin/tag-autocomplete/?term=panen").json() == ["panen-padi"]
    images = staff.get("/admin/images/").content.decode()
    assert "panen-padi" in images and "panen-kopi" not in images
    chooser = staff.get("/admin/images/chooser/").json()["html"]
    assert "panen-padi" in chooser and "panen-kopi" not in chooser


def test_an_address_of_the_villages_own_page_becomes_a_link_to_it(moderator, hajimena, sidosari):
    own, other = article(hajimena, "Rapat desa"), article(sidosari, "Rapat Sidosari")
    staff = login(moderator)

    def chosen(page):
        form = {"external-link-chooser-url": page.full_url, "external-link-chooser-link_text": ""}
        return staff.post("/admin/choose-external-link/", form).json()

    assert chosen(own)["result"]["id"] == own.pk
    assert "id" not in chosen(other)["result"]
    assert chosen(other)["result"]["url"] == other.full_url


def test_the_chooser_returns_the_villages_own_pages_of_those_chosen(moderator, hajimena, sidosari):
    own, other = article(hajimena, "Rapat desa"), article(sidosari, "Rapat Sidosari", live=False)
    response = login(moderator).get(
        f"/admin/choose-page/chosen-multiple/?id={own.pk}&id={other.pk}"
    )
    assert [page["id"] for page in response.json()["result"]] == [own.pk]


def test_the_locked_pages_report_filters_by_the_villages_own_staff(moderator, hajimena, sidosari):
    colleague = add_staff(hajimena, "editor-hajimena", "editor")[0]
    stranger = add_staff(sidosari, "editor-sidosari", "editor")[0]
    for page, person in (
        (article(hajimena, "Rapat"), colleague),
        (article(sidosari, "X"), stranger),
    ):
        page.locked, page.locked_by = True, person
        page.save()
    report = login(moderator).get("/admin/reports/locked/").content.decode()
    assert "editor-hajimena" in report and "editor-sidosari" not in report
