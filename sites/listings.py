"""Lists of pages for visitors: each page once, in the language being read where staff have
translated it, else in Indonesian, so an English list also shows what nobody translated yet."""

from django.conf import settings
from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.utils.translation import get_language
from wagtail.models import Page

from .languages import below_in_every_language


def once_each(pages):
    """`pages` (of any language) each once: in the language being read where it has a live
    translation, else in Indonesian.

    A page shown in Indonesian to a reader of another language has `fallback_language` "id"
    (else ""), for lists to mark it (components/language_mark.html).
    """
    language = get_language()
    default = settings.LANGUAGE_CODE
    if language == default:
        return pages.filter(locale__language_code=default)
    translated = Page.objects.live().filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language
    )
    return pages.filter(
        Q(locale__language_code=language) | Q(locale__language_code=default) & ~Exists(translated)
    ).annotate(
        fallback_language=Case(
            When(locale__language_code=default, then=Value(default)),
            default=Value(""),
            output_field=CharField(),
        )
    )


def below_for_visitors(page):
    """A filter for the pages below `page`, and in a language other than Indonesian also those
    below its Indonesian original, which `once_each` then shows where nothing translates them."""
    if get_language() == settings.LANGUAGE_CODE:
        return Q(path__startswith=page.path)
    return below_in_every_language([page.translation_key])


def listed_below(page, page_type):
    """The live pages of `page_type` below `page` as a visitor reading it sees them."""
    return once_each(page_type.objects.live().filter(below_for_visitors(page)))
