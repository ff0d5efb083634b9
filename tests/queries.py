from contextlib import contextmanager
from functools import wraps

from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def queries_for(host, path):
    """SQL queries of the second visit to `path` (the first makes renditions, fills caches)."""
    client = Client(HTTP_HOST=host)
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


CACHE_CALLS = ("get", "get_many", "set", "set_many", "add", "incr", "delete", "has_key")


@contextmanager
def cache_round_trips():
    """The calls Balai makes to the cache backend meanwhile, each a round trip to Redis."""
    counted, depth = [], [0]
    backend = type(caches["default"])
    originals = {name: getattr(backend, name) for name in CACHE_CALLS}

    def counting(name, original):
        @wraps(original)
        def call(*args, **kwargs):
            # The local cache's get_many calls get: one round trip, counted once.
            if not depth[0]:
                counted.append(name)
            depth[0] += 1
            try:
                return original(*args, **kwargs)
            finally:
                depth[0] -= 1

        return call

    for name, original in originals.items():
        setattr(backend, name, counting(name, original))
    try:
        yield counted
    finally:
        for name, original in originals.items():
            setattr(backend, name, original)
