from django.db import migrations, models

import village_pages.models.complaints


def from_handled_to_status(apps, schema_editor):
    Complaint = apps.get_model("village_pages", "Complaint")
    taken = set()
    for complaint in Complaint.objects.only("pk", "handled").iterator():
        reference = village_pages.models.complaints.new_reference()
        while reference in taken:
            reference = village_pages.models.complaints.new_reference()
        taken.add(reference)
        Complaint.objects.filter(pk=complaint.pk).update(
            reference=reference, status="answered" if complaint.handled else "received"
        )


def from_status_to_handled(apps, schema_editor):
    Complaint = apps.get_model("village_pages", "Complaint")
    Complaint.objects.filter(status="answered").update(handled=True)


class Migration(migrations.Migration):
    dependencies = [
        ("village_pages", "0002_clean_paragraphs"),
    ]

    operations = [
        migrations.AddField(
            model_name="complaint",
            name="reference",
            field=models.CharField(
                editable=False, max_length=10, null=True, verbose_name="reference"
            ),
        ),
        migrations.AddField(
            model_name="complaint",
            name="status",
            field=models.CharField(
                choices=[
                    ("received", "received"),
                    ("in_progress", "being handled"),
                    ("answered", "answered"),
                ],
                default="received",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="complaint",
            name="public_reply",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Shown on the status page to anyone who has the reference: write no names, "
                    "phone numbers or addresses."
                ),
                max_length=2000,
                verbose_name="public reply",
            ),
        ),
        migrations.RunPython(from_handled_to_status, from_status_to_handled),
        migrations.AlterField(
            model_name="complaint",
            name="reference",
            field=models.CharField(
                default=village_pages.models.complaints.new_reference,
                editable=False,
                max_length=10,
                unique=True,
                verbose_name="reference",
            ),
        ),
        migrations.RemoveField(
            model_name="complaint",
            name="handled",
        ),
    ]
