"""The complaint form, its admin, search, sitemaps and what machines read from each page."""

import datetime
import io
import json
import os
import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image

from sites.generator import provision_village
from sites.staff import add_staff
from tests.admin import login
from tests.queries import queries_for
from village_pages.models import Complaint, EventPage, NewsPage

pytestmark = pytest.mark.django_db

MESSAGE = "Lampu jalan di dusun dua mati sejak minggu lalu, mohon diperbaiki."
THANK_YOU = "Pesan Anda sudah terkirim"
NEED_CONTACT = "Isi nomor telepon atau alamat email agar kantor dapat menjawab Anda."
WRONG_FORMAT = "Kirim foto berformat JPEG, PNG atau WebP."
TOO_LARGE = "Foto terlalu besar"
SLOW_DOWN = "Anda sudah mengirim beberapa pesan dalam waktu singkat."
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PORTAL_SITEMAPS = ["/sitemap.xml", "/sitemap-portal.xml", "/sitemap-lampung-selatan.xml"]


def host(village):
    return f"{village.slug}.localhost"


def visitor(village, address="203.0.113.7"):
    return Client(HTTP_HOST=host(village), REMOTE_ADDR=address)


def section(village, slug):
    return village.home_page.get_children().get(slug=slug).specific


def complaint(**changes):
    return {"name": "Bu Sri", "phone": "0812-3456-7890", "message": MESSAGE, **changes}


def html(response):
    return response.content.decode()


def textarea(response):
    """What the message box of the re-shown form holds."""
    match = re.search(r"<textarea[^>]*name=\"message\"[^>]*>(.*?)</textarea>", html(response), re.S)
    assert match, "the form has no message box"
    return match.group(1).strip()


def image_bytes(kind, size=(40, 30), color="green"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, kind)
    return buffer.getvalue()


def jpeg(size=(40, 30), name="sawah.jpg"):
    return SimpleUploadedFile(name, image_bytes("JPEG", size), content_type="image/jpeg")


def noisy_png(min_bytes):
    """A real PNG of random pixels, which does not compress below `min_bytes`."""
    side = int((min_bytes / 3) ** 0.5) + 64
    photo = PILImage.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    buffer = io.BytesIO()
    photo.save(buffer, "PNG")
    data = buffer.getvalue()
    assert len(data) > min_bytes
    return SimpleUploadedFile("sawah.png", data, content_type="image/png")


def add_news(village, title, **fields):
    index = section(village, "berita")
    slug = fields.pop("slug", re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:50])
    return index.add_child(
        instance=NewsPage(title=title, slug=slug, date=datetime.date(2025, 3, 14), **fields)
    )


def json_ld(response):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html(response), re.S)
    return [json.loads(block) for block in blocks]


def meta(response, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html(response))
    return match.group(1) if match else None


def locations(response):
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return [loc.text for loc in root.iter(f"{SITEMAP_NS}loc")]


# The complaint form


def test_a_complaint_reaches_its_own_village_and_thanks_the_villager(hajimena, sidosari):
    client = visitor(hajimena)
    response = client.post("/pengaduan/", complaint())
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.netloc in ("", host(hajimena))
    assert (target.path, target.query) == ("/pengaduan/terkirim/", "")
    thanks = client.get(target.path)
    assert thanks.status_code == 200
    assert THANK_YOU in html(thanks)
    sent = Complaint.objects.get()
    assert sent.village == hajimena
    assert (sent.name, sent.phone, sent.message) == ("Bu Sri", "0812-3456-7890", MESSAGE)
    assert not sidosari.complaints.exists()


def test_the_form_does_not_thank_before_anything_was_sent(hajimena, sidosari):
    assert THANK_YOU not in html(visitor(hajimena).get("/pengaduan/"))


def test_a_robot_filling_the_hidden_field_is_thanked_but_nothing_is_kept(hajimena, sidosari):
    client = visitor(hajimena)
    response = client.post("/pengaduan/", complaint(website="http://obat-murah.example"))
    assert response.status_code == 302
    assert response["Location"].endswith("/pengaduan/terkirim/")
    assert THANK_YOU in html(client.get("/pengaduan/terkirim/"))
    assert not Complaint.objects.exists()


