"""English pages list everything a village has: each page once, in English where staff have
translated it, else in Indonesian and marked so; and their fixed words are English."""

import re

import pytest
from wagtail.models import Locale, Page

from marketplace.models import ProductCategory
from sites.models import VillageSettings
from tests.admin import login
from tests.marketplace.products import add_product
from tests.queries import queries_for
from tests.village_pages.test_languages import translate
from tests.village_pages.test_news import add_news
from tests.village_pages.test_query_counts import add_content
from tests.village_pages.test_sections import add_event, add_service, html, wib

pytestmark = pytest.mark.django_db

IN_INDONESIAN = '<span class="meta" lang="id">Bahasa Indonesia</span>'


def linked_in_indonesian(page_html, href, title):
    """True when `title` links to its Indonesian page, marked as Indonesian."""
    link = f'<a href="{href}" hreflang="id" lang="id">{title}</a>'
    return link in page_html and IN_INDONESIAN in page_html.split(link, 1)[1][:200]


def main(page_html):
    return page_html.split('<main id="main">', 1)[1].split("</main>", 1)[0]


def footer(page_html):
    return page_html.split('<footer class="site-footer">', 1)[1]


@pytest.fixture
def agenda(hajimena, sidosari):
    add_event(hajimena, "Kerja bakti", wib(2099, 8, 10, 7), slug="kerja-bakti")
    health_day = add_event(hajimena, "Posyandu balita", wib(2099, 8, 24, 8))
    translate(health_day, "Toddler health day", "toddler-health-day")
    add_event(hajimena, "Musyawarah desa 2019", wib(2019, 3, 2, 9), slug="musyawarah-2019")
    add_event(sidosari, "Pasar murah Sidosari", wib(2099, 8, 20, 8))


def test_english_events_list_untranslated_events_in_indonesian_and_translated_ones_once(
    hajimena, agenda
):
    page = main(html(hajimena, "/en/events/"))
    assert "No events are planned yet." not in page
    assert linked_in_indonesian(page, "/agenda/kerja-bakti/", "Kerja bakti")
    assert linked_in_indonesian(page, "/agenda/musyawarah-2019/", "Musyawarah desa 2019")
    assert page.count("Toddler health day") == 1 and "Posyandu balita" not in page
    assert '<a href="/en/events/toddler-health-day/">Toddler health day</a></h3>' in page
    assert "Pasar murah Sidosari" not in page
    indonesian = main(html(hajimena, "/agenda/"))
    assert "Posyandu balita" in indonesian and "Toddler health day" not in indonesian
    assert "Bahasa Indonesia" not in indonesian


def test_the_english_home_page_has_the_events_block(hajimena, agenda):
    page = main(html(hajimena, "/en/"))
    coming = page.split("<h2>Coming up</h2>")[1].split("</section>")[0]
    assert linked_in_indonesian(coming, "/agenda/kerja-bakti/", "Kerja bakti")
    assert coming.count("Toddler health day") == 1 and "Posyandu balita" not in coming
    assert "Musyawarah desa 2019" not in page and "Pasar murah Sidosari" not in page


def test_english_services_list_every_service_once(hajimena, sidosari):
    add_service(hajimena, "Surat Keterangan Domisili", slug="domisili")
    business = add_service(hajimena, "Surat Keterangan Usaha", slug="sku")
    translate(business, "Business certificate", "business-certificate")
    add_service(sidosari, "Surat Pengantar Nikah Sidosari")
    for path in ("/en/services/", "/en/"):
        page = main(html(hajimena, path))
        assert "Surat Keterangan Domisili" in page and IN_INDONESIAN in page, path
        assert 'href="/layanan/domisili/" hreflang="id" lang="id"' in page, path
        assert page.count("Business certificate") == 1, path
        assert "Surat Keterangan Usaha" not in page, path
        assert "Sidosari" not in page, path


def test_english_news_and_home_list_untranslated_articles_and_products(hajimena, sidosari):
    add_news(hajimena, "Panen raya", days_ago=1)
    translate(add_news(hajimena, "Vaksinasi ternak"), "Livestock vaccination", "vaccination")
    add_news(sidosari, "Berita Sidosari")
    translate(add_product(hajimena, "Kopi robusta"), "Robusta coffee", "robusta-coffee")
    add_product(hajimena, "Keripik pisang", slug="keripik-pisang")
    add_product(sidosari, "Kopi Sidosari")
    news = main(html(hajimena, "/en/news/"))
    assert "Panen raya" in news and news.count("Livestock vaccination") == 1
    assert "Vaksinasi ternak" not in news and "Sidosari" not in news
    home = main(html(hajimena, "/en/"))
    assert "Panen raya" in home and home.count("Livestock vaccination") == 1
    assert linked_in_indonesian(home, "/produk/keripik-pisang/", "Keripik pisang")
    assert home.count("Robusta coffee") == 1 and "Kopi robusta" not in home
    assert "Sidosari" not in home


