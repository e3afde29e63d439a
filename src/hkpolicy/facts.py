"""Facts: :class:`Funding` (money tied to who and what) and :class:`SectorStat` (a sector's share).

Later work assembles them from the parsers' and recognisers' mentions.
"""

from __future__ import annotations

from typing import Literal

from .dates import FiscalYear
from .money import Money
from .percent import Percentage
from .spans import Record, Span

__all__ = ["Funding", "PegCheck", "Role", "SectorStat"]


def __dir__() -> list[str]:
    return __all__


PegCheck = Literal["consistent", "inconsistent"]
Role = Literal["funder", "recipient", "owner"]


class Funding(Record):
    """An amount of money the text ties to an initiative, an institution or a purpose."""

    amount: Money
    """The amount, with its qualifier and per-period."""
    converted: Money | None = None
    """The paired amount in another currency, as written ("(US$3.07 billion)")."""
    peg_check: PegCheck | None = None
    """Whether a HKD/USD pair agrees with the linked exchange rate band; None if no pair."""
    initiative: str | None = None
    """Id of the initiative funded, where the text names one."""
    institution: str | None = None
    """Id of the institution involved, where the text names one."""
    role: Role | None = None
    """The institution's role, where the text makes it clear."""
    purpose: str | None = None
    """What the money is for, as the text puts it."""
    period: FiscalYear | int | None = None
    """The fiscal year, or calendar year, the amount belongs to."""
    span: Span
    """The clause that states the fact."""


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
    source: Literal["table", "text"]
    """Whether the figure came from a table cell or from prose."""
    source_institution: str | None = None
    """Id of the body the text credits for the figure."""
    span: Span
    """The cell or phrase holding the value."""
