"""Work done after the request that asks for it: by the worker (`manage.py db_worker`) on
PostgreSQL, at once on the embedded default. Wagtail's own (the search and reference indexes,
purging a CDN, deleting replaced files) run the same way."""

import datetime
import functools

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone
from django_tasks import task
from wagtail.images import get_image_model

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


def retried(function):
    """A task that is enqueued again when it fails, at most ATTEMPTS times in all, later each
    time where the backend can wait; every failure stays in the task results with its error."""

    @functools.wraps(function)
    def run_once(*args, attempt=1, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception:
            if attempt < ATTEMPTS:
                again = retrying_task
                if again.get_backend().supports_defer:
                    again = again.using(run_after=timezone.now() + WAITS[attempt - 1])
                again.enqueue(*args, attempt=attempt + 1, **kwargs)
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
