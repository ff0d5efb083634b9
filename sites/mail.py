"""Mail sent by the worker, so a request never waits on, or fails with, the mail relay."""

from functools import partial

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from .tasks import send_mail_message


def as_data(message):
    """What a task's arguments can hold of `message`."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [list(alternative) for alternative in getattr(message, "alternatives", [])],
    }


class TaskEmailBackend(BaseEmailBackend):
    """Hands each message to a task once the request's changes are saved; a message with
    attachments, which a task's arguments cannot hold, is sent at once."""

    def send_messages(self, email_messages):
        for message in email_messages:
            if message.attachments:
                get_connection(settings.BALAI_EMAIL_BACKEND).send_messages([message])
            else:
                transaction.on_commit(partial(send_mail_message.enqueue, as_data(message)))
        return len(email_messages)
