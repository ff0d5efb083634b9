from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class VillageQuerySet(models.QuerySet):
    def in_region(self, code):
        """Villages below a regency or district code ("18.01", "18.01.04")."""
        return self.filter(code__startswith=code + ".")

    def for_page(self, page):
        """The village a page belongs to, or None for the portal's pages."""
        # By translation key: a page in English lies below the English translation of the home.
        ancestors = page.get_ancestors(inclusive=True).values("translation_key")
        return self.filter(home_page__translation_key__in=ancestors).first()


class Village(models.Model):
    """One desa or kelurahan of the register, and everything Balai made for it."""

    class Kind(models.TextChoices):
        DESA = "desa", _("Desa")
        KELURAHAN = "kelurahan", _("Kelurahan")

    code = models.CharField(_("Kemendagri code"), max_length=13, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=63, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    district_code = models.CharField(_("district code"), max_length=8, db_index=True)
    district_name = models.CharField(_("district"), max_length=100)
    regency_code = models.CharField(_("regency code"), max_length=5, db_index=True)
    regency_name = models.CharField(_("regency"), max_length=100)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    domain = models.CharField(
        _("own domain"),
        max_length=253,
        blank=True,
        help_text=_("The village's own address, such as hajimena.desa.id. Leave empty if none."),
    )

    site = models.OneToOneField(
        "wagtailcore.Site", on_delete=models.PROTECT, related_name="village"
    )
    home_page = models.OneToOneField("wagtailcore.Page", on_delete=models.PROTECT, related_name="+")
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="+"
    )
    editors = models.OneToOneField("auth.Group", on_delete=models.PROTECT, related_name="+")
    moderators = models.OneToOneField("auth.Group", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = _("village")
        verbose_name_plural = _("villages")
        ordering = ["name", "code"]
        # The operator's list reads twenty villages at a time in this order.
        indexes = [models.Index(fields=["name", "code"], name="sites_village_by_name")]
        constraints = [
            models.UniqueConstraint(
                fields=["domain"], condition=~models.Q(domain=""), name="unique_village_domain"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.district_name})"

    @property
    def subdomain(self):
        return f"{self.slug}.{settings.BALAI_BASE_DOMAIN}"

    @property
    def hostname(self):
        """The address the village's site answers on first: its own domain, else its subdomain."""
        return self.domain or self.subdomain

    @property
    def url(self):
        return public_root_url(self.hostname) + "/"


def public_root_url(hostname):
    """The same root URL Wagtail's Site.root_url gives, without loading the Site."""
    port = settings.BALAI_SITE_PORT
    if port == 443:
        return f"https://{hostname}"
    if port == 80:
        return f"http://{hostname}"
    return f"http://{hostname}:{port}"
