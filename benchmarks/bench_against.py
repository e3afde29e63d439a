"""extract() of this checkout against another installed hkpolicy, and against Recognizers-Text,
in one run on the same texts.

Run from the repository root, with a second environment that has the other version installed::

    python -m venv /tmp/old && /tmp/old/bin/pip install "git+file://$PWD@<commit>"   # or a path
    python -m benchmarks.bench_against --against /tmp/old/bin/python

Each timing runs in a fresh process (so neither version warms the other's caches), after a
warm-up ``extract()`` on the text's first 20 KB, and counts CPU seconds on one core
(``time.process_time``), so other work on the machine skews it less than wall time. The two
versions alternate round by round; each figure is the best of its rounds. Recognizers-Text's
currency model is timed in this process on the seed files, one file per call (it slows down as
one string grows, so this is its best case). Prints a table and writes
``benchmarks/results/against.json``; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make "benchmarks" importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import REPO, SEEDS_DIR, machine_details, megabytes

RESULTS = REPO / "benchmarks" / "results"
TEXTS = ("seeds x100", "synthetic")

# Runs in the child, under either interpreter: build the text, warm up, time one extract().
_CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from benchmarks._harness import seeds_text, synthetic_policy_text
import hkpolicy
kind, synthetic_mb = sys.argv[2], float(sys.argv[3])
text = seeds_text(100) if kind == "seeds x100" else synthetic_policy_text(synthetic_mb)
hkpolicy.extract(text[:20_000])
started = time.process_time()
result = hkpolicy.extract(text)
cpu = time.process_time() - started
print(json.dumps({"cpu_s": cpu, "file": hkpolicy.__file__,
                  "version": getattr(hkpolicy, "__version__", "?"),
                  "complete": not result.warnings, "money": len(result.money),
                  "MB": len(text.encode("utf-8")) / 1e6}))
"""


def time_extract(python: str, kind: str, synthetic_mb: float) -> dict[str, object]:
    """One extract() timing of ``kind`` under ``python``, in a fresh process outside the
    checkout (so ``python`` imports its own installed hkpolicy unless PYTHONPATH says else)."""
    done = subprocess.run(
        [python, "-c", _CHILD, str(REPO), kind, str(synthetic_mb)],
        capture_output=True,
        text=True,
        cwd="/",
        env={**os.environ},
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"{python} failed on {kind}:\n{done.stderr[-2000:]}")
    figures: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return figures


def recognizers_text_rate(times: int) -> float | None:
    """Recognizers-Text's currency model on the seed files ``times`` over, in MB/s of CPU time;
    None when it is not installed (the bench extra)."""
    try:
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture
    except ImportError:
        return None
    model = NumberWithUnitRecognizer(Culture.English).get_currency_model()
    files = [path.read_bytes().decode("utf-8") for path in sorted(SEEDS_DIR.glob("*.txt"))]
    model.parse(files[0])
    started = time.process_time()
    for _ in range(times):
        for text in files:
            model.parse(text)
    return sum(megabytes(text) for text in files) * times / (time.process_time() - started)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_against")
    parser.add_argument("--against", required=True, help="python of the other environment")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per text")
    parser.add_argument("--synthetic-mb", type=float, default=10.0)
    parser.add_argument("--rt-times", type=int, default=4, help="seed passes for Recognizers-Text")
    args = parser.parse_args()

    pythons = {"this checkout": sys.executable, "other": args.against}
    best: dict[tuple[str, str], dict[str, object]] = {}
    for kind in TEXTS:
        for _ in range(args.rounds if kind == "seeds x100" else max(1, args.rounds - 1)):
            for label, python in pythons.items():
                figures = time_extract(python, kind, args.synthetic_mb)
                key = (label, kind)
                if key not in best or float(figures["cpu_s"]) < float(best[key]["cpu_s"]):  # type: ignore[arg-type]
                    best[key] = figures
    rt_rate = recognizers_text_rate(args.rt_times)

    rows = []
    print(f"{'text':<12} {'MB':>6} {'this s':>8} {'other s':>8} {'speed-up':>9} {'this MB/s':>10}")
    for kind in TEXTS:
        ours, other = best[("this checkout", kind)], best[("other", kind)]
        ours_s, other_s, size = float(ours["cpu_s"]), float(other["cpu_s"]), float(ours["MB"])  # type: ignore[arg-type]
        rate = size / ours_s
        row = {
            "text": kind,
            "MB": round(size, 2),
            "this_cpu_s": round(ours_s, 3),
            "other_cpu_s": round(other_s, 3),
            "speed_up": round(other_s / ours_s, 2),
            "this_MB_per_s": round(rate, 3),
            "other_MB_per_s": round(size / other_s, 3),
            "complete": bool(ours["complete"]) and bool(other["complete"]),
            "same_money_count": ours["money"] == other["money"],
        }
        if rt_rate is not None:
            row["this_x_recognizers_text"] = round(rate / rt_rate, 1)
        rows.append(row)
        print(
            f"{kind:<12} {size:6.2f} {ours_s:8.3f} {other_s:8.3f} {other_s / ours_s:8.2f}x"
            f" {rate:10.3f}"
        )
    if rt_rate is None:
        print("Recognizers-Text: not installed (pip install -e '.[bench]')")
    else:
        print(f"Recognizers-Text currency model: {rt_rate:.4f} MB/s on the seed files")
        for row in rows:
            print(f"  extract() on {row['text']}: {row['this_x_recognizers_text']}x its rate")
    RESULTS.mkdir(parents=True, exist_ok=True)
    record = {
        "machine": machine_details(),
        "this": {
            k: v for k, v in best[("this checkout", TEXTS[0])].items() if k in ("file", "version")
        },
        "other": {k: v for k, v in best[("other", TEXTS[0])].items() if k in ("file", "version")},
        "recognizers_text_MB_per_s": rt_rate,
        "rows": rows,
    }
    (RESULTS / "against.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
