"""A stranger's bad input never breaks a page: whatever text, unicode, NUL, huge or negative
number lands in a public address's parameters, a path or a public form, the answer is a page
(perhaps empty, perhaps with a message) or a 400 or 404, never a server error."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sites.staff import add_staff
from tests.admin import login
from village_pages.models import Complaint

pytestmark = pytest.mark.django_db

# Fixed examples first, then what Hypothesis makes of them, from a fixed seed.
KNOWN_BAD = [
    'a"b',
    '"><script>',
    "\x00",
    "a\x00b",
    "99999999999999999999",
    "-99999999999999999999",
    "1e309",
    "NaN",
    "' OR 1=1 --",
    "NEAR(a b)",
    "*",
    "../../etc/passwd",
    "ß" * 300,
]
VALUES = st.one_of(
    st.sampled_from(KNOWN_BAD),
    st.text(max_size=120),
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
)
BOUNDED = settings(
    max_examples=30,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

CATALOGUE = ["q", "kategori", "harga_min", "harga_maks", "ketersediaan", "urut", "penjual", "page"]
PORTAL = [*CATALOGUE, "kabupaten", "kecamatan", "jenis"]
VILLAGE_ADDRESSES = {
    "/cari/": ["q", "page"],
    "/en/search/": ["q", "page"],
    "/berita/": ["kategori", "page"],
    "/en/news/": ["kategori", "page"],
    "/agenda/": ["page"],
    "/produk/": CATALOGUE,
    "/en/products/": CATALOGUE,
    "/pengaduan/status/": ["ref"],
    "/api/produk/": [*PORTAL, "per_page"],
}
PORTAL_ADDRESSES = {
    "/produk/": PORTAL,
    "/en/products/": PORTAL,
    "/api/produk/": [*PORTAL, "per_page"],
}


def answers_without_error(client, path, params=None):
    response = client.get(path, params or {})
    assert response.status_code < 500, (path, params)
    return response


@pytest.fixture
def village(hajimena):
    return Client(HTTP_HOST="hajimena.localhost", raise_request_exception=False)


@pytest.fixture
def portal(hajimena):
    return Client(HTTP_HOST="localhost", raise_request_exception=False)


@pytest.mark.parametrize("path", VILLAGE_ADDRESSES)
def test_a_village_page_takes_any_parameters(village, path):
    @BOUNDED
    @given(st.fixed_dictionaries({}, optional=dict.fromkeys(VILLAGE_ADDRESSES[path], VALUES)))
    def any_parameters(params):
        answers_without_error(village, path, params)

    any_parameters()


@pytest.mark.parametrize("path", PORTAL_ADDRESSES)
def test_a_portal_page_takes_any_parameters(portal, path):
    @BOUNDED
    @given(st.fixed_dictionaries({}, optional=dict.fromkeys(PORTAL_ADDRESSES[path], VALUES)))
    def any_parameters(params):
        answers_without_error(portal, path, params)

    any_parameters()


@pytest.mark.parametrize("section", ["/berita/", "/pengaduan/status/", "/produk/", "/en/news/"])
def test_any_address_below_a_section_is_a_page_or_not_found(village, portal, section):
    @BOUNDED
    @given(VALUES)
    def any_name(name):
        for client in (village, portal):
            answers_without_error(client, f"{section}{quote(name, safe='')}/")

    any_name()


def test_the_complaint_form_takes_anything(village, hajimena):
    fields = ["name", "phone", "email", "message", "website"]

    @BOUNDED
    @given(st.fixed_dictionaries(dict.fromkeys(fields, VALUES)))
    def any_form(form):
        response = village.post("/pengaduan/", form, REMOTE_ADDR="203.0.113.7")
        assert response.status_code < 500, form

    any_form()
    # Nothing it took lacks a way to answer the villager.
    assert not Complaint.objects.filter(phone="", email="").exists()


@pytest.mark.parametrize("query", ['a"b', '"><script>', "a\x00b"])
def test_the_village_search_answers_a_strange_query(village, query):
    for path in ("/cari/", "/en/search/"):
        assert village.get(path, {"q": query}).status_code in (200, 400)


@pytest.mark.parametrize("query", ["*", "!!!", '"', "-"])
def test_a_catalogue_search_of_signs_only_finds_nothing(village, portal, query):
    for client, path in ((village, "/produk/"), (portal, "/produk/"), (portal, "/api/produk/")):
        response = client.get(path, {"q": query})
        assert response.status_code == 200, (path, query)
    assert response.json()["count"] == 0


@pytest.mark.parametrize("seller", ["99999999999999999999", "-99999999999999999999"])
def test_catalogues_answer_a_seller_beyond_any_id(village, portal, seller):
    for client in (village, portal):
        for path in ("/produk/", "/en/products/", "/api/produk/"):
            assert client.get(path, {"penjual": seller}).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/admin/images/",
        "/admin/documents/",
        "/admin/choose-page/search/",
        "/admin/images/chooser/results/",
        "/admin/documents/chooser/results/",
        "/admin/pages/search/",
        "/admin/complaints/",
        "/admin/sellers/",
    ],
)
def test_admin_searches_take_a_quote(hajimena, django_user_model, path):
    superuser = django_user_model.objects.create_superuser("admin", "a@b.id", "x")
    for user in (superuser, add_staff(hajimena, "editor-hajimena", "editor")[0]):
        client = login(user)
        client.raise_request_exception = False
        for query in ('a"b', '"><script>', "a\x00b"):
            assert client.get(path, {"q": query}).status_code < 500, (path, query)
