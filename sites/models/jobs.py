"""Work an operator starts in the admin and the worker does (`sites.tasks`): making the
villages of a region, writing a village's archive. Each row is what the operator watches."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True)
    finished_at = models.DateTimeField(_("finished"), null=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        abstract = True
        ordering = ["-requested_at", "-pk"]

    @property
    def status(self):
        if self.finished_at:
            return _("Failed") if self.error else _("Finished")
        return _("Running") if self.started_at else _("Waiting for the worker")

    @property
    def running(self):
        return self.finished_at is None


class VillageImport(Job):
    """The villages of a register region, or of a CSV file, made one by one."""

    source = models.CharField(_("villages of"), max_length=255)
    # As `sites.importer.Row` reads them: [line, code, slug, domain, error].
    rows = models.JSONField(default=list)
    total = models.PositiveIntegerField(_("villages"), default=0)
    done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    existing = models.PositiveIntegerField(default=0)
    failures = models.JSONField(default=list)

    class Meta(Job.Meta):
        verbose_name = _("village import")
        verbose_name_plural = _("village imports")

    def __str__(self):
        return str(self.source)


class VillageExport(Job):
    """A village's archive (`sites.export`), written to the private storage."""

    village = models.ForeignKey(
        "sites.Village", verbose_name=_("village"), null=True, on_delete=models.SET_NULL
    )
    village_name = models.CharField(_("village"), max_length=100)
    archive = models.CharField(_("archive"), max_length=255, blank=True)

    class Meta(Job.Meta):
        verbose_name = _("village archive")
        verbose_name_plural = _("village archives")

    def __str__(self):
        return self.village_name
