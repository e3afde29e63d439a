"""The public models: frozen, documented field by field, exact through JSON."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pydantic
import pytest

import hkpolicy as hk
from hkpolicy.boilerplate import Boilerplate
from hkpolicy.spans import Record

SPAN = hk.Span(doc_id="d", start=3, end=17, text="HK$24 billion ")
CELL = hk.Cell(text="58%", span=hk.Span(start=40, end=43, text="58%"))

EXAMPLES: list[Record] = [
    SPAN,
    hk.Money(amount=Decimal("24000000000"), currency="HKD"),
    hk.Money(
        amount=Decimal("1000000"),
        currency="USD",
        qualifier=hk.Qualifier.RANGE,
        amount_max=Decimal("5000000.50"),
        per="year",
    ),
    hk.Percentage(value=Decimal("42.0"), qualifier=hk.Qualifier.APPROXIMATELY),
    hk.Percentage(value=Decimal("2"), unit="percentage_point"),
    hk.FiscalYear(start_year=2024),
    CELL,
    hk.Table(
        header=(CELL,),
        rows=((CELL,),),
        alignments=("right",),
        span=hk.Span(start=0, end=43, text="x" * 43),
        lines=(6, 13),
    ),
    hk.Institution(
        id="itb",
        name="Innovation and Technology Bureau",
        name_zh="創新及科技局",
        acronym="ITB",
        kind="bureau_or_department",
        valid_to=dt.date(2022, 6, 30),
        successor="itib",
        mentions=(SPAN,),
    ),
    hk.Initiative(id="itf", name="Innovation and Technology Fund", kind="fund", owner="itc"),
    hk.Funding(
        amount=hk.Money(amount=Decimal("24e9"), currency="HKD"),
        converted=hk.Money(amount=Decimal("3.07e9"), currency="USD"),
        peg_check="consistent",
        period=hk.FiscalYear(start_year=2024),
        span=SPAN,
    ),
    hk.Funding(amount=hk.Money(amount=Decimal("1"), currency="HKD"), period=2023, span=SPAN),
    hk.SectorStat(
        sector="Financial Services",
        metric="Adoption Rate",
        value=hk.Percentage(value=Decimal("58")),
        year=2024,
        source="table",
        span=SPAN,
    ),
    Boilerplate(kind="byline", span=SPAN),
]


@pytest.mark.parametrize("model", EXAMPLES, ids=lambda m: type(m).__name__)
def test_json_round_trip_is_exact(model: Record) -> None:
    again = type(model).model_validate_json(model.model_dump_json())
    assert again == model
    assert again.model_dump_json() == model.model_dump_json()


def test_decimal_digits_survive_json() -> None:
    money = hk.Money(amount=Decimal("1.50"), currency="HKD")
    again = hk.Money.model_validate_json(money.model_dump_json())
    assert str(again.amount) == "1.50"


def test_whole_corpus_round_trips() -> None:
    corpus = hk.load_corpus()
    again = hk.Corpus.model_validate_json(corpus.model_dump_json())
    assert again == corpus


PUBLIC_MODELS = [
    hk.Span, hk.Money, hk.Percentage, hk.FiscalYear, hk.Cell, hk.Table, hk.Institution,
    hk.Initiative, hk.Funding, hk.SectorStat, hk.Document, hk.Corpus, Boilerplate,
]  # fmt: skip


@pytest.mark.parametrize("model", PUBLIC_MODELS, ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[Record]) -> None:
    undocumented = [name for name, field in model.model_fields.items() if not field.description]
    assert undocumented == []


@pytest.mark.parametrize("model", EXAMPLES[:3], ids=lambda m: type(m).__name__)
def test_models_are_frozen(model: Record) -> None:
    name = next(iter(type(model).model_fields))
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        setattr(model, name, None)


def test_span_text_must_match_its_bounds() -> None:
    with pytest.raises(pydantic.ValidationError, match="length 3, but end - start is 4"):
        hk.Span(start=0, end=4, text="abc")
    with pytest.raises(pydantic.ValidationError, match="0 <= start <= end"):
        hk.Span(start=5, end=4, text="")


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(pydantic.ValidationError, match="extra"):
        hk.Percentage(value=Decimal(1), colour="red")  # type: ignore[call-arg]


def test_fiscal_year_bounds() -> None:
    year = hk.FiscalYear(start_year=2024)
    assert (year.start, year.end, str(year)) == (
        dt.date(2024, 4, 1),
        dt.date(2025, 3, 31),
        "2024-25",
    )
    assert dt.date(2025, 3, 31) in year
    assert dt.date(2025, 4, 1) not in year


def test_trusted_construction_equals_validation() -> None:
    from hkpolicy.spans import construct_trusted

    values = {"amount": Decimal("5"), "currency": "HKD", "qualifier": hk.Qualifier.UP_TO}
    validated = hk.Money(**values)
    built = construct_trusted(hk.Money, {**values, "amount_max": None, "per": None})
    assert built == validated
    assert built.model_dump_json() == validated.model_dump_json()
    partial = construct_trusted(hk.Money, dict(validated.__dict__), values)
    assert partial.model_fields_set == validated.model_fields_set
    assert hk.Span.of("abcdef", 1, 4, "d") == hk.Span(doc_id="d", start=1, end=4, text="bcd")


def test_reprs_are_compact() -> None:
    money = hk.Money(amount=Decimal("500000"), currency="HKD", qualifier=hk.Qualifier.UP_TO)
    assert (
        repr(money) == "Money(amount=Decimal('500000'), currency='HKD', qualifier=Qualifier.UP_TO)"
    )
    spans = tuple(hk.Span(start=i, end=i, text="") for i in range(5))
    institution = hk.Institution(id="x", name="X", mentions=spans)
    assert repr(institution) == "Institution(id='x', name='X', mentions=<5 items>)"


def test_trusted_construction_shares_one_fields_set_per_class() -> None:
    from hkpolicy.spans import Record, construct_trusted

    class Named(Record):
        model: str
        build: int = 0

    built = construct_trusted(Named, {"model": "m", "build": 3})
    other = construct_trusted(Named, {"model": "n", "build": 4})
    assert built == Named(model="m", build=3) and other == Named(model="n", build=4)
    assert built.model_fields_set == {"model", "build"}
    assert built.model_fields_set is other.model_fields_set  # one set per class: see the docs
    copied = built.model_copy(update={"build": 5})
    assert copied.build == 5 and copied.model_fields_set is not built.model_fields_set
