import datetime
import re
import xml.etree.ElementTree as ET
from html import unescape
from urllib.parse import urljoin

import pytest
from django.test import Client
from django.utils import timezone

from village_pages.models import AnnouncementPage, NewsPage

pytestmark = pytest.mark.django_db

HAJIMENA = "hajimena.localhost"
SIDOSARI = "sidosari-natar.localhost"
DAY = datetime.date(2025, 6, 30)
SCRIPT = "<script>alert(1)</script>"


def get(host, path="/"):
    return Client(HTTP_HOST=host).get(path)


def html(host, path="/"):
    response = get(host, path)
    assert response.status_code == 200, path
    return response.content.decode()


def section(village, slug):
    return village.home_page.get_children().get(slug=slug).specific


def add_news(village, title, *, days_ago=0, category="", tags=(), **fields):
    article = NewsPage(
        title=title, date=DAY - datetime.timedelta(days=days_ago), category=category, **fields
    )
    article.tags.add(*tags)
    return section(village, "berita").add_child(instance=article)


def add_announcement(village, title, *, valid_for, text="Kerja bakti di balai desa.", **fields):
    notice = AnnouncementPage(
        title=title, text=text, valid_until=timezone.now() + valid_for, **fields
    )
    return section(village, "pengumuman").add_child(instance=notice)


def cards(page_html):
    """The titles of the listed articles, top to bottom."""
    return [unescape(t) for t in re.findall(r'<h3><a href="[^"]*">([^<]*)</a></h3>', page_html)]


def link(page_html, rel):
    return unescape(re.search(rf'<a href="([^"]*)" rel="{rel}">', page_html)[1])


def banner(page_html):
    found = re.search(
        r'<aside class="banner" aria-label="Pengumuman">(.*?)</aside>', page_html, re.S
    )
    return found[1] if found else ""


# The news index


def test_the_news_index_lists_this_villages_articles_newest_first(hajimena, sidosari):
    add_news(hajimena, "Panen raya", days_ago=5)
    add_news(hajimena, "Posyandu balita", days_ago=0)
    add_news(hajimena, "Rapat desa", days_ago=2)
    add_news(sidosari, "Berita Sidosari", days_ago=1)
    assert cards(html(HAJIMENA, "/berita/")) == ["Posyandu balita", "Rapat desa", "Panen raya"]
    assert cards(html(SIDOSARI, "/berita/")) == ["Berita Sidosari"]


def test_a_village_without_news_says_so_even_when_another_village_has_some(hajimena, sidosari):
    add_news(sidosari, "Berita Sidosari")
    page = html(HAJIMENA, "/berita/")
    assert "Belum ada berita. Perangkat desa akan segera menerbitkan berita di sini." in page
    assert "Berita Sidosari" not in page


@pytest.fixture
def twelve_articles(hajimena):
    """Kabar 01 is the newest, Kabar 12 the oldest."""
    for number in range(1, 13):
        add_news(hajimena, f"Kabar {number:02}", days_ago=number)
    return [f"Kabar {number:02}" for number in range(1, 13)]


def test_the_news_index_shows_ten_articles_a_page_and_the_rest_on_the_next(twelve_articles):
    first = html(HAJIMENA, "/berita/")
    assert cards(first) == twelve_articles[:10]
    assert "Halaman 1 dari 2" in first
    assert "Lebih baru" not in first
    assert link(first, "next") == "?page=2"
    second = html(HAJIMENA, "/berita/?page=2")
    assert cards(second) == twelve_articles[10:]
    assert "Halaman 2 dari 2" in second
    assert "Lebih lama" not in second
    assert link(second, "prev") == "?page=1"


@pytest.mark.parametrize(
    "page, shown",
    [("99", 2), ("0", 2), ("-1", 2), ("dua", 1), ("", 1), ("1.5", 1)],
)
def test_a_page_number_that_does_not_exist_shows_a_real_page(twelve_articles, page, shown):
    response = get(HAJIMENA, f"/berita/?page={page}")
    assert response.status_code == 200
    listed = twelve_articles[:10] if shown == 1 else twelve_articles[10:]
    assert cards(response.content.decode()) == listed
    assert f"Halaman {shown} dari 2" in response.content.decode()


