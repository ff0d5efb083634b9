import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sites import importer, register
from sites.statistics import filled_by_provisioning, refresh_statistics


class Command(BaseCommand):
    help = "Create the websites of every village in a region of the register, or in a CSV file."

    def add_arguments(self, parser):
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--province", help="Province code, e.g. 18 (Lampung)")
        scope.add_argument("--regency", help="Regency code, e.g. 18.01")
        scope.add_argument("--district", help="District code, e.g. 18.01.04")
        scope.add_argument("--csv", help="File of code[,slug][,domain] rows")
        parser.add_argument("--limit", type=int, help="Import at most this many villages")

    def handle(
        self, *args, province=None, regency=None, district=None, csv=None, limit=None, **options
    ):
        rows = self.read_rows(province or regency or district, csv, limit)
        started = time.monotonic()
        created = existing = 0
        failures = []
        progress = Progress(self.stdout, len(rows))
        for row in rows:
            outcome = importer.import_row(row)
            if outcome == importer.CREATED:
                created += 1
            elif outcome == importer.EXISTING:
                existing += 1
            else:
                failures.append(f"{row.label}: {outcome}")
            progress.step(created, existing, len(failures))
        progress.done()
        if created:
            refresh_statistics(filled_by_provisioning())
        for failure in failures:
            self.stderr.write(_("Failed %(row)s") % {"row": failure})
        summary = _(
            "Created %(created)d, already there %(existing)d, failed %(failed)d "
            "(%(total)d villages in %(seconds).0f s)."
        ) % {
            "created": created,
            "existing": existing,
            "failed": len(failures),
            "total": len(rows),
            "seconds": time.monotonic() - started,
        }
        if failures:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def read_rows(self, scope, csv_path, limit):
        if csv_path:
            try:
                with open(csv_path, newline="", encoding="utf-8-sig") as lines:
                    return importer.rows_from_csv(lines)[:limit]
            except OSError as error:
                raise CommandError(
                    _("Cannot read %(path)s: %(reason)s.")
                    % {"path": csv_path, "reason": error.strerror}
                ) from None
        try:
            return importer.rows_from_register(scope, limit)
        except register.UnknownCode:
            raise CommandError(
                _("%(code)s is not a region code in the Kemendagri register.") % {"code": scope}
            ) from None


class Progress:
    """A progress bar on a terminal; a line every 100 villages in a log."""

    WIDTH = 30

    def __init__(self, out, total):
        self.out, self.total, self.count = out, total, 0
        self.tty = out.isatty() if hasattr(out, "isatty") else sys.stdout.isatty()

    def step(self, created, existing, failed):
        self.count += 1
        if not self.tty and self.count % 100 and self.count != self.total:
            return
        filled = self.WIDTH * self.count // max(self.total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = f"[{bar}] {self.count}/{self.total}  " + _(
            "created %(created)d, already there %(existing)d, failed %(failed)d"
        ) % {"created": created, "existing": existing, "failed": failed}
        self.out.write(f"\r{line}" if self.tty else line, ending="" if self.tty else "\n")
        self.out.flush()

    def done(self):
        if self.tty and self.count:
            self.out.write("")
