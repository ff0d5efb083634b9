"""Village staff create products through Wagtail's page editor."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from marketplace.models import ProductPage
from sites.staff import add_staff
from tests.admin import login
from tests.marketplace.products import photo, seller_of

pytestmark = pytest.mark.django_db


def product_form(village, title="Kopi Bubuk Hajimena", **fields):
    return nested_form_data(
        {
            "title": title,
            "slug": "kopi-bubuk-hajimena",
            "photos": inline_formset([{"image": photo(village, title).pk}]),
            "description": rich_text("<p>Kopi robusta dari kebun warga.</p>"),
            "price": "65000",
            "unit": "kg",
            "minimum_order": "1",
            "availability": "tersedia",
            "seller": seller_of(village).pk,
            "category": "",
            **fields,
        }
    )


def add_url(village):
    index = village.home_page.get_children().get(slug="produk")
    return f"/admin/pages/add/marketplace/productpage/{index.pk}/"


@pytest.mark.parametrize("action", [{}, {"action-submit": "1"}])
def test_an_editor_creates_a_product_with_a_photo(hajimena, sidosari, action):
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    response = login(editor).post(add_url(hajimena), {**product_form(hajimena), **action})
    assert response.status_code == 302, response.context["form"].errors
    product = ProductPage.objects.get(title="Kopi Bubuk Hajimena")
    assert product.village == hajimena
    assert product.get_latest_revision().as_object().photos.count() == 1
    assert not Page.objects.filter(title="Kopi Bubuk Hajimena").exclude(pk=product.pk).exists()


def without_photos(form):
    form = {key: value for key, value in form.items() if not key.startswith("photos-")}
    return {**form, **nested_form_data({"photos": inline_formset([])})}


def test_a_product_is_submitted_only_with_a_photo(hajimena, sidosari):
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    form = {**without_photos(product_form(hajimena)), "action-submit": "1"}
    response = login(editor).post(add_url(hajimena), form)
    assert response.status_code == 200
    assert not ProductPage.objects.filter(title="Kopi Bubuk Hajimena").exists()
    assert "Tambahkan paling sedikit satu foto" in response.content.decode()


def test_a_product_has_at_most_six_photos(hajimena, sidosari):
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    form = product_form(hajimena)
    seven = [{"image": photo(hajimena, f"Foto {n}").pk} for n in range(7)]
    form.update(nested_form_data({"photos": inline_formset(seven)}))
    response = login(editor).post(add_url(hajimena), {**form, "action-submit": "1"})
    assert response.status_code == 200
    assert not ProductPage.objects.filter(title="Kopi Bubuk Hajimena").exists()
    assert "paling banyak enam foto" in response.content.decode()
