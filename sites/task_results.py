"""The operator's view of the background tasks: what ran, what waits, what failed and why."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .permissions import SuperusersOnly

# Tasks are the platform's: superusers look at them, and nobody edits them here.
register_permission_policy(DBTaskResult, SuperusersOnly(DBTaskResult, ["view"]))


class TaskResultViewSet(ModelViewSet):
    model = DBTaskResult
    icon = "cogs"
    menu_label = _("Background tasks")
    list_display = [
        Column("task_path", label=_("Task")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("enqueued_at", label=_("Enqueued")),
        DateColumn("finished_at", label=_("Finished")),
        Column("exception_class_path", label=_("Error")),
    ]
    list_filter = ["status", "task_path"]
    ordering = ["-enqueued_at"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = [
        *("task_path", "status", "args_kwargs", "enqueued_at", "started_at"),
        *("finished_at", "run_after", "worker_ids", "exception_class_path", "traceback"),
    ]
    search_fields = ["task_path"]
    search_backend_name = None
    form_fields = []  # no form: tasks are made by Balai, never in the admin
