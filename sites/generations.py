"""Numbers in the shared cache that retire, at once, everything kept under them."""

import time

from django.core.cache import cache


class Generation:
    """What is kept under a key naming `current()` is retired by `retire()`: never read again,
    it leaves the cache when its time is up. Kept in the shared cache, so every process
    retires it together, as it shares what the number guards."""

    def __init__(self, key):
        self.key = key

    def current(self):
        generation = cache.get(self.key)
        if generation is None:
            # A new start never meets an answer cached before the key was lost (evicted, say).
            cache.add(self.key, time.time_ns(), None)
            generation = cache.get(self.key)
        return generation

    def retire(self):
        """Starts the next generation, and returns it."""
        try:
            return cache.incr(self.key)
        except ValueError:
            return self.current()
