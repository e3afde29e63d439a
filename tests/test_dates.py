"""Tests for hkpolicy.dates: parse_date, parse_period, find_dates, find_periods.

Every sentence below was written for these tests in forms Hong Kong texts use, and every expected
value was checked by hand. The seed expectations list every date-like expression found by reading
the five seeds.
"""

from __future__ import annotations

import calendar
import datetime as dt
import pickle
import subprocess
import sys
from typing import NamedTuple

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from hkpolicy import _date_scan, _date_values, dates
from hkpolicy._scanning import anchored_matches
from hkpolicy.dates import (
    DateRange,
    FiscalYear,
    PartialDate,
    find_dates,
    find_periods,
    parse_date,
    parse_period,
)
from hkpolicy.errors import ParseError
from tests.conftest import seed_text


def day(y: int, m: int, d: int) -> PartialDate:
    return PartialDate(year=y, month=m, day=d)


class DateExample(NamedTuple):
    text: str
    expected: PartialDate
    precision: str


DATE_EXAMPLES = [
    DateExample("July 4, 2024", day(2024, 7, 4), "day"),
    DateExample("4 July 2024", day(2024, 7, 4), "day"),
    DateExample("4th July, 2024", day(2024, 7, 4), "day"),
    DateExample("Sept. 30, 2023", day(2023, 9, 30), "day"),
    DateExample("2024-07-04", day(2024, 7, 4), "day"),
    DateExample("04/07/2024", day(2024, 7, 4), "day"),  # day first, as in Hong Kong
    DateExample("2024年7月4日", day(2024, 7, 4), "day"),
    DateExample("二零二四年七月四日", day(2024, 7, 4), "day"),
    DateExample("August 2023", PartialDate(year=2023, month=8), "month"),
    DateExample("2023年8月", PartialDate(year=2023, month=8), "month"),
    DateExample("late 2024", PartialDate(year=2024, part="late"), "part"),
    DateExample("mid-2025", PartialDate(year=2025, part="mid"), "part"),
    DateExample("early 2026", PartialDate(year=2026, part="early"), "part"),
    DateExample("the end of 2024", PartialDate(year=2024, part="late"), "part"),
    DateExample("first half of 2025", PartialDate(year=2025, part="first_half"), "part"),
    DateExample("the second half of 2024", PartialDate(year=2024, part="second_half"), "part"),
    DateExample("Q3 2024", PartialDate(year=2024, part="q3"), "part"),
    DateExample("H1 2025", PartialDate(year=2025, part="first_half"), "part"),
    DateExample("2024年下半年", PartialDate(year=2024, part="second_half"), "part"),
    DateExample("2024年底", PartialDate(year=2024, part="late"), "part"),
    DateExample("2024", PartialDate(year=2024), "year"),
    DateExample("二零二四年", PartialDate(year=2024), "year"),
    # dateutil fallback: forms the patterns do not cover, still at their own precision.
    DateExample("2023 August", PartialDate(year=2023, month=8), "month"),
    DateExample("Thursday, 4 July 2024", day(2024, 7, 4), "day"),
]
assert len({e.text for e in DATE_EXAMPLES}) == len(DATE_EXAMPLES), "duplicate DATE_EXAMPLES"


@pytest.mark.parametrize("example", DATE_EXAMPLES, ids=[e.text for e in DATE_EXAMPLES])
def test_parse_date(example: DateExample) -> None:
    value = parse_date(example.text)
    assert value == example.expected
    assert value.precision == example.precision
    assert parse_date(str(value)) == value


def test_part_of_year_bounds() -> None:
    late = parse_date("late 2024")
    assert (late.first_day, late.last_day) == (dt.date(2024, 9, 1), dt.date(2024, 12, 31))
    half = parse_date("first half of 2025")
    assert (half.first_day, half.last_day) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    feb = parse_date("February 2024")
    assert feb.last_day == dt.date(2024, 2, 29)


def test_missing_parts_are_never_taken_from_today() -> None:
    # dateutil.parser.parse("2023 August") would give today's day of the month; "July 4" would
    # give the current year. hkpolicy keeps the day absent and refuses a date without a year.
    assert parse_date("2023 August").day is None
    assert parse_date("August 2023").day is None
    with pytest.raises(ParseError, match="no year"):
        parse_date("July 4")
    with pytest.raises(ParseError, match="no year"):
        parse_date("4th of July")


