from .categories import ProductCategory
from .products import ProductIndexPage, ProductPage, ProductPhoto
from .sellers import Seller

__all__ = ["ProductCategory", "ProductIndexPage", "ProductPage", "ProductPhoto", "Seller"]
