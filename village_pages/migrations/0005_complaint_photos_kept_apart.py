from django.core.files.storage import storages
from django.db import migrations, models

import village_pages.models.complaints


def move_photos_out_of_public_media(apps, schema_editor):
    """Photos sent before this were kept with the public media; they move to the staff's."""
    Complaint = apps.get_model("village_pages", "Complaint")
    public, private = storages["default"], storages["private"]
    for name in Complaint.objects.exclude(photo="").values_list("photo", flat=True).iterator():
        if public.exists(name) and not private.exists(name):
            with public.open(name) as photo:
                private.save(name, photo)
            public.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("village_pages", "0004_capitalised_block_labels"),
    ]

    operations = [
        migrations.AlterField(
            model_name="complaint",
            name="photo",
            field=models.ImageField(
                blank=True,
                storage=village_pages.models.complaints.photo_storage,
                upload_to=village_pages.models.complaints.photo_path,
                verbose_name="photo",
            ),
        ),
        migrations.RunPython(move_photos_out_of_public_media, migrations.RunPython.noop),
    ]
