from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set SECRET_KEY in the environment before starting Balai.")
if not os.environ.get("BALAI_BASE_DOMAIN"):  # noqa: F405
    raise ImproperlyConfigured(
        "Set BALAI_BASE_DOMAIN (the portal's host; villages live on its subdomains)."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)  # noqa: F405
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_TRUSTED_ORIGINS = [f"https://*.{BALAI_BASE_DOMAIN}", f"https://{BALAI_BASE_DOMAIN}"]  # noqa: F405
