from django import template

from ..dashboard import staff_village, village_title

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard_title(context, site_name):
    """The staff's village's name; Wagtail's site name for everyone else."""
    village = staff_village(context["request"])
    return site_name if village is None else village_title(village)
