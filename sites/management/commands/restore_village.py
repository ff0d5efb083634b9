from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sites.restore import RestoreError, restore_village


class Command(BaseCommand):
    help = "Recreate a village from the archive export_village or remove_village wrote."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The village's archive, such as hajimena.zip")

    def handle(self, file, **options):
        try:
            village = restore_village(file)
        except RestoreError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Restored %(name)s (%(code)s) at %(url)s. Its staff set a new password "
                    "with 'Forgot password?' before they sign in."
                )
                % {"name": village.name, "code": village.code, "url": village.url}
            )
        )
