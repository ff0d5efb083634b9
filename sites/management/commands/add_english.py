from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from sites import translations
from sites.generator import add_english_village
from sites.models import Village


class Command(BaseCommand):
    help = (
        "Give every village made while Balai spoke Indonesian only its English home page and "
        "sections. Safe to run again."
    )

    def handle(self, **options):
        if not translations.english_enabled():
            raise CommandError(_("English is switched off: BALAI_LANGUAGES does not include en."))
        english_homes = Page.objects.filter(locale__language_code=translations.ENGLISH)
        villages = Village.objects.exclude(
            home_page__translation_key__in=english_homes.values("translation_key")
        ).select_related("home_page", "editors", "moderators")
        added = 0
        for village in villages.order_by("code").iterator():
            add_english_village(village)
            added += 1
            self.stdout.write(f"{village.name}: {village.url}en/")
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "%(count)d village now has English pages.",
                    "%(count)d villages now have English pages.",
                    added,
                )
                % {"count": added}
            )
        )
