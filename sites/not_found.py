"""The "page not found" page, with the way back in the language of the address."""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from wagtail.models import Page

from .generator import SECTIONS
from .languages import home_in

SECTION_TYPES_BY_ENGLISH_SLUG = {slug: page_type for page_type, _id, (_title, slug) in SECTIONS}


def page_not_found(request, exception=None):
    context = {}
    if hasattr(request, "_wagtail_site"):
        language = translation.get_language()
        home = home_in(request, language) or home_in(request, settings.LANGUAGE_CODE)
        context["home_url"] = home.get_url(request)
        if language != settings.LANGUAGE_CODE:
            context["indonesian_url"] = _indonesian_section_url(request, home)
    return render(request, "404.html", context, status=404)


def _indonesian_section_url(request, home):
    """The Indonesian section an English address was looking in, or the Indonesian home."""
    indonesian_home = home_in(request, settings.LANGUAGE_CODE)
    parts = request.path_info.strip("/").split("/")[1:]  # after the language prefix
    section = parts and Page.objects.child_of(home).filter(slug=parts[0], live=True).first()
    target = (
        section
        and section.get_translations()
        .filter(locale__language_code=settings.LANGUAGE_CODE, live=True)
        .first()
    )
    if not target and parts and parts[0] in SECTION_TYPES_BY_ENGLISH_SLUG:
        # A section with no English page yet, such as the residents' announcements.
        section_type = SECTION_TYPES_BY_ENGLISH_SLUG[parts[0]]
        target = section_type.objects.child_of(indonesian_home).live().first()
    with translation.override(settings.LANGUAGE_CODE):
        return (target or indonesian_home).get_url(request)
