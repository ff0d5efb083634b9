"""Cache-Control for public pages: a page a visitor without a session reads the same as every
other visitor may be kept by a CDN or reverse proxy; anything personal never is.

The address alone decides a page's language and anonymous pages set no cookie, so nothing
needs a Vary header. Django's ConditionalGetMiddleware then adds the ETag and answers 304.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

NEVER_SHARED = ("/admin/", "/documents/")
# Files: whitenoise and the web server (or the bucket) set their own headers.
FILES = ("/static/", settings.MEDIA_URL)


class PublicCacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Cache-Control" in response or request.path.startswith(FILES):
            return response  # the view, or the file server, decided
        if shared(request, response):
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.BALAI_SHARED_CACHE_SECONDS
            )
        elif request.method in ("GET", "HEAD"):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


def shared(request, response):
    """Whether every visitor would be sent this very response."""
    return (
        request.method in ("GET", "HEAD")
        and response.status_code in (200, 404)
        and not request.path.startswith(NEVER_SHARED)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not response.cookies
        # A form's CSRF token is the visitor's own.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_preview", False)
    )
