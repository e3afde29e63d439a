"""The records the funding assembler passes between its rules, and the index of named mentions.

Owns :class:`Draft` (what the rules have found for one amount so far), the small typed values a
rule hands back (:class:`Target`, :class:`Purpose`, :class:`Rejected`), :data:`Role`, and
:class:`NameIndex`, the institution and initiative mentions of one text sorted by offset, which
every rule reads through :meth:`NameIndex.between` so that it sees only the names in its window.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Literal, NamedTuple

from ._funding_cues import NotFundingReason
from ._funding_text import NOT_TARGET_RE
from .dates import FiscalYear
from .entities import Initiative, Institution
from .money import MoneyMention, Per
from .spans import Span

__all__ = [
    "Bounds",
    "Draft",
    "EntityKind",
    "NameIndex",
    "NamedMention",
    "Purpose",
    "Rejected",
    "Role",
    "Target",
]

Role = Literal["funder", "recipient", "owner"]
EntityKind = Literal["initiative", "institution"]
# A half-open stretch of the text, (start, end).
Bounds = tuple[int, int]


class NamedMention(NamedTuple):
    """One mention of an institution or initiative, with what the rules ask of its entity."""

    kind: EntityKind
    id: str
    start: int
    end: int
    government: bool
    """A government body: it gives, it never receives."""
    initiative_kind: str | None
    facility: bool
    """A park or facility: a place can receive, never give."""
    span: Span


class Target(NamedTuple):
    """A named entity mention chosen as a fact's target."""

    kind: EntityKind
    id: str
    start: int
    end: int
    span: Span

    @classmethod
    def of(cls, mention: NamedMention) -> Target:
        return cls(mention.kind, mention.id, mention.start, mention.end, mention.span)


class Purpose(NamedTuple):
    """What an amount is for: the phrase, where it is written, and the cue that introduced it."""

    phrase: str
    start: int
    stop: int
    cue: Bounds | None


class Rejected(NamedTuple):
    """An amount that is not funding, with the reason and the words that show it."""

    mention: MoneyMention
    reason: NotFundingReason
    cue: Bounds


@dataclass(slots=True)
class Draft:
    """What the assembler found for one amount; :mod:`hkpolicy.facts` turns it into a Funding.

    The rules fill it in order (targets, reference, purpose, inherited target, verb, ceiling,
    period); ``cues`` is sorted by offset once the last rule has run."""

    mention: MoneyMention
    clause: Bounds
    initiative: Target | None = None
    institution: Target | None = None
    role: Role | None = None
    funder: str | None = None
    recipient: str | None = None
    purpose: Purpose | None = None
    reference: Bounds | None = None
    cues: list[Bounds] = field(default_factory=list)
    period: FiscalYear | int | None = None
    period_span: Span | None = None
    ceiling: MoneyMention | None = None
    per: Per | None = None
    distributed: bool = False
    """Set by "respectively": the list names each amount's own target."""


# (start, end) of a NamedMention.
_BY_START_END = itemgetter(2, 3)


class NameIndex:
    """The institution and initiative mentions of one text, sorted by (start, end).

    Initiatives that are documents (the Budget, the Policy Address) are left out: they are where
    money is announced, never what it funds."""

    __slots__ = ("mentions", "starts")

    def __init__(
        self, institutions: Sequence[Institution], initiatives: Sequence[Initiative]
    ) -> None:
        # Built with tuple.__new__ (the fields in order), the cost of one tuple per mention.
        new = tuple.__new__
        found: list[NamedMention] = []
        add = found.append
        for inst in institutions:
            kind, government = "institution", inst.kind == "government"
            facility = inst.kind == "park_or_facility"
            for span in inst.mentions:
                start, end = span.start, span.end
                add(
                    new(NamedMention, (kind, inst.id, start, end, government, None, facility, span))
                )
        for init in initiatives:
            names = " ".join(n for n in (init.name, init.name_zh) if n)
            if NOT_TARGET_RE.search(names):
                continue
            kind, initiative_kind = "initiative", init.kind
            for span in init.mentions:
                start, end = span.start, span.end
                add(
                    new(
                        NamedMention,
                        (kind, init.id, start, end, False, initiative_kind, False, span),
                    )
                )
        found.sort(key=_BY_START_END)
        self.mentions = found
        self.starts = [m[2] for m in found]

    def between(self, bounds: Bounds) -> list[NamedMention]:
        """The mentions that start and end inside ``bounds``."""
        low = bisect.bisect_left(self.starts, bounds[0])
        high = bisect.bisect_left(self.starts, bounds[1])
        return [m for m in self.mentions[low:high] if m.end <= bounds[1]]

    def starting(self, low: int, high: int) -> list[NamedMention]:
        """The mentions that start in ``[low, high)``, wherever they end."""
        return self.mentions[
            bisect.bisect_left(self.starts, low) : bisect.bisect_left(self.starts, high)
        ]
