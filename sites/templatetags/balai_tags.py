from django import template
from lokal import format_rupiah

register = template.Library()


@register.filter
def rupiah(amount):
    """25000 -> Rp25.000"""
    return format_rupiah(amount) if amount is not None else ""
