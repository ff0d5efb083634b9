from django.db import migrations

CODENAMES = ["add_seller", "change_seller", "delete_seller", "view_seller"]


def grant(apps, schema_editor):
    """Villages made before sellers existed: their staff may manage their own sellers too."""
    from django.apps import apps as installed_apps
    from django.contrib.auth.management import create_permissions

    # Django makes permissions after all migrations; this one needs them now.
    create_permissions(installed_apps.get_app_config("marketplace"), verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    Village = apps.get_model("sites", "Village")
    permissions = list(
        Permission.objects.filter(content_type__app_label="marketplace", codename__in=CODENAMES)
    )
    for village in Village.objects.select_related("editors", "moderators"):
        village.editors.permissions.add(*permissions)
        village.moderators.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0003_default_categories"),
        ("sites", "0005_village_colour"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
