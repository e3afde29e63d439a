"""hkpolicy's benchmark suite: one run, one machine, one table, one JSON file.

Usage (from the repository root, after ``pip install -e ".[bench]"``)::

    python -m benchmarks            # or: python benchmarks/run.py
    python -m benchmarks --quick    # smaller texts, no 100 MB scaling point

It measures, in this order: import time of ``hkpolicy`` against ``import pydantic, regex`` (fresh
processes, median of several runs); a cold ``load_corpus()``; the throughput of every scanner and
of ``extract()`` on the seeds repeated 100 times and on a synthetic mixed English/Chinese policy
text; the floor (one pass of a trivial ``regex`` pattern) and each scanner as a multiple of it;
scaling at 1, 10 and 100 MB; the peers (quantulum3, Recognizers-Text, price-parser, markdown-it-py,
mistune) where installed; and each area's own extra figures (``benchmarks/bench_*.py``).

Figures are printed and written to ``benchmarks/results/latest.json``; nothing here asserts time.
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make "benchmarks" importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import (
    REPO,
    best_seconds,
    machine,
    megabytes,
    seeds_text,
    synthetic_policy_text,
)

RESULTS = REPO / "benchmarks" / "results"
IMPORT_RUNS = 9
AREA_MODULES = ("bench_money", "bench_percent_dates", "bench_tables", "bench_entities")

Row = dict[str, Any]


def _fresh_process_seconds(code: str) -> float:
    """Seconds reported by ``code`` (which prints one float) in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip().splitlines()[-1])


def _timed_import(statement: str) -> str:
    return (
        "import time; started = time.perf_counter(); "
        f"{statement}; print(time.perf_counter() - started)"
    )


def import_times() -> list[Row]:
    ours = [_fresh_process_seconds(_timed_import("import hkpolicy")) for _ in range(IMPORT_RUNS)]
    base = [
        _fresh_process_seconds(_timed_import("import pydantic, regex")) for _ in range(IMPORT_RUNS)
    ]
    first_use = [
        _fresh_process_seconds(_timed_import("import hkpolicy; hkpolicy.Money"))
        for _ in range(IMPORT_RUNS)
    ]
    ours_ms, base_ms = statistics.median(ours) * 1000, statistics.median(base) * 1000
    return [
        {"name": "import hkpolicy", "ms": round(ours_ms, 1)},
        # Names load lazily: the first model access pays for pydantic's model machinery.
        {
            "name": "import hkpolicy; hkpolicy.Money",
            "ms": round(statistics.median(first_use) * 1000, 1),
        },
        {"name": "import pydantic, regex", "ms": round(base_ms, 1)},
        {"name": "import ratio (target <= 1.2)", "ratio": round(ours_ms / base_ms, 2)},
    ]


def load_corpus_time() -> list[Row]:
    code = (
        "import time, hkpolicy; started = time.perf_counter(); hkpolicy.load_corpus(); "
        "print(time.perf_counter() - started)"
    )
    runs = [_fresh_process_seconds(code) for _ in range(5)]
    return [{"name": "load_corpus() cold", "ms": round(statistics.median(runs) * 1000, 1)}]


def _scanners() -> dict[str, Callable[[str], Any]]:
    """Every scanner that exists in this release, by name."""
    found: dict[str, Callable[[str], Any]] = {}
    for module_name, function_name in (
        ("hkpolicy.money", "find_money"),
        ("hkpolicy.percent", "find_percentages"),
        ("hkpolicy.dates", "find_dates"),
        ("hkpolicy.dates", "find_periods"),
        ("hkpolicy.tables", "find_tables"),
        ("hkpolicy.entities", "recognize_entities"),
        ("hkpolicy.extract", "extract"),
    ):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, function_name, None)
        if callable(function):
            found[function_name] = function
    return found


def _floor(text: str) -> float:
    import regex

    pattern = regex.compile(r"\d")
    return best_seconds(lambda t: sum(1 for _ in pattern.finditer(t)), text)


def throughput_rows(label: str, text: str, scanners: dict[str, Callable[[str], Any]]) -> list[Row]:
    size = megabytes(text)
    floor = _floor(text)
    rows: list[Row] = [
        {
            "name": f"floor: regex \\d pass [{label}]",
            "MB": round(size, 2),
            "MB/s": round(size / floor, 1),
        }
    ]
    for name, function in scanners.items():
        seconds = best_seconds(function, text, runs=2)
        rows.append(
            {
                "name": f"{name} [{label}]",
                "MB": round(size, 2),
                "MB/s": round(size / seconds, 2),
                "x floor": round(seconds / floor, 1),
            }
        )
    return rows


