"""Provisioning many villages quickly: lighter page validation and search indexing in bulk.

Inside `provisioning()`, Balai pages are saved without Wagtail's validation queries because
the generator has already checked slugs, parents and types, and they are added to the
search index together when the outermost block ends. Indexing one object at a time makes the
search backend rescan its whole index, so the cost would grow with every village.
"""

import threading
from collections import defaultdict
from contextlib import contextmanager

from wagtail.search.backends import get_search_backends

_state = threading.local()


def active():
    return getattr(_state, "pending", None) is not None


def defer_indexing(instance):
    """Keep `instance` for the bulk index at the end; False when not provisioning."""
    if not active():
        return False
    _state.pending[type(instance)].append(instance.pk)
    return True


@contextmanager
def provisioning():
    if active():
        yield
        return
    _state.pending = defaultdict(list)
    try:
        yield
    finally:
        pending, _state.pending = _state.pending, None
        _index(pending)


def _index(pending):
    backends = list(get_search_backends(with_auto_update=True))
    for model, pks in pending.items():
        # Pages of a village that failed were rolled back: index only what exists.
        objects = list(model.objects.filter(pk__in=pks))
        if objects:
            for backend in backends:
                backend.add_bulk(model, objects)
