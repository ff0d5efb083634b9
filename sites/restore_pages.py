"""A restored village's pages in every language, rebuilt in place of those a new village has."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Revision


class PageTree:
    """The village's pages in every language, rebuilt in place of the ones a new village has."""

    def __init__(self, pages, ids, village, same_id_if_free):
        self.same_id_if_free = same_id_if_free
        self.pages = sorted(pages, key=lambda page: page["content"].get("path", ""))
        self.ids = ids
        self.village = village
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def restore(self):
        homes = self.new_homes()
        archived = {page["id"] for page in self.pages}
        made = []
        for page in self.pages:
            if page["parent_id"] in archived:
                parent = Page.objects.get(pk=self.ids.get(Page, page["parent_id"]))
                made.append((page, self.add(parent, page)))
            else:
                made.append((page, self.replace(homes.pop(page["language"]), page)))
        for leftover in homes.values():  # the archive has no page in that language
            leftover.delete()
        # Links between the village's pages are known once every page is made.
        for page, restored in made:
            content = self.remapped(page)
            if content != restored.archived_content:
                restored.with_content_json(content).save(clean=False)
        for page, restored in made:
            self.keep_revisions(page, Page.objects.get(pk=restored.pk).specific)

    def new_homes(self):
        """The home page, in each language, of the village just made, with no sections yet."""
        homes = {}
        for home in Page.objects.filter(translation_key=self.village.home_page.translation_key):
            for section in home.get_children():
                section.delete()
            homes[home.locale.language_code] = Page.objects.get(pk=home.pk)
        return homes

    def remapped(self, page):
        """The page's archived content with this install's ids."""
        model = apps.get_model(page["type"])
        content = self.ids.row(model, page["content"])
        content.update(
            content_type=ContentType.objects.get_for_model(model).pk,
            locale=self.locales[page["language"]].pk,
            translation_key=page["translation_key"],
            owner=None,
            locked=False,
            locked_by=None,
            alias_of=None,
        )
        return content

    def build(self, page):
        content = self.remapped(page)
        restored = apps.get_model(page["type"]).from_serializable_data(content, check_fks=False)
        restored.archived_content = content
        return restored

    def add(self, parent, page):
        restored = self.build(page)
        # Wagtail takes a page with no `id` for a new one; Django then gives the page row the
        # id its link from the page type's row holds.
        restored.id = None
        restored.page_ptr_id = self.same_id_if_free(Page, page["id"])
        restored.numchild = 0  # its children follow; the tree counts them as they come
        restored._state.adding = True
        parent.add_child(instance=restored)
        self.ids.set(Page, page["id"], restored.pk)
        return restored

    def replace(self, home, page):
        restored = self.build(page)
        restored.pk = restored.id = restored.page_ptr_id = home.pk
        restored.path, restored.depth, restored.numchild = home.path, home.depth, 0
        restored.url_path = home.url_path
        restored.save(clean=False)
        self.ids.set(Page, page["id"], restored.pk)
        return restored

    def keep_revisions(self, page, restored):
        """A revision of what is live, and the draft above it when there is one."""
        if restored.alias_of_id:
            return
        if restored.live:
            revision = restored.save_revision(changed=False, clean=False)
            Page.objects.filter(pk=restored.pk).update(live_revision=revision)
        if page.get("draft"):
            draft = self.ids.row(type(restored), page["draft"])
            restored.with_content_json(draft).save_revision(clean=False)
        # When the page last changed, as sitemaps and the admin tell it.
        changed = page["content"].get("latest_revision_created_at")
        Page.objects.filter(pk=restored.pk).update(latest_revision_created_at=changed)
        if changed:
            Revision.objects.for_instance(restored).update(created_at=changed)
