"""Money: the :class:`Money` value, and (in later work) parse_money / find_money.

A Money is an exact Decimal amount in full units of an ISO 4217 currency, with the qualifier and
per-period the text gave it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import field_validator, model_validator

from .errors import UnknownCurrencyError
from .spans import Qualifier, Record

__all__ = ["KNOWN_CURRENCIES", "Money", "Per"]


def __dir__() -> list[str]:
    return __all__


# ISO 4217 codes the library recognises in text and accepts on a Money.
KNOWN_CURRENCIES: frozenset[str] = frozenset(
    {"HKD", "USD", "CNY", "EUR", "GBP", "JPY", "SGD", "TWD", "MOP", "AUD", "CAD", "CHF", "KRW"}
)

Per = Literal["year", "month", "week", "day"]


class Money(Record):
    """An amount of money, exact, in full units: ``HK$24 billion`` is ``24000000000 HKD``."""

    amount: Decimal
    """The amount in full units of ``currency`` (the lower bound when ``qualifier`` is range)."""
    currency: str
    """ISO 4217 code, e.g. ``"HKD"``."""
    qualifier: Qualifier = Qualifier.EXACT
    """How the amount bounds the true value ("up to", "over", ...)."""
    amount_max: Decimal | None = None
    """Upper bound of a range ("HK$1-5 million"); None otherwise."""
    per: Per | None = None
    """The period of a rate ("HK$200 million a year" is per year); None for a one-off amount."""

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        code = value.strip().upper()
        if code not in KNOWN_CURRENCIES:
            raise UnknownCurrencyError(
                value,
                f"Unknown currency: {value!r} (known: {', '.join(sorted(KNOWN_CURRENCIES))})",
            )
        return code

    @field_validator("amount", "amount_max")
    @classmethod
    def _finite(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and not value.is_finite():
            raise ValueError(f"amount must be a finite number, got {value!r}")
        return value

    @model_validator(mode="after")
    def _range_is_ordered(self) -> Money:
        if self.amount_max is not None and self.amount_max < self.amount:
            raise ValueError(
                f"amount_max {self.amount_max} is below amount {self.amount}"
            )
        return self
