from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from marketplace.models import ProductPage
from sites.models import Village, VillageSettings
from village_pages.models import NewsPage, ServicePage

pytestmark = pytest.mark.django_db


def test_seed_demo_makes_living_villages_and_can_run_again():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "http://hajimena.localhost/" in out.getvalue()
    assert "user admin, password balai-demo" in out.getvalue()
    assert Village.objects.count() == 5
    counts = (NewsPage.objects.count(), ServicePage.objects.count(), ProductPage.objects.count())
    pages = Page.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Village.objects.count() == 5
    assert (NewsPage.objects.count(), ServicePage.objects.count()) == counts[:2]
    assert ProductPage.objects.count() == counts[2] == 11
    assert Page.objects.count() == pages

    kubu = Village.objects.get(code="18.04.04.2002")
    site_settings = VillageSettings.objects.get(site=kubu.site)
    assert site_settings.local_word == "Pekon"
    assert site_settings.whatsapp == "6281366001122"
    home = Client(HTTP_HOST="kubu-perahu.localhost").get("/").content.decode()
    assert "<h1>Pekon Kubu Perahu</h1>" in home and "kopi robusta" in home
    products = Client(HTTP_HOST="kubu-perahu.localhost").get("/produk/").content.decode()
    assert (
        "Kopi Robusta Liwa Bubuk" in products
        and "<del>Rp60.000</del> Rp54.000 / bungkus" in products
    )
    service = Client(HTTP_HOST="kubu-perahu.localhost").get("/layanan/").content.decode()
    assert "Surat Keterangan Domisili" in service


def test_a_phone_number_is_checked_and_stored_in_one_form(hajimena):
    site_settings = VillageSettings.objects.get(site=hajimena.site)
    site_settings.contact_phone = "0812-3456-7890"
    site_settings.whatsapp_number = "62 812 3456 7890"
    site_settings.full_clean()
    assert (site_settings.contact_phone, site_settings.whatsapp_number) == (
        "+6281234567890",
        "+6281234567890",
    )
    assert site_settings.whatsapp == "6281234567890"
    site_settings.whatsapp_number = "12345"
    with pytest.raises(ValidationError, match="bukan nomor telepon Indonesia yang sah"):
        site_settings.full_clean()


def test_the_villages_colour_and_name_come_from_its_settings(hajimena, sidosari):
    site_settings = VillageSettings.objects.get(site=hajimena.site)
    site_settings.colour = "biru"
    site_settings.display_name = "Hajimena Jaya"
    site_settings.save()
    page = Client(HTTP_HOST="hajimena.localhost").get("/berita/").content.decode()
    assert "--accent:#1d4ed8" in page and "Desa Hajimena Jaya" in page
    other = Client(HTTP_HOST="sidosari-natar.localhost").get("/berita/").content.decode()
    assert "--accent:#0b6e4f" in other and "Hajimena" not in other
