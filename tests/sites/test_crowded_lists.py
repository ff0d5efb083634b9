"""The operator's admin lists stay a screenful with a province of villages: filters that would
offer a choice per village go, the collections list is paged; a village's staff keep theirs."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from sites import crowded_lists
from sites.models import Village
from sites.staff import add_staff
from tests.admin import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator():
    return login(get_user_model().objects.create_superuser("operator", "op@balai.id", "x"))


@pytest.fixture
def small_screen(monkeypatch):
    """A screenful of one choice, so two villages are already too many to list."""
    monkeypatch.setattr(crowded_lists, "SCREENFUL", 1)


def test_the_operator_lists_images_and_documents_without_a_choice_per_village(
    hajimena, sidosari, operator, small_screen
):
    for address in ("/admin/images/", "/admin/documents/"):
        listing = operator.get(address).content.decode()
        assert 'name="collection_id"' not in listing
        assert hajimena.collection.name not in listing


def test_the_operator_lists_users_without_a_checkbox_per_group(
    hajimena, sidosari, operator, small_screen
):
    add_staff(hajimena, "editor-hajimena", "editor")
    listing = operator.get("/admin/users/").content.decode()
    assert "editor-hajimena" in listing
    assert 'name="group"' not in listing


def test_with_few_groups_the_operator_keeps_the_group_filter(hajimena, operator):
    assert 'name="group"' in operator.get("/admin/users/").content.decode()


def test_the_explorer_has_no_filter_of_every_villages_sites_or_staff(hajimena, sidosari, operator):
    explorer = operator.get("/admin/pages/").content.decode()
    for crowded in ("site", "owner", "edited_by"):
        assert f'name="{crowded}"' not in explorer


def collection_rows(listing):
    return re.findall(r'href="/admin/collections/(\d+)/"', listing)


def test_the_collections_list_is_paged(hajimena, sidosari, operator, monkeypatch):
    everything = collection_rows(operator.get("/admin/collections/").content.decode())
    assert str(hajimena.collection_id) in everything
    monkeypatch.setattr(crowded_lists.PagedCollections, "paginate_by", 1)
    pages = [
        collection_rows(operator.get(f"/admin/collections/?p={number}").content.decode())
        for number in range(1, len(everything) + 1)
    ]
    assert all(len(rows) == 1 for rows in pages)
    assert sorted(row for rows in pages for row in rows) == sorted(everything)


@pytest.mark.parametrize(
    "address",
    [
        "/admin/collections/",
        "/admin/images/",
        "/admin/documents/results/",
        "/admin/reports/workflow/",
        "/admin/localize/reports/translations/",
    ],
)
def test_balais_admin_views_send_a_visitor_to_the_login_page(client, address):
    response = client.get(address, HTTP_HOST="localhost")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_refused_the_collections_list_are_told_so_on_the_dashboard(hajimena):
    editor = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    response = editor.get("/admin/collections/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_the_villages_list_shows_a_screenful_with_each_village_leading_to_its_form(
    hajimena, sidosari, admin_user
):
    listing = login(admin_user).get("/admin/villages/").content.decode()
    assert f'href="/admin/villages/edit/{hajimena.pk}/"' in listing
    assert f"/admin/villages/delete/{hajimena.pk}/" not in listing  # from its form, not the row
    form = login(admin_user).get(f"/admin/villages/edit/{hajimena.pk}/").content.decode()
    assert f"/admin/villages/delete/{hajimena.pk}/" in form


def test_a_village_home_page_is_neither_moved_nor_deleted_from_the_explorer(hajimena, admin_user):
    district = hajimena.home_page.get_parent()
    listing = login(admin_user).get(f"/admin/pages/{district.pk}/").content.decode()
    home = hajimena.home_page_id
    assert f"/admin/pages/{home}/edit/" in listing
    assert f'href="{hajimena.url}"' in listing  # its status leads to the live site
    for action in ("move", "copy", "delete", "unpublish", "history"):
        assert f"/admin/pages/{home}/{action}/" not in listing


def test_a_village_home_keeps_its_menu_in_its_own_header_and_its_pages_on_their_rows(
    hajimena, admin_user
):
    home = hajimena.home_page
    news = home.get_children().get(slug="berita")
    listing = login(admin_user).get(f"/admin/pages/{home.pk}/").content.decode()
    assert f"/admin/pages/{home.pk}/history/" in listing  # the header's menu
    assert f"/admin/pages/{news.pk}/history/" in listing  # a row's menu
    assert f"/admin/pages/{news.pk}/move/" in listing


def test_the_villages_list_reads_its_page_of_villages_by_index(hajimena, sidosari):
    # Sorting every village by name to show twenty took 8 ms at 11,214 villages.
    first_twenty = Village.objects.all()[:20]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # a test database is tiny
        plan = first_twenty.explain()
    assert "sites_village_by_name" in plan
    assert "Sort" not in plan and "TEMP B-TREE" not in plan
