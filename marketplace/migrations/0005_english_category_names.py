from django.db import migrations

ENGLISH_NAMES = {
    "makanan-minuman": "Food and drink",
    "kopi": "Coffee",
    "kerajinan": "Crafts",
    "pertanian": "Farm produce",
    "perikanan": "Fish and seafood",
    "peternakan": "Livestock",
    "fesyen-tekstil": "Fashion and textiles",
    "paket-wisata": "Tour packages",
    "jasa": "Services",
    "lainnya": "Other",
}


def add_english_names(apps, schema_editor):
    """English rows for the default categories; an English name staff already gave is kept."""
    Locale = apps.get_model("wagtailcore", "Locale")
    ProductCategory = apps.get_model("marketplace", "ProductCategory")
    english, _created = Locale.objects.get_or_create(language_code="en")
    indonesian = ProductCategory.objects.filter(
        locale__language_code="id", slug__in=ENGLISH_NAMES
    )
    for category in indonesian:
        name = ENGLISH_NAMES[category.slug]
        translation = ProductCategory.objects.filter(
            translation_key=category.translation_key, locale=english
        ).first()
        if translation is None:
            if ProductCategory.objects.filter(slug=category.slug, locale=english).exists():
                continue  # an English category of its own already has the address
            ProductCategory.objects.create(
                name=name,
                slug=category.slug,
                sort_order=category.sort_order,
                translation_key=category.translation_key,
                locale=english,
            )
        elif translation.name == category.name:
            # A copy wagtail-localize made before anyone translated it.
            translation.name = name
            translation.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0004_staff_manage_sellers"),
        ("sites", "0002_english_locale"),
    ]

    operations = [migrations.RunPython(add_english_names, migrations.RunPython.noop)]
