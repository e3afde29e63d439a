"""extract() gives, field for field, the output pinned in tests/snapshots/extraction_digests.json
on every seed, every peer-suite input and a 10 MB synthetic text.

The pin is regenerated only for a deliberate change of output, with
``python tests/snapshots/extraction_digests.py > tests/snapshots/extraction_digests.json``, and
the commit says which output changed and why.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import hkpolicy
from tests.snapshots.extraction_digests import PINNED, field_digests, inputs

PEER_SUITES = os.environ.get("HKPOLICY_PEER_SUITES")
PINNED_DIGESTS: dict[str, dict[str, str]] = json.loads(PINNED.read_text(encoding="utf-8"))
CASES = list(inputs(Path(PEER_SUITES) if PEER_SUITES else None))


def test_every_pinned_input_is_checked_when_the_peer_suites_are_present() -> None:
    names = {name for name, _ in CASES}
    missing = sorted(set(PINNED_DIGESTS) - names)
    if not PEER_SUITES:
        missing = [name for name in missing if not name.startswith("peer:")]
    assert missing == []


@pytest.mark.parametrize(("name", "texts"), CASES, ids=[name for name, _ in CASES])
def test_extract_output_equals_the_pinned_snapshot(name: str, texts: list[str]) -> None:
    assert name in PINNED_DIGESTS, f"{name} has no pinned digests"
    digests = field_digests(hkpolicy.extract, texts)
    moved = [field for field, digest in digests.items() if PINNED_DIGESTS[name][field] != digest]
    assert moved == [], f"{name}: these fields of extract() changed: {moved}"
