"""Village staff start, synchronise and edit translations of their own village's content only.

wagtail-localize lets anyone with the global `submit_translation` permission start or
synchronise a translation of any page or row, and its translation editor checks rows that are
not pages against model-level permissions only. This middleware runs after URL resolution and
before the view, and refuses a request to one of wagtail-localize's URLs unless the user may
edit the object that URL names. It is keyed on the URL names in the `wagtail_localize`
namespace, not on the view functions, so it keeps holding whichever view a new release puts
behind a name, without patching wagtail-localize; a name it does not know is refused to all
but superusers until it is reviewed and listed here.

Synchronising a page's translations may also publish them at once; that is refused to a user
who cannot publish those pages, who may still synchronise them and leave publishing to a
moderator.
"""

from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import QueryDict
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import OverridableSegment, Translation, TranslationSource
from wagtail_localize.views.update_translations import UpdateTranslationsForm

from .own_files import may_choose, segment_file_model
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


def may_see(user, obj):
    """Whether `user` may read `obj`, a row or (for a listing) a model: only their own
    village's rows, and any shared row."""
    if user.is_superuser or not hasattr(obj, "village_id"):
        return True
    if isinstance(obj, type):
        # A listing of a model whose rows belong to villages lists every village's.
        return False
    return villages_of(user).filter(pk=obj.village_id).exists()


def may_publish(user, obj):
    """Whether `user` may publish `obj` in every language: pages need the right to publish;
    rows have no drafts, so saving a translation is editing it."""
    if not isinstance(obj, Page):
        return True
    pages = obj.get_translations(inclusive=True)
    return all(page.permissions_for_user(user).can_publish() for page in pages)


def refuse_publishing(request, source_object):
    """Back to the sync form, with why, when syncing would publish what the user cannot."""
    if request.method != "POST":
        return None
    form = UpdateTranslationsForm(request.POST)
    publishes = form.is_valid() and form.cleaned_data["publish_translations"]
    if not publishes or may_publish(request.user, source_object):
        return None
    messages.error(
        request,
        _(
            "You cannot publish these translations. Sync them without publishing, and a "
            "moderator can publish them."
        ),
    )
    return redirect(request.get_full_path())


def refuse_foreign_file(request, translation_id, overridable_segment_id):
    """An image or document chosen for a translation is one of the user's own village's."""
    if request.method != "PUT":
        return None
    segment = OverridableSegment.objects.filter(pk=overridable_segment_id).first()
    translation = Translation.objects.filter(pk=translation_id).first()
    if segment is None or translation is None:
        return None  # the view answers 404
    model = segment_file_model(translation.source.as_instance(), segment.context.path)
    value = QueryDict(request.body).get("value", "")
    if model is None or may_choose(request.user, model, value):
        return None
    raise PermissionDenied


def _page(page_id, **_):
    return Page.objects.filter(pk=page_id).first()


def _snippet(app_label, model_name, pk, **_):
    try:
        model = apps.get_model(app_label, model_name)
        return model._default_manager.filter(pk=unquote(pk)).first()
    except (LookupError, ValueError, ValidationError):
        return None


def _snippet_model(app_label, model_name, **_):
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
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
    "snippets_api_listing": _snippet_model,
    "snippets_api_detail": _snippet,
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
# Read only, and checked with may_see: the translation editor's snippet chooser looks rows up.
READ = {"snippets_api_listing", "snippets_api_detail"}
# Read only: scripts and the translations report.
OPEN = {
    "javascript_catalog",
    "translations_report",
    "translations_report_results",
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
            may = may_see if match.url_name in READ else may_edit
            # The view answers a missing object with its own 404.
            if obj is None:
                return None
            if may(user, obj):
                if match.url_name == "update_translations":
                    return refuse_publishing(request, obj)
                if match.url_name == "edit_override":
                    return refuse_foreign_file(request, **view_kwargs)
                return None
        if match.url_name in API:
            raise PermissionDenied
        return permission_denied(request)
