"""Money and Percentage behave as values: arithmetic where it is well defined, ordering of exact
amounts, format specs, float(), and plain documented parse functions."""

from __future__ import annotations

import pickle
import pydoc
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hkpolicy as hk
from hkpolicy import Money, Percentage, parse_money, parse_percentage


def hkd(amount: str, qualifier: str = "exact", amount_max: str | None = None) -> Money:
    return Money(
        amount=D(amount),
        currency="HKD",
        qualifier=qualifier,
        amount_max=None if amount_max is None else D(amount_max),
    )


# --- Money arithmetic -----------------------------------------------------------------------

# (left, right, expected sum): each checked by hand, including the qualifier rule it pins.
SUMS = [
    (hkd("5000000"), hkd("3000000"), hkd("8000000")),
    (hkd("5"), hkd("3", "up_to"), hkd("8", "up_to")),  # an upper bound stays an upper bound
    (hkd("5", "up_to"), hkd("3", "up_to"), hkd("8", "up_to")),
    (hkd("5", "up_to"), hkd("3", "less_than"), hkd("8", "less_than")),
    (hkd("5", "more_than"), hkd("3", "at_least"), hkd("8", "more_than")),
    (hkd("5", "approximately"), hkd("3"), hkd("8", "approximately")),
    (hkd("1", "range", "5"), hkd("10"), hkd("11", "range", "15")),
    (hkd("1", "range", "5"), hkd("2", "range", "3"), hkd("3", "range", "8")),
]


@pytest.mark.parametrize(("left", "right", "expected"), SUMS, ids=lambda m: str(m))
def test_money_sum_keeps_the_qualifier(left: Money, right: Money, expected: Money) -> None:
    assert left + right == expected
    assert right + left == expected


def test_sum_of_amounts_starts_from_zero() -> None:
    amounts = [parse_money("HK$5 million"), parse_money("HK$2.5 million"), parse_money("$500")]
    assert sum(amounts) == hkd("7500500")
    assert sum([parse_money("US$1")]) == Money(amount=D(1), currency="USD")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (hkd("5", "up_to"), hkd("3", "at_least")),  # an upper and a lower bound
        (hkd("5", "approximately"), hkd("3", "more_than")),
        (hkd("5", "range", "6"), hkd("3", "up_to")),
    ],
    ids=str,
)
def test_sum_with_no_truthful_qualifier_is_refused(left: Money, right: Money) -> None:
    with pytest.raises(hk.QualifierError, match="Cannot add") as info:
        left + right
    assert str(left) in str(info.value) and str(right) in str(info.value)


def test_adding_currencies_needs_a_conversion() -> None:
    a, b = parse_money("HK$7.8 billion"), parse_money("US$1 billion")
    with pytest.raises(hk.CurrencyMismatchError) as info:
        a + b
    assert str(info.value) == (
        "Cannot add HKD 7,800,000,000 and USD 1,000,000,000: different currencies; "
        "convert one first with .to('HKD')"
    )
    assert isinstance(info.value, TypeError) and isinstance(info.value, hk.HKPolicyError)
    assert str(pickle.loads(pickle.dumps(info.value))) == str(info.value)
    assert a + b.to("HKD") == hkd("15600000000")


def test_a_rate_and_a_one_off_amount_do_not_add() -> None:
    with pytest.raises(hk.QualifierError, match="per different periods"):
        parse_money("HK$200 million a year") + parse_money("HK$1 billion")


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (hkd("10"), hkd("3"), hkd("7")),
        (hkd("10", "up_to"), hkd("3"), hkd("7", "up_to")),  # a shift
        (hkd("10"), hkd("3", "up_to"), hkd("7", "at_least")),  # the bound turns over
        (hkd("10"), hkd("3", "less_than"), hkd("7", "more_than")),
        (hkd("10", "range", "20"), hkd("1", "range", "2"), hkd("8", "range", "19")),
    ],
    ids=str,
)
def test_money_difference(left: Money, right: Money, expected: Money) -> None:
    assert left - right == expected


def test_difference_never_goes_below_zero_or_mixes_bounds() -> None:
    with pytest.raises(ValueError, match="never negative"):
        hkd("3") - hkd("5")
    with pytest.raises(hk.QualifierError, match="Cannot subtract"):
        hkd("10", "up_to") - hkd("3", "up_to")


def test_multiply_and_divide_by_exact_numbers() -> None:
    grant = parse_money("up to HK$500,000")
    assert grant * 3 == hkd("1500000", "up_to")
    assert 3 * grant == grant * 3
    assert grant * D("1.5") == hkd("750000", "up_to")
    assert hkd("10") / 4 == hkd("2.5")
    assert hkd("10") / 3 == hkd("3.333333333333333333333333333")  # 28 significant digits
    assert hkd("24000000000") / hkd("8000000000") == D(3)
    with pytest.raises(TypeError, match="use Decimal"):
        grant * 1.5  # type: ignore[operator]
    with pytest.raises(ValueError, match=">= 0"):
        grant * -1
    with pytest.raises(hk.QualifierError, match="both must be exact"):
        grant / hkd("5")


# --- Money ordering, float and format -------------------------------------------------------


