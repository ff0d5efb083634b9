import pytest
from django.core.cache import cache

from sites.generator import provision_village

HAJIMENA = "18.01.04.2001"  # Natar, Lampung Selatan: a name no other village has
SIDOSARI = "18.01.04.2002"  # Natar too: the district is part of its address


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached hosts and site paths must never outlive the test database that made them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hajimena(db):
    return provision_village(HAJIMENA)


@pytest.fixture
def sidosari(db):
    return provision_village(SIDOSARI)
