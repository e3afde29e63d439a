"""The date and period records, and how one matched expression becomes one (private;
re-exported by :mod:`hkpolicy.dates`).

Owns :class:`PartialDate`, :class:`FiscalYear`, :class:`DateRange`, :class:`RelativePeriod` and
:class:`DateMention`, with the conventions they carry (the months of "late" or "Q3"); the typed
builders that make them without validation from values already checked; the readers from a
match of a ``_date_patterns`` pattern to a value; and :func:`parse_date`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import Literal

import regex
from pydantic import Field, model_validator

from . import _date_patterns as D
from ._numerals import CJK_DIGITS, parse_cjk_number, to_halfwidth
from ._scanning import GroupNumbers
from .errors import ParseError
from .spans import Record, Span, check_text, construct_trusted

__all__ = [
    "PART_LABELS",
    "YEAR_PARTS",
    "Anchor",
    "DateKind",
    "DateMention",
    "DateRange",
    "FiscalYear",
    "PartialDate",
    "Precision",
    "RelativePeriod",
    "YearPart",
    "checked_partial_date",
    "cjk_year",
    "date_from_match",
    "fiscal_year",
    "fiscal_year_of",
    "month_number",
    "new_date_mention",
    "parse_date",
    "period_from_match",
    "year_date",
    "year_part_date",
    "year_range",
    "zh_date_from_match",
]


YearPart = Literal["early", "mid", "late", "first_half", "second_half", "q1", "q2", "q3", "q4"]
Precision = Literal["day", "month", "part", "year", "fiscal_year"]
DateKind = Literal["date", "year", "fiscal_year", "range", "relative"]
Anchor = Literal["point", "deadline", "start", "end"]

# The months each part of a year covers (first, last). early/mid/late split the year in thirds:
# a convention of this library, stated so that start/end of "late 2024" are reproducible.
YEAR_PARTS: dict[str, tuple[int, int]] = {
    "early": (1, 4), "mid": (5, 8), "late": (9, 12),
    "first_half": (1, 6), "second_half": (7, 12),
    "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12),
}  # fmt: skip
# How str() writes each part; each form is read back by parse_date.
PART_LABELS: dict[str, str] = {
    "early": "early {y}", "mid": "mid {y}", "late": "late {y}",
    "first_half": "first half of {y}", "second_half": "second half of {y}",
    "q1": "Q1 {y}", "q2": "Q2 {y}", "q3": "Q3 {y}", "q4": "Q4 {y}",
}  # fmt: skip
_PRECISION_ORDER: dict[str, int] = {"day": 0, "month": 1, "part": 2, "year": 3, "fiscal_year": 3}

# parse_period reads one period: a longer text is no period, and is refused before the "A to
# B" split (RANGE_SPLIT_RE, quadratic in the worst case) runs, so its cost stays bounded.


class PartialDate(Record):
    """A calendar date known to the precision the text gives: day, month, part of year, or year.

    >>> [str(parse_date(t)) for t in ("July 4, 2024", "August 2023", "late 2024")]
    ['2024-07-04', '2023-08', 'late 2024']
    """

    year: int = Field(ge=1, le=9999)
    """The calendar year."""
    month: int | None = Field(default=None, ge=1, le=12)
    """1-12, or None when the text gives no month."""
    day: int | None = Field(default=None, ge=1, le=31)
    """1-31, or None when the text gives no day (then ``month`` may still be set)."""
    part: YearPart | None = None
    """A part of the year ("late", "first_half", "q3"), only when no month is given."""

    @model_validator(mode="after")
    def _consistent(self) -> PartialDate:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.part is not None and self.month is not None:
            raise ValueError("a part of a year excludes a month")
        if self.day is not None and self.month is not None:
            dt.date(self.year, self.month, self.day)  # ValueError for 31 June, 29 Feb 2023
        return self

    @property
    def precision(self) -> Precision:
        """day, month, part or year."""
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "part" if self.part is not None else "year"

    @property
    def first_day(self) -> dt.date:
        """The earliest day the text allows."""
        if self.month is not None:
            return dt.date(self.year, self.month, self.day or 1)
        first_month = YEAR_PARTS[self.part][0] if self.part else 1
        return dt.date(self.year, first_month, 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day the text allows."""
        if self.month is not None:
            day = self.day or calendar.monthrange(self.year, self.month)[1]
            return dt.date(self.year, self.month, day)
        last_month = YEAR_PARTS[self.part][1] if self.part else 12
        return dt.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    @classmethod
    def fromstring(cls, text: str) -> PartialDate:
        """Same as :func:`parse_date`."""
        return parse_date(text)

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        if self.part is not None:
            return PART_LABELS[self.part].format(y=f"{self.year:04d}")
        return f"{self.year:04d}"


