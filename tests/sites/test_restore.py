"""A village removed after its archive was written comes back from that archive: the same
addresses answer the same pages in both languages, its drafts wait where they were, its staff
come back without their old passwords, and a bad archive makes nothing."""

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from marketplace.models import Seller
from sites.models import Village, VillageSettings
from sites.removal import pages_of
from sites.staff import add_staff, find_village
from tests.admin import login
from tests.marketplace.products import add_product
from village_pages.models import Complaint, NewsPage

pytestmark = pytest.mark.django_db

# What may differ between a page and the same page restored: per-request tokens.
DIFFERENCES_ALLOWED = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), "CSRF"),
]


def png(colour="green"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), colour).save(buffer, "PNG")
    return buffer.getvalue()


def add_article_with_links(village):
    """A news article linking to a service page, showing an image, offering a document."""
    services = village.home_page.get_children().get(slug="layanan")
    service = services.get_children().live().first() or services
    leaflet = get_document_model().objects.create(
        title="Syarat KTP", collection=village.collection, file=ContentFile(b"%PDF-1.4", "ktp.pdf")
    )
    image = get_image_model().objects.filter(collection=village.collection).first()
    news = village.home_page.get_children().get(slug="berita")
    return news.add_child(
        instance=NewsPage(
            title="Pelayanan KTP keliling",
            summary="Petugas datang ke dusun.",
            body=[
                ("paragraph", f'<p>Lihat <a linktype="page" id="{service.pk}">syaratnya</a>.</p>'),
                ("image", {"image": image, "caption": "Balai desa"}),
                ("document", {"document": leaflet, "label": "Unduh syarat"}),
            ],
        )
    )


@pytest.fixture
def demo_hajimena(db):
    """The demo's Hajimena, with a document, a draft, a page changed since it was published,
    links between its pages, and a complaint with a photo and its reply."""
    call_command("seed_demo", stdout=io.StringIO())
    village = find_village("hajimena")
    article = add_article_with_links(village)
    article.tags.add("ktp", "layanan")
    article.save_revision().publish()
    article.title = "Pelayanan KTP keliling (diubah)"
    article.save_revision()
    news = article.get_parent()
    news.add_child(instance=NewsPage(title="Rapat desa belum terbit", live=False)).save_revision()
    logo = get_image_model().objects.create(
        title="Logo", collection=village.collection, file=ContentFile(png("blue"), "logo.png")
    )
    VillageSettings.objects.filter(site=village.site).update(logo=logo)
    villager = Client(HTTP_HOST=village.hostname, REMOTE_ADDR="203.0.113.7")
    photo = SimpleUploadedFile("lampu.png", png("red"), content_type="image/png")
    form = {"name": "Bu Sri", "phone": "0812-3456-7890", "message": "Lampu mati.", "photo": photo}
    assert villager.post("/pengaduan/", form).status_code == 302
    Complaint.objects.filter(village=village).update(
        status=Complaint.Status.ANSWERED, public_reply="Sudah diganti."
    )
    return village


def public_urls(village):
    complaint = Complaint.objects.get(village=village)
    pages = pages_of(village).live().order_by("path")
    return [page.get_url_parts()[2] for page in pages] + [
        "/sitemap.xml",
        "/cari/?q=desa",
        "/en/search/?q=residence",
        "/berita/feed/",
        f"/pengaduan/status/{complaint.reference}/",
    ]


def what_visitors_see(village):
    cache.clear()
    visitor = Client(HTTP_HOST=village.hostname)
    seen = {}
    for url in public_urls(village):
        response = visitor.get(url)
        html = response.content.decode()
        for pattern, replacement in DIFFERENCES_ALLOWED:
            html = pattern.sub(replacement, html)
        seen[url] = (response.status_code, html)
    return seen


def what_staff_see(village):
    """Each page's latest version, as the admin shows it: the drafts above the live pages."""
    pages = pages_of(village).order_by("path").specific()
    return {
        (page.locale.language_code, page.url_path): (
            page.live,
            page.has_unpublished_changes,
            page.get_latest_revision_as_object().title,
        )
        for page in pages
    }


def rest_of_the_village(village):
    complaint = Complaint.objects.get(village=village)
    site_settings = VillageSettings.objects.get(site=village.site)
    return {
        "hostname": Site.objects.get(village=village).hostname,
        "sellers": sorted(
            Seller.objects.filter(village=village).values_list(
                "name", "whatsapp_number", "locale__language_code"
            )
        ),
        "complaint": (complaint.reference, complaint.status, complaint.public_reply),
        "photo": complaint.photo.open("rb").read()[:8],
        "logo": site_settings.logo.title,
        "images": get_image_model().objects.filter(collection=village.collection).count(),
        "documents": get_document_model().objects.filter(collection=village.collection).count(),
        "staff": sorted(
            get_user_model()
            .objects.filter(groups__in=[village.editors, village.moderators])
            .values_list("username", "groups__name")
        ),
    }


def test_a_removed_village_comes_back_from_its_archive_as_it_was(
    demo_hajimena, tmp_path, django_capture_on_commit_callbacks
):
    hajimena, archive = demo_hajimena, tmp_path / "hajimena.zip"
    visitors, staff, rest = (
        what_visitors_see(hajimena),
        what_staff_see(hajimena),
        rest_of_the_village(hajimena),
    )
    assert len(visitors) > 30 and all(status == 200 for status, _html in visitors.values())
    with django_capture_on_commit_callbacks(execute=True):  # its files go, as they would
        call_command("remove_village", "hajimena", "--yes", "--export-to", str(archive))
    assert find_village("hajimena") is None

    call_command("restore_village", str(archive), stdout=io.StringIO())

    restored = find_village("hajimena")
    assert what_visitors_see(restored) == visitors
    assert what_staff_see(restored) == staff
    assert rest_of_the_village(restored) == rest
    assert not any(Page.find_problems())
    draft = pages_of(restored).get(title="Pelayanan KTP keliling")
    editor = login(get_user_model().objects.get(username="editor-hajimena"))
    assert "Pelayanan KTP keliling (diubah)" in editor.get(f"/admin/pages/{draft.pk}/edit/").text


