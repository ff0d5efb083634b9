from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Complaint
from .views import ComplaintViewSet, SentByVillagersPolicy

register_permission_policy(Complaint, SentByVillagersPolicy(Complaint))


@hooks.register("register_admin_viewset")
def register_complaint_viewset():
    return ComplaintViewSet("complaints")
