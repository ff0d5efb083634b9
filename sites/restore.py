"""A village back from its archive (see sites/export.py), on the install that wrote it or on
another one where the village does not exist yet: the same hostnames, URLs and content, its
drafts, files, sellers and complaints, and its staff, who set a new password before they sign in.

The whole archive is read and checked before anything is made, and the village is made in one
transaction: a bad or truncated archive, or one that does not fit this install, leaves nothing
behind, neither rows nor files.
"""

import zipfile
from pathlib import PurePosixPath

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Revision, Site

from marketplace.models import ProductCategory, Seller
from village_pages.models import Complaint

from .archive_ids import Ids, MissingReference
from .archive_reading import RestoreError, read_archive
from .export import VILLAGE_FIELDS
from .generator import ProvisioningError, provision_village
from .models import Village, VillageSettings
from .restore_pages import PageTree

__all__ = ["RestoreError", "restore_village"]


def restore_village(path):
    """The village the archive at `path` holds, made on this install; raises RestoreError."""
    manifest = read_archive(path)
    stored = []
    try:
        with zipfile.ZipFile(path) as archive, transaction.atomic():
            return Restoration(manifest, archive, stored).run()
    except (ProvisioningError, MissingReference) as error:
        raise RestoreError(str(error)) from error
    except (
        AttributeError,
        KeyError,
        TypeError,
        ValueError,
        ValidationError,
        ObjectDoesNotExist,
        DatabaseError,
    ) as error:
        raise RestoreError(
            _("The archive does not fit this install, nothing was kept: %(error)r")
            % {"error": error}
        ) from error
    finally:
        if not Village.objects.filter(code=manifest["village"]["code"]).exists():
            for storage, name in stored:
                storage.delete(name)


def highest_id_given(model):
    """The highest id the database has numbered a `model` row with, deleted rows too: an id
    above it would be given again to a new row."""
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
            cursor.execute(f"SELECT last_value FROM {cursor.fetchone()[0]}")  # noqa: S608
        elif connection.vendor == "sqlite":  # Django numbers rows with AUTOINCREMENT there
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        else:
            return model.objects.aggregate(highest=Max("pk"))["highest"] or 0
        found = cursor.fetchone()
    return found[0] if found else 0


class Restoration:
    def __init__(self, manifest, archive, stored):
        self.manifest = manifest
        self.archive = archive
        self.stored = stored  # (storage, name) of every file saved, to delete if nothing is kept
        self.ids = Ids(dropped=[get_user_model(), Revision], kept=[ContentType])
        self.highest = {}

    def run(self):
        described = self.manifest["village"]
        village = provision_village(
            described["code"], slug=described["slug"], domain=described["domain"]
        )
        Village.objects.filter(pk=village.pk).update(
            **{name: described[name] for name in VILLAGE_FIELDS if name not in ("slug", "domain")}
        )
        village.refresh_from_db()
        self.village = village
        for model in (Page, get_image_model(), get_document_model(), Seller, Complaint):
            self.highest[model] = highest_id_given(model)
        self.map_shared()
        self.ids.set_only(Village, village.pk)
        self.ids.set_only(Site, village.site_id)
        self.ids.set_only(Collection, village.collection_id)
        self.restore_files(get_image_model(), self.manifest["images"])
        self.restore_files(get_document_model(), self.manifest["documents"])
        self.restore_sellers()
        PageTree(self.manifest["pages"], self.ids, village, self.same_id_if_free).restore()
        self.restore_settings()
        self.restore_complaints()
        self.restore_staff()
        return village

    def map_shared(self):
        shared = self.manifest.get("shared", {})
        locales = {locale.language_code: locale.pk for locale in Locale.objects.all()}
        for old, language in shared.get("locales", {}).items():
            if language in locales:
                self.ids.set(Locale, old, locales[language])
        for old, name in shared.get("tags", {}).items():
            self.ids.set(Tag, old, Tag.objects.get_or_create(name=name)[0].pk)
        for old, (slug, language) in shared.get("categories", {}).items():
            category = ProductCategory.objects.filter(
                slug=slug, locale__language_code=language
            ).first()
            if category:
                self.ids.set(ProductCategory, old, category.pk)

    def same_id_if_free(self, model, old):
        """The archive's id for a restored row where this install has it free (as it has where
        the village was removed), so that addresses holding ids, such as a document's or a
        seller's products, stay the same. None where it is taken or not yet given out: the
        database then numbers the row."""
        if old <= self.highest[model] and not model.objects.filter(pk=old).exists():
            return old
        return None

    def deserialized(self, model, row, leave_out=()):
        """A new, unsaved object of `model` from an archived row, with this install's ids."""
        fields = {name: value for name, value in row["fields"].items() if name not in leave_out}
        (found,) = serializers.deserialize(
            "python",
            [
                {
                    "model": model._meta.label_lower,
                    "pk": self.same_id_if_free(model, row["pk"]) if model in self.highest else None,
                    "fields": self.ids.row(model, fields),
                }
            ],
        )
        return found.object

    def store(self, field_file, archived_name):
        """Saves an archived file under its name before the archive's id prefix."""
        name = PurePosixPath(archived_name).name.split("-", 1)[-1]
        field_file.save(name, ContentFile(self.archive.read(archived_name)), save=False)
        self.stored.append((field_file.storage, field_file.name))

    def restore_files(self, model, rows):
        for row in rows:
            item = self.deserialized(model, row, leave_out=["file"])
            self.store(item.file, row["archived_file"])
            for name in ("width", "height"):  # read again from the file, and lost on the way
                if name in row["fields"]:
                    setattr(item, name, row["fields"][name])
            item.save()
            model.objects.filter(pk=item.pk).update(created_at=row["fields"]["created_at"])
            if row.get("tags"):
                item.tags.set(row["tags"])
            self.ids.set(model, row["pk"], item.pk)

    def restore_sellers(self):
        for row in self.manifest["sellers"]:
            seller = self.deserialized(Seller, row)
            seller.save()
            self.ids.set(Seller, row["pk"], seller.pk)

    def restore_settings(self):
        for row in self.manifest["settings"]:
            settings = self.deserialized(VillageSettings, row)
            settings.pk = VillageSettings.objects.get(site=self.village.site_id).pk
            settings.save()

    def restore_complaints(self):
        for row in self.manifest["complaints"]:
            complaint = self.deserialized(Complaint, row, leave_out=["photo"])
            complaint._state.adding = True
            if row.get("archived_file"):
                self.store(complaint.photo, row["archived_file"])
            complaint.save()
            Complaint.objects.filter(pk=complaint.pk).update(created_at=row["fields"]["created_at"])

    def restore_staff(self):
        User = get_user_model()
        for person in self.manifest["staff"]:
            user = User.objects.filter(username=person["username"]).first()
            if user is None:  # a new account here: its owner sets a password through its email
                user = User(username=person["username"], email=person.get("email", ""))
                user.first_name = person.get("first_name", "")
                user.last_name = person.get("last_name", "")
                user.set_unusable_password()
                user.full_clean()
                user.save()
            group = (
                self.village.moderators if person["role"] == "moderator" else self.village.editors
            )
            user.groups.add(group)
