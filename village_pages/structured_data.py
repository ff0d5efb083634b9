"""schema.org descriptions of village pages, for search engines and link previews."""

from wagtail.images.models import Image

from sites.models import VillageSettings


def village_organization(request):
    """The village government as a GovernmentOrganization."""
    village = getattr(request, "village", None)
    if village is None:
        return None
    settings = VillageSettings.for_request(request)
    data = {
        "@type": "GovernmentOrganization",
        "name": f"{settings.local_word} {settings.display_name}",
        "url": request.build_absolute_uri("/"),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": settings.office_address,
            "addressLocality": village.name,
            "addressRegion": village.regency_name,
            "postalCode": village.postal_code,
            "addressCountry": "ID",
        },
    }
    if settings.contact_phone:
        data["telephone"] = settings.contact_phone
    if settings.email:
        data["email"] = settings.email
    return data


def image_url(request, image: Image | None):
    if image is None:
        return None
    return request.build_absolute_uri(image.get_rendition("fill-1200x630|format-jpeg").url)
