"""Staff translate their own village's pages and sellers only, never another village's."""

import datetime
import html
import json

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import get_resolver
from wagtail.models import Locale
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from marketplace.models import ProductCategory, Seller
from sites.staff import add_staff
from sites.translation_access import GUARDED, NAMESPACE, OPEN
from tests.admin import login
from tests.marketplace.products import photo
from village_pages.models import NewsPage

pytestmark = pytest.mark.django_db

BODY = [("paragraph", "<p>Panen raya padi dimulai pekan depan.</p>")]


def staff(village, role):
    # Granted by the generator once villages are provisioned in English; harmless twice.
    permission = Permission.objects.get(codename="submit_translation")
    village.editors.permissions.add(permission)
    village.moderators.permissions.add(permission)
    return add_staff(village, f"{role}-{village.slug}", role)[0]


def english():
    return Locale.objects.get(language_code="en")


def add_news(village, title):
    berita = village.home_page.get_children().get(slug="berita")
    article = NewsPage(title=title, date=datetime.date(2025, 6, 30), body=BODY)
    return berita.add_child(instance=article)


def refused(response):
    """Wagtail's refusal: back to the admin home with a message, or 403 for scripts."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def sidosari_seller(sidosari):
    return Seller.objects.create(
        village=sidosari, name="Kopi Sidosari", description="Kopi robusta petani Sidosari."
    )


@pytest.fixture
def editor(hajimena):
    return staff(hajimena, "editor")


def test_an_editor_translates_their_own_news_into_english(editor, hajimena):
    news = add_news(hajimena, "Panen raya di Hajimena")
    response = login(editor).post(
        f"/admin/localize/submit/page/{news.pk}/", {"locales": [english().pk]}
    )
    translated = news.get_translation_or_none(english())
    assert translated is not None
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{translated.pk}/edit/"
    assert translated.title == "Panen raya di Hajimena"


def test_an_editor_cannot_translate_another_villages_news(editor, sidosari):
    news = add_news(sidosari, "Panen raya di Sidosari")
    response = login(editor).post(
        f"/admin/localize/submit/page/{news.pk}/", {"locales": [english().pk]}
    )
    assert refused(response)
    assert news.get_translation_or_none(english()) is None
    assert not TranslationSource.objects.filter(object_id=news.translation_key).exists()


@pytest.mark.parametrize(
    ("village", "role", "synced"),
    [("sidosari", "moderator", True), ("hajimena", "editor", False)],
)
def test_only_the_villages_own_staff_sync_its_translations(
    request, hajimena, sidosari, village, role, synced
):
    user = staff(request.getfixturevalue(village), role)
    news = add_news(sidosari, "Panen raya di Sidosari")
    translate_object(news, [english()])
    news.title = "Panen raya ditunda"
    news.save_revision().publish()
    source = TranslationSource.objects.get(object_id=news.translation_key)

    response = login(user).post(
        f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}
    )

    english_title = news.get_translation(english()).title
    assert refused(response) is not synced
    assert (english_title == "Panen raya ditunda") is synced


def postponed_news(village):
    """A news article translated into English, then retitled: its translation awaits a sync."""
    news = add_news(village, "Panen raya di Hajimena")
    translate_object(news, [english()])
    news.title = "Panen raya ditunda"
    news.save_revision().publish()
    return news, TranslationSource.objects.get(object_id=news.translation_key)


def offered_for_translation(client, page, text):
    """Whether the translation editor of `page` asks for a translation of `text`."""
    content = html.unescape(client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    return f'"source": {json.dumps(text)}' in content


@pytest.mark.parametrize(("role", "publishes"), [("moderator", True), ("editor", False)])
def test_only_a_moderator_publishes_translations_while_syncing_them(
    django_capture_on_commit_callbacks, hajimena, role, publishes
):
    news, source = postponed_news(hajimena)
    url = f"/admin/localize/update/{source.pk}/"

    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = login(staff(hajimena, role)).post(url, {"publish_translations": "on"})

    translated = news.get_translation(english())
    assert translated.live is publishes
    assert (translated.title == "Panen raya ditunda") is publishes
    # The editor is sent back to the form and told why, not to the admin's front page.
    levels = [message.level_tag for message in get_messages(response.wsgi_request)]
    assert (response["Location"] == url, levels) == (
        (False, ["success"]) if publishes else (True, ["error"])
    )


def test_an_editor_syncs_translations_for_a_moderator_to_publish(editor, hajimena):
    news, source = postponed_news(hajimena)
    translated = news.get_translation(english())
    client = login(editor)
    assert not offered_for_translation(client, translated, "Panen raya ditunda")

    response = client.post(f"/admin/localize/update/{source.pk}/")

    assert response.status_code == 302 and not refused(response)
    assert offered_for_translation(client, translated, "Panen raya ditunda")
    translated.refresh_from_db()
    assert not translated.live


def test_an_editor_opens_the_translation_editor_of_their_own_news(editor, hajimena):
    news = add_news(hajimena, "Panen raya di Hajimena")
    translate_object(news, [english()])
    translated = news.get_translation(english())
    response = login(editor).get(f"/admin/pages/{translated.pk}/edit/")
    assert response.status_code == 200
    assert b"js-translation-editor" in response.content


def test_an_editor_cannot_open_or_fill_in_another_villages_translation(editor, sidosari):
    news = add_news(sidosari, "Panen raya di Sidosari")
    translate_object(news, [english()])
    translated = news.get_translation(english())
    translation = Translation.objects.get(source__object_id=news.translation_key)
    title = translation.source.stringsegment_set.get(context__path="title")
    client = login(editor)

    assert refused(client.get(f"/admin/pages/{translated.pk}/edit/"))
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{title.pk}/edit/",
        "value=Diretas",
        content_type="application/x-www-form-urlencoded",
    )
    assert refused(response)
    assert not StringTranslation.objects.filter(data="Diretas").exists()


def test_an_editor_cannot_translate_another_villages_seller(editor, sidosari):
    seller = sidosari_seller(sidosari)
    response = login(editor).post(
        f"/admin/localize/submit/snippet/marketplace/seller/{seller.pk}/",
        {"locales": [english().pk]},
    )
    assert refused(response)
    assert not Seller.objects.filter(translation_key=seller.translation_key, locale=english())
    assert not TranslationSource.objects.filter(object_id=seller.translation_key).exists()


@pytest.mark.parametrize(("village", "allowed"), [("sidosari", True), ("hajimena", False)])
def test_only_the_sellers_own_village_fills_in_its_translation(
    request, hajimena, sidosari, village, allowed
):
    user = staff(request.getfixturevalue(village), "editor")
    seller = sidosari_seller(sidosari)
    translate_object(seller, [english()])
    translation = Translation.objects.get(source__object_id=seller.translation_key)
    name = translation.source.stringsegment_set.get(context__path="name")

    response = login(user).put(
        f"/admin/localize/translate/{translation.pk}/strings/{name.pk}/edit/",
        "value=Sidosari Coffee",
        content_type="application/x-www-form-urlencoded",
    )

    assert refused(response) is not allowed
    assert StringTranslation.objects.filter(data="Sidosari Coffee").exists() is allowed


def test_an_editor_cannot_stop_another_villages_seller_translation(editor, sidosari):
    seller = sidosari_seller(sidosari)
    translate_object(seller, [english()])
    translation = Translation.objects.get(source__object_id=seller.translation_key)
    response = login(editor).post(f"/admin/localize/translate/{translation.pk}/disable/")
    translation.refresh_from_db()
    assert refused(response)
    assert translation.enabled


def test_village_staff_cannot_translate_the_shared_product_categories(editor):
    honey = ProductCategory.objects.create(name="Madu", slug="madu")
    response = login(editor).post(
        f"/admin/localize/submit/snippet/marketplace/productcategory/{honey.pk}/",
        {"locales": [english().pk]},
    )
    assert refused(response)
    assert honey.get_translation_or_none(english()) is None


def test_every_wagtail_localize_url_is_either_guarded_or_read_only():
    # A name added by a wagtail-localize upgrade is refused to village staff until listed.
    _prefix, resolver = get_resolver().namespace_dict[NAMESPACE]
    names = {pattern.name for pattern in resolver.url_patterns}
    assert names == GUARDED.keys() | OPEN


def test_a_translation_shows_only_the_villages_own_images(editor, hajimena, sidosari):
    own_photo, other_photo = photo(hajimena, "Sawah Hajimena"), photo(sidosari, "Rahasia")
    news = add_news(hajimena, "Panen raya di Hajimena")
    news.listing_image = own_photo
    news.body = [*BODY, ("image", {"image": own_photo, "caption": ""})]
    news.save_revision().publish()
    translate_object(news, [english()])
    translation = Translation.objects.get(source__object_id=news.translation_key)
    segments = translation.source.overridablesegment_set
    client = login(editor)
    for path in ("listing_image", segments.get(context__path__endswith=".image").context.path):
        segment = segments.get(context__path=path)
        url = f"/admin/localize/translate/{translation.pk}/overrides/{segment.pk}/edit/"
        form = "application/x-www-form-urlencoded"
        assert client.put(url, f"value={other_photo.pk}", content_type=form).status_code == 403
        assert client.put(url, f"value={own_photo.pk}", content_type=form).status_code in (200, 201)
    overrides = SegmentOverride.objects.values_list("data_json", flat=True)
    assert json.dumps(str(other_photo.pk)) not in overrides