class FiscalYear(Record):
    """A Hong Kong Government fiscal year: 1 April of ``start_year`` to 31 March of the next.

    >>> from hkpolicy.dates import parse_period
    >>> parse_period("2024-25") == FiscalYear(start_year=2024)
    True
    >>> parse_period("the 2024-2025 budget")
    FiscalYear(start_year=2024, context='budget')
    """

    start_year: int = Field(ge=1, le=9998)
    """The calendar year in which the fiscal year begins: 2024 for "2024-25"."""
    context: str | None = None
    """What the text says the year is of: "budget" for "the 2024-2025 budget"; None otherwise.
    Compare ``without_context()`` (or ``start_year``) to ask only "which year"."""

    @property
    def start(self) -> dt.date:
        """1 April of ``start_year``."""
        return dt.date(self.start_year, 4, 1)

    @property
    def end(self) -> dt.date:
        """31 March of the following year (inclusive)."""
        return dt.date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        """The usual written form, "2024-25"."""
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    def without_context(self) -> FiscalYear:
        """The same year with no context: ``FiscalYear(start_year=...)``."""
        return FiscalYear(start_year=self.start_year)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.label} {self.context}" if self.context else self.label


class DateRange(Record):
    """From ``start`` to ``end``, both inclusive, each at its own precision ("2020 to 2025")."""

    start: PartialDate
    """The first date (its ``first_day`` is where the range begins)."""
    end: PartialDate
    """The last date (its ``last_day`` is where the range ends)."""

    @model_validator(mode="after")
    def _ordered(self) -> DateRange:
        if self.end.last_day < self.start.first_day:
            raise ValueError(f"range ends ({self.end}) before it starts ({self.start})")
        return self

    @property
    def precision(self) -> Precision:
        """The coarser precision of the two ends."""
        a, b = self.start.precision, self.end.precision
        return a if _PRECISION_ORDER[a] >= _PRECISION_ORDER[b] else b

    def __str__(self) -> str:
        return f"{self.start} to {self.end}"


class RelativePeriod(Record):
    """A time the text gives relative to when it was written ("within the next two years")."""

    unit: Literal["day", "week", "month", "year"]
    """The unit counted."""
    direction: Literal["past", "current", "next"]
    """Backwards, the current unit, or forwards from the document's date."""
    amount: int | None
    """How many units; None when the text is vague ("in recent years", 近年)."""
    window: bool
    """True for a span from or to the document's date ("the next two years"); False for a
    calendar unit ("last year", 去年 = the previous calendar year)."""


class DateMention(Record):
    """A date, year, fiscal year, range or relative time found in a text."""

    span: Span
    """The whole expression, its cue included: "by 2035", "in late 2024", "2024-2025 budget"."""
    kind: DateKind
    """date (a calendar date, possibly partial), year (a plain year), fiscal_year, range or
    relative."""
    value: PartialDate | FiscalYear | DateRange | None
    """What it means; None for a relative time that could not be resolved."""
    precision: Precision | None
    """day, month, part, year or fiscal_year; None when unresolved."""
    anchor: Anchor = "point"
    """How the text relates to the date: point ("in 2014"), deadline ("by 2035",
    "within the next two years"), start ("since 2020", "2030+"), end ("until 2030")."""
    cue_span: Span | None = None
    """The anchor word ("by", "since", 以來) or context word ("budget"); None without one."""
    relative: RelativePeriod | None = None
    """For kind relative: what the text says, before resolution."""
    resolved: bool = True
    """False for a relative time with no ``published`` date to resolve it against."""