def test_exact_amounts_of_one_currency_are_ordered() -> None:
    small, big = parse_money("HK$500 million"), parse_money("HK$2 billion")
    assert small < big and big > small and small <= small and big >= small
    assert sorted([big, small]) == [small, big]
    assert max([small, big]) == big


def test_ordering_across_currencies_or_qualifiers_raises() -> None:
    with pytest.raises(hk.CurrencyMismatchError, match="Cannot compare"):
        _ = parse_money("HK$1") < parse_money("US$1")
    with pytest.raises(hk.QualifierError, match="only exact amounts"):
        _ = parse_money("HK$1") < parse_money("over HK$1")
    with pytest.raises(TypeError):
        _ = parse_money("HK$1") < 5  # type: ignore[operator]


def test_format_spec_applies_to_each_number() -> None:
    assert format(parse_money("HK$24 billion"), ",.0f") == "HKD 24,000,000,000"
    assert f"{parse_money('up to HK$500,000 a year'):.2f}" == "up to HKD 500000.00 per year"
    assert format(hkd("1000000", "range", "5000000"), ",") == "HKD 1,000,000 to HKD 5,000,000"
    assert format(parse_money("HK$24 billion"), "") == "HKD 24,000,000,000"


def test_conversion_keeps_28_digits_and_format_rounds_for_display() -> None:
    usd = parse_money("HK$24 billion").to("USD")
    assert usd.amount == D("3076923076.923076923076923077")  # the documented precision
    assert format(usd, ",.2f") == "USD 3,076,923,076.92"
    assert parse_money(str(usd)) == usd  # str stays exact, so it reads back


def test_float_is_a_derived_convenience() -> None:
    m = parse_money("HK$2.5 million")
    assert float(m) == 2500000.0
    assert isinstance(m.amount, D)
    with pytest.raises(hk.QualifierError, match="range"):
        float(hkd("1", "range", "2"))


# --- Percentage -----------------------------------------------------------------------------


def test_percentages_compare_format_and_convert() -> None:
    low, high = parse_percentage("12.5%"), parse_percentage("13 per cent")
    assert low < high and high >= low
    assert float(low) == 12.5
    assert format(parse_percentage("about 42.25%"), ".1f") == "approximately 42.2%"
    assert format(parse_percentage("40-45%"), ".1f") == "40.0% to 45.0%"
    assert str(parse_percentage("2 percentage points")) == "2 percentage points"


def test_percent_and_points_never_compare() -> None:
    with pytest.raises(hk.UnitMismatchError, match="percent and points"):
        _ = parse_percentage("2%") < parse_percentage("3 percentage points")
    with pytest.raises(hk.QualifierError, match="only exact values"):
        _ = parse_percentage("2%") < parse_percentage("over 3%")
    with pytest.raises(hk.QualifierError, match="range"):
        float(Percentage(value=D(1), qualifier="range", value_max=D(2)))


# --- parse functions and models as users see them -------------------------------------------


def test_parse_money_reads_a_bare_dollar_as_hkd_like_extract() -> None:
    assert parse_money("$5 million") == hkd("5000000")
    (mention,) = hk.extract("$5 million").money
    assert mention.money == parse_money("$5 million")
    with pytest.raises(hk.ParseError, match="No currency"):
        parse_money("$5 million", default_currency=None)


@pytest.mark.parametrize(
    "function", ["parse_money", "parse_percentage", "parse_date", "parse_period"]
)
def test_parsers_are_plain_documented_functions(function: str) -> None:
    page = pydoc.render_doc(getattr(hk, function), renderer=pydoc.plaintext)
    assert f"function {function} in module" in page
    assert "ModelMetaclass" not in page
    assert ":raises ParseError:" in page


@pytest.mark.parametrize("model", [Money, Percentage, hk.Corpus, hk.Funding])
def test_dir_of_models_lists_fields_and_methods_not_pydantic_v1_names(model: type) -> None:
    value = {
        Money: lambda: parse_money("HK$1"),
        Percentage: lambda: parse_percentage("1%"),
        hk.Corpus: hk.load_corpus,
        hk.Funding: lambda: hk.load_corpus().funding[0],
    }[model]()
    names = dir(value)
    for v1_name in ("dict", "json", "parse_obj", "parse_raw", "copy", "construct", "schema"):
        assert v1_name not in names
    assert set(model.model_fields) <= set(names)
    assert {"model_dump", "model_dump_json", "model_validate"} <= set(names)
    if model is Money:
        assert {"to", "amount_float", "fromstring"} <= set(names)


# --- properties -----------------------------------------------------------------------------

AMOUNTS = st.decimals(min_value=0, max_value=10**15, places=2, allow_nan=False)


@given(AMOUNTS, AMOUNTS, AMOUNTS)
def test_exact_arithmetic_agrees_with_decimal(x: D, y: D, z: D) -> None:
    a, b, c = hkd(str(x)), hkd(str(y)), hkd(str(z))
    assert (a + b).amount == x + y
    assert a + b + c == c + b + a == sum([a, b, c])
    assert (a + b) - b == a
    assert (a < b) == (x < y) and (a <= b) == (x <= y)
    assert (a * 3).amount == x * 3
