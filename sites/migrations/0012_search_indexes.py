"""On PostgreSQL, indexes that let a search start from its matches.

Wagtail's PostgreSQL search matches a query against `title || body` and joins the matches to
the pages by `object_id = id::varchar`. With an index on each column alone, every search
read the whole search index (48 ms for "kopi" over 90,000 products); with no index on the
page's id as text, every search read every page: 37 ms for two matches among 90,000 products,
0.4 ms with these indexes. The product table's own is in marketplace/0006.
"""

from django.db import migrations

INDEXES = {
    "balai_search_title_body": "wagtailsearch_indexentry USING GIN ((title || body))",
    "balai_page_search_key": "wagtailcore_page (((id::varchar(50))::text))",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0011_village_by_name"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