# --- builders: records from checked values, without validation ----------------------------------


def checked_partial_date(
    year: int, month: int | None = None, day: int | None = None
) -> PartialDate | None:
    """``PartialDate(year=year, month=month, day=day)``, or None where that would not validate
    (the checks are PartialDate's own, made here so the scanning loop skips validation)."""
    if not D.YEAR_MIN <= year <= D.YEAR_MAX:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None or not 1 <= day <= 31:
            return None
        try:
            dt.date(year, month, day)
        except ValueError:  # 31 June, 29 February 2023
            return None
    return _shared_partial_date(year, month, day)


# The years and fiscal years a scan reads are few (YEAR_MIN..YEAR_MAX) and their records frozen:
# one shared record per year, not a garbage-collected model per mention.
_YEARS_CACHED = D.YEAR_MAX - D.YEAR_MIN + 1
# Dates, parts of years and year ranges are more, but a text repeats few of them: a bounded
# cache shares the records of those it repeats.
_DATES_CACHED = 4096


@functools.lru_cache(maxsize=_DATES_CACHED)
def _shared_partial_date(year: int, month: int | None, day: int | None) -> PartialDate:
    """``PartialDate(year=year, month=month, day=day)`` for values checked_partial_date checked:
    one shared record per date."""
    return construct_trusted(
        PartialDate,
        {"year": year, "month": month, "day": day, "part": None},
        ("year", "month", "day"),
    )


@functools.lru_cache(maxsize=_YEARS_CACHED)
def year_date(year: int) -> PartialDate:
    """``PartialDate(year=year)`` for a year already checked against YEAR_MIN..YEAR_MAX."""
    return construct_trusted(
        PartialDate, {"year": year, "month": None, "day": None, "part": None}, ("year",)
    )


@functools.lru_cache(maxsize=_DATES_CACHED)
def year_part_date(year: int, part: str) -> PartialDate:
    """``PartialDate(year=year, part=part)`` for a checked year and a known part."""
    return construct_trusted(
        PartialDate, {"year": year, "month": None, "day": None, "part": part}, ("year", "part")
    )


@functools.lru_cache(maxsize=_DATES_CACHED)
def year_range(a: int, b: int) -> DateRange:
    """``DateRange`` from year ``a`` to a later year ``b`` (both already checked)."""
    return construct_trusted(
        DateRange, {"start": year_date(a), "end": year_date(b)}, ("start", "end")
    )


@functools.lru_cache(maxsize=_YEARS_CACHED)
def fiscal_year(start_year: int) -> FiscalYear:
    """``FiscalYear(start_year=start_year)`` for a year already checked."""
    return construct_trusted(
        FiscalYear, {"start_year": start_year, "context": None}, ("start_year",)
    )


@functools.lru_cache(maxsize=_DATES_CACHED)
def fiscal_year_of(start_year: int, context: str) -> FiscalYear:
    """``fiscal_year(start_year).model_copy(update={"context": context})`` ("the 2024-25
    budget") for a context of PERIOD_CONTEXTS: one shared record per year and context."""
    return construct_trusted(
        FiscalYear, {"start_year": start_year, "context": context}, ("start_year", "context")
    )


def new_date_mention(
    *,
    span: Span,
    kind: DateKind,
    value: PartialDate | FiscalYear | DateRange | None,
    anchor: Anchor,
    cue_span: Span | None,
    relative: RelativePeriod | None,
) -> DateMention:
    """``DateMention(...)`` from values valid by construction, built without validation; its
    ``precision`` and ``resolved`` follow from ``value``."""
    precision: Precision | None
    if value is None:
        precision = None
    elif isinstance(value, FiscalYear):
        precision = "fiscal_year"
    else:
        precision = value.precision
    return construct_trusted(
        DateMention,
        {
            "span": span,
            "kind": kind,
            "value": value,
            "precision": precision,
            "anchor": anchor,
            "cue_span": cue_span,
            "relative": relative,
            "resolved": value is not None,
        },
    )  # every field given: the fields set all DateMentions share


