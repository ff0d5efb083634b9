from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from sites.listings import CARD_FIELDS, as_cards, listed_below
from sites.models import BasePage

from ..blocks import ArticleBlock
from .sections import SectionPage, paginate

NEWS_PER_PAGE = 10


class NewsCategory(models.TextChoices):
    """One list for every village, so the portal can compare like with like."""

    GOVERNMENT = "pemerintahan", _("Government")
    DEVELOPMENT = "pembangunan", _("Development")
    HEALTH = "kesehatan", _("Health")
    EDUCATION = "pendidikan", _("Education")
    ECONOMY = "ekonomi", _("Economy")
    COMMUNITY = "kemasyarakatan", _("Community")
    AGRICULTURE = "pertanian", _("Agriculture")
    DISASTER = "kebencanaan", _("Disasters and safety")


class NewsIndexPage(RoutablePageMixin, SectionPage):
    """Berita: the village's news, newest first."""

    subpage_types = ["village_pages.NewsPage"]

    class Meta:
        verbose_name = _("news index page")

    def articles(self):
        return listed_below(self, NewsPage).select_related("listing_image").order_by("-date", "-pk")

    @path("")
    def index(self, request):
        articles = as_cards(self.articles())
        category = request.GET.get("kategori", "")
        if category in NewsCategory.values:
            articles = articles.filter(category=category)
        else:
            category = ""
        return self.render(
            request,
            context_overrides={
                "articles": paginate(request, articles, NEWS_PER_PAGE),
                "categories": NewsCategory.choices,
                "category": category,
            },
        )

    @path("feed/", name="feed")
    def feed(self, request):
        from ..feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "village_pages.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    """One news article from the village."""

    date = models.DateField(_("date"), default=timezone.localdate)
    author_name = models.CharField(_("author"), max_length=100, blank=True)
    category = models.CharField(
        _("category"), max_length=20, choices=NewsCategory.choices, blank=True
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True)
    body = StreamField(ArticleBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("author_name")]),
        FieldPanel("listing_image"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("tags")]),
    ]
    promote_panels = BasePage.seo_promote_panels
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("category"),
    ]

    parent_page_types = ["village_pages.NewsIndexPage"]
    subpage_types = []
    og_type = "article"
    card_fields = ("date",)

    class Meta:
        verbose_name = _("news article")

    def structured_data(self, request):
        from ..structured_data import image_url, village_organization

        organization = village_organization(request)
        data = {
            "@type": "NewsArticle",
            "headline": self.title,
            "datePublished": self.date.isoformat(),
            "url": self.get_full_url(request),
            "author": {"@type": "Person", "name": self.author_name}
            if self.author_name
            else organization,
            "publisher": organization,
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.summary:
            data["description"] = self.summary
        if self.listing_image:
            data["image"] = image_url(request, self.listing_image)
        return data

    def related_articles(self, limit=3):
        """Other articles of this village sharing the category or a tag, newest first."""
        shared = Q(tagged_items__tag__in=self.tags.all())
        if self.category:
            shared |= Q(category=self.category)
        return (
            NewsPage.objects.sibling_of(self, inclusive=False)
            .live()
            .filter(shared)
            .distinct()
            .select_related("listing_image")
            .only(*CARD_FIELDS, *NewsPage.card_fields)
            .order_by("-date", "-pk")[:limit]
        )
