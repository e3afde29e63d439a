"""The shape of :meth:`Corpus.summary <hkpolicy.corpus.Corpus.summary>` (``hkpolicy summary
--json``): the summary is built as these models and written from them, so it always has the
shape :func:`hkpolicy.schema.json_schema` publishes for it.

Owns the summary's models and the text forms of exact values in hkpolicy's JSON
(:data:`DECIMAL_PATTERN`, ISO dates).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints

from .spans import Record

__all__ = [
    "DECIMAL_PATTERN",
    "DecimalText",
    "IsoDate",
    "Summary",
    "SummaryDocument",
    "SummaryFunding",
    "SummaryInstitution",
    "SummarySectorStat",
]


def __dir__() -> list[str]:
    return __all__


# How a Decimal is written in hkpolicy's JSON: str(Decimal), sign, digits, point, exponent.
DECIMAL_PATTERN = r"^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$"

DecimalText = Annotated[str, StringConstraints(pattern=DECIMAL_PATTERN)]
IsoDate = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class SummaryDocument(Record):
    """One document in the summary."""

    id: str
    title: str | None
    title_assigned: bool
    publisher: str | None
    author: str | None
    published: IsoDate | None
    language: str
    words: int
    boilerplate_spans: int


class SummaryFunding(Record):
    """One funding fact in the summary, in HKD and USD (the text's figure or the linked rate)."""

    doc_id: str
    amount: str
    """The amount as ``str(Money)`` writes it."""
    hkd: DecimalText | None
    usd: DecimalText | None
    usd_as_written: bool
    """True when ``usd`` is the text's own figure, False when converted at 7.80."""
    initiative: str | None
    institution: str | None
    role: str | None
    purpose: str | None
    period: str | None
    peg_check: Literal["consistent", "inconsistent"] | None


class SummarySectorStat(Record):
    """One sector statistic in the summary."""

    doc_id: str
    sector: str
    metric: str
    value: str
    """The percentage as ``str(Percentage)`` writes it."""
    year: int | None
    source: str
    source_institution: str | None


class SummaryInstitution(Record):
    """One of the most mentioned institutions."""

    id: str
    name: str
    mentions: int
    documents: int


class Summary(Record):
    """``hkpolicy summary --json``: the documents, the fact counts and the main facts."""

    documents: list[SummaryDocument]
    facts: dict[str, int | None]
    """Count per fact collection; null for a collection whose extractor has not landed."""
    funding: list[SummaryFunding]
    sector_stats: list[SummarySectorStat]
    top_institutions: list[SummaryInstitution]
    pending_extractors: list[str]
