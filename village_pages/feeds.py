"""Feeds for machines: the news as RSS, the agenda as iCalendar."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

FEED_ITEMS = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        site_name = self.request.village.name if getattr(self.request, "village", None) else ""
        return f"{self.index_page.title} · {site_name}".strip(" ·")

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.intro or _("News from the village")

    def items(self):
        return self.index_page.articles()[:FEED_ITEMS]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.get_url(self.request)

    def item_pubdate(self, article):
        return datetime.datetime.combine(article.date, datetime.time(8), tzinfo=datetime.UTC)

    def item_author_name(self, article):
        return article.author_name or None


def events_calendar(index_page, request):
    """Every live event of the village as an iCalendar file a phone can subscribe to."""
    calendar = Calendar()
    calendar.add("prodid", "-//Balai//Agenda//ID")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", index_page.title)
    for event_page in index_page.events().order_by("start"):
        event = Event()
        event.add("uid", f"event-{event_page.pk}@{request.get_host().split(':')[0]}")
        event.add("summary", event_page.title)
        event.add("dtstart", event_page.start)
        event.add("dtstamp", event_page.last_published_at or event_page.start)
        if event_page.end:
            event.add("dtend", event_page.end)
        event.add("location", event_page.place)
        event.add("url", event_page.get_full_url(request))
        if event_page.summary:
            event.add("description", event_page.summary)
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response
