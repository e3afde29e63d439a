"""Shared fixtures: the repository's paths and the seed texts, read as plain strings."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO / "seeds"


def seed_text(stem: str) -> str:
    """The exact text of one seed file, by its file stem or its three-digit prefix."""
    matches = sorted(SEEDS_DIR.glob(f"{stem}*.txt"))
    if len(matches) != 1:
        raise LookupError(f"no single seed matches {stem!r}: {matches}")
    return matches[0].read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """``{file stem: text}`` for the five bundled seeds."""
    return {p.stem: p.read_bytes().decode("utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))}