def test_dateutil_errors_are_wrapped() -> None:
    with pytest.raises(ParseError) as info:
        parse_date("not a date")
    assert isinstance(info.value.__cause__, ValueError)
    assert info.value.source == "not a date"
    assert str(info.value).splitlines()[1] == "    'not a date'"


def test_invalid_calendar_day_is_an_error() -> None:
    with pytest.raises(ParseError):
        parse_date("31 June 2024")
    with pytest.raises(ValueError):
        PartialDate(year=2023, month=2, day=29)


def test_import_does_not_load_dateutil_parser() -> None:
    code = "import sys, hkpolicy.dates, hkpolicy.percent; print('dateutil.parser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- periods ----------------------------------------------------------------------------------

FY2024 = FiscalYear(start_year=2024)
PERIOD_EXAMPLES = [
    ("2024-25", FY2024),
    ("2024-2025", FY2024),
    ("2024/25", FY2024),
    ("2024/2025", FY2024),
    ("FY2024-25", FY2024),
    ("FY 2024/25", FY2024),
    ("2024‑25", FY2024),  # U+2011 non-breaking hyphen
    ("2024–25", FY2024),  # en dash
    ("二零二四至二五年度", FY2024),
    ("2024至25年度", FY2024),
    ("2024-25年度", FY2024),
    ("1999-00", FiscalYear(start_year=1999)),
    ("the 2024-2025 budget", FiscalYear(start_year=2024, context="budget")),
    ("2025-26 Budget", FiscalYear(start_year=2025, context="budget")),
    ("2024-25年度財政預算案", FiscalYear(start_year=2024, context="budget")),
    ("2022-25", DateRange(start=PartialDate(year=2022), end=PartialDate(year=2025))),
    ("2020 to 2025", DateRange(start=PartialDate(year=2020), end=PartialDate(year=2025))),
    ("between 2020 and 2025", DateRange(start=PartialDate(year=2020), end=PartialDate(year=2025))),
    (
        "July 2024 to March 2025",
        DateRange(start=PartialDate(year=2024, month=7), end=PartialDate(year=2025, month=3)),
    ),
]


@pytest.mark.parametrize(("text", "expected"), PERIOD_EXAMPLES, ids=[t for t, _ in PERIOD_EXAMPLES])
def test_parse_period(text: str, expected: FiscalYear | DateRange) -> None:
    value = parse_period(text)
    assert value == expected
    assert parse_period(str(value)) == value


def test_budget_context_is_kept_but_the_year_is_the_same() -> None:
    budget = parse_period("the 2024-2025 budget")
    assert isinstance(budget, FiscalYear)
    assert budget.context == "budget"
    assert budget.without_context() == FiscalYear(start_year=2024)
    assert (budget.start, budget.end) == (dt.date(2024, 4, 1), dt.date(2025, 3, 31))
    assert dt.date(2025, 3, 31) in budget and dt.date(2025, 4, 1) not in budget


def test_fiscal_year_going_backwards_is_an_error_marking_the_year() -> None:
    with pytest.raises(ParseError) as info:
        parse_period("2024-23")
    assert info.value.span == (5, 7)
    assert str(info.value) == (
        "Invalid fiscal year: '2024-23'\n"
        "    '2024-23'\n"
        "          ~^ expected 25 (the year after 2024)"
    )
    assert str(pickle.loads(pickle.dumps(info.value))) == str(info.value)


@pytest.mark.parametrize("text", ["2024-24", "2025-2024", "FY", "budget", "2024年7月4日"])
def test_not_periods(text: str) -> None:
    with pytest.raises(ParseError):
        parse_period(text)


# --- scanning ---------------------------------------------------------------------------------


def _summary(mentions: list[dates.DateMention]) -> list[tuple[object, ...]]:
    return [
        (m.span.text, m.kind, m.precision, m.anchor, str(m.value) if m.value else None)
        for m in mentions
    ]


