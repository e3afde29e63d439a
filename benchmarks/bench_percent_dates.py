"""Throughput of find_percentages, find_dates and find_periods: seeds x100, 10 MB of synthetic
policy text, 10 MB of adversarial input, and the 10 MB / 1 MB scaling ratio.

Run: ``cd /work/main && python -m benchmarks.bench_percent_dates``. Prints one line per figure;
asserts nothing about time. The adversarial text piles up what the patterns look at hardest:
long digit runs, near-miss numbers and signs, spaced Chinese numerals, unit words without numbers,
month names and year-like numbers with no date around them. The synthetic text
(``_harness.synthetic_policy_text``) is dense: about 7,000 percentages and 7,000 dates per MB,
so its figures are dominated by building the mentions rather than by scanning.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from benchmarks._harness import megabytes, seeds_text, sized, synthetic_policy_text, throughput
from hkpolicy.dates import find_dates, find_periods
from hkpolicy.percent import find_percentages

ADVERSARIAL_UNIT = (
    "1" * 200 + " " + "1,1,1,1,1,1,1,1 " + "9" * 30 + "% " + "-+-+-+-1. " + "between 1 and " * 5
    + "一 二 三 四 五 六 七 八 九 十 " * 5 + "百分之百分之百分之 " + "成成成 七七七七七成 "
    + "percent per cent pp %%%% " + "July May June 2024 2024 2024-2024-2024/2024 "
    + "by since in late mid- within the next " + "二零二四二零二四年年年 " + "2024至至至 "
    + "approximately about over up to 約逾近 \n"
)  # fmt: skip

SCANNERS: dict[str, Callable[[str], Any]] = {
    "find_percentages": find_percentages,
    "find_dates": find_dates,
    "find_periods": find_periods,
}


def run(scanners: dict[str, Callable[[str], Any]] | None = None) -> list[dict[str, object]]:
    """One row per (scanner, input): MB, MB/s; plus the 10 MB / 1 MB time ratio per scanner."""
    seeds = seeds_text(100)
    synthetic = synthetic_policy_text(10)
    adversarial_1 = sized(ADVERSARIAL_UNIT, 1)
    adversarial_10 = sized(ADVERSARIAL_UNIT, 10)
    rows: list[dict[str, object]] = []
    for name, scan in (scanners or SCANNERS).items():
        scan(seeds[:10_000])  # warm up: first-call costs are not throughput
        for label, text, runs in (
            ("seeds x100", seeds, 3),
            ("synthetic 10 MB", synthetic, 1),
            ("adversarial 10 MB", adversarial_10, 1),
        ):
            rows.append(
                {
                    "scanner": name,
                    "input": label,
                    "mb": round(megabytes(text), 2),
                    "mb_per_s": round(throughput(scan, text, runs=runs), 2),
                }
            )
        small = throughput(scan, adversarial_1, runs=1)  # one run each, like the 10 MB figure
        large = rows[-1]["mb_per_s"]  # adversarial 10 MB
        # time(10 MB) / time(1 MB); a linear scanner gives about 10.
        ratio = (megabytes(adversarial_10) / float(large)) / (megabytes(adversarial_1) / small)  # type: ignore[arg-type]
        rows.append(
            {"scanner": name, "input": "scaling 10 MB / 1 MB time", "ratio": round(ratio, 2)}
        )
    return rows


def main() -> None:
    for row in run():
        print("  ".join(f"{key}={value}" for key, value in row.items()))


if __name__ == "__main__":
    main()
