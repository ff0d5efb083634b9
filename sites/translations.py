"""The generator's pages in English, linked to their Indonesian sources as wagtail-localize does.

Staff later translate and synchronise these pages with wagtail-localize's editor, so each
English page needs what wagtail-localize's TranslationCreator would have recorded: the source
content, its segments, the English text of each segment, and the translation itself. The
creator spends about 200 queries on each page; `link_translations` writes the same rows for
all of a village's pages in seven bulk inserts. tests/sites/test_english_tree.py checks that
wagtail-localize, re-reading such a page, finds exactly the segments written here.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationSource,
    get_schema_version,
)

ENGLISH = "en"
_schema_versions = {}


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


# What wagtail-localize finds to translate in a page the generator made (its other fields are
# empty), in wagtail-localize's order.
GENERATED_FIELDS = ("title", "slug")


def link_translations(pairs, target_locale):
    """Record each (source page, its translation), both made just now by the generator, as
    wagtail-localize records a translation.

    The title and slug the generator gave each translation become the translations of the
    source's title and slug, so synchronising the page later keeps them.
    """
    now = timezone.now()
    page_type = ContentType.objects.get_for_model(Page)
    TranslatableObject.objects.bulk_create(
        [
            TranslatableObject(translation_key=s.translation_key, content_type=page_type)
            for s, _ in pairs
        ],
        ignore_conflicts=True,
    )
    sources = TranslationSource.objects.bulk_create(
        [
            TranslationSource(
                object_id=source.translation_key,
                specific_content_type=ContentType.objects.get_for_model(type(source)),
                locale_id=source.locale_id,
                object_repr=str(source)[:200],
                content_json=_content_json(source),
                schema_version=_schema_version(source._meta.app_label),
                last_updated_at=now,
            )
            for source, _target in pairs
        ]
    )
    segments = [
        (row, order, field, getattr(source, field), getattr(target, field))
        for row, (source, target) in zip(sources, pairs, strict=True)
        for order, field in enumerate(GENERATED_FIELDS, start=1)
    ]
    strings = _strings(pairs[0][0].locale_id, {text for *_, text, _english in segments})
    contexts = TranslationContext.objects.bulk_create(
        [
            TranslationContext(
                object_id=row.object_id,
                path=field,
                path_id=TranslationContext._get_path_id(field),
                field_path=field,
            )
            for row, _order, field, *_ in segments
        ]
    )
    StringSegment.objects.bulk_create(
        [
            StringSegment(
                source=row, context=context, order=order, string_id=strings[text], attrs="null"
            )
            for (row, order, _field, text, _english), context in zip(
                segments, contexts, strict=True
            )
        ]
    )
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of_id=strings[text],
                locale=target_locale,
                context=context,
                data=english,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
            for (*_, text, english), context in zip(segments, contexts, strict=True)
        ]
    )
    Translation.objects.bulk_create(
        [
            Translation(source=row, target_locale=target_locale, destination_last_updated_at=now)
            for row in sources
        ]
    )


def _content_json(page):
    # A page made just now has no comments, officials or other child rows to look up.
    for relation in get_all_child_relations(page):
        setattr(page, relation.get_accessor_name(), [])
    return page.to_json()


def _strings(locale_id, texts):
    """The ids of the String rows for `texts`, by text, created where missing."""
    hashes = {String._get_data_hash(text): text for text in texts}
    rows = String.objects.filter(locale_id=locale_id, data_hash__in=hashes)
    found = dict(rows.values_list("data_hash", "id"))
    if len(found) < len(hashes):
        String.objects.bulk_create(
            [String(locale_id=locale_id, data_hash=h, data=t) for h, t in hashes.items()],
            ignore_conflicts=True,
        )
        found = dict(rows.values_list("data_hash", "id"))
    return {hashes[data_hash]: pk for data_hash, pk in found.items()}


def _schema_version(app_label):
    # wagtail-localize reads the migration table for this on every call.
    if app_label not in _schema_versions:
        _schema_versions[app_label] = get_schema_version(app_label)
    return _schema_versions[app_label]
