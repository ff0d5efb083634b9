from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sites.models.village import public_root_url
from sites.staff import ROLES, add_staff, find_village


class Command(BaseCommand):
    help = "Create or update a staff account of one village, as editor or moderator."

    def add_arguments(self, parser):
        parser.add_argument("village", help="The village's slug or Kemendagri code")
        parser.add_argument("username")
        parser.add_argument("--role", choices=ROLES, default="editor")
        parser.add_argument("--email", default="")

    def handle(self, village, username, role, email, **options):
        found = find_village(village)
        if found is None:
            raise CommandError(_("No village has the slug or code %(value)r.") % {"value": village})
        user, password = add_staff(found, username, role, email)
        message = _("%(user)s is now %(role)s of %(village)s (%(url)s).") % {
            "user": user.username,
            "role": _("editor") if role == "editor" else _("moderator"),
            "village": found.name,
            "url": found.url,
        }
        self.stdout.write(self.style.SUCCESS(message))
        login = public_root_url(settings.BALAI_BASE_DOMAIN) + "/admin/"
        self.stdout.write(_("They log in at %(url)s") % {"url": login})
        if password:
            self.stdout.write(
                _("Temporary password: %(password)s (ask them to change it).")
                % {"password": password}
            )
