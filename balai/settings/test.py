import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("BALAI_SITE_PORT", "80")

from .base import *  # noqa: E402, F403

SECRET_KEY = "balai-tests-only"  # noqa: S105
BALAI_PORTAL_ALIASES = [*BALAI_PORTAL_ALIASES, "testserver"]  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / "media" / "test"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "private" / "test"  # noqa: F405
if not AWS_STORAGE_BUCKET_NAME:  # noqa: F405 (tests/storage run against an S3 server too)
    STORAGES["private"]["OPTIONS"]["location"] = PRIVATE_MEDIA_ROOT  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
BALAI_EMAIL_BACKEND = EMAIL_BACKEND
# Tests see what publishing does at once; tests/sites/test_tasks.py runs the worker itself.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STATIC_ROOT = None  # whitenoise serves through the finders; nothing is collected in tests
WHITENOISE_USE_FINDERS = True
# Tests change pages behind the editor's back; those that test the page cache turn it on.
BALAI_PAGE_CACHE_SECONDS = 0
# One process, tasks run at once: kept searches are retired as in production.
BALAI_SEARCH_CACHE_SECONDS = 3600
