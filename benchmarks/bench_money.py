"""find_money throughput: the seeds x100, 10 MB of adversarial text, and a 1 MB/10 MB ratio.

Run: ``python -m benchmarks.bench_money``. Prints MB/s; asserts nothing about time.
"""

from __future__ import annotations

from hkpolicy.money import find_money

from ._harness import best_seconds, megabytes, seeds_text, sized, throughput

ADVERSARIAL_UNITS = {
    "HK$HK$...": "HK$",
    "9,9,9,...": "9,",
    "digit run": "9",
    "mixed": "HK$9,9,9 億萬元 over up to (US$ 1-",
}


def run() -> list[dict[str, object]]:
    """One row per measurement: name, MB, MB/s (and the scaling ratio)."""
    rows: list[dict[str, object]] = []
    seeds = seeds_text(100)
    rows.append(
        {
            "name": "seeds x100",
            "mb": round(megabytes(seeds), 2),
            "mb_s": throughput(find_money, seeds),
        }
    )
    for name, unit in ADVERSARIAL_UNITS.items():
        text = sized(unit, 10)
        rows.append(
            {
                "name": f"adversarial {name} 10 MB",
                "mb": round(megabytes(text), 2),
                "mb_s": throughput(find_money, text, runs=1),
            }
        )
    small, large = sized(seeds, 1), sized(seeds, 10)
    ratio = best_seconds(find_money, large, runs=1) / best_seconds(find_money, small, runs=1)
    rows.append({"name": "scaling 10 MB / 1 MB time (linear ~ 10)", "mb": 10, "ratio": ratio})
    return rows


if __name__ == "__main__":
    for row in run():
        figures = ", ".join(
            f"{key}={value:.2f}" if isinstance(value, float) else f"{key}={value}"
            for key, value in row.items()
            if key != "name"
        )
        print(f"{row['name']}: {figures}")
