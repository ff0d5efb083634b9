from django.utils.translation import gettext_lazy as _

from village_pages.models import SectionPage


class ProductIndexPage(SectionPage):
    """Produk: what the village's enterprises make and sell."""

    class Meta:
        verbose_name = _("product index page")
