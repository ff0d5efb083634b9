"""Content-Security-Policy (django-csp): public pages run Balai's own scripts only, from its
own files; Wagtail's admin gets the policy it needs (settings.BALAI_ADMIN_CSP)."""

from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = settings.BALAI_ADMIN_CSP
        return parts
