from django import template
from wagtail.models import Page

from ..models import AnnouncementPage

register = template.Library()


@register.inclusion_tag("navigation/village_menu.html", takes_context=True)
def village_menu(context):
    """The village's sections, in the order the generator made them."""
    request = context["request"]
    village = getattr(request, "village", None)
    if village is None:
        return {"items": []}
    home = request._wagtail_site.root_page
    sections = Page.objects.child_of(home).live().in_menu().order_by("path")
    current = context.get("page")
    return {
        "items": [
            {
                "title": section.title,
                "url": section.get_url(request),
                "active": current is not None and current.path.startswith(section.path),
            }
            for section in sections
        ]
    }


@register.inclusion_tag("components/announcement_banner.html", takes_context=True)
def announcement_banner(context):
    """The village's current notices, on every one of its pages."""
    request = context["request"]
    if getattr(request, "village", None) is None:
        return {"announcements": []}
    root = request._wagtail_site.root_page
    return {"announcements": list(AnnouncementPage.current_for(root)[:3]), "request": request}
