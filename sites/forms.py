from django import forms
from django.utils.translation import gettext_lazy as _

from .generator import (
    ProvisioningError,
    change_address,
    check_address,
    check_new_village,
    provision_village,
)
from .models import Village


class VillageCreateForm(forms.ModelForm):
    """Creates a village from its register code; the generator does the rest."""

    code = forms.CharField(
        label=_("Kemendagri code"), help_text=_("For example 18.01.04.2001 or 1801042001.")
    )
    slug = forms.CharField(
        label=_("Subdomain"),
        required=False,
        help_text=_("Leave empty to use the address Balai derives from the register."),
    )
    domain = forms.CharField(label=_("Own domain"), required=False)

    class Meta:
        model = Village
        fields = []

    def _post_clean(self):
        # There is no instance to validate yet: check_new_village checks what the generator needs.
        pass

    def clean(self):
        cleaned = super().clean()
        if "code" in cleaned:
            try:
                check_new_village(cleaned["code"], cleaned.get("slug"), cleaned.get("domain"))
            except ProvisioningError as error:
                raise forms.ValidationError(str(error)) from None
        return cleaned

    def save(self, commit=True):
        data = self.cleaned_data
        self.instance = provision_village(data["code"], slug=data["slug"], domain=data["domain"])
        return self.instance


class VillageAddressForm(forms.ModelForm):
    """Changes where a village's site answers: its subdomain and its own domain."""

    class Meta:
        model = Village
        fields = ["slug", "domain"]

    def validate_unique(self):
        # check_address checks uniqueness across villages and sites alike.
        pass

    def clean(self):
        cleaned = super().clean()
        if "slug" in cleaned:
            try:
                check_address(cleaned["slug"], cleaned.get("domain"), self.instance)
            except ProvisioningError as error:
                raise forms.ValidationError(str(error)) from None
        return cleaned

    def save(self, commit=True):
        return change_address(self.instance, self.cleaned_data["slug"], self.cleaned_data["domain"])
