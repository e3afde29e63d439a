"""Institutions and initiatives: the :class:`Institution` and :class:`Initiative` models.

Later work adds the bilingual registry in ``data/`` and mention recognition.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .spans import Record, Span

__all__ = ["Initiative", "InitiativeKind", "Institution", "InstitutionKind"]


def __dir__() -> list[str]:
    return __all__


InstitutionKind = Literal[
    "university",
    "bureau_or_department",
    "statutory_body",
    "research_centre",
    "park_or_facility",
    "company",
    "industry_body",
    "legislature_or_council",
    "other",
]

InitiativeKind = Literal[
    "fund", "scheme", "programme", "blueprint", "strategy", "initiative", "project", "other"
]


class Institution(Record):
    """A body that funds, runs, receives or reports: a bureau, university, park or company."""

    id: str
    """Stable identifier, e.g. ``"hkust"``."""
    name: str
    """English name."""
    name_zh: str | None = None
    """Traditional Chinese name, where it has one."""
    acronym: str | None = None
    """The usual acronym, e.g. ``"HKUST"``."""
    aliases: tuple[str, ...] = ()
    """Other names and acronyms the body goes by."""
    kind: InstitutionKind = "other"
    """What sort of body this is."""
    parent: str | None = None
    """Id of the body this one belongs to (Science Park -> HKSTP)."""
    valid_from: dt.date | None = None
    """The day the body took this name, where it was renamed or created by merger."""
    valid_to: dt.date | None = None
    """The last day under this name, where it was renamed or merged."""
    successor: str | None = None
    """Id of the body that took over, where this one was renamed or merged."""
    predecessors: tuple[str, ...] = ()
    """Ids of the bodies this one replaced."""
    registered: bool = True
    """True for registry entries; False for names discovered in text by pattern."""
    mentions: tuple[Span, ...] = ()
    """Every place the body is named, in the text or corpus it was extracted from."""


class Initiative(Record):
    """A fund, scheme, programme, blueprint or strategy."""

    id: str
    """Stable identifier, e.g. ``"itf"``."""
    name: str
    """English name."""
    name_zh: str | None = None
    """Traditional Chinese name, where it has one."""
    aliases: tuple[str, ...] = ()
    """Other names and acronyms."""
    kind: InitiativeKind = "other"
    """What sort of initiative this is."""
    owner: str | None = None
    """Id of the institution that runs it."""
    start_year: int | None = None
    """The year it began, where that is public knowledge."""
    registered: bool = True
    """True for registry entries; False for names discovered in text by pattern."""
    mentions: tuple[Span, ...] = ()
    """Every place the initiative is named."""
