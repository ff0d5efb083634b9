"""Village staff start, synchronise and edit translations of their own village's content only.

wagtail-localize lets anyone with the global `submit_translation` permission start or
synchronise a translation of any page or row, and its translation editor checks rows that are
not pages against model-level permissions only. This middleware runs after URL resolution and
before the view, and refuses a request to one of wagtail-localize's URLs unless the user may
edit the object that URL names. It is keyed on the URL names in the `wagtail_localize`
namespace, not on the view functions, so it keeps holding whichever view a new release puts
behind a name, without patching wagtail-localize; a name it does not know is refused to all
but superusers until it is reviewed and listed here.
"""

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from wagtail.admin.auth import permission_denied
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation, TranslationSource

from .staff import villages_of

NAMESPACE = "wagtail_localize"


def may_edit(user, obj):
    """Whether `user` may translate `obj`: a page they can edit, or a row of their village."""
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    if user.is_superuser:
        return True
    if hasattr(obj, "village_id"):
        return villages_of(user).filter(pk=obj.village_id).exists()
    # Rows without a village are shared, and read-only to village staff.
    return user.has_perm(get_permission_name("change", type(obj)))


def _page(page_id, **_):
    return Page.objects.filter(pk=page_id).first()


def _snippet(app_label, model_name, pk, **_):
    try:
        model = apps.get_model(app_label, model_name)
        return model._default_manager.filter(pk=unquote(pk)).first()
    except (LookupError, ValueError, ValidationError):
        return None


def _source_object(translation_source_id, **_):
    source = TranslationSource.objects.filter(pk=translation_source_id).first()
    try:
        return source and source.get_source_instance()
    except ObjectDoesNotExist:
        return None


def _target_object(translation_id, **_):
    translation = Translation.objects.filter(pk=translation_id).first()
    try:
        return translation and translation.get_target_instance()
    except ObjectDoesNotExist:
        return None


# URL name -> how to find the object the request acts on from the URL's keyword arguments.
GUARDED = {
    "submit_page_translation": _page,
    "convert_to_alias": _page,
    "submit_snippet_translation": _snippet,
    "update_translations": _source_object,
    **dict.fromkeys(
        [
            "edit_string_translation",
            "edit_override",
            "download_pofile",
            "upload_pofile",
            "machine_translate",
            "preview_translation",
            "stop_translation",
        ],
        _target_object,
    ),
}
# Read only: scripts, the translations report, and the snippet chooser's listing.
OPEN = {
    "javascript_catalog",
    "translations_report",
    "translations_report_results",
    "snippets_api_listing",
    "snippets_api_detail",
}
# Called by the translation editor's scripts, which expect a 403 rather than a redirect.
API = {"edit_string_translation", "edit_override"}


class TranslationAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match.namespace != NAMESPACE or match.url_name in OPEN:
            return None
        user = request.user
        # Wagtail's admin sends anonymous users to the login page.
        if not user.is_authenticated or user.is_superuser:
            return None
        find = GUARDED.get(match.url_name)
        if find:
            obj = find(**view_kwargs)
            # The view answers a missing object with its own 404.
            if obj is None or may_edit(user, obj):
                return None
        if match.url_name in API:
            raise PermissionDenied
        return permission_denied(request)
