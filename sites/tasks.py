"""Work done after the request that asks for it: by the worker (`manage.py db_worker`) on
PostgreSQL, at once on the embedded default. Wagtail's own (the search and reference indexes,
purging a CDN, deleting replaced files) run the same way."""

import datetime
import functools

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.images import get_image_model

from . import importer
from .export import save_archive
from .models import VillageExport, VillageImport
from .statistics import filled_by_provisioning, refresh_statistics

ATTEMPTS = 3
# How long to wait before the second and the third attempt.
WAITS = (datetime.timedelta(seconds=30), datetime.timedelta(minutes=5))

# The pictures every page shows of an image (components/thumbnail.html, meta.html, blocks):
# made once, by the worker, instead of by the first visitor of each page.
STANDARD_RENDITIONS = (
    # As {% picture %} names them: the format first.
    *(
        f"format-{kind}|fill-{size}"
        for size in ("320x200", "640x400")
        for kind in ("avif", "webp", "jpeg")
    ),
    "fill-1200x630|format-jpeg",
    "width-800|format-webp",
)


def retried(function=None, *, gave_up=None):
    """A task that is enqueued again when it fails, at most ATTEMPTS times in all, later each
    time where the backend can wait; every failure stays in the task results with its error.
    After the last, `gave_up(*args, error)` says so where the operator looks."""
    if function is None:
        return functools.partial(retried, gave_up=gave_up)

    @functools.wraps(function)
    def run_once(*args, attempt=1, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception as error:
            if attempt < ATTEMPTS:
                again = retrying_task
                if again.get_backend().supports_defer:
                    again = again.using(run_after=timezone.now() + WAITS[attempt - 1])
                again.enqueue(*args, attempt=attempt + 1, **kwargs)
            elif gave_up:
                gave_up(*args, error)
            raise

    retrying_task = task()(run_once)
    return retrying_task


@retried
def send_mail_message(message):
    """Sends one message (as `sites.mail.as_data` wrote it) through the real mail backend."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message["cc"],
        bcc=message["bcc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
        alternatives=[tuple(alternative) for alternative in message["alternatives"]],
        connection=get_connection(settings.BALAI_EMAIL_BACKEND),
    )
    email.send()


@retried
def make_standard_renditions(image_id):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is not None:  # removed meanwhile: nothing to make
        image.get_renditions(*STANDARD_RENDITIONS)


def job_gave_up(model):
    def record(job_id, error):
        model.objects.filter(pk=job_id).update(
            error=_("Stopped after %(attempts)d attempts: %(error)s")
            % {"attempts": ATTEMPTS, "error": error or error.__class__.__name__},
            finished_at=timezone.now(),
        )

    return record


@retried(gave_up=job_gave_up(VillageImport))
def import_villages(import_id):
    """Makes the import's villages one by one, saving the progress after each; a retry goes on
    from the first village not yet done."""
    job = VillageImport.objects.get(pk=import_id)
    if job.finished_at:
        return
    job.started_at = job.started_at or timezone.now()
    job.save(update_fields=["started_at"])
    created_before = job.created
    for values in job.rows[job.done :]:
        row = importer.Row(*values)
        outcome = importer.import_row(row)
        if outcome == importer.CREATED:
            job.created += 1
        elif outcome == importer.EXISTING:
            job.existing += 1
        else:
            job.failures.append(f"{row.label}: {outcome}")
        job.done += 1
        job.save(update_fields=["done", "created", "existing", "failures"])
    if job.created > created_before:
        refresh_statistics(filled_by_provisioning())
    job.finished_at = timezone.now()
    job.save(update_fields=["finished_at"])


@retried(gave_up=job_gave_up(VillageExport))
def export_village_archive(export_id):
    job = VillageExport.objects.select_related("village").get(pk=export_id)
    if job.finished_at:
        return
    if job.village is None:
        job.error = _("The village was removed before its archive was written.")
    else:
        job.started_at = timezone.now()
        job.save(update_fields=["started_at"])
        job.archive = save_archive(job.village, "exports")
    job.finished_at = timezone.now()
    job.save(update_fields=["archive", "error", "finished_at"])
