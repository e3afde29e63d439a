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
    """The fastest of ``runs`` wall-clock timings of ``fn(text)``."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - started)
    return best


def throughput(fn: Callable[[str], Any], text: str, *, runs: int = 3) -> float:
    """MB/s of ``fn`` over ``text``."""
    return megabytes(text) / best_seconds(fn, text, runs=runs)