# --- reading one expression ---------------------------------------------------------------------


def parse_date(text: str) -> PartialDate:
    """One date, the whole of ``text``, at the precision it gives.

    Grammar: ``2024-07-04``; ``4/7/2024`` (day first, as in Hong Kong); ``July 4, 2024``;
    ``4 July 2024``; ``August 2023``; ``late 2024``, ``mid-2024``, ``first half of 2025``,
    ``Q3 2024``, ``H1 2025``; ``2024``; ``2024年7月4日``, ``二零二四年七月``, ``2024年下半年``.
    Anything else goes to ``dateutil.parser.parse`` with two different defaults; a field that
    comes out different is one the text did not give, and a date without a year is an error.

    :raises ParseError: when ``text`` is not one date with a year.
    """
    check_text("parse_date", text)
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    half = to_halfwidth(stripped)
    if not stripped:
        raise ParseError(f"Invalid date: {text!r}", text, (0, len(text)), hint="expected a date")
    for pattern in (D.DATE_RE, D.DATE_ZH_RE):
        m = pattern.fullmatch(half)
        if m is not None:
            value = date_from_match(m) if pattern is D.DATE_RE else zh_date_from_match(m)
            if value is not None:
                return value
    year = regex.fullmatch(r"(\d{4})|([〇零○一二三四五六七八九]{4})年?", half)
    if year is not None:
        number = int(year.group(1)) if year.group(1) else cjk_year(year.group(2))
        if number is not None and 1 <= number <= 9999:
            return PartialDate(year=number)
    return _parse_with_dateutil(text, stripped, offset)


def _parse_with_dateutil(text: str, stripped: str, offset: int) -> PartialDate:
    from dateutil import parser as dateutil_parser  # lazy: keeps `import hkpolicy` light

    # Two defaults that differ in every field: a field the text does not give comes out
    # different, so it is known to be absent. Both defaults have 31-day months in leap years,
    # so "31 August" or "29 February" never fails because of the default.
    first_default = dt.datetime(2000, 1, 1)
    second_default = dt.datetime(2004, 3, 2)
    where = (offset, offset + len(stripped))
    try:
        first = dateutil_parser.parse(stripped, default=first_default, dayfirst=True)
        second = dateutil_parser.parse(stripped, default=second_default, dayfirst=True)
    except (ValueError, OverflowError) as error:
        raise ParseError(f"Invalid date: {text!r}", text, where, hint="expected a date") from error
    if first.year != second.year:
        raise ParseError(
            f"Invalid date: {text!r}", text, where, hint="the date has no year (none is assumed)"
        )
    month = first.month if first.month == second.month else None
    day = first.day if month is not None and first.day == second.day else None
    try:
        return PartialDate(year=first.year, month=month, day=day)
    except ValueError as error:
        raise ParseError(f"Invalid date: {text!r}", text, where) from error


def cjk_year(token: str) -> int | None:
    if len(token) != 4 or any(ch not in CJK_DIGITS and ch != "○" for ch in token):
        return None
    return int("".join(str(CJK_DIGITS.get(ch, 0)) for ch in token))


def month_number(token: str) -> int | None:
    return D.MONTHS.get(token.lower().rstrip("."))


# The patterns' group numbers: a group read by name costs a look-up per call.
_DATE_G = GroupNumbers(D.DATE_RE)
_DATE_ZH_G = GroupNumbers(D.DATE_ZH_RE)
_PERIOD_G = GroupNumbers(D.PERIOD_RE)


