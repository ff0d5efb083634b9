"""Reports on translations, each limited to the staff's own villages: "Untranslated pages" (live
pages with no English version yet) and wagtail-localize's "Translations"."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.views.report import TranslationsReportView

from marketplace.models import Seller
from sites.models import Village
from sites.routing import SITE_ROOT_DEPTHS
from sites.staff import own_pages_filter, villages_of

# The page types allow no other shape: every page this deep or deeper belongs to the village
# whose home starts its path.
VILLAGE_HOME_DEPTH = SITE_ROOT_DEPTHS[-1]
VILLAGE_HOME_PATH_LENGTH = VILLAGE_HOME_DEPTH * Page.steplen

STAFF_ACTIONS = ["add", "change", "publish"]


def untranslated_pages(user):
    """Live pages in the sites' first language, of `user`'s villages, that lack a translation
    into another of their languages (English), newest first."""
    missing = [
        ~Exists(
            Page.objects.filter(
                translation_key=OuterRef("translation_key"), locale__language_code=language
            )
        )
        for language, _name in settings.LANGUAGES
        if language != settings.LANGUAGE_CODE
    ]
    if not missing:
        return Page.objects.none()
    pages = Page.objects.filter(
        reduce(or_, missing),
        live=True,
        depth__gte=VILLAGE_HOME_DEPTH,
        locale__language_code=settings.LANGUAGE_CODE,
    )
    own = own_pages_filter(user)
    if own is not None:
        pages = pages.filter(own)
    return pages.order_by(F("first_published_at").desc(nulls_last=True), "-pk")


class UntranslatedPagesView(ReportView):
    page_title = _("Untranslated pages")
    header_icon = "wagtail-localize-language"
    index_url_name = "untranslated_pages"
    index_results_url_name = "untranslated_pages_results"
    model = Page
    any_permission_required = STAFF_ACTIONS
    no_results_message = _("Every page has an English translation.")

    def get_queryset(self):
        return untranslated_pages(self.request.user)

    @cached_property
    def shows_village(self):
        user = self.request.user
        return user.is_superuser or villages_of(user)[:2].count() > 1

    @cached_property
    def can_translate(self):
        # wagtail-localize refuses its submit view to anyone without this global permission.
        return self.request.user.has_perm("wagtail_localize.submit_translation")

    @cached_property
    def columns(self):
        columns = [TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit")]
        if self.shows_village:
            columns.append(Column("village", label=capfirst(Village._meta.verbose_name)))
        columns += [
            Column("page_type_display_name", label=_("Type")),
            DateColumn("first_published_at", label=_("Published")),
        ]
        if self.can_translate:
            columns.append(
                TitleColumn(
                    "translate",
                    label="",
                    accessor=lambda page: _("Translate"),
                    url_name="wagtail_localize:submit_page_translation",
                )
            )
        return columns

    def decorate_paginated_queryset(self, pages):
        if self.shows_village:
            prefixes = {page.path[:VILLAGE_HOME_PATH_LENGTH] for page in pages}
            villages = Village.objects.filter(home_page__path__in=prefixes).annotate(
                home_path=F("home_page__path")
            )
            by_path = {village.home_path: village for village in villages}
            for page in pages:
                page.village = by_path.get(page.path[:VILLAGE_HOME_PATH_LENGTH])
        return pages


class UntranslatedPagesMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, STAFF_ACTIONS
        )


class OwnTranslationsReportView(TranslationsReportView):
    """wagtail-localize's "Translations" report, showing staff their own village's only."""

    def get_queryset(self):
        translations = super().get_queryset().order_by("-created_at", "-pk")
        own = own_pages_filter(self.request.user)
        if own is None:
            return translations
        sellers = Seller.objects.filter(village__in=villages_of(self.request.user))
        return translations.filter(
            Q(source__object_id__in=Page.objects.filter(own).values("translation_key"))
            | Q(source__object_id__in=sellers.values("translation_key"))
        )
