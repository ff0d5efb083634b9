from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from sites.listings import as_cards, listed_below
from sites.models import BasePage

from ..blocks import TEXT_FEATURES
from .sections import SectionPage, paginate

PAST_EVENTS_PER_PAGE = 10


class EventIndexPage(RoutablePageMixin, SectionPage):
    """Agenda: what happens in the village, coming first, then what has been."""

    subpage_types = ["village_pages.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        return listed_below(self, EventPage)

    @path("")
    def index(self, request):
        now = timezone.now()
        events = as_cards(self.events())
        return self.render(
            request,
            context_overrides={
                "upcoming": events.filter(start__gte=now).order_by("start"),
                "past": paginate(
                    request, events.filter(start__lt=now).order_by("-start"), PAST_EVENTS_PER_PAGE
                ),
            },
        )

    @path("ical/", name="ical")
    def ical(self, request):
        from ..feeds import events_calendar

        return events_calendar(self, request)


class EventPage(BasePage):
    """A meeting, celebration, health day or market in the village."""

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    description = RichTextField(_("description"), features=TEXT_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("place"),
        FieldPanel("description"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("place"),
        index.SearchField("description"),
    ]

    parent_page_types = ["village_pages.EventIndexPage"]
    subpage_types = []
    card_fields = ("start", "place")

    class Meta:
        verbose_name = _("event")

    def structured_data(self, request):
        from ..structured_data import image_url, village_organization

        organization = village_organization(request)
        data = {
            "@type": "Event",
            "name": self.title,
            "startDate": self.start.isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": {
                "@type": "Place",
                "name": self.place,
                "address": organization["address"] if organization else self.place,
            },
            "organizer": organization,
            "url": self.get_full_url(request),
        }
        if self.end:
            data["endDate"] = self.end.isoformat()
        if self.summary:
            data["description"] = self.summary
        if self.listing_image:
            data["image"] = image_url(request, self.listing_image)
        return data

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