def test_a_complaint_without_phone_or_email_asks_for_one_and_keeps_the_text(hajimena, sidosari):
    response = visitor(hajimena).post("/pengaduan/", complaint(phone="", email=""))
    assert response.status_code == 200
    assert NEED_CONTACT in html(response)
    assert textarea(response) == MESSAGE
    assert not Complaint.objects.exists()


def test_an_email_alone_is_enough_to_be_answered(hajimena, sidosari):
    response = visitor(hajimena).post("/pengaduan/", complaint(phone="", email="sri@example.com"))
    assert response.status_code == 302
    assert Complaint.objects.get().email == "sri@example.com"


@pytest.mark.parametrize(
    "photo",
    [
        ("foto.jpg", b"ini bukan foto, hanya teks", "image/jpeg"),
        (
            "foto.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b'<rect width="10" height="10" fill="red"/></svg>',
            "image/svg+xml",
        ),
        ("foto.gif", image_bytes("GIF"), "image/gif"),
    ],
    ids=["text-named-jpg", "svg", "gif"],
)
def test_a_photo_that_is_not_jpeg_png_or_webp_is_refused_and_the_text_kept(
    hajimena, sidosari, photo
):
    name, content, content_type = photo
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    response = visitor(hajimena).post("/pengaduan/", complaint(photo=upload))
    assert response.status_code == 200
    assert WRONG_FORMAT in html(response)
    assert textarea(response) == MESSAGE
    assert not Complaint.objects.exists()


def test_a_photo_over_five_megabytes_is_refused_and_the_text_kept(hajimena, sidosari):
    response = visitor(hajimena).post(
        "/pengaduan/", complaint(photo=noisy_png(5 * 1024 * 1024 + 1))
    )
    assert response.status_code == 200
    assert TOO_LARGE in html(response)
    assert textarea(response) == MESSAGE
    assert not Complaint.objects.exists()


def test_a_small_photo_is_kept_with_the_complaint(hajimena, sidosari):
    response = visitor(hajimena).post("/pengaduan/", complaint(photo=jpeg()))
    assert response.status_code == 302
    photo = Complaint.objects.get().photo
    assert photo.name.startswith(f"complaints/{hajimena.pk}/")
    assert photo.name.endswith(".jpg")
    photo.delete(save=False)


def test_a_fourth_message_within_ten_minutes_waits_but_keeps_the_text(hajimena, sidosari):
    client = visitor(hajimena)
    for number in range(3):
        response = client.post("/pengaduan/", complaint(message=f"{MESSAGE} ({number})"))
        assert response.status_code == 302, number
    response = client.post("/pengaduan/", complaint())
    assert response.status_code == 429
    assert SLOW_DOWN in html(response)
    assert textarea(response) == MESSAGE
    assert hajimena.complaints.count() == 3
    # Another visitor of the same village is not held back.
    assert visitor(hajimena, "198.51.100.9").post("/pengaduan/", complaint()).status_code == 302
    # The same visitor may still write to another village.
    response = visitor(sidosari).post("/pengaduan/", complaint())
    assert response.status_code == 302
    assert sidosari.complaints.get().message == MESSAGE


# The complaints in the admin


@pytest.fixture
def complaints(hajimena, sidosari):
    return (
        Complaint.objects.create(
            village=hajimena, name="Pak Harjo", phone="081234567890", message="Jalan berlubang"
        ),
        Complaint.objects.create(
            village=sidosari, name="Bu Warsini", phone="081298765432", message="Air PAM keruh"
        ),
    )


def test_village_staff_see_only_their_own_villages_complaints(hajimena, complaints):
    own, other = complaints
    client = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    listing = client.get("/admin/complaints/")
    assert listing.status_code == 200
    assert own.name in html(listing)
    assert other.name not in html(listing)
    assert other.message not in html(listing)
    assert client.get(f"/admin/complaints/inspect/{own.pk}/").status_code == 200
    assert client.get(f"/admin/complaints/edit/{own.pk}/").status_code == 200


@pytest.mark.parametrize("view", ["inspect", "history", "usage"])
def test_village_staff_cannot_read_another_villages_complaint(hajimena, complaints, view):
    own, other = complaints
    client = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    assert client.get(f"/admin/complaints/{view}/{own.pk}/").status_code == 200
    response = client.get(f"/admin/complaints/{view}/{other.pk}/")
    # A villager's phone number and message are for their own village's office only.
    assert other.phone not in html(response)
    assert response.status_code == 404


