import pytest
from django.test import Client
from sites.generator import provision_village
from tests.marketplace.products import add_product
pytestmark = pytest.mark.django_db

def test_probe(hajimena, sidosari):
    kubu = provision_village("18.04.04.2002")
    ked = provision_village("18.71.01.1003")
    for v in (hajimena, sidosari, kubu, ked):
        print(v.code, v.name, v.slug, v.regency_code, v.regency_name, v.district_code, v.district_name, v.url)
    p = add_product(kubu, "Kopi Kubu", price=30000)
    add_product(hajimena, "Keripik", price=30000)
    r = Client(HTTP_HOST="localhost").get("/produk/")
    print(r.status_code)
    print(r.content.decode()[-3000:])
    r = Client(HTTP_HOST="localhost").get("/")
    print(r.content.decode()[-3000:])
    r = Client(HTTP_HOST="localhost").get("/api/produk/")
    print(r.content.decode())
