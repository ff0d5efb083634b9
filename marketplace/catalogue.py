"""Product lists a visitor can filter, search, sort and page through, all in the URL."""

from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import ProductCategory, ProductPage, ProductPhoto

PER_PAGE = 24
SORTS = {
    "terbaru": ("-first_published_at", "-pk"),
    "termurah": ("selling", "pk"),
    "termahal": ("-selling", "-pk"),
}


class CatalogueFilters(forms.Form):
    q = forms.CharField(label=_("Search products"), required=False, max_length=100)
    kategori = forms.ModelChoiceField(
        label=_("Category"),
        queryset=ProductCategory.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All categories"),
    )
    harga_min = forms.IntegerField(label=_("Lowest price"), min_value=0, required=False)
    harga_maks = forms.IntegerField(label=_("Highest price"), min_value=0, required=False)
    ketersediaan = forms.ChoiceField(
        label=_("Availability"),
        choices=[("", _("Any"))] + list(ProductPage.Availability.choices),
        required=False,
    )
    urut = forms.ChoiceField(
        label=_("Sort"),
        choices=[
            ("terbaru", _("Newest")),
            ("termurah", _("Price, low to high")),
            ("termahal", _("Price, high to low")),
        ],
        required=False,
    )
    penjual = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        categories = ProductCategory.objects.all()
        if locale is not None:
            categories = categories.filter(locale=locale)
        self.fields["kategori"].queryset = categories

    def apply(self, products):
        """`products` narrowed and ordered as the visitor asked; invalid values are ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        products = products.annotate(selling=Coalesce("discounted_price", "price"))
        if data.get("q"):
            products = products.filter(
                Q(title__icontains=data["q"]) | Q(summary__icontains=data["q"])
            )
        if data.get("kategori"):
            products = products.filter(category=data["kategori"])
        if data.get("harga_min") is not None:
            products = products.filter(selling__gte=data["harga_min"])
        if data.get("harga_maks") is not None:
            products = products.filter(selling__lte=data["harga_maks"])
        if data.get("ketersediaan"):
            products = products.filter(availability=data["ketersediaan"])
        if data.get("penjual"):
            products = products.filter(seller_id=data["penjual"])
        return products.order_by(*SORTS.get(data.get("urut") or "terbaru"))


def one_per_product(products):
    """Each product once: in the language being read where it has been translated, else in
    Indonesian, so an English catalogue also shows what no one has translated yet."""
    language = get_language()
    if language == settings.LANGUAGE_CODE:
        return products.filter(locale__language_code=language)
    translated = ProductPage.objects.live().filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language
    )
    return products.filter(
        Q(locale__language_code=language)
        | Q(locale__language_code=settings.LANGUAGE_CODE) & ~Exists(translated)
    )


def with_cards(products):
    """What a product card shows, fetched in a fixed number of queries for any page size."""
    return products.select_related("seller", "village", "category").prefetch_related(
        Prefetch(
            "photos",
            queryset=ProductPhoto.objects.select_related("image").prefetch_related(
                "image__renditions"
            ),
        )
    )


class PortalCatalogueFilters(CatalogueFilters):
    """The province catalogue also narrows by region and by the kind of seller."""

    kabupaten = forms.ChoiceField(label=_("Regency or city"), required=False)
    kecamatan = forms.ChoiceField(label=_("District"), required=False)
    jenis = forms.ChoiceField(label=_("Kind of seller"), required=False)

    def __init__(self, *args, regencies=(), districts=(), **kwargs):
        super().__init__(*args, **kwargs)
        from .models import Seller

        self.fields["kabupaten"].choices = [("", _("All regencies")), *regencies]
        self.fields["kecamatan"].choices = [("", _("All districts")), *districts]
        self.fields["jenis"].choices = [("", _("All sellers")), *Seller.Kind.choices]
        self.order_fields(["q", "kabupaten", "kecamatan", "kategori", "jenis"])

    def apply(self, products):
        products = super().apply(products)
        data = getattr(self, "cleaned_data", {})
        if data.get("kabupaten"):
            products = products.filter(village__regency_code=data["kabupaten"])
        if data.get("kecamatan"):
            products = products.filter(village__district_code=data["kecamatan"])
        if data.get("jenis"):
            products = products.filter(seller__kind=data["jenis"])
        return products
