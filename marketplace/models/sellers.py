from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from sites.validators import stored_phone, validate_phone, whatsapp_id

from ..forms import SellerForm


class Seller(TranslatableMixin, models.Model):
    """A BUMDes, small business, farmer or fisher group that sells through its village's site."""

    class Kind(models.TextChoices):
        BUMDES = "bumdes", _("BUMDes (village enterprise)")
        UMKM = "umkm", _("UMKM (small business)")
        FARMERS = "poktan", _("Farmer or fisher group")
        COOPERATIVE = "koperasi", _("Cooperative")
        PERSON = "perorangan", _("Individual")

    village = models.ForeignKey(
        "sites.Village", verbose_name=_("village"), on_delete=models.CASCADE, related_name="sellers"
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.UMKM)
    description = models.TextField(_("description"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo or logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    whatsapp_number = models.CharField(
        _("WhatsApp number"),
        max_length=20,
        blank=True,
        validators=[validate_phone],
        help_text=_("Orders go here. Leave empty to use the village office's number."),
    )
    address = models.TextField(_("address"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    panels = [
        FieldPanel("village"),
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("photo"),
        FieldPanel("whatsapp_number"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    base_form_class = SellerForm

    # Staff translate what a seller says about itself; where and how to order stay the same.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        *(
            SynchronizedField(name, overridable=False)
            for name in (
                "village",
                "kind",
                "photo",
                "whatsapp_number",
                "address",
                "latitude",
                "longitude",
            )
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("seller")
        verbose_name_plural = _("sellers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # Stored in one form (+62...) whatever was typed: 0812-..., +62 812... or 62812...
        self.whatsapp_number = stored_phone(self.whatsapp_number)

    @property
    def whatsapp(self):
        """The number as wa.me wants it (628...), or "" when none is set."""
        return whatsapp_id(self.whatsapp_number)
