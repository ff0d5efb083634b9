import uuid

from django.db import migrations

CATEGORIES = [
    ("makanan-minuman", "Makanan dan Minuman"),
    ("kopi", "Kopi"),
    ("kerajinan", "Kerajinan"),
    ("pertanian", "Pertanian"),
    ("perikanan", "Perikanan"),
    ("peternakan", "Peternakan"),
    ("fesyen-tekstil", "Fesyen dan Tekstil"),
    ("paket-wisata", "Paket Wisata"),
    ("jasa", "Jasa"),
    ("lainnya", "Lainnya"),
]


def add_categories(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    ProductCategory = apps.get_model("marketplace", "ProductCategory")
    locale, _created = Locale.objects.get_or_create(language_code="id")
    for order, (slug, name) in enumerate(CATEGORIES):
        ProductCategory.objects.get_or_create(
            slug=slug,
            locale=locale,
            defaults={"name": name, "sort_order": order, "translation_key": uuid.uuid4()},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0002_sellers_and_product_details"),
        ("sites", "0002_english_locale"),
    ]

    operations = [migrations.RunPython(add_categories, migrations.RunPython.noop)]