def test_village_staff_cannot_change_or_delete_another_villages_complaint(hajimena, complaints):
    _own, other = complaints
    client = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    for view in ("edit", "delete"):
        assert client.get(f"/admin/complaints/{view}/{other.pk}/").status_code == 404, view
    answer = {"status": "answered", "public_reply": "Sudah diperbaiki."}
    assert client.post(f"/admin/complaints/edit/{other.pk}/", answer).status_code == 404
    client.post(f"/admin/complaints/delete/{other.pk}/")
    other.refresh_from_db()
    assert (other.status, other.public_reply) == (Complaint.Status.RECEIVED, "")


def test_village_staff_do_not_find_another_villages_complaint_by_searching(hajimena, complaints):
    client = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    found = client.get("/admin/complaints/", {"q": "keruh"})
    assert found.status_code == 200
    assert "Bu Warsini" not in html(found)


def test_a_superuser_sees_every_villages_complaints(complaints):
    admin = get_user_model().objects.create_superuser("operator", "op@example.com", "rahasia")
    client = login(admin)
    listing = html(client.get("/admin/complaints/"))
    assert "Pak Harjo" in listing and "Bu Warsini" in listing
    for each in complaints:
        assert client.get(f"/admin/complaints/inspect/{each.pk}/").status_code == 200
        assert client.get(f"/admin/complaints/edit/{each.pk}/").status_code == 200


# Search


def test_search_finds_this_villages_news_and_never_another_villages(hajimena, sidosari):
    own = add_news(hajimena, "Perbaikan irigasi sawah Dusun Satu")
    other = add_news(sidosari, "Irigasi baru untuk Sidosari")
    draft = add_news(hajimena, "Rencana irigasi yang belum terbit", live=False)
    response = visitor(hajimena).get("/cari/", {"q": "irigasi"})
    assert response.status_code == 200
    page = html(response)
    assert own.title in page
    assert 'href="/berita/perbaikan-irigasi-sawah-dusun-satu/"' in page
    assert other.title not in page
    assert draft.title not in page
    # And the other way round.
    there = html(visitor(sidosari).get("/cari/", {"q": "irigasi"}))
    assert other.title in there and own.title not in there


def test_search_says_so_when_nothing_matches(hajimena, sidosari):
    add_news(sidosari, "Irigasi baru untuk Sidosari")
    page = html(visitor(hajimena).get("/cari/", {"q": "irigasi"}))
    assert "Tidak ada yang cocok dengan “irigasi” di situs ini." in page
    assert "Sidosari" not in page


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_search_shows_the_form_without_results(hajimena, sidosari, query):
    add_news(hajimena, "Perbaikan irigasi sawah Dusun Satu")
    response = visitor(hajimena).get("/cari/", {"q": query})
    assert response.status_code == 200
    page = html(response)
    assert 'role="search"' in page and 'name="q"' in page
    assert "Cari di situs desa ini" in page
    assert 'class="results"' not in page
    assert "Tidak ada yang cocok" not in page
    assert "Perbaikan irigasi" not in page


def test_search_results_are_kept_out_of_search_engines(hajimena, sidosari):
    for query in ("", "irigasi"):
        page = html(visitor(hajimena).get("/cari/", {"q": query}))
        assert '<meta name="robots" content="noindex">' in page


# Sitemaps and robots.txt


def test_a_villages_sitemap_lists_its_own_live_pages_only(hajimena, sidosari):
    article = add_news(hajimena, "Perbaikan irigasi sawah Dusun Satu")
    add_news(hajimena, "Rencana yang belum terbit", live=False)
    add_news(sidosari, "Irigasi baru untuk Sidosari")
    urls = locations(visitor(hajimena).get("/sitemap.xml"))
    assert all(url.startswith("http://hajimena.localhost/") for url in urls), urls
    assert "http://hajimena.localhost/" in urls
    assert "http://hajimena.localhost/pengaduan/" in urls
    assert article.full_url in urls
    assert "http://hajimena.localhost/berita/rencana-yang-belum-terbit/" not in urls
    assert not any("sidosari" in url for url in urls)


def portal_sitemap_urls():
    """Every address the portal's sitemap index leads to, through its sitemaps."""
    portal = Client(HTTP_HOST="localhost")
    return {
        sitemap: locations(portal.get(urlsplit(sitemap).path))
        for sitemap in locations(portal.get("/sitemap.xml"))
    }


