from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .views import ProductCategoryViewSet, SellerViewSet

register_snippet(ProductCategoryViewSet)


@hooks.register("register_admin_viewset")
def register_seller_viewset():
    return SellerViewSet("sellers")
