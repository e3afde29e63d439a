"""The :class:`SectorStat` model: a percentage that describes a sector or population.

Owns the model and its builder, beneath both places that make SectorStats (the rows of a sector
table, :func:`hkpolicy.tables.sector_stats_from_table`, and the sentences of prose,
:func:`hkpolicy.facts.prose_sector_stats`), so that tables need not import facts. Users import it
from :mod:`hkpolicy.facts` or :mod:`hkpolicy`.
"""

from __future__ import annotations

from typing import Literal

from .percent import Percentage
from .spans import Record, Span, construct_trusted

__all__ = ["SectorStat", "SectorStatSource", "sector_stat"]

SectorStatSource = Literal["table", "text"]


class SectorStat(Record):
    """A percentage that describes a sector or population: "58% adoption in Financial Services"."""

    sector: str
    """The sector or population described, as written."""
    metric: str
    """What is measured ("Adoption Rate"), from a table header or the sentence."""
    value: Percentage
    """The value, with its qualifier."""
    year: int | None = None
    """The year the figure refers to, where the text gives one."""
    source: SectorStatSource
    """Whether the figure came from a table cell or from prose."""
    source_institution: str | None = None
    """Id of the body the text credits for the figure."""
    span: Span
    """The cell or phrase holding the value."""
    clause: Span | None = None
    """For a figure from prose, the sentence that states it."""


def sector_stat(
    *,
    sector: str,
    metric: str,
    value: Percentage,
    year: int | None,
    source: SectorStatSource,
    source_institution: str | None,
    span: Span,
    clause: Span | None,
) -> SectorStat:
    """A SectorStat from values valid by construction (no validation)."""
    values = {
        "sector": sector,
        "metric": metric,
        "value": value,
        "year": year,
        "source": source,
        "source_institution": source_institution,
        "span": span,
        "clause": clause,
    }
    return construct_trusted(SectorStat, values)
