"""The complaint form: what a villager may send, and how often."""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from PIL import Image

from sites.validators import validate_phone

from .models import Complaint

MAX_PHOTO_BYTES = 5 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
SUBMISSIONS_PER_WINDOW = 3
WINDOW_SECONDS = 10 * 60


class ComplaintForm(forms.ModelForm):
    # Hidden from people; robots fill in every field they find.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    # A plain file field, so that clean_photo gives the one message that names the formats.
    photo = forms.FileField(
        label=_("photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = Complaint
        fields = ["name", "phone", "email", "message", "photo"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"phone": _("Phone or WhatsApp, so the office can answer you.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].validators.append(validate_phone)
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def is_from_a_robot(self):
        return bool(self.data.get("website"))

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo:
            return photo
        if photo.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(
                _("The photo is too large (%(size)s MB). Send a photo of at most 5 MB.")
                % {"size": round(photo.size / 1024 / 1024, 1)}
            )
        photo.seek(0)
        try:
            with Image.open(photo) as image:
                kind = image.format
        except Exception:  # noqa: BLE001 (Pillow raises many kinds for a file that is no image)
            kind = None
        if kind not in PHOTO_FORMATS:
            raise forms.ValidationError(_("Send a photo in JPEG, PNG or WebP format."))
        photo.seek(0)
        return photo

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email") and not self.has_error("phone"):
            raise forms.ValidationError(
                _("Give a phone number or an email address so the office can answer you.")
            )
        return cleaned


def client_address(request):
    """The visitor's address; behind BALAI_PROXY_COUNT proxies, the one the first proxy saw."""
    hops = settings.BALAI_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if hops and len(forwarded) >= hops and forwarded[-hops]:
        return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


class RateLimit:
    """At most a few messages from one client to one village in ten minutes."""

    def __init__(self, request, page):
        self.key = f"balai:complaints:{page.pk}:{client_address(request)}"

    def exceeded(self):
        return cache.get(self.key, 0) >= SUBMISSIONS_PER_WINDOW

    def count(self):
        if cache.add(self.key, 1, WINDOW_SECONDS):
            return
        try:
            cache.incr(self.key)
        except ValueError:
            cache.add(self.key, 1, WINDOW_SECONDS)

    def message(self):
        return _(
            "You have sent several messages in a short time. Please wait ten minutes and "
            "send again; what you wrote is still here."
        )
