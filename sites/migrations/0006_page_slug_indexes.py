from django.db import migrations

from sites.page_indexes import use_slug_path_index, use_wagtail_slug_indexes


def forwards(apps, schema_editor):
    use_slug_path_index(schema_editor.connection)


def backwards(apps, schema_editor):
    use_wagtail_slug_indexes(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0005_village_colour"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
