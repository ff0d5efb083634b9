"""Open data: the live products as JSON, a village's on its host, every village's on the portal."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from sites.models import Village

from .catalogue import PortalCatalogueFilters, with_cards
from .models import ProductPage

DEFAULT_PER_PAGE = 24
MAX_PER_PAGE = 100


@require_GET
def products(request):
    """Same filters as the catalogues (q, kategori, harga_min, harga_maks, ketersediaan, urut,
    penjual, kabupaten, kecamatan, jenis), plus page and per_page."""
    village = getattr(request, "village", None)
    live = ProductPage.objects.live()
    if village is not None:
        live = live.filter(village=village)
    filters = PortalCatalogueFilters(request.GET, **chosen_regions(request.GET))
    paginator = Paginator(with_cards(filters.apply(live)), per_page(request))
    page = paginator.get_page(request.GET.get("page"))
    return JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": page_url(request, page.next_page_number()) if page.has_next() else None,
            "previous": (
                page_url(request, page.previous_page_number()) if page.has_previous() else None
            ),
            "results": [describe(request, product) for product in page],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def chosen_regions(params):
    """The regency and district the request names, as the only choices: the API validates
    them but lists none, so it need not read every village's region on each request."""
    villages = Village.objects.order_by()
    regency = villages.filter(regency_code=params.get("kabupaten", ""))
    district = villages.filter(district_code=params.get("kecamatan", ""))
    return {
        "regencies": list(regency.values_list("regency_code", "regency_name")[:1]),
        "districts": list(district.values_list("district_code", "district_name")[:1]),
    }


def per_page(request):
    try:
        return max(1, min(MAX_PER_PAGE, int(request.GET.get("per_page", DEFAULT_PER_PAGE))))
    except ValueError:
        return DEFAULT_PER_PAGE


def page_url(request, number):
    params = request.GET.copy()
    params["page"] = number
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def describe(request, product):
    photos = list(product.photos.all())
    village = product.village
    return {
        "id": product.pk,
        "title": product.title,
        "url": product.get_full_url(request),
        "price": product.price,
        "discounted_price": product.discounted_price,
        "price_display": product.price_display,
        "currency": "IDR",
        "unit": product.unit,
        "minimum_order": product.minimum_order,
        "availability": product.availability,
        "category": product.category.slug if product.category_id else None,
        "seller": {"name": product.seller.name, "kind": product.seller.kind}
        if product.seller
        else None,
        "village": {
            "code": village.code,
            "name": village.name,
            "district": village.district_name,
            "regency": village.regency_name,
            "url": village.url,
        }
        if village
        else None,
        "photo": request.build_absolute_uri(
            photos[0].image.get_rendition("fill-640x400|format-webp").url
        )
        if photos
        else None,
    }
