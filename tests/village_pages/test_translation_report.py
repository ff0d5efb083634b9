"""The "Untranslated pages" report shows staff what is still waiting for an English version;
wagtail-localize's "Translations" report shows them their own village's translations only."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from marketplace.models import Seller
from sites.staff import add_staff
from tests.admin import login
from village_pages.models import NewsPage

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/untranslated-pages/"
TRANSLATIONS_RESULTS = "/admin/localize/reports/translations/results/"


def add_news(village, title, *, days_ago=0):
    published = timezone.now() - datetime.timedelta(days=days_ago)
    news_index = village.home_page.get_children().get(slug="berita")
    return news_index.add_child(instance=NewsPage(title=title, first_published_at=published))


def translate(page):
    return page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)


def edit_link(page):
    return f'href="/admin/pages/{page.pk}/edit/"'


def translate_link(page):
    return f'href="/admin/localize/submit/page/{page.pk}/"'


def report(client, **params):
    response = client.get(REPORT, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def editor(hajimena):
    return add_staff(hajimena, "editor-hajimena", "editor")[0]


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.com", "rahasia")


def test_an_editor_sees_their_villages_untranslated_news_and_not_another_villages(
    editor, hajimena, sidosari
):
    own = add_news(hajimena, "Panen raya")
    other = add_news(sidosari, "Berita Sidosari")
    page = report(login(editor))
    assert "Panen raya" in page and edit_link(own) in page
    assert "Berita Sidosari" not in page and edit_link(other) not in page


def test_an_editor_can_start_translating_their_page_from_the_report(editor, hajimena):
    own = add_news(hajimena, "Panen raya")
    client = login(editor)
    assert translate_link(own) in report(client)
    assert client.get(f"/admin/localize/submit/page/{own.pk}/").status_code == 200


def test_the_newest_page_comes_first(editor, hajimena):
    add_news(hajimena, "Panen raya", days_ago=5)
    add_news(hajimena, "Posyandu balita", days_ago=0)
    page = report(login(editor))
    assert page.index("Posyandu balita") < page.index("Panen raya")


def test_a_page_with_an_english_translation_is_not_listed(editor, hajimena):
    translated = add_news(hajimena, "Panen raya")
    waiting = add_news(hajimena, "Posyandu balita")
    translate(translated)
    page = report(login(editor))
    assert edit_link(waiting) in page
    assert edit_link(translated) not in page


def test_the_report_is_in_village_staffs_reports_menu(editor):
    assert REPORT in login(editor).get("/admin/").content.decode()


def test_an_anonymous_visitor_is_sent_to_log_in(hajimena):
    response = Client(HTTP_HOST="localhost").get(REPORT)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_superuser_sees_every_village_named_with_a_translate_link(superuser, hajimena, sidosari):
    own, other = add_news(hajimena, "Panen raya"), add_news(sidosari, "Berita Sidosari")
    page = report(login(superuser))
    assert edit_link(own) in page and edit_link(other) in page
    assert "Hajimena (Natar)" in page and "Sidosari (Natar)" in page
    assert translate_link(own) in page and translate_link(other) in page


def test_more_rows_cost_no_more_queries(superuser, hajimena, sidosari):
    client = login(superuser)
    add_news(hajimena, "Panen raya")
    report(client)
    with CaptureQueriesContext(connection) as few:
        report(client)
    for number in range(10):
        add_news(hajimena if number % 2 else sidosari, f"Berita {number}")
    with CaptureQueriesContext(connection) as many:
        report(client)
    assert len(many) == len(few)


def test_the_translations_report_shows_staff_their_own_village_only(hajimena, sidosari):
    english = [Locale.objects.get(language_code="en")]
    translate_object(add_news(hajimena, "Panen raya Hajimena"), english)
    translate_object(add_news(sidosari, "Rapat rahasia Sidosari"), english)
    translate_object(Seller.objects.create(village=sidosari, name="Kopi Sidosari"), english)
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    admin = get_user_model().objects.create_superuser("admin", "admin@balai.localhost", "x")

    for client in (login(editor), login(admin)):
        for path in ("/admin/localize/reports/translations/", TRANSLATIONS_RESULTS):
            response = client.get(path)
            assert response.status_code == 200
    staff_sees = login(editor).get(TRANSLATIONS_RESULTS).content.decode()
    admin_sees = login(admin).get(TRANSLATIONS_RESULTS).content.decode()

    assert "Panen raya Hajimena" in staff_sees
    assert "Rapat rahasia Sidosari" not in staff_sees and "Kopi Sidosari" not in staff_sees
    assert "Rapat rahasia Sidosari" in admin_sees and "Kopi Sidosari" in admin_sees
