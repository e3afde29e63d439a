"""Percentages: the :class:`Percentage` value, and (in later work) parse/find functions."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import field_validator

from .spans import Qualifier, Record

__all__ = ["Percentage", "PercentUnit"]


def __dir__() -> list[str]:
    return __all__


PercentUnit = Literal["percent", "percentage_point"]


class Percentage(Record):
    """A share or a change, exact: ``value=Decimal("42")`` means 42 %."""

    value: Decimal
    """The number as written: 42 for "42%" (the lower bound when ``qualifier`` is range)."""
    qualifier: Qualifier = Qualifier.EXACT
    """How the value bounds the true value ("approximately 42%")."""
    value_max: Decimal | None = None
    """Upper bound of a range ("40-45%"); None otherwise."""
    unit: PercentUnit = "percent"
    """Percent, or percentage points ("2 percentage points"), which are never mixed up."""

    @field_validator("value", "value_max")
    @classmethod
    def _finite(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and not value.is_finite():
            raise ValueError(f"percentage must be a finite number, got {value!r}")
        return value
