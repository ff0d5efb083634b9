"""Provisioning villages quickly, at the same cost for the 10th village and the 2,000th.

Inside `provisioning()`, Balai pages are saved without Wagtail's validation queries (the
generator has already checked slugs, parents and types) and without a log entry, and they are
left out of the search index: the generator's pages hold only a title, and the database search
backend rescans its whole index after every update, which would make each village cost more
than the last. A page enters the index when staff first edit it, or with `update_index`.
"""

import threading
from contextlib import contextmanager

_state = threading.local()


def active():
    return getattr(_state, "active", False)


@contextmanager
def provisioning():
    if active():
        yield
        return
    _state.active = True
    try:
        yield
    finally:
        _state.active = False
