"""The admin dashboard of village staff: their village's name, and what waits for them there.

Wagtail titles the dashboard with the site of the staff's explorable root and counts below it;
staff hold permissions on their village's home page in every language, which meet only at the
top of the tree, so they would see the portal's name and the whole install's pages.
"""

from django.core.cache import cache
from django.db.models import CharField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState, get_default_page_content_type

from .languages import below_in_every_language
from .models import Village, VillageSettings
from .models.settings import local_word_for
from .staff import villages_of

INSTALL_COUNTS_SECONDS = 300


def staff_village(request):
    """The village whose dashboard the user sees: the first of theirs, where the explorer opens
    too; None for superusers and users of no village."""
    if not hasattr(request, "_balai_staff_village"):
        user = request.user
        request._balai_staff_village = (
            None
            if user.is_superuser
            else villages_of(user).select_related("home_page").order_by("name").first()
        )
    return request._balai_staff_village


def village_title(village):
    """The village's name as its own site shows it, such as "Pekon Way Mengaku"."""
    chosen = (
        VillageSettings.objects.filter(site_id=village.site_id)
        .values_list("local_word", "display_name")
        .first()
    )
    local_word, name = chosen or (local_word_for(village.kind, village.regency_code), village.name)
    return f"{local_word} {name}"


def village_pages(village):
    """The village's pages in every language."""
    return Page.objects.filter(below_in_every_language([village.home_page.translation_key]))


class CountItem(SummaryItem):
    template_name = "wagtailadmin/home/village_count.html"

    def __init__(self, request, order, icon, text, url):
        super().__init__(request)
        self.order, self.icon, self.text, self.url = order, icon, text, url

    def get_context_data(self, parent_context):
        return {"icon": self.icon, "text": self.text, "url": self.url}


def counted(singular, plural, count):
    return ngettext(singular, plural, count) % {"count": number_format(count, force_grouping=True)}


def village_summary(request, village):
    pages = village_pages(village)
    awaiting = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=get_default_page_content_type(),
        # WorkflowState.object_id is text: PostgreSQL compares it with text ids only.
        object_id__in=pages.values_list(Cast("pk", output_field=CharField()), flat=True),
    ).count()
    images = get_image_model().objects.filter(collection_id=village.collection_id).count()
    new_complaints = village.complaints.filter(status="received").count()
    return [
        CountItem(
            request,
            100,
            "doc-empty",
            counted("%(count)s page", "%(count)s pages", pages.count()),
            reverse("wagtailadmin_explore", args=[village.home_page_id]),
        ),
        CountItem(
            request,
            200,
            "image",
            counted("%(count)s image", "%(count)s images", images),
            reverse("wagtailimages:index"),
        ),
        CountItem(
            request,
            300,
            "tasks",
            counted(
                "%(count)s page awaiting moderation",
                "%(count)s pages awaiting moderation",
                awaiting,
            ),
            reverse("wagtailadmin_reports:workflow") + "?status=in_progress",
        ),
        CountItem(
            request,
            400,
            "mail",
            counted("%(count)s new complaint", "%(count)s new complaints", new_complaints),
            reverse("complaints:index") + "?status=received",
        ),
    ]


def install_counts():
    return {
        "villages": Village.objects.count(),
        "pages": Page.objects.filter(depth__gt=1).count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def install_summary(request):
    """The operator's counts of the whole install, kept a few minutes: counted on every visit,
    150,000 pages made the dashboard slower with every village."""
    counts = cache.get_or_set("balai:install-counts", install_counts, INSTALL_COUNTS_SECONDS)
    return [
        CountItem(
            request,
            100,
            "site",
            counted("%(count)s village", "%(count)s villages", counts["villages"]),
            reverse("villages:index"),
        ),
        CountItem(
            request,
            200,
            "doc-empty",
            counted("%(count)s page", "%(count)s pages", counts["pages"]),
            reverse("wagtailadmin_explore_root"),
        ),
        CountItem(
            request,
            300,
            "image",
            counted("%(count)s image", "%(count)s images", counts["images"]),
            reverse("wagtailimages:index"),
        ),
        CountItem(
            request,
            400,
            "doc-full",
            counted("%(count)s document", "%(count)s documents", counts["documents"]),
            reverse("wagtaildocs:index"),
        ),
    ]


# After Wagtail's own items, which count the whole install below the tree's root.
@hooks.register("construct_homepage_summary_items", order=100)
def summarise_own_village(request, items):
    if request.user.is_superuser:
        items[:] = install_summary(request)
        return
    village = staff_village(request)
    if village is not None:
        items[:] = village_summary(request, village)
