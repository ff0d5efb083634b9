from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Site, TaskState
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    task_submitted,
)

from marketplace.models import ProductCategory, Seller
from village_pages.models import AnnouncementPage, VillageHomePage

from . import freshness
from .freshness import HOME_DEPTH, at_once_and_on_commit
from .images import shrink_large_photo
from .models import DistrictPage, PortalHomePage, RegencyPage, Village, VillageSettings
from .moderation_mail import VillageModeratorsNotifier
from .routing import forget_hosts, forget_village
from .tasks import make_standard_renditions


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Village)
@receiver(post_delete, sender=Village)
@receiver(post_save, sender=PortalHomePage)
@receiver(post_delete, sender=PortalHomePage)
@receiver(post_save, sender=RegencyPage)
@receiver(post_save, sender=DistrictPage)
@receiver(post_save, sender=VillageHomePage)
@receiver(post_delete, sender=VillageHomePage)
@receiver(page_slug_changed)
@receiver(post_page_move)
@receiver(post_save, sender=Seller)
@receiver(post_delete, sender=Seller)
@receiver(post_save, sender=ProductCategory)
@receiver(post_delete, sender=ProductCategory)
def forget_cached_hosts(**kwargs):
    """Any change to which site lives where retires every cached host and root path; with
    them every kept page, which also goes for what every page of a village may show (its
    sellers, the product categories, the regency and district in its breadcrumbs)."""
    at_once_and_on_commit(forget_hosts)


@receiver(post_save, sender=VillageSettings)
def forget_pages_of_changed_settings(instance, created, **kwargs):
    # Wagtail creates a site's settings the first time a page reads them: nothing shown changes.
    village = Village.objects.filter(site_id=instance.site_id).first()
    if village and not created:
        at_once_and_on_commit(partial(forget_village, village))


@receiver(page_published)
@receiver(page_unpublished)
def forget_village_of_page_shown_everywhere(instance, **kwargs):
    """A village's sections (its menu) and current notices (its banner) are on every one of
    its pages."""
    if instance.depth == HOME_DEPTH + 1 or isinstance(instance, AnnouncementPage):
        village = Village.objects.for_page(instance)
        if village:
            at_once_and_on_commit(partial(forget_village, village))


@receiver(pre_save, sender=get_image_model())
def shrink_uploaded_photo(instance, **kwargs):
    shrink_large_photo(instance)


@receiver(post_save, sender=get_image_model())
def make_renditions_of_a_new_image(instance, created, **kwargs):
    if created:
        transaction.on_commit(partial(make_standard_renditions.enqueue, instance.pk))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def purge_shared_caches(instance, parent_page_before=None, **kwargs):
    """The CDN or reverse proxy drops every address that shows the page (and, for a page
    moved, every address that listed it where it was)."""
    freshness.purge(instance)
    if parent_page_before is not None:
        freshness.purge(parent_page_before)


# Kept here: a signal holds its receivers weakly.
village_moderators_notifier = VillageModeratorsNotifier()
task_submitted.connect(
    village_moderators_notifier, sender=TaskState, dispatch_uid="balai_village_moderators_mail"
)
