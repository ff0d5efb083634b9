"""The trail of pages above a page, shown above its title: the portal's home, the regency, the
district, the village's home and the section."""

from .languages import current_home
from .routing import keep_with_host, kept_with_host


def trail_above(request, page):
    """(title, address) of each page above `page`, from the portal's home down."""
    home = current_home(request) if getattr(request, "village", None) else None
    if home is None or not page.path.startswith(home.path):
        return [(above.title, above.get_url(request)) for above in page.get_ancestors()[1:]]
    if page.depth == home.depth:
        return kept_with_host("trail", home)
    # Routing has met every page between the home and this one: their parents are known.
    between = []
    parent = page.get_parent()
    while parent.depth > home.depth:
        between.insert(0, parent)
        parent = parent.get_parent()
    return [
        *kept_with_host("trail", home),
        *((above.title, above.get_url(request)) for above in [home, *between]),
    ]


@keep_with_host("trail")
def pages_above_home(home):
    """The portal's pages above a village's home, each at its address on the portal's host."""
    return [(above.title, above.get_full_url()) for above in home.get_ancestors()[1:]], None
