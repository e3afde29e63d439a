"""find_tables beside markdown-it-py and mistune: speed, scaling on hostile input, and correctness.

Run: ``cd /work/main && python -m benchmarks.bench_tables``. Prints one line per measurement and
asserts nothing about time. markdown-it-py and mistune are used when installed (the ``bench``
extra); a missing one is reported as such.

Measured, on the same text in the same run:

- throughput in MB/s over the five seeds repeated 100 times (find_tables in both modes, and its
  structural scan alone, without the typed reading of cells);
- 1 MB of ``|`` (one line, and one pipe per line) and of ``|-|`` lines for every library, and
  10 MB of each for find_tables with the 10 MB / 1 MB time ratio (about 10 means linear);
- structural correctness on the GFM table examples (peer suites, when ``HKPOLICY_PEER_SUITES``
  or ``../shared/peer-suites`` holds them) and on seed 003's two tables.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks._harness import REPO, SEEDS_DIR, best_seconds, megabytes, seeds_text, sized
from hkpolicy._table_scanner import scan_tables
from hkpolicy.tables import find_tables

Structure = tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[str | None, ...]]
Reader = Callable[[str], list[Structure]]


def _inline(markdown: str) -> str:
    from tests.conformance.test_gfm_tables import inline_text

    return inline_text(markdown)


def hkpolicy_reader(strict: bool) -> Reader:
    def read(text: str) -> list[Structure]:
        return [
            (
                tuple(_inline(c.text) for c in t.header),
                tuple(tuple(_inline(c.text) for c in row) for row in t.rows),
                tuple(t.alignments),
            )
            for t in find_tables(text, strict_gfm=strict)
        ]

    return read


def markdown_it_reader() -> tuple[Callable[[str], Any], Reader] | None:
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        return None
    md = MarkdownIt("commonmark").enable("table")

    def read(text: str) -> list[Structure]:
        tables: list[Structure] = []
        header: list[str] = []
        rows: list[tuple[str, ...]] = []
        aligns: list[str | None] = []
        row: list[str] = []
        in_head = False
        for token in md.parse(text):
            if token.type == "table_open":
                header, rows, aligns = [], [], []
            elif token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                row = []
            elif token.type in ("th_open", "td_open") and in_head:
                style = str(token.attrs.get("style", ""))
                aligns.append(style.removeprefix("text-align:") or None)
            elif token.type == "inline" and token.map is not None and row is not None:
                row.append(_inline(token.content))
            elif token.type == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(tuple(row))
            elif token.type == "table_close":
                tables.append((tuple(header), tuple(rows), tuple(aligns)))
        return tables

    return md.parse, read


def mistune_reader() -> tuple[Callable[[str], Any], Reader] | None:
    try:
        import mistune
    except ImportError:
        return None
    md = mistune.create_markdown(renderer=None, plugins=["table"])

    def flat(nodes: list[dict[str, Any]]) -> str:
        parts = []
        for node in nodes:
            if node["type"] in ("text", "codespan"):
                parts.append(node["raw"])
            elif "children" in node:
                parts.append(flat(node["children"]))
        return " ".join("".join(parts).split())

    def read(text: str) -> list[Structure]:
        tables: list[Structure] = []
        for block in md(text):  # type: ignore[union-attr]
            if block["type"] != "table":
                continue
            header: tuple[str, ...] = ()
            aligns: tuple[str | None, ...] = ()
            rows: list[tuple[str, ...]] = []
            for part in block["children"]:
                if part["type"] == "table_head":
                    header = tuple(flat(c["children"]) for c in part["children"])
                    aligns = tuple(c["attrs"]["align"] for c in part["children"])
                else:
                    rows.extend(
                        tuple(flat(c["children"]) for c in r["children"]) for r in part["children"]
                    )
            tables.append((header, tuple(rows), aligns))
        return tables

    return md, read


def _peer_cases() -> list[dict[str, Any]]:
    configured = os.environ.get("HKPOLICY_PEER_SUITES")
    root = Path(configured) if configured else REPO.parent / "shared" / "peer-suites"
    cases = []
    for name in ("cases.jsonl", "cmark-gfm-extensions-tables.jsonl"):
        path = root / "gfm-tables" / name
        if path.exists():
            cases.extend(json.loads(line) for line in path.open(encoding="utf-8") if line.strip())
    return cases


SEED_003_HEADERS = (
    ("Industry", "Adoption Rate", "Primary Applications", "Expected Growth (2024)"),
    ("Challenge", "Impact Level", "Potential Solutions"),
)


def _seed_tables_right(read: Reader) -> int:
    text = next(SEEDS_DIR.glob("003_*.txt")).read_text(encoding="utf-8")
    found = read(text)
    right = sum(
        1 for header in SEED_003_HEADERS if any(t[0] == header and len(t[1]) == 5 for t in found)
    )
    return right if len(found) == 2 else min(right, 2 - abs(len(found) - 2))


def _figures(library: str, label: str, text: str, seconds: float) -> dict[str, object]:
    return {
        "measure": "throughput",
        "library": library,
        "text": label,
        "megabytes": round(megabytes(text), 2),
        "seconds": round(seconds, 4),
        "mb_per_s": round(megabytes(text) / seconds, 2),
    }


def run() -> list[dict[str, object]]:
    """Every measurement as a dict: ``{"measure", "library", ...figures}``."""
    from tests.conformance.test_gfm_tables import expected_tables

    results: list[dict[str, object]] = []
    libraries: dict[str, tuple[Callable[[str], Any], Reader]] = {
        "hkpolicy.find_tables": (find_tables, hkpolicy_reader(strict=False)),
        "hkpolicy scan only (_table_scanner)": (scan_tables, hkpolicy_reader(strict=False)),
        "hkpolicy.find_tables(strict_gfm)": (
            lambda t: find_tables(t, strict_gfm=True),
            hkpolicy_reader(strict=True),
        ),
    }
    for name, factory in (("markdown-it-py", markdown_it_reader), ("mistune", mistune_reader)):
        made = factory()
        if made is None:
            results.append({"measure": "available", "library": name, "installed": False})
        else:
            libraries[name] = made

    cases = _peer_cases()
    for name, (_, read) in libraries.items():
        if name.startswith("hkpolicy scan only"):
            continue  # same structure as find_tables; timed below without the typed reading
        passed = sum(1 for c in cases if read(c["markdown"]) == expected_tables(c["html"]))
        results.append(
            {
                "measure": "gfm_cases",
                "library": name,
                "passed": passed,
                "total": len(cases),
                "seed_003_tables_right": _seed_tables_right(read),
            }
        )

    corpus = seeds_text(100)
    hostile = {
        "'|' one line": "|" * 1_000_000,
        "'|' lines": "|\n",
        "'|-|' lines": "|-|\n",
    }
    for name, (parse, _) in libraries.items():
        elapsed = best_seconds(parse, corpus, runs=3)
        results.append(_figures(name, "seeds x100", corpus, elapsed))
        if name.endswith("(strict_gfm)") or name.startswith("hkpolicy scan only"):
            continue
        for shape, unit in hostile.items():
            one = unit if shape.endswith("one line") else sized(unit, 1)
            gc.collect()
            elapsed_1 = best_seconds(parse, one, runs=3)
            results.append(_figures(name, f"1 MB {shape}", one, elapsed_1))
            if name != "hkpolicy.find_tables":
                continue  # the 10 MB runs show find_tables' scaling; the peers' take minutes
            ten = unit * 10 if shape.endswith("one line") else sized(unit, 10)
            gc.collect()
            elapsed_10 = best_seconds(parse, ten, runs=1)
            results.append(_figures(name, f"10 MB {shape}", ten, elapsed_10))
            results.append(
                {
                    "measure": "scaling",
                    "library": name,
                    "text": shape,
                    "ratio_10mb_1mb": round(elapsed_10 / elapsed_1, 1),
                }
            )
    return results


def main() -> None:
    for result in run():
        print(json.dumps(result, ensure_ascii=False))  # a benchmark script prints its figures


if __name__ == "__main__":
    main()
