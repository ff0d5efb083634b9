"""Product lists a visitor can filter, search, sort and page through, all in the URL."""

from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend

from sites.listings import once_each
from sites.models import Village
from sites.search_backend import words

from .models import ProductCategory, ProductPage, ProductPhoto, Seller

PER_PAGE = 24
SORTS = {
    "terbaru": ("-first_published_at", "-pk"),
    "termurah": ("selling", "pk"),
    "termahal": ("-selling", "-pk"),
}


# What the databases compare a number with: a larger one fails the filter, not the request.
LARGEST_NUMBER = 2**63 - 1


class CatalogueFilters(forms.Form):
    q = forms.CharField(label=_("Search products"), required=False, max_length=100)
    kategori = forms.ChoiceField(label=_("Category"), required=False)
    harga_min = forms.IntegerField(
        label=_("Lowest price"), min_value=0, max_value=LARGEST_NUMBER, required=False
    )
    harga_maks = forms.IntegerField(
        label=_("Highest price"), min_value=0, max_value=LARGEST_NUMBER, required=False
    )
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
    penjual = forms.IntegerField(
        required=False, min_value=1, max_value=LARGEST_NUMBER, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A callable: the categories are read only when the select is shown or a value checked.
        self.fields["kategori"].choices = self.category_choices
        if str(self.data.get("q", "")).strip():
            self.fields["urut"].choices = [("", _("Best match")), *self.fields["urut"].choices]

    @cached_property
    def categories(self):
        """Each category once, named in the language being read, else in Indonesian."""
        language = get_language()
        rows = ProductCategory.objects.filter(
            locale__language_code__in={language, settings.LANGUAGE_CODE}
        ).select_related("locale")
        named = {}
        for category in rows:
            if category.locale.language_code == language or category.translation_key not in named:
                named[category.translation_key] = category
        return sorted(named.values(), key=lambda category: (category.sort_order, category.name))

    def category_choices(self):
        return [("", _("All categories"))] + [(c.slug, c.name) for c in self.categories]

    @property
    def is_filtered(self):
        """Whether the visitor narrowed the list: sorting and paging do not count."""
        return any(str(self.data.get(name, "")).strip() for name in self.fields if name != "urut")

    def apply(self, products):
        """`products` each once (`once_each`), narrowed and ordered as the visitor asked;
        invalid values are ignored. A search is ranked: the best match first, unless the
        visitor chose an order.

        `products` are filtered only on what the search index can filter (live, village, tree).
        """
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("q") and not words(data["q"]):
            products = products.none()  # signs only: no word to look for, nothing found
        elif data.get("q"):
            # The database backends' results as a queryset, to narrow and count further.
            products = get_search_backend().search(data["q"], products).get_queryset()
        products = once_each(products).annotate(selling=Coalesce("discounted_price", "price"))
        if data.get("kategori"):
            # Products in English may be filed under the English row of the same category.
            chosen = next(c for c in self.categories if c.slug == data["kategori"])
            products = products.filter(category__translation_key=chosen.translation_key)
        if data.get("harga_min") is not None:
            products = products.filter(selling__gte=data["harga_min"])
        if data.get("harga_maks") is not None:
            products = products.filter(selling__lte=data["harga_maks"])
        if data.get("ketersediaan"):
            products = products.filter(availability=data["ketersediaan"])
        if data.get("penjual"):
            products = products.filter(seller_id=data["penjual"])
        if data.get("urut") or not data.get("q"):
            products = products.order_by(*SORTS[data.get("urut") or "terbaru"])
        return products


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

    @cached_property
    def all_districts(self):
        """(regency code, district code, name) of every district with a product on sale, for
        the script that offers the chosen regency's districts without reloading the page.
        A province has hundreds of districts; one without products would find nothing."""
        return list(
            villages_with_products()
            .values_list("regency_code", "district_code", "district_name")
            .distinct()
            .order_by("regency_code", "district_name")
        )


def villages_with_products():
    """The villages with a live product: each asked of the products' village index, which
    stays quick however many products a province has."""
    return Village.objects.filter(
        Exists(ProductPage.objects.live().filter(village=OuterRef("pk")))
    ).order_by()


def by_regency(counts, regencies):
    """`counts` of products (rows with `village__regency_code` and `n`) summed by regency, as
    rows with the regency's name, in the order of the names; `regencies` are (code, name)."""
    names, totals = dict(regencies), {}
    for row in counts:
        code = row["village__regency_code"]
        totals[code] = totals.get(code, 0) + row["n"]
    rows = [
        {"village__regency_code": code, "village__regency_name": names.get(code, code), "n": n}
        for code, n in totals.items()
    ]
    return sorted(rows, key=lambda row: row["village__regency_name"])
