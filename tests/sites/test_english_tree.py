"""The generator makes every village in Indonesian and in English, linked for translation
as soon as staff open a page."""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import String, StringSegment, Translation, TranslationSource

from sites.generator import provision_village
from sites.models import Village
from sites.staff import add_staff
from sites.translations import adopt_translations
from tests.admin import login
from village_pages.models import AnnouncementPage

pytestmark = pytest.mark.django_db

# The visitors' sections; the residents' announcements and complaints follow when translated.
ENGLISH_SECTIONS = [
    ("News", "news"),
    ("Services", "services"),
    ("Events", "events"),
    ("Products", "products"),
    ("Profile", "profile"),
]
INDONESIAN_ONLY = override_settings(WAGTAIL_CONTENT_LANGUAGES=[("id", "Bahasa Indonesia")])


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
        "layanan",
        "agenda",
        "produk",
        "profil",
    }
    assert all(not problems for problems in Page.find_problems())


def translator(village):
    editor = add_staff(village, f"editor-{village.slug}", "editor")[0]
    editor.groups.first().permissions.add(Permission.objects.get(codename="submit_translation"))
    return login(editor)


def submit_translation(client, page):
    return client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [english().pk]})


def test_translating_an_announcement_gives_the_village_its_english_announcements(hajimena, client):
    pengumuman = hajimena.home_page.get_children().get(slug="pengumuman")
    notice = pengumuman.add_child(
        instance=AnnouncementPage(
            title="Kerja bakti Minggu",
            text="Semua warga diharapkan hadir.",
        )
    )
    assert submit_translation(translator(hajimena), notice).status_code == 302

    section = english_home(hajimena).get_children().get(translation_key=pengumuman.translation_key)
    assert (section.title, section.slug, section.alias_of_id) == (
        "Announcements",
        "announcements",
        None,
    )
    assert notice.get_translation(english()).get_parent().pk == section.pk
    assert client.get("/en/announcements/", HTTP_HOST="hajimena.localhost").status_code == 200
    english_menu = client.get("/en/", HTTP_HOST="hajimena.localhost").content.decode()
    assert 'href="/en/announcements/"' in english_menu
    assert all(not problems for problems in Page.find_problems())


def test_the_complaint_form_is_translated_like_any_page(hajimena, client):
    pengaduan = hajimena.home_page.get_children().get(slug="pengaduan")
    assert client.get("/en/complaints/", HTTP_HOST="hajimena.localhost").status_code == 404
    assert submit_translation(translator(hajimena), pengaduan).status_code == 302
    english_form = pengaduan.get_translation(english())
    assert (english_form.title, english_form.slug, english_form.alias_of_id) == (
        "Complaints",
        "complaints",
        None,
    )
    assert english_form.get_parent().pk == english_home(hajimena).pk
    response = client.get("/en/complaints/", HTTP_HOST="hajimena.localhost")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_a_section_translates_even_when_its_english_slug_is_taken(hajimena):
    profile = english_home(hajimena).get_children().get(slug="profile")
    profile.slug = "complaints"
    profile.save()
    pengaduan = hajimena.home_page.get_children().get(slug="pengaduan")
    assert submit_translation(translator(hajimena), pengaduan).status_code == 302
    english_form = pengaduan.get_translation(english())
    assert english_form.slug != "complaints"
    assert english_home(hajimena).get_children().get(slug="complaints").pk == profile.pk


def test_english_region_pages_read_naturally(hajimena):
    district = english_home(hajimena).get_parent()
    regency = district.get_parent()
    assert (district.title, regency.title) == ("Natar District", "Lampung Selatan Regency")
    portal = regency.get_parent().specific
    assert portal.locale.language_code == "en" and portal.depth == 2


def edit(user, page):
    return login(user).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def test_staff_open_a_generated_english_page_in_wagtail_localize_s_editor(hajimena):
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    news_index = english_home(hajimena).get_children().get(slug="news")
    response = edit(editor, news_index)
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    translation = Translation.objects.get(
        source__object_id=news_index.translation_key, target_locale=english()
    )
    assert translation.enabled and translation.get_progress() == (2, 2)
    segments = StringSegment.objects.filter(source=translation.source).annotate_translation(
        english()
    )
    assert {(s.string.data, s.translation) for s in segments} == {
        ("Berita", "News"),
        ("berita", "news"),
    }
    props = json.loads(response.context["props"])
    assert props["machineTranslator"] is None  # no text leaves Balai unless an operator says so
    edit(editor, news_index)  # a second visit records nothing more
    assert Translation.objects.filter(source=translation.source).count() == 1