def test_the_english_home_page_names_the_village_in_english(hajimena):
    page = main(html(hajimena, "/en/"))
    assert "<h1>Hajimena village</h1>" in page
    assert "Welcome to the website of Hajimena village, Natar District, " in page
    assert "Lampung Selatan Regency." in page and "Desa" not in page
    indonesian = main(html(hajimena, "/"))
    assert "<h1>Desa Hajimena</h1>" in indonesian
    assert "Kecamatan Natar, Kabupaten Lampung Selatan." in indonesian


def office_hours(village, indonesian, english=""):
    site_settings = VillageSettings.for_site(village.site)
    site_settings.office_hours, site_settings.office_hours_en = indonesian, english
    site_settings.full_clean()
    site_settings.save()


def test_the_footer_gives_office_hours_in_the_language_of_the_page(hajimena, sidosari):
    office_hours(hajimena, "Senin-Jumat 08.00-15.00 WIB", "Monday to Friday 08.00-15.00 WIB")
    office_hours(sidosari, "Senin-Kamis 08.00-14.00 WIB")
    for path in ("/en/", "/en/events/", "/en/services/"):
        english = footer(html(hajimena, path))
        assert "Office hours: Monday to Friday 08.00-15.00 WIB" in english, path
        assert "Senin" not in english and "Sidosari" not in english, path
    indonesian = footer(html(hajimena, "/agenda/"))
    assert "Jam pelayanan: Senin-Jumat 08.00-15.00 WIB" in indonesian
    assert "Monday" not in indonesian
    # Without English hours, the Indonesian ones are shown, marked as Indonesian.
    assert 'Office hours: <span lang="id">Senin-Kamis 08.00-14.00 WIB</span>' in footer(
        html(sidosari, "/en/")
    )
    assert "Jam pelayanan: Senin-Kamis 08.00-14.00 WIB</p>" in footer(html(sidosari, "/"))


def test_the_settings_form_asks_for_english_office_hours_under_the_indonesian_ones(
    hajimena, django_user_model
):
    admin = django_user_model.objects.create_superuser("admin", "admin@balai.localhost", "x")
    form = login(admin).get(f"/admin/settings/sites/villagesettings/{hajimena.site_id}/")
    fields = re.findall(r'name="(office_hours[a-z_]*)"', form.content.decode())
    assert fields == ["office_hours", "office_hours_en"]


def test_an_english_product_page_names_its_category_and_village_in_english(hajimena, sidosari):
    food = ProductCategory.objects.get(slug="makanan-minuman", locale__language_code="id")
    english = Locale.objects.get(language_code="en")
    english_food = food.get_translation_or_none(english) or food.copy_for_translation(english)
    english_food.name = "Food and drink"
    english_food.save()
    chips = add_product(hajimena, "Keripik pisang", category=food)
    translate(chips, "Banana chips", "banana-chips")
    english = main(html(hajimena, "/en/products/banana-chips/"))
    assert "<dt>Category</dt><dd>Food and drink</dd>" in english
    assert "<dt>From</dt><dd>Hajimena village, Natar, Lampung Selatan Regency</dd>" in english
    indonesian = main(html(hajimena, "/produk/keripik-pisang/"))
    assert "<dd>Makanan dan Minuman</dd>" in indonesian
    assert "<dd>Desa Hajimena, Natar, Kabupaten Lampung Selatan</dd>" in indonesian


@pytest.mark.parametrize("path", ["/en/", "/en/events/", "/en/services/", "/en/news/"])
def test_english_listings_cost_the_same_queries_for_few_or_many_items(hajimena, sidosari, path):
    home = hajimena.home_page

    def add(count, start):
        add_content(hajimena, count, start=start)
        for number in range(start, start + count, 2):  # every other one in English too
            for title in (f"Berita {number}", f"Kegiatan {number}", f"Surat {number}"):
                original = Page.objects.descendant_of(home).get(title=title).specific
                translate(original, f"English {title}", f"english-{number}")

    add_content(sidosari, 3)  # the other village is in the room
    add(2, 0)
    few = queries_for("hajimena.localhost", path)
    add(12, 2)
    many = queries_for("hajimena.localhost", path)
    assert many == few, f"{path}: {few} queries with 2 items, {many} with 14"