def test_the_news_index_filters_by_category(hajimena, sidosari):
    add_news(hajimena, "Imunisasi anak", category="kesehatan", days_ago=3)
    add_news(hajimena, "Beasiswa siswa", category="pendidikan", days_ago=2)
    add_news(hajimena, "Posyandu lansia", category="kesehatan", days_ago=1)
    add_news(sidosari, "Posyandu Sidosari", category="kesehatan")
    page = html(HAJIMENA, "/berita/?kategori=kesehatan")
    assert cards(page) == ["Posyandu lansia", "Imunisasi anak"]
    assert '<a href="?kategori=kesehatan" aria-current="true">Kesehatan</a>' in page
    assert '<a href="?kategori=pendidikan">Pendidikan</a>' in page


@pytest.mark.parametrize("query", ["?kategori=sihir", "?kategori=", "?kategori=KESEHATAN"])
def test_an_unknown_category_shows_every_article(hajimena, query):
    add_news(hajimena, "Imunisasi anak", category="kesehatan", days_ago=1)
    add_news(hajimena, "Beasiswa siswa", category="pendidikan")
    page = html(HAJIMENA, f"/berita/{query}")
    assert cards(page) == ["Beasiswa siswa", "Imunisasi anak"]
    assert '<a href="?" aria-current="true">Semua</a>' in page


def test_pagination_links_keep_the_category(hajimena):
    for number in range(1, 13):
        add_news(hajimena, f"Kesehatan {number:02}", category="kesehatan", days_ago=number)
    add_news(hajimena, "Beasiswa siswa", category="pendidikan", days_ago=11)
    first = html(HAJIMENA, "/berita/?kategori=kesehatan")
    assert "Halaman 1 dari 2" in first
    second = html(HAJIMENA, "/berita/" + link(first, "next"))
    assert cards(second) == ["Kesehatan 11", "Kesehatan 12"]
    assert "Halaman 2 dari 2" in second
    back = html(HAJIMENA, "/berita/" + link(second, "prev"))
    assert cards(back) == [f"Kesehatan {number:02}" for number in range(1, 11)]


# A news article


def test_an_article_shows_everything_its_author_wrote(hajimena):
    article = add_news(
        hajimena,
        "Posyandu balita bulan Juni",
        category="kesehatan",
        tags=["posyandu", "gizi"],
        author_name="Siti Aminah",
        summary="Sebanyak 48 balita ditimbang di Dusun Satu.",
        body=[
            ("paragraph", "<p>Kader posyandu <b>menimbang</b> balita.</p>"),
            ("heading", "Jadwal berikutnya"),
            ("quote", {"text": "Anak sehat, desa kuat.", "attribution": "Bidan Desa"}),
        ],
    )
    page = html(HAJIMENA, article.url)
    assert "<h1>Posyandu balita bulan Juni</h1>" in page
    assert '<time datetime="2025-06-30">30 Juni 2025</time> · Siti Aminah' in page
    assert '<p class="lead">Sebanyak 48 balita ditimbang di Dusun Satu.</p>' in page
    assert "<p>Kader posyandu <b>menimbang</b> balita.</p>" in page
    assert "<h2>Jadwal berikutnya</h2>" in page
    assert (
        "<blockquote><p>Anak sehat, desa kuat.</p><footer>Bidan Desa</footer></blockquote>" in page
    )
    assert '<a href="/berita/?kategori=kesehatan">Kesehatan</a>' in page
    tags = re.search(r'<p class="tags">Label: (.*?)</p>', page)[1]
    assert sorted(re.findall(r"<span>([^<]*)</span>", tags)) == ["gizi", "posyandu"]


