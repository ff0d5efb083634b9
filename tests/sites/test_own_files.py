"""Staff put only their own village's images and documents on its pages, settings and
sellers: another village's, asked for by id, is refused with a form error and nothing saved."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from marketplace.models import ProductPage, Seller
from sites.models import VillageSettings
from sites.own_files import NOT_YOURS
from sites.staff import add_staff
from tests.admin import login
from tests.marketplace.products import photo, seller_of
from village_pages.models import NewsPage

pytestmark = pytest.mark.django_db

with translation.override("id"):  # the admin speaks Indonesian until a user picks English
    REFUSED = str(NOT_YOURS)


def document(village, title):
    return Document.objects.create(
        title=title, collection=village.collection, file=ContentFile(b"%PDF-1.4", name="apbdes.pdf")
    )


@pytest.fixture
def moderator(hajimena):
    return login(add_staff(hajimena, "moderator-hajimena", "moderator")[0])


def refused(response):
    return response.status_code == 200 and REFUSED in response.content.decode()


@pytest.mark.parametrize("whose", ["own", "other"])
def test_the_village_logo_is_one_of_its_own_images(moderator, hajimena, sidosari, whose):
    logo = photo(hajimena if whose == "own" else sidosari, "Logo")
    url = f"/admin/settings/sites/villagesettings/{hajimena.site_id}/"
    response = moderator.post(
        url, {"display_name": "Hajimena", "local_word": "Desa", "colour": "hijau", "logo": logo.pk}
    )
    saved = VillageSettings.objects.get(site=hajimena.site).logo_id
    if whose == "own":
        assert response.status_code == 302 and saved == logo.pk
    else:
        assert refused(response) and saved is None


def test_a_seller_photo_is_one_of_the_villages_own(moderator, sidosari):
    form = {"name": "BUMDes Curang", "kind": "bumdes", "photo": photo(sidosari, "Toko").pk}
    assert refused(moderator.post("/admin/sellers/new/", form))
    assert not Seller.objects.filter(name="BUMDes Curang").exists()


def news_form(listing_image="", body=()):
    return nested_form_data(
        {
            "title": "Panen raya",
            "slug": "panen-raya",
            "date": "2026-12-01",
            "listing_image": listing_image,
            "summary": "",
            "body": streamfield(list(body)),
            "category": "",
            "tags": "",
        }
    )


def news_url(village):
    index = village.home_page.get_children().get(slug="berita")
    return f"/admin/pages/add/village_pages/newspage/{index.pk}/"


def test_a_listing_image_is_one_of_the_villages_own(moderator, hajimena, sidosari):
    response = moderator.post(news_url(hajimena), news_form(photo(sidosari, "Sawah").pk))
    assert refused(response) and not NewsPage.objects.filter(title="Panen raya").exists()
    response = moderator.post(news_url(hajimena), news_form(photo(hajimena, "Sawah").pk))
    assert response.status_code == 302 and NewsPage.objects.get(title="Panen raya").listing_image


@pytest.mark.parametrize("kind", ["image", "document"])
def test_an_article_shows_the_villages_own_images_and_documents(
    moderator, hajimena, sidosari, kind
):
    def block(village):
        if kind == "image":
            return ("image", {"image": photo(village, "Sawah").pk, "caption": ""})
        return ("document", {"document": document(village, "APBDes").pk, "label": ""})

    response = moderator.post(news_url(hajimena), news_form(body=[block(sidosari)]))
    assert refused(response) and not NewsPage.objects.filter(title="Panen raya").exists()
    response = moderator.post(news_url(hajimena), news_form(body=[block(hajimena)]))
    assert response.status_code == 302, response.context["form"].errors


def test_a_product_photo_is_one_of_the_villages_own(moderator, hajimena, sidosari):
    index = hajimena.home_page.get_children().get(slug="produk")
    form = nested_form_data(
        {
            "title": "Kopi curian",
            "slug": "kopi-curian",
            "photos": inline_formset([{"image": photo(sidosari, "Kopi").pk}]),
            "description": rich_text("<p>Kopi.</p>"),
            "price": "65000",
            "unit": "kg",
            "minimum_order": "1",
            "availability": "tersedia",
            "seller": seller_of(hajimena).pk,
            "category": "",
        }
    )
    response = moderator.post(f"/admin/pages/add/marketplace/productpage/{index.pk}/", form)
    assert refused(response) and not ProductPage.objects.filter(title="Kopi curian").exists()


def test_an_image_a_page_already_shows_stays_when_staff_save_it(moderator, hajimena, sidosari):
    shared = photo(sidosari, "Peta kabupaten")  # put there by the province's operator
    index = hajimena.home_page.get_children().get(slug="berita")
    page = index.add_child(instance=NewsPage(title="Peta baru", listing_image=shared))
    form = {**news_form(shared.pk), "title": "Peta baru", "slug": page.slug}
    response = moderator.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302, response.context["form"].errors
