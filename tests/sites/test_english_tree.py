"""The generator makes every village in Indonesian and in English, linked for translation."""

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail_localize.models import String, StringSegment, Translation, TranslationSource

from sites.generator import provision_village
from sites.models import Village
from sites.staff import add_staff

pytestmark = pytest.mark.django_db

ENGLISH_SECTIONS = [
    ("News", "news"),
    ("Announcements", "announcements"),
    ("Services", "services"),
    ("Events", "events"),
    ("Products", "products"),
    ("Profile", "profile"),
    ("Complaints", "complaints"),
]


def english():
    return Locale.objects.get(language_code="en")


def english_home(village):
    return village.home_page.get_translation(english())


def test_a_new_village_has_an_english_home_and_sections(hajimena):
    home = english_home(hajimena)
    assert (home.title, home.slug, home.live) == ("Hajimena", "hajimena", True)
    sections = [(page.title, page.slug) for page in home.get_children().order_by("path")]
    assert sections == ENGLISH_SECTIONS
    indonesian = {page.translation_key: page.slug for page in hajimena.home_page.get_children()}
    assert {indonesian[page.translation_key] for page in home.get_children()} == {
        "berita",
        "pengumuman",
        "layanan",
        "agenda",
        "produk",
        "profil",
        "pengaduan",
    }
    assert all(not problems for problems in Page.find_problems())


def test_english_region_pages_read_naturally(hajimena):
    district = english_home(hajimena).get_parent()
    regency = district.get_parent()
    assert (district.title, regency.title) == ("Natar District", "Lampung Selatan Regency")
    portal = regency.get_parent().specific
    assert portal.locale.language_code == "en" and portal.depth == 2


def test_every_english_page_is_a_wagtail_localize_translation(hajimena):
    home = english_home(hajimena)
    pages = [home, *home.get_children()]
    translations = Translation.objects.filter(
        target_locale=english(), source__object_id__in=[page.translation_key for page in pages]
    )
    assert translations.count() == len(pages) and all(t.enabled for t in translations)
    news = translations.get(source__object_id=pages[1].translation_key)
    assert news.get_target_instance().title == "News"
    assert news.source.get_source_instance().title == "Berita"
    assert news.get_progress() == (2, 2)  # title and slug are translated
    segments = StringSegment.objects.filter(source=news.source).annotate_translation(english())
    assert {(s.string.data, s.translation) for s in segments} == {
        ("Berita", "News"),
        ("berita", "news"),
    }


def test_synchronising_a_generated_translation_keeps_its_english(hajimena):
    news_index = hajimena.home_page.get_children().get(slug="berita")
    source = TranslationSource.objects.get(object_id=news_index.translation_key)
    written = set(StringSegment.objects.filter(source=source).values_list("pk", flat=True))
    source.update_from_db()  # wagtail-localize extracts the segments again
    assert set(StringSegment.objects.filter(source=source).values_list("pk", flat=True)) == written
    source.translations.get().save_target()
    english_news = news_index.get_translation(english())
    assert (english_news.title, english_news.slug, english_news.url) == (
        "News",
        "news",
        "http://hajimena.localhost/en/news/",
    )
    assert String.objects.filter(data="Berita").count() == 1  # shared by every village


def test_the_english_tree_is_shared_by_villages_of_one_district(hajimena, sidosari):
    assert english_home(hajimena).get_parent().pk == english_home(sidosari).get_parent().pk
    assert english_home(sidosari).get_children().count() == 7


def test_staff_may_edit_both_languages_of_their_own_village_only(hajimena, sidosari):
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    own = english_home(hajimena).get_children().get(slug="news")
    other = english_home(sidosari).get_children().get(slug="news")
    assert own.permissions_for_user(editor).can_edit()
    assert not other.permissions_for_user(editor).can_edit()
    assert own.get_workflow().name == "Moderasi Hajimena (hajimena)"


@override_settings(WAGTAIL_CONTENT_LANGUAGES=[("id", "Bahasa Indonesia")])
def test_an_install_in_indonesian_only_makes_no_english_pages():
    village = provision_village("18.01.04.2003")
    assert Village.objects.get().pk == village.pk
    assert not Page.objects.filter(locale__language_code="en").exists()
    assert village.home_page.get_children().count() == 7
