from django.apps import AppConfig


class VillagePagesConfig(AppConfig):
    name = "village_pages"
    verbose_name = "Village pages"
    default_auto_field = "django.db.models.BigAutoField"
