"""Does provisioning a village stay as fast with 2,000 villages as with none?

Imports Lampung (province 18) into a throwaway SQLite database the way `import_villages`
does, times the first 100 villages against 100 more after 2,000 exist, side by side in one
run, then imports the rest of the province and reports the total.

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
PROGRESS_EVERY = 500
RATIO_TARGET = 1.2
PROVINCE_TARGET_SECONDS = 180


@dataclass(frozen=True)
class Plan:
    timed: int  # villages in each timed group
    existing: int  # villages that exist before the later timed group
    whole_province: bool


FULL = Plan(timed=100, existing=2000, whole_province=True)
QUICK = Plan(timed=20, existing=200, whole_province=False)


class ProvinceImport:
    """Provisions the province's villages in register order and adds up the time spent."""

    def __init__(self, codes):
        self.codes = codes
        self.done = 0
        self.seconds = 0.0

    def provision(self, count):
        """Provision the next `count` villages; returns milliseconds per village."""
        from sites.generator import provision_village

        codes = self.codes[self.done : self.done + count]
        started = time.perf_counter()
        for code in codes:
            provision_village(code)
            self.done += 1
            if self.done % PROGRESS_EVERY == 0:
                so_far = self.seconds + time.perf_counter() - started
                print(f"  {self.done:,} villages in {so_far:.0f} s", flush=True)
        elapsed = time.perf_counter() - started
        self.seconds += elapsed
        return elapsed * 1000 / max(len(codes), 1)


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
    started = time.perf_counter()
    generator.ensure_portal()  # once per install, not part of any village's cost
    province.seconds += time.perf_counter() - started
    first = province.provision(plan.timed)
    print(f"Filling to {plan.existing:,} villages...", flush=True)
    province.provision(plan.existing - province.done)
    later = province.provision(plan.timed)
    print(f"first {plan.timed} villages: {first:.1f} ms/village")
    print(f"{plan.timed} villages after {plan.existing:,}: {later:.1f} ms/village")
    print(f"ratio: {later / first:.2f} (target <= {RATIO_TARGET})")
    if plan.whole_province:
        province.provision(len(codes) - province.done)
        print(
            f"all {province.done:,} Lampung villages: {province.seconds:.0f} s "
            f"(target < {PROVINCE_TARGET_SECONDS} s)"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    plan = QUICK if parser.parse_args().quick else FULL
    with tempfile.TemporaryDirectory(prefix="balai-bench-") as folder:
        set_up_database(Path(folder) / "bench.sqlite3")
        run(plan)


if __name__ == "__main__":
    main()
