"""Wagtail's page types usage report, counting the pages of the user's own villages only.

Wagtail counts every page of the install and names the last edited page of each type, a
draft of another village's among them; its site filter lists every village's site. Staff see
their own villages' figures, and the site filter offers their own villages' sites.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports.page_types_usage import (
    PageTypesUsageReportFilterSet,
    PageTypesUsageReportView,
)
from wagtail.models import Page, Site

from .staff import own_pages_filter, villages_of

# More sites than this and the report offers no site filter: a list of a province's villages
# is no menu.
MOST_SITES_OFFERED = 50


class OwnPageTypesUsageFilterSet(PageTypesUsageReportFilterSet):
    def __init__(self, *args, request=None, **kwargs):
        # Not Wagtail's own __init__, which reads every site of the install.
        WagtailFilterSet.__init__(self, *args, request=request, **kwargs)
        own_sites = Site.objects.filter(village__in=villages_of(request.user))
        choices = [
            (site.root_page.path, str(site))
            for site in own_sites.select_related("root_page")[: MOST_SITES_OFFERED + 1]
        ]
        if 1 < len(choices) <= MOST_SITES_OFFERED:
            self.filters["site"].extra["choices"] = choices
        else:
            del self.filters["site"]

    def filter_queryset(self, queryset):
        # The report's own query narrows its counts (below); Wagtail's filters would keep only
        # the types that have such pages anywhere in the install.
        return queryset


class OwnPageTypesUsage(PageTypesUsageReportView):
    filterset_class = OwnPageTypesUsageFilterSet

    def get_queryset(self):
        self.queryset = ContentType.objects.filter(model__in=self.page_models).exclude(
            app_label="wagtailcore"
        )
        queryset = self.filter_queryset(self.queryset)
        data = self.filters.form.cleaned_data
        pages = Page.objects.all()
        own = own_pages_filter(self.request.user)
        if own is not None:
            pages = pages.filter(own)
        if data.get("page_locale"):
            pages = pages.filter(locale__language_code=data["page_locale"])
        if data.get("site"):
            pages = pages.filter(path__startswith=data["site"])
        of_type = pages.filter(content_type=OuterRef("pk"))
        count = (
            of_type.order_by().values("content_type").annotate(count=Count("pk")).values("count")
        )
        last_edited = of_type.order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        ).values("pk")[:1]
        return queryset.annotate(
            count=Coalesce(Subquery(count), Value(0), output_field=IntegerField()),
            last_edited_page_id=Subquery(last_edited),
        ).order_by("-count", "app_label", "model")
