"""Staff of one village, given another village's ids at every address of Wagtail's admin, are
shown nothing of that village and change nothing of it; the public product API and the
complaint status page show nothing of one village's drafts or complaints on another's site.

Hajimena's editor and moderator walk every admin URL pattern, found in the URLconf rather than
listed by hand, with Sidosari's ids in it. A pattern that a Wagtail upgrade adds fails the walk
until it is classified below.
"""

import itertools
import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from sites.staff import add_staff
from tests.admin import login
from tests.matrix_content import fill, ids_of, marks_of, png, snapshot
from village_pages.models.complaints import SENT_SESSION_KEY

pytestmark = pytest.mark.django_db

OWN, OTHER = "MILIKHAJIMENA", "RAHASIASIDOSARI"
# In the other village's titles and names: what a search asks for, itself naming no village.
SEARCH = "Zamrud"


class Of(str):
    """The id of one of the other village's objects, by its name in `ids_of`; "own ..." names
    the walking staff's own village's, where a request moves or copies from one to the other."""


@dataclass
class Walk:
    """How one admin URL pattern is asked: the ids its keywords take (a tuple: each in turn),
    the query strings it is asked with, and what is written to it (None: it is only read)."""

    ids: dict
    queries: tuple = ({},)
    data: object = None
    method: str = "post"


def read(*queries, **ids):
    return Walk(ids, queries or ({},))


def listing(*queries, **ids):
    """Read as it comes, and searched for the other village's word."""
    return Walk(ids, queries or ({}, {"q": SEARCH}))


def write(data, *queries, method="post", **ids):
    """Read (a confirmation or a form names what it acts on), then written to."""
    return Walk(ids, queries or ({},), data, method)


def upload(name, content=b"%PDF-1.4 diretas"):
    return lambda: SimpleUploadedFile(name, content)


def picture_upload():
    return SimpleUploadedFile("diretas.png", png(), content_type="image/png")


