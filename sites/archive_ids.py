"""A village archive names things by the ids of the install that wrote it; `Ids` turns them
into this install's, wherever a row or a page holds one: its foreign keys, its inline rows, the
links and images in its rich text and the chooser blocks of its StreamFields."""

import copy
import json
import re

from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text.rewriters import extract_attrs

RICH_TEXT_REFERENCE = re.compile(r"<(a|embed)(\b[^>]*?)\s*(/?)>")


class MissingReference(Exception):
    """A row needs an object the archive does not hold."""


class Ids:
    """Old id to new id, per model. A model marked `dropped` loses its references (the accounts
    and revisions of the install that wrote the archive mean nothing here); a model marked
    `kept` keeps them as they are."""

    def __init__(self, dropped=(), kept=()):
        self.maps = {}
        self.only = {}
        self.dropped = set(dropped)
        self.kept = set(kept)

    def set(self, model, old, new):
        self.maps.setdefault(model, {})[int(old)] = new

    def set_only(self, model, new):
        """Whatever `model` id the archive names, it means `new`: the archive's one village."""
        self.only[model] = new

    def get(self, model, old):
        if old in (None, ""):
            return None
        if model in self.only:
            return self.only[model]
        return self.maps.get(model, {}).get(int(old))

    def row(self, model, data):
        """A copy of `data` (a row or a page's content) with this install's ids."""
        data = copy.deepcopy(data)
        for field in model._meta.fields:
            if field.name not in data or field.primary_key:
                continue
            value = data[field.name]
            if field.remote_field and not field.remote_field.parent_link:
                data[field.name] = self._foreign_key(model, field, value)
            elif isinstance(field, RichTextField) and value:
                data[field.name] = self.rich_text(value)
            elif isinstance(field, StreamField) and value:
                raw = json.loads(value) if isinstance(value, str) else value
                data[field.name] = json.dumps(self.stream(field.stream_block, raw))
        for relation in get_all_child_relations(model):
            name = relation.get_accessor_name()
            data[name] = [
                self.row(relation.related_model, {**child, "pk": None, relation.field.name: None})
                for child in data.get(name, [])
            ]
        return data

    def _foreign_key(self, model, field, value):
        related = field.related_model
        if related in self.kept or value is None:
            return value
        new = None if related in self.dropped else self.get(related, value)
        if new is None and not field.null:
            raise MissingReference(
                f"{model._meta.label} {field.name} {value} is not in the archive"
            )
        return new

    def stream(self, block, value):
        """Raw StreamField data with this install's ids in its chooser and rich text blocks."""
        if isinstance(block, blocks.PageChooserBlock):
            return self.get(Page, value)
        if isinstance(block, blocks.ChooserBlock):
            return self.get(block.model_class, value)
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(value)
        if isinstance(block, blocks.StructBlock):
            return {
                name: self.stream(block.child_blocks[name], item)
                if name in block.child_blocks
                else item
                for name, item in value.items()
            }
        if isinstance(block, blocks.ListBlock):
            return [
                {**item, "value": self.stream(block.child_block, item["value"])}
                if isinstance(item, dict) and "value" in item
                else self.stream(block.child_block, item)
                for item in value
            ]
        if isinstance(block, blocks.StreamBlock):
            return [
                {**item, "value": self.stream(block.child_blocks[item["type"]], item["value"])}
                for item in value
            ]
        return value

    def rich_text(self, html):
        models = {"page": Page, "image": get_image_model(), "document": get_document_model()}

        def replace(match):
            attrs = extract_attrs(match[2])
            model = models.get(attrs.get("linktype") or attrs.get("embedtype"))
            if model is None or "id" not in attrs:
                return match[0]
            new = self.get(model, attrs["id"])
            if new is None:  # what it named is not in the archive: keep the words only
                return "<a>" if match[1] == "a" else ""
            return match[0].replace(f'id="{attrs["id"]}"', f'id="{new}"')

        return RICH_TEXT_REFERENCE.sub(replace, html)


def references(model, data, target):
    """The ids `data` (a row or a page's content) holds of `target`'s rows, inline rows too."""
    found = {
        data[field.name]
        for field in model._meta.fields
        if field.related_model is target and data.get(field.name) is not None
    }
    for relation in get_all_child_relations(model):
        for child in data.get(relation.get_accessor_name(), []):
            found |= references(relation.related_model, child, target)
    return found
