from .base_page import BasePage
from .jobs import VillageExport, VillageImport
from .moderation import VillageModerationTask
from .regions import DistrictPage, PortalHomePage, RegencyPage
from .settings import VillageSettings
from .village import Village

__all__ = [
    "BasePage",
    "DistrictPage",
    "PortalHomePage",
    "RegencyPage",
    "Village",
    "VillageExport",
    "VillageImport",
    "VillageModerationTask",
    "VillageSettings",
]
