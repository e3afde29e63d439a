"""The entity models: :class:`Institution`, :class:`Initiative` and :class:`EntityMention`."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ..spans import Record, Span, construct_trusted

__all__ = [
    "Domain",
    "EntityMention",
    "Initiative",
    "InitiativeKind",
    "Institution",
    "InstitutionKind",
    "MatchKind",
]


InstitutionKind = Literal[
    "university",
    "bureau_or_department",
    "statutory_body",
    "research_centre",
    "park_or_facility",
    "company",
    "industry_body",
    "legislature_or_council",
    "government",
    "other",
]

InitiativeKind = Literal[
    "fund", "scheme", "programme", "blueprint", "strategy", "initiative", "project", "other"
]

MatchKind = Literal["name", "name_zh", "name_zh_hans", "acronym", "alias", "defined", "discovered"]
"""How a mention was recognised: a registry field, a document's own acronym definition, or a
discovery pattern."""

Domain = Literal["institution", "initiative"]


class Institution(Record):
    """A body that funds, runs, receives or reports: a bureau, university, park or company."""

    id: str
    """Stable identifier, e.g. ``"hkust"``; discovered names get ``"new:<slug>"``."""
    name: str
    """English name (for a body discovered in Chinese text, the Chinese name)."""
    name_zh: str | None = None
    """Traditional Chinese name, where it has one."""
    name_zh_hans: str | None = None
    """Simplified Chinese name: ``name_zh`` converted by OpenCC when the registry is built."""
    acronym: str | None = None
    """The usual acronym, e.g. ``"HKUST"``."""
    aliases: tuple[str, ...] = ()
    """Other names and acronyms the body goes by, official or not, English or Chinese."""
    aliases_zh_hans: tuple[str, ...] = ()
    """Simplified forms of the Chinese ``aliases`` (generated, as ``name_zh_hans``)."""
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
    confidence: float = 1.0
    """1.0 for registry entries; for a discovered name, how strong the evidence was (a head word
    and a proper-name shape, a definition, repetition), between 0 and 1."""
    mentions: tuple[Span, ...] = ()
    """Every place the body is named, in the text or corpus it was extracted from."""


class Initiative(Record):
    """A fund, scheme, programme, blueprint or strategy."""

    id: str
    """Stable identifier, e.g. ``"itf"``; discovered names get ``"new:<slug>"``."""
    name: str
    """English name (for an initiative discovered in Chinese text, the Chinese name)."""
    name_zh: str | None = None
    """Traditional Chinese name, where it has one."""
    name_zh_hans: str | None = None
    """Simplified Chinese name: ``name_zh`` converted by OpenCC when the registry is built."""
    acronym: str | None = None
    """The usual acronym, e.g. ``"TVP"``."""
    aliases: tuple[str, ...] = ()
    """Other names and acronyms."""
    aliases_zh_hans: tuple[str, ...] = ()
    """Simplified forms of the Chinese ``aliases`` (generated, as ``name_zh_hans``)."""
    kind: InitiativeKind = "other"
    """What sort of initiative this is."""
    owner: str | None = None
    """Id of the institution that runs it: the registry's owner, or for a discovered initiative
    the first of ``text_owners``."""
    start_year: int | None = None
    """The year it began, where that is public knowledge."""
    end_year: int | None = None
    """The last year it ran or took applications, where it has closed."""
    parent: str | None = None
    """Id of the initiative this one belongs to (a programme under a fund)."""
    registered: bool = True
    """True for registry entries; False for names discovered in text by pattern."""
    confidence: float = 1.0
    """1.0 for registry entries; for a discovered name, how strong the evidence was."""
    text_owners: tuple[str, ...] = ()
    """Ids of institutions the text itself says launch or run it ("X has launched the Y"), which
    may differ from the registry's ``owner``."""
    mentions: tuple[Span, ...] = ()
    """Every place the initiative is named."""


class EntityMention(Record):
    """One place a text names an institution or initiative."""

    id: str
    """Id of the entity named (a registry id, or ``"new:<slug>"`` for a discovered name)."""
    span: Span
    """The characters that name it; a leading "the" is not part of the span."""
    form: str
    """The name, acronym or alias that matched, as the registry (or the definition) spells it."""
    match: MatchKind
    """How the mention was recognised."""
    registered: bool = True
    """False when the entity is not in the registry (discovered by pattern or definition)."""


def new_mention(
    *, id: str, span: Span, form: str, match: MatchKind, registered: bool
) -> EntityMention:
    """An EntityMention of values valid by construction, without validation."""
    values = {"id": id, "span": span, "form": form, "match": match, "registered": registered}
    return construct_trusted(EntityMention, values)


# --------------------------------------------------------------------------------------------
# registry
