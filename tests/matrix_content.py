"""A village with content of every kind, each piece named with the village's own mark, so a test
can look for one village's content in what another village's staff are shown; and a snapshot
of it all, to tell whether anything of it changed."""

import datetime
import io
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.core.mail import EmailMessage
from django.db.models import Q
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from PIL import Image as PILImage
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Revision,
    Site,
    Task,
    TaskState,
    UploadedFile,
    Workflow,
    WorkflowState,
)
from wagtail.rich_text import RichText
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from marketplace.models import ProductCategory, Seller
from sites.mail import as_data
from sites.models import Village, VillageExport, VillageImport, VillageSettings
from sites.staff import add_staff
from sites.tasks import send_mail_message
from sites.translations import english_locale
from tests.marketplace.products import add_product
from village_pages.models import Complaint, NewsPage


def section(village, slug):
    return village.home_page.get_children().get(slug=slug).specific


def picture(village, title, filename):
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 40), (40, 120, 60)).save(buffer, "JPEG")
    image = Image(title=title, description=title, collection=village.collection)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image


def png(text=""):
    """A picture that says `text` after its pixels, so a response that hands it out names it."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (30, 20), (200, 160, 40)).save(buffer, "PNG")
    return buffer.getvalue() + text.encode()


def fill(village, mark, word, phone):
    """Every kind of content a village's staff keep, in `village`, named with `mark` and
    `word` (to search for without the search naming the mark); `phone` (eight digits) makes
    its people's numbers its own."""
    slug = mark.lower()
    tag = f"{word.lower()}-{slug}"
    staff = add_staff(village, f"staff-{mark}", "moderator", email=f"{slug}@example.id")[0]
    staff.first_name, staff.last_name = mark, word
    staff.save()

    image = picture(village, f"{mark} {word} Foto", f"{slug}-foto.jpg")
    image.tags.add(tag)
    document = Document.objects.create(
        title=f"{mark} {word} Dokumen",
        collection=village.collection,
        file=ContentFile(f"%PDF-1.4 {mark}".encode(), name=f"{slug}-apbdes.pdf"),
    )

    news = section(village, "berita")
    published = news.add_child(
        instance=NewsPage(
            title=f"{mark} {word} Berita",
            slug=f"{slug}-berita",
            listing_image=image,
            summary=f"{mark} ringkasan",
            body=[
                ("paragraph", RichText(f"<p>{mark} isi berita</p>")),
                ("image", {"image": image, "caption": ""}),
                ("document", {"document": document, "label": ""}),
            ],
        )
    )
    published.tags.add(tag)
    published.save_revision(user=staff).publish(user=staff)
    Page.objects.filter(pk=published.pk).update(
        locked=True, locked_by=staff, locked_at=timezone.now()
    )
    alias = published.create_alias(update_slug=f"{slug}-alias", user=staff)

    english = english_locale()
    translate_object(published, [english])
    translation = Translation.objects.get(
        source__object_id=published.translation_key, target_locale=english
    )
    english_page = published.get_translation(english)
    english_page.title = f"{mark} {word} News"
    english_page.save_revision(user=staff)

    draft = news.add_child(
        instance=NewsPage(title=f"{mark} {word} Draf", slug=f"{slug}-draf", live=False)
    )
    revision = draft.save_revision(user=staff, log_action=True)
    workflow_state = draft.get_workflow().start(draft, staff)

    scheduled = news.add_child(
        instance=NewsPage(
            title=f"{mark} {word} Terjadwal",
            slug=f"{slug}-terjadwal",
            live=False,
            go_live_at=timezone.now() + datetime.timedelta(days=30),
        )
    )
    scheduled_revision = scheduled.save_revision(user=staff)
    scheduled_revision.publish(user=staff)

    seller = Seller.objects.create(
        village=village,
        name=f"{mark} {word} BUMDes",
        description=f"{mark} penjual",
        whatsapp_number=f"+62812{phone}",
        address=f"Jalan {mark}",
    )
    product = add_product(village, f"{mark} {word} Kopi", seller=seller, image=image)
    draft_product = add_product(
        village, f"{mark} {word} Produk Draf", seller=seller, image=image, live=False
    )

    complaint = Complaint(
        village=village,
        name=f"{mark} {word} Warga",
        phone=f"0813{phone}",
        email=f"warga-{slug}@example.id",
        message=f"{mark} {word} jalan rusak",
        status=Complaint.Status.IN_PROGRESS,
        public_reply=f"{mark} sedang diperbaiki",
    )
    complaint.photo.save("foto.png", ContentFile(png(f"{mark} foto pengaduan")), save=False)
    complaint.save()
    log(complaint, "wagtail.edit", user=staff)
    log(seller, "wagtail.create", user=staff)
    log(image, "wagtail.edit", user=staff)

    redirect = Redirect.objects.create(
        old_path=f"/{slug}-lama", site=village.site, redirect_page=published
    )
    now = timezone.now()
    sessions = {
        name: EditingSession.objects.create(
            user=staff,
            content_type=ContentType.objects.get_for_model(type(obj), for_concrete_model=False),
            object_id=str(obj.pk),
            last_seen_at=now,
            is_editing=True,
        )
        for name, obj in (("page", Page.objects.get(pk=draft.pk)), ("seller", seller))
    }
    uploads = {
        model: UploadedFile.objects.create(
            file=ContentFile(png(f"{mark} unggahan"), name=f"{slug}-unggahan.png"),
            for_content_type=ContentType.objects.get_for_model(model),
            uploaded_by_user=staff,
        )
        for model in (Image, Document)
    }
    # Mail to the village's staff, waiting for the worker: a task's arguments name people.
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        mail_task = send_mail_message.enqueue(
            as_data(EmailMessage(f"{mark} surat", f"{mark} {word} isi", to=[staff.email]))
        )
    # The operator's import that named the village, and its archive: superusers' only.
    village_import = VillageImport.objects.create(
        source=f"{slug}.csv",
        rows=[[2, village.code, slug, None, ""]],
        total=1,
        done=1,
        failures=[f"baris 3 ({mark} {word})"],
    )
    archive = VillageExport.objects.create(
        village=village,
        village_name=village.name,
        archive=storages["private"].save(f"exports/{slug}.zip", ContentFile(f"{mark} arsip")),
        finished_at=now,
    )
    return SimpleNamespace(
        village=village,
        mark=mark,
        village_import=village_import,
        archive=archive,
        mail_task=DBTaskResult.objects.get(pk=mail_task.id),
        word=word,
        staff=staff,
        image=image,
        document=document,
        news=news,
        published=published,
        alias=alias,
        english_page=english_page,
        translation=translation,
        draft=draft,
        revision=revision,
        workflow_state=workflow_state,
        task_state=workflow_state.current_task_state,
        scheduled=scheduled,
        scheduled_revision=scheduled_revision,
        seller=seller,
        product=product,
        draft_product=draft_product,
        complaint=complaint,
        redirect=redirect,
        page_session=sessions["page"],
        seller_session=sessions["seller"],
        uploaded_image=uploads[Image],
        uploaded_document=uploads[Document],
    )


