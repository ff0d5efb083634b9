"""The portal catalogue's counts by category and regency, kept until a product changes.

A search that finds one product in eight ("kopi") reads every match to count them: over a
province's 90,000 products that was most of the answer's time, and it grows with every product
the province adds. The counts are kept in the shared cache under a generation that whatever a
count could show retires at once: a product published, withdrawn or deleted, its entry in the
search index written (by the worker, after the commit), a category or a seller saved.
They are exact, never a minute old; the page of products beside them is read afresh.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Count
from django.utils.translation import get_language

from sites.generations import Generation

CATALOGUE = Generation("balai:catalogue:generation")
TIMEOUT = 3600
# Named anew whenever the counts kept change shape, as processes of two releases share them.
COUNTS_KEY = "balai:catalogue:counts:v1"


def counts_by_category_and_regency(filters, products):
    """Rows of `products` (narrowed by `filters`) counted by category and regency:
    `category__slug`, `category__name`, `village__regency_code` and `n`."""
    key = f"{COUNTS_KEY}:{CATALOGUE.current()}:{get_language()}:{what_is_counted(filters)}"
    counts = cache.get(key)
    if counts is None:
        counts = list(
            products.order_by()
            .values("category__slug", "category__name", "village__regency_code")
            .annotate(n=Count("pk"))
        )
        cache.set(key, counts, TIMEOUT)
    return counts


def what_is_counted(filters):
    """The filters' valid values, but the order: the same products in any order count alike."""
    chosen = sorted(
        (name, value)
        for name, value in filters.cleaned_data.items()
        if name != "urut" and value not in (None, "")
    )
    return hashlib.sha256(repr(chosen).encode()).hexdigest()
