from .announcements import AnnouncementIndexPage, AnnouncementPage
from .complaints import Complaint, ComplaintPage
from .events import EventIndexPage, EventPage
from .home import VillageHomePage
from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag
from .profile import Official, ProfilePage
from .sections import SectionPage
from .services import ServiceIndexPage, ServicePage

__all__ = [
    "AnnouncementIndexPage",
    "AnnouncementPage",
    "Complaint",
    "ComplaintPage",
    "EventIndexPage",
    "EventPage",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "Official",
    "ProfilePage",
    "SectionPage",
    "ServiceIndexPage",
    "ServicePage",
    "VillageHomePage",
]
