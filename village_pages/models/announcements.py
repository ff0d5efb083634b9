import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from sites.models import BasePage
from sites.routing import keep_with_host

from .sections import SectionPage

BANNER_SIZE = 3


def in_two_weeks():
    return timezone.now() + datetime.timedelta(days=14)


class AnnouncementIndexPage(SectionPage):
    """Pengumuman: notices from the village office, the current ones first."""

    subpage_types = ["village_pages.AnnouncementPage"]

    class Meta:
        verbose_name = _("announcement index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        announcements = AnnouncementPage.objects.child_of(self).live()
        now = timezone.now()
        context["current"] = announcements.filter(valid_until__gt=now).order_by("valid_until")
        context["expired"] = announcements.filter(valid_until__lte=now).order_by("-valid_until")[
            :20
        ]
        return context


class AnnouncementPage(BasePage):
    """A short notice, shown as a banner on every page of the village until it expires."""

    text = models.TextField(_("text"), max_length=500)
    valid_until = models.DateTimeField(
        _("valid until"),
        default=in_two_weeks,
        help_text=_("The banner disappears by itself after this moment."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("text"), FieldPanel("valid_until")]

    parent_page_types = ["village_pages.AnnouncementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("announcement")

    @property
    def is_current(self):
        return self.valid_until > timezone.now()

    @classmethod
    def current_for(cls, home_page):
        """The village's notices that are live and not yet expired, soonest to expire first."""
        return cls.objects.filter(
            path__startswith=home_page.path, live=True, valid_until__gt=timezone.now()
        ).order_by("valid_until")


@keep_with_host("notices")
def banner_of(home):
    """The village's current notices its banner shows on every page, as (title, url_path,
    text), kept until the first of them expires."""
    current = AnnouncementPage.current_for(home)[:BANNER_SIZE]
    notices = list(current.values_list("title", "url_path", "text", "valid_until"))
    until = notices[0][3] if notices else None
    return [notice[:3] for notice in notices], until
