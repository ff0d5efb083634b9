from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from ..blocks import TEXT_FEATURES, InstitutionBlock
from .sections import SectionPage


class ProfilePage(SectionPage):
    """Profil: the village's history, vision, land and people, and who serves it."""

    history = RichTextField(_("history"), features=TEXT_FEATURES, blank=True)
    vision = models.TextField(_("vision"), blank=True)
    mission = RichTextField(_("mission"), features=TEXT_FEATURES, blank=True)
    area_hectares = models.DecimalField(
        _("area in hectares"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    households = models.PositiveIntegerField(_("households"), null=True, blank=True)
    hamlets = models.TextField(
        _("hamlets"), blank=True, help_text=_("One dusun (hamlet) per line.")
    )
    border_north = models.CharField(_("north"), max_length=200, blank=True)
    border_east = models.CharField(_("east"), max_length=200, blank=True)
    border_south = models.CharField(_("south"), max_length=200, blank=True)
    border_west = models.CharField(_("west"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    institutions = StreamField(
        [("institution", InstitutionBlock())], verbose_name=_("institutions"), blank=True
    )

    content_panels = SectionPage.content_panels + [
        FieldPanel("history"),
        MultiFieldPanel(
            [FieldPanel("vision"), FieldPanel("mission")], heading=_("Vision and mission")
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("area_hectares"),
                        FieldPanel("population"),
                        FieldPanel("households"),
                    ]
                ),
                FieldPanel("hamlets"),
                FieldRowPanel([FieldPanel("border_north"), FieldPanel("border_east")]),
                FieldRowPanel([FieldPanel("border_south"), FieldPanel("border_west")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Geography and population"),
        ),
        InlinePanel("officials", heading=_("Village officials"), label=_("official")),
        FieldPanel("institutions"),
    ]

    class Meta:
        verbose_name = _("profile page")

    def is_empty(self):
        """True until staff have written anything about the village."""
        facts = (
            self.history,
            self.vision,
            self.mission,
            self.hamlets,
            self.population,
            self.households,
            self.area_hectares,
            self.latitude,
            self.longitude,
        )
        return (
            all(fact in (None, "") for fact in facts)
            and not self.borders()
            and not self.institutions
            and not self.officials.exists()
        )

    def hamlet_list(self):
        return [line.strip() for line in self.hamlets.splitlines() if line.strip()]

    def borders(self):
        """The four neighbours, in compass order, leaving out the ones not filled in."""
        return [
            (label, value)
            for label, value in (
                (_("North"), self.border_north),
                (_("East"), self.border_east),
                (_("South"), self.border_south),
                (_("West"), self.border_west),
            )
            if value
        ]

    def map_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = self.latitude, self.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=15/{lat}/{lon}"


class Official(Orderable):
    """A member of the village government, shown in order on the profile page."""

    page = ParentalKey(ProfilePage, on_delete=models.CASCADE, related_name="officials")
    name = models.CharField(_("name"), max_length=100)
    position = models.CharField(_("position"), max_length=100)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("photo")]

    class Meta(Orderable.Meta):
        verbose_name = _("official")

    def __str__(self):
        return f"{self.name}, {self.position}"
