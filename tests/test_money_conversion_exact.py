"""Money.to is exact where it says so, rounds as documented where it cannot be, takes no float
rate, and refuses amounts too large to write out; -0 is 0."""

from __future__ import annotations

import csv
import io
import pickle
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hkpolicy as hk
from hkpolicy import HKPolicyError, Money, UnknownCurrencyError, parse_money
from hkpolicy.cli import main

D = Decimal
PEG = Fraction(78, 10)


def rounded(value: Fraction, places: int) -> Decimal:
    """``value`` rounded half-even to ``places`` decimal places, from integer arithmetic."""
    scaled = value * 10**places
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    if 2 * rest > scaled.denominator or (2 * rest == scaled.denominator and whole % 2):
        whole += 1
    return D(f"{whole}E-{places}")


# --- rate: Decimal, int or str; never float ---------------------------------------------------


@pytest.mark.parametrize("rate", [0.1, 7.8, float("nan"), True, [1], None.__class__])
def test_a_float_or_other_rate_is_a_type_error_naming_rate(rate: object) -> None:
    money = Money(amount=D(100), currency="HKD")
    with pytest.raises(TypeError, match="^rate must be a Decimal, int or str"):
        money.to("USD", rate=rate)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^rate "):
        money.to("HKD", rate=rate)  # type: ignore[arg-type]


def test_a_float_rate_says_how_to_write_it_exactly() -> None:
    with pytest.raises(TypeError, match=r"pass Decimal\('0.1'\) or '0.1'"):
        Money(amount=D(100), currency="HKD").to("USD", rate=0.1)  # type: ignore[arg-type]


@pytest.mark.parametrize("rate", [D("0.1"), "0.1", " 0.1 "])
def test_exact_rates_give_exact_products(rate: Decimal | str) -> None:
    assert Money(amount=D(100), currency="HKD").to("USD", rate=rate).amount == D(10)
    assert str(Money(amount=D(100), currency="HKD").to("USD", rate=rate).amount) == "10"


def test_an_int_rate_is_exact() -> None:
    assert Money(amount=D("2.5"), currency="USD").to("HKD", rate=8).amount == D(20)


@pytest.mark.parametrize("rate", ["abc", "", "-1", "0", "NaN", "Infinity", D("1e500")])
def test_a_rate_that_is_no_positive_number_is_a_value_error_naming_rate(rate: object) -> None:
    with pytest.raises(ValueError, match="^rate must"):
        Money(amount=D(1), currency="HKD").to("EUR", rate=rate)  # type: ignore[arg-type]


# --- the linked rate: USD to HKD exact; HKD to USD exact when it terminates -------------------

LONG = "123456789012345678901234567890.123"


def test_usd_to_hkd_is_exact_at_any_length() -> None:
    expected = D(f"{int(LONG.replace('.', '')) * 78}E-4")  # x 7.8, in integers
    assert Money(amount=D(LONG), currency="USD").to("HKD").amount == expected
    assert str(expected) == "962962954296296295429629629542.9594"


def test_hkd_to_usd_is_exact_when_the_quotient_terminates() -> None:
    usd = D("1234567890123456789012345678901")  # 31 digits, more than 28
    hkd = D(f"{int(usd) * 78}E-1")
    assert Money(amount=hkd, currency="HKD").to("USD").amount == usd
    assert Money(amount=D("0.078"), currency="HKD").to("USD").amount == D("0.01")
    assert Money(amount=D(39), currency="HKD").to("USD").amount == D(5)


def test_hkd_to_usd_rounds_to_28_significant_digits_when_it_cannot_terminate() -> None:
    assert Money(amount=D(1), currency="HKD").to("USD").amount == rounded(1 / PEG, 28)
    assert str(rounded(1 / PEG, 28)) == "0.1282051282051282051282051282"
    assert Money(amount=D("24e9"), currency="HKD").to("USD").amount == rounded(24 * 10**9 / PEG, 18)


def test_hkd_to_usd_keeps_12_places_on_amounts_of_10_to_the_16_and_more() -> None:
    usd = Money(amount=D("1e20"), currency="HKD").to("USD").amount
    assert usd == rounded(10**20 / PEG, 12)
    assert str(usd) == "12820512820512820512.820512820513"


@given(
    st.decimals(min_value=0, max_value=D("1e40"), allow_nan=False, allow_infinity=False, places=6)
)
@settings(max_examples=200, deadline=None)
def test_usd_to_hkd_and_back_is_the_identity(amount: Decimal) -> None:
    usd = Money(amount=amount, currency="USD")
    hkd = usd.to("HKD")
    assert Fraction(hkd.amount) == Fraction(amount) * PEG
    assert hkd.to("USD").amount == amount


# --- amounts too large to convert -------------------------------------------------------------


@pytest.mark.parametrize("amount", ["1e999999999", "1e1000", "9" * 1001])
def test_an_amount_too_large_to_convert_is_a_typed_overflow_error(amount: str) -> None:
    money = Money(amount=D(amount), currency="HKD")
    for convert in (lambda: money.to("USD"), lambda: money.to("EUR", rate="0.118")):
        with pytest.raises(hk.AmountOverflowError) as caught:
            convert()
        assert not isinstance(caught.value, UnknownCurrencyError)
        assert isinstance(caught.value, HKPolicyError) and isinstance(caught.value, OverflowError)
        assert "too large to convert" in str(caught.value)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (type(copy), str(copy)) == (hk.AmountOverflowError, str(caught.value))


def test_amounts_up_to_the_limit_convert() -> None:
    assert Money(amount=D("7.8e998"), currency="HKD").to("USD").amount == D("1e998")


# --- -0 is 0 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["-0", "-0.00", "-0E+3", D("-0")])
def test_negative_zero_is_zero(amount: str | Decimal) -> None:
    money = Money(amount=amount, currency="HKD")  # type: ignore[arg-type]
    assert not money.amount.is_signed()
    assert "-" not in str(money)
    assert parse_money(str(money)) == money
    assert Money.model_validate_json(money.model_dump_json()) == money


def test_negative_zero_as_upper_bound_is_zero() -> None:
    money = Money(amount=D(0), amount_max=D("-0"), currency="HKD", qualifier="range")
    assert str(money) == "HKD 0 to HKD 0"


# --- the command line --------------------------------------------------------------------------


def test_extract_converts_a_huge_amount_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "HK$1000000000000000000 billion"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["extract", "-", "--currency", "USD"]) == 0
    out = capsys.readouterr().out
    # 10**27 / 7.8 = 128205128205128205128205128.2051..., to the cent
    assert "USD 128,205,128,205,128,205,128,205,128.21" in out


def test_extract_says_when_an_amount_is_too_large_to_convert(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "HK$" + "9" * 1200
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["extract", "-", "--currency", "USD", "--format", "csv"]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert (row["type"], row["start"], row["end"]) == ("money", "0", "1203")
    assert (row["converted_amount"], row["conversion_note"]) == ("", "too large to convert")
