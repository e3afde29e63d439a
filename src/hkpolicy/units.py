"""The pint currency registry: built once, on first use, from ``data/currency.txt``.

Owns every use of pint in hkpolicy. ``import hkpolicy`` does not import pint; the first call to
:func:`get_registry` (through :meth:`hkpolicy.money.Money.to`) does. Magnitudes are Decimal
(``non_int_type=Decimal``) so conversions never pass through float.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from importlib import resources
from typing import Any

from .errors import UnknownCurrencyError

__all__ = ["LINKED_RATE_CONTEXT", "convert_amount", "get_registry"]


def __dir__() -> list[str]:
    return __all__


# Name of the pint context that holds the linked exchange rate (7.80 HKD per USD).
LINKED_RATE_CONTEXT = "linked_rate"


@functools.cache
def get_registry() -> Any:
    """The pint ``UnitRegistry`` with hkpolicy's currencies (HKD base, Decimal magnitudes)."""
    import pint

    registry: Any = pint.UnitRegistry(None, non_int_type=Decimal)
    text = resources.files("hkpolicy.data").joinpath("currency.txt").read_text(encoding="utf-8")
    registry.load_definitions(text.splitlines())
    return registry


def convert_amount(amount: Decimal, source: str, target: str) -> Decimal:
    """``amount`` of ``source`` in ``target`` under the linked-rate context, as Decimal.

    Raises :class:`~hkpolicy.errors.UnknownCurrencyError` when no rate is known (only HKD and
    USD are linked); pass ``rate=`` to :meth:`~hkpolicy.money.Money.to` for any other pair.

    >>> convert_amount(Decimal("100"), "USD", "HKD")
    Decimal('780.00')
    """
    registry = get_registry()
    try:
        quantity = registry.Quantity(Decimal(amount), source)
        with registry.context(LINKED_RATE_CONTEXT):
            result = quantity.to(target).magnitude
    except Exception as error:  # pint's own errors: an unknown unit or a dimension mismatch
        raise UnknownCurrencyError(
            target, f"Cannot convert {source} to {target}: {error}"
        ) from error
    if not isinstance(result, Decimal) or not result.is_finite():
        raise UnknownCurrencyError(
            target,
            f"No known rate from {source} to {target}: only HKD and USD are linked "
            f"(7.80 HKD per USD); pass rate= to Money.to()",
        )
    return result
