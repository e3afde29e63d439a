"""Dates and periods: what a text says about *when*, at the precision the text gives.

Owns :class:`PartialDate` (a day, a month, a year, or a part of a year such as "late 2024"),
:class:`FiscalYear` (the Hong Kong Government year, 1 April to 31 March), :class:`DateRange`,
:class:`RelativePeriod` ("within the next two years", 去年) and :class:`DateMention`, with
:func:`parse_date`, :func:`parse_period`, :func:`find_dates` and :func:`find_periods`.

Missing parts are never filled in: "August 2023" is month-precise and "July 4" (no year) is not
a date at all. In particular nothing is taken from today's date, which is what
``dateutil.parser.parse`` does by default; :func:`parse_date` parses twice with two different
defaults and treats any field that differs as absent. dateutil's parser is imported inside that
function only, so ``import hkpolicy`` stays light.

Scanning never raises, and has no time limit: its cost is linear in the text (every pattern is
tried near a cheap anchor on a bounded window), so the result is a function of the text alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

import regex
from pydantic import Field, model_validator

from . import _date_patterns as D
from ._numerals import CJK_DIGITS, parse_cjk_number, to_halfwidth
from .errors import MentionLimitError, ParseError
from .percent import (
    _Anchored,
    _anchored,
    _has_fullwidth,
    _span,
)
from .spans import (
    Record,
    ScanResult,
    Span,
    TakenCharacters,
    check_date,
    check_max_mentions,
    check_optional_str,
    check_ranges,
    check_text,
    collecting_warnings,
    construct_trusted,
    mention_limit,
)

__all__ = [
    "Anchor",
    "DateKind",
    "DateMention",
    "DateRange",
    "FiscalYear",
    "PartialDate",
    "Precision",
    "RelativePeriod",
    "YearPart",
    "find_dates",
    "find_periods",
    "parse_date",
    "parse_period",
]


def __dir__() -> list[str]:
    return __all__


logger = logging.getLogger("hkpolicy.dates")

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
MAX_PERIOD_CHARS = 200
CUE_WINDOW = 16  # characters looked at before/after a date for "by", "since", 以來


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


def find_dates(
    text: str,
    *,
    doc_id: str | None = None,
    published: dt.date | None = None,
    skip: Iterable[tuple[int, int]] = (),
    max_mentions: int | None = None,
) -> ScanResult[DateMention]:
    """Every date-like expression in ``text``, in order, never overlapping. Never raises on any
    text: the result's ``warnings`` say why a scan stopped early (see
    :class:`~hkpolicy.spans.ScanResult`). A wrong argument raises ``TypeError``; more than
    ``max_mentions`` dates raise :class:`~hkpolicy.errors.MentionLimitError` before any is built.

    Relative times are resolved against ``published`` (the document's date) when given, and
    otherwise returned with ``resolved=False`` and ``value=None``. ``skip`` holds ``(start, end)``
    ranges (boilerplate, money amounts) where nothing is reported.

    >>> [(m.span.text, m.kind, m.anchor) for m in find_dates("Founded in 2014, a hub by 2035.")]
    [('in 2014', 'year', 'point'), ('by 2035', 'year', 'deadline')]
    """
    return _find_dates("find_dates", text, doc_id, published, skip, max_mentions)


def _find_dates(
    function: str,
    text: object,
    doc_id: object,
    published: object,
    skip: object,
    max_mentions: object,
) -> ScanResult[DateMention]:
    text = check_text(function, text)
    doc_id = check_optional_str(function, "doc_id", doc_id)
    published = check_date(function, "published", published)
    ranges = check_ranges(function, "skip", skip)
    limit = check_max_mentions(function, max_mentions)
    with collecting_warnings() as warnings:
        try:
            found = _scan(text, doc_id=doc_id, published=published, skip=ranges, limit=limit)
        except MentionLimitError:
            raise
        except Exception as error:  # a scanner never raises: say why, in the result and the log
            logger.exception("find_dates failed on a text of %d characters", len(text))
            warnings.append(f"date scan stopped: {type(error).__name__}: {error}")
            found = []
    return ScanResult(found, warnings)


def find_periods(
    text: str,
    *,
    doc_id: str | None = None,
    published: dt.date | None = None,
    skip: Iterable[tuple[int, int]] = (),
    max_mentions: int | None = None,
) -> ScanResult[DateMention]:
    """The mentions of :func:`find_dates` that are periods: fiscal years, ranges and relative
    windows ("within the next two years"). Never raises on any text; arguments as for
    :func:`find_dates` (``max_mentions`` bounds the dates scanned, periods or not)."""
    found = _find_dates("find_periods", text, doc_id, published, skip, max_mentions)
    periods = [
        m
        for m in found
        if m.kind in ("fiscal_year", "range")
        or (m.kind == "relative" and m.relative is not None and m.relative.window)
    ]
    return ScanResult(periods, found.warnings)


# --- parsing one expression -------------------------------------------------------------------


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
            value = _date_from_match(m) if pattern is D.DATE_RE else _zh_date_from_match(m)
            if value is not None:
                return value
    year = regex.fullmatch(r"(\d{4})|([〇零○一二三四五六七八九]{4})年?", half)
    if year is not None:
        number = int(year.group(1)) if year.group(1) else _cjk_year(year.group(2))
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


def parse_period(text: str) -> FiscalYear | DateRange:
    """One period, the whole of ``text``: a fiscal year or a range of dates.

    Grammar: ``[the] [FY|fiscal year] YYYY (-|‑|–|/|至) (YY|YYYY) [年度] [budget|財政預算案]``
    is a fiscal year when the second year follows the first ("2024-25", "2024/2025",
    "FY2024-25", "二零二四至二五年度"); a later second year makes a range of years ("2022-25").
    ``A to B``, ``between A and B``, ``from A to B`` and ``A至B`` with dates A and B make a
    :class:`DateRange`.

    :raises ParseError: when ``text`` is not one period, or the second year does not follow the
        first ("2024-23"); the error marks the offending part.
    """
    check_text("parse_period", text)
    half = to_halfwidth(text)
    start = len(half) - len(half.lstrip())
    end = len(half.rstrip())
    article = regex.match(r"the[ ]+", half[start:end], regex.IGNORECASE)
    pos = start + (article.end() if article else 0)
    m = D.PERIOD_RE.match(half, pos, end)
    if m is not None:
        context, ctx_end = None, m.end()
        ctx = D.CONTEXT_AFTER_RE.match(half, m.end(), end)
        if ctx is not None:
            context, ctx_end = D.PERIOD_CONTEXTS[ctx.group("ctx").lower()], ctx.end()
        if ctx_end == end:
            value, bad = _period_from_match(m)
            if value is None:
                group = "y2" if m.group("y2") else "zy2"
                raise ParseError(
                    f"Invalid fiscal year: {text!r}",
                    text,
                    (m.start(group), m.end(group)) if m.group(group) else (pos, end),
                    hint=bad,
                )
            if isinstance(value, FiscalYear) and context is not None:
                value = value.model_copy(update={"context": context})
            return value
    if end - pos > MAX_PERIOD_CHARS:
        raise ParseError(
            f"Invalid period: {text!r}",
            text,
            (start, end),
            hint=f"longer than {MAX_PERIOD_CHARS} characters: not one period",
        )
    split = D.RANGE_SPLIT_RE.fullmatch(half[pos:end])
    if split is not None:
        left = split.group("a") or split.group("c")
        right = split.group("b") or split.group("d")
        try:
            first, last = parse_date(left), parse_date(right.removesuffix("年"))
            return DateRange(start=first, end=last)
        except ValueError as error:
            raise ParseError(
                f"Invalid period: {text!r}", text, (start, max(start, end)), hint=str(error)
            ) from error
    raise ParseError(
        f"Invalid period: {text!r}",
        text,
        (start, max(start, end)),
        hint="expected a fiscal year such as 2024-25 or a range such as 2020 to 2025",
    )


def _cjk_year(token: str) -> int | None:
    if len(token) != 4 or any(ch not in CJK_DIGITS and ch != "○" for ch in token):
        return None
    return int("".join(str(CJK_DIGITS.get(ch, 0)) for ch in token))


def _month(token: str) -> int | None:
    return D.MONTHS.get(token.lower().rstrip("."))


def _partial(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
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
    return construct_trusted(
        PartialDate,
        {"year": year, "month": month, "day": day, "part": None},
        ("year", "month", "day"),
    )


def _year(year: int) -> PartialDate:
    """``PartialDate(year=year)`` for a year already checked against YEAR_MIN..YEAR_MAX."""
    return construct_trusted(
        PartialDate, {"year": year, "month": None, "day": None, "part": None}, ("year",)
    )


def _year_part(year: int, part: str) -> PartialDate:
    """``PartialDate(year=year, part=part)`` for a checked year and a known part."""
    return construct_trusted(
        PartialDate, {"year": year, "month": None, "day": None, "part": part}, ("year", "part")
    )


def _date_from_match(m: regex.Match[str]) -> PartialDate | None:
    if m.group("iso"):
        return _partial(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
    if m.group("dmy_num"):
        return _partial(int(m.group("n_y")), int(m.group("n_m")), int(m.group("n_d")))
    if m.group("mdy"):
        return _partial(int(m.group("a_y")), _month(m.group("a_mon")), int(m.group("a_d")))
    if m.group("dmy"):
        return _partial(int(m.group("b_y")), _month(m.group("b_mon")), int(m.group("b_d")))
    if m.group("my"):
        return _partial(int(m.group("c_y")), _month(m.group("c_mon")))
    if m.group("part"):
        year = int(m.group("p_y"))
        part = D.YEAR_PART_WORDS[" ".join(m.group("p_word").lower().split())]
    else:
        year = int(m.group("hq_y"))
        part = D.YEAR_PART_WORDS[m.group("hq_word").lower()]
    if not D.YEAR_MIN <= year <= D.YEAR_MAX:
        return None
    return _year_part(year, part)


def _zh_small(token: str | None) -> int | None:
    if token is None:
        return None
    if token.isdigit():
        return int(token)
    value = parse_cjk_number(token)
    return int(value) if value is not None else None


def _zh_date_from_match(m: regex.Match[str]) -> PartialDate | None:
    year = int(m.group("y")) if m.group("y") else _cjk_year(m.group("zy"))
    if year is None:
        return None
    if m.group("part"):
        part = D.YEAR_PART_WORDS_ZH.get(m.group("part"))
        if part is None or not D.YEAR_MIN <= year <= D.YEAR_MAX:
            return None
        return _year_part(year, part)
    return _partial(year, _zh_small(m.group("m")), _zh_small(m.group("d")))


def _period_from_match(m: regex.Match[str]) -> tuple[FiscalYear | DateRange | None, str]:
    """The period a PERIOD_RE match means, or (None, why not)."""
    if m.group("between") or m.group("from"):
        a = int(m.group("b1") or m.group("f1"))
        b = int(m.group("b2") or m.group("f2"))
        return (_year_range(a, b), "") if b > a else (None, "the second year must be later")
    if m.group("zy1"):
        y1 = _cjk_year(m.group("zy1"))
        token = m.group("zy2")
        tail = int("".join(str(CJK_DIGITS.get(ch, 0)) for ch in token))
        return _fiscal(y1 or 0, tail, len(token), m.group("sep"), bool(m.group("nd")))
    return _fiscal(
        int(m.group("y1")), int(m.group("y2")), len(m.group("y2")), m.group("sep"),
        bool(m.group("nd")),
    )  # fmt: skip


def _year_range(a: int, b: int) -> DateRange:
    """``DateRange`` from year ``a`` to a later year ``b`` (both already checked)."""
    return construct_trusted(DateRange, {"start": _year(a), "end": _year(b)}, ("start", "end"))


def _fiscal_year(start_year: int) -> FiscalYear:
    """``FiscalYear(start_year=start_year)`` for a year already checked."""
    return construct_trusted(
        FiscalYear, {"start_year": start_year, "context": None}, ("start_year",)
    )


def _fiscal(
    y1: int, y2: int, digits: int, sep: str | None, nian_du: bool
) -> tuple[FiscalYear | DateRange | None, str]:
    if not D.YEAR_MIN <= y1 <= D.YEAR_MAX:
        return None, f"expected a year between {D.YEAR_MIN} and {D.YEAR_MAX}"
    if digits == 2:
        if y2 == (y1 + 1) % 100:
            return _fiscal_year(y1), ""
        full = y1 - y1 % 100 + y2
        if full > y1 + 1:  # "2022-25": a run of years (a UGC triennium, say)
            return _year_range(y1, full), ""
        return None, f"expected {(y1 + 1) % 100:02d} (the year after {y1})"
    if y2 == y1 + 1 and (nian_du or sep is None or sep.strip() not in ("至", "到")):
        return _fiscal_year(y1), ""
    if y2 > y1:
        return _year_range(y1, y2), ""
    return None, f"expected a year after {y1}"


# --- scanning ---------------------------------------------------------------------------------


@dataclass(slots=True)  # no __dict__: one garbage-collected object per candidate, not two
class _Cand:
    start: int
    end: int
    kind: DateKind
    value: PartialDate | FiscalYear | DateRange | None
    anchor: Anchor = "point"
    cue: tuple[int, int] | None = None
    relative: RelativePeriod | None = None


_DATE = _Anchored(D.DATE_RE, D.YEAR_DIGITS_RE, D.DATE_STARTS_RE, D.DATE_LEAD, spaces_free=True)
_PERIOD = _Anchored(
    D.PERIOD_RE, D.YEAR_DIGITS_RE, D.PERIOD_STARTS_RE, D.PERIOD_LEAD, spaces_free=True
)
_RELATIVE_EN = _Anchored(
    D.RELATIVE_EN_RE,
    D.RELATIVE_EN_ANCHOR_RE,
    D.RELATIVE_EN_STARTS_RE,
    D.RELATIVE_EN_LEAD,
    spaces_free=True,
)


def _scan(
    text: str,
    *,
    doc_id: str | None,
    published: dt.date | None,
    skip: tuple[tuple[int, int], ...],
    limit: int | None = None,
) -> list[DateMention]:
    half = to_halfwidth(text) if _has_fullwidth(text) else text
    if isinstance(published, dt.datetime):
        published = published.date()
    # Four-digit runs anchor DATE_RE, PERIOD_RE and YEAR_RE: found once, shared.
    runs = [m.span() for m in D.YEAR_DIGITS_RE.finditer(half)]
    cands: list[_Cand] = [
        *_periods(half, runs),
        *_dates(half, runs),
        *_years(half, runs),
        *_relatives(half, published),
    ]
    taken = TakenCharacters(len(half), skip)
    chosen = [
        c
        for c in sorted(cands, key=lambda c: (c.start - c.end, c.start))
        if taken.add(c.start, c.end)
    ]
    chosen.sort(key=lambda c: c.start)
    mention_limit("date", limit, len(chosen))
    mentions = []
    for index, cand in enumerate(chosen):
        floor = chosen[index - 1].end if index else 0
        ceiling = chosen[index + 1].start if index + 1 < len(chosen) else len(half)
        if cand.kind != "relative" and cand.cue is None:
            _add_anchor(half, cand, floor, ceiling)
        mentions.append(_to_mention(text, cand, doc_id))
    return mentions


_MENTION_FIELDS = (
    "span", "kind", "value", "precision", "anchor", "cue_span", "relative", "resolved",
)  # fmt: skip


def _to_mention(text: str, cand: _Cand, doc_id: str | None) -> DateMention:
    value = cand.value
    precision: Precision | None
    if value is None:
        precision = None
    elif isinstance(value, FiscalYear):
        precision = "fiscal_year"
    else:
        precision = value.precision
    return construct_trusted(  # every field valid by construction
        DateMention,
        {
            "span": _span(text, cand.start, cand.end, doc_id),
            "kind": cand.kind,
            "value": value,
            "precision": precision,
            "anchor": cand.anchor,
            "cue_span": _span(text, *cand.cue, doc_id) if cand.cue else None,
            "relative": cand.relative,
            "resolved": value is not None,
        },
        _MENTION_FIELDS,
    )


def _add_anchor(half: str, cand: _Cand, floor: int, ceiling: int) -> None:
    """Widen ``cand`` over an adjacent anchor cue ("by 2035", 2020年以來)."""
    lo = max(floor, cand.start - CUE_WINDOW)
    before = D.ANCHOR_BEFORE_EN_RE.search(half, lo, cand.start)
    if before is None:
        before = D.ANCHOR_BEFORE_ZH_RE.search(half, lo, cand.start)
        table = D.ANCHORS_BEFORE_ZH
    else:
        table = D.ANCHORS_BEFORE_EN
    if before is not None:
        word = " ".join(before.group("cue").lower().split())
        cand.anchor = table.get(word, table.get(before.group("cue"), "point"))  # type: ignore[assignment]
        cand.cue = (before.start("cue"), before.end("cue"))
        cand.start = before.start("cue")
        return
    after = D.ANCHOR_AFTER_ZH_RE.match(half, cand.end, min(ceiling, cand.end + CUE_WINDOW))
    if after is not None and _is_cjk_context(half, cand.end):
        cand.anchor = D.ANCHORS_AFTER_ZH[after.group("cue")]  # type: ignore[assignment]
        cand.cue = (after.start("cue"), after.end("cue"))
        cand.end = after.end("cue")


def _is_cjk_context(half: str, end: int) -> bool:
    """A Chinese postfix cue only follows a Chinese date (2020年以來, not "2020 起")."""
    return end > 0 and half[end - 1] in "年月日號号度底末初中季"


def _periods(half: str, runs: list[tuple[int, int]]) -> Iterator[_Cand]:
    cjk_runs = [m.span() for m in D.CJK_YEAR_DIGITS_RE.finditer(half)]
    anchors = heapq.merge(runs, cjk_runs) if cjk_runs else runs
    found = _anchored(_PERIOD, half, anchors)
    for m in found:
        value, _ = _period_from_match(m)
        if value is None:
            continue
        end = m.end()
        cue = None
        if isinstance(value, FiscalYear):
            ctx = D.CONTEXT_AFTER_RE.match(half, end, min(len(half), end + 12))
            if ctx is not None:
                value = value.model_copy(
                    update={"context": D.PERIOD_CONTEXTS[ctx.group("ctx").lower()]}
                )
                cue, end = (ctx.start("ctx"), ctx.end("ctx")), ctx.end()
        kind: DateKind = "fiscal_year" if isinstance(value, FiscalYear) else "range"
        cand = _Cand(m.start(), end, kind, value)
        if cue is not None:
            cand.cue = cue
        yield cand


def _dates(half: str, runs: list[tuple[int, int]]) -> Iterator[_Cand]:
    for m in _anchored(_DATE, half, runs):
        value = _date_from_match(m)
        if value is not None:
            yield _Cand(m.start(), m.end(), "date", value)
    for m in D.DATE_ZH_RE.finditer(half):
        value = _zh_date_from_match(m)
        if value is not None:
            kind: DateKind = "year" if value.precision == "year" else "date"
            yield _Cand(m.start(), m.end(), kind, value)


def _year_matches(half: str, runs: list[tuple[int, int]]) -> Iterator[regex.Match[str]]:
    """Exactly the matches of ``YEAR_RE.finditer(half)``: each starts inside a run of four or more
    digits (its year), at the run's start unless a non-ASCII digit precedes it."""
    size = len(half)
    for start, end in runs:
        if half[start:end].isascii():  # the look-behind rules out every start but the first
            m = D.YEAR_RE.match(half, start)
            if m is not None:
                yield m
        else:  # a match ends within 3 characters after the run, its look-ahead within 3 more
            yield from D.YEAR_RE.finditer(half, start, min(size, end + 3))


def _years(half: str, runs: list[tuple[int, int]]) -> Iterator[_Cand]:
    for m in _year_matches(half, runs):
        year = int(m.group("y"))
        if not D.YEAR_MIN <= year <= D.YEAR_MAX:
            continue
        if D.NOT_YEAR_BEFORE_RE.search(half, max(0, m.start() - 5), m.start()):
            continue  # HK$2024, No. 2024
        if D.COUNT_NOUN_AFTER_RE.match(half, m.end("y")):
            continue  # 2000 staff, 2024名
        cand = _Cand(m.start(), m.end(), "year", _year(year))
        if m.group("plus"):  # "Hong Kong 2030+": from 2030 on
            cand.anchor, cand.cue = "start", (m.start("plus"), m.end("plus"))
        yield cand


def _count(token: str | None) -> int | None:
    if token is None:
        return None
    token = token.lower()
    if token.isdigit():
        return int(token)
    if token in D.COUNT_WORDS_EN:
        return D.COUNT_WORDS_EN[token]
    value = parse_cjk_number(token)
    return int(value) if value is not None else None


def _relatives(half: str, published: dt.date | None) -> Iterator[_Cand]:
    for m in _anchored(_RELATIVE_EN, half):
        anchor: Anchor = "point"
        if m.group("recent"):
            future = "coming" in m.group("recent").lower()
            rel = RelativePeriod(
                unit="year", direction="next" if future else "past", amount=None, window=True
            )
        elif m.group("which"):
            which = D.CALENDAR_WHICH_EN[m.group("which").lower()]
            amount = 0 if which == "current" else 1
            rel = RelativePeriod(
                unit=m.group("cunit").lower(),
                direction=which,
                amount=amount,
                window=False,
            )
        elif m.group("within"):
            anchor = "deadline"
            rel = RelativePeriod(
                unit=m.group("wunit").lower(),
                direction="next",
                amount=_count(m.group("wn")),
                window=True,
            )
        else:
            direction = D.RELATIVE_DIRECTIONS_EN[m.group("dir").lower()]
            if m.group("prep").lower() == "within":
                anchor = "deadline"
            rel = RelativePeriod(
                unit=m.group("unit").lower(),
                direction=direction,
                amount=_count(m.group("n")),
                window=True,
            )
        yield _Cand(m.start(), m.end(), "relative", _resolve(rel, published), anchor, relative=rel)
    for m in D.RELATIVE_ZH_RE.finditer(half):
        if m.group("cal"):
            unit, direction, amount = D.CALENDAR_ZH[m.group("cal")]
            rel = RelativePeriod(unit=unit, direction=direction, amount=amount, window=False)
            anchor = "point"
        elif m.group("zrecent"):
            rel = RelativePeriod(unit="year", direction="past", amount=None, window=True)
            anchor = "point"
        else:
            past = m.group("zdir") in ("過去", "过去")
            rel = RelativePeriod(
                unit=D.RELATIVE_UNITS_ZH[m.group("zunit")],
                direction="past" if past else "next",
                amount=_count(m.group("zn")),
                window=True,
            )
            anchor = "deadline" if m.group("nei") else "point"
        yield _Cand(m.start(), m.end(), "relative", _resolve(rel, published), anchor, relative=rel)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _day(day: dt.date) -> PartialDate:
    return PartialDate(year=day.year, month=day.month, day=day.day)


def _resolve(rel: RelativePeriod, published: dt.date | None) -> PartialDate | DateRange | None:
    """The dates a relative time means, seen from ``published``; None when it cannot be known."""
    if published is None or rel.amount is None:
        return None
    try:
        sign = {"past": -1, "current": 0, "next": 1}[rel.direction]
        if not rel.window:
            if rel.unit == "year":
                return PartialDate(year=published.year + sign * rel.amount)
            if rel.unit == "month":
                moved = _add_months(published.replace(day=1), sign * rel.amount)
                return PartialDate(year=moved.year, month=moved.month)
            step = dt.timedelta(days=7 if rel.unit == "week" else 1) * sign * rel.amount
            base = published + step
            if rel.unit == "day":
                return _day(base)
            monday = base - dt.timedelta(days=base.weekday())
            return DateRange(start=_day(monday), end=_day(monday + dt.timedelta(days=6)))
        months = {"year": 12, "month": 1}.get(rel.unit)
        if months is not None:
            other = _add_months(published, sign * months * rel.amount)
        else:
            other = published + dt.timedelta(days=(7 if rel.unit == "week" else 1)) * (
                sign * rel.amount
            )
        first, last = sorted((published, other))
        return DateRange(start=_day(first), end=_day(last))
    except (ValueError, OverflowError):
        return None
