"""The villages an operator asks to import, from a register scope or a CSV file, and making
each of them."""

import csv
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import register
from .generator import ProvisioningError, VillageExists, provision_village

CREATED, EXISTING = "created", "existing"


@dataclass
class Row:
    line: int | None  # the CSV line, None for villages taken from the register
    code: str
    slug: str | None = None
    domain: str | None = None
    error: str = ""  # set when the row cannot be read at all

    @property
    def label(self):
        if self.line:
            label = _("line %(line)d") % {"line": self.line}
            return f"{label} ({self.code})" if self.code else label
        return self.code


def rows_from_register(scope, limit=None):
    codes = register.village_codes_in(scope)
    return [Row(None, code) for code in codes[:limit]]


def rows_from_csv(lines):
    """Rows of `code[,slug][,domain]`; blank lines, # comments and a header row are skipped."""
    rows = []
    for line_number, cells in enumerate(csv.reader(lines), start=1):
        cells = [cell.strip() for cell in cells]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if line_number == 1 and cells[0].lower() == "code":
            continue
        if len(cells) > 3:
            error = _("expected code[,slug][,domain], got %(count)d columns") % {
                "count": len(cells)
            }
            rows.append(Row(line_number, cells[0], error=error))
        elif not cells[0]:
            rows.append(Row(line_number, "", error=_("the village code is missing")))
        else:
            cells += [""] * (3 - len(cells))
            rows.append(Row(line_number, cells[0], cells[1] or None, cells[2] or None))
    return rows


def import_row(row):
    """CREATED, EXISTING, or why the village could not be made (nothing of it is kept then)."""
    if row.error:
        return row.error
    try:
        provision_village(row.code, slug=row.slug, domain=row.domain)
    except VillageExists:
        return EXISTING
    except ProvisioningError as error:
        return str(error)
    return CREATED