# Every date-like expression in the seeds, by hand. Seed 000 has only "In recent years".
# Seed 002: "Hong Kong 2030+: ... Transcending 2030" names a plan; "2030+" is read as "from
# 2030 on" (anchor start). Seed 003's table header "Expected Growth (2024)" is a plain year.
SEED_DATES = {
    "000": [("In recent years", "relative", None, "point", None)],
    "001": [
        ("In recent years", "relative", None, "point", None),
        ("in 2014", "year", "year", "point", "2014"),  # "Founded in Hong Kong in 2014"
    ],
    "002": [
        ("In recent years", "relative", None, "point", None),
        ("2030+", "year", "year", "start", "2030"),
        ("2030", "year", "year", "point", "2030"),
    ],
    "003": [
        ("2023", "year", "year", "point", "2023"),  # "a 2023 survey by the HKPC"
        ("within the next two years", "relative", None, "deadline", None),
        ("2024", "year", "year", "point", "2024"),  # table header "Expected Growth (2024)"
        ("in recent years", "relative", None, "point", None),
        ("2023", "year", "year", "point", "2023"),  # "InvestHK's 2023 startup survey"
        ("since 2020", "year", "year", "start", "2020"),
        ("2023", "year", "year", "point", "2023"),  # "A 2023 study"
        ("in late 2024", "date", "part", "point", "late 2024"),
    ],
    "004": [
        ("by 2035", "year", "year", "deadline", "2035"),
        ("July 4, 2024", "date", "day", "point", "2024-07-04"),
        ("this week", "relative", None, "point", None),
        ("this year", "relative", None, "point", None),
        ("last year", "relative", None, "point", None),
        ("July 6, 2023", "date", "day", "point", "2023-07-06"),  # caption, printed twice
        ("July 6, 2023", "date", "day", "point", "2023-07-06"),
        ("In August 2023", "date", "month", "point", "2023-08"),
        ("by 2035", "year", "year", "deadline", "2035"),
        ("2024-2025 budget", "fiscal_year", "fiscal_year", "point", "2024-25 budget"),
    ],
}


@pytest.mark.parametrize("stem", sorted(SEED_DATES))
def test_seed_dates(stem: str) -> None:
    text = seed_text(stem)
    mentions = find_dates(text, doc_id=stem)
    assert _summary(mentions) == SEED_DATES[stem]
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.span.text
        assert m.resolved == (m.value is not None)


def test_seed_003_plain_years_are_the_ones_before_survey_and_study() -> None:
    text = seed_text("003")
    years = [m for m in find_dates(text) if m.span.text == "2023"]
    assert [text[m.span.end : m.span.end + 8] for m in years] == [
        " survey ",
        " startup",
        " study b",
    ]


def test_seed_004_budget_period_and_relative_resolution() -> None:
    text = seed_text("004")
    (budget,) = find_periods(text)
    assert budget.value == FiscalYear(start_year=2024, context="budget")
    assert budget.cue_span is not None and budget.cue_span.text == "budget"
    published = dt.date(2024, 7, 5)
    resolved = {m.span.text: m for m in find_dates(text, published=published)}
    assert resolved["last year"].value == PartialDate(year=2023)
    assert resolved["this year"].value == PartialDate(year=2024)
    assert resolved["this week"].value == DateRange(start=day(2024, 7, 1), end=day(2024, 7, 7))


def test_relative_window_resolves_against_published_date() -> None:
    text = "Another 35% plan to adopt AI within the next two years."
    (unresolved,) = find_dates(text)
    assert unresolved.value is None and unresolved.resolved is False
    assert unresolved.relative is not None and unresolved.relative.amount == 2
    (window,) = find_dates(text, published=dt.date(2024, 2, 29))
    assert window.value == DateRange(start=day(2024, 2, 29), end=day(2026, 2, 28))
    assert window.precision == "day" and window.anchor == "deadline"
    assert find_periods(text) == [unresolved]


def test_vague_relative_times_stay_unresolved() -> None:
    (recent,) = find_dates("In recent years, start-ups multiplied.", published=dt.date(2024, 1, 1))
    assert recent.value is None and recent.resolved is False


SCAN_EXAMPLES = [
    ("The hub is due by 2035.", [("by 2035", "year", "deadline", "2035")]),
    ("Start-ups have tripled since 2020.", [("since 2020", "year", "start", "2020")]),
    ("It will open in late 2024.", [("in late 2024", "date", "point", "late 2024")]),
    (
        "Results are due in the first half of 2025.",
        [("in the first half of 2025", "date", "point", "first half of 2025")],
    ),
    ("Funds run until 2030.", [("until 2030", "year", "end", "2030")]),
    (
        "The 2024-25 Budget sets aside HK$1 billion.",
        [("2024-25 Budget", "fiscal_year", "point", "2024-25 budget")],
    ),
    ("In FY2023-24 the fund grew.", [("In FY2023-24", "fiscal_year", "point", "2023-24")]),
    ("二零二四至二五年度的預算", [("二零二四至二五年度", "fiscal_year", "point", "2024-25")]),
    ("政府於2024年7月4日公布", [("於2024年7月4日", "date", "point", "2024-07-04")]),
    ("自2020年以來，初創企業增加", [("自2020年", "year", "start", "2020")]),
    ("在2035年或之前建成", [("在2035年", "year", "point", "2035")]),
    ("計劃於2035年前完成", [("於2035年", "year", "point", "2035")]),
    ("2035年前完成", [("2035年前", "year", "deadline", "2035")]),
    (
        "The scheme ran from 2019 to 2022.",
        [("from 2019 to 2022", "range", "point", "2019 to 2022")],
    ),
    ("It cost HK$2024 and hired 2,024 people.", []),
    ("The park houses 2000 companies.", []),
    ("2000名學生", []),
    ("The 2024-2030 plan", [("2024-2030", "range", "point", "2024 to 2030")]),
    ("Rates rose in May 2024.", [("in May 2024", "date", "point", "2024-05")]),
    ("It may 2024 be", [("2024", "year", "point", "2024")]),
]


