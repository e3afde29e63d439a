"""Dates and periods: :class:`FiscalYear`, and (in later work) parse_date / parse_period."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .spans import Record

__all__ = ["FiscalYear"]


def __dir__() -> list[str]:
    return __all__


class FiscalYear(Record):
    """A Hong Kong Government fiscal year: 1 April of ``start_year`` to 31 March of the next."""

    start_year: int = Field(ge=1, le=9998)
    """The calendar year in which the fiscal year begins: 2024 for "2024-25"."""

    @property
    def start(self) -> dt.date:
        """1 April of ``start_year``."""
        return dt.date(self.start_year, 4, 1)

    @property
    def end(self) -> dt.date:
        """31 March of the following year (inclusive)."""
        return dt.date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        """The usual written form, "2024-25"."""
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label
