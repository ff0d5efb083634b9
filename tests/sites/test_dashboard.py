"""The dashboard shows village staff their own village: its name and what waits for them."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.models import Page

from sites.generator import provision_village
from sites.models import Village
from sites.staff import add_staff
from tests.admin import login
from tests.marketplace.products import photo
from village_pages.models import Complaint, NewsPage

pytestmark = pytest.mark.django_db


def add_news(village, title):
    berita = village.home_page.get_children().get(slug="berita")
    return berita.add_child(instance=NewsPage(title=title, date=datetime.date(2025, 6, 30)))


def complain(village, name, status="received"):
    return Complaint.objects.create(
        village=village, name=name, message="Jalan rusak.", status=status
    )


def submit_for_moderation(page, user):
    page.save_revision(user=user, clean=False)
    page.get_workflow().start(page, user)


def own_pages(village):
    homes = Page.objects.filter(translation_key=village.home_page.translation_key)
    return sum(home.get_descendants(inclusive=True).count() for home in homes)


def summary(dashboard):
    """The dashboard's counts as staff read them, with where each leads."""
    section = re.search(r'<section class="w-summary".*?</section>', dashboard, re.S)[0]
    return {
        " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split()): href
        for href, text in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', section, re.S)
    }


def title(dashboard):
    return html.unescape(re.search(r'<h1 class="w-h1[^"]*">\s*(.*?)\s*</h1>', dashboard, re.S)[1])


@pytest.fixture
def villages(hajimena, sidosari):
    add_news(hajimena, "Panen raya")
    photo(hajimena, "Sawah")
    complain(hajimena, "Ani")
    complain(hajimena, "Budi", status="answered")
    for name in ("Citra", "Dedi", "Eka"):
        complain(sidosari, name)
    for n in range(3):
        photo(sidosari, f"Pasar {n}")
        add_news(sidosari, f"Kabar {n}")
    return hajimena, sidosari


def test_staff_see_their_village_name_and_its_own_counts(villages):
    hajimena, sidosari = villages
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    dashboard = login(editor).get("/admin/").content.decode()
    assert title(dashboard) == "Desa Hajimena"
    assert summary(dashboard) == {
        f"{own_pages(hajimena)} halaman": f"/admin/pages/{hajimena.home_page_id}/",
        "1 gambar": "/admin/images/",
        "0 halaman menunggu moderasi": "/admin/reports/workflow/?status=in_progress",
        "1 pengaduan baru": "/admin/complaints/?status=received",
    }
    assert "Sidosari" not in dashboard and "Balai" not in title(dashboard)


def test_another_villages_staff_see_only_theirs(villages):
    hajimena, sidosari = villages
    moderator = add_staff(sidosari, "moderator-sidosari", "moderator")[0]
    editor = add_staff(sidosari, "editor-sidosari", "editor")[0]
    news = sidosari.home_page.get_children().get(slug="berita").get_children().first()
    submit_for_moderation(news.specific, editor)
    dashboard = login(moderator).get("/admin/").content.decode()
    assert title(dashboard) == "Desa Sidosari"
    counts = summary(dashboard)
    assert f"{own_pages(sidosari)} halaman" in counts
    assert {"3 gambar", "1 halaman menunggu moderasi", "3 pengaduan baru"} <= set(counts)
    assert "Menunggu tinjauan Anda" in dashboard and news.title in dashboard
    assert "Hajimena" not in dashboard
    theirs = login(add_staff(hajimena, "moderator-hajimena", "moderator")[0]).get("/admin/")
    assert news.title not in theirs.content.decode()
    assert "0 halaman menunggu moderasi" in summary(theirs.content.decode())


def test_the_operator_keeps_the_install_wide_summary(villages, admin_user):
    dashboard = login(admin_user).get("/admin/").content.decode()
    pages = Page.objects.count() - 1  # Wagtail's root is not a page anyone reads
    assert summary(dashboard) == {
        f"{Village.objects.count()} desa": "/admin/villages/",
        f"{pages} halaman": "/admin/pages/",
        f"{Image.objects.count()} gambar": "/admin/images/",
        "0 dokumen": "/admin/documents/",
    }


def dashboard_queries(client):
    assert client.get("/admin/").status_code == 200  # the first visit fills the caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


def test_the_staff_dashboard_costs_the_same_however_many_villages(villages):
    hajimena, _sidosari = villages
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    submit_for_moderation(add_news(hajimena, "Musyawarah desa"), editor)
    client = login(add_staff(hajimena, "moderator-hajimena", "moderator")[0])
    before = dashboard_queries(client)
    for n, code in enumerate(("18.01.04.2003", "18.01.04.2004", "18.01.04.2005")):
        village = provision_village(code)
        photo(village, "Balai desa")
        complain(village, "Fajar")
        submit_for_moderation(
            add_news(village, "Kabar desa"), add_staff(village, f"e{n}", "editor")[0]
        )
    assert dashboard_queries(client) == before
