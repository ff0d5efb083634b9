import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.models import Page

from marketplace.models import ProductCategory, ProductPage, ProductPhoto, Seller
from sites import demo_content as demo
from sites.demo_images import demo_image
from sites.generator import VillageExists, add_missing_sections, ensure_portal, provision_village
from sites.models import Village, VillageSettings
from sites.staff import add_staff
from village_pages.models import AnnouncementPage, EventPage, NewsPage, Official, ServicePage

DEMO_PASSWORD = "balai-demo"  # noqa: S105 (a local demo account, printed for the newcomer)


class Command(BaseCommand):
    help = "Generate a few real Lampung villages with demo content. Safe to run again."

    def handle(self, *args, **options):
        ensure_portal()
        for number, data in enumerate(demo.DEMO_VILLAGES):
            village = self.village(data["code"])
            add_missing_sections(village.home_page.specific)
            site_settings = VillageSettings.for_site(village.site)
            self.fill_settings(site_settings, village, data)
            self.village_content(village, site_settings.local_word, data, seed=number * 100)
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
        site_settings.office_hours = "Senin-Jumat 08.00-15.00 WIB"
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
        categories = {category.slug: category for category in ProductCategory.objects.all()}
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

    def add_accounts(self):
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@balai.localhost", DEMO_PASSWORD)
        hajimena = Village.objects.get(code=demo.DEMO_VILLAGES[0]["code"])
        for role in ("editor", "moderator"):
            user, password = add_staff(hajimena, f"{role}-{hajimena.slug}", role)
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
