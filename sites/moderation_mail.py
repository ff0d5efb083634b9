"""Mail to a village's moderators when a page of their village is submitted for review.

Wagtail mails the groups of its own group approval tasks; Balai's one moderation task
(`models.moderation`) has no groups, its reviewers being the moderators of the page's village.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier, Notifier

from .models import Village, VillageModerationTask


class VillageModeratorsNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return Notifier.can_handle(self, instance, **kwargs) and isinstance(
            instance.task.specific, VillageModerationTask
        )

    def get_recipient_users(self, task_state, **kwargs):
        page = task_state.workflow_state.content_object
        village = Village.objects.for_page(page)
        users = get_user_model().objects
        recipients = users.filter(groups=village.moderators_id) if village else users.none()
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            recipients = recipients | users.filter(is_superuser=True)
        if kwargs.get("user"):
            recipients = recipients.exclude(pk=kwargs["user"].pk)
        return recipients