@pytest.fixture
def hajimena(hajimena):
    add_product(hajimena, "Kopi Bubuk", 65000)  # a seller, a page and a photo
    add_staff(hajimena, "moderator-hajimena", "moderator", email="kades@example.id")
    return hajimena


def test_on_another_install_every_link_leads_to_what_was_restored(hajimena, tmp_path, monkeypatch):
    article = add_article_with_links(hajimena)
    article.save_revision().publish()
    archive = tmp_path / "hajimena.zip"
    call_command("remove_village", "hajimena", "--yes", "--export-to", str(archive))
    # Another install has given out every id the archive holds.
    monkeypatch.setattr("sites.restore.highest_id_given", lambda model: 0)

    call_command("restore_village", str(archive), stdout=io.StringIO())

    village = find_village("hajimena")
    article = pages_of(village).get(title="Pelayanan KTP keliling").specific
    product = pages_of(village).get(title="Kopi Bubuk").specific
    document = get_document_model().objects.get(collection=village.collection)
    html = Client(HTTP_HOST=village.hostname).get(article.url).text
    assert 'href="http://hajimena.localhost/layanan/"' in html
    assert f'href="{document.url}"' in html and document.file.read() == b"%PDF-1.4"
    assert product.seller.village == village and product.village == village
    assert product.photos.get().image.collection_id == village.collection_id
    assert not any(Page.find_problems())


def test_restored_staff_set_a_new_password_before_they_sign_in(hajimena, tmp_path):
    archive = tmp_path / "hajimena.zip"
    call_command("export_village", "hajimena", str(archive), stdout=io.StringIO())
    call_command("remove_village", "hajimena", "--yes", "--no-export")
    get_user_model().objects.filter(username="moderator-hajimena").delete()

    call_command("restore_village", str(archive), stdout=io.StringIO())

    moderator = get_user_model().objects.get(username="moderator-hajimena")
    assert not moderator.has_usable_password() and moderator.email
    assert moderator.groups.get() == find_village("hajimena").moderators


def stored_files():
    roots = [settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT]
    return {path for root in roots for path in Path(root).rglob("*") if path.is_file()}


def without_a_file(manifest):
    manifest["images"][0]["archived_file"] = "files/images/gone.png"
    return manifest


def with_a_broken_page(manifest):
    manifest["pages"][-1]["content"]["title"] = None  # the database refuses it, last of all
    return manifest


def cut_in_half(archive, damaged):
    damaged.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])


def not_a_zip(archive, damaged):
    damaged.write_bytes(b"PK not a zip at all")


def manifest_changed(change):
    def damage(archive, damaged):
        with zipfile.ZipFile(archive) as original, zipfile.ZipFile(damaged, "w") as changed:
            for name in original.namelist():
                if name != "manifest.json":
                    changed.writestr(name, original.read(name))
            changed.writestr(
                "manifest.json", json.dumps(change(json.loads(original.read("manifest.json"))))
            )

    return damage


@pytest.mark.parametrize(
    "damage, message",
    [
        (cut_in_half, "bukan arsip desa yang utuh"),
        (not_a_zip, "bukan arsip desa yang utuh"),
        (manifest_changed(without_a_file), "tidak memuat berkas files/images/gone.png"),
        (manifest_changed(lambda manifest: {**manifest, "version": 99}), "versi 99"),
        (manifest_changed(lambda manifest: {**manifest, "format": "x"}), "bukan arsip desa Balai"),
        (manifest_changed(with_a_broken_page), "tidak ada yang disimpan"),
        (manifest_changed(lambda manifest: {**manifest, "images": ["x"]}), "tidak sesuai"),
    ],
    ids=[
        *("truncated", "not a zip", "a file missing", "newer", "not Balai's", "a broken page"),
        "tidak sesuai bentuknya",
    ],
)
def test_a_bad_archive_is_refused_and_makes_nothing(hajimena, tmp_path, damage, message):
    archive, damaged = tmp_path / "hajimena.zip", tmp_path / "damaged.zip"
    call_command("remove_village", "hajimena", "--yes", "--export-to", str(archive))
    damage(archive, damaged)
    pages, images, files = Page.objects.count(), get_image_model().objects.count(), stored_files()
    with zipfile.ZipFile(archive) as written:
        archived_stems = tuple(
            Path(name).stem.split("-", 1)[-1] for name in written.namelist() if "/" in name
        )

    with pytest.raises(CommandError, match=message):
        call_command("restore_village", str(damaged))

    assert not Village.objects.filter(slug="hajimena").exists()
    assert (Page.objects.count(), get_image_model().objects.count()) == (pages, images)
    assert not [path for path in stored_files() - files if path.name.startswith(archived_stems)]


def test_a_village_that_exists_is_not_restored_over(hajimena, tmp_path):
    archive = tmp_path / "hajimena.zip"
    call_command("export_village", "hajimena", str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="http://hajimena.localhost/"):
        call_command("restore_village", str(archive))
    assert Village.objects.filter(slug="hajimena").count() == 1
