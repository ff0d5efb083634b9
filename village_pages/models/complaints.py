import re
import secrets
import uuid
from pathlib import Path

from django.core.files.storage import storages
from django.db import models
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from sites.languages import LanguageRoutesMixin

from .sections import SectionPage

# Read aloud over the phone or written on paper: no 0/O/D-like, 1/I/L, 2/Z, 5/S or 8/B pairs.
REFERENCE_ALPHABET = "346789ACEFGHJKMNPQRTUVWXY"
REFERENCE_LENGTH = 10  # 25**10: a guess finds one of a village's complaints once in 10**11 tries
SENT_SESSION_KEY = "balai:complaint_sent"


def new_reference():
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def typed_reference(typed):
    """A reference as a villager may type it (small letters, spaces, a dash), as stored; "" when
    it cannot be one."""
    reference = re.sub(r"[\s.-]", "", typed or "").upper()
    if len(reference) == REFERENCE_LENGTH and set(reference) <= set(REFERENCE_ALPHABET):
        return reference
    return ""


def photo_path(complaint, filename):
    # A name nobody can guess; its extension is the one the complaint form wrote the photo in.
    return f"complaints/{complaint.village_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


def photo_storage():
    """Apart from the public media: these photos are for the village's staff only."""
    return storages["private"]


class Complaint(models.Model):
    """A complaint or question a villager sent; only that village's staff read it."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        IN_PROGRESS = "in_progress", _("being handled")
        ANSWERED = "answered", _("answered")

    village = models.ForeignKey(
        "sites.Village", on_delete=models.CASCADE, related_name="complaints"
    )
    reference = models.CharField(
        _("reference"),
        max_length=REFERENCE_LENGTH,
        unique=True,
        default=new_reference,
        editable=False,
    )
    name = models.CharField(_("name"), max_length=100)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    message = models.TextField(_("message"), max_length=2000)
    photo = models.ImageField(_("photo"), upload_to=photo_path, storage=photo_storage, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    public_reply = models.TextField(
        _("public reply"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Shown on the status page to anyone who has the reference: write no names, "
            "phone numbers or addresses."
        ),
    )

    class Meta:
        verbose_name = _("complaint or question")
        verbose_name_plural = _("complaints and questions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}: {self.message[:40]}"

    @property
    def reference_for_reading(self):
        return f"{self.reference[:5]}-{self.reference[5:]}"


class ComplaintPage(LanguageRoutesMixin, SectionPage):
    """Pengaduan: a form villagers use to send a complaint or a question to the office, and
    where they follow it with the reference they were given."""

    class Meta:
        verbose_name = _("complaint form page")

    @path("")
    def form(self, request):
        from ..complaints import ComplaintForm, RateLimit

        form = ComplaintForm(request.POST or None, request.FILES or None)
        status = 200
        if request.method == "POST":
            limit = RateLimit(request, self)
            if form.is_from_a_robot():
                # Thanked like anyone else, so that it does not try again; nothing is kept.
                return self.thank(request, reference="")
            if limit.exceeded():
                form.add_error(None, limit.message())
                status = 429
            elif form.is_valid():
                limit.count()
                form.instance.village = request.village
                return self.thank(request, reference=form.save().reference)
        response = self.render(request, context_overrides={"form": form})
        response.status_code = status
        return response

    def thank(self, request, reference):
        request.session[SENT_SESSION_KEY] = reference
        return redirect(self.get_url(request) + self.reverse_subpage("sent"))

    @path("terkirim/", name="sent")
    @path("sent/", name="sent_en")
    def sent(self, request):
        """What this browser just sent; nobody else reaches it, whatever the address says."""
        reference = request.session.get(SENT_SESSION_KEY)
        if reference is None:
            return redirect(self.get_url(request))
        sent = self.complaints(request).filter(reference=reference).first()
        return self.private(
            self.render(
                request,
                context_overrides={"complaint": sent},
                template="village_pages/complaint_sent.html",
            )
        )

    @path("status/", name="status_lookup")
    def status_lookup(self, request):
        typed = request.GET.get("ref", "")
        reference = typed_reference(typed)
        if reference:
            return redirect(
                self.get_url(request) + self.reverse_subpage("status", args=[reference])
            )
        return self.status_page(request, typed=typed, status=404 if typed.strip() else 200)

    @path("status/<str:reference>/", name="status")
    def status(self, request, reference):
        complaint = self.complaints(request).filter(reference=typed_reference(reference)).first()
        if complaint is None:
            return self.status_page(request, typed=reference, status=404)
        return self.status_page(request, complaint=complaint)

    def status_page(self, request, *, complaint=None, typed="", status=200):
        response = self.render(
            request,
            context_overrides={"complaint": complaint, "typed": typed.strip()[:30]},
            template="village_pages/complaint_status.html",
        )
        response.status_code = status
        return self.private(response)

    def complaints(self, request):
        """The complaints sent to the village whose site this is, and no other's."""
        village = getattr(request, "village", None)
        return Complaint.objects.filter(village=village) if village else Complaint.objects.none()

    @staticmethod
    def private(response):
        # Only whoever holds the reference (or sent the message) may see it: no shared caches.
        add_never_cache_headers(response)
        return response
