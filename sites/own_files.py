"""Images and documents an admin form may point at: those in the collections of the user's own
villages, and whatever the object already points at.

Wagtail's choosers offer only those, but its forms accept any image or document by id, so
staff of one village could put another's picture on their pages. Every image and document
field of Balai's admin forms (foreign keys, inline forms and StreamField choosers) refuses
another's with a form error, and so does wagtail-localize's translation editor, where staff
may choose another image or document for the translation (`translation_access`).
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import ForeignKey, Q
from django.forms import ModelChoiceField
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.blocks.base import BlockField
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

NOT_YOURS = _("Choose one of your own village’s images or documents.")


def choosable(model, user):
    """The images or documents `user` may choose, or None where `model` is neither."""
    if model not in (get_image_model(), get_document_model()):
        return None
    return policy_registry.get_by_type(model).instances_user_has_permission_for(user, "choose")


def narrow_file_fields(form, user):
    """Limits each image and document field of `form` to what `user` may choose, and what the
    form's object has already."""
    for name, field in form.fields.items():
        if not isinstance(field, ModelChoiceField):
            continue
        model = field.queryset.model
        own = choosable(model, user)
        if own is None:
            continue
        kept = getattr(form.instance, f"{name}_id", None)
        field.queryset = model.objects.filter(Q(pk__in=own.values("pk")) | Q(pk=kept))
        field.error_messages["invalid_choice"] = NOT_YOURS


def _file_references(block, value):
    """(model, id) of each image and document that `value` of `block` points at."""
    files = (get_image_model(), get_document_model())
    for model, pk, _path, _content_path in block.extract_references(value):
        if model in files:
            yield model, pk


class OwnFiles:
    """For a Wagtail admin form: its images and documents are the user's own village's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        narrow_file_fields(self, self.for_user)
        for formset in self.formsets.values():
            for form in [*formset.forms, formset.empty_form]:
                narrow_file_fields(form, self.for_user)

    def clean(self):
        cleaned_data = super().clean()
        if self.for_user is None:
            return cleaned_data
        for name, field in self.fields.items():
            if isinstance(field, BlockField) and cleaned_data.get(name) is not None:
                self._check_block_files(name, field.block, cleaned_data[name])
        return cleaned_data

    def _check_block_files(self, name, block, value):
        kept = getattr(self.instance, name, None)
        wanted = set(_file_references(block, value)) - set(
            _file_references(block, kept) if kept is not None else ()
        )
        for model in {model for model, _pk in wanted}:
            ids = {pk for each, pk in wanted if each is model}
            if choosable(model, self.for_user).filter(pk__in=ids).count() != len(ids):
                self.add_error(name, ValidationError(NOT_YOURS, code="not_yours"))
                return


class OwnFilesModelForm(OwnFiles, WagtailAdminModelForm):
    pass


def segment_file_model(instance, path):
    """The image or document model that the chooser at `path` of `instance` chooses, as
    wagtail-localize names a segment ("listing_image", "body.<block id>.image"); else None."""
    name, *rest = path.split(".")
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if isinstance(field, ForeignKey) and not rest:
        chosen = field.related_model
    elif isinstance(field, StreamField):
        chosen = _block_model(field.stream_block, getattr(instance, name), rest)
    else:
        chosen = None
    return chosen if chosen in (get_image_model(), get_document_model()) else None


def _block_model(block, value, path):
    if not path:
        return getattr(block, "target_model", None)
    step, *rest = path
    if isinstance(block, StreamBlock | ListBlock):
        children = value if isinstance(block, StreamBlock) else value.bound_blocks
        child = next((child for child in children if child.id == step), None)
        return child and _block_model(child.block, child.value, rest)
    if isinstance(block, StructBlock) and step in block.child_blocks:
        return _block_model(block.child_blocks[step], value and value.get(step), rest)
    return None


def may_choose(user, model, value):
    """Whether `user` may choose the image or document of id `value`."""
    return str(value).isdigit() and choosable(model, user).filter(pk=int(value)).exists()