def test_the_portals_sitemap_is_an_index_of_the_portal_and_each_regency(hajimena, sidosari):
    add_news(hajimena, "Perbaikan irigasi sawah Dusun Satu")
    provision_village("18.04.04.2002")  # Kubu Perahu, Lampung Barat
    assert portal_sitemap_urls() == {
        "http://localhost/sitemap-portal.xml": ["http://localhost/", "http://localhost/en/"],
        "http://localhost/sitemap-lampung-selatan.xml": [
            "http://localhost/lampung-selatan/",
            "http://localhost/lampung-selatan/kecamatan-natar/",
            "http://localhost/en/lampung-selatan/",
            "http://localhost/en/lampung-selatan/kecamatan-natar/",
        ],
        "http://localhost/sitemap-lampung-barat.xml": [
            "http://localhost/lampung-barat/",
            "http://localhost/lampung-barat/kecamatan-balik-bukit/",
            "http://localhost/en/lampung-barat/",
            "http://localhost/en/lampung-barat/kecamatan-balik-bukit/",
        ],
    }


def test_the_portals_sitemaps_cost_the_same_queries_for_few_or_many_regions(hajimena):
    few = {path: queries_for("localhost", path) for path in PORTAL_SITEMAPS}
    for code in ("18.01.04.2002", "18.01.07.2012", "18.04.04.2002", "18.71.01.1003"):
        provision_village(code)
    assert {path: queries_for("localhost", path) for path in PORTAL_SITEMAPS} == few


def test_a_regency_sitemap_is_only_on_the_portal(hajimena):
    assert visitor(hajimena).get("/sitemap-lampung-selatan.xml").status_code == 404
    assert Client(HTTP_HOST="localhost").get("/sitemap-nowhere.xml").status_code == 404


@pytest.mark.parametrize(
    "site_host", ["hajimena.localhost", "sidosari-natar.localhost", "localhost"]
)
def test_robots_txt_points_to_the_hosts_own_sitemap(hajimena, sidosari, site_host):
    response = Client(HTTP_HOST=site_host).get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: http://{site_host}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert not any(line.startswith("Sitemap:") and site_host not in line for line in lines)


# What link previews and search engines read


def test_a_news_page_tells_search_engines_and_chat_apps_what_it_is(hajimena, sidosari):
    article = add_news(hajimena, "Posyandu balita bulan Maret", summary="Jadwal posyandu.")
    response = visitor(hajimena).get("/berita/posyandu-balita-bulan-maret/")
    assert response.status_code == 200
    url = "http://hajimena.localhost/berita/posyandu-balita-bulan-maret/"
    assert article.full_url == url
    assert f'<link rel="canonical" href="{url}">' in html(response)
    assert meta(response, "property", "og:url") == url
    assert meta(response, "property", "og:title") == "Posyandu balita bulan Maret"
    assert meta(response, "property", "og:description") == "Jadwal posyandu."
    assert meta(response, "name", "twitter:card") == "summary"
    assert meta(response, "property", "og:image") is None


def test_a_news_page_is_shared_as_an_article(hajimena, sidosari):
    add_news(hajimena, "Posyandu balita bulan Maret")
    response = visitor(hajimena).get("/berita/posyandu-balita-bulan-maret/")
    assert meta(response, "property", "og:type") == "article"


def test_a_section_page_is_shared_as_a_website(hajimena, sidosari):
    response = visitor(hajimena).get("/pengaduan/")
    assert meta(response, "property", "og:type") == "website"
    assert '<link rel="canonical" href="http://hajimena.localhost/pengaduan/">' in html(response)


def test_a_listing_image_becomes_a_large_share_picture_on_the_village_host(hajimena, sidosari):
    image = Image(title="Sawah", collection_id=hajimena.collection_id, file=jpeg((1600, 900)))
    image.save()
    add_news(hajimena, "Panen raya padi", listing_image=image)
    response = visitor(hajimena).get("/berita/panen-raya-padi/")
    share = meta(response, "property", "og:image")
    assert share and share.startswith("http://hajimena.localhost/media/"), share
    assert meta(response, "property", "og:image:width") == "1200"
    assert meta(response, "property", "og:image:height") == "630"
    assert meta(response, "name", "twitter:card") == "summary_large_image"
    # The picture behind the URL really is 1200 by 630.
    stored = urlsplit(share).path.removeprefix(settings.MEDIA_URL)
    with default_storage.open(stored) as file, PILImage.open(file) as picture:
        assert picture.size == (1200, 630)
    (article,) = [data for data in json_ld(response) if data["@type"] == "NewsArticle"]
    assert article["image"] == share


