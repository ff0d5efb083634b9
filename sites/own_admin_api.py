"""Wagtail's admin API lists images and documents to staff of their own villages only.

Wagtail narrows these endpoints by collection privacy alone, and every village's collection is
public: signed in to the admin, staff of one village read the titles, tags and file addresses
of every village's files there.
"""

from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from .own_objects import own_objects


class OwnFiles:
    def get_queryset(self):
        own = own_objects(self.model, self.request.user)
        return super().get_queryset().filter(pk__in=own.values("pk"))


class OwnImages(OwnFiles, ImagesAdminAPIViewSet):
    pass


class OwnDocuments(OwnFiles, DocumentsAdminAPIViewSet):
    pass


# After Wagtail's images and documents apps, whose endpoints these take the place of.
@hooks.register("construct_admin_api", order=1)
def own_files_in_the_admin_api(router):
    router.register_endpoint("images", OwnImages)
    router.register_endpoint("documents", OwnDocuments)
