"""English pages the generator made, adopted by wagtail-localize when staff first open them.

The generator makes every village's English home page and sections as translations of the
Indonesian ones in Wagtail's sense (one translation key, two locales), but it does not write
wagtail-localize's records for them: those are a dozen rows for each page, more than the pages
themselves, and most villages will not touch most sections for months. Instead the first time
staff open such a page, or its Indonesian source, in the editor, `adopt_translations` records
it as wagtail-localize would have: the Indonesian page becomes a translation source and the
English page's text becomes the translation of its text. From then on staff translate it
and synchronise it with wagtail-localize's editor, like any page they translated themselves.
"""

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

ENGLISH = "en"


def english_enabled():
    return ENGLISH in dict(settings.WAGTAIL_CONTENT_LANGUAGES)


def english_locale():
    return Locale.objects.get(language_code=ENGLISH)


def english_region_title(title):
    """ "Kabupaten Lampung Selatan" is "Lampung Selatan Regency" to an English reader."""
    for prefix, suffix in (
        ("Kabupaten ", "Regency"),
        ("Kota ", "City"),
        ("Kecamatan ", "District"),
        ("Distrik ", "District"),
    ):
        if title.startswith(prefix):
            return f"{title.removeprefix(prefix)} {suffix}"
    return title


def adopt_translations(page):
    """Record `page` and its translations in other languages as wagtail-localize translations
    where they are not yet; returns how many were adopted.

    The source is the page in Balai's first language. A translation that wagtail-localize
    already knows of, even one whose staff stopped synchronising it, is left alone.
    """
    pages = list(
        page.get_translations(inclusive=True).filter(alias_of__isnull=True).select_related("locale")
    )
    source_page = next((p for p in pages if p.locale.language_code == settings.LANGUAGE_CODE), None)
    if source_page is None:
        return 0
    # From the source, each of its translations; from a translation, that one alone.
    translations = [p for p in pages if p != source_page and page.pk in (source_page.pk, p.pk)]
    if not translations:
        return 0  # most pages: nothing to ask wagtail-localize about
    known = set(
        Translation.objects.filter(source__object_id=page.translation_key).values_list(
            "target_locale_id", flat=True
        )
    )
    targets = [p for p in translations if p.locale_id not in known]
    if not targets:
        return 0
    with transaction.atomic():
        source = TranslationSource.get_or_create_from_instance(source_page.specific)[0]
        for target in targets:
            _adopt(source, target.specific)
    return len(targets)


def keep_texts(source_page, target):
    """Record `target`'s texts as translations of `source_page`'s, once wagtail-localize has
    read the source: a translation staff start now keeps the English Balai gave the page."""
    source = TranslationSource.objects.filter(object_id=source_page.translation_key).first()
    if source:
        _record_texts(source, target)


def _adopt(source, target):
    _record_texts(source, target)
    Translation.objects.create(source=source, target_locale_id=target.locale_id)


def _record_texts(source, target):
    texts = _texts_by_place(extract_segments(target))
    segments = defaultdict(list)
    for segment in (
        StringSegment.objects.filter(source=source).select_related("context").order_by("order")
    ):
        segments[segment.context.path].append(segment)
    for place, same_place in segments.items():
        if len(texts[place]) != len(same_place):
            continue  # the two have drifted apart here: staff translate it in the editor
        for segment, text in zip(same_place, texts[place], strict=True):
            StringTranslation.objects.get_or_create(
                translation_of_id=segment.string_id,
                locale_id=target.locale_id,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )


def _texts_by_place(segments):
    # A rich text field is several segments at one path, in order.
    texts = defaultdict(list)
    for segment in segments:
        if isinstance(segment, StringSegmentValue):
            texts[segment.path].append(segment.string.data)
    return texts