def scaling_rows(scanners: dict[str, Callable[[str], Any]], sizes: tuple[float, ...]) -> list[Row]:
    rows: list[Row] = []
    texts = {size: synthetic_policy_text(size) for size in sizes}
    for name in ("find_money", "find_percentages", "extract"):
        function = scanners.get(name)
        if function is None:
            continue
        times = {size: best_seconds(function, texts[size], runs=1) for size in sizes}
        row: Row = {"name": f"scaling {name}"}
        for size in sizes:
            row[f"{size:g} MB s"] = round(times[size], 3)
        if 10 in times and 100 in times:
            row["100/10 ratio (target 9-11)"] = round(times[100] / times[10], 2)
        if 1 in times and 10 in times:
            row["10/1 ratio"] = round(times[10] / times[1], 2)
        rows.append(row)
    return rows


def peer_rows(text: str, ours: dict[str, float]) -> list[Row]:
    """The peers on the same text (a slice: they are slow), where the bench extra installed them."""
    rows: list[Row] = []
    sample = text[:200_000]
    size = megabytes(sample)

    def add(name: str, function: Callable[[str], Any], versus: str) -> None:
        seconds = best_seconds(function, sample, runs=1)
        rate = size / seconds
        row: Row = {"name": f"peer {name}", "MB": round(size, 2), "MB/s": round(rate, 3)}
        if versus in ours:
            row[f"hkpolicy {versus} / peer"] = round(ours[versus] / rate, 1)
        rows.append(row)

    try:
        from quantulum3 import parser as quantulum_parser

        add("quantulum3 parse", quantulum_parser.parse, "extract")
    except Exception as error:  # any import or runtime failure of an optional peer
        rows.append({"name": "peer quantulum3", "skipped": repr(error)[:120]})
    try:
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture

        model = NumberWithUnitRecognizer(Culture.English).get_currency_model()
        add("Recognizers-Text currency", model.parse, "extract")
    except Exception as error:
        rows.append({"name": "peer Recognizers-Text", "skipped": repr(error)[:120]})
    try:
        from price_parser import Price

        def per_line(chunk: str) -> None:
            for line in chunk.splitlines():
                Price.fromstring(line)

        add("price-parser per line", per_line, "find_money")
    except Exception as error:
        rows.append({"name": "peer price-parser", "skipped": repr(error)[:120]})
    try:
        from markdown_it import MarkdownIt

        markdown = MarkdownIt("commonmark").enable("table")
        add("markdown-it-py parse", markdown.parse, "find_tables")
    except Exception as error:
        rows.append({"name": "peer markdown-it-py", "skipped": repr(error)[:120]})
    try:
        import mistune

        ast = mistune.create_markdown(renderer=None, plugins=["table"])
        add("mistune parse", ast, "find_tables")
    except Exception as error:
        rows.append({"name": "peer mistune", "skipped": repr(error)[:120]})
    return rows


def area_rows() -> list[Row]:
    rows: list[Row] = []
    for module_name in AREA_MODULES:
        try:
            module = importlib.import_module(f"benchmarks.{module_name}")
        except ImportError:
            continue
        run = getattr(module, "run", None)
        if callable(run):
            rows.extend({"area": module_name, **row} for row in run())
    return rows


def _print(title: str, rows: list[Row]) -> None:
    print(f"\n{title}")
    for row in rows:
        fields = "  ".join(f"{k}={v}" for k, v in row.items() if k != "name")
        print(f"  {row.get('name', '')!s:<46} {fields}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="small texts; skip the 100 MB point")
    parser.add_argument("--no-peers", action="store_true", help="skip the peer libraries")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    report: dict[str, Any] = {"machine": machine(), "sections": {}}
    scanners = _scanners()

    sections: list[tuple[str, Callable[[], list[Row]]]] = [
        ("import time (median of fresh processes)", import_times),
        ("corpus", load_corpus_time),
    ]
    seeds = seeds_text(10 if args.quick else 100)
    synthetic = synthetic_policy_text(1 if args.quick else 10)
    sections.append(("throughput on the seeds", lambda: throughput_rows("seeds", seeds, scanners)))
    sections.append(
        (
            "throughput on synthetic policy text",
            lambda: throughput_rows("synthetic", synthetic, scanners),
        )
    )
    sizes = (1.0, 10.0) if args.quick else (1.0, 10.0, 100.0)
    sections.append(("scaling", lambda: scaling_rows(scanners, sizes)))
    sections.append(("per-area figures", area_rows))
    for title, build in sections:
        rows = build()
        report["sections"][title] = rows
        _print(title, rows)

    if not args.no_peers:
        ours = {
            row["name"].split(" [")[0]: row["MB/s"]
            for row in report["sections"]["throughput on the seeds"]
            if "MB/s" in row
        }
        rows = peer_rows(seeds, ours)
        report["sections"]["peers (same text, one core)"] = rows
        _print("peers (same text, one core)", rows)

    report["seconds"] = round(time.perf_counter() - started, 1)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"\nwrote {args.output} ({report['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
