from io import StringIO

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from marketplace.models import ProductPage
from sites import demo_translations
from sites.generator import provision_village
from sites.models import Village, VillageSettings
from sites.models.settings import COLOURS
from tests.conftest import HAJIMENA
from village_pages.models import NewsPage, ServicePage

pytestmark = pytest.mark.django_db

HAJIMENA_IN_ENGLISH = {
    NewsPage: (
        ("news", "Village assembly agrees the 2027 development plan"),
        ("news", "Fourth round of Village Fund cash assistance handed out"),
    ),
    ServicePage: (
        ("services", "Certificate of residence"),
        ("services", "Business certificate"),
    ),
    ProductPage: (
        ("products", "Hajimena Pandan Wangi rice"),
        ("products", "Kepok banana chips"),
    ),
}


@pytest.fixture(autouse=True)
def language_kept():
    """A request under /en/ leaves English active in the thread, for the tests that follow."""
    with translation.override(translation.get_language()):
        yield


def test_seed_demo_makes_living_villages_and_can_run_again():
    with override_settings(WAGTAIL_CONTENT_LANGUAGES=[("id", "Bahasa Indonesia")]):
        provision_village(HAJIMENA)  # made before Balai spoke English
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "http://hajimena.localhost/" in out.getvalue()
    assert "user admin, password balai-demo" in out.getvalue()
    assert Village.objects.count() == 5
    counts = (NewsPage.objects.count(), ServicePage.objects.count(), ProductPage.objects.count())
    pages, translated = Page.objects.count(), StringTranslation.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Village.objects.count() == 5
    assert (NewsPage.objects.count(), ServicePage.objects.count()) == counts[:2]
    assert ProductPage.objects.count() == counts[2] == 11 + 5 * 2
    assert (Page.objects.count(), StringTranslation.objects.count()) == (pages, translated)

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

    english = Locale.objects.get(language_code="en")
    hajimena = Village.objects.get(code=HAJIMENA)
    home = hajimena.home_page.get_translation(english).specific
    assert home.live and home.welcome == demo_translations.WELCOME[HAJIMENA]
    for page_class, expected in HAJIMENA_IN_ENGLISH.items():
        translations = page_class.objects.descendant_of(home).order_by("path")
        assert [(page.get_parent().slug, page.title) for page in translations] == list(expected)
        for page in translations:
            source = page.get_translation(hajimena.home_page.locale)
            assert page.live and source.get_parent().get_parent().pk == hajimena.home_page_id
            record = Translation.objects.get(
                source__object_id=page.translation_key, target_locale=english
            )
            total, done = record.get_progress()
            assert done == total  # every text, the slug too, has its English
            assert page.url == f"http://hajimena.localhost/en/{page.get_parent().slug}/{page.slug}/"
            response = Client(HTTP_HOST="hajimena.localhost").get(page.get_url_parts()[2])
            assert response.status_code == 200 and page.title in response.content.decode()


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
    assert 'data-accent="biru"' in page and "Desa Hajimena Jaya" in page
    other = Client(HTTP_HOST="sidosari-natar.localhost").get("/berita/").content.decode()
    assert 'data-accent="hijau"' in other and "Hajimena" not in other


def test_every_colour_a_village_may_choose_is_in_the_stylesheet():
    css = (settings.BASE_DIR / "balai" / "static" / "css" / "balai.css").read_text()
    for name, (colour, _label) in COLOURS.items():
        default = name == "hijau" and f";--accent:{colour};" in css.split("}", 1)[0]
        assert default or f"[data-accent={name}]{{--accent:{colour}}}" in css
