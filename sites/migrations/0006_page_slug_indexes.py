from django.db import migrations

# Wagtail indexes every page's slug (on PostgreSQL twice, the second for LIKE), and Balai's
# (slug, path) index answers every question those do. Each new page was written into all of
# them, and a village's eight slugs land on eight different index pages: the slug-only ones
# are dropped. On PostgreSQL the (slug, path) index now uses the default operator class,
# which serves the `path BETWEEN` of Wagtail's sibling lookups (the pattern class serves only
# LIKE), so routing to /berita/ seeks straight to the sibling.
WAGTAIL_SLUG_INDEXES = {
    "postgresql": ["wagtailcore_page_slug_e7c11b8f", "wagtailcore_page_slug_e7c11b8f_like"],
    "default": ["wagtailcore_page_slug_e7c11b8f"],
}
RESTORE_WAGTAIL_SLUG_INDEXES = {
    "postgresql": [
        "CREATE INDEX IF NOT EXISTS wagtailcore_page_slug_e7c11b8f ON wagtailcore_page (slug)",
        "CREATE INDEX IF NOT EXISTS wagtailcore_page_slug_e7c11b8f_like "
        "ON wagtailcore_page (slug varchar_pattern_ops)",
    ],
    "default": [
        "CREATE INDEX IF NOT EXISTS wagtailcore_page_slug_e7c11b8f ON wagtailcore_page (slug)"
    ],
}
SLUG_PATH = (
    "CREATE INDEX IF NOT EXISTS balai_page_slug_path ON wagtailcore_page (slug, path{opclass})"
)


def _for(vendor, statements):
    return statements.get(vendor, statements["default"])


def drop_slug_only_indexes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name in _for(vendor, WAGTAIL_SLUG_INDEXES):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS balai_page_slug_path")
    # SQLite rebuilds a table that Wagtail alters, losing the indexes Wagtail does not know of.
    schema_editor.execute(SLUG_PATH.format(opclass=""))


def restore_slug_only_indexes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in _for(vendor, RESTORE_WAGTAIL_SLUG_INDEXES):
        schema_editor.execute(statement)
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS balai_page_slug_path")
        schema_editor.execute(SLUG_PATH.format(opclass=" varchar_pattern_ops"))


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0005_village_colour"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(drop_slug_only_indexes, restore_slug_only_indexes)]
