"""Uploaded photos are made fit for the web before they are stored."""

import io

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageOps

# Larger than any screen Balai serves: a phone photo of 4000 px is cut to this.
MAX_EDGE = 2400
JPEG_QUALITY = 85


def shrink_large_photo(image):
    """Resize a new upload whose longer edge is over MAX_EDGE, keeping its format."""
    upload = image.file
    if not upload or getattr(upload, "_committed", True):
        return
    upload.seek(0)
    with PILImage.open(upload) as photo:
        if max(photo.size) <= MAX_EDGE or getattr(photo, "is_animated", False):
            upload.seek(0)
            return
        kind = photo.format
        photo = ImageOps.exif_transpose(photo)
        photo.thumbnail((MAX_EDGE, MAX_EDGE))
        if kind == "JPEG" and photo.mode not in ("RGB", "L"):
            photo = photo.convert("RGB")
        buffer = io.BytesIO()
        photo.save(buffer, format=kind, quality=JPEG_QUALITY, optimize=True)
    image.file = ContentFile(buffer.getvalue(), name=upload.name)
    image.width, image.height = photo.size
    image._set_image_file_metadata()