def ids_of(content):
    """The ids and values the admin URLs are filled in with, by name."""
    translation = content.translation
    source = translation.source
    return {
        "village": content.village.pk,
        "village code": content.village.code,
        "home": content.village.home_page_id,
        "news": content.news.pk,
        "english news": content.english_page.get_parent().pk,
        "draft": content.draft.pk,
        "published": content.published.pk,
        "published url": content.published.get_full_url(),
        "published path": content.published.get_url_parts()[2],
        "english page": content.english_page.pk,
        "alias": content.alias.pk,
        "scheduled": content.scheduled.pk,
        "scheduled revision": content.scheduled_revision.pk,
        "product": content.product.pk,
        "revision": content.revision.pk,
        "workflow state": content.workflow_state.pk,
        "task state": content.task_state.pk,
        "image": content.image.pk,
        "document": content.document.pk,
        "collection": content.village.collection_id,
        "seller": content.seller.pk,
        "complaint": content.complaint.pk,
        "task result": content.mail_task.pk,
        "village import": content.village_import.pk,
        "village archive": content.archive.pk,
        "complaint reference": content.complaint.reference_for_reading,
        "redirect": content.redirect.pk,
        "site": content.village.site_id,
        "staff": content.staff.pk,
        "editors": content.village.editors_id,
        "translation": translation.pk,
        "translation source": source.pk,
        "string segment": source.stringsegment_set.get(context__path="title").pk,
        "overridable segment": source.overridablesegment_set.get(context__path="listing_image").pk,
        "page session": content.page_session.pk,
        "seller session": content.seller_session.pk,
        "uploaded image": content.uploaded_image.pk,
        "uploaded document": content.uploaded_document.pk,
        # Shared by every village.
        "workflow": Workflow.objects.get(name="Moderasi desa").pk,
        "task": Task.objects.get(name="Persetujuan moderator desa").pk,
        "english locale": english_locale().pk,
        "category": ProductCategory.objects.order_by("pk").first().pk,
    }


def marks_of(content):
    """What names the village's content anywhere: its name (in its titles, slugs, file names,
    host and staff's names), its complaint's reference and its people's numbers."""
    phone = content.seller.whatsapp_number[-8:]
    return [content.village.name.lower(), content.complaint.reference.lower(), phone]


def own_pages(village):
    homes = Page.objects.filter(translation_key=village.home_page.translation_key)
    condition = Q()
    for home in homes:
        condition |= Q(path__startswith=home.path)
    return Page.objects.filter(condition)


