"""The page table's slug indexes as Balai needs them, and the check that they still are.

Every village has a page with the slug `berita`, so Wagtail's slug check for siblings, and
routing, would read all of them through Wagtail's slug index; Balai's index on (slug, path)
seeks straight to the sibling and answers every question the slug-only indexes do, so those
are dropped (docs/architecture.md, "Provisioning stays flat"). On PostgreSQL it uses the
default operator class: the sibling check compares paths with BETWEEN. SQLite rebuilds a table
that a migration alters and keeps only the indexes Django knows of, so a Wagtail upgrade can
bring Wagtail's back and lose Balai's: `manage.py check` then fails, and
`manage.py repair_page_indexes` puts them right.
"""

from django.core.checks import Error, register
from django.db import DatabaseError, connection

PAGE_TABLE = "wagtailcore_page"
SLUG_PATH = "balai_page_slug_path"
WAGTAIL_SLUG_INDEXES = {
    "postgresql": ["wagtailcore_page_slug_e7c11b8f", "wagtailcore_page_slug_e7c11b8f_like"],
    "sqlite": ["wagtailcore_page_slug_e7c11b8f"],
}
CREATE_WAGTAIL_SLUG_INDEXES = {
    "postgresql": [
        f"CREATE INDEX IF NOT EXISTS wagtailcore_page_slug_e7c11b8f ON {PAGE_TABLE} (slug)",
        "CREATE INDEX IF NOT EXISTS wagtailcore_page_slug_e7c11b8f_like "
        f"ON {PAGE_TABLE} (slug varchar_pattern_ops)",
    ],
    "sqlite": [f"CREATE INDEX IF NOT EXISTS wagtailcore_page_slug_e7c11b8f ON {PAGE_TABLE} (slug)"],
}
CREATE_SLUG_PATH = f"CREATE INDEX IF NOT EXISTS {SLUG_PATH} ON {PAGE_TABLE} (slug, path{{}})"
HINT = "Run `manage.py repair_page_indexes`."


def use_slug_path_index(connection):
    """Drops Wagtail's slug-only indexes and makes Balai's; safe to run again."""
    with connection.cursor() as cursor:
        for name in WAGTAIL_SLUG_INDEXES[connection.vendor]:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP INDEX IF EXISTS {SLUG_PATH}")  # of the pattern class
        cursor.execute(CREATE_SLUG_PATH.format(""))


def use_wagtail_slug_indexes(connection):
    """Wagtail's slug-only indexes back, and Balai's as it was before them."""
    with connection.cursor() as cursor:
        for statement in CREATE_WAGTAIL_SLUG_INDEXES[connection.vendor]:
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP INDEX IF EXISTS {SLUG_PATH}")
            cursor.execute(CREATE_SLUG_PATH.format(" varchar_pattern_ops"))


@register()
def check_page_slug_indexes(app_configs, **kwargs):
    try:
        with connection.cursor() as cursor:
            if PAGE_TABLE not in connection.introspection.table_names(cursor):
                return []  # not migrated yet
            indexes = connection.introspection.get_constraints(cursor, PAGE_TABLE)
    except DatabaseError:
        return []  # no database to look at yet
    errors = []
    if indexes.get(SLUG_PATH, {}).get("columns") != ["slug", "path"]:
        errors.append(
            Error(
                f"The page table has lost Balai's index {SLUG_PATH}: every request routes "
                "through it, and every new page checks its slug with it.",
                hint=HINT,
                id="balai.E001",
            )
        )
    slug_only = sorted(
        name for name, index in indexes.items() if index["index"] and index["columns"] == ["slug"]
    )
    if slug_only:
        errors.append(
            Error(
                f"Wagtail's slug-only indexes are back ({', '.join(slug_only)}): every new "
                "page is written into them for nothing.",
                hint=HINT,
                id="balai.E002",
            )
        )
    return errors
