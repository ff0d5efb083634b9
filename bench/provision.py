"""Does provisioning a village stay as fast with 2,000 villages as with none, and does
English cost little on top of Indonesian?

Worker processes, each with its own throwaway SQLite database, provision Lampung's villages
(province 18) the way `import_villages` does, in Indonesian and English. One fills its
database to 2,000 villages; then others provision the same next 400 villages (2,001 to 2,400
in register order), timed side by side, ten at a time in turns: the same villages after
2,000, in an empty install, and in an empty install in Indonesian only (BALAI_LANGUAGES=id).
The same villages make the same pages, and taking turns means all see the same load on this
shared machine; forty turns even out the bursts another process's work causes in one
worker's turn. Each empty install is provisioned by three workers, as one process can be a
few percent luckier than another in how its memory is laid out, for all of its turns. The
ratios are of processor time, which waiting for a busy machine does not inflate (SQLite
works inside the worker, so its work counts); wall-clock ratios are printed beside them.
The full one then imports the rest of the province, and its total is reported.

    .venv/bin/python bench/provision.py [--quick]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
LAMPUNG = "18"
TURN = 10  # villages per turn
COPIES = 3  # workers per empty install, each with its own luck in memory layout
RATIO_TARGET = 1.2
ENGLISH_TARGET = 1.1
PROVINCE_TARGET_SECONDS = 180


class Worker:
    """A process that provisions the next villages of the province when asked."""

    def __init__(self, database, skip=0, languages="id,en"):
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{database}",
            "BALAI_LANGUAGES": languages,
            # As in production: with DEBUG on, every query is also logged, and once the log is
            # full each one raises a warning, which would slow the full install only.
            "DEBUG": "false",
            # One hash seed for every worker, so none is luckier in its dictionaries' layout.
            "PYTHONHASHSEED": "0",
        }
        self.process = subprocess.Popen(  # noqa: S603 (this same script, as a worker)
            [sys.executable, __file__, "--worker", str(skip)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.read()  # ready: migrated and warmed up

    def provision(self, count):
        """Seconds (wall clock, processor) the worker spent provisioning its next `count`
        villages."""
        self.process.stdin.write(f"{count}\n")
        self.process.stdin.flush()
        return self.read()

    def read(self):
        return Seconds(*map(float, self.process.stdout.readline().split()))

    def stop(self):
        self.process.stdin.close()
        self.process.wait()


def work(skip):
    """The worker's side: migrate, then provision villages as the parent asks."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "balai.settings.dev"
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from sites import generator, register

    codes = iter(register.village_codes_in(LAMPUNG)[skip:])
    register.national_slugs()  # cached after a slow first call, which must not be timed
    generator.ensure_portal()  # once per install, not part of any village's cost
    print(0.0, 0.0, flush=True)
    for line in sys.stdin:
        started, processor = time.perf_counter(), time.process_time()
        for _ in range(int(line)):
            code = next(codes, None)
            if code:
                generator.provision_village(code)
        print(time.perf_counter() - started, time.process_time() - processor, flush=True)


class Seconds(NamedTuple):
    wall: float
    processor: float

    def __add__(self, other):
        return Seconds(self.wall + other.wall, self.processor + other.processor)


NONE = Seconds(0.0, 0.0)


def run(timed, existing, whole_province):
    with tempfile.TemporaryDirectory(prefix="balai-bench-") as folder:
        full = Worker(Path(folder) / "full.sqlite3")
        seconds = NONE
        for done in range(0, existing, 500):
            seconds += full.provision(min(500, existing - done))
            print(f"  {min(done + 500, existing):,} villages in {seconds.wall:.0f} s", flush=True)
        empties = [
            Worker(Path(folder) / f"empty-{copy}.sqlite3", skip=existing) for copy in range(COPIES)
        ]
        indonesians = [
            Worker(Path(folder) / f"indonesian-{copy}.sqlite3", skip=existing, languages="id")
            for copy in range(COPIES)
        ]
        first = later = alone = NONE
        for _ in range(timed // TURN):
            later += full.provision(TURN)
            for empty, indonesian in zip(empties, indonesians, strict=True):
                first += empty.provision(TURN)
                alone += indonesian.provision(TURN)
        seconds += later
        for worker in empties + indonesians:
            worker.stop()
        # Per village: each empty install's copies provisioned the same villages.
        first, alone = (Seconds(s.wall / COPIES, s.processor / COPIES) for s in (first, alone))
        for label, measured in (
            (f"first {timed} villages, Indonesian only", alone),
            (f"first {timed} villages", first),
            (f"{timed} villages after {existing:,}", later),
        ):
            print(
                f"{label}: {measured.processor * 1000 / timed:.1f} ms/village of processor time "
                f"({measured.wall * 1000 / timed:.1f} ms wall clock)"
            )
        print(
            f"English on top of Indonesian: {first.processor / alone.processor:.2f} "
            f"(target <= {ENGLISH_TARGET}; wall clock {first.wall / alone.wall:.2f})"
        )
        print(
            f"ratio: {later.processor / first.processor:.2f} (target <= {RATIO_TARGET}; "
            f"wall clock {later.wall / first.wall:.2f}), measured in turns"
        )
        if whole_province:
            seconds += full.provision(10_000)
            target = PROVINCE_TARGET_SECONDS
            print(f"all 2,651 Lampung villages: {seconds.wall:.0f} s (target < {target} s)")
        full.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        work(args.worker)
    elif args.quick:
        run(timed=20, existing=200, whole_province=False)
    else:
        run(timed=400, existing=2000, whole_province=True)


if __name__ == "__main__":
    main()
