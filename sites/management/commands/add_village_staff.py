from django.core.management.base import BaseCommand, CommandError

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
            raise CommandError(f"No village has the slug or code {village!r}.")
        user, password = add_staff(found, username, role, email)
        self.stdout.write(
            self.style.SUCCESS(f"{user.username} is now {role} of {found.name} ({found.url}).")
        )
        if password:
            self.stdout.write(f"Temporary password: {password} (ask them to change it).")
