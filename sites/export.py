"""A village's archive: everything it owns, in a zip readable without Balai.

    manifest.json   what is described below, versioned (FORMAT, VERSION)
    files/...       the images, documents and complaint photos the manifest names

The manifest holds the village as the register names it and the hostnames it answers on; its
settings; its pages in every language as a tree (each page's parent, type, language and
translation key, its live fields and, for a page with changes not yet published, its latest
draft); its images and documents with their descriptions and files; its sellers; its
complaints with their replies and status; and its staff by username, email and role (no
password hashes). Dates are ISO 8601; ids are the install's own, used only to link the
manifest's parts to each other, except those under "shared": the languages, tags and product
categories the village's rows name, by id, with what finds them on another install (a language
code, a tag's name, a category's slug and language).
"""

import datetime
import json
import tempfile
import zipfile
from pathlib import PurePosixPath

from django.apps import apps
from django.core import serializers
from django.core.files import File
from django.core.files.storage import storages
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from marketplace.models import ProductCategory

from .archive_ids import references
from .models import VillageSettings
from .removal import pages_of

FORMAT = "balai-village-export"
VERSION = 1
VILLAGE_FIELDS = [
    *("code", "name", "slug", "kind", "district_code", "district_name"),
    *("regency_code", "regency_name", "postal_code", "domain"),
]


class ArchiveEncoder(DjangoJSONEncoder):
    """Times to the microsecond, as the database keeps them (Django's encoder keeps
    milliseconds), so that a restored village lists its pages in the same order."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def rows(queryset):
    """Rows as Django serializes them: {"model", "pk", "fields"}."""
    return serializers.serialize("python", queryset)


def describe_page(page):
    page = page.specific
    draft = None
    if page.has_unpublished_changes and page.latest_revision_id:
        draft = page.latest_revision.content
    return {
        "id": page.pk,
        "parent_id": page.get_parent().pk,
        "type": page.specific_class._meta.label_lower,
        "language": page.locale.language_code,
        "translation_key": str(page.translation_key),
        "alias_of_id": page.alias_of_id,
        "live": page.live,
        "content": page.serializable_data(),
        "draft": draft,
    }


def shared(pages):
    """What other villages share with this one, as the archive's rows name it."""

    def named(target):
        ids = set()
        for page in pages:
            model = apps.get_model(page["type"])
            for content in filter(None, (page["content"], page["draft"])):
                ids |= references(model, content, target)
        return target.objects.filter(pk__in=ids)

    return {
        "locales": {locale.pk: locale.language_code for locale in Locale.objects.all()},
        "tags": {tag.pk: tag.name for tag in named(Tag)},
        "categories": {
            category.pk: [category.slug, category.locale.language_code]
            for category in named(ProductCategory).select_related("locale")
        },
    }


def describe_file(item, folder):
    name = f"files/{folder}/{item.pk}-{PurePosixPath(item.file.name).name}"
    described = rows([item])[0]
    described["archived_file"] = name
    described["tags"] = list(item.tags.names()) if hasattr(item, "tags") else []
    return described, name


def export_village(village, path):
    """Writes the village's archive to `path`."""
    files = []
    images, documents = [], []
    for model, folder, found in (
        (get_image_model(), "images", images),
        (get_document_model(), "documents", documents),
    ):
        for item in model.objects.filter(collection=village.collection_id).order_by("pk"):
            described, name = describe_file(item, folder)
            found.append(described)
            files.append((name, item.file))
    complaints = rows(village.complaints.order_by("pk"))
    for complaint, row in zip(village.complaints.order_by("pk"), complaints, strict=True):
        if complaint.photo:
            row["archived_file"] = f"files/complaints/{PurePosixPath(complaint.photo.name).name}"
            files.append((row["archived_file"], complaint.photo))
    pages = [describe_page(page) for page in pages_of(village).order_by("path")]
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now(),
        "village": {name: getattr(village, name) for name in VILLAGE_FIELDS},
        "hostnames": [village.site.hostname],
        "settings": rows(VillageSettings.objects.filter(site=village.site_id)),
        "pages": pages,
        "shared": shared(pages),
        "images": images,
        "documents": documents,
        "sellers": rows(village.sellers.order_by("pk")),
        "complaints": complaints,
        "staff": staff_of(village),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "manifest.json",
            json.dumps(manifest, cls=ArchiveEncoder, ensure_ascii=False, indent=1),
        )
        for name, file in files:
            with file.open("rb") as content:
                archive.writestr(name, content.read())
    return manifest


def save_archive(village, folder):
    """Writes the village's archive to the private storage under `folder`; its name there."""
    with tempfile.NamedTemporaryFile(suffix=".zip") as archive:
        export_village(village, archive.name)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        return storages["private"].save(f"{folder}/{village.slug}-{stamp}.zip", File(archive))


def archive_before_removal(village):
    return save_archive(village, "archives")


def staff_of(village):
    staff = []
    for role, group in (("editor", village.editors), ("moderator", village.moderators)):
        for user in group.user_set.order_by("username"):
            staff.append(
                {
                    "username": user.username,
                    "email": user.email,
                    "first_name": user.first_name,
                    "last_name": user.last_name,
                    "role": role,
                }
            )
    return staff
