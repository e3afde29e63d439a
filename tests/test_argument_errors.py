"""A caller's wrong argument raises at the boundary, naming the argument; text never raises.

"Never raises" is a promise about the text a scanner reads. An argument of the wrong type, an
unknown currency or a bad ``max_mentions`` is the caller's mistake: it raises at once (a
``TypeError`` naming the function and the argument, or :class:`UnknownCurrencyError` quoting the
code), instead of an empty result with a warning that a nightly job would store as "no money".
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import pytest

import hkpolicy as hk
from hkpolicy.boilerplate import find_boilerplate

TEXT = "About 42% of the HK$3 billion went to the ITF in 2024-25."

# (call, error type, words the message must hold)
WRONG_ARGUMENTS: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    ("find_money(None)", lambda: hk.find_money(None), TypeError,  # type: ignore[arg-type]
     "find_money() argument 'text' must be a str, not NoneType"),
    ("find_money(bytes)", lambda: hk.find_money(b"HK$1"), TypeError,  # type: ignore[arg-type]
     "find_money() argument 'text' must be a str, not bytes"),
    ("find_money(XYZ)", lambda: hk.find_money(TEXT, default_currency="XYZ"),
     hk.UnknownCurrencyError, "Unknown currency: 'XYZ'"),
    ("find_money(currency=1)", lambda: hk.find_money(TEXT, default_currency=1),  # type: ignore[arg-type]
     TypeError, "find_money() argument 'default_currency' must be a str or None, not int"),
    ("find_money(doc_id=1)", lambda: hk.find_money(TEXT, doc_id=1),  # type: ignore[arg-type]
     TypeError, "find_money() argument 'doc_id' must be a str or None, not int"),
    ("find_money(skip=5)", lambda: hk.find_money(TEXT, skip=5),  # type: ignore[arg-type]
     TypeError, "find_money() argument 'skip' must be an iterable of (start, end) pairs"),
    ("find_money(skip=[(1,)])", lambda: hk.find_money(TEXT, skip=[(1,)]),  # type: ignore[list-item]
     TypeError, "find_money() argument 'skip' must hold (start, end) integer pairs, got (1,)"),
    ("find_money(max=-1)", lambda: hk.find_money(TEXT, max_mentions=-1), ValueError,
     "find_money() argument 'max_mentions' must be at least 0, got -1"),
    ("find_money(max=1.5)", lambda: hk.find_money(TEXT, max_mentions=1.5),  # type: ignore[arg-type]
     TypeError, "find_money() argument 'max_mentions' must be an int or None, not float"),
    ("parse_money(5)", lambda: hk.parse_money(5), TypeError,  # type: ignore[arg-type]
     "parse_money() argument 'text' must be a str, not int"),
    ("parse_money(XYZ)", lambda: hk.parse_money("$5", default_currency="XYZ"),
     hk.UnknownCurrencyError, "Unknown currency: 'XYZ'"),
    ("parse_money(scale=float)", lambda: hk.parse_money("5", scale=1e6),  # type: ignore[arg-type]
     TypeError, "parse_money() argument 'scale' must be an int, a Decimal or None, not float"),
    ("find_percentages(None)", lambda: hk.find_percentages(None),  # type: ignore[arg-type]
     TypeError, "find_percentages() argument 'text' must be a str, not NoneType"),
    ("find_percentages(skip)", lambda: hk.find_percentages(TEXT, skip=[("a", "b")]),  # type: ignore[list-item]
     TypeError, "find_percentages() argument 'skip' must hold (start, end) integer pairs"),
    ("parse_percentage(42)", lambda: hk.parse_percentage(42),  # type: ignore[arg-type]
     TypeError, "parse_percentage() argument 'text' must be a str, not int"),
    ("find_dates(None)", lambda: hk.find_dates(None),  # type: ignore[arg-type]
     TypeError, "find_dates() argument 'text' must be a str, not NoneType"),
    ("find_dates(published=str)", lambda: hk.find_dates(TEXT, published="2024-01-01"),  # type: ignore[arg-type]
     TypeError, "find_dates() argument 'published' must be a datetime.date or None, not str"),
    ("find_periods(None)", lambda: hk.find_periods(None),  # type: ignore[arg-type]
     TypeError, "find_periods() argument 'text' must be a str, not NoneType"),
    ("parse_date(None)", lambda: hk.parse_date(None),  # type: ignore[arg-type]
     TypeError, "parse_date() argument 'text' must be a str, not NoneType"),
    ("parse_period(2024)", lambda: hk.parse_period(2024),  # type: ignore[arg-type]
     TypeError, "parse_period() argument 'text' must be a str, not int"),
    ("find_tables(None)", lambda: hk.find_tables(None),  # type: ignore[arg-type]
     TypeError, "find_tables() argument 'text' must be a str, not NoneType"),
    ("find_tables(XYZ)", lambda: hk.find_tables(TEXT, default_currency="XYZ"),
     hk.UnknownCurrencyError, "Unknown currency: 'XYZ'"),
    ("find_institutions(None)", lambda: hk.find_institutions(None),  # type: ignore[arg-type]
     TypeError, "find_institutions() argument 'text' must be a str, not NoneType"),
    ("find_initiatives(None)", lambda: hk.find_initiatives(None),  # type: ignore[arg-type]
     TypeError, "find_initiatives() argument 'text' must be a str, not NoneType"),
    ("recognize_entities(None)", lambda: hk.recognize_entities(None),  # type: ignore[arg-type]
     TypeError, "recognize_entities() argument 'text' must be a str, not NoneType"),
    ("find_abbreviations(None)", lambda: hk.find_abbreviations(None),  # type: ignore[arg-type]
     TypeError, "find_abbreviations() argument 'text' must be a str, not NoneType"),
    ("find_boilerplate(None)", lambda: find_boilerplate(None),  # type: ignore[arg-type]
     TypeError, "find_boilerplate() argument 'text' must be a str, not NoneType"),
    ("extract(None)", lambda: hk.extract(None),  # type: ignore[arg-type]
     TypeError, "extract() argument 'text' must be a str, not NoneType"),
    ("extract(XYZ)", lambda: hk.extract(TEXT, default_currency="XYZ"),
     hk.UnknownCurrencyError, "Unknown currency: 'XYZ'"),
    ("extract(published=str)", lambda: hk.extract(TEXT, published="2024"),  # type: ignore[arg-type]
     TypeError, "extract() argument 'published' must be a datetime.date or None, not str"),
    ("extract(boilerplate=str)", lambda: hk.extract(TEXT, boilerplate="x"),  # type: ignore[arg-type]
     TypeError, "extract() argument 'boilerplate' must be a sequence of Boilerplate"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [(call, error, message) for call, _, error, message in WRONG_ARGUMENTS],
    ids=[call for call, *_ in WRONG_ARGUMENTS],
)
def test_a_wrong_argument_raises_at_the_boundary(
    call: str, error: type[Exception], message: str
) -> None:
    (function,) = [f for c, f, _, _ in WRONG_ARGUMENTS if c == call]
    with pytest.raises(error) as raised:
        function()
    assert message in str(raised.value)


@pytest.mark.parametrize(
    "skip",
    [
        [(0, 2), (True, 4)],  # a bool is no offset
        [(0, 2), (3, 4, 5)],  # a triple among pairs
        [(0, 2, 9), (3, 4)],  # a triple first
        [(0, 2), (3, 4.0)],  # a float end
        [(0, 2), ("3", 4)],  # a str start
    ],
)
def test_every_skip_range_is_checked_however_many_are_plain(skip: list[object]) -> None:
    # Many plain (int, int) tuples are accepted by a quick pass; one bad item still raises,
    # quoting that item.
    with pytest.raises(TypeError, match=r"must hold \(start, end\) integer pairs, got"):
        hk.find_dates("by 2035", skip=skip * 1000)  # type: ignore[arg-type]


def test_plain_skip_ranges_are_taken_as_given() -> None:
    ranges = [(0, 2), [3, 4], (5, 6)]  # a list pair is read as a pair too
    assert hk.spans.check_ranges("f", "skip", ranges) == ((0, 2), (3, 4), (5, 6))
    assert hk.spans.check_ranges("f", "skip", ranges[::2]) == ((0, 2), (5, 6))


def test_unknown_currency_is_both_a_policy_error_and_a_key_error() -> None:
    with pytest.raises(hk.UnknownCurrencyError) as raised:
        hk.find_money("$5", default_currency="XYZ")
    assert isinstance(raised.value, hk.HKPolicyError)
    assert isinstance(raised.value, KeyError)
    assert raised.value.currency == "XYZ"


# --- max_mentions: the caller's bound on the size of a result ------------------------------------


def test_max_mentions_raises_a_typed_error_naming_the_limit_and_the_count() -> None:
    text = "HK$1 and HK$2 and HK$3"
    assert len(hk.find_money(text, max_mentions=3)) == 3
    with pytest.raises(hk.MentionLimitError) as raised:
        hk.find_money(text, max_mentions=2)
    error = raised.value
    assert (error.what, error.limit, error.count) == ("money", 2, 3)
    assert str(error) == (
        "Too many money mentions: found 3 with max_mentions=2"
        " (the text may hold more; raise max_mentions, or split the text)"
    )
    assert isinstance(error, hk.HKPolicyError) and isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.__dict__) == (type(error), str(error), error.__dict__)


@pytest.mark.parametrize(
    ("scan", "text", "what"),
    [
        (hk.find_percentages, "1% 2% 3%", "percentage"),
        (hk.find_dates, "in 2021, 2022 and 2023", "date"),
        (hk.find_periods, "2021-22, 2022-23 and 2023-24", "date"),
    ],
)
def test_every_scanner_takes_max_mentions(scan: Callable[..., Any], text: str, what: str) -> None:
    assert len(scan(text, max_mentions=3)) == 3
    with pytest.raises(hk.MentionLimitError) as raised:
        scan(text, max_mentions=2)
    assert (raised.value.what, raised.value.count) == (what, 3)


def test_extract_bounds_every_kind_of_mention() -> None:
    text = "HK$1 and 1% in 2024-25; 7 and 8 and 9 are plain numbers."
    full = hk.extract(text)
    assert [len(full.money), len(full.percentages), len(full.dates)] == [1, 1, 1]
    assert [u.span.text for u in full.unparsed] == ["7", "8", "9"]
    assert hk.extract(text, max_mentions=3) == full
    with pytest.raises(hk.MentionLimitError) as raised:
        hk.extract(text, max_mentions=2)
    assert (raised.value.what, raised.value.limit, raised.value.count) == ("unparsed number", 2, 3)
    with pytest.raises(hk.MentionLimitError, match="Too many money mentions"):
        hk.extract("HK$1 HK$2", max_mentions=1)


def test_text_never_raises_even_with_every_argument_given() -> None:
    for text in ("", "\ud800", "HK$" * 100, "(" * 1000, "\x00%"):
        hk.extract(text, doc_id="d", default_currency="USD", max_mentions=10_000)
        hk.find_money(text, default_currency=None, skip=[(0, 1)])
