from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from lokal import normalize_phone


def validate_phone(value):
    if value and normalize_phone(value) is None:
        raise ValidationError(
            _("%(value)s is not a valid Indonesian phone number, e.g. 0812-3456-7890."),
            params={"value": value},
            code="invalid_phone",
        )
