"""Staff translate their own village's sellers into English in wagtail-localize's editor, and
reach no other village's seller through any snippet view."""

from urllib.parse import urlencode

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from marketplace.models import Seller
from sites.staff import add_staff
from tests.admin import login
from tests.marketplace.products import photo

pytestmark = pytest.mark.django_db


def english():
    return Locale.objects.get(language_code="en")


def fill_in(client, seller, path, value):
    """Type `value` as the English of `seller`'s field `path`, as the translation editor does."""
    translation = Translation.objects.get(source__object_id=seller.translation_key)
    segment = translation.source.stringsegment_set.get(context__path=path)
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201


@pytest.fixture
def client(hajimena):
    return login(add_staff(hajimena, "editor-hajimena", "editor")[0])


@pytest.fixture
def kopi(hajimena):
    return Seller.objects.create(
        village=hajimena,
        name="Kopi Hajimena",
        kind=Seller.Kind.FARMERS,
        description="Kopi robusta petani Hajimena.",
        photo=photo(hajimena, "Kopi"),
        whatsapp_number="+6281234567890",
    )


@pytest.fixture
def beras(sidosari):
    return Seller.objects.create(village=sidosari, name="Beras Sidosari", description="Beras.")


def test_an_editor_translates_their_villages_seller_in_the_translation_editor(client, kopi):
    listing = client.get("/admin/sellers/").content.decode()
    submit_url = f"/admin/localize/submit/snippet/marketplace/seller/{kopi.pk}/"
    assert submit_url in listing

    response = client.post(submit_url, {"locales": [english().pk]})

    translated = kopi.get_translation(english())
    assert response["Location"] == f"/admin/sellers/edit/{translated.pk}/"
    editor = client.get(response["Location"])
    assert editor.status_code == 200
    assert b"js-translation-editor" in editor.content
    assert b"Kopi robusta petani Hajimena." in editor.content
    # Nobody is asked to translate a phone number.
    assert b"6281234567890" not in editor.content

    fill_in(client, kopi, "description", "Robusta coffee from Hajimena's farmers.")
    client.post(response["Location"], {"action": "publish"})

    translated.refresh_from_db()
    assert translated.description == "Robusta coffee from Hajimena's farmers."
    # Orders from the English site go to the same number, under the same photo.
    assert translated.village_id == kopi.village_id
    assert translated.whatsapp_number == "+6281234567890"
    assert translated.photo_id == kopi.photo_id


def test_a_new_number_reaches_the_english_seller_when_translations_are_synced(client, kopi):
    translate_object(kopi, [english()])
    fill_in(client, kopi, "description", "Robusta coffee from Hajimena's farmers.")
    kopi.whatsapp_number = "+6281111111111"
    kopi.save()
    source = Translation.objects.get(source__object_id=kopi.translation_key).source

    # A seller has no drafts: an editor may apply the update at once.
    client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})

    translated = kopi.get_translation(english())
    assert translated.whatsapp_number == "+6281111111111"
    assert translated.description == "Robusta coffee from Hajimena's farmers."


def test_the_seller_list_shows_the_own_villages_sellers_in_indonesian(
    client, kopi, beras, hajimena
):
    for seller, name in ((kopi, "Hajimena Coffee"), (beras, "Sidosari Rice")):
        translate_object(seller, [english()])
        Seller.objects.filter(translation_key=seller.translation_key, locale=english()).update(
            name=name
        )

    indonesian = client.get("/admin/sellers/").content.decode()
    in_english = client.get("/admin/sellers/", {"locale": "en"}).content.decode()

    assert "Kopi Hajimena" in indonesian
    assert "Hajimena Coffee" not in indonesian
    assert "Hajimena Coffee" in in_english
    for html in (indonesian, in_english):
        assert "Beras Sidosari" not in html
        assert "Sidosari Rice" not in html


@pytest.mark.parametrize(
    "url",
    [
        "/admin/sellers/edit/{pk}/",
        "/admin/sellers/copy/{pk}/",
        "/admin/sellers/delete/{pk}/",
        "/admin/sellers/history/{pk}/",
        "/admin/sellers/usage/{pk}/",
        "/admin/snippets/choose/marketplace/seller/chosen/{pk}/",
        "/admin/bulk/marketplace/seller/delete/?id={pk}",
        "/admin/localize/api/snippets/marketplace/seller/{pk}/",
        "/admin/localize/api/snippets/marketplace/seller/",
    ],
)
def test_another_villages_seller_is_out_of_reach_in_every_seller_view(client, beras, url):
    response = client.get(url.format(pk=beras.pk))
    assert response.status_code in (302, 404)
    assert b"Beras Sidosari" not in response.content


def test_choosing_or_bulk_deleting_sellers_reaches_the_own_village_only(client, kopi, beras):
    chooser = client.get("/admin/snippets/choose/marketplace/seller/results/").content.decode()
    assert "Kopi Hajimena" in chooser
    assert "Beras Sidosari" not in chooser

    both = f"/admin/bulk/marketplace/seller/delete/?id={kopi.pk}&id={beras.pk}"
    assert b"Beras Sidosari" not in client.get(both).content
    client.post(both)

    assert not Seller.objects.filter(pk=kopi.pk).exists()
    assert Seller.objects.filter(pk=beras.pk).exists()


def test_a_product_s_seller_is_chosen_once_in_the_page_s_language(client, kopi, hajimena):
    Seller.objects.create(village=hajimena, name="Kelompok Tani Melati", description="")
    translate_object(kopi, [english()])
    Seller.objects.filter(translation_key=kopi.translation_key, locale=english()).update(
        name="Hajimena Coffee"
    )
    produk = hajimena.home_page.get_children().get(slug="produk")
    products = produk.get_translation(english())
    add = "/admin/pages/add/marketplace/productpage/{}/"

    indonesian = client.get(add.format(produk.pk)).context["form"].fields["seller"]
    in_english = client.get(add.format(products.pk)).context["form"].fields["seller"]

    assert sorted(map(str, indonesian.queryset)) == ["Kelompok Tani Melati", "Kopi Hajimena"]
    # Melati has no English yet, so it is chosen by its Indonesian name.
    assert sorted(map(str, in_english.queryset)) == ["Hajimena Coffee", "Kelompok Tani Melati"]
