from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from lokal import normalize_phone, parse_phone


def validate_phone(value):
    if value and normalize_phone(value) is None:
        raise ValidationError(
            _("%(value)s is not a valid Indonesian phone number, e.g. 0812-3456-7890."),
            params={"value": value},
            code="invalid_phone",
        )


def stored_phone(value):
    """The one form Balai stores a valid number in (+62...), whatever was typed."""
    return (normalize_phone(value) or value) if value else value


def whatsapp_id(value):
    """The number as wa.me wants it (628...), or "" when there is none."""
    return parse_phone(value).whatsapp if value else ""
