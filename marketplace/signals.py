from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from sites.freshness import at_once_and_on_commit
from sites.search_backend import index_changed

from .kept_searches import CATALOGUE
from .models import ProductCategory, ProductPage, Seller


@receiver(page_published, sender=ProductPage)
@receiver(page_unpublished, sender=ProductPage)
@receiver(post_delete, sender=ProductPage)
@receiver(post_save, sender=ProductCategory)
@receiver(post_delete, sender=ProductCategory)
@receiver(post_save, sender=Seller)
@receiver(post_delete, sender=Seller)
def retire_kept_searches(**kwargs):
    at_once_and_on_commit(CATALOGUE.retire)


@receiver(index_changed)
def retire_kept_searches_with_the_index(sender, **kwargs):
    # Pages may be indexed as Page or as their own type.
    if issubclass(sender, ProductPage) or issubclass(ProductPage, sender):
        at_once_and_on_commit(CATALOGUE.retire)
