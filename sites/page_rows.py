"""A new village's pages, inserted in a few statements.

Saving a Wagtail page one by one costs a lock and lookups in the tree, two inserts, and the
search and signal work that follows; a village has fourteen pages (eight in Indonesian, six
in English). The generator places them in the tree itself and inserts every page's shared
row in one statement and each page type's own rows in one more. The pages hold only a title,
so there is nothing to index, log or validate that the generator has not already checked.
"""

from django.db import connection
from django.db.models import F
from wagtail.models import Page

from .rows import insert_rows


def place_subtrees(subtrees):
    """Give each new `home` the next free place below its `parent`, and its `children` the
    places below it; the parents are read and updated together.

    `subtrees` are (parent, home, children): a saved page, a new page and new pages, the
    parents all at one depth. Returns the new pages in tree order, ready for `insert_pages`.
    """
    parents = [parent for parent, _home, _children in subtrees]
    last_children = _last_children(parents)
    Page.objects.filter(pk__in=[parent.pk for parent in parents]).update(numchild=F("numchild") + 1)
    pages = []
    for parent, home, children in subtrees:
        last = last_children[parent.pk]
        home.depth = parent.depth + 1
        step = 1 if last is None else Page._str2int(last[-Page.steplen :]) + 1
        home.path = Page._get_path(parent.path, home.depth, step)
        home.url_path = f"{parent.url_path}{home.slug}/"
        home.numchild = len(children)
        for step, child in enumerate(children, start=1):
            child.depth = home.depth + 1
            child.path = Page._get_path(home.path, child.depth, step)
            child.url_path = f"{home.url_path}{child.slug}/"
            child.numchild = 0
        parent.numchild += 1
        pages += [home, *children]
    return pages


def insert_pages(pages):
    """Insert placed, unsaved pages of any page types: one statement per table."""
    for page in pages:
        page.draft_title = page.title
    ids = insert_rows(Page, pages, Page._meta.concrete_fields)
    by_type = {}
    for page, pk in zip(pages, ids, strict=True):
        page.id = page.page_ptr_id = pk
        page._state.adding = False
        page._state.db = connection.alias
        by_type.setdefault(type(page), []).append(page)
    for page_class, same_type in by_type.items():
        insert_rows(page_class, same_type, page_class._meta.local_concrete_fields)


def _last_children(parents):
    """The path of each parent's last child, or None, by the parent's id."""
    # A page's last descendant in path order lies below its last child: one step back along
    # the path index finds it, however many pages the parent holds. Written out, as the ORM
    # takes longer to build this query than the database takes to answer it.
    quote = connection.ops.quote_name
    last_descendant = (
        f"(SELECT {quote('path')} FROM {quote(Page._meta.db_table)} "  # noqa: S608
        f"WHERE {quote('path')} BETWEEN %s AND %s ORDER BY {quote('path')} DESC LIMIT 1)"
    )
    bounds = [Page._get_children_path_interval(parent.path) for parent in parents]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join([last_descendant] * len(parents))}",
            [bound for interval in bounds for bound in interval],
        )
        lasts = cursor.fetchone()
    return {
        parent.pk: last and last[: len(parent.path) + Page.steplen]
        for parent, last in zip(parents, lasts, strict=True)
    }
