"""Village staff writing pages in Wagtail's editor: no stray drafts, no address clashes."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from sites.staff import add_staff
from tests.admin import login
from village_pages.models import NewsPage

pytestmark = pytest.mark.django_db


def news_index(village):
    return village.home_page.get_children().get(slug="berita")


def news_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2026-12-01",
            "author_name": "",
            "summary": "",
            "body": streamfield([]),
            "category": "",
            "tags": "",
        }
    )


@pytest.fixture
def editor(hajimena):
    return login(add_staff(hajimena, "editor-hajimena", "editor")[0])


def add_news(editor, village, title, slug):
    url = f"/admin/pages/add/village_pages/newspage/{news_index(village).pk}/"
    return editor.post(url, news_form(title, slug))


def test_a_new_page_is_not_autosaved_before_staff_save_it(editor, hajimena):
    url = f"/admin/pages/add/village_pages/newspage/{news_index(hajimena).pk}/"
    form_page = editor.get(url)
    assert form_page.status_code == 200
    assert "data-w-autosave-interval-value" not in form_page.content.decode()
    add_news(editor, hajimena, "Rapat desa", "rapat-desa")
    page = NewsPage.objects.get(title="Rapat desa")
    assert (
        "data-w-autosave-interval-value"
        in editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    )


def test_a_second_page_with_the_same_title_gets_a_free_address(editor, hajimena, sidosari):
    for _ in range(3):
        assert add_news(editor, hajimena, "Rapat desa", "rapat-desa").status_code == 302
    slugs = NewsPage.objects.filter(title="Rapat desa").values_list("slug", flat=True)
    assert sorted(slugs) == ["rapat-desa", "rapat-desa-2", "rapat-desa-3"]


def test_changing_an_address_to_a_taken_one_proposes_a_free_one(editor, hajimena):
    add_news(editor, hajimena, "Rapat desa", "rapat-desa")
    add_news(editor, hajimena, "Kerja bakti", "kerja-bakti")
    page = NewsPage.objects.get(title="Kerja bakti")
    response = editor.post(f"/admin/pages/{page.pk}/edit/", news_form("Kerja bakti", "rapat-desa"))
    assert response.status_code == 200
    assert "“rapat-desa-2”" in response.content.decode()
    page.refresh_from_db()
    assert page.slug == "kerja-bakti"


def test_the_new_page_form_sends_a_visitor_who_is_not_logged_in_to_the_login_page(client, hajimena):
    url = f"/admin/pages/add/village_pages/newspage/{news_index(hajimena).pk}/"
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_page_sent_before_its_address_was_filled_in_takes_it_from_the_title(editor, hajimena):
    assert add_news(editor, hajimena, "Kerja bakti jembatan", "").status_code == 302
    assert NewsPage.objects.get(title="Kerja bakti jembatan").slug == "kerja-bakti-jembatan"
    assert add_news(editor, hajimena, "Kerja bakti jembatan", "").status_code == 302
    assert NewsPage.objects.filter(slug="kerja-bakti-jembatan-2").exists()
