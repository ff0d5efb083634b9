"""A new village's pages, inserted in a few statements.

Saving a Wagtail page one by one costs a lock and lookups in the tree, two inserts, and the
search and signal work that follows; a village has sixteen pages (eight in each language).
The generator places them in the tree itself and inserts every page's shared row in one
statement and each page type's own rows in one more. The pages hold only a title, so there
is nothing to index, log or validate that the generator has not already checked.
"""

import operator
from functools import reduce

from django.db import connection
from django.db.models import F, Q
from wagtail.models import Page


def place_subtrees(subtrees):
    """Give each new `home` the next free place below its `parent`, and its `children` the
    places below it; the parents are read and updated together.

    `subtrees` are (parent, home, children): a saved page, a new page and new pages, the
    parents all at one depth. Returns the new pages in tree order, ready for `insert_pages`.
    """
    parents = [parent for parent, _home, _children in subtrees]
    # Ranges of the path index: only the parents' children are read, however big the tree.
    siblings = Page.objects.filter(
        reduce(
            operator.or_,
            (Q(path__range=Page._get_children_path_interval(p.path)) for p in parents),
        ),
        depth=parents[0].depth + 1,
    )
    last_paths = {}
    for path in siblings.order_by().values_list("path", flat=True):
        parent_path = path[: -Page.steplen]
        last_paths[parent_path] = max(path, last_paths.get(parent_path, path))
    Page.objects.filter(pk__in=[parent.pk for parent in parents]).update(numchild=F("numchild") + 1)
    pages = []
    for parent, home, children in subtrees:
        last = last_paths.get(parent.path)
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


def insert_rows(model, objects, fields):
    """Insert `objects` of one table in a single statement; returns their new ids when the
    table numbers its rows itself.

    Leaner than bulk_create for the generator's pages, where Django's per-value work costs
    more than the database's: a value the rows share (an English page copies its Indonesian
    one) is converted once, and a column that is empty in every row is left out, as the
    database fills it with NULL anyway.
    """
    auto_id = model._meta.pk if model._meta.pk.db_returning else None
    fields = [
        field
        for field in fields
        if field is not auto_id
        and (field.has_db_default() or any(getattr(o, field.attname) is not None for o in objects))
    ]
    converted = {}
    values = []
    for obj in objects:
        for field in fields:
            value = getattr(obj, field.attname)
            try:
                key = (field, type(value), value)
                if key not in converted:
                    converted[key] = field.get_db_prep_save(value, connection)
                values.append(converted[key])
            except TypeError:  # unhashable, such as a StreamField's value
                values.append(field.get_db_prep_save(value, connection))
    quote = connection.ops.quote_name
    row = f"({', '.join(['%s'] * len(fields))})"
    # Only quoted table and column names are formatted in; every value is a parameter.
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(field.column) for field in fields)}) "
        f"VALUES {', '.join([row] * len(objects))}"
    )
    with connection.cursor() as cursor:
        if auto_id is None:
            cursor.execute(sql, values)
            return []
        cursor.execute(f"{sql} RETURNING {quote(auto_id.column)}", values)
        return [pk for (pk,) in cursor.fetchall()]
