"""Reading the peers' own test suites in place, and keeping the known-failure lists honest.

The suites live outside the repository (``../shared/peer-suites`` in the project's CI). ``.ci/run``
passes their folder in ``HKPOLICY_PEER_SUITES``. When the variable is unset the conformance tests
skip and say why; when it is set but the folder is missing they fail, so CI cannot pass vacuously.

Known failures live in ``known_failures/<suite>.txt``: one case id per line, then ``#`` and the
reason. Each is marked ``xfail(strict=True)``, so a case that starts passing fails the run until its
line is removed: the lists can only shrink.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

PEER_SUITES_ENV = "HKPOLICY_PEER_SUITES"
KNOWN_FAILURES_DIR = Path(__file__).parent / "known_failures"

Row = dict[str, Any]


def peer_suites_dir() -> Path | None:
    """The peer-suites folder, None when not configured; an error when configured but absent."""
    configured = os.environ.get(PEER_SUITES_ENV)
    if not configured:
        return None
    path = Path(configured)
    if not path.is_dir():
        raise RuntimeError(f"{PEER_SUITES_ENV}={configured!r} is set but is not a directory")
    return path


def iter_jsonl(path: Path) -> Iterator[Row]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_known_failures(suite: str) -> dict[str, str]:
    """``{case_id: reason}`` from ``known_failures/<suite>.txt``; every entry must give a reason."""
    path = KNOWN_FAILURES_DIR / f"{suite}.txt"
    if not path.exists():
        return {}
    known: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        case_id, sep, reason = line.partition("#")
        if not sep or not reason.strip():
            raise ValueError(
                f"{path.name}:{number}: known failure {case_id.strip()!r} has no reason"
            )
        if case_id.strip() in known:
            raise ValueError(f"{path.name}:{number}: duplicate known failure {case_id.strip()!r}")
        known[case_id.strip()] = reason.strip()
    return known


def peer_params(
    suite: str,
    relative_path: str,
    *,
    select: Callable[[Row], bool],
    case_id: Callable[[Row], str],
) -> list[Any]:
    """pytest params for the selected rows of one peer file, with known failures marked xfail.

    With no peer folder configured, one skipped param says why. A known-failure id that matches
    no selected row is an error, so stale entries cannot linger.
    """
    root = peer_suites_dir()
    if root is None:
        reason = f"peer suites not available: set {PEER_SUITES_ENV} to the peer-suites folder"
        return [pytest.param(None, id=f"{suite}-absent", marks=pytest.mark.skip(reason=reason))]
    known = load_known_failures(suite)
    params = []
    seen: set[str] = set()
    for row in iter_jsonl(root / relative_path):
        if not select(row):
            continue
        cid = case_id(row)
        if cid in seen:
            raise ValueError(f"{suite}: duplicate case id {cid!r}")
        seen.add(cid)
        marks = [pytest.mark.conformance(suite)]
        if cid in known:
            marks.append(pytest.mark.xfail(reason=known[cid], strict=True))
        params.append(pytest.param(row, id=cid, marks=marks))
    stale = set(known) - seen
    if stale:
        raise ValueError(f"{suite}: known failures match no case: {sorted(stale)}")
    return params
