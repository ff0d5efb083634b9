from django.core.management.base import BaseCommand
from django.db import connection

from sites.page_indexes import use_slug_path_index


class Command(BaseCommand):
    help = (
        "Puts the page table's slug indexes as Balai needs them again, after an upgrade that "
        "rebuilt the table (manage.py check says when)."
    )
    requires_system_checks = []  # it mends what the checks find

    def handle(self, **options):
        use_slug_path_index(connection)
        self.stdout.write(
            "Balai's (slug, path) index is in place; Wagtail's slug-only ones are not."
        )
