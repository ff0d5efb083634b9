from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sites.export import export_village
from sites.removal import remove_village, what_goes
from sites.staff import find_village


class Command(BaseCommand):
    help = (
        "Remove a village and everything Balai keeps for it, after writing its archive "
        "(export_village) unless --no-export is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("village", help="The village's slug or Kemendagri code")
        parser.add_argument("--yes", action="store_true", help="Remove it: nothing asks again")
        parser.add_argument("--no-export", action="store_true", help="Write no archive first")
        parser.add_argument("--export-to", help="The archive to write (default: <slug>-<date>.zip)")

    def handle(self, village, yes, no_export, export_to, **options):
        found = find_village(village)
        if found is None:
            raise CommandError(_("No village has the slug or code %(value)r.") % {"value": village})
        self.stdout.write(
            _("Removing %(village)s (%(code)s) removes:")
            % {"village": found.name, "code": found.code}
        )
        for label, count in what_goes(found):
            self.stdout.write(f"  {count} {label}")
        if not yes:
            raise CommandError(_("Nothing was removed. Run again with --yes to remove it."))
        if not no_export:
            archive = export_to or f"{found.slug}-{date.today().isoformat()}.zip"
            export_village(found, archive)
            self.stdout.write(_("Archive written to %(file)s.") % {"file": archive})
        name = found.name
        remove_village(found)
        self.stdout.write(self.style.SUCCESS(_("%(village)s is removed.") % {"village": name}))