NEWS_FORM = nested_form_data(
    {
        "title": "Diretas",
        "slug": "diretas",
        "date": "2026-01-01",
        "author_name": "",
        "listing_image": "",
        "summary": "",
        "body": streamfield([]),
        "category": "",
        "tags": "",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
)
COPY_FORM = {
    "new_title": "Diretas Salinan",
    "new_slug": "salinan",
    "new_parent_page": Of("own news"),
    "copy_subpages": "",
    "publish_copies": "",
    "alias": "",
}
PASSWORD = {"restriction_type": "password", "password": "diretas123", "groups": []}
SELLER_FORM = {
    "village": Of("village"),
    "name": "Diretas",
    "kind": "umkm",
    "description": "",
    "photo": "",
    "whatsapp_number": "",
    "address": "",
    "latitude": "",
    "longitude": "",
}
COMPLAINT_FORM = {"status": "answered", "public_reply": "Diretas"}
IMAGE_FORM = {
    "title": "Diretas",
    "description": "Diretas",
    "collection": Of("collection"),
    "tags": "",
    "focal_point_x": "",
    "focal_point_y": "",
    "focal_point_width": "",
    "focal_point_height": "",
}
DOCUMENT_FORM = {"title": "Diretas", "collection": Of("collection"), "tags": ""}
SETTINGS_FORM = {"display_name": "Diretas", "local_word": "Desa", "colour": "hijau"}
REDIRECT_FORM = {
    "old_path": "/diretas",
    "site": Of("site"),
    "is_permanent": "on",
    "redirect_page": Of("published"),
    "redirect_link": "",
}
TRANSLATE = {"locales": [Of("english locale")], "include_subtree": ""}
PAGES = (Of("draft"), Of("english page"))
SELLER_TYPE = {"app_label": "marketplace", "model_name": "seller"}


def prefixed(prefix, form, target):
    """A form of Wagtail's multiple upload, whose fields are named after the object's id."""
    form = {**form, "title": "Diretas berganda"}
    return lambda ids: {f"{prefix}-{ids[target]}-{name}": value for name, value in form.items()}


def model_views(prefix, pk, form, *, add=None, copy=True, inspect=False):
    """The views of one of Wagtail's model viewsets at `prefix`."""
    views = {
        f"{prefix}/": listing(),
        f"{prefix}/results/": listing(),
        f"{prefix}/new/": add or read(),
        f"{prefix}/edit/<int:pk>/": write(form, pk=pk),
        f"{prefix}/delete/<int:pk>/": write({}, pk=pk),
        f"{prefix}/history/<int:pk>/": listing(pk=pk),
        f"{prefix}/history-results/<int:pk>/": listing(pk=pk),
        f"{prefix}/usage/<int:pk>/": listing(pk=pk),
    }
    if copy:
        views[f"{prefix}/copy/<int:pk>/"] = write(form, pk=pk)
    if inspect:
        views[f"{prefix}/inspect/<int:pk>/"] = read(pk=pk)
    return views


def snippet_views(prefix, pk, form):
    """The views of a snippet viewset at `prefix`."""
    return {
        f"{prefix}/": listing(),
        f"{prefix}/results/": listing(),
        f"{prefix}/edit/<int:pk>/": write(form, pk=pk),
        f"{prefix}/delete/<int:pk>/": write({}, pk=pk),
        f"{prefix}/usage/<int:pk>/": listing(pk=pk),
        f"{prefix}/history/<int:pk>/": listing(pk=pk),
        f"{prefix}/history-results/<int:pk>/": listing(pk=pk),
        f"{prefix}/copy/<int:pk>/": write(form, pk=pk),
    }


def chooser_views(prefix, pk, create_form):
    return {
        f"{prefix}/": listing(),
        f"{prefix}/results/": listing(),
        f"{prefix}/chosen/<str:pk>/": read(pk=pk),
        f"{prefix}/chosen-multiple/": read({"id": [pk]}),
        f"{prefix}/create/": write(create_form),
    }


# The keywords of Wagtail's admin URLs, and which object each names unless a pattern says.
NAMED = {
    "page_id": PAGES,
    "parent_page_id": (Of("news"), Of("home"), Of("english news")),
    "page_to_move_id": Of("draft"),
    "page_pk": Of("draft"),
    "revision_id": Of("revision"),
    "task_state_id": Of("task state"),
    "workflow_state_id": Of("workflow state"),
    "task_id": Of("task"),
    "workflow_pk": Of("workflow"),
    "image_id": Of("image"),
    "document_id": Of("document"),
    "doc_id": Of("document"),
    "collection_id": Of("collection"),
    "redirect_id": Of("redirect"),
    "translation_id": Of("translation"),
    "translation_source_id": Of("translation source"),
    "string_segment_id": Of("string segment"),
    "overridable_segment_id": Of("overridable segment"),
    "session_id": Of("page session"),
    "content_type_app_name": "village_pages",
    "content_type_model_name": "newspage",
}

# Every admin URL pattern that takes an object's id or lists objects, by its route below
# admin/ (as Django joins it), and how it is asked; keywords not given take their NAMED ids.
ADMIN = {
    "": listing(),  # the dashboard: awaiting review, locked pages, recent edits
    "pages/": listing(),
    "pages/<int:parent_page_id>/": listing(),
    "pages/<int:parent_page_id>/results/": listing(),
    "pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/": (
        write(NEWS_FORM, parent_page_id=Of("news"))
    ),
    "pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>"
    "/preview/": write(NEWS_FORM, parent_page_id=Of("news")),
    "pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/": [
        listing(),
        listing(content_type_app_name="marketplace", content_type_model_name="productpage"),
    ],
    "pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/": [
        listing(),
        listing(content_type_app_name="marketplace", content_type_model_name="productpage"),
    ],
    "pages/create/<slug:app_label>/<slug:model_name>": listing(
        app_label="village_pages", model_name="newspage"
    ),
    "pages/<int:page_id>/usage/": listing(),
    "pages/<int:page_id>/edit/": write(NEWS_FORM),
    "pages/<int:page_id>/edit/preview/": write(NEWS_FORM),
    "pages/<int:page_id>/view_draft/": read(),
    "pages/<int:parent_page_id>/add_subpage/": read(),
    "pages/<int:page_id>/delete/": write({}),
    "pages/<int:page_id>/unpublish/": write({}, page_id=(Of("published"), Of("product"))),
    "pages/<int:page_id>/convert_alias/": write({}, page_id=Of("alias")),
    "pages/search/": listing(),
    "pages/search/results/": listing(),
    "pages/<int:page_to_move_id>/move/": read(),
    "pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/": [
        write({}, page_to_move_id=Of("draft"), destination_id=Of("own news")),
        write({}, page_to_move_id=Of("own draft"), destination_id=Of("news")),
    ],
    "pages/<int:page_to_move_id>/set_position/": write({}, {"position": "0"}),
    "pages/<int:page_id>/copy/": write(COPY_FORM),
    "pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/": write(
        {"comment": ""}, page_id=Of("draft"), action_name=("approve", "reject")
    ),
    "pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/": (
        write({"comment": "Diretas"}, page_id=Of("draft"), action_name="approve")
    ),
    "pages/workflow/confirm_cancellation/<int:page_id>/": read(page_id=Of("draft")),
    "pages/workflow/preview/<int:page_id>/<int:task_id>/": read(page_id=Of("draft")),
    "pages/<int:page_id>/privacy/": write(PASSWORD),
    "pages/<int:page_id>/lock/": write({}, page_id=Of("draft")),
    "pages/<int:page_id>/unlock/": write({}, page_id=Of("published")),
    "pages/<int:page_id>/revisions/": listing(),
    "pages/<int:page_id>/revisions/<int:revision_id>/view/": read(page_id=Of("draft")),
    "pages/<int:page_id>/revisions/<int:revision_id>/revert/": write(
        NEWS_FORM, page_id=Of("draft")
    ),
    "pages/<int:page_id>/revisions/<int:revision_id>/unschedule/": write(
        {}, page_id=Of("scheduled"), revision_id=Of("scheduled revision")
    ),
    r"pages/(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)\.\.\."
    r"(?P<revision_id_b>live|latest|\d+)/$": read(
        pk=Of("draft"), revision_id_a="earliest", revision_id_b=Of("revision")
    ),
    "pages/<int:page_id>/workflow_history/": listing(page_id=Of("draft")),
    "pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/": read(
        page_id=Of("draft")
    ),
    "pages/<int:page_id>/history/": listing(),
    "pages/<int:page_id>/history/results/": listing(),
    "bulk/<str:app_label>/<str:model_name>/<str:action>/": "bulk actions",
    "choose-page/": listing(),
    "choose-page/<int:parent_page_id>/": listing(),
    "choose-page/search/": listing(),
    "choose-page/chosen-multiple/": read(
        {"id": [Of("draft"), Of("published"), Of("english page")]}
    ),
    # Converts a pasted address of a page into a link to it, naming the page.
    "choose-external-link/": write(
        {"external-link-chooser-url": Of("published url"), "external-link-chooser-link_text": ""}
    ),
    "tag-autocomplete/": listing({"term": SEARCH.lower()}),
    "tag-autocomplete/<slug:app_name>/<slug:model_name>/": [
        listing({"term": SEARCH.lower()}, app_name="wagtailimages", model_name="image"),
        listing({"term": SEARCH.lower()}, app_name="village_pages", model_name="newspage"),
    ],
    "collections/": listing(),
    "collections/add/": write({"name": "Diretas", "parent": Of("collection")}),
    "collections/<int:pk>/": write(
        {"name": "Diretas", "parent": Of("own collection")}, pk=Of("collection")
    ),
    "collections/<int:pk>/delete/": write({}, pk=Of("collection")),
    "collections/<int:collection_id>/privacy/": write(PASSWORD),
    "workflows/list/": listing(),
    "workflows/list/results/": listing(),
    "workflows/add/": read(),
    "workflows/enable/<int:pk>/": write({}, pk=Of("workflow")),
    "workflows/disable/<int:pk>/": write({}, pk=Of("workflow")),
    "workflows/edit/<int:pk>/": write({"name": "Diretas"}, pk=Of("workflow")),
    "workflows/usage/<int:pk>/": listing(pk=Of("workflow")),
    "workflows/usage/<int:pk>/results/": listing(pk=Of("workflow")),
    "workflows/remove/<int:page_pk>/": write({}, page_pk=Of("home")),
    "workflows/remove/<int:page_pk>/<int:workflow_pk>/": write({}, page_pk=Of("home")),
    "workflows/tasks/add/<str:app_label>/<str:model_name>/": read(
        app_label="sites", model_name="villagemoderationtask"
    ),
    "workflows/tasks/select_type/": read(),
    "workflows/tasks/index/": listing(),
    "workflows/tasks/index/results/": listing(),
    "workflows/tasks/edit/<int:pk>/": write({"name": "Diretas"}, pk=Of("task")),
    "workflows/tasks/disable/<int:pk>/": write({}, pk=Of("task")),
    "workflows/tasks/enable/<int:pk>/": write({}, pk=Of("task")),
    "workflows/task_chooser/": listing(),
    "workflows/task_chooser/results/": listing(),
    "workflows/task_chooser/create/": read(),
    "workflows/task_chooser/<int:task_id>/": read(),
    **{
        f"reports/{report}/{results}": listing()
        for report in (
            "locked",
            "workflow",
            "workflow_tasks",
            "site-history",
            "aging-pages",
            "page-types-usage",
            "untranslated-pages",
        )
        for results in ("", "results/")
    },
    "editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/": [
        write(
            {"is_editing": "1"}, app_label="wagtailcore", model_name="page", object_id=Of("draft")
        ),
        write(
            {"is_editing": "1"},
            object_id=Of("seller"),
            session_id=Of("seller session"),
            **SELLER_TYPE,
        ),
    ],
    "editing-sessions/release/<int:session_id>/": write({}),
    "localize/submit/page/<int:page_id>/": write(TRANSLATE),
    "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/": write(
        TRANSLATE, pk=Of("seller"), **SELLER_TYPE
    ),
    "localize/update/<int:translation_source_id>/": write({"publish_translations": "on"}),
    "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/": write(
        {"value": "Diretas"}, method="put"
    ),
    "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/": write(
        {"value": Of("own image")}, method="put"
    ),
    "localize/translate/<int:translation_id>/pofile/download/": read(),
    "localize/translate/<int:translation_id>/pofile/upload/": write(
        {"file": upload("diretas.po", b'msgid "x"\nmsgstr "Diretas"\n')}
    ),
    "localize/translate/<int:translation_id>/machine_translate/": write({}),
    "localize/translate/<int:translation_id>/preview/": read(),
    "localize/translate/<int:translation_id>/preview/<str:mode>/": read(mode="default"),
    "localize/translate/<int:translation_id>/disable/": write({}),
    "localize/page/<int:page_id>/convert_to_alias/": write({}, page_id=Of("english page")),
    "localize/reports/translations/": listing(),
    "localize/reports/translations/results/": listing(),
    "localize/api/snippets/<slug:app_label>/<slug:model_name>/": listing(**SELLER_TYPE),
    "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/": read(
        pk=Of("seller"), **SELLER_TYPE
    ),
    "forms/": listing(),
    "forms/results/": listing(),
    "forms/submissions/<int:page_id>/": listing(),
    "forms/submissions/<int:page_id>/results/": listing(),
    "forms/submissions/<int:page_id>/delete/": write({}),
    "redirects/": listing(),
    "redirects/results/": listing(),
    "redirects/add/": write({**REDIRECT_FORM, "old_path": "/diretas-baru"}),
    "redirects/<int:redirect_id>/": write(REDIRECT_FORM),
    "redirects/<int:redirect_id>/delete/": write({}),
    "redirects/import/": read(),  # offers every site to import into
    "redirects/import/process/": read(),
    "settings/<slug:app_name>/<slug:model_name>/": read(
        app_name="sites", model_name="villagesettings"
    ),
    "settings/<slug:app_name>/<slug:model_name>/<int:pk>/": write(
        SETTINGS_FORM, app_name="sites", model_name="villagesettings", pk=Of("site")
    ),
    "settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/": write(
        SETTINGS_FORM, app_name="sites", model_name="villagesettings", pk=Of("site")
    ),
    "snippets/": listing(),
    "documents/": listing(),
    "documents/results/": listing(),
    "documents/add/": write({**DOCUMENT_FORM, "file": upload("diretas.pdf")}),
    "documents/edit/<int:document_id>/": write(DOCUMENT_FORM),
    "documents/delete/<int:document_id>/": write({}),
    "documents/multiple/add/": write(
        {"files[]": upload("diretas.pdf"), "collection": Of("collection")}
    ),
    "documents/multiple/<int:doc_id>/": write(prefixed("doc", DOCUMENT_FORM, "document")),
    "documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/": write(
        prefixed("uploaded-document", DOCUMENT_FORM, "uploaded document"),
        uploaded_file_id=Of("uploaded document"),
    ),
    "documents/multiple/<int:doc_id>/delete/": write({}),
    "documents/multiple/delete_upload/<int:uploaded_file_id>/": write(
        {}, uploaded_file_id=Of("uploaded document")
    ),
    "documents/usage/<int:document_id>/": listing(),
    "images/": listing(),
    "images/results/": listing(),
    "images/<int:image_id>/": write(IMAGE_FORM),
    "images/<int:image_id>/delete/": write({}),
    "images/<int:image_id>/generate_url/": read(),
    "images/<int:image_id>/generate_url/output/": read({"filter_method": "original"}),
    "images/<int:image_id>/preview/<str:filter_spec>/": read(filter_spec="original"),
    "images/add/": write({**IMAGE_FORM, "file": picture_upload}),
    "images/usage/<int:image_id>/": listing(),
    "images/multiple/add/": write({"files[]": picture_upload, "collection": Of("collection")}),
    "images/multiple/<int:image_id>/": write(prefixed("image", IMAGE_FORM, "image")),
    "images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/": write(
        prefixed("uploaded-image", IMAGE_FORM, "uploaded image"),
        uploaded_file_id=Of("uploaded image"),
    ),
    "images/multiple/<int:image_id>/delete/": write({}),
    "images/multiple/delete_upload/<int:uploaded_file_id>/": write(
        {}, uploaded_file_id=Of("uploaded image")
    ),
    **snippet_views(
        "snippets/marketplace/productcategory",
        Of("category"),
        {"name": "Diretas", "slug": "diretas", "sort_order": "0"},
    ),
    "snippets/marketplace/productcategory/add/": write(
        {"name": "Diretas", "slug": "diretas", "sort_order": "0"}
    ),
    **chooser_views(
        "snippets/choose/marketplace/productcategory",
        Of("category"),
        {"name": "Diretas", "slug": "diretas", "sort_order": "0"},
    ),
    **snippet_views("sellers", Of("seller"), SELLER_FORM),
    "sellers/new/": write(SELLER_FORM),
    **chooser_views("snippets/choose/marketplace/seller", Of("seller"), SELLER_FORM),
    **model_views("villages", Of("village"), {"slug": "diretas", "domain": ""}),
    # The platform's background tasks, for superusers only; their ids are UUIDs.
    **{
        route.replace("<int:pk>", "<uuid:pk>"): walk
        for route, walk in model_views("tasks", Of("task result"), {}, inspect=True).items()
    },
    # The operator's imports and village archives, for superusers only.
    **model_views(
        "imports",
        Of("village import"),
        {},
        add=write({"region": "18.01.04.2003", "limit": ""}),
        copy=False,
        inspect=True,
    ),
    **model_views(
        "exports",
        Of("village archive"),
        {},
        add=write({"village_code": Of("village code")}),
        copy=False,
        inspect=True,
    ),
    "exports/<int:pk>/download/": read(pk=Of("village archive")),
    **model_views(
        "complaints", Of("complaint"), COMPLAINT_FORM, add=write(COMPLAINT_FORM), inspect=True
    ),
    # Staff find a complaint by the reference read out to them over the phone.
    "complaints/": listing({}, {"q": SEARCH}, {"q": Of("complaint reference")}),
    "complaints/results/": listing({}, {"q": SEARCH}, {"q": Of("complaint reference")}),
    "complaints/<int:pk>/photo/": read(pk=Of("complaint")),
    **model_views("locales", Of("english locale"), {"language_code": "en"}),
    **model_views(
        "sites",
        Of("site"),
        {
            "hostname": "diretas.localhost",
            "port": "80",
            "site_name": "Diretas",
            "root_page": Of("home"),
        },
    ),
    **model_views(
        "users",
        Of("staff"),
        {
            "username": "diretas",
            "email": "diretas@example.id",
            "first_name": "Diretas",
            "last_name": "Diretas",
            "is_active": "",
            "groups": [Of("own editors")],
        },
    ),
    **model_views(
        "groups",
        Of("editors"),
        {"name": "Diretas", "permissions": []},
        copy=False,
    ),
    **chooser_views(
        "documents/chooser",
        Of("document"),
        {
            "document-chooser-upload-title": "Diretas",
            "document-chooser-upload-file": upload("diretas.pdf"),
            "document-chooser-upload-collection": Of("collection"),
        },
    ),
    **chooser_views(
        "images/chooser",
        Of("image"),
        {
            "image-chooser-upload-title": "Diretas",
            "image-chooser-upload-description": "Diretas",
            "image-chooser-upload-file": picture_upload,
            "image-chooser-upload-collection": Of("collection"),
        },
    ),
    "images/chooser/<int:image_id>/select_format/": write(
        {
            "image-chooser-insertion-format": "fullwidth",
            "image-chooser-insertion-image_is_decorative": "on",
            "image-chooser-insertion-alt_text": "",
        }
    ),
    "api/main/pages/": listing(
        {},
        {"search": SEARCH},
        {"child_of": Of("news")},
        {"descendant_of": Of("home")},
        {"for_explorer": "1", "child_of": Of("news")},
        {"id": Of("draft")},
    ),
    "api/main/pages/<int:pk>/": read(pk=(Of("draft"), Of("published"), Of("english page"))),
    "api/main/pages/find/": read({"id": Of("draft")}, {"html_path": Of("published path")}),
    "api/main/pages/<int:pk>/action/<str:action_name>/": "page actions",
    "api/main/documents/": listing({}, {"search": SEARCH}),
    "api/main/documents/<int:pk>/": read(pk=Of("document")),
    "api/main/documents/find/": read({"id": Of("document")}),
    "api/main/images/": listing({}, {"search": SEARCH}),
    "api/main/images/<int:pk>/": read(pk=Of("image")),
    "api/main/images/find/": read({"id": Of("image")}),
}

# Patterns that take no object's id and list no objects: nothing of another village to show.
NOTHING_TO_CHECK = {
    "test404/": "a page to try the admin's 404 template on",
    "failwhale/": "raises an error on purpose, to try the admin's 500 template",
    "account/": "the signed-in user's own account",
    "logout/": "signs out",
    "login/": "the sign-in form",
    "password_reset/": "asks for a reset mail for an address the visitor types",
    "password_reset/done/": "says the mail went",
    "password_reset/confirm/<uidb64>/<token>/": "takes a mailed token, not an id",
    "password_reset/complete/": "says the password changed",
    "dismissibles/": "the signed-in user's own dismissed tips",
    "block-preview/": "previews a block type from the form's own values",
    "choose-email-link/": "a form for a mailto: link",
    "choose-phone-link/": "a form for a tel: link",
    "choose-anchor-link/": "a form for an #anchor",
    "embeds/chooser/": "a form for an embed address",
    "embeds/chooser/upload/": "fetches an embed from the address typed, off the internet",
    "sprite/": "the admin's icons",
    "jsi18n/": "the admin's script translations",
    "localize/jsi18n/": "wagtail-localize's script translations",
    ".*/$": "the admin's catch-all 404",
}

# The objects the bulk actions act on, by model, and what each action's form sends.
BULK_OBJECTS = {
    "wagtailcore.page": [Of("draft"), Of("published"), Of("english page")],
    "wagtailimages.image": [Of("image")],
    "wagtaildocs.document": [Of("document")],
    "marketplace.seller": [Of("seller")],
    "marketplace.productcategory": [Of("category")],
    "auth.user": [Of("staff")],
}
BULK_FORMS = {
    "delete": {},
    "publish": {"include_descendants": ""},
    "unpublish": {"include_descendants": ""},
    "move": {"chooser": Of("own news")},
    "add_to_collection": {"collection": Of("own collection")},
    "add_tags": {"tags": "diretas"},
    "assign_role": {"role": Of("own editors"), "action": "assign"},
    "set_active_state": {"mark_as_active": ""},
}
# What each of the admin API's page actions is sent (JSON).
PAGE_ACTIONS = {
    "copy": {"destination_page_id": Of("own news"), "update_attrs": {"slug": "salinan"}},
    "convert_alias": {},
    "delete": {},
    "publish": {},
    "unpublish": {},
    "move": {"destination_page_id": Of("own news")},
    "copy_for_translation": {"locale": "en"},
    "create_alias": {"destination_page_id": Of("own news"), "update_slug": "alias-diretas"},
    "revert_to_page_revision": {"revision_id": Of("revision")},
}


# Where the other village shows or changes, until it is mended: (role, method and route) ->
# what goes wrong. The walk fails on any other, and on one of these once it is mended.
def join(route, more):
    """Two routes joined as Django joins them (ResolverMatch.route)."""
    return more if not route else route + more.removeprefix("^")


def flatten(patterns, route=""):
    for pattern in patterns:
        joined = join(route, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            yield from flatten(pattern.url_patterns, joined)
        else:
            yield joined


def admin_patterns():
    """Every URL pattern below admin/, Balai's own and Wagtail's, as routes below admin/."""
    return [
        route.removeprefix("admin/")
        for route in flatten(get_resolver().url_patterns)
        if route.startswith("admin/")
    ]


KEYWORD = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def keywords(route):
    return [a or b for a, b in KEYWORD.findall(route)]


def address(route, values):
    filled = KEYWORD.sub(lambda match: str(values[match[1] or match[2]]), route)
    return "/admin/" + filled.replace("$", "").replace("\\.", ".")


def value(given, ids):
    if isinstance(given, Of):
        return ids[given]
    if isinstance(given, dict):
        return {name: value(item, ids) for name, item in given.items()}
    if isinstance(given, list):
        return [value(item, ids) for item in given]
    if callable(given):
        return given()  # a file, new for each request
    return given


def walks(route):
    """(ids by keyword, walk) for each way of asking `route`, as ADMIN classifies it; for the
    bulk actions and the admin API's page actions, each one registered."""
    entry = ADMIN[route]
    if entry == "bulk actions":
        entries = bulk_walks()
    elif entry == "page actions":
        entries = [
            write(data, method="json", pk=(*PAGES, Of("published")), action_name=name)
            for name, data in PAGE_ACTIONS.items()
            if name in PagesAdminAPIViewSet.actions
        ]
    else:
        entries = entry if isinstance(entry, list) else [entry]
    for walk in entries:
        given = {name: walk.ids.get(name, NAMED.get(name)) for name in keywords(route)}
        names = list(given)
        choices = [item if isinstance(item, tuple) else (item,) for item in given.values()]
        for combination in itertools.product(*choices):
            yield dict(zip(names, combination, strict=True)), walk


def bulk_walks():
    bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")  # finds them all
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            objects = BULK_OBJECTS.get(f"{app_label}.{model_name}")
            for action in actions:
                yield write(
                    BULK_FORMS.get(action),
                    {"id": objects, "next": "/admin/"},
                    app_label=app_label,
                    model_name=model_name,
                    action=action,
                )


def unclassified_bulk_actions():
    bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")
    return sorted(
        f"{app_label}.{model_name} {action}"
        for app_label, models in bulk_action_registry.actions.items()
        for model_name, actions in models.items()
        for action in actions
        if f"{app_label}.{model_name}" not in BULK_OBJECTS or action not in BULK_FORMS
    )


def unclassified_page_actions():
    return sorted(
        f"page action {name}" for name in PagesAdminAPIViewSet.actions.keys() - PAGE_ACTIONS.keys()
    )


@pytest.fixture
def villages(hajimena, sidosari):
    """Hajimena's and Sidosari's content, each of every kind."""
    return fill(hajimena, OWN, "Intan", "11110001"), fill(sidosari, OTHER, SEARCH, "22220002")


def targets(other, own):
    """The ids the admin URLs are filled with: `other`'s by name, `own`'s as "own <name>"."""
    return {**ids_of(other), **{f"own {name}": item for name, item in ids_of(own).items()}}


@dataclass
class Tally:
    patterns: int = 0
    requests: int = 0
    failures: dict = field(default_factory=dict)

    def fail(self, key, what):
        self.failures.setdefault(key, []).append(what)


def ask(client, method, url, data, tally):
    tally.requests += 1
    if method == "get":
        return client.get(url)
    if method == "put":
        form = "application/x-www-form-urlencoded"
        return client.put(url, urlencode(data, doseq=True), content_type=form)
    if method == "json":
        return client.post(url, json.dumps(data), content_type="application/json")
    return client.post(url, data)


def shown(response):
    """All a response tells: its body, its headers and the messages it leaves for the next
    page."""
    # Read to the end, a file response closes itself as a server would close it.
    body = b"".join(response.streaming_content) if response.streaming else response.content
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    headers = [f"{name}: {value}" for name, value in response.items()]
    return "\n".join([body.decode(errors="replace"), *messages, *headers]).lower()


def strings(data):
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        for item in data:
            yield from strings(item)
    elif isinstance(data, str):
        yield data


def echoes(url, data):
    """What the request sent, which a form or a search box may show back: longest first."""
    sent = [item for _name, item in parse_qsl(urlsplit(url).query)] + list(strings(data))
    return sorted({item.lower() for item in sent if len(item) > 3}, key=len, reverse=True)


def leaked(text, marks):
    for mark in marks:
        at = text.find(mark)
        if at >= 0:
            return f"shows {text[max(0, at - 60) : at + 60]!r}"
    return None


def walk_admin(client, ids, marks, other, tally):
    """Every admin URL pattern, filled with the other village's ids: all read first, then
    written to, deletions last, so that one that goes through hides nothing of the rest."""
    for problem in unclassified_bulk_actions() + unclassified_page_actions():
        tally.fail(f"? {problem}", "not classified: add it to BULK_* or PAGE_ACTIONS")
    writes = []
    for route in sorted(set(admin_patterns()) - NOTHING_TO_CHECK.keys()):
        if route not in ADMIN:
            tally.fail(f"? {route}", "not classified: say how to walk it in ADMIN")
            continue
        tally.patterns += 1
        for values, walk in walks(route):
            if any(item is None for item in values.values()):
                tally.fail(f"? {route}", f"no id for a keyword of {values}")
                continue
            url = address(route, value(values, ids))
            if resolve(url).route != f"admin/{route}":
                tally.fail(f"? {route}", f"{url} resolves to {resolve(url).route}")
                continue
            queries = [urlencode(value(query, ids), doseq=True) for query in walk.queries]
            for query in queries:
                look(client, "get", f"{url}?{query}" if query else url, None, marks, route, tally)
            if walk.data is not None:
                target = f"{url}?{queries[0]}" if queries[0] else url
                writes.append((route, walk, target))
    before = snapshot(other)
    for route, walk, target in sorted(writes, key=lambda item: "delete" in item[2]):
        data = walk.data(ids) if callable(walk.data) else walk.data
        look(client, walk.method, target, value(data, ids), marks, route, tally)
        after = snapshot(other)
        if after != before:
            changed = sorted(name for name in after if after[name] != before[name])
            tally.fail(f"{walk.method.upper()} {route}", f"{target} changed {changed}")
            before = after


def look(client, method, url, data, marks, route, tally):
    key = f"{method.upper()} {route}"
    try:
        response = ask(client, method, url, data, tally)
    except Exception as error:  # noqa: BLE001 (the test client raises what the view raised)
        tally.fail(key, f"{url} raised {type(error).__name__}: {error}")
        return
    client.cookies.pop("messages", None)  # told once, here, not on the next address
    if response.status_code >= 500:
        tally.fail(key, f"{url} answered {response.status_code}")
    text = shown(response)
    for sent in echoes(url, data):
        text = text.replace(sent, "")
    leak = leaked(text, marks)
    if leak:
        tally.fail(key, f"{url} ({response.status_code}) {leak}")


def report(failures):
    return "\n".join(f"{key}: {what}" for key, whats in sorted(failures.items()) for what in whats)


def test_every_admin_url_pattern_is_classified():
    patterns = set(admin_patterns())
    classified = ADMIN.keys() | NOTHING_TO_CHECK.keys()
    assert sorted(patterns - classified) == [], "classify these in ADMIN or NOTHING_TO_CHECK"
    assert sorted(classified - patterns) == [], "these are no longer in the URLconf"
    assert unclassified_bulk_actions() == [], "add to BULK_OBJECTS and BULK_FORMS"
    assert unclassified_page_actions() == [], "add to PAGE_ACTIONS"


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_staff_are_shown_and_change_nothing_of_another_village_in_the_admin(villages, role):
    own, other = villages
    user = add_staff(own.village, f"{role}-a", role)[0]
    tally = Tally()
    walk_admin(login(user), targets(other, own), marks_of(other), other, tally)
    print(f"matrix ({role}): {tally.patterns} admin URL patterns, {tally.requests} requests")  # noqa: T201
    assert not tally.failures, report(tally.failures)
    assert tally.patterns >= 240 and tally.requests >= 550


# Written to with the walking staff's own village's ids, each of these changes that village's
# content: the forms the walk sends would change the other village's, were they let through.
WRITES_THAT_WORK = [
    "pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
    "pages/<int:page_id>/edit/",
    "pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/",
    "pages/<int:page_id>/copy/",
    "pages/<int:page_to_move_id>/set_position/",
    "pages/<int:page_id>/lock/",
    "pages/<int:page_id>/unlock/",
    "pages/<int:page_id>/unpublish/",
    "pages/<int:page_id>/revisions/<int:revision_id>/unschedule/",
    "localize/submit/page/<int:page_id>/",
    "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
    "editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/",
    "settings/<slug:app_name>/<slug:model_name>/<int:pk>/",
    "sellers/new/",
    "sellers/edit/<int:pk>/",
    "complaints/edit/<int:pk>/",
    "images/<int:image_id>/",
    "images/multiple/<int:image_id>/",
    "images/chooser/create/",
    "documents/edit/<int:document_id>/",
    "documents/multiple/<int:doc_id>/",
    "documents/add/",
    "images/add/",
    "images/<int:image_id>/delete/",
    "documents/delete/<int:document_id>/",
    "sellers/delete/<int:pk>/",
    "pages/<int:page_id>/delete/",
]


def first_way(route, ids):
    values, walk = next(walks(route))
    url = address(route, value(values, ids))
    query = urlencode(value(walk.queries[0], ids), doseq=True)
    data = walk.data(ids) if callable(walk.data) else walk.data
    return walk.method, f"{url}?{query}" if query else url, value(data, ids)


def test_the_walks_writes_change_the_own_villages_content(villages):
    own, _other = villages
    client = login(add_staff(own.village, "moderator-a", "moderator")[0])
    ids = targets(own, own)
    unchanged = []
    for route in WRITES_THAT_WORK:
        before = snapshot(own)
        method, url, data = first_way(route, ids)
        response = ask(client, method, url, data, Tally())
        if snapshot(own) == before:
            unchanged.append(f"{method.upper()} {url} ({response.status_code})")
    assert not unchanged, "\n".join(unchanged)


# The same, for forms only an operator (a superuser) may send: given the other village's ids,
# they change its content, or the shared rows.
OPERATOR_WRITES_THAT_WORK = [
    "pages/<int:page_id>/revisions/<int:revision_id>/revert/",
    "pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
    "localize/update/<int:translation_source_id>/",
    "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
    "localize/translate/<int:translation_id>/disable/",
    "bulk/<str:app_label>/<str:model_name>/<str:action>/",
    "api/main/pages/<int:pk>/action/<str:action_name>/",
    "collections/<int:pk>/",
    "collections/add/",
    "redirects/add/",
    "redirects/<int:redirect_id>/",
    "users/edit/<int:pk>/",
    "sites/edit/<int:pk>/",
    "villages/edit/<int:pk>/",
    "workflows/disable/<int:pk>/",
    "snippets/marketplace/productcategory/edit/<int:pk>/",
    "redirects/<int:redirect_id>/delete/",
]


def test_the_walks_operator_writes_change_content_for_an_operator(villages, django_user_model):
    own, other = villages
    client = login(django_user_model.objects.create_superuser("operator", "op@balai.id", "x"))
    ids = targets(other, own)
    unchanged = []
    for route in OPERATOR_WRITES_THAT_WORK:
        with transaction.atomic():  # each write on the village as it was, not as the last left it
            before = snapshot(other)
            method, url, data = first_way(route, ids)
            response = ask(client, method, url, data, Tally())
            if snapshot(other) == before:
                unchanged.append(f"{method.upper()} {url} ({response.status_code})")
            transaction.set_rollback(True)
    assert not unchanged, "\n".join(unchanged)


# Asked with the walking staff's own village's ids, each of these shows that village's content:
# the walk's reads reach the objects they are given.
READS_THAT_WORK = [
    "",
    "pages/<int:parent_page_id>/",
    "pages/<int:page_id>/edit/",
    "pages/<int:page_id>/history/",
    "pages/<int:page_id>/revisions/<int:revision_id>/view/",
    "pages/workflow/preview/<int:page_id>/<int:task_id>/",
    "choose-page/<int:parent_page_id>/",
    "choose-page/chosen-multiple/",
    "images/",
    "images/<int:image_id>/",
    "images/chooser/",
    "documents/",
    "documents/edit/<int:document_id>/",
    "sellers/",
    "sellers/edit/<int:pk>/",
    "snippets/choose/marketplace/seller/",
    "complaints/",
    "complaints/inspect/<int:pk>/",
    "complaints/<int:pk>/photo/",
    "reports/site-history/",
    "reports/locked/",
    "reports/workflow/",
    "localize/translate/<int:translation_id>/pofile/download/",
    "api/main/pages/<int:pk>/",
    "settings/<slug:app_name>/<slug:model_name>/<int:pk>/",
]


def test_the_walks_reads_show_the_own_villages_content(villages):
    own, _other = villages
    client = login(add_staff(own.village, "moderator-a", "moderator")[0])
    ids = targets(own, own)
    unseen = []
    for route in READS_THAT_WORK:
        _method, url, _data = first_way(route, ids)
        response = client.get(url)
        if leaked(shown(response), marks_of(own)) is None:
            unseen.append(f"GET {url} ({response.status_code})")
    assert not unseen, "\n".join(unseen)


def on_site(content):
    return Client(HTTP_HOST=content.village.hostname)


def api_queries(content):
    """The product API's filters, each set to find the village's products."""
    village = content.village
    return [
        {},
        {"q": content.word},
        {"penjual": content.seller.pk},
        {"kabupaten": village.regency_code},
        {"kecamatan": village.district_code},
        {"per_page": "100"},
        {"page": "2", "per_page": "1"},
    ]


def test_a_villages_product_api_shows_nothing_of_another_village(villages):
    own, other = villages
    assert OWN.lower() in on_site(own).get("/api/produk/").content.decode().lower()
    for query in api_queries(other):
        response = on_site(own).get("/api/produk/", query)
        assert response.status_code == 200
        assert leaked(shown(response), marks_of(other)) is None, query


def test_the_portals_product_api_shows_no_village_drafts_or_complaints(villages):
    portal = Client(HTTP_HOST="localhost")
    for content in villages:
        private = [
            content.draft_product.title,
            content.draft.title,
            content.scheduled.title,
            content.english_page.title,
            content.complaint.name,
            content.complaint.message,
            content.complaint.public_reply,
            content.complaint.reference,
            content.complaint.phone,
            content.staff.username,
        ]
        for query in api_queries(content):
            response = portal.get("/api/produk/", query)
            assert response.status_code == 200
            assert leaked(shown(response), [item.lower() for item in private]) is None, query
        # Live products are everyone's to see on the portal.
        assert (
            content.product.title
            in portal.get("/api/produk/", {"q": content.word}).json()["results"][0]["title"]
        )


def test_the_complaint_status_page_finds_no_other_villages_complaint(villages):
    own, other = villages
    complaint = other.complaint
    # The page shows back the reference typed: only the complaint itself must not show.
    marks = [mark for mark in marks_of(other) if mark != complaint.reference.lower()]
    reading = complaint.reference_for_reading
    for path in (
        f"/pengaduan/status/{complaint.reference}/",
        f"/pengaduan/status/{reading}/",
        f"/pengaduan/status/?ref={reading}",
    ):
        for client in (on_site(own), Client(HTTP_HOST="localhost")):
            response = client.get(path, follow=True)
            assert response.status_code == 404, path
            assert leaked(shown(response), marks) is None, path
    shown_to_other = on_site(other).get(f"/pengaduan/status/{complaint.reference}/")
    assert complaint.public_reply in shown_to_other.content.decode()


def sent_page(content, reference):
    """The page that thanks a villager, on `content`'s site, for the message `reference`."""
    client = on_site(content)
    client.get("/pengaduan/")  # a session, as the form starts one
    session = client.session
    session[SENT_SESSION_KEY] = reference
    session.save()
    return client.get("/pengaduan/terkirim/")


def test_the_sent_page_shows_no_other_villages_complaint(villages):
    own, other = villages
    response = sent_page(own, other.complaint.reference)
    assert response.status_code == 200
    assert leaked(shown(response), marks_of(other)) is None
    assert other.complaint.message in sent_page(other, other.complaint.reference).content.decode()
