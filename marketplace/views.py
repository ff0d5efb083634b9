from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from sites.village_admin import VillageSnippetViewSet

from .models import ProductCategory, Seller


class SellerViewSet(VillageSnippetViewSet):
    """The village's BUMDes, small businesses and groups that sell through its site."""

    model = Seller
    icon = "group"
    menu_label = _("Sellers")
    menu_order = 170
    add_to_admin_menu = True
    base_url_path = "sellers"
    list_display = ["name", "kind", "village"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    search_backend_name = None

    def get_urlpatterns(self):
        # Sellers were added at sellers/new/ before they were snippets; keep the address.
        return [
            path("new/", self.add_view, name="add") if pattern.name == "add" else pattern
            for pattern in super().get_urlpatterns()
        ]


class ProductCategoryViewSet(SnippetViewSet):
    """The categories every village's products are filed under; kept by the platform admin."""

    model = ProductCategory
    icon = "tag"
    menu_label = _("Product categories")
    list_display = ["name", "slug"]
