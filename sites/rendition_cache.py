"""Wagtail's image renditions, kept in each process (settings.CACHES["renditions"])."""

from django.core.cache.backends.locmem import LocMemCache


class RenditionCache(LocMemCache):
    """Wagtail writes the renditions it has just read from this cache back into it, pickling
    every size of every picture on the page again; one marked as read from a cache is not."""

    def get_many(self, keys, version=None):
        found = super().get_many(keys, version)
        for rendition in found.values():
            rendition._from_cache = True
        return found
