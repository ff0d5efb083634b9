import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("BALAI_SITE_PORT", os.environ.get("PORT", "8000"))

from .base import *  # noqa: E402, F403

SECRET_KEY = SECRET_KEY or "balai-development-only-not-secret"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
