"""The village search: what each result says about itself, and where to go when none match."""

import datetime
import json
import re
from html import unescape

import pytest
from django.test import Client
from django.utils import timezone

from tests.marketplace.products import add_product
from tests.queries import queries_for
from tests.village_pages.test_languages import translate
from village_pages.models import AnnouncementPage, EventPage, NewsPage, ServicePage

pytestmark = pytest.mark.django_db

HAJIMENA = "hajimena.localhost"
SIDOSARI = "sidosari-natar.localhost"
LONG_BODY = (
    "Warga <b>Hajimena</b> memanen padi bersama di sawah Dusun Satu. "
    + "Hasilnya dibagi untuk lumbung desa dan dijual lewat BUMDes. " * 6
)


def section(village, slug):
    return village.home_page.get_children().get(slug=slug).specific


def add_news(village, title, **fields):
    fields.setdefault("date", datetime.date(2025, 6, 30))
    return section(village, "berita").add_child(instance=NewsPage(title=title, **fields))


def add_event(village, title, **fields):
    fields.setdefault("start", datetime.datetime(2030, 1, 5, 8, tzinfo=datetime.UTC))
    return section(village, "agenda").add_child(
        instance=EventPage(title=title, place="Balai desa", **fields)
    )


def add_service(village, title, **fields):
    return section(village, "layanan").add_child(
        instance=ServicePage(title=title, requirements="<p>KTP</p>", **fields)
    )


def add_announcement(village, title, **fields):
    notice = section(village, "pengumuman").add_child(
        instance=AnnouncementPage(title=title, text="Kerja bakti di sawah.", **fields)
    )
    notice.save_revision().publish()  # announced now: its date
    return notice


def search(path, host=HAJIMENA):
    response = Client(HTTP_HOST=host).get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def results(page_html):
    """{title: the result's whole list item} for each result shown."""
    listing = re.search(r'<ol class="results">(.*?)</ol>', page_html, re.S)
    assert listing, "no results listed"
    items = re.findall(r"<li>(.*?)</li>", listing.group(1), re.S)
    return {unescape(re.search(r"<a [^>]*>([^<]*)</a>", item).group(1)): item for item in items}


def text_of(item):
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item))).strip()


@pytest.fixture
def harvest(hajimena, sidosari):
    """Pages of every kind in Hajimena that mention the harvest, and one in Sidosari."""
    add_news(hajimena, "Panen raya padi", summary="Hasil panen tahun ini melimpah.")
    add_news(
        hajimena,
        "Cerita panen Dusun Satu",
        body=json.dumps([{"type": "paragraph", "value": f"<p>{LONG_BODY}</p>"}]),
    )
    add_event(hajimena, "Syukuran panen", summary="Makan bersama di balai desa.")
    add_service(
        hajimena, "Surat keterangan hasil panen", purpose="Untuk petani yang menjual gabah."
    )
    add_announcement(hajimena, "Jadwal panen bergilir")
    add_product(hajimena, "Beras panen baru", summary="Beras pulen dari sawah Hajimena.")
    add_news(sidosari, "Panen Sidosari", summary="Panen di desa tetangga.")


def test_each_result_says_what_it_is_when_it_is_dated_and_what_it_is_about(harvest):
    shown = results(search("/cari/?q=panen"))
    news = text_of(shown["Panen raya padi"])
    assert "Berita" in news and "30 Juni 2025" in news
    assert "Hasil panen tahun ini melimpah." in news
    assert '<time datetime="2025-06-30">' in shown["Panen raya padi"]
    event = text_of(shown["Syukuran panen"])
    assert "Kegiatan" in event and "5 Januari 2030" in event
    assert "Makan bersama di balai desa." in event
    service = text_of(shown["Surat keterangan hasil panen"])
    assert "Layanan" in service and "Untuk petani yang menjual gabah." in service
    notice = text_of(shown["Jadwal panen bergilir"])
    assert "Pengumuman" in notice and "Kerja bakti di sawah." in notice
    today = timezone.localdate().strftime("%Y-%m-%d")
    assert f'<time datetime="{today}">' in shown["Jadwal panen bergilir"]
    product = text_of(shown["Beras panen baru"])
    assert "Produk" in product and "Beras pulen dari sawah Hajimena." in product


def test_a_result_without_summary_shows_the_start_of_its_text_as_plain_text(harvest):
    item = results(search("/cari/?q=panen"))["Cerita panen Dusun Satu"]
    excerpt = re.search(r'<p class="excerpt">(.*?)</p>', item, re.S).group(1)
    assert excerpt.startswith("Warga Hajimena memanen padi bersama di sawah Dusun Satu.")
    assert "<" not in excerpt  # no markup from the article's body
    assert 100 <= len(unescape(excerpt)) <= 161 and unescape(excerpt).endswith("…")


def test_only_this_villages_pages_are_found(harvest):
    page = search("/cari/?q=panen")
    assert "Panen Sidosari" not in page and "desa tetangga" not in page
    assert set(results(search("/cari/?q=panen", SIDOSARI))) == {"Panen Sidosari"}


def test_the_query_stays_in_the_search_box(harvest):
    page = search("/cari/?q=panen+raya")
    assert re.search(r'<input id="q2" name="q" type="search" value="panen raya"', page)


def test_no_match_suggests_the_sections_of_this_village(harvest):
    page = search("/cari/?q=durian")
    assert "Tidak ada yang cocok dengan “durian” di situs ini." in page
    suggestions = re.search(r'<ul class="sections">(.*?)</ul>', page, re.S).group(1)
    for link in [
        '<a href="/berita/">Berita</a>',
        '<a href="/layanan/">Layanan</a>',
        '<a href="/agenda/">Agenda</a>',
        '<a href="/produk/">Produk</a>',
    ]:
        assert link in suggestions
    assert "sidosari" not in suggestions


def test_english_results_and_suggestions_are_in_english(harvest, hajimena):
    article = NewsPage.objects.get(title="Panen raya padi")
    translate(article, "Great rice harvest", "great-harvest", summary="A bumper harvest.")
    shown = results(search("/en/search/?q=harvest"))
    item = text_of(shown["Great rice harvest"])
    assert "News" in item and "30 June 2025" in item and "A bumper harvest." in item
    page = search("/en/search/?q=durian")
    suggestions = re.search(r'<ul class="sections">(.*?)</ul>', page, re.S).group(1)
    assert '<a href="/en/news/">News</a>' in suggestions
    assert '<a href="/en/products/">Products</a>' in suggestions
    assert "/berita/" not in suggestions


def add_results(village, count, start=0):
    for number in range(start, start + count):
        add_news(village, f"Kabar sawah {number}", summary="Dari sawah.")
        add_event(village, f"Kerja sawah {number}")
        add_service(village, f"Surat sawah {number}", purpose="Untuk sawah.")
        add_product(village, f"Beras sawah {number}")


def test_the_search_costs_the_same_queries_for_few_or_many_results(hajimena, sidosari):
    add_results(sidosari, 2)
    add_results(hajimena, 1)
    few = queries_for(HAJIMENA, "/cari/?q=sawah")
    add_results(hajimena, 1, start=1)
    assert len(results(search("/cari/?q=sawah"))) == 8
    assert queries_for(HAJIMENA, "/cari/?q=sawah") == few
