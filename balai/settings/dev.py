import os

os.environ.setdefault("BALAI_SERVE_MEDIA", "true")
os.environ.setdefault("BALAI_SITE_PORT", os.environ.get("PORT", "8000"))

from .base import *  # noqa: E402, F403

SECRET_KEY = SECRET_KEY or "balai-development-only-not-secret"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STATIC_ROOT = None  # whitenoise serves static files from the apps; production collects them
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
