"""units: the lazy pint registry from data/currency.txt and the linked-rate context."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from hkpolicy.errors import UnknownCurrencyError
from hkpolicy.units import LINKED_RATE_CONTEXT, convert_amount, get_registry


def test_import_does_not_load_pint() -> None:
    code = "import sys, hkpolicy, hkpolicy.money; print('pint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_registry_is_cached_and_decimal() -> None:
    registry = get_registry()
    assert get_registry() is registry
    with registry.context(LINKED_RATE_CONTEXT):
        magnitude = registry.Quantity(Decimal(100), "USD").to("HKD").magnitude
    assert magnitude == Decimal("780") and isinstance(magnitude, Decimal)


def test_outside_the_context_there_is_no_rate() -> None:
    registry = get_registry()
    assert registry.Quantity(Decimal(1), "USD").to("HKD").magnitude.is_nan()


def test_convert_amount() -> None:
    assert convert_amount(Decimal("3.07"), "USD", "HKD") == Decimal("23.946")
    with pytest.raises(UnknownCurrencyError, match="No known rate from HKD to JPY"):
        convert_amount(Decimal(1), "HKD", "JPY")