def date_from_match(m: regex.Match[str]) -> PartialDate | None:
    g = _DATE_G
    iso, dmy_num, mdy, dmy, my, part = m.group(g.iso, g.dmy_num, g.mdy, g.dmy, g.my, g.part)
    if iso:
        year, month, day = m.group(g.iso_y, g.iso_m, g.iso_d)
        return checked_partial_date(int(year), int(month), int(day))
    if dmy_num:
        year, month, day = m.group(g.n_y, g.n_m, g.n_d)
        return checked_partial_date(int(year), int(month), int(day))
    if mdy:
        year, month, day = m.group(g.a_y, g.a_mon, g.a_d)
        return checked_partial_date(int(year), month_number(month), int(day))
    if dmy:
        year, month, day = m.group(g.b_y, g.b_mon, g.b_d)
        return checked_partial_date(int(year), month_number(month), int(day))
    if my:
        year, month = m.group(g.c_y, g.c_mon)
        return checked_partial_date(int(year), month_number(month))
    if part:
        year, word = m.group(g.p_y, g.p_word)
        year_part = D.YEAR_PART_WORDS[" ".join(word.lower().split())]
    else:
        year, word = m.group(g.hq_y, g.hq_word)
        year_part = D.YEAR_PART_WORDS[word.lower()]
    number = int(year)
    if not D.YEAR_MIN <= number <= D.YEAR_MAX:
        return None
    return year_part_date(number, year_part)


def _zh_small(token: str | None) -> int | None:
    if token is None:
        return None
    if token.isdigit():
        return int(token)
    value = parse_cjk_number(token)
    return int(value) if value is not None else None


def zh_date_from_match(m: regex.Match[str]) -> PartialDate | None:
    g = _DATE_ZH_G
    digits, cjk_digits, part, month, day = m.group(g.y, g.zy, g.part, g.m, g.d)
    year = int(digits) if digits else cjk_year(cjk_digits)
    if year is None:
        return None
    if part:
        known = D.YEAR_PART_WORDS_ZH.get(part)
        if known is None or not D.YEAR_MIN <= year <= D.YEAR_MAX:
            return None
        return year_part_date(year, known)
    return checked_partial_date(year, _zh_small(month), _zh_small(day))


def period_from_match(m: regex.Match[str]) -> tuple[FiscalYear | DateRange | None, str]:
    """The period a PERIOD_RE match means, or (None, why not)."""
    g = _PERIOD_G
    between, from_, zy1, y1, y2, sep, nd = m.group(
        g.between, g.from_, g.zy1, g.y1, g.y2, g.sep, g.nd
    )
    if between or from_:
        b1, f1, b2, f2 = m.group(g.b1, g.f1, g.b2, g.f2)
        a, b = int(b1 or f1), int(b2 or f2)
        return (year_range(a, b), "") if b > a else (None, "the second year must be later")
    if zy1:
        token = m.group(g.zy2)
        tail = int("".join(str(CJK_DIGITS.get(ch, 0)) for ch in token))
        return _fiscal(cjk_year(zy1) or 0, tail, len(token), sep, bool(nd))
    return _fiscal(int(y1), int(y2), len(y2), sep, bool(nd))


def _fiscal(
    y1: int, y2: int, digits: int, sep: str | None, nian_du: bool
) -> tuple[FiscalYear | DateRange | None, str]:
    if not D.YEAR_MIN <= y1 <= D.YEAR_MAX:
        return None, f"expected a year between {D.YEAR_MIN} and {D.YEAR_MAX}"
    if digits == 2:
        if y2 == (y1 + 1) % 100:
            return fiscal_year(y1), ""
        full = y1 - y1 % 100 + y2
        if full > y1 + 1:  # "2022-25": a run of years (a UGC triennium, say)
            return year_range(y1, full), ""
        return None, f"expected {(y1 + 1) % 100:02d} (the year after {y1})"
    if y2 == y1 + 1 and (nian_du or sep is None or sep.strip() not in ("至", "到")):
        return fiscal_year(y1), ""
    if y2 > y1:
        return year_range(y1, y2), ""
    return None, f"expected a year after {y1}"
