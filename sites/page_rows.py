"""A new village's pages, inserted in a few statements.

Saving a Wagtail page one by one costs a lock and lookups in the tree, two inserts, and the
search and signal work that follows; a village has sixteen pages (eight in each language).
The generator places them in the tree itself and inserts every page's shared row in one
statement and each page type's own rows in one more. The pages hold only a title, so there
is nothing to index, log or validate that the generator has not already checked.
"""

from django.db import connection
from wagtail.models import Page


def place_subtree(parent, home, children):
    """Give `home` the next free place below `parent`, and `children` the places below it.

    `parent` is a saved page; `home` and `children` are new, unsaved pages. Returns them all,
    in tree order, ready for `insert_pages`.
    """
    last = parent.get_last_child()
    home.depth = parent.depth + 1
    home.path = Page._get_path(parent.path, home.depth, 1) if last is None else last._inc_path()
    home.url_path = f"{parent.url_path}{home.slug}/"
    home.numchild = len(children)
    for step, child in enumerate(children, start=1):
        child.depth = home.depth + 1
        child.path = Page._get_path(home.path, child.depth, step)
        child.url_path = f"{home.url_path}{child.slug}/"
        child.numchild = 0
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return [home, *children]


def insert_pages(pages):
    """Insert placed, unsaved pages of any page types: one statement per table."""
    for page in pages:
        page.draft_title = page.title
    shared = Page.objects.bulk_create(
        Page(
            **{field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields}
        )
        for page in pages
    )
    by_type = {}
    for page, row in zip(pages, shared, strict=True):
        page.id = page.page_ptr_id = row.pk
        page._state.adding = False
        page._state.db = connection.alias
        by_type.setdefault(type(page), []).append(page)
    for page_class, same_type in by_type.items():
        page_class._base_manager._insert(
            same_type, fields=page_class._meta.local_concrete_fields, raw=True
        )
