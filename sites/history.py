"""Wagtail's site history report, where village staff see the log entries of their own
village's objects only.

Wagtail shows a model's log entries to anyone with a permission on the model. Every village's
staff share the model permissions on complaints and sellers (which rows they reach is up to
the views, `village_admin`), so Wagtail's report listed every village's complaints and
sellers, and the names of the staff who changed them. Page entries Wagtail already limits to
the pages the user may explore.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q, Value
from django.db.models.functions import Cast
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from .village_admin import OWN_ROWS


def viewable_log_entries(log_model, user):
    """The entries of `log_model` that `user` may see."""
    entries = log_model.objects.viewable_by_user(user)
    if user.is_superuser or not issubclass(log_model, ModelLogEntry):
        return entries
    own = Q(pk__in=[])
    for model, own_rows in OWN_ROWS.items():
        ids = own_rows(user).annotate(text_id=Cast("pk", CharField())).values("text_id")
        own |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=ids)
    return entries.filter(own)


def _every_viewable(user):
    return [viewable_log_entries(model, user) for model in log_registry.get_log_entry_models()]


def _content_types(request):
    ids = {pk for entries in _every_viewable(request.user) for pk in entries.get_content_type_ids()}
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class OwnSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    object_type = ContentTypeFilter(
        label=SiteHistoryReportFilterSet.declared_filters["object_type"].label,
        method="filter_object_type",
        queryset=_content_types,
    )

    def get_action_choices(self):
        used = {
            action
            for entries in _every_viewable(self.request.user)
            for action in entries.get_actions()
        }
        return [choice for choice in log_registry.get_choices() if choice[0] in used]

    def get_users_queryset(self):
        ids = {
            pk for entries in _every_viewable(self.request.user) for pk in entries.get_user_ids()
        }
        User = get_user_model()
        return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


class OwnSiteHistory(LogEntriesView):
    filterset_class = OwnSiteHistoryFilterSet

    def get_filtered_queryset(self):
        # As Wagtail's, but with the entries the user may see (`viewable_log_entries`).
        self.log_models = list(log_registry.get_log_entry_models())
        parts = [
            self.filter_queryset(
                viewable_log_entries(model, self.request.user)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            ).order_by()
            for index, model in enumerate(self.log_models)
        ]
        return parts[0].union(*parts[1:], all=True).order_by("-timestamp")