def rows(queryset, *fields):
    return sorted(queryset.values_list(*fields), key=str)


def snapshot(content):
    """Everything of the village's content that a write could change, as plain values."""
    village, mark = content.village, content.mark
    pages = own_pages(village)
    page_ids = list(pages.values_list("pk", flat=True))
    marked_pages = Page.objects.filter(title__contains=mark)
    files = Q(collection=village.collection) | Q(title__contains=mark)
    groups = Group.objects.filter(pk__in=[village.editors_id, village.moderators_id])
    object_ids = [str(pk) for pk in page_ids] + [str(content.seller.pk)]
    return {
        "pages": rows(
            pages,
            "pk",
            "title",
            "draft_title",
            "slug",
            "path",
            "url_path",
            "live",
            "has_unpublished_changes",
            "latest_revision_id",
            "live_revision_id",
            "locked",
            "locked_by_id",
            "alias_of_id",
            "locale_id",
        ),
        "pages named for the village": rows(marked_pages, "pk", "path"),
        "revisions": rows(
            Revision.page_revisions.filter(object_id__in=[str(pk) for pk in page_ids]),
            "pk",
            "approved_go_live_at",
        ),
        "news tags": rows(NewsPage.objects.filter(pk__in=page_ids), "pk", "tags__name"),
        "workflow states": rows(
            WorkflowState.objects.filter(object_id__in=[str(pk) for pk in page_ids]),
            "pk",
            "status",
        ),
        "task states": rows(
            TaskState.objects.filter(revision__object_id__in=object_ids), "pk", "status"
        ),
        "page restrictions": rows(PageViewRestriction.objects.filter(page__in=page_ids), "pk"),
        "images": rows(
            Image.objects.filter(files),
            "pk",
            "title",
            "description",
            "file",
            "collection_id",
            "tags__name",
        ),
        "documents": rows(
            Document.objects.filter(files), "pk", "title", "file", "collection_id", "tags__name"
        ),
        "uploads": rows(UploadedFile.objects.filter(uploaded_by_user=content.staff), "pk", "file"),
        "sellers": rows(
            Seller.objects.filter(Q(village=village) | Q(name__contains=mark)),
            "pk",
            "name",
            "kind",
            "description",
            "whatsapp_number",
            "address",
            "village_id",
            "locale_id",
        ),
        "complaints": rows(
            Complaint.objects.filter(village=village),
            "pk",
            "name",
            "message",
            "status",
            "public_reply",
            "photo",
        ),
        "collection": rows(
            Collection.objects.filter(pk=village.collection_id), "name", "path", "numchild"
        ),
        "collection restrictions": rows(
            CollectionViewRestriction.objects.filter(collection=village.collection_id), "pk"
        ),
        "village": rows(Village.objects.filter(pk=village.pk), "slug", "name", "domain"),
        "site": rows(
            Site.objects.filter(pk=village.site_id),
            "hostname",
            "port",
            "root_page_id",
            "site_name",
            "is_default_site",
        ),
        "settings": rows(
            VillageSettings.objects.filter(site=village.site_id), "display_name", "local_word"
        ),
        "redirects": rows(
            Redirect.objects.filter(Q(site=village.site_id) | Q(redirect_page__in=page_ids)),
            "pk",
            "old_path",
            "redirect_page_id",
            "redirect_link",
        ),
        "groups": rows(groups, "pk", "name", "permissions"),
        "group page permissions": rows(
            groups, "pk", "page_permissions__page_id", "page_permissions__permission_id"
        ),
        "staff": rows(
            type(content.staff).objects.filter(pk=content.staff.pk),
            "username",
            "email",
            "password",
            "is_active",
            "is_superuser",
            "groups",
        ),
        "translations": rows(
            Translation.objects.filter(source__object_id=content.published.translation_key),
            "pk",
            "enabled",
        ),
        "string translations": rows(
            StringTranslation.objects.filter(context__object_id=content.published.translation_key),
            "pk",
            "data",
        ),
        "overrides": rows(
            SegmentOverride.objects.filter(context__object_id=content.published.translation_key),
            "pk",
            "data_json",
        ),
        "editing sessions": rows(
            EditingSession.objects.filter(object_id__in=object_ids), "pk", "user_id"
        ),
        # Shared by every village: village staff change none of them either.
        "imports": rows(VillageImport.objects.all(), "pk", "source", "done", "finished_at"),
        "archives": rows(VillageExport.objects.all(), "pk", "archive", "finished_at"),
        "every page": Page.objects.count(),
        "locales": rows(Locale.objects.all(), "pk", "language_code"),
        "workflows": rows(Workflow.objects.all(), "pk", "name", "active"),
        "tasks": rows(Task.objects.all(), "pk", "name", "active"),
        "categories": rows(ProductCategory.objects.all(), "pk", "name", "slug"),
    }
