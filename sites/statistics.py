"""The database's planner statistics, refreshed after a bulk import.

Without them PostgreSQL plans against empty tables: a count over freshly imported villages
took 178 ms instead of 0.34 ms until ANALYZE. Production's autovacuum would catch up later;
an operator who imports a province and opens the admin should not wait for it.
"""

from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
)


def filled_by_provisioning():
    """The tables each new village adds rows to: pages of every type, its site, settings,
    groups and their permissions, collection."""
    page_types = [model for model in apps.get_models() if issubclass(model, Page)]
    models = [
        *page_types,
        apps.get_model("sites", "Village"),
        apps.get_model("sites", "VillageSettings"),
        Site,
        Group,
        Group.permissions.through,
        GroupPagePermission,
        GroupCollectionPermission,
        Collection,
    ]
    return sorted({model._meta.db_table for model in models})


def refresh_statistics(tables):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            quoted = ", ".join(connection.ops.quote_name(table) for table in tables)
            cursor.execute(f"ANALYZE {quoted}")
        elif connection.vendor == "sqlite":
            # SQLite analyses what this connection's queries showed would benefit.
            cursor.execute("PRAGMA optimize")