@pytest.mark.parametrize(("text", "expected"), SCAN_EXAMPLES, ids=[t for t, _ in SCAN_EXAMPLES])
def test_find_dates(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    got = [(m.span.text, m.kind, m.anchor, str(m.value)) for m in find_dates(text)]
    assert got == expected


def test_money_spans_in_skip_hide_their_years() -> None:
    text = "A grant of 2024 dollars in 2024."
    assert [m.span.text for m in find_dates(text)] == ["2024", "in 2024"]
    assert [m.span.text for m in find_dates(text, skip=[(11, 23)])] == ["in 2024"]


# --- properties -------------------------------------------------------------------------------


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(1900, 2100))
    precision = draw(st.sampled_from(["year", "part", "month", "day"]))
    if precision == "year":
        return PartialDate(year=year)
    if precision == "part":
        return PartialDate(year=year, part=draw(st.sampled_from(list(_date_values.YEAR_PARTS))))
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year=year, month=month)
    last = calendar.monthrange(year, month)[1]
    return PartialDate(year=year, month=month, day=draw(st.integers(1, last)))


@settings(max_examples=300)
@given(partial_dates())
def test_property_parse_date_round_trips(value: PartialDate) -> None:
    assert parse_date(str(value)) == value


@settings(max_examples=200)
@given(st.integers(1900, 2099), st.sampled_from([None, "budget", "estimates"]))
def test_property_fiscal_year_round_trips(year: int, context: str | None) -> None:
    value = FiscalYear(start_year=year, context=context)
    assert parse_period(str(value)) == value


_PIECES = [
    *"0123456789-‑–/., \n()年月日號至到度初底前後起內一二三四五六七八九十零〇$",
    "2024", "1999", "July ", "Aug ", "late ", "mid-", "by ", "since ", "in ", "FY", "the ",
    "budget", "within the next ", "two ", "years", "this year", "去年", "未來兩年內", "HK$",
    "以來", "between ", " and ", "from ", " to ", "companies", "Q3 ", "first half of ",
]  # fmt: skip


@settings(max_examples=500)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(max_size=60),
    st.sampled_from([None, dt.date(2024, 2, 29), dt.date(1, 1, 1), dt.date(9999, 12, 31)]),
)
def test_property_scanner_never_raises_and_spans_are_valid(
    text: str, published: dt.date | None
) -> None:
    # _scan is the scanner without find_dates' last-resort guard: an exception is a real bug.
    mentions = dates._scan(text, doc_id=None, published=published, skip=())
    assert mentions == find_dates(text, published=published)
    last_end = 0
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.span.text
        assert m.span.start >= last_end
        last_end = m.span.end


# --- anchored scanning gives exactly what a whole-text scan gives --------------------------------

_DATE_PIECES = [
    "2024", "2025", "1999", "24", "25", "٢٠٢٤", "7", "04", " ", "   ", "-", "/", ".", ",", "年",
    "月", "日", "至", "二零二四", "二五", "July", "JULY", "May", "Sept.", "4th", "of", "the end of",
    "the   first   half   of", "mid", "Q3", "1H", "FY", "fiscal year", "between", "and", "from",
    "to", "within", "the next", "two", "couple of", "years", "month", "weeK", "day", "this",
    "last", "in recent", "HK$", "x", "\n", "(", "H", "Q", "4", "31", "2024-07-04", "4.7.",
    "12/", "–", "—", "Sept", ",", "Q32024", "H1", "1H2025", "AND", "Until", "till", "THROUGH",
    "budget", "é",
]  # fmt: skip


