"""Shared measuring helpers for the benchmark scripts: test texts and a throughput timer.

Benchmarks print figures; they assert nothing about time. Each scanner is timed as the best of a
few runs over the same text, reported in MB/s of UTF-8 input.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO / "seeds"


def seeds_text(times: int = 100) -> str:
    """The five seeds joined by blank lines, repeated ``times`` times."""
    one = "\n\n".join(p.read_bytes().decode("utf-8") for p in sorted(SEEDS_DIR.glob("*.txt")))
    return "\n\n".join([one] * times)


def sized(text: str, megabytes: float) -> str:
    """``text`` repeated (and cut) to about ``megabytes`` MB of UTF-8."""
    target = int(megabytes * 1_000_000)
    unit = max(1, len(text.encode("utf-8")))
    repeated = text * (target // unit + 1)
    while len(repeated.encode("utf-8")) > target and len(repeated) > 1:
        repeated = repeated[: int(len(repeated) * target / len(repeated.encode("utf-8")))]
        break
    return repeated


def megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / 1_000_000


def best_seconds(fn: Callable[[str], Any], text: str, *, runs: int = 3) -> float:
    """The fastest of ``runs`` wall-clock timings of ``fn(text)``. Raises when the scan stopped
    early (a result with ``warnings``): the time of a scan cut short would mislead."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        result = fn(text)
        best = min(best, time.perf_counter() - started)
        warnings = getattr(result, "warnings", None)
        if warnings:
            name = getattr(fn, "__name__", repr(fn))
            raise RuntimeError(f"{name} stopped early on {len(text):,} characters: {warnings}")
    return best


def throughput(fn: Callable[[str], Any], text: str, *, runs: int = 3) -> float:
    """MB/s of ``fn`` over ``text``."""
    return megabytes(text) / best_seconds(fn, text, runs=runs)


# Paragraph templates in the forms Hong Kong policy text uses, written for these benchmarks.
# {n}, {m}, {p}, {y} are filled with varying numbers so no two paragraphs are identical.
SYNTHETIC_TEMPLATES = (
    "The Financial Secretary proposed to set aside ${n} billion for the Innovation and Technology"
    " Fund in {y}-{y2:02d}, and a further HK${m} million (US${u} million) for research talent.\n",
    "According to a survey by the Hong Kong Productivity Council, approximately {p}% of local"
    " firms used AI tools in {y}, up {q} percentage points from the year before.\n",
    "政府會預留{n}億元推動創新科技，並向香港科技園公司撥款約{m}萬港元，預計於{y}年7月1日起實施。\n",
    "創新科技署表示，逾{p}%受訪企業已採用人工智能，比去年上升百分之{q}。\n",
    "| Sector | Adoption (%) | Budget (HK$ million) |\n|---|---:|---:|\n"
    "| Logistics | {p}% | {m} |\n| Retail | {q}% | {n} |\n",
    "Cyberport will offer grants of up to HK${k},000 per start-up by {y}, while HKSTP said"
    " more than {q} companies joined its incubation programme since {y0}.\n",
)


def synthetic_policy_text(megabytes: float = 10.0, *, seed: int = 7) -> str:
    """About ``megabytes`` MB of mixed English and Chinese policy text with money, percentages,
    dates, fiscal years, tables and institution names."""
    import random

    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < target:
        template = SYNTHETIC_TEMPLATES[rng.randrange(len(SYNTHETIC_TEMPLATES))]
        year = rng.randrange(2015, 2031)
        paragraph = template.format(
            n=rng.randrange(1, 500),
            m=rng.randrange(10, 9000),
            k=rng.randrange(10, 999),
            u=rng.randrange(1, 900),
            p=rng.randrange(1, 99),
            q=rng.randrange(1, 40),
            y=year,
            y2=(year + 1) % 100,
            y0=year - rng.randrange(1, 10),
        )
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8"))
    return "\n".join(parts)


def machine() -> dict[str, object]:
    """The facts a benchmark figure needs beside it."""
    import os
    import platform

    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
    }


def machine_details() -> dict[str, object]:
    """:func:`machine` plus the CPU model, the cores this process may use, the memory and the
    load average when the run started (other work on the machine skews every figure)."""
    import os

    details: dict[str, object] = dict(machine())
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                details["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                details["memory_gb"] = round(int(line.split()[1]) / 1_000_000, 1)
                break
    except OSError:  # not Linux
        pass
    if hasattr(os, "sched_getaffinity"):
        details["usable_cores"] = len(os.sched_getaffinity(0))
    if hasattr(os, "getloadavg"):
        details["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    return details


def split_documents(text: str, size: int = 20_000) -> list[str]:
    """``text`` cut at line ends into documents of about ``size`` characters, the shape of an
    archive of press releases; used to measure extraction over many texts."""
    documents: list[str] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end == -1 else end + 1
        documents.append(text[start:end])
        start = end
    return documents
