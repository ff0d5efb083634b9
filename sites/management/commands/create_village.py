from django.core.management.base import BaseCommand, CommandError

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
            self.style.SUCCESS(f"Created {village.name} ({village.code}) at {village.url}")
        )
