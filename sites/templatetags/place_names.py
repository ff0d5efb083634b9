from django import template
from django.utils.translation import get_language

from ..translations import ENGLISH, english_region_title

register = template.Library()


@register.filter
def region_name(name):
    """ "Kabupaten Lampung Selatan" as the language being read calls it."""
    return english_region_title(name) if get_language() == ENGLISH else name
