from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sites.export import export_village
from sites.staff import find_village


class Command(BaseCommand):
    help = "Write everything a village owns to a zip archive (see sites/export.py)."

    def add_arguments(self, parser):
        parser.add_argument("village", help="The village's slug or Kemendagri code")
        parser.add_argument("file", help="The archive to write, such as hajimena.zip")

    def handle(self, village, file, **options):
        found = find_village(village)
        if found is None:
            raise CommandError(_("No village has the slug or code %(value)r.") % {"value": village})
        manifest = export_village(found, file)
        self.stdout.write(
            self.style.SUCCESS(
                _("%(village)s written to %(file)s: %(pages)d pages, %(files)d files.")
                % {
                    "village": found.name,
                    "file": file,
                    "pages": len(manifest["pages"]),
                    "files": len(manifest["images"]) + len(manifest["documents"]),
                }
            )
        )
