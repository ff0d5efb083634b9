"""The operator's imports and village archives in the admin: started here, done by the worker
(`sites.tasks`), watched here as they go."""

from functools import partial

from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .forms import VillageExportForm, VillageImportForm
from .models import VillageExport, VillageImport
from .permissions import SuperusersOnly
from .private_files import private_file_response
from .task_results import TaskResultViewSet
from .tasks import export_village_archive, import_villages

for model in (VillageImport, VillageExport):
    register_permission_policy(model, SuperusersOnly(model, ["view", "add"]))


class ProgressColumn(Column):
    cell_template_name = "sites/job_progress_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        return {**super().get_cell_context_data(instance, parent_context), "job": instance}


def status_html(job):
    """The job's status, marked for job-progress.js to follow while the job runs."""
    if job.running:
        return format_html("<span data-job-running>{}</span>", job.status)
    return job.status


class StatusColumn(Column):
    def get_value(self, instance):
        return status_html(instance)


class JobIndexView(IndexView):
    template_name = "sites/job_index.html"

    def get_base_queryset(self):
        # An import's rows are a province's villages: the list shows only its counts.
        queryset = super().get_base_queryset().select_related("requested_by")
        return queryset.defer("rows") if self.model is VillageImport else queryset


class JobCreateView(CreateView):
    """Saves the job and hands it to the worker once it is in the database."""

    task = None
    inspect_url_name = None

    def save_instance(self):
        job = self.form.save(commit=False)
        job.requested_by = self.request.user
        job.save()
        transaction.on_commit(partial(self.task.enqueue, job.pk))
        return job

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])


class ImportCreateView(JobCreateView):
    task = import_villages
    submit_button_label = _("Start the import")
    submit_button_active_label = _("Starting…")

    def get_success_message(self, instance):
        return _("The import of %(count)d villages of %(source)s has started.") % {
            "count": instance.total,
            "source": instance.source,
        }


class ExportCreateView(JobCreateView):
    task = export_village_archive
    submit_button_label = _("Write the archive")
    submit_button_active_label = _("Starting…")

    def get_initial(self):
        return {"village_code": self.request.GET.get("village", "")}

    def get_success_message(self, instance):
        return _("The archive of %(village)s is being written.") % {
            "village": instance.village_name
        }


class JobInspectView(InspectView):
    template_name = "sites/job_inspect.html"
    labels = {"status": _("Status"), "progress": _("Progress"), "failures": _("Failed")}

    def get_field_label(self, field_name, field):
        return self.labels.get(field_name) or super().get_field_label(field_name, field)

    def get_status_display_value(self):
        return status_html(self.object)

    def get_progress_display_value(self):
        return render_to_string("sites/job_progress.html", {"job": self.object})

    def get_failures_display_value(self):
        return format_html_join("", "<p>{}</p>", ((failure,) for failure in self.object.failures))

    def get_archive_display_value(self):
        if not self.object.archive:
            return ""
        url = reverse("exports:download", args=[self.object.pk])
        return render_to_string("sites/job_download.html", {"url": url})


class JobViewSet(ModelViewSet):
    icon = "download"
    add_to_admin_menu = False
    index_view_class = JobIndexView
    inspect_view_class = JobInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    ordering = ["-requested_at", "-pk"]
    form_class = None

    def get_form_class(self, for_update=False):
        return self.form_class

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(inspect_url_name=self.get_url_name("inspect"), **kwargs)


class VillageImportViewSet(JobViewSet):
    model = VillageImport
    icon = "upload"
    menu_label = _("Village imports")
    form_class = VillageImportForm
    add_view_class = ImportCreateView
    list_display = [
        "source",
        ProgressColumn("progress", label=_("Progress")),
        StatusColumn("status", label=_("Status")),
        DateColumn("requested_at", label=_("Requested")),
        "requested_by",
    ]
    inspect_view_fields = [
        *("source", "status", "progress", "failures", "error"),
        *("requested_by", "requested_at", "started_at", "finished_at"),
    ]


class VillageExportViewSet(JobViewSet):
    model = VillageExport
    menu_label = _("Village archives")
    form_class = VillageExportForm
    add_view_class = ExportCreateView
    list_display = [
        "village_name",
        StatusColumn("status", label=_("Status")),
        DateColumn("requested_at", label=_("Requested")),
        DateColumn("finished_at", label=_("Finished")),
        "requested_by",
    ]
    inspect_view_fields = [
        *("village_name", "status", "archive", "error"),
        *("requested_by", "requested_at", "started_at", "finished_at"),
    ]

    def download(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        job = get_object_or_404(VillageExport, pk=pk)
        if not job.archive:
            raise Http404
        return private_file_response(
            storages["private"],
            job.archive,
            filename=job.archive.rpartition("/")[2],
            content_type="application/zip",
            as_attachment=True,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/download/", self.download, name="download"),
        ]


class OperationsGroup(ViewSetGroup):
    """The platform's own work, for its operators."""

    menu_label = _("Operations")
    menu_icon = "cogs"
    menu_order = 900
    items = (
        VillageImportViewSet("imports"),
        VillageExportViewSet("exports"),
        TaskResultViewSet("tasks"),
    )
