"""Does provisioning a village stay as fast with 2,000 villages as with none?

Imports Lampung (province 18) into a throwaway SQLite database the way `import_villages`
does, in batches of 200 inside `bulk.provisioning()`, and times the first villages against
the same number after 2,000. A few villages after each timed group are provisioned one call
at a time, outside a batch, to show what a single `provision_village` costs.

    .venv/bin/python bench/provision.py [--quick]
"""

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LAMPUNG = "18"
BATCH = 200  # as in the import_villages command
PROGRESS_EVERY = 500
RATIO_TARGET = 1.2
PROVINCE_TARGET_SECONDS = 180


@dataclass(frozen=True)
class Plan:
    timed: int  # villages in each timed group
    existing: int  # villages that exist before the later timed group
    single: int  # villages provisioned one call at a time after each timed group
    whole_province: bool


FULL = Plan(timed=100, existing=2000, single=20, whole_province=True)
QUICK = Plan(timed=20, existing=200, single=5, whole_province=False)


class ProvinceImport:
    """Provisions the province's villages in register order and adds up the time spent."""

    def __init__(self, codes):
        self.codes = codes
        self.done = 0
        self.seconds = 0.0  # finished phases
        self.phase_started = None

    def batched(self, count):
        """Provision the next `count` villages in import-command batches; ms per village."""
        from sites import bulk

        codes = self._next(count)
        self.phase_started = time.perf_counter()
        for start in range(0, len(codes), BATCH):
            with bulk.provisioning():
                for code in codes[start : start + BATCH]:
                    self._provision(code)
        return self._record(len(codes))

    def single_calls(self, count):
        """Provision the next `count` villages with one plain call each; ms per village."""
        codes = self._next(count)
        self.phase_started = time.perf_counter()
        for code in codes:
            self._provision(code)
        return self._record(len(codes))

    def timed_setup(self, setup):
        started = time.perf_counter()
        setup()
        self.seconds += time.perf_counter() - started

    def _next(self, count):
        return self.codes[self.done : self.done + count]

    def _provision(self, code):
        from sites.generator import provision_village

        provision_village(code)
        self.done += 1
        if self.done % PROGRESS_EVERY == 0:
            so_far = self.seconds + time.perf_counter() - self.phase_started
            print(f"  {self.done:,} villages in {so_far:.0f} s", flush=True)

    def _record(self, count):
        elapsed = time.perf_counter() - self.phase_started
        self.seconds += elapsed
        return elapsed * 1000 / count


def set_up_database(path):
    os.environ["DJANGO_SETTINGS_MODULE"] = "balai.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def run(plan):
    from sites import generator, register

    codes = register.village_codes_in(LAMPUNG)
    register.national_slugs()  # cached after a slow first call, which must not be timed
    province = ProvinceImport(codes)
    # The portal is created once per install; keep it out of the first group's per-village time.
    province.timed_setup(generator.ensure_portal)
    results = {"first": province.batched(plan.timed)}
    results["first single"] = province.single_calls(plan.single)
    print(f"Filling to {plan.existing:,} villages...", flush=True)
    province.batched(plan.existing - province.done)
    results["later"] = province.batched(plan.timed)
    results["later single"] = province.single_calls(plan.single)
    if plan.whole_province:
        print(f"Importing the rest of the {len(codes):,} villages...", flush=True)
        province.batched(len(codes) - province.done)
        results["province seconds"] = province.seconds
        results["province villages"] = province.done
    return results


def print_summary(plan, results):
    ratio = results["later"] / results["first"]
    single_ratio = results["later single"] / results["first single"]
    print()
    print(f"first {plan.timed} villages: {results['first']:.1f} ms/village")
    print(f"{plan.timed} villages after {plan.existing:,}: {results['later']:.1f} ms/village")
    print(f"ratio: {ratio:.2f} (target <= {RATIO_TARGET})")
    print(
        f"single calls, outside a batch ({plan.single} villages each): "
        f"{results['first single']:.1f} ms/village first, "
        f"{results['later single']:.1f} ms/village after {plan.existing + plan.timed:,} "
        f"(ratio {single_ratio:.2f})"
    )
    if plan.whole_province:
        print(
            f"all {results['province villages']:,} Lampung villages: "
            f"{results['province seconds']:.0f} s (target < {PROVINCE_TARGET_SECONDS} s)"
        )


def remove_database(path):
    from django.db import connections

    connections.close_all()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small run for CI smoke tests")
    plan = QUICK if parser.parse_args().quick else FULL
    handle, path = tempfile.mkstemp(prefix="balai-bench-", suffix=".sqlite3")
    os.close(handle)
    try:
        set_up_database(path)
        results = run(plan)
    finally:
        remove_database(path)
    print_summary(plan, results)


if __name__ == "__main__":
    main()
