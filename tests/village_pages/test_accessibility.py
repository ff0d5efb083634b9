"""What screen reader users navigate by: headings without skipped levels, landmarks that can be
told apart (axe-core's heading-order and landmark-unique rules)."""

import re
from collections import Counter
from itertools import pairwise

import pytest

from tests.marketplace.products import add_product
from tests.village_pages.test_news import HAJIMENA, add_news, html

pytestmark = pytest.mark.django_db

LANDMARK_TAGS = {"nav": "navigation", "aside": "complementary", "main": "main"}


def skipped_levels(page_html):
    """Each heading that comes more than one level below the one before it."""
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", page_html)]
    return [(before, after) for before, after in pairwise(levels) if after > before + 1]


def landmarks(page_html):
    """(role, label) of each landmark a screen reader lists; several may share a role only
    when their labels differ."""
    found = []
    for tag, attributes in re.findall(r"<(nav|aside|main|form|section)\b([^>]*)>", page_html):
        role = re.search(r'role="([^"]+)"', attributes)
        role = role[1] if role else LANDMARK_TAGS.get(tag)
        label = re.search(r'aria-label="([^"]*)"', attributes)
        if role:
            found.append((role, label and label[1]))
    return found


@pytest.mark.parametrize(
    "path", ["/berita/", "/berita/?kategori=kesehatan", "/produk/", "/produk/?q=kopi"]
)
def test_listings_do_not_skip_a_heading_level(hajimena, sidosari, path):
    add_news(hajimena, "Posyandu balita", category="kesehatan")
    add_product(hajimena, "Kopi robusta")
    page = html(HAJIMENA, path)
    assert "<h3>" in page  # the cards are there
    assert skipped_levels(page) == []


@pytest.mark.parametrize("path", ["/cari/?q=posyandu", "/cari/?q=durian", "/en/search/?q=x"])
def test_the_search_page_landmarks_can_be_told_apart(hajimena, path):
    add_news(hajimena, "Posyandu balita")
    shared = [mark for mark, count in Counter(landmarks(html(HAJIMENA, path))).items() if count > 1]
    assert shared == []
    assert skipped_levels(html(HAJIMENA, path)) == []
