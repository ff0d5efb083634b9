from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from sites.village_admin import VillageRowsViewSet

from .models import ProductCategory, Seller


class SellerViewSet(VillageRowsViewSet):
    """The village's BUMDes, small businesses and groups that sell through its site."""

    model = Seller
    icon = "group"
    menu_label = _("Sellers")
    menu_order = 170
    add_to_admin_menu = True
    list_display = ["name", "kind", "village"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    search_backend_name = None


class ProductCategoryViewSet(SnippetViewSet):
    """The categories every village's products are filed under; kept by the platform admin."""

    model = ProductCategory
    icon = "tag"
    menu_label = _("Product categories")
    list_display = ["name", "slug"]
