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
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        template = "components/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document.html"


class ArticleBlock(blocks.StreamBlock):
    """The body of a news article or a page of text."""

    paragraph = ParagraphBlock(label=_("Paragraph"), features=TEXT_FEATURES)
    heading = blocks.CharBlock(
        label=_("Heading"), icon="title", template="components/blocks/heading.html"
    )
    image = CaptionedImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    table = TableBlock(label=_("Table"))
    video = EmbedBlock(label=_("Video"), help_text=_("A YouTube or Vimeo address."))
    document = DocumentBlock(label=_("Document to download"))


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"))
    role = blocks.CharBlock(label=_("Role"), required=False)

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

    kind = blocks.ChoiceBlock(label=_("Kind"), choices=KINDS)
    name = blocks.CharBlock(label=_("Name"))
    description = blocks.TextBlock(label=_("What it does"), required=False)
    people = blocks.ListBlock(PersonBlock(), label=_("People"))

    class Meta:
        icon = "group"
        template = "components/blocks/institution.html"
