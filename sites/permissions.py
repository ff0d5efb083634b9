"""What a village's editors and moderators may do, on their own village only; and the
platform's records that only its operators see."""

from django.contrib.auth.models import Permission
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
)
from wagtail.permission_policies import ModelPermissionPolicy

from .rows import insert_rows

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
MODERATOR_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS + [
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
]
MODERATOR_SITE_PERMISSIONS = ["sites.change_villagesettings"]
# Model-level rights; which rows staff see is limited to their village by the views.
STAFF_MODEL_PERMISSIONS = [
    "village_pages.view_complaint",
    "village_pages.change_complaint",
    "marketplace.add_seller",
    "marketplace.change_seller",
    "marketplace.delete_seller",
    "marketplace.view_seller",
    # Global in wagtail-localize; sites.translation_access keeps staff to their own village.
    "wagtail_localize.submit_translation",
]


def _permission_ids():
    """Permission ids by "app_label.codename", in one query."""
    rows = Permission.objects.filter(
        content_type__app_label__in=[
            "wagtailadmin",
            "wagtailcore",
            "wagtailimages",
            "wagtaildocs",
            "sites",
            "village_pages",
            "marketplace",
            "wagtail_localize",
        ]
    ).values_list("id", "content_type__app_label", "codename")
    return {f"{app}.{codename}": pk for pk, app, codename in rows}


def grant_village_permissions(village_groups, home_pages, collection, site):
    """Give a village's two groups their rights on its pages (every language's home page),
    collection and settings."""
    editors, moderators = village_groups
    permission_id = _permission_ids().__getitem__
    grant_staff_permissions(village_groups, permission_id)
    grant_page_permissions(village_groups, home_pages, permission_id)
    collection_rows = [
        GroupCollectionPermission(
            group=group, collection=collection, permission_id=permission_id(name)
        )
        for group, names in (
            (editors, EDITOR_COLLECTION_PERMISSIONS),
            (moderators, MODERATOR_COLLECTION_PERMISSIONS),
        )
        for name in names
    ]
    GroupCollectionPermission.objects.bulk_create(collection_rows)
    GroupSitePermission.objects.bulk_create(
        GroupSitePermission(group=moderators, site=site, permission_id=permission_id(name))
        for name in MODERATOR_SITE_PERMISSIONS
    )


def grant_staff_permissions(village_groups, permission_id=None):
    """The admin, and the model-level rights every village's staff have; harmless twice."""
    permission_id = permission_id or _permission_ids().__getitem__
    names = ["wagtailadmin.access_admin", *STAFF_MODEL_PERMISSIONS]
    for group in village_groups:
        group.permissions.add(*[permission_id(name) for name in names])


def grant_page_permissions(village_groups, home_pages, permission_id=None):
    editors, moderators = village_groups
    permission_id = permission_id or _permission_ids().__getitem__
    rows = [
        GroupPagePermission(
            group_id=group.pk,
            page_id=home_page.pk,
            permission_id=permission_id(f"wagtailcore.{codename}"),
        )
        for home_page in home_pages
        for group, codenames in (
            (editors, EDITOR_PAGE_PERMISSIONS),
            (moderators, MODERATOR_PAGE_PERMISSIONS),
        )
        for codename in codenames
    ]
    # Seven rows for each language's home page, on every village: the lean insert pays off.
    insert_rows(GroupPagePermission, rows, GroupPagePermission._meta.concrete_fields)


class SuperusersOnly(ModelPermissionPolicy):
    """Superusers may do `actions` on the model; nobody else may do anything."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = set(actions)

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action in self.actions

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
