import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.models import Page

from marketplace.models import ProductPage
from sites.demo_content import DEMO_VILLAGES, NEWS, SERVICES
from sites.generator import VillageExists, ensure_portal, provision_village
from sites.models import Village, VillageSettings
from sites.staff import add_staff
from village_pages.models import NewsPage, ServicePage

DEMO_PASSWORD = "balai-demo"  # noqa: S105 (a local demo account, printed for the newcomer)


class Command(BaseCommand):
    help = "Generate a few real Lampung villages with demo content. Safe to run again."

    def handle(self, *args, **options):
        ensure_portal()
        for data in DEMO_VILLAGES:
            village = self.village(data["code"])
            site_settings = VillageSettings.for_site(village.site)
            self.fill_settings(site_settings, village, data)
            word = site_settings.local_word
            home = village.home_page.specific
            if not home.welcome:
                home.welcome = data["welcome"]
                home.save_revision().publish()
            self.add_news(self.section(village, "berita"), word)
            self.add_services(self.section(village, "layanan"), word)
            self.add_products(self.section(village, "produk"), data["products"])
        self.add_accounts()
        self.print_addresses()

    def village(self, code):
        try:
            return provision_village(code)
        except VillageExists:
            return Village.objects.get(code=code)

    def section(self, village, slug):
        return Page.objects.child_of(village.home_page).get(slug=slug)

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

    def add_news(self, index, word):
        if index.get_children().exists():
            return
        today = timezone.localdate()
        for days_ago, (title, summary, text) in enumerate(NEWS):
            index.add_child(
                instance=NewsPage(
                    title=title.format(word=word),
                    summary=summary,
                    date=today - datetime.timedelta(days=3 * days_ago),
                    author_name=f"Sekretariat {word}",
                    body=[("paragraph", f"<p>{text.format(word=word)}</p>")],
                )
            )

    def add_services(self, index, word):
        if index.get_children().exists():
            return
        for title, purpose, requirements, fee in SERVICES:
            index.add_child(
                instance=ServicePage(
                    title=title.format(word=word),
                    purpose=purpose.format(word=word),
                    requirements=requirements,
                    steps="<ol><li>Datang ke kantor dengan berkas lengkap.</li>"
                    "<li>Petugas memeriksa berkas.</li><li>Surat ditandatangani.</li></ol>",
                    fee=fee,
                    duration="1 hari kerja",
                    where_and_when=f"Kantor {word}, Senin-Jumat 08.00-15.00 WIB",
                    contact=f"Sekretaris {word}",
                )
            )

    def add_products(self, index, products):
        if index.get_children().exists():
            return
        for title, price, unit, description in products:
            index.add_child(
                instance=ProductPage(
                    title=title, price=price, unit=unit, description=f"<p>{description}</p>"
                )
            )

    def add_accounts(self):
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@balai.localhost", DEMO_PASSWORD)
        hajimena = Village.objects.get(code=DEMO_VILLAGES[0]["code"])
        for role in ("editor", "moderator"):
            user, password = add_staff(hajimena, f"{role}-{hajimena.slug}", role)
            if password:
                user.set_password(DEMO_PASSWORD)
                user.save()

    def print_addresses(self):
        port = settings.BALAI_SITE_PORT
        base = f"http://{settings.BALAI_BASE_DOMAIN}:{port}"
        self.stdout.write(self.style.SUCCESS(f"Portal:  {base}/"))
        for village in Village.objects.filter(code__in=[d["code"] for d in DEMO_VILLAGES]):
            self.stdout.write(f"Village: {village.url}  ({village.name})")
        self.stdout.write(
            f"Admin:   {base}/admin/  user admin, password {DEMO_PASSWORD}\n"
            f"         Hajimena's staff: editor-hajimena and moderator-hajimena, "
            f"same password."
        )
