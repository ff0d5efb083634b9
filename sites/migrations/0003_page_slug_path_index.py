from django.db import migrations

# Wagtail checks that a slug is free among a page's siblings with
# `path LIKE 'parent%' AND depth = n AND slug = s`. Every village has a page called "berita",
# so an index on slug alone makes that check read every village's "berita"; with the path
# beside it, the check reads only the siblings.
SQL = {
    "postgresql": (
        "CREATE INDEX IF NOT EXISTS balai_page_slug_path "
        "ON wagtailcore_page (slug, path varchar_pattern_ops)"
    ),
    "default": "CREATE INDEX IF NOT EXISTS balai_page_slug_path ON wagtailcore_page (slug, path)",
}


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    schema_editor.execute(SQL.get(vendor, SQL["default"]))


def drop_index(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS balai_page_slug_path")


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0002_english_locale"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
