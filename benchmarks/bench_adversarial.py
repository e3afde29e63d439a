"""extract() on every adversarial input of the reliability suite, at 0.1 MB and 1 MB.

Run: ``python -m benchmarks.bench_adversarial``. Prints one line per input: the seconds at each
size and their ratio (about 10 means linear), and the mentions found at 1 MB. Asserts nothing
about time; tests/test_reliability.py checks the 10-second bound, with a hang guard.

The inputs are built by ``tests/adversarial`` (long runs of one token, deep brackets, dense
amounts and table rows): see that package for what each one aims at.
"""

from __future__ import annotations

import time

from tests.adversarial import CASES, MB, build

from hkpolicy.extraction import extract

SIZES = (MB // 10, MB)


def _seconds(text: str) -> tuple[float, int]:
    started = time.perf_counter()
    found = extract(text, doc_id="bench")
    seconds = time.perf_counter() - started
    return seconds, len(found.money) + len(found.percentages) + len(found.dates)


def run() -> list[dict[str, object]]:
    """One row per input: seconds at 0.1 and 1 MB, the ratio, and the mentions at 1 MB."""
    extract("warm up: HK$5 million, 42%, 2024-25")
    rows: list[dict[str, object]] = []
    for name in CASES:
        small, _ = _seconds(build(name, SIZES[0]))
        large, mentions = _seconds(build(name, SIZES[1]))
        rows.append(
            {
                "name": f"extract() on {name}",
                "s_0.1MB": round(small, 3),
                "s_1MB": round(large, 3),
                "ratio": round(large / small, 1) if small > 0 else None,
                "mentions_1MB": mentions,
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        figures = "  ".join(f"{key}={value}" for key, value in row.items() if key != "name")
        print(f"{row['name']:<44} {figures}")
