"""What a search result tells about itself: what kind of page it is, its date, a short text."""

import datetime
import re
from dataclasses import dataclass
from html import unescape

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import pgettext_lazy
from wagtail.models import Page

from .models import SectionPage

EXCERPT_LENGTH = 160
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>")

# Page type: (kind shown to visitors, field holding its date, field holding its text).
KINDS = {
    "village_pages.newspage": (pgettext_lazy("kind of page", "News"), "date", "body"),
    "village_pages.eventpage": (pgettext_lazy("kind of page", "Event"), "start", "description"),
    "village_pages.announcementpage": (
        pgettext_lazy("kind of page", "Announcement"),
        "first_published_at",
        "text",
    ),
    "village_pages.servicepage": (pgettext_lazy("kind of page", "Service"), None, "purpose"),
    "marketplace.productpage": (pgettext_lazy("kind of page", "Product"), None, "description"),
    "village_pages.profilepage": (
        pgettext_lazy("kind of page", "Village profile"),
        None,
        "history",
    ),
    "village_pages.villagehomepage": (pgettext_lazy("kind of page", "Home page"), None, "welcome"),
}
SECTION = (pgettext_lazy("kind of page", "Section"), None, "intro")
OTHER = (pgettext_lazy("kind of page", "Page"), None, None)


@dataclass(frozen=True)
class SearchResult:
    page: Page
    kind: str
    date: datetime.date | None
    excerpt: str


def describe(page):
    """`page` (a specific page) as a search result shows it."""
    kind, date_field, text_field = KINDS.get(page._meta.label_lower) or (
        SECTION if isinstance(page, SectionPage) else OTHER
    )
    date = getattr(page, date_field) if date_field else None
    if isinstance(date, datetime.datetime):
        date = timezone.localdate(date)
    text = getattr(page, "summary", "") or (
        plain_text(getattr(page, text_field)) if text_field else ""
    )
    return SearchResult(page, kind, date, Truncator(text).chars(EXCERPT_LENGTH))


def plain_text(value):
    """The words of a text, rich text or StreamField value, without markup."""
    if hasattr(value, "raw_data"):  # a StreamField: its paragraphs and headings
        value = " ".join(
            block["value"] for block in value.raw_data if block["type"] in ("paragraph", "heading")
        )
    return " ".join(unescape(strip_tags(BLOCK_END.sub(" ", str(value or "")))).split())
