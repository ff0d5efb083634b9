"""Removing a village and everything Balai made or keeps for it, in one transaction.

Deleting a `Village` row alone left its site and pages serving, and its complaint form answered
a server error. `remove_village` removes the village's site, its pages in every language (with
their revisions and moderation), its collection with its images and documents, its two staff
groups, its settings, sellers and complaints (and their photos, once the removal is committed).
Staff accounts stay: a person may work for another village too. The log of what was done stays.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, WorkflowState, get_default_page_content_type

from .languages import below_in_every_language


def pages_of(village):
    """Every page of the village, in every language."""
    return Page.objects.filter(below_in_every_language([village.home_page.translation_key]))


def what_goes(village):
    """(label, count) of what removing the village removes, for the person about to."""
    return [
        (_("pages, in every language"), pages_of(village).count()),
        (_("images"), get_image_model().objects.filter(collection=village.collection_id).count()),
        (
            _("documents"),
            get_document_model().objects.filter(collection=village.collection_id).count(),
        ),
        (_("sellers"), village.sellers.count()),
        (_("complaints"), village.complaints.count()),
        (_("staff accounts losing their place"), village_staff(village).count()),
    ]


def village_staff(village):
    groups = [village.editors_id, village.moderators_id]
    return get_user_model().objects.filter(groups__in=groups).distinct()


@transaction.atomic
def remove_village(village):
    pages = pages_of(village)
    homes = list(pages.filter(depth=village.home_page.depth).order_by("-path"))
    page_ids = pages.values_list(Cast("pk", output_field=models.CharField()), flat=True)
    # Wagtail keeps these by content type and id: nothing deletes them with the page.
    page_type = get_default_page_content_type()
    WorkflowState.objects.filter(base_content_type=page_type, object_id__in=page_ids).delete()
    Revision.objects.page_revisions().filter(object_id__in=page_ids).delete()
    photos = [c.photo for c in village.complaints.exclude(photo="")]
    site, collection = village.site, village.collection
    groups = [village.editors_id, village.moderators_id]
    village.delete()  # its sellers and complaints with it
    site.delete()  # its settings with it
    for home in homes:
        home.delete()  # with every page below it
    for model in (get_image_model(), get_document_model()):
        for item in model.objects.filter(collection=collection):
            item.delete()  # Wagtail deletes the files once the removal is committed
    collection.delete()
    Group.objects.filter(pk__in=groups).delete()
    transaction.on_commit(lambda: [photo.delete(save=False) for photo in photos])
