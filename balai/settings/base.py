"""Balai settings. Every value comes from the environment, with development defaults."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, str(default)).strip()
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def database_from_environment(default):
    """The database DATABASE_URL names; its password never appears in the message."""
    url = os.environ.get("DATABASE_URL") or default
    try:
        database = dj_database_url.parse(
            url,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    except ValueError as error:
        scheme = url.partition(":")[0]
        raise ImproperlyConfigured(
            f"DATABASE_URL cannot be read ({type(error).__name__} for a {scheme!r} address): "
            "write it as postgres://user:password@host:5432/name or sqlite:////path/db.sqlite3."
        ) from None
    if not database.get("NAME"):
        raise ImproperlyConfigured("DATABASE_URL names no database: add /name at its end.")
    return database


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")

# Villages live at <slug>.<BALAI_BASE_DOMAIN>; the portal is the base domain itself.
BALAI_BASE_DOMAIN = os.environ.get("BALAI_BASE_DOMAIN", "localhost").strip().lower()
# Port and scheme of the public URLs (80: http, 443: https, anything else: http with the port).
# Other names the portal answers to, such as the server's own address.
BALAI_PORTAL_ALIASES = env_list("BALAI_PORTAL_ALIASES", "127.0.0.1,[::1]")
# How many proxies (load balancers) stand before Balai and add X-Forwarded-For; 0 trusts none.
BALAI_PROXY_COUNT = env_int("BALAI_PROXY_COUNT", 0)
BALAI_SITE_PORT = env_int("BALAI_SITE_PORT", 443)

# Hosts are checked by sites.middleware.VillageHostMiddleware against the base domain and
# the custom domains in the village register, so a new village needs no settings change.
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "sites",
    "village_pages",
    "marketplace",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "sites.users_config.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "sites.request_log.request_log",
    "sites.health.health_check",
    "sites.middleware.refuse_null_characters",
    "sites.middleware.VillageHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "sites.content_security.ContentSecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "sites.http_cache.PublicCacheHeadersMiddleware",
    "sites.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sites.languages.LanguageFromAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "sites.translation_access.TranslationAccessMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

# Sign-ins are throttled by account and by client address (django-axes): after
# BALAI_LOGIN_FAILURES wrong passwords for one account, or from one address, the next waits
# BALAI_LOGIN_COOLOFF_MINUTES from the last failure. `manage.py axes_reset_username <name>`
# and `axes_reset_ip <address>` unlock at once.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("BALAI_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("BALAI_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "sites.clients.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "sites.sign_in.locked_out"
AXES_VERBOSE = False

ROOT_URLCONF = "balai.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "sites.context_processors.village",
            ],
        },
    },
]

WSGI_APPLICATION = "balai.wsgi.application"

DATABASES = {"default": database_from_environment(f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the writer work side by side; IMMEDIATE avoids "database is locked"
    # when two requests upgrade a read transaction to a write at once.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The backend that really sends mail; in production Balai's own hands each message to it
# through a task (sites/mail.py).
BALAI_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# Work after the request (sites/tasks.py, and Wagtail's search and reference indexes): by the
# worker, `manage.py db_worker`, where the database is PostgreSQL; at once otherwise, so a
# laptop needs no worker. BALAI_TASKS=immediate or database chooses either way.
BALAI_TASKS = os.environ.get(
    "BALAI_TASKS",
    "database" if DATABASES["default"]["ENGINE"].endswith("postgresql") else "immediate",
)
if BALAI_TASKS not in {"immediate", "database"}:
    raise ImproperlyConfigured(f"BALAI_TASKS must be immediate or database, not {BALAI_TASKS!r}.")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if BALAI_TASKS == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "balai"),
            # While Redis is away, pages are made from the database, slower, not refused.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "balai.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }
# Wagtail looks each picture's renditions up in this cache as it renders, then writes back
# what it read: two round trips a picture if they went to Redis. A rendition never changes
# once made, so each process keeps its own; one of a replaced image leaves within minutes.
CACHES["renditions"] = {
    "BACKEND": "sites.rendition_cache.RenditionCache",
    "TIMEOUT": 300,
    "OPTIONS": {"MAX_ENTRIES": 5_000},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
ADMIN_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
# Village sites are in Indonesian, and in English under /en/ unless BALAI_LANGUAGES=id.
LANGUAGES = [("id", "Bahasa Indonesia")] + [
    language
    for language in ADMIN_LANGUAGES[1:]
    if language[0] in env_list("BALAI_LANGUAGES", "id,en")
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = ADMIN_LANGUAGES
# A page staff send for translation starts as an English draft, not a live copy in Indonesian.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation is off unless the operator runs a LibreTranslate server of their own.
if os.environ.get("BALAI_LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["BALAI_LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("BALAI_LIBRETRANSLATE_API_KEY", ""),
        },
    }
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "balai" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
# How long a CDN or reverse proxy may keep a public page (Cache-Control s-maxage); browsers
# always ask again, and get 304 when nothing changed.
BALAI_SHARED_CACHE_SECONDS = env_int("BALAI_SHARED_CACHE_SECONDS", 60)


def frontend_cache_from_environment(environ):
    """The CDN or reverse proxy to purge when a page changes (sites/freshness.py): one that
    accepts HTTP PURGE (nginx, Varnish), Cloudflare, CloudFront; any of them, or none."""
    backends = {}
    if environ.get("BALAI_PURGE_URL"):
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": environ["BALAI_PURGE_URL"],
        }
    if environ.get("CLOUDFLARE_BEARER_TOKEN") and environ.get("CLOUDFLARE_ZONEID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": environ["CLOUDFLARE_BEARER_TOKEN"],
            "ZONEID": environ["CLOUDFLARE_ZONEID"],
        }
    if environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": environ["CLOUDFRONT_DISTRIBUTION_ID"],
        }
    return backends


WAGTAILFRONTENDCACHE = frontend_cache_from_environment(os.environ)
# How long Balai keeps a whole public page in the shared cache (0: not at all). A change drops
# the pages it affects at once, in every app process: that needs a cache they share (Redis);
# each process's own memory would keep what another process was told to drop.
BALAI_PAGE_CACHE_SECONDS = env_int("BALAI_PAGE_CACHE_SECONDS", 300 if REDIS_URL else 0)
# What the portal catalogue's searches found (marketplace/kept_searches.py). A change retires
# it in every process only through a shared cache: the worker indexes in its own.
BALAI_SEARCH_CACHE_SECONDS = env_int("BALAI_SEARCH_CACHE_SECONDS", 3600 if REDIS_URL else 0)
# Uploads under media/ served by Balai itself, for a laptop; in production the web server or
# the S3 bucket serves them.
BALAI_SERVE_MEDIA = env_bool("BALAI_SERVE_MEDIA", False)
# /favicon.ico and other files browsers ask for at the root.
WHITENOISE_ROOT = BASE_DIR / "balai" / "public"

# What is for staff and operators only: complaint photos (shown through the admin,
# village_pages.views.photo_response) and the archives of removed villages; never at a public
# address.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT") or BASE_DIR / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private/"},
    },
}
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID", "")
    AWS_S3_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "")
    if not (AWS_S3_ACCESS_KEY_ID and AWS_S3_SECRET_ACCESS_KEY):
        raise ImproperlyConfigured(
            "AWS_STORAGE_BUCKET_NAME is set: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY too."
        )
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    # "path" for providers that do not give each bucket its own host name.
    AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE") or None
    AWS_S3_SIGNATURE_VERSION = "s3v4"  # what every region and provider accepts
    # Pictures are public through the bucket's policy, at stable addresses that Wagtail's
    # renditions need; a file is never written over.
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    # Complaint photos and archives: in a bucket of their own, or under private/ of the media
    # bucket (which its public policy must then leave out), read only through links signed
    # for a few minutes.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME")
            or AWS_STORAGE_BUCKET_NAME,
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            "custom_domain": None,
        },
    }
# Documents are always sent through Balai (Wagtail's serve view): it checks a private
# collection's rules, and sends each file with its type and as a download or inline.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Where pictures may come from besides Balai itself: the media bucket's own address.
MEDIA_ORIGINS = []
if AWS_STORAGE_BUCKET_NAME:
    MEDIA_ORIGINS = [
        f"https://{AWS_S3_CUSTOM_DOMAIN}"
        if AWS_S3_CUSTOM_DOMAIN
        else AWS_S3_ENDPOINT_URL or "https://*.amazonaws.com"
    ]
# The video players an article's video block embeds.
EMBED_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],  # no inline script: a page's scripts are Balai's static files
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "frame-src": [SELF, *EMBED_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Wagtail's admin and wagtail-localize's editor still write inline scripts and styles.
BALAI_ADMIN_CSP = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
    "font-src": [SELF, "data:"],
}

WAGTAIL_SITE_NAME = os.environ.get("BALAI_PORTAL_NAME", "Balai")
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL",
    {443: f"https://{BALAI_BASE_DOMAIN}", 80: f"http://{BALAI_BASE_DOMAIN}"}.get(
        BALAI_SITE_PORT, f"http://{BALAI_BASE_DOMAIN}:{BALAI_SITE_PORT}"
    ),
)
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "sites.search_backend",
        # On PostgreSQL: stemmed as Indonesian, and English pages as English.
        "SEARCH_CONFIG": "indonesian",
        "LANGUAGE_CONFIGS": {"en": "english"},
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# A page submitted for review is mailed to its own village's moderators; the province's
# operators are not mailed every village's submissions.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "sites.image_forms.ImageForm"
# No SVG: it can carry scripts.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]

# Logs go to standard error: as text, or as one JSON object a line (LOG_FORMAT=json, the
# production default) with one line for each request (sites/request_log.py).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "balai.requests": {"level": "INFO" if env_bool("LOG_REQUESTS", False) else "WARNING"},
    },
}
