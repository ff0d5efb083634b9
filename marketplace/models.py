from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from lokal import format_rupiah
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from sites.models import BasePage
from village_pages.blocks import TEXT_FEATURES
from village_pages.models.sections import SectionPage


class ProductIndexPage(SectionPage):
    """Produk: what the village's enterprises make and sell."""

    subpage_types = ["marketplace.ProductPage"]

    class Meta:
        verbose_name = _("product index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = ProductPage.objects.child_of(self).live().order_by("title")
        return context


class ProductPage(BasePage):
    """Something a village enterprise sells, with its price."""

    class Unit(models.TextChoices):
        KG = "kg", _("kg")
        PIECE = "pcs", _("piece")
        PACK = "pack", _("pack")
        LITRE = "liter", _("litre")
        BOTTLE = "botol", _("bottle")
        PACKAGE = "paket", _("package")

    description = RichTextField(_("description"), features=TEXT_FEATURES)
    price = models.PositiveIntegerField(
        _("price in Rupiah"), validators=[MinValueValidator(1)], help_text=_("Whole Rupiah.")
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.PIECE)

    content_panels = BasePage.content_panels + [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("price"), FieldPanel("unit")]),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("description")]

    parent_page_types = ["marketplace.ProductIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("product")

    @property
    def price_display(self):
        """Rp25.000 / kg"""
        return f"{format_rupiah(self.price)} / {self.get_unit_display()}"
