"""Benchmark of hkpolicy.entities: cold registry load time and recognition throughput.

Run: ``cd /work/main && python -m benchmarks.bench_entities``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys

from benchmarks._harness import megabytes, seeds_text, synthetic_policy_text, throughput

__all__ = ["run"]

# Runs in a fresh interpreter, so the registry is cold: read, parse, validate, then compile.
_COLD_LOAD = """
import json, time
from hkpolicy.entities import load_registry
started = time.perf_counter()
registry = load_registry()
loaded = time.perf_counter()
registry.institution("hkust") and registry._matcher
compiled = time.perf_counter()
print(json.dumps({"load_ms": (loaded - started) * 1000, "compile_ms": (compiled - loaded) * 1000}))
"""


def _cold_load() -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _COLD_LOAD], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def run() -> list[dict[str, object]]:
    """One row per measurement: registry load (cold) and throughput of each scanner."""
    from hkpolicy.entities import find_initiatives, find_institutions, recognize_entities

    cold = _cold_load()
    text = seeds_text(100)
    recognize_entities(text[:1000])  # warm the registry and its matcher
    rows: list[dict[str, object]] = [
        {
            "bench": "entities",
            "what": "registry load (cold, fresh process)",
            "ms": round(cold["load_ms"], 1),
        },
        {
            "bench": "entities",
            "what": "matcher compile (first scan)",
            "ms": round(cold["compile_ms"], 1),
        },
    ]
    texts = {"seeds x100": text, "synthetic": synthetic_policy_text(2)}
    for label, sample in texts.items():
        for name, fn in (
            ("find_institutions", find_institutions),
            ("find_initiatives", find_initiatives),
            ("recognize_entities", recognize_entities),
        ):
            rows.append(
                {
                    "bench": "entities",
                    "what": f"{name} on {label} ({megabytes(sample):.2f} MB)",
                    "MB/s": round(throughput(fn, sample), 2),
                }
            )
    return rows


def main() -> None:
    for row in run():
        print("  ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
