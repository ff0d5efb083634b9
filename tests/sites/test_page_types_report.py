"""The page types usage report counts the staff's own village's pages, and names none of
another village's."""

import re

import pytest

from sites.staff import add_staff
from tests.admin import login
from village_pages.models import NewsPage

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/page-types-usage/"


def draft(village, title):
    news = village.home_page.get_children().get(slug="berita")
    page = news.add_child(instance=NewsPage(title=title, live=False))
    page.save_revision()
    return page


def news_count(html):
    """The count on the news articles' row."""
    row = html.split("village_pages.newspage", 1)[1].split("</tr>", 1)[0]
    return int(re.search(r'class="count".*?>(\d+)<', row, re.S).group(1))


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_staff_see_their_own_villages_page_types_only(hajimena, sidosari, role):
    draft(hajimena, "Rapat desa Hajimena")
    for number in range(3):
        draft(sidosari, f"Rahasia Sidosari {number}")
    staff = login(add_staff(hajimena, f"{role}-hajimena", role)[0])
    own_news = NewsPage.objects.descendant_of(hajimena.home_page).count()
    for path in (REPORT, REPORT + "results/"):
        html = staff.get(path).content.decode()
        assert "Rapat desa Hajimena" in html
        assert "Sidosari" not in html
        assert news_count(html) == own_news
    # Where the count leads: the list of the village's news articles.
    listed = staff.get("/admin/pages/usage/village_pages/newspage/").content.decode()
    assert "Rapat desa Hajimena" in listed and "Sidosari" not in listed


def test_a_superuser_counts_every_village(hajimena, sidosari, django_user_model):
    draft(sidosari, "Rahasia Sidosari")
    admin = login(django_user_model.objects.create_superuser("admin", "a@b.id", "x"))
    html = admin.get(REPORT).content.decode()
    assert "Rahasia Sidosari" in html
    assert news_count(html) == NewsPage.objects.count()
