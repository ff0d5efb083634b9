"""Signing in and resetting a password, throttled: what a person locked out of signing in is
told (django-axes' lockout response), and how often a password reset may be asked for."""

import math

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.views import account

from .clients import Throttle, client_address


def locked_out(request, credentials=None):
    """Every attempt while locked out starts the wait again, so it ends a wait from now."""
    wait = settings.AXES_COOLOFF_TIME
    context = {
        "minutes": math.ceil(wait.total_seconds() / 60),
        "until": timezone.localtime() + wait,
    }
    return render(request, "balai/locked_out.html", context, status=429)


class PasswordResets(Throttle):
    limit, seconds = 5, 60 * 60


class ThrottledPasswordReset(account.PasswordResetView):
    """Wagtail's password reset, sending at most a few mails an hour to one address, and for
    one client: it cannot be used to flood a mailbox, or to try every staff address."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        throttles = [
            PasswordResets(f"balai:password-reset:client:{client_address(self.request)}"),
            PasswordResets(f"balai:password-reset:email:{email}"),
        ]
        if any(throttle.exceeded() for throttle in throttles):
            form.add_error(
                None,
                _("Several password resets were asked for in a short time. Try again in an hour."),
            )
            return self.form_invalid(form)
        for throttle in throttles:
            throttle.count()
        return super().form_valid(form)
