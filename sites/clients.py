"""Who is asking (the visitor's address, as Balai's own proxies saw it), and how often."""

from django.conf import settings
from django.core.cache import cache


def client_address(request, credentials=None):
    """The visitor's address; behind BALAI_PROXY_COUNT proxies, the one the first proxy saw.
    (`credentials` as django-axes passes them, unused.)"""
    hops = settings.BALAI_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if hops and len(forwarded) >= hops and forwarded[-hops]:
        return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


class Throttle:
    """At most `limit` of something under `key` in `seconds`, counted in the shared cache."""

    limit, seconds = 3, 600

    def __init__(self, key):
        self.key = key

    def exceeded(self):
        return cache.get(self.key, 0) >= self.limit

    def count(self):
        if cache.add(self.key, 1, self.seconds):
            return
        try:
            cache.incr(self.key)
        except ValueError:  # gone since add() found it
            cache.add(self.key, 1, self.seconds)
