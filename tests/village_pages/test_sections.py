"""What villagers see in a village's sections: agenda, profile, services and the home page."""

import datetime
import re
import zoneinfo

import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model

from marketplace.models import ProductIndexPage
from sites.models import DistrictPage, PortalHomePage, RegencyPage, VillageSettings
from tests.marketplace.products import add_product
from village_pages.models import (
    AnnouncementIndexPage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    Official,
    ProfilePage,
    ServiceIndexPage,
    ServicePage,
    VillageHomePage,
)

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
UPCOMING = "<h2>Akan datang</h2>"
PAST = "<h2>Kegiatan yang sudah lewat</h2>"


def get(host, path="/"):
    return Client(HTTP_HOST=host).get(path)


def html(village, path="/"):
    response = get(f"{village.slug}.localhost", path)
    assert response.status_code == 200, path
    return response.content.decode()


def section(village, slug):
    return village.home_page.get_children().get(slug=slug).specific


def in_order(text, *parts):
    """True when every part occurs in text, each after the one before."""
    positions = [text.find(part) for part in parts]
    return -1 not in positions and positions == sorted(positions)


def wib(*args):
    return datetime.datetime(*args, tzinfo=WIB)


def add_event(village, title, start, **fields):
    fields.setdefault("place", "Balai Desa")
    return section(village, "agenda").add_child(
        instance=EventPage(title=title, start=start, **fields)
    )


def add_service(village, title, **fields):
    fields.setdefault("purpose", f"Untuk keperluan {title.lower()}.")
    fields.setdefault("requirements", "<ul><li>KTP</li><li>Kartu Keluarga</li></ul>")
    return section(village, "layanan").add_child(instance=ServicePage(title=title, **fields))


# Agenda


def test_the_agenda_lists_coming_events_soonest_first_and_past_ones_newest_first(
    hajimena, sidosari
):
    # Created out of order, so neither creation order nor id order gives the right answer.
    add_event(hajimena, "Posyandu balita", wib(2099, 8, 24, 8), place="Posyandu Dusun II")
    add_event(hajimena, "Upacara HUT RI", wib(2099, 8, 17, 8), place="Lapangan desa")
    add_event(hajimena, "Musyawarah desa 2019", wib(2019, 3, 2, 9))
    add_event(hajimena, "Lomba panjat pinang 2020", wib(2020, 8, 17, 14))
    add_event(hajimena, "Rapat yang batal", wib(2099, 9, 1, 9), live=False)
    add_event(sidosari, "Pasar murah Sidosari", wib(2099, 8, 20, 8))

    page = html(hajimena, "/agenda/")
    upcoming, past = page.split(UPCOMING)[1].split(PAST)
    assert in_order(upcoming, "Upacara HUT RI", "Posyandu balita")
    assert "Musyawarah desa" not in upcoming and "Lomba panjat pinang" not in upcoming
    assert in_order(past, "Lomba panjat pinang 2020", "Musyawarah desa 2019")
    assert "Upacara HUT RI" not in past
    # The time is the village's own (WIB), in Indonesian.
    assert ">Senin, 17 Agustus 2099, 08:00</time> · Lapangan desa" in upcoming
    assert "Rapat yang batal" not in page
    assert "Pasar murah Sidosari" not in page


def test_an_agenda_with_only_past_events_says_nothing_is_planned(hajimena):
    add_event(hajimena, "Musyawarah desa 2019", wib(2019, 3, 2, 9))
    page = html(hajimena, "/agenda/")
    assert "Belum ada kegiatan yang dijadwalkan." in page.split(PAST)[0]
    assert "Musyawarah desa 2019" in page.split(PAST)[1]


def test_the_agenda_links_to_its_calendar_feed(hajimena):
    assert 'href="/agenda/ical/"' in html(hajimena, "/agenda/")


