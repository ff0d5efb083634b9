"""Making real products in tests: every product needs a seller of its village and a photo."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from marketplace.models import ProductPage, ProductPhoto, Seller
from sites.models import Village


def photo(village, name="Produk"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 40), (180, 120, 60)).save(buffer, "JPEG")
    image = Image(title=name, description=name, collection=village.collection)
    image.file = ImageFile(buffer, name="produk.jpg")
    image.save()
    return image


def seller_of(village, name="BUMDes Maju", **fields):
    return Seller.objects.get_or_create(village=village, name=name, defaults=fields)[0]


def add_product(village, title, price=10000, seller=None, image=None, **fields):
    index = village.home_page.get_children().get(slug="produk")
    fields.setdefault("description", "<p>Hasil desa.</p>")
    product = ProductPage(
        title=title,
        price=price,
        seller=seller or seller_of(village),
        photos=[ProductPhoto(image=image or photo(village, title))],
        **fields,
    )
    return index.add_child(instance=product)


def village_of(page):
    return Village.objects.for_page(page)
