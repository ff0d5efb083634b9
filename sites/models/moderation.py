"""One moderation workflow for every village, set on the tree's root page (migration
sites 0009), so every page inherits it and no village adds a row: its single task is approved
by the moderators of the village the page belongs to.

A workflow and a group approval task per village made every list of workflows or tasks, and
Wagtail's "awaiting your review" (which asks each task in turn), grow with the province.
"""

from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from ..languages import at_or_below


class VillageModerationTask(Task):
    """Approved by the moderators of the page's own village (and the superuser)."""

    def moderates(self, obj, user):
        if user.is_superuser:
            return True
        path = getattr(obj, "path", "")
        return any(path.startswith(home) for home in moderated_home_paths(user))

    def start(self, workflow_state, user=None):
        page = workflow_state.content_object
        if page.locked_by and not self.moderates(page, page.locked_by):
            page.locked, page.locked_by, page.locked_at = False, None, None
            page.save(update_fields=["locked", "locked_by", "locked_at"])
        return super().start(workflow_state, user=user)

    def user_can_access_editor(self, obj, user):
        return self.moderates(obj, user)

    def locked_for_user(self, obj, user):
        return not self.moderates(obj, user)

    def user_can_lock(self, obj, user):
        return self.moderates(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not self.moderates(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        pages = Page.objects.filter(at_or_below(moderated_home_paths(user)))
        # WorkflowState.object_id is text: PostgreSQL compares it with text ids only.
        ids = pages.values_list(Cast("pk", output_field=models.CharField()), flat=True)
        return states.filter(workflow_state__object_id__in=ids)

    @classmethod
    def get_description(cls):
        return _("The moderators of the page's own village approve it")

    class Meta:
        verbose_name = _("village moderation task")
        verbose_name_plural = _("village moderation tasks")


def moderated_home_paths(user):
    """Tree paths of the home pages, in every language, of the villages `user` moderates; kept
    on the user for the rest of the request."""
    if not hasattr(user, "_balai_moderated_home_paths"):
        from .village import Village

        # Read on their own: as a subquery, PostgreSQL plans a scan of every page for them.
        keys = list(
            Village.objects.filter(moderators__user=user).values_list(
                "home_page__translation_key", flat=True
            )
        )
        user._balai_moderated_home_paths = list(
            Page.objects.filter(translation_key__in=keys).values_list("path", flat=True)
        )
    return user._balai_moderated_home_paths
