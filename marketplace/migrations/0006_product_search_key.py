"""On PostgreSQL, the products' id as text, as the search index joins them (sites/0012)."""

from django.db import migrations

NAME = "balai_product_search_key"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NAME} ON marketplace_productpage "
            "(((page_ptr_id::varchar(50))::text))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0005_english_category_names")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
