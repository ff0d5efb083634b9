from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .own_files import OwnFiles


def free_slug(parent_page, slug, page=None):
    """`slug`, or the first of slug-2, slug-3, ... that no other page below `parent_page` has."""
    siblings = parent_page.get_children().filter(slug__startswith=slug)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True))
    number = 1
    candidate = slug
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


class BasePageForm(OwnFiles, WagtailAdminPageForm):
    """A new page whose address is already taken beside it gets the next free one
    ("rapat-desa-2"): staff who reuse a title are not stopped by an address they never typed.
    A page whose address staff change to a taken one is told which address is free. A page
    sent before the editor's script filled the address in (a slow phone) gets it from its
    title. Its images and documents are the user's own village's (`own_files`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(
            self.cleaned_data.get("title", ""), allow_unicode=True
        )
        if not slug or self.parent_page is None:
            return slug
        free = free_slug(self.parent_page, slug, self.instance)
        if free == slug or not self.instance.pk:
            return free
        raise ValidationError(
            _("Another page here already has the address “%(slug)s”. “%(free)s” is free."),
            params={"slug": slug, "free": free},
        )
