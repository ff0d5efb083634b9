from django import template

register = template.Library()


@register.simple_tag
def counted_categories(rows, filters):
    """(slug, name, count) of each category among `rows` of products counted by category,
    once and named in the language being read: an English catalogue holds products filed
    under a category's English row and, not yet translated, under its Indonesian one."""
    names = {category.slug: category.name for category in filters.categories}
    counts = {}
    for row in rows:
        slug = row["category__slug"]
        if slug:
            counts[slug] = counts.get(slug, 0) + row["n"]
            names.setdefault(slug, row["category__name"])
    return sorted(((slug, names[slug], n) for slug, n in counts.items()), key=lambda c: c[1])
