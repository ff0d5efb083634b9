from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sites.generator import ProvisioningError, provision_village


class Command(BaseCommand):
    help = "Create one village's website from its Kemendagri code, e.g. 18.01.04.2001."

    def add_arguments(self, parser):
        parser.add_argument("code", help="Kemendagri village code (18.01.04.2001 or 1801042001)")
        parser.add_argument("--slug", help="Subdomain to use instead of the register's slug")
        parser.add_argument("--domain", help="The village's own domain, e.g. hajimena.desa.id")

    def handle(self, code, slug=None, domain=None, **options):
        try:
            village = provision_village(code, slug=slug, domain=domain)
        except ProvisioningError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                _("Created %(name)s (%(code)s) at %(url)s")
                % {"name": village.name, "code": village.code, "url": village.url}
            )
        )
