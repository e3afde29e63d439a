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

The records, their builders and :func:`parse_date` live in ``_date_values``, the scanner in
``_date_scan``; this module is their public face and adds :func:`parse_period`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

import regex

from . import _date_patterns as D
from ._date_scan import scan_dates as _scan
from ._date_values import (
    Anchor,
    DateKind,
    DateMention,
    DateRange,
    FiscalYear,
    PartialDate,
    Precision,
    RelativePeriod,
    YearPart,
    parse_date,
    period_from_match,
)
from ._numerals import to_halfwidth
from .errors import MentionLimitError, ParseError
from .spans import (
    ScanResult,
    check_date,
    check_max_mentions,
    check_optional_str,
    check_ranges,
    check_text,
    collecting_warnings,
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

# parse_period reads one period: a longer text is no period, and is refused before the "A to
# B" split (RANGE_SPLIT_RE, quadratic in the worst case) runs, so its cost stays bounded.
MAX_PERIOD_CHARS = 200


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


# --- parsing one period ----------------------------------------------------------------------


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
    whole = _whole_period(text, half, pos, end)
    if whole is not None:
        return whole
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


def _whole_period(text: str, half: str, pos: int, end: int) -> FiscalYear | DateRange | None:
    """The PERIOD_RE period (with its context word) that is all of ``half[pos:end]``; None when
    there is none. A year pair that is no period ("2024-23") raises ParseError."""
    m = D.PERIOD_RE.match(half, pos, end)
    if m is None:
        return None
    context, ctx_end = None, m.end()
    ctx = D.CONTEXT_AFTER_RE.match(half, m.end(), end)
    if ctx is not None:
        context, ctx_end = D.PERIOD_CONTEXTS[ctx.group("ctx").lower()], ctx.end()
    if ctx_end != end:
        return None
    value, bad = period_from_match(m)
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
