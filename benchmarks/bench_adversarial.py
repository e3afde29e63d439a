"""Time and peak memory of every scanner on every adversarial input, at 1 MB and 10 MB.

Run: ``python -m benchmarks.bench_adversarial`` (every input, every scanner, 1 and 10 MB: long),
or narrow it: ``--sizes 1``, ``--scanners extract,find_money``, ``--inputs digits,pipes``.
Prints one line per input, size and scanner: CPU seconds on one core (``time.process_time``, so
other processes on the machine do not count), wall seconds, peak memory above the warmed-up
process (``ru_maxrss``), the mentions found, and whether the scan was complete. Each measurement
runs in a fresh process, so peak memory is that scan's own. Asserts nothing about time:
tests/test_linear_cost.py proves every scan linear by counting its work.

The inputs are built by ``tests/adversarial`` (long runs of one token, deep brackets, dense
amounts, table rows, zero-width joiners and combining accents between digits, prose
percentages): see that package for what each one aims at.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

from tests.adversarial import CASES, MB

from ._harness import REPO

SIZES_MB = (1, 10)
SCANNERS = (
    "extract",
    "find_money",
    "find_percentages",
    "find_dates",
    "find_periods",
    "find_tables",
    "recognize_entities",
    "find_abbreviations",
    "find_boilerplate",
)

# Runs in the child: warm up, build the input, measure one scan.
_CHILD = """
import json, resource, sys, time
from tests.adversarial import build
from tests.adversarial.checks import SCANNERS
name, size, scanner = sys.argv[1], int(sys.argv[2]), sys.argv[3]
scan = SCANNERS[scanner]
scan("HK$1 (ITF) 42% 2024-25 forty per cent\\n| a |\\n|---|\\n| 1 |")
text = build(name, size)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
cpu, wall = time.process_time(), time.perf_counter()
found = scan(text)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
if hasattr(found, "unparsed"):
    count = len(found.money) + len(found.percentages) + len(found.dates) + len(found.unparsed)
    complete = not found.warnings
elif isinstance(found, tuple):
    count = sum(len(e.mentions) for part in found for e in part)
    complete = True
else:
    count = len(found)
    complete = getattr(found, "complete", True)
print(json.dumps({"cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
                  "peak_mb": round(peak / 1024, 1), "count": count, "complete": complete}))
"""


def measure(name: str, size: int, scanner: str) -> dict[str, object]:
    """One scan of one input in a fresh process: its figures."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, name, str(size), scanner],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{scanner} on {name} at {size} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return {"input": name, "MB": size // MB, "scanner": scanner, **figures}


def run(
    sizes: tuple[int, ...] = (1,),
    scanners: tuple[str, ...] = ("extract",),
    inputs: tuple[str, ...] = tuple(CASES),
) -> list[dict[str, object]]:
    """One row per input, size and scanner (for ``python -m benchmarks``: extract() at 1 MB)."""
    return [
        {"name": f"{scanner}() on {name}", **measure(name, size * MB, scanner)}
        for size in sizes
        for name in inputs
        for scanner in scanners
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_adversarial")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES_MB)), help="MB, e.g. 1,10")
    parser.add_argument("--scanners", default=",".join(SCANNERS))
    parser.add_argument("--inputs", default=",".join(CASES))
    args = parser.parse_args(argv)
    sizes = tuple(int(size) for size in args.sizes.split(","))
    print(f"{'input':<30} {'MB':>3} {'scanner':<20} {'cpu s':>7} {'wall s':>7} {'peak MB':>8}")
    for size in sizes:
        for name in args.inputs.split(","):
            for scanner in args.scanners.split(","):
                row = measure(name, size * MB, scanner)
                flag = "" if row["complete"] else "  INCOMPLETE"
                print(
                    f"{name:<30} {size:>3} {scanner:<20} {row['cpu_s']:>7} {row['wall_s']:>7} "
                    f"{row['peak_mb']:>8}  {row['count']} found{flag}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