def test_the_calendar_feed_holds_this_villages_live_events_only(hajimena, sidosari):
    hut = add_event(
        hajimena,
        "Upacara HUT RI",
        wib(2099, 8, 17, 8),
        end=wib(2099, 8, 17, 10),
        place="Lapangan desa",
        slug="upacara-hut-ri",
    )
    add_event(
        hajimena, "Musyawarah desa", wib(2020, 3, 2, 9), place="Balai desa", slug="musyawarah"
    )
    add_event(hajimena, "Rapat yang batal", wib(2099, 9, 1, 9), live=False)
    add_event(sidosari, "Pasar murah Sidosari", wib(2099, 8, 20, 8), place="Pasar Sidosari")

    response = get("hajimena.localhost", "/agenda/ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert sorted(events) == ["Musyawarah desa", "Upacara HUT RI"]

    event = events["Upacara HUT RI"]
    assert event["DTSTART"].dt == hut.start
    assert event["DTEND"].dt == wib(2099, 8, 17, 10)
    assert str(event["LOCATION"]) == "Lapangan desa"
    assert str(event["URL"]) == "http://hajimena.localhost/agenda/upacara-hut-ri/"
    assert str(events["Musyawarah desa"]["URL"]) == "http://hajimena.localhost/agenda/musyawarah/"
    # Each event keeps its own identity, so a phone does not merge two of them.
    assert len({str(event["UID"]) for event in events.values()}) == 2


def test_each_village_has_its_own_calendar_feed(hajimena, sidosari):
    add_event(hajimena, "Upacara HUT RI", wib(2099, 8, 17, 8))
    add_event(sidosari, "Pasar murah Sidosari", wib(2099, 8, 20, 8), slug="pasar-murah")
    response = get("sidosari-natar.localhost", "/agenda/ical/")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Pasar murah Sidosari"]
    assert str(events[0]["URL"]) == "http://sidosari-natar.localhost/agenda/pasar-murah/"


def test_an_event_cannot_end_before_it_starts(hajimena):
    event = add_event(hajimena, "Kerja bakti", wib(2099, 8, 17, 8), end=wib(2099, 8, 17, 11))
    event.end = wib(2099, 8, 17, 7)
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert refused.value.message_dict["end"] == ["Kegiatan tidak bisa selesai sebelum dimulai."]

    with pytest.raises(ValidationError):
        add_event(hajimena, "Ronda malam", wib(2099, 8, 17, 22), end=wib(2099, 8, 16, 23))
    assert not EventPage.objects.filter(title="Ronda malam").exists()


# Profile


def test_an_empty_profile_says_it_is_being_written(hajimena):
    page = html(hajimena, "/profil/")
    assert "Profil desa sedang disusun." in page
    assert "Perangkat desa" not in page and "Lihat lokasi desa di peta" not in page


def test_the_profile_shows_history_vision_geography_officials_and_institutions(hajimena, sidosari):
    profile = section(hajimena, "profil")
    profile.history = "<p>Hajimena dibuka oleh para perintis dari Banten.</p>"
    profile.vision = "Hajimena yang maju dan mandiri."
    profile.mission = "<ol><li>Pelayanan yang cepat.</li><li>Jalan usaha tani.</li></ol>"
    profile.area_hectares = "1250.75"
    profile.population = 4213
    profile.households = 1187
    profile.border_north = "Desa Candimas"
    profile.border_east = "Desa Muara Putih"
    profile.border_south = "Kota Bandar Lampung"
    profile.border_west = "Desa Pemanggilan"
    profile.hamlets = "Dusun Sukajaya\n\n  Dusun Hajimena Induk  \nDusun Way Kandis\n"
    profile.latitude = "-5.368100"
    profile.longitude = "105.241900"
    # Listed in the order staff set, not the order they were typed in.
    profile.officials = [
        Official(name="Nurhayati", position="Sekretaris Desa", sort_order=1),
        Official(name="Ahmad Fauzi", position="Kepala Urusan Keuangan", sort_order=2),
        Official(name="Suhartono", position="Kepala Desa", sort_order=0),
    ]
    profile.institutions = [
        (
            "institution",
            {
                "kind": "bpd",
                "name": "Badan Permusyawaratan Desa",
                "description": "Menampung aspirasi warga.",
                "people": [{"name": "Darmawan", "role": "Ketua"}, {"name": "Siti Aminah"}],
            },
        ),
        (
            "institution",
            {
                "kind": "karang_taruna",
                "name": "Karang Taruna Tunas Muda",
                "description": "",
                "people": [{"name": "Rizky Pratama", "role": "Ketua"}],
            },
        ),
    ]
    profile.save_revision().publish()

    page = html(hajimena, "/profil/")
    assert "Profil desa sedang disusun." not in page
    assert "<h2>Sejarah</h2><p>Hajimena dibuka oleh para perintis dari Banten.</p>" in page
    assert "<h3>Visi</h3><p>Hajimena yang maju dan mandiri.</p>" in page
    assert "<h3>Misi</h3><ol><li>Pelayanan yang cepat.</li><li>Jalan usaha tani.</li></ol>" in page

    assert "<dt>Luas wilayah</dt><dd>1.250,75 ha</dd>" in page
    assert "<dd>4.213 jiwa</dd>" in page and "<dd>1.187</dd>" in page
    assert re.search(r"<dt>Jumlah penduduk</dt><dd>4\.?213 jiwa</dd>", page)
    assert re.search(r"<dt>Jumlah KK</dt><dd>1\.?187</dd>", page)
    assert in_order(
        page,
        "<dt>Batas sebelah utara</dt><dd>Desa Candimas</dd>",
        "<dt>Batas sebelah timur</dt><dd>Desa Muara Putih</dd>",
        "<dt>Batas sebelah selatan</dt><dd>Kota Bandar Lampung</dd>",
        "<dt>Batas sebelah barat</dt><dd>Desa Pemanggilan</dd>",
    )
    assert (
        "<h3>Dusun</h3><ul><li>Dusun Sukajaya</li><li>Dusun Hajimena Induk</li>"
        "<li>Dusun Way Kandis</li></ul>" in page
    )
    map_url = (
        "https://www.openstreetmap.org/?mlat=-5.368100&amp;mlon=105.241900"
        "#map=15/-5.368100/105.241900"
    )
    assert f'<a href="{map_url}">Lihat lokasi desa di peta</a>' in page

    officials = page.split("<h2>Perangkat desa</h2>")[1]
    assert in_order(
        officials,
        "<strong>Suhartono</strong><br>Kepala Desa",
        "<strong>Nurhayati</strong><br>Sekretaris Desa",
        "<strong>Ahmad Fauzi</strong><br>Kepala Urusan Keuangan",
    )
    institutions = page.split("<h2>Lembaga desa</h2>")[1]
    assert (
        "<h3>Badan Permusyawaratan Desa</h3><p>Menampung aspirasi warga.</p>"
        "<ul><li>Darmawan, Ketua</li><li>Siti Aminah</li></ul>" in institutions
    )
    assert "<h3>Karang Taruna Tunas Muda</h3><ul><li>Rizky Pratama, Ketua</li></ul>" in institutions

    # Sidosari's profile is its own, and still empty.
    other = html(sidosari, "/profil/")
    assert "Profil desa sedang disusun." in other
    assert "Suhartono" not in other and "Desa Candimas" not in other


def test_a_profile_without_coordinates_has_no_map_link(hajimena):
    profile = section(hajimena, "profil")
    profile.history = "<p>Desa tua di tepi Way Sekampung.</p>"
    profile.latitude = "-5.368100"  # only half a position
    profile.save_revision().publish()
    page = html(hajimena, "/profil/")
    assert "Desa tua di tepi Way Sekampung." in page
    assert "openstreetmap.org" not in page and "Lihat lokasi desa di peta" not in page


def test_a_profile_with_only_land_figures_and_a_position_shows_them(hajimena):
    # Often the first thing a secretary fills in: the figures from the village's records.
    profile = section(hajimena, "profil")
    profile.area_hectares = "850"
    profile.households = 1187
    profile.latitude = "-5.368100"
    profile.longitude = "105.241900"
    profile.save_revision().publish()
    page = html(hajimena, "/profil/")
    assert "Profil desa sedang disusun." not in page
    assert "<dt>Luas wilayah</dt><dd>850 ha</dd>" in page
    assert re.search(r"<dt>Jumlah KK</dt><dd>1\.?187</dd>", page)
    assert "Lihat lokasi desa di peta" in page


def test_a_profile_with_only_officials_is_not_empty(hajimena):
    profile = section(hajimena, "profil")
    profile.officials = [Official(name="Suhartono", position="Kepala Desa", sort_order=0)]
    profile.save_revision().publish()
    page = html(hajimena, "/profil/")
    assert "Profil desa sedang disusun." not in page
    assert "<strong>Suhartono</strong><br>Kepala Desa" in page


# Services


@pytest.fixture
def form_document(hajimena):
    Document = get_document_model()
    document = Document.objects.create(
        title="Formulir permohonan SKTM",
        file=ContentFile(b"%PDF-1.4\n% formulir\n", name="formulir-sktm.pdf"),
        collection=hajimena.collection,
    )
    yield document
    document.file.delete(save=False)


def test_the_services_index_lists_this_villages_services(hajimena, sidosari):
    add_service(hajimena, "Surat Keterangan Usaha", slug="sku")
    add_service(hajimena, "Surat Keterangan Domisili", slug="domisili")
    add_service(hajimena, "Surat yang ditarik", live=False)
    add_service(sidosari, "Surat Pengantar Nikah Sidosari")
    page = html(hajimena, "/layanan/")
    assert in_order(
        page,
        '<a href="/layanan/domisili/"><h2>Surat Keterangan Domisili</h2></a>',
        '<a href="/layanan/sku/"><h2>Surat Keterangan Usaha</h2></a>',
    )
    assert "Untuk keperluan surat keterangan usaha." in page
    assert "Surat yang ditarik" not in page
    assert "Surat Pengantar Nikah Sidosari" not in page
    assert 'class="empty"' not in page


def test_a_service_page_tells_a_villager_everything_they_need(hajimena, form_document):
    add_service(
        hajimena,
        "Surat Keterangan Tidak Mampu",
        slug="sktm",
        purpose="Untuk keringanan biaya sekolah dan berobat.",
        requirements="<ul><li>Fotokopi KTP</li><li>Surat pengantar RT</li></ul>",
        steps="<ol><li>Datang ke kantor desa.</li><li>Petugas memeriksa berkas.</li></ol>",
        fee=250000,
        duration="1 hari kerja",
        where_and_when="Kantor desa, Senin-Jumat 08.00-15.00 WIB",
        contact="Nurhayati, Sekretaris Desa",
        forms=[("form", {"document": form_document, "label": "Formulir permohonan"})],
    )
    page = html(hajimena, "/layanan/sktm/")
    assert '<p class="lead">Untuk keringanan biaya sekolah dan berobat.</p>' in page
    assert (
        "<h2>Persyaratan yang dibawa</h2>\n"
        "<ul><li>Fotokopi KTP</li><li>Surat pengantar RT</li></ul>" in page
    )
    assert "<h2>Langkah-langkah</h2><ol><li>Datang ke kantor desa.</li>" in page
    assert "<dt>Biaya</dt><dd>Rp250.000</dd>" in page
    assert "<dt>Lama pengurusan</dt><dd>1 hari kerja</dd>" in page
    assert "<dt>Tempat dan waktu</dt><dd>Kantor desa, Senin-Jumat 08.00-15.00 WIB</dd>" in page
    assert "<dt>Kontak</dt><dd>Nurhayati, Sekretaris Desa</dd>" in page
    assert "<h2>Formulir untuk diunduh</h2>" in page
    assert f'<a href="{form_document.url}">Formulir permohonan</a> <span>(PDF)</span>' in page
    # The link gives the villager the form itself.
    download = get("hajimena.localhost", form_document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4\n% formulir\n"


def test_a_service_without_a_fee_is_free(hajimena):
    add_service(hajimena, "Surat Keterangan Domisili", slug="domisili")
    page = html(hajimena, "/layanan/domisili/")
    assert "<dt>Biaya</dt><dd>Gratis</dd>" in page
    assert "Rp" not in page.split("<dt>Biaya</dt>")[1].split("</dd>")[0]
    # Nothing is promised that staff did not fill in.
    assert "Lama pengurusan" not in page and "Formulir untuk diunduh" not in page


# Where pages may be created


def test_each_section_exists_once_per_village(hajimena):
    home = hajimena.home_page.specific
    for section_class in (NewsIndexPage, ServiceIndexPage, EventIndexPage, ProfilePage):
        assert not section_class.can_create_at(home), section_class
    section(hajimena, "berita").delete()
    home.refresh_from_db()  # as the admin's next request reads it
    assert NewsIndexPage.can_create_at(home)
    assert not ServiceIndexPage.can_create_at(home)


def test_the_admin_refuses_a_second_news_section(hajimena):
    operator = get_user_model().objects.create_superuser("operator", "op@balai.id", "x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(operator)
    home = hajimena.home_page
    refused = client.get(f"/admin/pages/add/village_pages/newsindexpage/{home.pk}/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert NewsIndexPage.objects.child_of(home).count() == 1
    news = section(hajimena, "berita")
    assert client.get(f"/admin/pages/add/village_pages/newspage/{news.pk}/").status_code == 200


def test_news_articles_go_under_the_news_section_only(hajimena):
    assert NewsPage.can_create_at(section(hajimena, "berita"))
    assert not NewsPage.can_create_at(section(hajimena, "layanan"))
    assert not NewsPage.can_create_at(hajimena.home_page.specific)
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]


def test_village_home_pages_are_made_by_the_generator_only(hajimena):
    home = hajimena.home_page.specific
    district = home.get_parent().specific
    assert isinstance(district, DistrictPage)
    assert VillageHomePage.is_creatable is False
    assert not VillageHomePage.can_create_at(district)
    assert VillageHomePage.can_exist_under(district)
    assert not VillageHomePage.can_exist_under(district.get_parent().specific)  # the regency
    assert not VillageHomePage.can_exist_under(PortalHomePage.objects.first())
    assert not VillageHomePage.can_exist_under(home)
    assert VillageHomePage.allowed_parent_page_models() == [DistrictPage]
    assert isinstance(district.get_parent().specific, RegencyPage)


def test_events_and_services_live_in_their_own_sections(hajimena):
    home = hajimena.home_page.specific
    agenda, services, news = (section(hajimena, slug) for slug in ("agenda", "layanan", "berita"))
    assert EventPage.can_create_at(agenda)
    for parent in (services, news, home):
        assert not EventPage.can_create_at(parent), parent
    assert ServicePage.can_create_at(services)
    for parent in (agenda, news, home):
        assert not ServicePage.can_create_at(parent), parent
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert ServiceIndexPage.allowed_subpage_models() == [ServicePage]
    assert not AnnouncementIndexPage.can_create_at(home)


# Home page


def test_the_home_page_shows_this_villages_latest_news_events_services_and_products(
    hajimena, sidosari
):
    news = section(hajimena, "berita")
    for title, day in (
        ("Panen raya padi", 3),
        ("Jalan usaha tani selesai", 5),
        ("Vaksinasi ternak", 1),
        ("Pelatihan menjahit", 4),
    ):
        news.add_child(instance=NewsPage(title=title, date=datetime.date(2024, 6, day)))
    section(sidosari, "berita").add_child(
        instance=NewsPage(title="Berita Sidosari terbaru", date=datetime.date(2024, 7, 1))
    )
    add_event(hajimena, "Upacara HUT RI", wib(2099, 8, 17, 8), place="Lapangan desa")
    add_event(hajimena, "Musyawarah desa 2019", wib(2019, 3, 2, 9))
    add_event(sidosari, "Pasar murah Sidosari", wib(2099, 8, 20, 8))
    for title in ("Surat E", "Surat D", "Surat C", "Surat B", "Surat A"):
        add_service(hajimena, title)
    add_service(sidosari, "Surat Sidosari")
    add_product(hajimena, "Keripik pisang", price=25000, unit="kg")
    assert isinstance(section(sidosari, "produk"), ProductIndexPage)
    add_product(sidosari, "Kopi Sidosari", price=60000)

    page = html(hajimena)
    latest = page.split("<h2>Berita terbaru</h2>")[1].split("</section>")[0]
    assert in_order(latest, "Jalan usaha tani selesai", "Pelatihan menjahit", "Panen raya padi")
    assert "Vaksinasi ternak" not in page
    coming = page.split("<h2>Akan datang</h2>")[1].split("</section>")[0]
    assert "Upacara HUT RI" in coming and "Lapangan desa" in coming
    assert "Musyawarah desa 2019" not in page
    services = page.split("<h2>Layanan publik</h2>")[1].split("</section>")[0]
    assert in_order(services, "Surat A", "Surat B", "Surat C", "Surat D")
    assert "Surat E" not in services
    products = page.split("<h2>Produk desa</h2>")[1].split("</section>")[0]
    assert "Keripik pisang" in products and "Rp25.000 / kg" in products
    for other in ("Berita Sidosari", "Pasar murah Sidosari", "Surat Sidosari", "Kopi Sidosari"):
        assert other not in page


def test_a_new_villages_home_page_has_no_empty_lists(hajimena):
    page = html(hajimena)
    for heading in ("Berita terbaru", "Akan datang", "Layanan publik", "Produk desa"):
        assert f"<h2>{heading}</h2>" not in page


def test_every_page_of_a_village_shows_its_office_contacts(hajimena, sidosari):
    settings = VillageSettings.for_site(hajimena.site)
    settings.office_hours = "Senin-Jumat 08.00-15.00 WIB"
    settings.contact_phone = "0812-3456-7890"
    settings.full_clean()  # as the admin form does: the number is stored as +62...
    settings.save()
    for path in ("/", "/layanan/", "/agenda/"):
        footer = html(hajimena, path).split('<footer class="site-footer">')[1]
        assert "Jam pelayanan: Senin-Jumat 08.00-15.00 WIB" in footer, path
        assert ">0812-3456-7890</a>" in footer, path
        assert 'href="tel:+6281234567890"' in footer, path
    other = html(sidosari).split('<footer class="site-footer">')[1]
    assert "0812-3456-7890" not in other and "Jam pelayanan" not in other
