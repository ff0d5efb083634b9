import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from lokal import format_rupiah
from wagtail.rich_text import expand_db_html

from .. import languages
from ..breadcrumbs import trail_above
from ..rich_text import clean_html

register = template.Library()

# Characters that could end a <script> element or open an HTML comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.filter
def rupiah(amount):
    """25000 -> Rp25.000"""
    return format_rupiah(amount) if amount is not None else ""


@register.filter
def absolute_url(url, request):
    """A media or page URL made absolute on the host the visitor is on."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org description as JSON-LD, when its type has one."""
    page = context.get("page")
    describe = getattr(page, "structured_data", None)
    data = describe(context["request"]) if describe else None
    if not data:
        return ""
    payload = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_SCRIPT_ESCAPES)),  # noqa: S308 (escaped just above)
    )


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed, for pagination links."""
    params = context["request"].GET.copy()
    for name, value in changes.items():
        params[name] = value
    return params.urlencode()


@register.filter
def richtext_clean(value):
    """Like Wagtail's richtext filter, keeping only the formatting editors are offered."""
    if not value:
        return ""
    return clean_html(expand_db_html(str(value)))


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in each language (see sites.languages), for the switcher and hreflang."""
    request = context.get("request")
    if request is None or not hasattr(request, "_wagtail_site"):
        return []
    return languages.language_versions(request, context.get("page"))


@register.simple_tag(takes_context=True)
def home_url(context):
    """The address of the site's home page in the language being read."""
    request = context.get("request")
    if request is None or not hasattr(request, "_wagtail_site"):
        return "/"  # a host Balai does not serve
    return languages.current_home(request).get_url(request)


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail of pages above the page, from the portal's home down."""
    page = context["page"]
    return {"page": page, "breadcrumbs": trail_above(context["request"], page)}
