"""Reading a village archive before anything is made from it: a complete zip, a manifest of a
format and version this install reads, every part and file it names present."""

import json
import zipfile

from django.apps import apps
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from .export import FORMAT, VERSION, VILLAGE_FIELDS

PARTS = ("village", "settings", "pages", "images", "documents", "sellers", "complaints", "staff")
PAGE_KEYS = ("id", "parent_id", "type", "language", "translation_key", "content")


class RestoreError(Exception):
    """The archive cannot be restored here; the message says why, for the operator."""


def read_archive(path):
    """The manifest of a complete, readable archive; raises RestoreError."""
    try:
        with zipfile.ZipFile(path) as archive:
            damaged = archive.testzip()
            if damaged:
                raise RestoreError(
                    _("The archive is damaged: %(name)s is corrupt.") % {"name": damaged}
                )
            manifest = json.loads(archive.read("manifest.json"))
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile, EOFError) as error:
        raise RestoreError(
            _("%(path)s is not a complete village archive: %(error)s")
            % {"path": path, "error": error}
        ) from error
    except KeyError:
        raise RestoreError(
            _("%(path)s has no manifest.json: it is not a village archive.") % {"path": path}
        ) from None
    except ValueError as error:
        raise RestoreError(
            _("The archive's manifest.json cannot be read: %(error)s") % {"error": error}
        ) from None
    try:
        check_manifest(manifest, names)
    except (AttributeError, KeyError, TypeError) as error:
        raise RestoreError(
            _("The archive's manifest is malformed: %(error)r") % {"error": error}
        ) from None
    return manifest


def check_manifest(manifest, names):
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RestoreError(_("This is not a Balai village archive."))
    if manifest.get("version") != VERSION:
        raise RestoreError(
            _("The archive is of version %(found)s; this install reads version %(version)s.")
            % {"found": manifest.get("version"), "version": VERSION}
        )
    missing = [part for part in PARTS if not isinstance(manifest.get(part), list | dict)]
    if missing or any(name not in manifest["village"] for name in VILLAGE_FIELDS):
        raise RestoreError(
            _("The archive's manifest lacks %(parts)s.")
            % {"parts": ", ".join(missing) or "village"}
        )
    pages = manifest["pages"]
    if not pages or any(
        not isinstance(page, dict) or any(key not in page for key in PAGE_KEYS) for page in pages
    ):
        raise RestoreError(_("The archive's pages are incomplete."))
    for page in pages:
        try:
            model = apps.get_model(page["type"])
        except (LookupError, ValueError):
            model = None
        if model is None or not issubclass(model, Page):
            raise RestoreError(
                _("The archive holds a page of unknown type %(type)s.") % {"type": page["type"]}
            )
    languages = {page["language"] for page in pages}
    known = set(Locale.objects.values_list("language_code", flat=True))
    if languages - known:
        raise RestoreError(
            _("The archive has pages in %(languages)s, which this install does not publish.")
            % {"languages": ", ".join(sorted(languages - known))}
        )
    absent = [
        row["archived_file"]
        for part in ("images", "documents", "complaints")
        for row in manifest[part]
        if row.get("archived_file") and row["archived_file"] not in names
    ]
    if absent:
        raise RestoreError(_("The archive lacks the file %(name)s.") % {"name": absent[0]})