@pytest.mark.parametrize(
    "spec",
    [_date_scan._DATE, _date_scan._PERIOD, _date_scan._RELATIVE_EN],
    ids=["date", "period", "relative"],
)
@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(_DATE_PIECES), max_size=40))
def test_anchored_scan_equals_whole_text_scan(spec: object, pieces: list[str]) -> None:
    from hkpolicy import _date_patterns as D

    text = "".join(pieces)
    runs = [m.span() for m in D.YEAR_DIGITS_RE.finditer(text)]
    anchors: object = None
    if spec is _date_scan._PERIOD:  # the runs that can start a period, as the scanner takes them
        anchors = _date_scan._period_anchors(text, runs)
    elif spec is _date_scan._DATE:  # the runs that can end a date
        anchors = [(s, e) for s, e in runs if _date_scan._may_end_a_date(text, s, e)]
    else:  # the unit words that can close a relative time
        anchors = list(_date_scan._relative_anchors(text))
    found = [m.span() for m in anchored_matches(spec, text, anchors)]  # type: ignore[arg-type]
    assert found == [m.span() for m in spec.pattern.finditer(text)]  # type: ignore[attr-defined]
    years = [m.span() for m in _date_scan._year_matches(text, runs)]
    assert years == [m.span() for m in D.YEAR_RE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["year", "YEAR", "yEaR", "day", "dayear", "weeK", "wee\u212a", "Month", " ", "s", "x"]
        ),
        max_size=30,
    ).map("".join)
)
def test_unit_word_search_finds_what_the_anchor_pattern_finds(text: str) -> None:
    from hkpolicy import _date_patterns as D

    expected = [m.span() for m in D.RELATIVE_EN_ANCHOR_RE.finditer(text)]
    assert _date_scan._unit_words(text) == expected


def test_unit_word_letters_fold_as_the_anchor_pattern_spells_them() -> None:
    from hkpolicy import _date_patterns as D

    every = "".join(map(chr, range(0x110000)))
    for letter in set("".join(D.RELATIVE_UNITS_EN)):
        expected = {letter, letter.upper()} | ({"\u212a"} if letter == "k" else set())
        assert set(regex.findall(letter, every, flags=regex.IGNORECASE)) == expected, letter


def test_trusted_date_models_equal_validated_ones() -> None:
    text = "By 2035, in late 2024, the 2024-25 budget, 2020 to 2025, 4 July 2024, 2024年7月"
    for m in find_dates(text, published=dt.date(2024, 3, 1)):
        again = dates.DateMention.model_validate(m.model_dump())
        assert again == m
        assert repr(again) == repr(m)
        assert hash(again) == hash(m)


# --- the typed builders make what validation makes ---------------------------------------------


def test_date_builders_make_what_validation_makes() -> None:
    from hkpolicy._scanning import new_span
    from tests.trusted_records import assert_built_like_validated

    built = [
        _date_values.checked_partial_date(2024, 7, 4),
        _date_values.checked_partial_date(2024, 2),
        _date_values.year_date(2035),
        _date_values.year_part_date(2024, "late"),
        _date_values.year_range(2020, 2025),
        _date_values.fiscal_year(2024),
        new_span("by 2035", 3, 7, "doc"),
    ]
    span = new_span("by 2035", 0, 7, None)
    cue = new_span("by 2035", 0, 2, None)
    for value in (built[0], built[4], built[5], None):
        built.append(
            _date_values.new_date_mention(
                span=span, kind="date", value=value, anchor="deadline", cue_span=cue, relative=None
            )
        )
    for model in built:
        assert_built_like_validated(model)


@pytest.mark.parametrize(
    ("year", "month", "day"), [(2023, 2, 29), (2024, 6, 31), (1899, 1, 1), (2024, 13, None)]
)
def test_checked_partial_date_refuses_what_validation_refuses(
    year: int, month: int | None, day: int | None
) -> None:
    assert _date_values.checked_partial_date(year, month, day) is None


def test_a_half_year_past_h2_is_no_year_part_and_the_other_dates_stay() -> None:
    # Years have two halves: "H3 2024" is a year after an unknown word, and reading it must not
    # cost the text its other dates.
    result = find_dates("Sales in H3 2024, and H2 2025, and on 1 July 2025.")
    assert not result.warnings
    assert [(d.span.text, d.kind, str(d.value)) for d in result] == [
        ("2024", "year", "2024"),
        ("H2 2025", "date", "second half of 2025"),
        ("on 1 July 2025", "date", "2025-07-01"),
    ]
