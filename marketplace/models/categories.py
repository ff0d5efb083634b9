from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin


class ProductCategory(TranslatableMixin, models.Model):
    """One list for the whole install, kept by the platform admin, so the portal can filter
    coffee from Lampung Barat and crafts from Tulang Bawang side by side."""

    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=60)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("product category")
        verbose_name_plural = _("product categories")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_category_slug")
        ]

    def __str__(self):
        return self.name
