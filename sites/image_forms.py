import struct

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class WholeImageField(WagtailImageField):
    """Wagtail's image field, refusing a photo it cannot read to its end with a message.

    Wagtail reads the start of a file to know its format: a photo cut off on a slow connection
    passed, and answered a server error once Wagtail measured it or drew it.
    """

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
            f.seek(0)
            with PILImage.open(f) as picture:
                picture.load()
        except UnidentifiedImageError:
            pass  # a format Wagtail reads without Pillow's help; its reading above held
        except (OSError, SyntaxError, ValueError, struct.error, PILImage.DecompressionBombError):
            raise ValidationError(
                _("This image is damaged or incomplete: upload it again."), code="damaged"
            ) from None
        finally:
            f.seek(0)


class ImageForm(BaseImageForm):
    """Every photo needs a description: it is the text people who cannot see it hear."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.fields.get("file"), WagtailImageField):
            # Wagtail makes the field with the label and limits of its image model; a form's
            # fields are its own copies, so this one becomes the stricter kind in place.
            self.fields["file"].__class__ = WholeImageField
        if "description" in self.fields:
            self.fields["description"].required = True
            self.fields["description"].help_text = _(
                "Say what the photo shows, for people who cannot see it, e.g. "
                "“Warga bergotong royong membersihkan saluran irigasi”."
            )
