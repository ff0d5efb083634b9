"""Lists of pages for visitors: each page once, in the language being read where staff have
translated it, else in Indonesian, so an English list also shows what nobody translated yet."""

from django.conf import settings
from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.utils.translation import get_language
from wagtail.models import Page

from .languages import below_in_every_language, language_locale


def once_each(pages):
    """`pages` (of any language) each once: in the language being read where it has a live
    translation, else in Indonesian.

    A page shown in Indonesian to a reader of another language has `fallback_language` "id"
    (else ""), for lists to mark it (components/language_mark.html).
    """
    language, default = get_language(), settings.LANGUAGE_CODE
    wanted, original = language_locale(language), language_locale(default)
    if language == default:
        return pages.filter(locale_id=original)
    translated = Page.objects.live().filter(
        translation_key=OuterRef("translation_key"), locale_id=wanted
    )
    return pages.filter(Q(locale_id=wanted) | Q(locale_id=original) & ~Exists(translated)).annotate(
        fallback_language=Case(
            When(locale_id=original, then=Value(default)),
            default=Value(""),
            output_field=CharField(),
        )
    )


# What a card of any page shows (title, summary, picture) and what its link is built from; a
# page type adds what its own cards show (`card_fields`). Reading only these, a list of pages
# costs no body, search text or revision fields, and half the work of making each page.
CARD_FIELDS = (
    *("title", "slug", "url_path", "path", "depth", "live", "locale", "translation_key"),
    *("content_type", "summary", "listing_image"),
)


def as_cards(pages):
    """`pages` reading only what their cards show."""
    return pages.only(*CARD_FIELDS, *getattr(pages.model, "card_fields", ()))


def below_for_visitors(page):
    """A filter for the pages below `page`, and in a language other than Indonesian also those
    below its Indonesian original, which `once_each` then shows where nothing translates them."""
    if get_language() == settings.LANGUAGE_CODE:
        return Q(path__startswith=page.path)
    return below_in_every_language([page.translation_key])


def listed_below(page, page_type):
    """The live pages of `page_type` below `page` as a visitor reading it sees them."""
    return once_each(page_type.objects.live().filter(below_for_visitors(page)))
