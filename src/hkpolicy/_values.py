"""Rules shared by the value models' arithmetic and ordering (:class:`~hkpolicy.money.Money`,
:class:`~hkpolicy.percent.Percentage`): which qualifier a sum or difference carries, which
operands can be ordered, and the precision of a quotient.

A qualifier is never dropped. Where no single qualifier states a result truthfully (an upper
bound plus a lower bound, "about 5%" ordered against "6%"), the operation raises
:class:`~hkpolicy.errors.QualifierError` instead of guessing.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

from ._numerals import EXACT, canonical
from .errors import QualifierError
from .spans import Qualifier

__all__ = [
    "DIVISION_DIGITS",
    "OrderedByValue",
    "difference_qualifier",
    "divided",
    "multiplier",
    "sum_qualifier",
    "times",
]


def __dir__() -> list[str]:
    return __all__


Q = Qualifier

# Significant digits of a quotient that does not terminate (HKD 10 / 3, a ratio of amounts):
# the decimal module's default precision, the same as Money.to's HKD -> USD division.
DIVISION_DIGITS = 28
_DIVISION = decimal.Context(prec=DIVISION_DIGITS, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)

# The qualifier of a + b, whichever order: bounds in the same direction add up to a bound in
# that direction ("up to 5" + "up to 3" is "up to 8"); an exact operand keeps the other's
# qualifier; a range adds end to end. Pairs not listed (an upper bound plus a lower bound, an
# approximation plus a bound) have no truthful single qualifier.
_SUM: dict[frozenset[Qualifier], Qualifier] = {
    frozenset({Q.EXACT}): Q.EXACT,
    frozenset({Q.EXACT, Q.APPROXIMATELY}): Q.APPROXIMATELY,
    frozenset({Q.APPROXIMATELY}): Q.APPROXIMATELY,
    frozenset({Q.EXACT, Q.UP_TO}): Q.UP_TO,
    frozenset({Q.UP_TO}): Q.UP_TO,
    frozenset({Q.EXACT, Q.LESS_THAN}): Q.LESS_THAN,
    frozenset({Q.LESS_THAN}): Q.LESS_THAN,
    frozenset({Q.UP_TO, Q.LESS_THAN}): Q.LESS_THAN,
    frozenset({Q.EXACT, Q.AT_LEAST}): Q.AT_LEAST,
    frozenset({Q.AT_LEAST}): Q.AT_LEAST,
    frozenset({Q.EXACT, Q.MORE_THAN}): Q.MORE_THAN,
    frozenset({Q.MORE_THAN}): Q.MORE_THAN,
    frozenset({Q.AT_LEAST, Q.MORE_THAN}): Q.MORE_THAN,
    frozenset({Q.EXACT, Q.RANGE}): Q.RANGE,
    frozenset({Q.RANGE}): Q.RANGE,
}

# a - b with b exact keeps a's qualifier (a shift); with a exact, b's bound turns over
# (10 - "up to 3" is "at least 7").
_TURNED: dict[Qualifier, Qualifier] = {
    Q.EXACT: Q.EXACT,
    Q.APPROXIMATELY: Q.APPROXIMATELY,
    Q.UP_TO: Q.AT_LEAST,
    Q.LESS_THAN: Q.MORE_THAN,
    Q.AT_LEAST: Q.UP_TO,
    Q.MORE_THAN: Q.LESS_THAN,
    Q.RANGE: Q.RANGE,
}


def sum_qualifier(left: Qualifier, right: Qualifier, shown: str) -> Qualifier:
    """The qualifier of the sum of values qualified ``left`` and ``right``.

    :raises QualifierError: when no single qualifier states the sum (``shown`` quotes it).
    """
    found = _SUM.get(frozenset({left, right}))
    if found is None:
        raise QualifierError(
            f"Cannot add {shown}: values qualified {left.value!r} and {right.value!r} have no "
            "single qualifier for their sum"
        )
    return found


def difference_qualifier(left: Qualifier, right: Qualifier, shown: str) -> Qualifier:
    """The qualifier of ``left - right``: a shift when ``right`` is exact, a turned bound when
    ``left`` is exact, "approximately" for two approximations, a range for two ranges.

    :raises QualifierError: for any other pair (``shown`` quotes the operation).
    """
    if right is Q.EXACT:
        return left
    if left is Q.EXACT:
        return _TURNED[right]
    if left is right and left in (Q.APPROXIMATELY, Q.RANGE):
        return left
    raise QualifierError(
        f"Cannot subtract {shown}: a value qualified {right.value!r} taken from one qualified "
        f"{left.value!r} has no single qualifier"
    )


def multiplier(factor: object, shown: str) -> Decimal:
    """``factor`` as an exact Decimal: an int or a Decimal, finite and not negative.

    :raises TypeError: for a float (inexact) or anything else.
    :raises ValueError: for a negative or non-finite factor.
    """
    if isinstance(factor, bool) or not isinstance(factor, (int, Decimal)):
        kind = type(factor).__name__
        hint = "; use Decimal('...') for an exact factor" if isinstance(factor, float) else ""
        raise TypeError(f"{shown}: expected an int or Decimal factor, got {kind}{hint}")
    value = Decimal(factor)
    if not value.is_finite() or value < 0:
        raise ValueError(f"{shown}: the factor must be a finite number >= 0, got {factor!r}")
    return value


def divided(dividend: Decimal, divisor: Decimal) -> Decimal:
    """``dividend / divisor`` to :data:`DIVISION_DIGITS` significant digits (exact whenever the
    quotient fits in them). Raises ZeroDivisionError for a zero divisor."""
    if divisor == 0:
        raise ZeroDivisionError(f"division of {dividend} by zero")
    return canonical(_DIVISION.divide(dividend, divisor))


def times(value: Decimal, factor: Decimal) -> Decimal:
    """``value * factor``, exact."""
    return canonical(EXACT.multiply(value, factor))


class OrderedByValue:
    """The four orderings of a value model, from its ``_ordered(other)``: the pair of exact
    numbers to compare, or None when ``other`` is not a value of the same model (Python then
    tries the reflected operation and raises TypeError). ``_ordered`` raises where an order would
    be a guess (another currency or unit, a qualified value)."""

    __slots__ = ()

    def _ordered(self, other: object) -> tuple[Decimal, Decimal] | None:
        raise NotImplementedError

    def __lt__(self, other: object) -> bool:
        pair = self._ordered(other)
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other: object) -> bool:
        pair = self._ordered(other)
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other: object) -> bool:
        pair = self._ordered(other)
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other: object) -> bool:
        pair = self._ordered(other)
        return NotImplemented if pair is None else pair[0] >= pair[1]
