from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def queries_for(host, path):
    """SQL queries of the second visit to `path` (the first makes renditions, fills caches)."""
    client = Client(HTTP_HOST=host)
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)
