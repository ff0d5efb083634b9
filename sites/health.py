"""What a load balancer and an operator ask of each app server: `/healthz`, and a 503 page
instead of a server error while the database or the file storage is away."""

import sys
import uuid

from botocore.exceptions import ConnectionError as BotoConnectionError
from botocore.exceptions import HTTPClientError
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error

RETRY_AFTER_SECONDS = 30


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return True


def cache_answers():
    # The cache forgives a Redis that is away (IGNORE_EXCEPTIONS): only a value that comes
    # back tells that it answered.
    key, value = "balai:healthz", uuid.uuid4().hex
    cache.set(key, value, 10)
    return cache.get(key) == value


def storage_answers():
    default_storage.exists("healthz")  # any answer, yes or no, is an answer
    return True


PARTS = {"database": database_answers, "cache": cache_answers, "storage": storage_answers}


def health_check(get_response):
    """Answers /healthz on any host, before the host is looked up: 200 when the database,
    the cache and the media storage answer, else 503 naming the part that did not. Never
    cached, and it says nothing of addresses or errors."""

    def middleware(request):
        if request.path != "/healthz":
            return get_response(request)
        found = {}
        for part, answers in PARTS.items():
            try:
                found[part] = "ok" if answers() else "unavailable"
            except Exception:  # noqa: BLE001 (whatever failed, the part is what to name)
                found[part] = "unavailable"
        healthy = all(state == "ok" for state in found.values())
        response = JsonResponse(found, status=200 if healthy else 503)
        response["Cache-Control"] = "no-store"
        return response

    return middleware


def server_error_or_unavailable(request):
    """The 500 page, or a 503 page asking to come back while the database or the file
    storage is away (restarting, failing over), which passes without Balai restarting."""
    error = sys.exception()
    storage = isinstance(error, BotoConnectionError | HTTPClientError)
    if storage or isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("503.html", {"storage": storage}), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return server_error(request)
