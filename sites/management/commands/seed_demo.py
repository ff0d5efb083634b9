import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from marketplace.models import ProductCategory, ProductPage, ProductPhoto, Seller
from sites import demo_content as demo
from sites import demo_translations, translations
from sites.demo_images import demo_image
from sites.generator import (
    VillageExists,
    add_english_village,
    add_missing_sections,
    ensure_portal,
    provision_village,
)
from sites.models import Village, VillageSettings
from sites.staff import add_staff
from village_pages.models import AnnouncementPage, EventPage, NewsPage, Official, ServicePage

DEMO_PASSWORD = "balai-demo"  # noqa: S105 (a local demo account, printed for the newcomer)
# How many news items, services and products of each village are translated into English.
IN_ENGLISH = 2


class Command(BaseCommand):
    help = "Generate a few real Lampung villages with demo content. Safe to run again."

    def handle(self, *args, **options):
        ensure_portal()
        english = translations.english_locale() if translations.english_enabled() else None
        for number, data in enumerate(demo.DEMO_VILLAGES):
            village = self.village(data["code"])
            add_missing_sections(village.home_page.specific)
            if english:
                add_english_village(village)  # a village made before Balai spoke English
            site_settings = VillageSettings.for_site(village.site)
            self.fill_settings(site_settings, village, data)
            self.village_content(village, site_settings.local_word, data, seed=number * 100)
            if english:
                self.translate(village, site_settings.local_word, english)
            self.stdout.write(f"{village.name}: {village.url}")
        self.add_accounts()
        self.print_addresses()

    def village(self, code):
        try:
            return provision_village(code)
        except VillageExists:
            return Village.objects.get(code=code)

    def village_content(self, village, word, data, seed):
        home = village.home_page.specific
        if not home.welcome:
            home.welcome = data["welcome"]
            home.save_revision().publish()
        sections = {page.slug: page for page in Page.objects.child_of(home)}
        fill = {"word": word, "name": village.name}
        self.add_news(sections["berita"], village, fill, seed)
        self.add_announcements(sections["pengumuman"], fill)
        self.add_services(sections["layanan"], fill)
        self.add_events(sections["agenda"], village, fill, seed)
        self.add_products(sections["produk"], village, data, seed)
        self.fill_profile(sections["profil"].specific, village, fill, seed)

    def fill_settings(self, site_settings, village, data):
        if site_settings.contact_phone:
            return
        site_settings.contact_phone = data["phone"]
        site_settings.whatsapp_number = data["whatsapp"]
        site_settings.email = f"pemerintahan@{village.slug}.desa.id"
        site_settings.office_address = (
            f"Jl. Balai {site_settings.local_word} No. 1, {village.name}, "
            f"Kecamatan {village.district_name}, {village.regency_name} {village.postal_code}"
        )
        site_settings.office_hours = demo.OFFICE_HOURS
        site_settings.office_hours_en = demo_translations.OFFICE_HOURS
        site_settings.full_clean()
        site_settings.save()

    def add_news(self, index, village, fill, seed):
        if index.get_children().exists():
            return
        today = timezone.localdate()
        for number, ((title, summary, text), (category, tags)) in enumerate(
            zip(demo.NEWS, demo.NEWS_TOPICS, strict=True)
        ):
            article = NewsPage(
                title=title.format(**fill),
                summary=summary,
                date=today - datetime.timedelta(days=3 * number),
                author_name=f"Sekretariat {fill['word']}",
                category=category,
                listing_image=demo_image(village.collection, title.format(**fill), seed + number),
                body=[
                    ("paragraph", f"<p>{text.format(**fill)}</p>"),
                    ("heading", "Langkah berikutnya"),
                    ("paragraph", "<p>Perangkat akan menyampaikan hasilnya di setiap dusun.</p>"),
                    ("quote", {"text": "Kita bangun bersama.", "attribution": "Kepala Desa"}),
                ],
            )
            article.tags.add(*tags)
            index.add_child(instance=article)

    def add_announcements(self, index, fill):
        if index.get_children().exists():
            return
        now = timezone.now()
        for title, text, days in demo.ANNOUNCEMENTS:
            index.add_child(
                instance=AnnouncementPage(
                    title=title, text=text, valid_until=now + datetime.timedelta(days=days)
                )
            )

    def add_services(self, index, fill):
        if index.get_children().exists():
            return
        word = fill["word"]
        for title, purpose, requirements, fee in demo.SERVICES:
            index.add_child(
                instance=ServicePage(
                    title=title.format(**fill),
                    purpose=purpose.format(**fill),
                    requirements=requirements,
                    steps="<ol><li>Datang ke kantor dengan berkas lengkap.</li>"
                    "<li>Petugas memeriksa berkas.</li><li>Surat ditandatangani.</li></ol>",
                    fee=fee,
                    duration="1 hari kerja",
                    where_and_when=f"Kantor {word}, Senin-Jumat 08.00-15.00 WIB",
                    contact=f"Sekretaris {word}",
                )
            )

    def add_events(self, index, village, fill, seed):
        if index.get_children().exists():
            return
        today = timezone.localtime().replace(minute=0, second=0, microsecond=0)
        for number, (title, place, days, hour, hours) in enumerate(demo.EVENTS):
            start = today.replace(hour=hour) + datetime.timedelta(days=days)
            index.add_child(
                instance=EventPage(
                    title=title.format(**fill),
                    place=place.format(**fill),
                    start=start,
                    end=start + datetime.timedelta(hours=hours),
                    summary=f"Seluruh warga {fill['word']} {fill['name']} diundang hadir.",
                    description="<p>Bawa peralatan sendiri dan ajak tetangga.</p>",
                    listing_image=demo_image(
                        village.collection, title.format(**fill), seed + 50 + number
                    ),
                )
            )

    def add_products(self, index, village, data, seed):
        if index.get_children().exists():
            return
        sellers = [
            Seller.objects.get_or_create(
                village=village,
                name=name.format(name=village.name),
                defaults={"kind": kind, "description": description, "whatsapp_number": number},
            )[0]
            for kind, name, description, number in demo.sellers_for(data)
        ]
        categories = {
            category.slug: category
            for category in ProductCategory.objects.filter(locale=Locale.get_default())
        }
        for number, (title, price, unit, description, category) in enumerate(data["products"]):
            photo = demo_image(village.collection, title, seed + 80 + number)
            index.add_child(
                instance=ProductPage(
                    title=title,
                    price=price,
                    discounted_price=price * 9 // 10 if number == 0 else None,
                    unit=unit,
                    description=f"<p>{description}</p>",
                    summary=description,
                    seller=sellers[number % len(sellers)],
                    category=categories.get(category),
                    photos=[ProductPhoto(image=photo)],
                )
            )

    def fill_profile(self, profile, village, fill, seed):
        if not profile.is_empty():
            return
        data = demo.PROFILE
        profile.history = data["history"].format(**fill)
        profile.vision = data["vision"].format(**fill)
        profile.mission = data["mission"]
        profile.hamlets = data["hamlets"]
        profile.area_hectares = 850 + seed
        profile.population = 4200 + seed * 3
        profile.households = 1150 + seed
        profile.border_north = "Desa tetangga di utara"
        profile.border_east = "Sungai dan persawahan"
        profile.border_south = "Jalan lintas kabupaten"
        profile.border_west = "Perkebunan rakyat"
        profile.officials = [
            Official(name=name, position=position.format(**fill))
            for name, position in data["officials"]
        ]
        profile.institutions = [
            (
                "institution",
                {
                    "kind": kind,
                    "name": name,
                    "description": description,
                    "people": [{"name": person, "role": role} for person, role in people],
                },
            )
            for kind, name, description, people in data["institutions"]
        ]
        profile.save_revision().publish()

    def translate(self, village, word, locale):
        """Put the home page, profile and a few news items, services and products into
        English as staff would with wagtail-localize, so they can go on editing them there."""
        home = village.home_page.specific
        sections = {page.slug: page for page in Page.objects.child_of(home)}
        pages = [home, sections["profil"]]
        for slug in ("berita", "layanan", "produk"):
            pages += sections[slug].get_children().order_by("path")[:IN_ENGLISH]
        english = demo_translations.glossary(village, word)
        with transaction.atomic():
            for page in pages:
                if not TranslationLog.objects.filter(
                    source__object_id=page.translation_key, locale=locale
                ).exists():
                    translate_page(page.specific, english, locale)

    def add_accounts(self):
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@balai.localhost", DEMO_PASSWORD)
        hajimena = Village.objects.get(code=demo.DEMO_VILLAGES[0]["code"])
        for role in ("editor", "moderator"):
            email = f"{role}@{hajimena.slug}.desa.id"  # the moderator is mailed what waits
            user, password = add_staff(hajimena, f"{role}-{hajimena.slug}", role, email)
            if password:
                user.set_password(DEMO_PASSWORD)
                user.save()

    def print_addresses(self):
        base = f"http://{settings.BALAI_BASE_DOMAIN}:{settings.BALAI_SITE_PORT}"
        self.stdout.write(
            self.style.SUCCESS(f"Portal:  {base}/\n")
            + f"Admin:   {base}/admin/  user admin, password {DEMO_PASSWORD}\n"
            f"         Hajimena's staff: editor-hajimena and moderator-hajimena, same password."
        )


def translate_page(page, english, locale):
    """Give `page` a live English translation through wagtail-localize, its text looked up in
    `english` (Indonesian text: English text); a text not found there stays as it was."""
    translations.adopt_translations(page)  # the generator's English page, if there is one
    source = TranslationSource.update_or_create_from_instance(page)[0]
    translation = Translation.objects.get_or_create(source=source, target_locale=locale)[0]
    title = english.get(page.title)
    slug = slugify(title) if title else None
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.context.path == "slug":
            text = slug
        else:
            text = english.get(segment.string.as_value().render_text())
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": StringValue.from_plaintext(text).data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    if slug and page.get_translation_or_none(locale) is None:
        # wagtail-localize would copy the page with its Indonesian slug and then change it,
        # leaving a redirect from an address nobody has seen: make the copy with its own.
        page.slug = slug
        page.copy_for_translation(locale)
    translation.save_target(publish=False)
    # Published here: save_target would publish only once the transaction commits.
    translation.get_target_instance().get_latest_revision().publish()
