"""Rich text as villagers receive it: only the formatting editors are offered, nothing else.

Wagtail cleans rich text in its editor but renders whatever is stored, and text can be stored
by other roads (imports, the shell, a data migration). Balai cleans it again on the way out.
"""

import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"p", "br", "b", "i", "strong", "em", "a", "ol", "ul", "li", "h2", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html):
    return mark_safe(  # noqa: S308 (cleaned by nh3 on this line)
        nh3.clean(
            str(html), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES
        )
    )