def test_related_articles_share_a_category_or_tag_within_the_village(hajimena, sidosari):
    article = add_news(hajimena, "Posyandu balita", category="kesehatan", tags=["posyandu"])
    add_news(hajimena, "Imunisasi campak", category="kesehatan", days_ago=3)
    add_news(hajimena, "Kader posyandu dilatih", category="pendidikan", tags=["posyandu"])
    add_news(hajimena, "Jalan desa diaspal", category="pembangunan", tags=["jalan"])
    add_news(sidosari, "Posyandu Sidosari", category="kesehatan", tags=["posyandu"])
    page = html(HAJIMENA, article.url)
    related = page.split("<h2>Berita terkait</h2>")[1]
    assert cards(related) == ["Kader posyandu dilatih", "Imunisasi campak"]


def test_an_article_with_nothing_in_common_lists_no_related_news(hajimena, sidosari):
    article = add_news(hajimena, "Jalan desa diaspal", category="pembangunan")
    add_news(hajimena, "Posyandu balita", category="kesehatan")
    add_news(sidosari, "Jalan Sidosari diaspal", category="pembangunan")
    page = html(HAJIMENA, article.url)
    assert "Berita terkait" not in page
    assert "Jalan Sidosari diaspal" not in page


# The RSS feed


def feed(host):
    response = get(host, "/berita/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def test_the_feed_lists_this_villages_news_newest_first_with_absolute_links(hajimena, sidosari):
    add_news(hajimena, "Panen raya", days_ago=5)
    add_news(hajimena, "Posyandu balita", days_ago=0)
    add_news(hajimena, "Rapat desa", days_ago=2)
    add_news(sidosari, "Berita Sidosari", days_ago=1)
    channel = feed(HAJIMENA)
    assert channel.findtext("title") == "Berita · Hajimena"
    assert channel.findtext("description") == "Berita dari desa"
    assert channel.findtext("link") == "http://hajimena.localhost/berita/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Posyandu balita",
        "Rapat desa",
        "Panen raya",
    ]
    assert [item.findtext("link") for item in items] == [
        "http://hajimena.localhost/berita/posyandu-balita/",
        "http://hajimena.localhost/berita/rapat-desa/",
        "http://hajimena.localhost/berita/panen-raya/",
    ]
    other = feed(SIDOSARI)
    assert [item.findtext("link") for item in other.findall("item")] == [
        "http://sidosari-natar.localhost/berita/berita-sidosari/"
    ]


def test_the_news_index_announces_its_feed(hajimena):
    add_news(hajimena, "Posyandu balita")
    page = html(HAJIMENA, "/berita/")
    found = re.search(
        r'<link rel="alternate" type="application/rss\+xml"[^>]* href="([^"]*)"', page
    )
    assert found, "no RSS link in the head"
    assert urljoin("http://hajimena.localhost/berita/", found[1]) == (
        "http://hajimena.localhost/berita/feed/"
    )
    titles = [item.findtext("title") for item in feed(HAJIMENA).findall("item")]
    assert titles == ["Posyandu balita"]


# Announcements


def test_a_current_announcement_shows_on_every_page_of_its_village_only(hajimena, sidosari):
    add_announcement(
        hajimena,
        "Pemadaman listrik",
        valid_for=datetime.timedelta(days=2),
        text="Listrik padam Sabtu pukul 08.00-12.00.",
    )
    for path in ("/", "/berita/", "/layanan/", "/pengumuman/"):
        shown = banner(html(HAJIMENA, path))
        assert "Pemadaman listrik" in shown, path
        assert "Listrik padam Sabtu pukul 08.00-12.00." in shown, path
    for path in ("/", "/berita/", "/layanan/"):
        page = html(SIDOSARI, path)
        assert banner(page) == "", path
        assert "Pemadaman listrik" not in page, path


def test_an_expired_announcement_leaves_the_banner(hajimena):
    add_announcement(hajimena, "Vaksinasi kemarin", valid_for=-datetime.timedelta(minutes=1))
    add_announcement(hajimena, "Kerja bakti", valid_for=datetime.timedelta(hours=1))
    for path in ("/", "/berita/", "/layanan/"):
        page = html(HAJIMENA, path)
        assert "Kerja bakti" in banner(page), path
        assert "Vaksinasi kemarin" not in page, path


