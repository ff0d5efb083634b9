from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from sites.rich_text import clean_html

# What a village secretary may format: enough for an article. Output is cleaned again on the
# way out (sites.rich_text), whatever road the text came in by.
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    def render_basic(self, value, context=None):
        return clean_html(super().render_basic(value, context))


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        template = "components/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("who said it"), required=False)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(label=_("link text"), required=False)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document.html"


class ArticleBlock(blocks.StreamBlock):
    """The body of a news article or a page of text."""

    paragraph = ParagraphBlock(label=_("paragraph"), features=TEXT_FEATURES)
    heading = blocks.CharBlock(
        label=_("heading"), icon="title", template="components/blocks/heading.html"
    )
    image = CaptionedImageBlock(label=_("image"))
    quote = QuoteBlock(label=_("quote"))
    table = TableBlock(label=_("table"))
    video = EmbedBlock(label=_("video"), help_text=_("A YouTube or Vimeo address."))
    document = DocumentBlock(label=_("document to download"))


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"))
    role = blocks.CharBlock(label=_("role"), required=False)

    class Meta:
        icon = "user"


class InstitutionBlock(blocks.StructBlock):
    """BPD, LPM, PKK, Karang Taruna, BUMDes and the like, with their people."""

    KINDS = [
        ("bpd", "BPD"),
        ("lpm", "LPM"),
        ("pkk", "PKK"),
        ("karang_taruna", "Karang Taruna"),
        ("bumdes", "BUMDes"),
        ("posyandu", "Posyandu"),
        ("other", _("Other")),
    ]

    kind = blocks.ChoiceBlock(label=_("kind"), choices=KINDS)
    name = blocks.CharBlock(label=_("name"))
    description = blocks.TextBlock(label=_("what it does"), required=False)
    people = blocks.ListBlock(PersonBlock(), label=_("people"))

    class Meta:
        icon = "group"
        template = "components/blocks/institution.html"
