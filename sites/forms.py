import csv
import dataclasses
import io

from django import forms
from django.utils.translation import gettext_lazy as _

from . import importer, register
from .generator import (
    ProvisioningError,
    change_address,
    check_address,
    check_new_village,
    provision_village,
)
from .models import Village, VillageExport, VillageImport
from .staff import find_village


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


class VillageImportForm(forms.ModelForm):
    """The villages of a register region, or of a CSV file, for the worker to make."""

    region = forms.CharField(
        label=_("Region code"),
        required=False,
        help_text=_("A province, regency or district, for example 18 (Lampung) or 18.01.04."),
    )
    csv_file = forms.FileField(
        label=_("Or a CSV file"),
        required=False,
        help_text=_("One village a line: code, and optionally subdomain and own domain."),
    )
    limit = forms.IntegerField(
        label=_("At most"), required=False, min_value=1, help_text=_("Villages to make.")
    )

    class Meta:
        model = VillageImport
        fields = []

    def clean(self):
        region, csv_file = self.cleaned_data.get("region"), self.cleaned_data.get("csv_file")
        limit = self.cleaned_data.get("limit")
        if bool(region) == bool(csv_file):
            raise forms.ValidationError(_("Give a region code or a CSV file, one of the two."))
        if region:
            try:
                rows = importer.rows_from_register(region, limit)
            except register.UnknownCode:
                self.add_error(
                    "region",
                    _("%(code)s is not a region code in the Kemendagri register.")
                    % {"code": region},
                )
                return
            self.instance.source = register.normalize_code(region)
        else:
            try:
                lines = io.TextIOWrapper(csv_file, encoding="utf-8-sig", newline="")
                rows = importer.rows_from_csv(lines)[:limit]
            except (UnicodeDecodeError, csv.Error):
                self.add_error("csv_file", _("The file is not text in UTF-8; save it as CSV."))
                return
            self.instance.source = csv_file.name
        if not rows:
            raise forms.ValidationError(_("There is no village to make there."))
        self.instance.rows = [dataclasses.astuple(row) for row in rows]
        self.instance.total = len(rows)


class VillageExportForm(forms.ModelForm):
    village_code = forms.CharField(
        label=_("Village"), help_text=_("Its subdomain or Kemendagri code, such as hajimena.")
    )

    class Meta:
        model = VillageExport
        fields = []

    def clean_village_code(self):
        village = find_village(self.cleaned_data["village_code"])
        if village is None:
            raise forms.ValidationError(_("No village has this subdomain or code."))
        self.instance.village, self.instance.village_name = village, village.name
        return village.code
