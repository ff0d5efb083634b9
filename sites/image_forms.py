from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """Every photo needs a description: it is the text people who cannot see it hear."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].required = True
            self.fields["description"].help_text = _(
                "Say what the photo shows, for people who cannot see it, e.g. "
                "“Warga bergotong royong membersihkan saluran irigasi”."
            )
