from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from lokal import parse_phone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..own_files import OwnFilesModelForm
from ..translations import ENGLISH
from ..validators import stored_phone, validate_phone, whatsapp_id

# What villages call themselves: Lampung's regencies have their own words for "desa".
LOCAL_WORDS = ["Desa", "Kelurahan", "Pekon", "Tiyuh", "Kampung", "Nagari", "Gampong", "Negeri"]
LOCAL_WORD_BY_REGENCY = {
    "18.02": "Kampung",  # Lampung Tengah
    "18.04": "Pekon",  # Lampung Barat
    "18.05": "Kampung",  # Tulang Bawang
    "18.06": "Pekon",  # Tanggamus
    "18.08": "Kampung",  # Way Kanan
    "18.10": "Pekon",  # Pringsewu
    "18.12": "Tiyuh",  # Tulang Bawang Barat
    "18.13": "Pekon",  # Pesisir Barat
}

# What a reader of English calls a village, whatever its local word ("Hajimena village").
ENGLISH_KINDS = {"Kelurahan": "ward"}


# Accent colours a village may choose; each keeps text at 4.5:1 or better on white (WCAG AA).
COLOURS = {
    "hijau": ("#0b6e4f", _("Green")),
    "biru": ("#1d4ed8", _("Blue")),
    "merah": ("#b91c1c", _("Red")),
    "ungu": ("#6d28d9", _("Purple")),
    "coklat": ("#92400e", _("Brown")),
    "abu": ("#374151", _("Grey")),
}


class ReaderText(NamedTuple):
    """A text to show, and the code of its language when it is not the one being read."""

    text: str
    fallback_language: str = ""


def local_word_for(kind, regency_code):
    if kind == "kelurahan":
        return "Kelurahan"
    return LOCAL_WORD_BY_REGENCY.get(regency_code, "Desa")


@register_setting(icon="home")
class VillageSettings(BaseSiteSetting):
    """The village's name, contacts and office hours, shown on every page of its site."""

    display_name = models.CharField(_("display name"), max_length=100)
    local_word = models.CharField(
        _("local word for village"),
        max_length=20,
        choices=[(word, word) for word in LOCAL_WORDS],
        default="Desa",
    )
    colour = models.CharField(
        _("colour"),
        max_length=10,
        choices=[(key, label) for key, (_hex, label) in COLOURS.items()],
        default="hijau",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_phone = models.CharField(
        _("office phone"), max_length=20, blank=True, validators=[validate_phone]
    )
    whatsapp_number = models.CharField(
        _("WhatsApp number"), max_length=20, blank=True, validators=[validate_phone]
    )
    email = models.EmailField(_("email"), blank=True)
    office_address = models.TextField(_("office address"), blank=True)
    office_hours = models.CharField(
        _("office hours"),
        max_length=200,
        blank=True,
        help_text=_("For example: Senin-Jumat 08.00-15.00 WIB"),
    )
    office_hours_en = models.CharField(
        _("office hours in English"),
        max_length=200,
        blank=True,
        help_text=_(
            "For visitors reading the English pages, for example: Monday to Friday 08.00-15.00 "
            "WIB. Leave it empty and they see the office hours in Indonesian."
        ),
    )

    base_form_class = OwnFilesModelForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("display_name"),
                FieldPanel("local_word"),
                FieldPanel("colour"),
                FieldPanel("logo"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_phone"),
                FieldPanel("whatsapp_number"),
                FieldPanel("email"),
                FieldPanel("office_address"),
                FieldPanel("office_hours"),
                *([FieldPanel("office_hours_en")] if ENGLISH in dict(settings.LANGUAGES) else []),
            ],
            heading=_("Contact"),
        ),
    ]

    class Meta:
        verbose_name = _("village settings")

    def clean(self):
        super().clean()
        self.contact_phone = stored_phone(self.contact_phone)
        self.whatsapp_number = stored_phone(self.whatsapp_number)

    @property
    def village_name(self):
        """ "Desa Hajimena" or "Pekon Kubu Perahu"; to a reader of English "Hajimena village"."""
        if get_language() == ENGLISH:
            return f"{self.display_name} {ENGLISH_KINDS.get(self.local_word, 'village')}"
        return f"{self.local_word} {self.display_name}"

    @property
    def visitor_office_hours(self):
        """The office hours in the language being read, else in Indonesian (a ReaderText)."""
        if get_language() == ENGLISH and self.office_hours_en:
            return ReaderText(self.office_hours_en)
        return _typed_in_indonesian(self.office_hours)

    @property
    def visitor_office_address(self):
        """The office address, which staff write in Indonesian (a ReaderText)."""
        return _typed_in_indonesian(self.office_address)

    @property
    def accent(self):
        return COLOURS.get(self.colour, COLOURS["hijau"])[0]

    @property
    def whatsapp(self):
        """The number as wa.me wants it (628...), or "" when none is set."""
        return whatsapp_id(self.whatsapp_number)

    @property
    def whatsapp_display(self):
        return parse_phone(self.whatsapp_number).national if self.whatsapp_number else ""

    @property
    def phone_display(self):
        return parse_phone(self.contact_phone).national if self.contact_phone else ""


def _typed_in_indonesian(text):
    language = get_language()
    return ReaderText(text, settings.LANGUAGE_CODE if language != settings.LANGUAGE_CODE else "")
