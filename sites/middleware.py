from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpResponseBadRequest
from django.http.request import split_domain_port

from .models import VillageSettings
from .routing import (
    UnknownHost,
    is_village_subdomain,
    one_cache_read_per_request,
    site_for_hostname,
)


def refuse_null_characters(get_response):
    """No address holds a NUL character; PostgreSQL refuses to compare one, which would turn a
    stranger's `%00` into a server error on any page that looks up what the address names."""

    def middleware(request):
        query = request.GET
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in query.getlist(key)) for key in query
        ):
            return HttpResponseBadRequest("Alamat tidak sah.", content_type="text/plain")
        return get_response(request)

    return middleware


class VillageHostMiddleware:
    """Finds the portal or village site for the request's host, or turns the request away.

    This is Balai's ALLOWED_HOSTS: the base domain, its village subdomains and the villages'
    own domains are served; an unknown village subdomain is a 404, any other host a 400.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_cache_read_per_request():
            return self.answer(request)

    def answer(self, request):
        hostname, _port = split_domain_port(request._get_raw_host())
        try:
            request._wagtail_site, request.village, village_settings = site_for_hostname(hostname)
        except UnknownHost:
            if is_village_subdomain(hostname):
                raise Http404(f"No village lives at {hostname}.") from None
            raise DisallowedHost(f"Balai does not serve {hostname!r}.") from None
        if village_settings is not None:
            # Where Wagtail's settings look first, so a page reads them with no query.
            village_settings._request = request
            setattr(request, VillageSettings.get_cache_attr_name(), village_settings)
        return self.get_response(request)
