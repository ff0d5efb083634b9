from django import template

from sites.languages import current_home
from sites.routing import kept_with_host

from ..models import VillageHomePage

register = template.Library()


@register.inclusion_tag("navigation/village_menu.html", takes_context=True)
def village_menu(context):
    """The village's sections, in the order the generator made them."""
    request = context["request"]
    village = getattr(request, "village", None)
    if village is None:
        return {"items": []}
    home = current_home(request)
    home_url = home.get_url(request)
    current = context.get("page")
    return {
        "items": [
            {
                "title": title,
                "url": home_url + url_path.removeprefix(home.url_path),
                "active": current is not None and current.path.startswith(path),
            }
            for title, url_path, path in kept_with_host("menu", home)
        ]
    }


@register.inclusion_tag("components/announcement_banner.html", takes_context=True)
def announcement_banner(context):
    """The village's current notices, on every one of its pages."""
    request = context["request"]
    if getattr(request, "village", None) is None:
        return {"announcements": []}
    home = current_home(request)
    home_url = home.get_url(request)
    return {
        "announcements": [
            {"title": title, "url": home_url + url_path.removeprefix(home.url_path), "text": text}
            for title, url_path, text in kept_with_host("notices", home)
        ]
    }


@register.simple_tag(takes_context=True)
def search_url(context):
    """Where the village's search form sends the visitor, in the language being read."""
    home = current_home(context["request"])
    return home.get_url(context["request"]) + VillageHomePage.route_path("search")