def test_opening_the_indonesian_page_offers_to_synchronise_its_english(hajimena):
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    editor.groups.first().permissions.add(Permission.objects.get(codename="submit_translation"))
    berita = hajimena.home_page.get_children().get(slug="berita")
    assert "Sinkronkan halaman terjemahan" in edit(editor, berita).content.decode()


def test_synchronising_a_generated_translation_keeps_its_english(hajimena):
    news_index = hajimena.home_page.get_children().get(slug="berita").specific
    assert adopt_translations(news_index) == 1
    assert adopt_translations(news_index) == 0
    source = TranslationSource.objects.get(object_id=news_index.translation_key)
    news_index.intro = "Kabar terbaru dari desa."
    news_index.save_revision().publish()
    source.update_from_db()
    source.translations.get().save_target(publish=True)
    english_news = news_index.get_translation(english())
    assert (english_news.title, english_news.slug, english_news.url) == (
        "News",
        "news",
        "http://hajimena.localhost/en/news/",
    )
    assert english_news.intro == "Kabar terbaru dari desa."  # not yet translated: the source
    assert String.objects.filter(data="Berita").count() == 1


def test_a_translation_staff_stopped_synchronising_stays_stopped(hajimena):
    news_index = english_home(hajimena).get_children().get(slug="news")
    adopt_translations(news_index)
    Translation.objects.filter(source__object_id=news_index.translation_key).update(enabled=False)
    assert adopt_translations(news_index) == 0
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    response = edit(editor, news_index)
    assert "wagtail_localize/admin/edit_translation.html" not in [
        t.name for t in response.templates
    ]


def test_the_english_tree_is_shared_by_villages_of_one_district(hajimena, sidosari):
    assert english_home(hajimena).get_parent().pk == english_home(sidosari).get_parent().pk
    assert english_home(sidosari).get_children().count() == 5


def test_staff_may_edit_both_languages_of_their_own_village_only(hajimena, sidosari):
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    own = english_home(hajimena).get_children().get(slug="news")
    other = english_home(sidosari).get_children().get(slug="news")
    assert own.permissions_for_user(editor).can_edit()
    assert not other.permissions_for_user(editor).can_edit()
    assert own.get_workflow() == hajimena.home_page.specific.get_workflow()
    task = own.get_workflow().tasks.get().specific
    moderator = add_staff(hajimena, "moderator-hajimena", "moderator")[0]
    outsider = add_staff(sidosari, "moderator-sidosari", "moderator")[0]
    assert task.get_actions(own, moderator) and not task.get_actions(own, outsider)


@INDONESIAN_ONLY
def test_an_install_in_indonesian_only_makes_no_english_pages():
    village = provision_village("18.01.04.2003")
    assert Village.objects.get().pk == village.pk
    assert not Page.objects.filter(locale__language_code="en").exists()
    assert village.home_page.get_children().count() == 7


def test_add_english_gives_older_villages_their_english_pages():
    with INDONESIAN_ONLY:
        older = provision_village("18.01.04.2003")
    out = StringIO()
    call_command("add_english", stdout=out)
    home = english_home(older)
    assert [page.slug for page in home.get_children().order_by("path")] == [
        slug for _title, slug in ENGLISH_SECTIONS
    ]
    assert f"{older.url}en/" in out.getvalue()
    assert "1 desa kini memiliki halaman bahasa Inggris." in out.getvalue()
    editor = add_staff(older, "editor-older", "editor")[0]
    assert home.permissions_for_user(editor).can_edit()
    assert edit(editor, home.get_children().first()).status_code == 200
    assert all(not problems for problems in Page.find_problems())

    call_command("add_english", stdout=(again := StringIO()))
    assert "0 desa kini memiliki halaman bahasa Inggris." in again.getvalue()


def test_add_english_refuses_while_english_is_switched_off(hajimena):
    with INDONESIAN_ONLY, pytest.raises(CommandError, match="BALAI_LANGUAGES"):
        call_command("add_english")


def machine_translator(**environment):
    """The machine translator Balai's settings configure, given these environment variables."""
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)))"
    )
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("BALAI_LIBRETRANSLATE")},
        "DJANGO_SETTINGS_MODULE": "balai.settings.dev",
        **environment,
    }
    finished = subprocess.run(  # noqa: S603 (this Python, Balai's settings)
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(finished.stdout)


def test_machine_translation_is_off_unless_the_operator_names_their_own_server():
    assert machine_translator() is None
    configured = machine_translator(BALAI_LIBRETRANSLATE_URL="http://translate.internal:5000")
    assert configured["CLASS"].endswith("LibreTranslator")
    assert configured["OPTIONS"]["LIBRETRANSLATE_URL"] == "http://translate.internal:5000"
