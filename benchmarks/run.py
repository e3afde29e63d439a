"""hkpolicy's benchmark suite: one run, one machine, one table, one JSON file.

Usage (from the repository root, after ``pip install -e ".[bench]"``)::

    python -m benchmarks            # or: python benchmarks/run.py
    python -m benchmarks --quick    # small texts (seconds, not minutes), no 10/100 MB points

It measures, in this order: import time of ``hkpolicy`` against ``import pydantic, regex`` (fresh
processes, median of several runs); a cold ``load_corpus()``; the throughput of every scanner and
of ``extract()`` on the seeds repeated 100 times and on a synthetic mixed English/Chinese policy
text; the floor (one pass of a trivial ``regex`` pattern) and each scanner as a multiple of it;
scaling at 1, 10 and 100 MB (the 100 MB point for ``extract()`` only: it is the slow one and the
one the target is about); ``extract_many`` on 2 processes against one; the peers (quantulum3,
Recognizers-Text, price-parser, markdown-it-py, mistune) where installed; each area's own extra
figures (``benchmarks/bench_*.py``); and the issue's targets, each marked met or missed.

Large texts are timed once (a 10 MB ``extract()`` takes minutes), the seeds best of two.

Figures are printed and written to ``benchmarks/results/latest.json`` (``quick.json`` with
``--quick``); nothing here asserts time.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make "benchmarks" importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import (
    REPO,
    SEEDS_DIR,
    best_seconds,
    machine_details,
    megabytes,
    seeds_text,
    split_documents,
    synthetic_policy_text,
)

RESULTS = REPO / "benchmarks" / "results"
IMPORT_RUNS = 9
AREA_MODULES = (
    "bench_money",
    "bench_percent_dates",
    "bench_tables",
    "bench_entities",
    "bench_adversarial",
    "bench_documents",
)
SCALED = ("find_money", "find_percentages", "extract")  # timed at every scaling size
SCALED_LARGEST = ("extract",)  # the only one timed at the largest size
PARALLEL_WORKERS = 2

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
        ("hkpolicy.extraction", "extract"),
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


def throughput_rows(
    label: str,
    text: str,
    scanners: dict[str, Callable[[str], Any]],
    *,
    runs: int = 2,
    timings: dict[str, float] | None = None,
) -> list[Row]:
    """MB/s of each scanner on ``text`` and its time as a multiple of the floor. ``timings``
    (seconds by scanner name) are reused where given, so a large text is scanned only once."""
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
        seconds = (timings or {}).get(name)
        if seconds is None:
            seconds = best_seconds(function, text, runs=runs)
        rows.append(
            {
                "name": f"{name} [{label}]",
                "MB": round(size, 2),
                "MB/s": round(size / seconds, 3),
                "x floor": round(seconds / floor, 1),
            }
        )
    return rows


def scaled_timings(
    scanners: dict[str, Callable[[str], Any]], texts: dict[float, str]
) -> dict[float, dict[str, float]]:
    """Seconds of one run of each scanner at each size: every scanner at all but the largest
    size, :data:`SCALED_LARGEST` at the largest too."""
    largest = max(texts)
    timings: dict[float, dict[str, float]] = {}
    for size, text in sorted(texts.items()):
        names = SCALED_LARGEST if size == largest and len(texts) > 2 else tuple(scanners)
        timings[size] = {
            name: best_seconds(scanners[name], text, runs=1) for name in names if name in scanners
        }
    return timings


def scaling_rows(timings: dict[float, dict[str, float]]) -> list[Row]:
    rows: list[Row] = []
    sizes = sorted(timings)
    for name in SCALED:
        row: Row = {"name": f"scaling {name}"}
        for size in sizes:
            if name in timings[size]:
                row[f"{size:g} MB s"] = round(timings[size][name], 3)
        for small, large in itertools.pairwise(sizes):
            if name in timings[small] and name in timings[large]:
                row[f"{large:g}/{small:g} ratio"] = round(
                    timings[large][name] / timings[small][name], 2
                )
        rows.append(row)
    return rows


def parallel_rows(text: str) -> list[Row]:
    """``extract_many`` over ``text`` cut into documents of about 20 KB: one process against
    :data:`PARALLEL_WORKERS`. The pooled time includes starting the pool."""
    from hkpolicy.parallel import extract_many

    documents = split_documents(text)
    size = megabytes(text)
    rows: list[Row] = []
    timings: dict[int, float] = {}
    for workers in (1, PARALLEL_WORKERS):
        started = time.perf_counter()
        count = sum(1 for _ in extract_many(documents, workers=workers))
        timings[workers] = time.perf_counter() - started
        assert count == len(documents)
        rows.append(
            {
                "name": f"extract_many workers={workers}",
                "documents": len(documents),
                "MB": round(size, 2),
                "s": round(timings[workers], 2),
                "MB/s": round(size / timings[workers], 3),
            }
        )
    rows.append(
        {
            "name": f"extract_many speed-up ({PARALLEL_WORKERS} workers / 1)",
            "ratio": round(timings[1] / timings[PARALLEL_WORKERS], 2),
        }
    )
    return rows


def peer_rows(times: int, ours: dict[str, float]) -> list[Row]:
    """The peers on the seed files repeated ``times`` times, one file per call (quantulum3 and
    Recognizers-Text slow down as one string grows, so this is their best case), where the bench
    extra installed them. ``ours`` is hkpolicy's MB/s on the seeds, by function name."""
    rows: list[Row] = []
    files = [path.read_bytes().decode("utf-8") for path in sorted(SEEDS_DIR.glob("*.txt"))]
    files *= times
    size = sum(megabytes(text) for text in files)

    def add(name: str, function: Callable[[str], Any], versus: str) -> None:
        def each_file(_: str) -> None:
            for text in files:
                function(text)

        seconds = best_seconds(each_file, "", runs=1)
        rate = size / seconds
        row: Row = {"name": f"peer {name}", "MB": round(size, 2), "MB/s": round(rate, 4)}
        if versus in ours:
            row[f"hkpolicy {versus} / peer"] = round(ours[versus] / rate, 2)
        rows.append(row)

    def skipped(name: str, error: Exception) -> None:
        reason = "not installed" if isinstance(error, ImportError) else "failed"
        rows.append(
            {
                "name": f"peer {name}",
                "skipped": f"{reason}: {error!r}"[:160]
                + " (install the bench extra: pip install -e '.[bench]')",
            }
        )

    try:
        with warnings.catch_warnings():
            # quantulum3 announces that its optional classifier is missing; it runs without it.
            warnings.simplefilter("ignore", UserWarning)
            from quantulum3 import parser as quantulum_parser

        add("quantulum3 parse", quantulum_parser.parse, "extract")
    except Exception as error:  # any import or runtime failure of an optional peer
        skipped("quantulum3", error)
    try:
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture

        model = NumberWithUnitRecognizer(Culture.English).get_currency_model()
        add("Recognizers-Text currency", model.parse, "extract")
    except Exception as error:
        skipped("Recognizers-Text", error)
    try:
        from price_parser import Price

        def per_line(chunk: str) -> None:
            for line in chunk.splitlines():
                Price.fromstring(line)

        add("price-parser per line", per_line, "find_money")
    except Exception as error:
        skipped("price-parser", error)
    try:
        from markdown_it import MarkdownIt

        markdown = MarkdownIt("commonmark").enable("table")
        add("markdown-it-py parse", markdown.parse, "find_tables")
    except Exception as error:
        skipped("markdown-it-py", error)
    try:
        import mistune

        ast = mistune.create_markdown(renderer=None, plugins=["table"])
        add("mistune parse", ast, "find_tables")
    except Exception as error:
        skipped("mistune", error)
    return rows


