from wagtail import hooks

from .views import VillageViewSet


@hooks.register("register_admin_viewset")
def register_village_viewset():
    return VillageViewSet("villages")
