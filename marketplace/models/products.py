from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from lokal import format_rupiah
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from sites.models import BasePage, Village
from village_pages.blocks import TEXT_FEATURES
from village_pages.models.sections import SectionPage, paginate

from ..forms import ProductPageForm

MAX_PHOTOS = 6


class ProductIndexPage(SectionPage):
    """Produk: what the village's enterprises make and sell."""

    subpage_types = ["marketplace.ProductPage"]

    class Meta:
        verbose_name = _("product index page")

    def get_context(self, request, *args, **kwargs):
        from ..catalogue import PER_PAGE, CatalogueFilters, with_cards

        context = super().get_context(request, *args, **kwargs)
        filters = CatalogueFilters(request.GET)
        village = getattr(request, "village", None)
        products = (
            ProductPage.objects.live().filter(village=village)
            if village
            else ProductPage.objects.child_of(self).live()
        )
        products = filters.apply(products)
        context["filters"] = filters
        context["products"] = paginate(request, with_cards(products), PER_PAGE)
        return context


class ProductPage(BasePage):
    """Something a village enterprise sells: its own page, price and a WhatsApp order link."""

    class Unit(models.TextChoices):
        KG = "kg", _("kg")
        PIECE = "pcs", _("piece")
        PACK = "pack", _("pack")
        LITRE = "liter", _("litre")
        BOTTLE = "botol", _("bottle")
        PACKAGE = "paket", _("package")

    class Availability(models.TextChoices):
        IN_STOCK = "tersedia", _("In stock")
        PRE_ORDER = "pesan", _("Pre-order")
        OUT_OF_STOCK = "habis", _("Out of stock")
        SEASONAL = "musiman", _("Seasonal")

    SCHEMA_AVAILABILITY = {
        "tersedia": "https://schema.org/InStock",
        "pesan": "https://schema.org/PreOrder",
        "habis": "https://schema.org/OutOfStock",
        "musiman": "https://schema.org/LimitedAvailability",
    }

    description = RichTextField(_("description"), features=TEXT_FEATURES)
    price = models.PositiveIntegerField(
        _("price in Rupiah"), validators=[MinValueValidator(1)], help_text=_("Whole Rupiah.")
    )
    discounted_price = models.PositiveIntegerField(
        _("discounted price"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty when there is no discount."),
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.PIECE)
    minimum_order = models.PositiveIntegerField(
        _("minimum order"), default=1, validators=[MinValueValidator(1)]
    )
    availability = models.CharField(
        _("availability"), max_length=10, choices=Availability.choices, default="tersedia"
    )
    category = models.ForeignKey(
        "marketplace.ProductCategory",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Required in the form; the database allows none so a seller can be removed safely.
    seller = models.ForeignKey(
        "marketplace.Seller",
        verbose_name=_("seller"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="products",
    )
    # Kept in step with the page's place in the tree, so catalogues can filter by region.
    village = models.ForeignKey(
        "sites.Village", null=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = BasePage.content_panels + [
        InlinePanel("photos", heading=_("Photos"), label=_("photo"), min_num=1, max_num=MAX_PHOTOS),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("price"), FieldPanel("discounted_price")]),
                FieldRowPanel([FieldPanel("unit"), FieldPanel("minimum_order")]),
                FieldPanel("availability"),
            ],
            heading=_("Price and stock"),
        ),
        FieldRowPanel([FieldPanel("seller"), FieldPanel("category")]),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.FilterField("price"),
        index.FilterField("availability"),
        index.FilterField("category"),
        index.FilterField("village"),
    ]
    base_form_class = ProductPageForm

    parent_page_types = ["marketplace.ProductIndexPage"]
    subpage_types = []
    og_type = "product"
    card_fields = ("price", "discounted_price", "unit", "first_published_at")

    class Meta:
        verbose_name = _("product")
        indexes = [
            # A catalogue sorted by price walks this in order and stops at a page of matches,
            # instead of sorting every match (catalogue.SORTS).
            models.Index(
                Coalesce("discounted_price", "price"), F("page_ptr"), name="balai_product_selling"
            ),
        ]

    def clean(self):
        super().clean()
        if self.discounted_price is not None and self.price and self.discounted_price >= self.price:
            raise ValidationError(
                {"discounted_price": _("A discounted price must be lower than the price.")}
            )

    def save(self, *args, **kwargs):
        if self.village_id is None and self.path:
            self.village = Village.objects.for_page(self)
        return super().save(*args, **kwargs)

    @property
    def selling_price(self):
        return self.discounted_price or self.price

    @property
    def price_display(self):
        """Rp25.000 / kg"""
        return f"{format_rupiah(self.selling_price)} / {self.get_unit_display()}"

    @property
    def old_price_display(self):
        return format_rupiah(self.price) if self.discounted_price else ""

    def main_photo(self):
        photos = self.photos.all()
        return photos[0].image if photos else None

    @property
    def share_image(self):
        return self.listing_image or self.main_photo()

    def get_context(self, request, *args, **kwargs):
        from sites.models import VillageSettings

        context = super().get_context(request, *args, **kwargs)
        village_whatsapp = VillageSettings.for_request(request).whatsapp if self.village else ""
        url = self.get_full_url(request)
        context.update(
            order_url=self.whatsapp_order_url(request, village_whatsapp),
            share_whatsapp=f"https://wa.me/?text={quote(f'{self.title} {url}', safe='')}",
            share_facebook=f"https://www.facebook.com/sharer/sharer.php?u={quote(url, safe='')}",
            page_url=url,
            photos=self.photos.select_related("image"),
        )
        return context

    def whatsapp_order_url(self, request, village_whatsapp=""):
        """wa.me link to the seller (else the village office) with the order written out."""
        number = (self.seller.whatsapp if self.seller else "") or village_whatsapp
        if not number:
            return ""
        message = gettext("Hello, I would like to order %(product)s (%(price)s). %(url)s") % {
            "product": self.title,
            "price": self.price_display,
            "url": self.get_full_url(request),
        }
        return f"https://wa.me/{number}?text={quote(message, safe='')}"

    def structured_data(self, request):
        offer = {
            "@type": "Offer",
            "price": self.selling_price,
            "priceCurrency": "IDR",
            "availability": self.SCHEMA_AVAILABILITY[self.availability],
            "url": self.get_full_url(request),
        }
        if self.seller:
            offer["seller"] = {"@type": "Organization", "name": self.seller.name}
        data = {
            "@type": "Product",
            "name": self.title,
            "url": self.get_full_url(request),
            "offers": offer,
        }
        if self.summary:
            data["description"] = self.summary
        photo = self.main_photo()
        if photo:
            from village_pages.structured_data import image_url

            data["image"] = image_url(request, photo)
        if self.category:
            data["category"] = self.category.name
        return data


class ProductPhoto(Orderable):
    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("image")]