def target_rows(sections: dict[str, list[Row]]) -> list[Row]:
    """The issue's targets, each with the measured figure and whether it is met."""

    def find(section: str, name: str) -> Row:
        """The row called ``name``, or ``name [any label]``, of a section."""
        rows = sections.get(section, [])
        return next((r for r in rows if str(r.get("name")).split(" [")[0] == name), {})

    def verdict(ok: bool | None) -> str:
        return "not measured" if ok is None else ("met" if ok else "missed")

    rows: list[Row] = []
    for label in ("seeds", "synthetic"):
        rate = find(f"throughput on {label}", "extract").get("MB/s")
        rows.append(
            {
                "name": f"extract() >= 5 MB/s on one core [{label}]",
                "measured": rate,
                "verdict": verdict(None if rate is None else rate >= 5),
            }
        )
    ratio = find("peers (same text, one core)", "peer Recognizers-Text currency").get(
        "hkpolicy extract / peer"
    )
    rows.append(
        {
            "name": "extract() >= 100x Recognizers-Text",
            "measured": ratio,
            "verdict": verdict(None if ratio is None else ratio >= 100),
        }
    )
    ratio = find("import time (median of fresh processes)", "import ratio (target <= 1.2)").get(
        "ratio"
    )
    rows.append(
        {
            "name": "import hkpolicy <= 1.2x import pydantic, regex",
            "measured": ratio,
            "verdict": verdict(None if ratio is None else ratio <= 1.2),
        }
    )
    for scanner in ("find_money", "find_percentages"):
        for label in ("seeds", "synthetic"):
            times = find(f"throughput on {label}", scanner).get("x floor")
            rows.append(
                {
                    "name": f"{scanner} <= 10x the regex floor [{label}]",
                    "measured": times,
                    "verdict": verdict(None if times is None else times <= 10),
                }
            )
    ratio = find("scaling", "scaling extract").get("100/10 ratio")
    rows.append(
        {
            "name": "extract() 10 -> 100 MB time ratio in 9..11",
            "measured": ratio,
            "verdict": verdict(None if ratio is None else 9 <= ratio <= 11),
        }
    )
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
    parser.add_argument(
        "--no-areas", action="store_true", help="skip the per-area scripts (benchmarks/bench_*.py)"
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="where to write the JSON (default: results/latest.json; results/quick.json with "
        "--quick, so a quick run never replaces the full figures)",
    )
    args = parser.parse_args(argv)
    if args.output is None:
        args.output = RESULTS / ("quick.json" if args.quick else "latest.json")

    started = time.perf_counter()
    report: dict[str, Any] = {
        "machine": machine_details(),
        "command": "python benchmarks/run.py " + " ".join(argv or sys.argv[1:]),
        "sections": {},
    }
    sections: dict[str, list[Row]] = report["sections"]

    def section(title: str, rows: list[Row]) -> None:
        sections[title] = rows
        _print(title, rows)

    scanners = _scanners()
    section("import time (median of fresh processes)", import_times())
    section("corpus", load_corpus_time())
    if "extract" in scanners:  # warm the lazy loads so the first timing is not a cold one
        scanners["extract"]("warm up: HK$1 million, 42% in 2024-25.")

    seeds = seeds_text(10 if args.quick else 100)
    section(
        "throughput on seeds",
        throughput_rows(f"seeds x{10 if args.quick else 100}", seeds, scanners),
    )
    sizes = (0.1, 1.0) if args.quick else (1.0, 10.0, 100.0)
    texts = {size: synthetic_policy_text(size) for size in sizes}
    timings = scaled_timings(scanners, texts)
    mid = sizes[1]  # the synthetic throughput row reuses the scaling run at this size
    section(
        "throughput on synthetic",
        throughput_rows(f"synthetic {mid:g} MB", texts[mid], scanners, timings=timings[mid]),
    )
    section("scaling", scaling_rows(timings))
    del texts
    section(
        f"extract_many on {PARALLEL_WORKERS} processes",
        parallel_rows(synthetic_policy_text(0.2 if args.quick else 2.0)),
    )
    if not args.no_peers:
        ours = {
            row["name"].split(" [")[0]: row["MB/s"]
            for row in sections["throughput on seeds"]
            if "MB/s" in row
        }
        section("peers (same text, one core)", peer_rows(1 if args.quick else 8, ours))
    if not args.no_areas:
        section("per-area figures", area_rows())
    section("targets", target_rows(sections))

    report["seconds"] = round(time.perf_counter() - started, 1)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"\nwrote {args.output} ({report['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
