"""One log line for each request: its id, host, village, status, duration and queries."""

import logging
import time
import uuid

from django.db import connection

logger = logging.getLogger("balai.requests")


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def request_log(get_response):
    """Logs each request once it is answered, under the id the proxy gave it (X-Request-ID,
    nginx's $request_id) or a new one, and sends that id back, so an operator can find a
    visitor's request in the logs of the proxy and of every app server."""

    def middleware(request):
        request.id = request.headers.get("X-Request-ID") or uuid.uuid4().hex
        started, queries = time.monotonic(), QueryCounter()
        with connection.execute_wrapper(queries):
            response = get_response(request)
        response["X-Request-ID"] = request.id
        village = getattr(request, "village", None)
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": request.id,
                "host": request.get_host(),
                "village": village.slug if village else "",
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
                "queries": queries.count,
            },
        )
        return response

    return middleware
