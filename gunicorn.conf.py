"""gunicorn's settings for Balai, read from the environment: `gunicorn balai.wsgi` finds this
file in the working directory. `kill -HUP <master pid>` (systemctl reload balai-web) starts
new workers on the new code and lets the old ones finish their requests: no request is lost."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Sync workers: a page is made in milliseconds, and a slow visitor is nginx's to wait for.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # a province import runs as a task
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests, at different times, so memory cannot creep.
max_requests = 5000
max_requests_jitter = 500
# Balai logs each request as JSON itself (sites/request_log.py); gunicorn's own access log
# is off unless GUNICORN_ACCESS_LOG names a file or "-".
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms host=%({host}i)s id=%({x-request-id}i)s'
errorlog = "-"
# X-Forwarded-* are trusted from the reverse proxy on this machine only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