def test_a_news_page_describes_itself_as_a_news_article(hajimena, sidosari):
    add_news(hajimena, "Posyandu balita bulan Maret", author_name="Sekretaris Desa")
    data = json_ld(visitor(hajimena).get("/berita/posyandu-balita-bulan-maret/"))
    (article,) = data
    assert article["@context"] == "https://schema.org"
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Posyandu balita bulan Maret"
    assert article["datePublished"] == "2025-03-14"
    assert article["url"] == "http://hajimena.localhost/berita/posyandu-balita-bulan-maret/"
    assert article["author"] == {"@type": "Person", "name": "Sekretaris Desa"}
    assert article["publisher"]["name"] == "Desa Hajimena"
    assert article["publisher"]["address"]["addressLocality"] == "Hajimena"


def test_an_event_page_describes_itself_as_an_event(hajimena, sidosari):
    start = timezone.make_aware(datetime.datetime(2025, 8, 17, 7, 30))
    section(hajimena, "agenda").add_child(
        instance=EventPage(
            title="Upacara HUT RI", slug="upacara-hut-ri", start=start, place="Lapangan desa"
        )
    )
    response = visitor(hajimena).get("/agenda/upacara-hut-ri/")
    assert response.status_code == 200
    (event,) = json_ld(response)
    assert event["@type"] == "Event"
    assert event["name"] == "Upacara HUT RI"
    assert datetime.datetime.fromisoformat(event["startDate"]) == start
    assert event["location"]["@type"] == "Place"
    assert event["location"]["name"] == "Lapangan desa"
    assert event["location"]["address"]["addressLocality"] == "Hajimena"
    assert event["organizer"]["name"] == "Desa Hajimena"


def test_a_village_home_page_describes_the_village_government(hajimena, sidosari):
    (office,) = json_ld(visitor(hajimena).get("/"))
    assert office["@type"] == "GovernmentOrganization"
    assert office["name"] == "Desa Hajimena"
    assert office["url"] == "http://hajimena.localhost/"
    address = office["address"]
    assert address["@type"] == "PostalAddress"
    assert address["addressLocality"] == "Hajimena"
    assert address["postalCode"] == "35362"
    assert address["addressCountry"] == "ID"
    (neighbour,) = json_ld(visitor(sidosari).get("/"))
    assert neighbour["address"]["addressLocality"] == "Sidosari"


def test_a_title_cannot_break_out_of_the_structured_data(hajimena, sidosari):
    title = "Panen raya</script><script>alert(1)</script>"
    add_news(hajimena, title, slug="panen-raya")
    response = visitor(hajimena).get("/berita/panen-raya/")
    assert response.status_code == 200
    assert "<script>alert(1)" not in html(response)
    (article,) = json_ld(response)
    assert article["headline"] == title


def test_nobody_writes_a_complaint_in_the_admin(hajimena):
    from django.contrib.auth import get_user_model

    operator = get_user_model().objects.create_superuser("operator", "op@balai.id", "x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(operator)
    assert client.get("/admin/complaints/").status_code == 200
    assert client.get("/admin/complaints/new/").status_code in (302, 403)


def test_behind_a_load_balancer_visitors_are_told_apart(hajimena, settings):
    settings.BALAI_PROXY_COUNT = 1
    client = Client(HTTP_HOST="hajimena.localhost")
    form = {"name": "Sri", "phone": "0812-3456-7890", "message": "Lampu jalan mati."}
    for _ in range(3):
        client.post("/pengaduan/", form, HTTP_X_FORWARDED_FOR="10.0.0.1", REMOTE_ADDR="10.9.9.9")
    limited = client.post(
        "/pengaduan/", form, HTTP_X_FORWARDED_FOR="10.0.0.1", REMOTE_ADDR="10.9.9.9"
    )
    assert limited.status_code == 429
    other = client.post(
        "/pengaduan/", form, HTTP_X_FORWARDED_FOR="10.0.0.2", REMOTE_ADDR="10.9.9.9"
    )
    assert other.status_code == 302
