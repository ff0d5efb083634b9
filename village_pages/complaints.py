"""The complaint form: what a villager may send, and how often."""

import io

from django import forms
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from sites.clients import Throttle, client_address
from sites.validators import validate_phone

from .models import Complaint

MAX_PHOTO_BYTES = 5 * 1024 * 1024
PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PHOTO_PIXELS = 40_000_000  # a 5 MB file may unpack to gigabytes; a phone's photo is < 40 MP
PHOTO_LONGEST_SIDE = 2048  # enough for staff to see what is wrong
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
        """The photo written anew in its own format: nothing but its pixels is kept (no
        location from the camera, nothing hidden after the image), and its file is named from
        what it is, not from what it was called."""
        photo = self.cleaned_data.get("photo")
        if not photo:
            return photo
        if photo.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(
                _("The photo is too large (%(size)s MB). Send a photo of at most 5 MB.")
                % {"size": round(photo.size / 1024 / 1024, 1)}
            )
        try:
            return rewritten(photo)
        except Exception as error:  # noqa: BLE001 (Pillow raises many kinds for a file that is no image)
            raise forms.ValidationError(_("Send a photo in JPEG, PNG or WebP format.")) from error

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email") and not self.has_error("phone"):
            raise forms.ValidationError(
                _("Give a phone number or an email address so the office can answer you.")
            )
        return cleaned


def rewritten(upload):
    """`upload`, an image in one of PHOTO_FORMATS, written again in that format."""
    upload.seek(0)
    with Image.open(upload) as image:
        kind = image.format
        if kind not in PHOTO_FORMATS or image.width * image.height > MAX_PHOTO_PIXELS:
            raise ValueError(f"not a photo Balai keeps: {kind}, {image.size}")
        picture = ImageOps.exif_transpose(image)  # upright, as the phone showed it
        picture.thumbnail((PHOTO_LONGEST_SIDE, PHOTO_LONGEST_SIDE))
        if kind == "JPEG" and picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        written = io.BytesIO()
        picture.save(written, kind)
    return ContentFile(written.getvalue(), name=f"foto.{PHOTO_FORMATS[kind]}")


class RateLimit(Throttle):
    """At most a few messages from one client to one village in ten minutes."""

    limit, seconds = SUBMISSIONS_PER_WINDOW, WINDOW_SECONDS

    def __init__(self, request, page):
        super().__init__(f"balai:complaints:{page.pk}:{client_address(request)}")

    def message(self):
        return _(
            "You have sent several messages in a short time. Please wait ten minutes and "
            "send again; what you wrote is still here."
        )
