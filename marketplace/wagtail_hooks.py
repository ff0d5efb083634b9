from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from sites.village_admin import VillageRowsPolicy

from .models import Seller
from .views import ProductCategoryViewSet, SellerViewSet

register_permission_policy(Seller, VillageRowsPolicy(Seller))
register_snippet(ProductCategoryViewSet)
register_snippet(SellerViewSet)
