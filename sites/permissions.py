"""What a village's editors and moderators may do, on their own village only."""

from django.contrib.auth.models import Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission, GroupSitePermission

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


def _permission_ids():
    """Permission ids by "app_label.codename", in one query."""
    rows = Permission.objects.filter(
        content_type__app_label__in=[
            "wagtailadmin",
            "wagtailcore",
            "wagtailimages",
            "wagtaildocs",
            "sites",
        ]
    ).values_list("id", "content_type__app_label", "codename")
    return {f"{app}.{codename}": pk for pk, app, codename in rows}


def grant_village_permissions(village_groups, home_page, collection, site):
    """Give a village's two groups their rights on its pages, collection and settings."""
    editors, moderators = village_groups
    permission_id = _permission_ids().__getitem__
    access_admin = permission_id("wagtailadmin.access_admin")
    editors.permissions.add(access_admin)
    moderators.permissions.add(access_admin)
    page_rows = [
        GroupPagePermission(
            group=group, page=home_page, permission_id=permission_id(f"wagtailcore.{codename}")
        )
        for group, codenames in (
            (editors, EDITOR_PAGE_PERMISSIONS),
            (moderators, MODERATOR_PAGE_PERMISSIONS),
        )
        for codename in codenames
    ]
    GroupPagePermission.objects.bulk_create(page_rows)
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
