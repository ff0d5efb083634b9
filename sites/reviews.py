"""Pages waiting for review, as the dashboard and the workflow report list them.

Wagtail shows each row's tasks and their status by asking the database once a row
(`WorkflowState.all_tasks_with_status`), and its dashboard lists every page the user may
review. A province's operator can have hundreds waiting: here the tasks and statuses of all
rows are read in two queries, and the dashboard shows the latest few with a link to the rest.
"""

import copy

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.reports.locked_pages import (
    LockedPagesReportFilterSet,
    LockedPagesView,
    get_users_for_filter,
)
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowView,
    get_requested_by_queryset,
)
from wagtail.models import Revision, Task, TaskState, WorkflowTask

from .staff import colleagues

SHOWN_ON_DASHBOARD = 10
STATUS_NAMES = dict(TaskState.STATUS_CHOICES)


def tasks_with_status(workflow_states):
    """For each workflow state, its workflow's tasks with their status, as Wagtail's
    `all_tasks_with_status` gives them (a state id: [task, ...])."""
    workflow_ids = {state.workflow_id for state in workflow_states}
    tasks = {}
    for link in (
        WorkflowTask.objects.filter(workflow_id__in=workflow_ids)
        .select_related("task")
        .order_by("sort_order")
    ):
        tasks.setdefault(link.workflow_id, []).append(link.task)
    latest = {
        (workflow_state, task): status
        for workflow_state, task, status in TaskState.objects.filter(
            workflow_state__in=workflow_states
        )
        .order_by("started_at", "id")
        .values_list("workflow_state_id", "task_id", "status")
    }
    found = {}
    for state in workflow_states:
        found[state.pk] = []
        for task in tasks.get(state.workflow_id, []):
            task = copy.copy(task)
            task.status = latest.get((state.pk, task.pk))
            task.status_display = STATUS_NAMES.get(task.status, _("Not started"))
            found[state.pk].append(task)
    return found


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", latest first, at most `SHOWN_ON_DASHBOARD` rows."""

    template_name = "wagtailadmin/home/balai_awaiting_review.html"

    def get_context_data(self, parent_context):
        context = super(WorkflowObjectsToModeratePanel, self).get_context_data(parent_context)
        request = parent_context["request"]
        reviewable = (
            TaskState.objects.reviewable_by(request.user)
            .select_related("revision", "revision__user", "workflow_state", "task")
            .prefetch_related("revision__content_object")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
            .order_by("-started_at")
        )
        shown = [
            state for state in reviewable[: SHOWN_ON_DASHBOARD + 1] if state.revision.content_object
        ]
        context["more"] = len(shown) > SHOWN_ON_DASHBOARD
        shown = shown[:SHOWN_ON_DASHBOARD]
        tasks = tasks_with_status([state.workflow_state for state in shown])
        specific = Task.objects.filter(pk__in={state.task_id for state in shown}).specific()
        actions = {task.pk: task.get_actions for task in specific}
        context["request"] = request
        context["csrf_token"] = parent_context["csrf_token"]
        context["states"] = [
            {
                "obj": state.revision.content_object,
                "revision": state.revision,
                "previous_revision_id": state.previous_revision_id,
                "live_revision_id": state.revision.content_object.live_revision_id,
                "task_state": state,
                "actions": actions[state.task_id](state.revision.content_object, request.user),
                "workflow_tasks": tasks[state.workflow_state_id],
                "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
                "workflow_preview_url_name": "wagtailadmin_pages:workflow_preview",
                "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
            }
            for state in shown
        ]
        return context


class OwnWorkflowReportFilterSet(WorkflowReportFilterSet):
    requested_by = django_filters.ModelChoiceFilter(
        field_name="requested_by",
        queryset=lambda request: get_requested_by_queryset(request).filter(
            pk__in=colleagues(request.user).values("pk")
        ),
    )


class WorkflowReport(WorkflowView):
    """Wagtail's workflow report, each page of rows with its tasks read at once; its filter by
    requester names the user's colleagues only."""

    filterset_class = OwnWorkflowReportFilterSet

    def decorate_paginated_queryset(self, object_list):
        states = super().decorate_paginated_queryset(object_list)
        tasks = tasks_with_status(states)
        for state in states:
            # The report's template asks each row for this; the answer is already known.
            state.all_tasks_with_status = tasks[state.pk]
        return states


class OwnLockedPagesFilterSet(LockedPagesReportFilterSet):
    locked_by = django_filters.ModelChoiceFilter(
        label=LockedPagesReportFilterSet.declared_filters["locked_by"].label,
        empty_label=LockedPagesReportFilterSet.declared_filters["locked_by"].extra["empty_label"],
        field_name="locked_by",
        queryset=lambda request: get_users_for_filter().filter(
            pk__in=colleagues(request.user).values("pk")
        ),
    )


class LockedPagesReport(LockedPagesView):
    """Wagtail's locked pages report, whose filter by locker names the user's colleagues only."""

    filterset_class = OwnLockedPagesFilterSet


@hooks.register("construct_homepage_panels")
def latest_awaiting_review(request, panels):
    panels[:] = [
        AwaitingReviewPanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
