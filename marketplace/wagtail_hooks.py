from wagtail.snippets.models import register_snippet

from .views import ProductCategoryViewSet, SellerViewSet

register_snippet(ProductCategoryViewSet)
register_snippet(SellerViewSet)
