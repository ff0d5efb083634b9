"""Simple generated photos for the demo villages, so pages show real responsive images."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model


def landscape(seed, title, size=(1600, 900)):
    """A field-and-sky picture with a caption, different for each seed."""
    rng = random.Random(seed)  # noqa: S311 (pictures, not secrets)
    width, height = size
    sky = (rng.randint(90, 150), rng.randint(150, 200), rng.randint(200, 240))
    field = (rng.randint(40, 90), rng.randint(120, 170), rng.randint(40, 80))
    picture = Image.new("RGB", size, sky)
    draw = ImageDraw.Draw(picture)
    horizon = int(height * rng.uniform(0.45, 0.6))
    for hill in range(4):
        x = rng.randint(-200, width)
        draw.ellipse([x, horizon - 120 - hill * 30, x + 900, horizon + 300], fill=field)
    draw.rectangle([0, horizon, width, height], fill=field)
    sun = rng.randint(100, width - 200)
    draw.ellipse([sun, 80, sun + 140, 220], fill=(250, 220, 120))
    font = ImageFont.load_default(size=64)
    draw.text((60, height - 140), title, fill="white", font=font)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    return buffer


def demo_image(collection, title, seed):
    Image_ = get_image_model()
    existing = Image_.objects.filter(collection=collection, title=title).first()
    if existing:
        return existing
    image = Image_(title=title, collection=collection)
    image.file = ImageFile(landscape(seed, title), name=f"demo-{seed}.jpg")
    image.save()
    return image
