"""The pint currency registry: built once, on first use, from ``data/currency.txt``.

Owns every use of pint in hkpolicy. ``import hkpolicy`` does not import pint; the first call to
:func:`get_registry` (through :meth:`hkpolicy.money.Money.to`) does. Magnitudes are Decimal
(``non_int_type=Decimal``) so conversions never pass through float.
"""

from __future__ import annotations

import decimal
import functools
from decimal import Decimal
from importlib import resources
from typing import Any

from .errors import AmountOverflowError, UnknownCurrencyError

__all__ = [
    "DIVISION_DIGITS",
    "DIVISION_PLACES",
    "LINKED_RATE_CONTEXT",
    "MAX_CONVERSION_DIGITS",
    "check_convertible",
    "convert_amount",
    "divide",
    "get_registry",
    "multiply",
]


def __dir__() -> list[str]:
    return __all__


# Name of the pint context that holds the linked exchange rate (7.80 HKD per USD).
LINKED_RATE_CONTEXT = "linked_rate"

MAX_CONVERSION_DIGITS = 1000
"""Conversions take amounts below ``10**1000`` with at most 1000 significant digits, and refuse
others with :class:`~hkpolicy.errors.AmountOverflowError`: a converted amount is written out in
full (``Decimal('1e999999999')`` would be a billion digits). No real amount comes near it."""

DIVISION_DIGITS = 28
"""A quotient that does not terminate (HKD to USD: 1/7.80 = 0.128205...) is rounded half-even
to this many significant digits, Python's default decimal precision ..."""

DIVISION_PLACES = 12
"""... or to this many decimal places when that keeps more digits, so an amount of
``10**16`` or more keeps every digit down to a trillionth of a unit."""


@functools.cache
def get_registry() -> Any:
    """The pint ``UnitRegistry`` with hkpolicy's currencies (HKD base, Decimal magnitudes)."""
    import pint

    registry: Any = pint.UnitRegistry(None, non_int_type=Decimal)
    text = resources.files("hkpolicy.data").joinpath("currency.txt").read_text(encoding="utf-8")
    registry.load_definitions(text.splitlines())
    return registry


def check_convertible(value: Decimal) -> None:
    """Refuse an amount too large to convert and write out exactly.

    :raises AmountOverflowError: ``value`` is ``10**MAX_CONVERSION_DIGITS`` or more, or has
        more than :data:`MAX_CONVERSION_DIGITS` significant digits.
    """
    if value.is_finite() and (
        value.adjusted() >= MAX_CONVERSION_DIGITS
        or len(value.as_tuple().digits) > MAX_CONVERSION_DIGITS
    ):
        text = str(value)
        if len(text) > 60:
            text = f"{text[:24]}...{text[-24:]}"
        raise AmountOverflowError(text, MAX_CONVERSION_DIGITS)


def divide(dividend: Decimal, divisor: Decimal) -> Decimal:
    """``dividend / divisor``: exact when the quotient terminates, otherwise rounded half-even to
    :data:`DIVISION_DIGITS` significant digits, or to :data:`DIVISION_PLACES` decimal places
    when that keeps more digits (quotients of ``10**16`` and over).

    A quotient ``m/n`` that terminates has at most ``digits(m) + 4 * digits(n)`` significant
    digits (its reduced denominator ``2**x * 5**y`` divides ``n``, so ``x, y < 3.33 *
    digits(n)``), so one division at that precision is either exact or shows that it cannot be.

    >>> divide(Decimal("7.8"), Decimal("7.80")), divide(Decimal("1"), Decimal("7.80"))
    (Decimal('1'), Decimal('0.1282051282051282051282051282'))
    """
    size = len(dividend.as_tuple().digits) + 4 * len(divisor.as_tuple().digits) + 2
    exact = _context(size)
    quotient = exact.divide(dividend, divisor)
    if not exact.flags[decimal.Inexact]:
        return quotient
    digits = max(DIVISION_DIGITS, quotient.adjusted() + 1 + DIVISION_PLACES)
    return _context(digits).divide(dividend, divisor)


def multiply(a: Decimal, b: Decimal) -> Decimal:
    """``a * b`` exactly (the product of m and n digits has at most m + n)."""
    digits = len(a.as_tuple().digits) + len(b.as_tuple().digits)
    return _context(digits).multiply(a, b)


def _context(precision: int) -> decimal.Context:
    return decimal.Context(
        prec=precision,
        rounding=decimal.ROUND_HALF_EVEN,
        Emax=decimal.MAX_EMAX,
        Emin=decimal.MIN_EMIN,
        traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
    )


def _unit_value(registry: Any, currency: str) -> Decimal:
    """One unit of ``currency`` in HKD under the linked rate, exactly as data/currency.txt
    defines it (``Decimal('7.80')`` for USD)."""
    with registry.context(LINKED_RATE_CONTEXT):
        value = registry.Quantity(Decimal(1), currency).to("HKD").magnitude
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise ValueError(f"no linked rate for {currency}")
    return value


def convert_amount(amount: Decimal, source: str, target: str) -> Decimal:
    """``amount`` of ``source`` in ``target`` under the linked-rate context, as Decimal.

    The registry gives the value of one unit of each currency in HKD (exact: 7.80 for USD);
    the amount is multiplied by the source's value exactly and divided by the target's with
    :func:`divide`, so USD to HKD is exact, and HKD to USD is exact whenever the quotient
    terminates.

    :raises UnknownCurrencyError: no rate is known (only HKD and USD are linked); pass
        ``rate=`` to :meth:`~hkpolicy.money.Money.to` for any other pair.
    :raises AmountOverflowError: the amount, or the result, is too large (see
        :func:`check_convertible`).

    >>> convert_amount(Decimal("100"), "USD", "HKD")
    Decimal('780.00')
    >>> convert_amount(Decimal("123456789012345678901234567890.1"), "USD", "HKD")
    Decimal('962962954296296295429629629542.780')
    """
    check_convertible(amount)
    registry = get_registry()
    try:
        source_value = _unit_value(registry, source)
        target_value = _unit_value(registry, target)
    except Exception as error:  # pint's own errors: an unknown unit or a dimension mismatch
        raise UnknownCurrencyError(
            target,
            f"No known rate from {source} to {target}: only HKD and USD are linked "
            f"(7.80 HKD per USD); pass rate= to Money.to()",
        ) from error
    result = divide(multiply(amount, source_value), target_value)
    check_convertible(result)
    return result
