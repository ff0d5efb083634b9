import os

import dj_email_url
import sentry_sdk
from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("LOG_FORMAT", "json")
os.environ.setdefault("LOG_REQUESTS", "true")

from .base import *  # noqa: E402, F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set SECRET_KEY in the environment before starting Balai.")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured(
        "Set DATABASE_URL (postgres://user:password@host:5432/name) before starting Balai."
    )
if not os.environ.get("BALAI_BASE_DOMAIN"):  # noqa: F405
    raise ImproperlyConfigured(
        "Set BALAI_BASE_DOMAIN (the portal's host; villages live on its subdomains)."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Every village and the portal answer over HTTPS only. Turn the redirect off where the
# TLS-terminating proxy already redirects; HSTS covers the villages' subdomains.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)  # noqa: F405
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)  # noqa: F405
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)  # noqa: F405
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_TRUSTED_ORIGINS = [f"https://*.{BALAI_BASE_DOMAIN}", f"https://{BALAI_BASE_DOMAIN}"]  # noqa: F405

# Mail to staff (moderation requests and their answers, password resets) through an SMTP
# relay: EMAIL_URL (submission://user:password@host:587 for STARTTLS), or EMAIL_HOST and the rest.
# Mail leaves through a task (sites/mail.py), which sends it through BALAI_EMAIL_BACKEND.
EMAIL_BACKEND = "sites.mail.TaskEmailBackend"
BALAI_EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)  # noqa: F405
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)  # noqa: F405
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH")  # with the file backend, for trials
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"balai@{BALAI_BASE_DOMAIN}")  # noqa: F405
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_URL"):  # noqa: F405
    vars().update(dj_email_url.parse(os.environ["EMAIL_URL"]))  # noqa: F405

# Errors and their requests to Sentry, or a server that speaks its protocol, when SENTRY_DSN
# names one; by sentry-sdk's defaults without cookies, users or other personal data.
if os.environ.get("SENTRY_DSN"):
    sentry_sdk.init(
        dsn=os.environ["SENTRY_DSN"],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
