"""A page reads what it needs from the shared cache a few times per request, not once a link."""

import pytest
from django.test import Client

from sites.generator import provision_village
from tests.admin import login
from tests.queries import cache_round_trips as counting_round_trips
from tests.village_pages.test_complaints_and_machines import add_news


@pytest.fixture
def cache_round_trips():
    """Counts the calls Balai makes to the cache backend (each is a round trip to Redis)."""
    with counting_round_trips() as counted:
        yield counted


def round_trips(counted, host, path):
    client = Client(HTTP_HOST=host)
    assert client.get(path).status_code == 200  # fills the cache
    counted.clear()
    assert client.get(path).status_code == 200
    return len(counted)


@pytest.mark.parametrize("path", ["/", "/berita/", "/en/", "/en/news/"])
def test_a_village_page_costs_a_few_cache_round_trips_however_many_links(
    hajimena, sidosari, cache_round_trips, path
):
    few = round_trips(cache_round_trips, "hajimena.localhost", path)
    for number in range(12):
        add_news(hajimena, f"Kabar desa {number}")
    many = round_trips(cache_round_trips, "hajimena.localhost", path)
    assert many == few
    assert many <= 3


@pytest.mark.parametrize("path", ["/", "/lampung-selatan/", "/lampung-selatan/kecamatan-natar/"])
def test_a_portal_page_costs_the_same_cache_round_trips_however_many_villages(
    hajimena, sidosari, cache_round_trips, path
):
    few = round_trips(cache_round_trips, "localhost", path)
    for code in ("18.01.04.2003", "18.01.04.2004", "18.01.04.2005", "18.01.04.2006"):
        provision_village(code)
    assert round_trips(cache_round_trips, "localhost", path) == few <= 3


def test_the_explorer_finds_its_rows_sites_at_once_however_many_villages(
    hajimena, admin_user, cache_round_trips
):
    district = f"/admin/pages/{hajimena.home_page.get_parent().pk}/"
    client = login(admin_user)

    def trips():
        assert client.get(district).status_code == 200  # fills the cache
        cache_round_trips.clear()
        assert client.get(district).status_code == 200
        return len(cache_round_trips)

    few = trips()
    for code in ("18.01.04.2002", "18.01.04.2003", "18.01.04.2004", "18.01.04.2005"):
        provision_village(code)  # more villages of Natar, each a row with a site of its own
    assert trips() == few
