from wagtail import hooks

from .views import ComplaintViewSet


@hooks.register("register_admin_viewset")
def register_complaint_viewset():
    return ComplaintViewSet("complaints")