def test_a_draft_announcement_stays_off_the_banner(hajimena):
    add_announcement(hajimena, "Masih draf", valid_for=datetime.timedelta(days=1), live=False)
    for path in ("/", "/berita/", "/pengumuman/"):
        page = html(HAJIMENA, path)
        assert banner(page) == "", path
        assert "Masih draf" not in page, path


def test_the_announcements_page_lists_current_and_earlier_ones_apart(hajimena, sidosari):
    add_announcement(hajimena, "Rapat RT", valid_for=datetime.timedelta(days=1))
    add_announcement(hajimena, "Lomba 17 Agustus", valid_for=datetime.timedelta(days=3))
    add_announcement(hajimena, "Vaksinasi kemarin", valid_for=-datetime.timedelta(hours=1))
    add_announcement(sidosari, "Rapat Sidosari", valid_for=datetime.timedelta(days=1))
    page = html(HAJIMENA, "/pengumuman/")
    main = page.split('<main id="main">')[1]
    current, earlier = main.split("<h2>Pengumuman sebelumnya</h2>")
    assert re.findall(r'<h2><a href="[^"]*">([^<]*)</a></h2>', current) == [
        "Rapat RT",
        "Lomba 17 Agustus",
    ]
    assert "Vaksinasi kemarin" in earlier and "Rapat RT" not in earlier
    assert "Rapat Sidosari" not in page


def test_an_announcements_page_without_current_ones_says_so(hajimena, sidosari):
    add_announcement(sidosari, "Rapat Sidosari", valid_for=datetime.timedelta(days=1))
    add_announcement(hajimena, "Vaksinasi kemarin", valid_for=-datetime.timedelta(hours=1))
    page = html(HAJIMENA, "/pengumuman/")
    assert "Tidak ada pengumuman yang berlaku saat ini." in page
    assert "<h2>Pengumuman sebelumnya</h2>" in page
    assert banner(page) == ""


# Escaping what staff type


def test_a_script_in_a_title_or_summary_is_shown_as_text(hajimena):
    article = add_news(hajimena, f"Judul {SCRIPT}", summary=f"Ringkasan {SCRIPT}")
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    for path in (article.url, "/berita/", "/"):
        page = html(HAJIMENA, path)
        assert "<script>" not in page, path
        assert f"Judul {escaped}" in page, path
        assert f"Ringkasan {escaped}" in page, path
    item = feed(HAJIMENA).find("item")
    assert item.findtext("title") == f"Judul {SCRIPT}"
    assert item.findtext("description") == f"Ringkasan {SCRIPT}"


def test_a_script_in_an_announcement_is_shown_as_text(hajimena):
    add_announcement(
        hajimena, f"Awas {SCRIPT}", valid_for=datetime.timedelta(days=1), text=f"Isi {SCRIPT}"
    )
    page = html(HAJIMENA, "/berita/")
    assert "<script>" not in page
    assert "Awas &lt;script&gt;alert(1)&lt;/script&gt;" in banner(page)
    assert "Isi &lt;script&gt;alert(1)&lt;/script&gt;" in banner(page)


def test_a_script_in_a_rich_text_paragraph_is_stripped(hajimena):
    article = add_news(
        hajimena, "Lomba desa", body=[("paragraph", f"<p>Ayo ikut lomba!{SCRIPT}</p>")]
    )
    page = html(HAJIMENA, article.url)
    assert "Ayo ikut lomba!" in page
    assert "<script>" not in page
    assert "alert(1)</script>" not in page


def test_the_editor_saves_a_pasted_script_as_plain_text(hajimena):
    # What the admin does with a paragraph: show it in the editor, then save what comes back.
    paragraph = NewsPage.body.field.stream_block.child_blocks["paragraph"]
    editor = paragraph.field.widget
    shown = editor.format_value(f"<p>Ayo ikut lomba!{SCRIPT}</p>")
    saved = paragraph.value_from_form(editor.value_from_datadict({"body": shown}, {}, "body"))
    article = add_news(hajimena, "Lomba desa", body=[("paragraph", saved)])
    page = html(HAJIMENA, article.url)
    assert "Ayo ikut lomba!" in page
    assert "<script>" not in page
