"""What the portal catalogue's searches found, kept until a product changes.

A search that finds one product in eight ("kopi") reads every match to count them by category
and regency, and again to rank them: over a province's 90,000 products that was most of the
answer's time, and it grows with every product the province adds. The counts, and the ids of
each page of matches in order, are kept in the shared cache under a generation that whatever
they could show retires at once: a product published, withdrawn or deleted, its entry in the
search index written (by the worker, after the commit), a category or a seller saved. They
are exact, never a minute old; the products on the page are read afresh by their ids.
"""

import hashlib
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.utils.translation import get_language

from sites.generations import Generation

from .catalogue import with_cards
from .models import ProductPage

CATALOGUE = Generation("balai:catalogue:generation")
# Named anew whenever what is kept changes shape, as processes of two releases share it.
KEY = "balai:catalogue:v1"


def counts_by_category_and_regency(filters, products):
    """Rows of `products` (narrowed by `filters`) counted by category and regency:
    `category__slug`, `category__name`, `village__regency_code` and `n`."""
    return kept(
        filters,
        "counts",
        lambda: list(
            products.order_by()
            .values("category__slug", "category__name", "village__regency_code")
            .annotate(n=Count("pk"))
        ),
    )


class KeptMatches(Sequence):
    """`products` (narrowed and ordered by `filters`, `count` of them) for a paginator: each
    page's ids kept, its products read by id with what their cards show."""

    def __init__(self, filters, products, count):
        self.filters, self.products, self.count = filters, products, count

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = kept(
            self.filters,
            f"ids:{index.start}:{index.stop}",
            lambda: list(self.products.values_list("pk", flat=True)[index]),
        )
        found = with_cards(ProductPage.objects.filter(pk__in=ids)).in_bulk()
        return [found[pk] for pk in ids if pk in found]


def kept(filters, what, read):
    """`read()`, kept for `BALAI_SEARCH_CACHE_SECONDS` under the search `filters` ask for
    (in any order, for counts) and `what` of it is read."""
    seconds = settings.BALAI_SEARCH_CACHE_SECONDS
    if not seconds:
        return read()
    chosen = sorted(
        (name, value)
        for name, value in filters.cleaned_data.items()
        if (name != "urut" or what != "counts") and value not in (None, "")
    )
    digest = hashlib.sha256(repr(chosen).encode()).hexdigest()
    key = f"{KEY}:{CATALOGUE.current()}:{get_language()}:{digest}:{what}"
    found = cache.get(key)
    if found is None:
        found = read()
        cache.set(key, found, seconds)
    return found
