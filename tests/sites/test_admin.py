import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sites.generator import provision_village
from sites.models import Village

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator():
    user = get_user_model().objects.create_superuser("operator", "op@balai.id", "x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def test_the_villages_list_searches_filters_and_links_each_site(operator, hajimena):
    provision_village("18.72.01.1001")  # a kelurahan in Kota Metro
    page = operator.get("/admin/villages/").content.decode()
    assert 'href="http://hajimena.localhost/"' in page
    regencies = re.findall(r'<option value="(18\.\d\d)"[^>]*>([^<]+)</option>', page)
    assert regencies == [("18.01", "Kabupaten Lampung Selatan"), ("18.72", "Kota Metro")]
    found = operator.get("/admin/villages/?q=haji").content.decode()
    assert "hajimena.localhost" in found and "metro-metro-pusat.localhost" not in found
    metro = operator.get("/admin/villages/?regency_code=18.72").content.decode()
    assert "metro-metro-pusat.localhost" in metro and "hajimena.localhost" not in metro


def test_an_operator_creates_a_village_from_its_code(operator):
    response = operator.post(
        "/admin/villages/new/", {"code": "1801042001", "slug": "", "domain": ""}
    )
    assert response.status_code == 302
    village = Village.objects.get()
    assert (village.slug, village.site.hostname) == ("hajimena", "hajimena.localhost")


def test_a_bad_code_in_the_admin_is_explained_and_creates_nothing(operator, hajimena):
    response = operator.post("/admin/villages/new/", {"code": "18.01.04.9999"})
    assert (
        "18.01.04.9999 bukan kode desa/kelurahan dalam daftar Kemendagri"
        in response.content.decode()
    )
    response = operator.post("/admin/villages/new/", {"code": "18.01.04.2001"})
    assert "sudah ada di http://hajimena.localhost/" in response.content.decode()
    assert Village.objects.count() == 1


def test_an_operator_gives_a_village_its_own_domain(operator, hajimena, sidosari):
    url = f"/admin/villages/edit/{hajimena.pk}/"
    response = operator.post(url, {"slug": "hajimena", "domain": "hajimena.desa.id"})
    assert response.status_code == 302
    hajimena.refresh_from_db()
    assert hajimena.site.hostname == "hajimena.desa.id"
    taken = operator.post(url, {"slug": sidosari.slug, "domain": ""})
    assert "sudah dipakai oleh Sidosari" in taken.content.decode()
    hajimena.refresh_from_db()
    assert hajimena.slug == "hajimena"
