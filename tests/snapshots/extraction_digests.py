"""Digests of ``extract()`` output on the seeds, the peer suites' inputs and a 10 MB synthetic
text: the snapshot that pins hkpolicy's output while its internals change.

Run as a script with any installed hkpolicy to print the digests as JSON::

    python tests/snapshots/extraction_digests.py [--peer-suites DIR] > digests.json
    python tests/snapshots/extraction_digests.py --compare   # the inputs and fields that moved

Each input gets one SHA-256 per field of :class:`~hkpolicy.Extraction` (over the JSON of that
field), so a difference names the field that moved, not just the input.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
SYNTHETIC_MEGABYTES = 10.0
# Fields of Extraction compared; ``warnings`` too, so a scan that stops early shows.
FIELDS = (
    "language",
    "money",
    "percentages",
    "dates",
    "tables",
    "institutions",
    "initiatives",
    "funding",
    "not_funding",
    "sector_stats",
    "boilerplate",
    "unparsed",
    "warnings",
)


def peer_suite_inputs(root: Path) -> Iterator[tuple[str, list[str]]]:
    """Each peer-suite file's distinct input texts, in file order, named by the file."""
    for path in sorted(root.rglob("*.jsonl")):
        texts: list[str] = []
        seen: set[str] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            text = case.get("input", case.get("markdown"))
            if isinstance(text, str) and text not in seen:
                seen.add(text)
                texts.append(text)
        yield f"peer:{path.relative_to(root).as_posix()}", texts


def inputs(peer_suites: Path | None) -> Iterator[tuple[str, list[str]]]:
    """(name, texts) pairs: every seed file, every peer-suite file, the synthetic text."""
    for path in sorted(SEEDS.glob("*.txt")):
        yield f"seed:{path.name}", [path.read_bytes().decode("utf-8")]
    if peer_suites is not None and peer_suites.is_dir():
        yield from peer_suite_inputs(peer_suites)
    sys.path.insert(0, str(REPO))
    from benchmarks._harness import synthetic_policy_text

    yield "synthetic-10MB", [synthetic_policy_text(SYNTHETIC_MEGABYTES)]


def field_digests(extract: Callable[[str], Any], texts: list[str]) -> dict[str, str]:
    """One SHA-256 per Extraction field over the JSON of that field for every text in turn."""
    hashes = {field: hashlib.sha256() for field in FIELDS}
    for text in texts:
        dumped = json.loads(extract(text).model_dump_json())
        for field in FIELDS:
            encoded = json.dumps(dumped[field], ensure_ascii=False, sort_keys=False)
            hashes[field].update(encoded.encode("utf-8", "surrogatepass") + b"\n")
    return {field: digest.hexdigest() for field, digest in hashes.items()}


PINNED = Path(__file__).with_suffix(".json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-suites", type=Path, default=REPO.parent / "shared" / "peer-suites")
    parser.add_argument("--compare", action="store_true", help=f"compare with {PINNED.name}")
    parser.add_argument("--only", help="inputs whose name starts with this (seed, peer, synthetic)")
    args = parser.parse_args()
    import hkpolicy

    pinned = json.loads(PINNED.read_text(encoding="utf-8")) if args.compare else {}
    result = {}
    for name, texts in inputs(args.peer_suites):
        if args.only and not name.startswith(args.only):
            continue
        result[name] = field_digests(hkpolicy.extract, texts)
        if args.compare:
            moved = [f for f in FIELDS if pinned.get(name, {}).get(f) != result[name][f]]
            print(f"{name}: {'moved: ' + ', '.join(moved) if moved else 'same'}", flush=True)
    if not args.compare:
        json.dump(result, sys.stdout, indent=1, sort_keys=True)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
