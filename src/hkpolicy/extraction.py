"""One text in, every mention and fact out: :func:`extract` and the :class:`Extraction` it returns.

Owns the order of the steps and what passes between them: boilerplate is found first and given
to every scanner as ``skip``; money spans are kept from the date scanner (so "HK$2024" is no
year); the facts are assembled from the mentions; and every numeric token that no mention took
is listed in ``unparsed`` with a reason, so no number is lost silently.
"""

from __future__ import annotations

import datetime as dt
import decimal
import operator
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, Literal, NamedTuple

import regex

from ._html import html_table
from ._lexicon import (
    CJK_BIG_UNITS,
    CJK_NUMERALS,
    CJK_PLAIN_DIGITS,
    CJK_PLAIN_SMALL_UNITS,
    COUNT_REASON_COUNTERS,
    char_class,
    exponent_after,
    exponent_before,
)
from ._sentences import SentenceIndex
from ._table_funding import table_funding
from .boilerplate import Boilerplate, find_boilerplate
from .dates import DateMention, find_dates
from .entities import Initiative, Institution, recognize_entities
from .entities.hans import text_characters
from .errors import AmountOverflowError
from .facts import Funding, NotFunding, SectorStat, assemble_funding_facts, prose_sector_stats
from .language import detect_language
from .money import Money, MoneyMention, MoneyScan, find_money
from .percent import PercentMention, find_percentages
from .spans import (
    Record,
    ScanResult,
    Span,
    check_date,
    check_max_mentions,
    check_optional_str,
    check_text,
    construct_trusted,
    disjoint_ranges,
    mention_limit,
    sharing_text_views,
    text_view,
)
from .tables import Table, find_tables, sector_stats_from_table
from .text_tables import with_text_tables

__all__ = ["Extraction", "UnparsedNumber", "UnparsedReason", "extract"]


def __dir__() -> list[str]:
    return __all__


UnparsedReason = Literal[
    "boilerplate", "year", "count", "version", "enumeration", "ambiguous", "unknown"
]


class UnparsedNumber(Record):
    """A number in the text that no mention took, and why it is not a fact."""

    span: Span
    """The number as written."""
    reason: UnparsedReason
    """boilerplate (inside a skipped span), year (a year no date mention took), count ("15
    companies", 100億張), version ("GPT-4", "2.0", "3D"), enumeration (a list marker "1."),
    ambiguous (next to a currency or percent sign but not read), or unknown."""


class Extraction(Record):
    """Everything hkpolicy finds in one text, each item with its span."""

    doc_id: str | None = None
    """The document the spans point into; None for text passed directly."""
    language: str = "und"
    """The text's language, as :func:`hkpolicy.language.detect_language` reads it ("en",
    "zh-Hant", "zh-Hans")."""
    money: tuple[MoneyMention, ...] = ()
    """Money amounts, in order."""
    percentages: tuple[PercentMention, ...] = ()
    """Percentages and percentage points, in order."""
    dates: tuple[DateMention, ...] = ()
    """Dates, years, fiscal years, ranges and relative times, in order."""
    tables: tuple[Table, ...] = ()
    """Markdown tables, with typed cells."""
    institutions: tuple[Institution, ...] = ()
    """One entry per institution named, with every mention."""
    initiatives: tuple[Initiative, ...] = ()
    """One entry per initiative named, with every mention."""
    funding: tuple[Funding, ...] = ()
    """Money tied to an initiative, institution or purpose."""
    not_funding: tuple[NotFunding, ...] = ()
    """Amounts read as something other than funding (a price, a statistic, a valuation,
    fundraising, a threshold, revenue, pay, a tax deduction), each with the reason and its cue."""
    sector_stats: tuple[SectorStat, ...] = ()
    """Sector and population statistics, from tables and prose."""
    boilerplate: tuple[Boilerplate, ...] = ()
    """Stretches that are not article text; nothing inside them is reported as a fact."""
    unparsed: tuple[UnparsedNumber, ...] = ()
    """Numbers no mention took, each with a reason."""
    warnings: tuple[str, ...] = ()
    """Why a scanner stopped early (an unexpected error), from the money, percentage and date
    scans; empty when every scan ran to the end of the text. No scan has a time limit."""

    @property
    def periods(self) -> tuple[DateMention, ...]:
        """The date mentions that are fiscal years or ranges."""
        return tuple(d for d in self.dates if d.kind in ("fiscal_year", "range"))

    def to_records(self, *, currency: str | None = None) -> list[dict[str, Any]]:
        """One flat record per mention or fact, in text order: ``type``, ``start``, ``end``,
        ``text``, ``value`` (and ``converted`` for amounts when ``currency`` is HKD or USD,
        at the linked rate; ``name`` for entities). The rows of ``hkpolicy extract``'s table,
        jsonl and csv output."""
        records: list[dict[str, Any]] = []

        def add(kind: str, span: Span, value: str, **extra: Any) -> None:
            record = {"type": kind, "start": span.start, "end": span.end, "text": span.text}
            records.append({**record, "value": value, **extra})

        for m in self.money:
            add("money", m.span, str(m.money), converted=_converted(m.money, currency))
        for p in self.percentages:
            add("percentage", p.span, str(p.percentage))
        for d in self.dates:
            add("date", d.span, f"{d.kind} {d.value if d.value is not None else '(unresolved)'}")
        for institution in self.institutions:
            for span in institution.mentions:
                add("institution", span, institution.id, name=institution.name)
        for initiative in self.initiatives:
            for span in initiative.mentions:
                add("initiative", span, initiative.id, name=initiative.name)
        for f in self.funding:
            who = " / ".join(x for x in (f.initiative, f.institution) if x) or (f.purpose or "")
            add("funding", f.span, f"{f.amount} -> {who}", converted=_converted(f.amount, currency))
        for s in self.sector_stats:
            add("sector_stat", s.span, f"{s.sector}: {s.metric} {s.value}")
        for u in self.unparsed:
            add("unparsed", u.span, u.reason)
        records.sort(key=lambda r: (r["start"], r["type"]))
        return records

    def _repr_html_(self) -> str:
        rows = [
            (r["type"], f"{r['start']}-{r['end']}", r["text"], r["value"])
            for r in self.to_records()
        ]
        return html_table(("type", "span", "text", "value"), rows, caption=repr(self))

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{name}={len(getattr(self, name))}"
            for name in (
                "money", "percentages", "dates", "tables", "institutions", "initiatives",
                "funding", "sector_stats", "unparsed",
            )
        )  # fmt: skip
        return f"Extraction(doc_id={self.doc_id!r}, {counts})"

    __str__ = __repr__


# A run of digits (ASCII or full width) and group or decimal separators, or a run of Chinese
# numerals holding at least one digit character. Linear: a Chinese run is entered only at its
# first character and read once (possessive), so a long run of scale characters with no digit
# (億萬億萬...) is not retried from each of its characters. A digit run is cut into numbers by
# _digit_numbers; the pattern repeats character classes only, never a group, so its memory does
# not grow with the length of one run ("9,9,9,..." over megabytes).
_CJK_UNITS = CJK_PLAIN_SMALL_UNITS + "".join(CJK_BIG_UNITS)
_NUMBER_RUN_RE = regex.compile(
    r"\d[\d.,]*+"
    rf"|(?<!{char_class(CJK_NUMERALS)}){char_class(_CJK_UNITS)}*+"
    rf"{char_class(CJK_PLAIN_DIGITS)}{char_class(CJK_NUMERALS)}*+"
)
# The same runs in a text without Chinese digits, where the Chinese branch can never match: a
# scan for this pattern alone costs a quarter of the whole pattern's on English text.
_DIGIT_RUN_RE = regex.compile(r"\d[\d.,]*+")


# The same runs in a text whose every digit is one of 0-9: no Unicode property look-up per
# character.
_ASCII_DIGIT_RUN_RE = regex.compile(r"[0-9][0-9.,]*+")


def _number_runs(text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``_NUMBER_RUN_RE`` in ``text``, in order."""
    if any(digit in text for digit in CJK_PLAIN_DIGITS):
        return _NUMBER_RUN_RE.finditer(text)
    if text_view("characters", text, text_characters).digits_all_ascii():
        return _ASCII_DIGIT_RUN_RE.finditer(text)
    return _DIGIT_RUN_RE.finditer(text)


# Two or more separators in a row end a number: "1,,2" is two numbers.
_SEPARATOR_RUN_RE = regex.compile(r"[.,]{2,}+")


def _digit_numbers(run: str, offset: int) -> list[tuple[int, int]]:
    """The numbers in a digit run found at ``offset``: digits joined by single separators, with
    no separator at either end, as ``(start, end)`` offsets into the text."""
    numbers: list[tuple[int, int]] = []
    start = 0
    for separators in _SEPARATOR_RUN_RE.finditer(run):
        numbers.append((offset + start, offset + separators.start()))
        start = separators.end()
    numbers.append((offset + start, offset + len(run)))
    return [
        (first, last - 1 if run[last - 1 - offset] in ".," else last)
        for first, last in numbers
        if last > first
    ]


_CJK_DIGIT_ONLY_SINGLE = frozenset(CJK_PLAIN_DIGITS)
_VERSION_BEFORE_RE = regex.compile(
    r"(?:\p{L}-|\b\p{Lu}\p{L}*\s+|\b(?i:version|ver\.?|release|v)\s*)$"
)
_COUNT_AFTER_RE = regex.compile(r"^\s*(?:\p{Ll}[\p{L}-]*|\p{Lu}{2,}s?\b)")
_SIGN_NEARBY = frozenset("$€£¥%％")
# Chinese numerals that are words, not numbers, in running text.
CJK_NUMERAL_WORDS = frozenset({"一一", "萬一", "一千萬", "千千萬萬", "三三兩兩", "一二"})


def _converted(money: Money, currency: str | None) -> str:
    """``money`` in ``currency`` at the linked rate, as text; "" when not asked or the same."""
    if currency is None or money.currency == currency:
        return ""
    if {money.currency, currency} != {"HKD", "USD"}:
        return "(no rate)"
    try:
        amount = money.to(currency).amount
    except AmountOverflowError:
        return "(too large to convert)"
    # Rounded to the cent for display, with every digit of the integer part kept.
    # (one digit more than the cents need, for a carry: 0.995 -> 1.00)
    cents = decimal.Context(prec=max(3, amount.adjusted() + 4), rounding=decimal.ROUND_HALF_EVEN)
    return f"{currency} {amount.quantize(Decimal('0.01'), context=cents):,}"


# Characters either side of a number that its reason may depend on.
_CONTEXT = 24


# Characters after a number, and before it, that can make its reason other than "year" or
# "unknown" (letters and spaces after it are tested apart): a number between two others is
# answered by _plain_reason without the checks below.
_REASON_AFTER = frozenset(".eE") | COUNT_REASON_COUNTERS | _SIGN_NEARBY
_REASON_BEFORE = frozenset("eE+-") | _SIGN_NEARBY


def _plain_reason(token: str) -> UnparsedReason:
    """The reason of a number with no dot whose neighbours are outside ``_REASON_AFTER`` and
    ``_REASON_BEFORE`` and not letters or spaces: what :func:`_reason` answers for it."""
    if token.isascii() and len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2100:
        return "year"
    return "unknown"


def _reason(text: str, start: int, end: int, token: str, in_boilerplate: bool) -> UnparsedReason:
    # Each pattern runs only when the character next to the number can start (or end) a match,
    # and the text around the number is sliced only for those, so a text dense with plain
    # numbers costs a few string tests per number.
    if in_boilerplate:
        return "boilerplate"
    first = text[end : end + 1]
    last = text[start - 1 : start] if start else ""
    if first == "." and _starts_line(text, start):
        return "enumeration"
    if (last and last in "eE+-" and exponent_before(text, start)) or (
        first and first in "eE" and exponent_after(text, end)
    ):
        return "ambiguous"  # "1e30": scientific notation is not read as an amount
    if first in COUNT_REASON_COUNTERS and first:
        return "count"  # 30名, 100億張
    if ("." in token or last == "-") and _VERSION_BEFORE_RE.search(
        text[max(0, start - _CONTEXT) : start]
    ):
        return "version"
    if first.isascii() and first.isalpha():
        return "version"  # "3D", "4G", "5th"
    if (last in _SIGN_NEARBY and last) or (first in _SIGN_NEARBY and first):
        return "ambiguous"
    if token.isascii() and len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2100:
        return "year"
    if first.isalpha() or first.isspace():
        after = text[end : end + _CONTEXT]
        if after.lstrip()[:1].isalpha() and _COUNT_AFTER_RE.match(after):
            return "count"
    return "unknown"


def _starts_line(text: str, start: int) -> bool:
    """True when only spaces and tabs stand between the previous line break and ``start``.

    Walks back over the blanks only (each run belongs to one token), never to the line start:
    ``rfind("\\n")`` from every "1." of one long line made the scan quadratic.
    """
    index = start
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    return index == 0 or text[index - 1] == "\n"


def _unparsed(
    text: str,
    taken: Sequence[tuple[int, int]],
    skipped: Sequence[tuple[int, int]],
    doc_id: str | None,
    limit: int | None = None,
) -> list[UnparsedNumber]:
    covered = disjoint_ranges(taken)
    covered_count = len(covered)
    boilerplate = sorted(skipped)
    boilerplate_count = len(boilerplate)
    result: list[UnparsedNumber] = []
    cursor = 0
    skip_cursor = 0
    for start, end in _untaken_numbers(text, covered):
        # Numbers come in order and the covered ranges are disjoint and sorted: a range that
        # ends before this number ends before every later one, so step past it for good.
        while cursor < covered_count and covered[cursor][1] <= start:
            cursor += 1
        pieces = [(start, end)]
        if cursor < covered_count and covered[cursor][0] < end:
            if covered[cursor][0] <= start and end <= covered[cursor][1]:
                continue  # taken whole: the common case, answered without _rest
            # Taken in part ("百分之 2024-2024,2024": the mention ends at the comma): what no
            # mention took is still a number, listed on its own.
            pieces = _rest(text, start, end, covered, cursor)
        for piece_start, piece_end in pieces:
            while skip_cursor < boilerplate_count and boilerplate[skip_cursor][1] <= piece_start:
                skip_cursor += 1
            in_boilerplate = (
                skip_cursor < boilerplate_count and boilerplate[skip_cursor][0] < piece_end
            )
            if limit is not None and len(result) >= limit:
                mention_limit("unparsed number", limit, len(result) + 1)
            piece = text[piece_start:piece_end]
            after = text[piece_end : piece_end + 1]
            before = text[piece_start - 1 : piece_start] if piece_start else ""
            if (
                in_boilerplate
                or after in _REASON_AFTER
                or before in _REASON_BEFORE
                or after.isalpha()
                or after.isspace()
                or "." in piece
            ):
                reason = _reason(text, piece_start, piece_end, piece, in_boilerplate)
            else:
                reason = _plain_reason(piece)
            span = construct_trusted(
                Span, {"doc_id": doc_id, "start": piece_start, "end": piece_end, "text": piece}
            )
            result.append(construct_trusted(UnparsedNumber, {"span": span, "reason": reason}))
    return result


def _untaken_numbers(text: str, covered: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of every number in ``text`` (as :func:`_number_tokens` reads them)
    whose run of digits and separators no single range of ``covered`` (disjoint, sorted) holds
    whole: a number inside such a run is taken whole too, so a run read by a scanner is passed
    over without being cut into numbers."""
    cursor = 0
    count = len(covered)
    for match in _number_runs(text):
        start, end = match.span()
        while cursor < count and covered[cursor][1] <= start:
            cursor += 1
        if cursor < count and covered[cursor][0] <= start and end <= covered[cursor][1]:
            continue
        yield from _run_numbers(match)


def _number_tokens(text: str) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of every number in ``text``, in order: digits joined by single
    separators, and runs of Chinese numerals that are not words (一一, 萬一) or a lone 一."""
    for match in _number_runs(text):
        yield from _run_numbers(match)


def _run_numbers(match: regex.Match[str]) -> list[tuple[int, int]]:
    """The numbers of one match of ``_NUMBER_RUN_RE``, as ``(start, end)`` offsets."""
    run = match.group()
    if run[0] in CJK_NUMERALS:
        if (len(run) == 1 and run in _CJK_DIGIT_ONLY_SINGLE) or run in CJK_NUMERAL_WORDS:
            return []
        return [match.span()]
    if ("." in run or "," in run) and (
        run[-1] in ".," or _SEPARATOR_RUN_RE.search(run) is not None
    ):
        return _digit_numbers(run, match.start())
    return [match.span()]  # digits joined by single separators: one number


def _rest(
    text: str, start: int, end: int, covered: Sequence[tuple[int, int]], cursor: int
) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` outside ``covered`` (disjoint, sorted, from ``cursor``)
    that hold a digit, trimmed of separators."""
    gaps: list[tuple[int, int]] = []
    position = start
    index = cursor
    while index < len(covered) and covered[index][0] < end:
        covered_start, covered_end = covered[index]
        if covered_start > position:
            gaps.append((position, covered_start))
        position = max(position, covered_end)
        index += 1
    if position < end:
        gaps.append((position, end))
    pieces = []
    for gap_start, gap_end in gaps:
        while gap_start < gap_end and text[gap_start] in ".,":
            gap_start += 1
        while gap_end > gap_start and text[gap_end - 1] in ".,":
            gap_end -= 1
        piece = text[gap_start:gap_end]
        if any(char.isdecimal() or char in _CJK_DIGIT_ONLY_SINGLE for char in piece):
            pieces.append((gap_start, gap_end))
    return pieces


def extract(
    text: str,
    *,
    doc_id: str | None = None,
    default_currency: str | None = "HKD",
    published: dt.date | None = None,
    boilerplate: Sequence[Boilerplate] | None = None,
    max_mentions: int | None = None,
) -> Extraction:
    """Every money, percentage, date, table, institution and initiative mention in ``text``, the
    Funding and SectorStat facts they make, and the numbers nothing took. Never raises on any
    text; its cost is linear in the text and its result a function of the arguments alone.

    ``default_currency`` is the currency of a bare ``$`` or 元; ``published`` resolves relative
    times ("within the next two years"); ``boilerplate`` defaults to :func:`find_boilerplate`.
    ``max_mentions`` bounds each kind of mention (money, percentages, dates, institution and
    initiative mentions, unparsed numbers) and so the memory of the result, about 1.5 KB a
    mention (docs/reliability.md): a text with more raises
    :class:`~hkpolicy.errors.MentionLimitError`, naming the kind, the limit and the count.

    :raises TypeError: for an argument of the wrong type (``text`` not a str, say).
    :raises UnknownCurrencyError: for a ``default_currency`` hkpolicy does not know.
    :raises MentionLimitError: when a kind of mention passes ``max_mentions``.

    >>> result = extract("The Government will set aside $2 billion for the Innovation and "
    ...                  "Technology Fund in 2025-26.")
    >>> f = result.funding[0]
    >>> str(f.amount), f.initiative, str(f.period)
    ('HKD 2,000,000,000', 'itf', '2025-26')
    """
    check_text("extract", text)
    check_optional_str("extract", "doc_id", doc_id)
    check_optional_str("extract", "default_currency", default_currency)
    check_date("extract", "published", published)
    limit = check_max_mentions("extract", max_mentions)
    with sharing_text_views():
        boilerplate = _boilerplate_of(text, doc_id, boilerplate)
        skip = [(item.span.start, item.span.end) for item in boilerplate]
        found = _find_mentions(text, doc_id, default_currency, published, skip, limit)
        funding, not_funding, sector_stats = _facts(text, found)
        unparsed = _unparsed(text, _taken(found), skip, doc_id, limit)
    return Extraction.model_construct(
        doc_id=doc_id,
        language=detect_language(text),
        money=tuple(found.money),
        percentages=tuple(found.percentages),
        dates=tuple(found.dates),
        tables=tuple(found.tables),
        institutions=tuple(found.institutions),
        initiatives=tuple(found.initiatives),
        funding=tuple(funding),
        not_funding=tuple(not_funding),
        sector_stats=tuple(sector_stats),
        boilerplate=tuple(boilerplate),
        unparsed=tuple(unparsed),
        warnings=(*found.money.warnings, *found.percentages.warnings, *found.dates.warnings),
    )


# A mention's (start, end), read in C: one call per mention of a dense text.
_SPAN_BOUNDS = operator.attrgetter("span.start", "span.end")


class _Mentions(NamedTuple):
    """Every scanner's mentions of one text, as extract() passes them to the facts."""

    money: MoneyScan
    percentages: ScanResult[PercentMention]
    dates: ScanResult[DateMention]
    tables: list[Table]
    institutions: list[Institution]
    initiatives: list[Initiative]
    amounts: list[tuple[int, int]]  # the character ranges of the money and percentages


def _boilerplate_of(
    text: str, doc_id: str | None, boilerplate: Sequence[Boilerplate] | None
) -> Sequence[Boilerplate]:
    """The caller's boilerplate, checked, or what find_boilerplate finds."""
    if boilerplate is None:
        return find_boilerplate(text, doc_id=doc_id)
    if isinstance(boilerplate, (str, bytes)) or not all(
        isinstance(item, Boilerplate) for item in boilerplate
    ):
        raise TypeError("extract() argument 'boilerplate' must be a sequence of Boilerplate")
    return boilerplate


def _find_mentions(
    text: str,
    doc_id: str | None,
    default_currency: str | None,
    published: dt.date | None,
    skip: list[tuple[int, int]],
    limit: int | None,
) -> _Mentions:
    """Every scanner over ``text``, in the order their spans depend on: money and percentages
    first, so the date scanner skips what they took ("HK$2024" is no year)."""
    money = find_money(
        text, default_currency=default_currency, doc_id=doc_id, skip=skip, max_mentions=limit
    )
    percentages = find_percentages(text, doc_id=doc_id, skip=skip, max_mentions=limit)
    amounts = [*map(_SPAN_BOUNDS, money), *map(_SPAN_BOUNDS, percentages)]
    dates = find_dates(
        text, doc_id=doc_id, published=published, skip=skip + amounts, max_mentions=limit
    )
    tables = find_tables(text, doc_id=doc_id, skip=skip, default_currency=default_currency)
    tables = with_text_tables(text, tables, doc_id=doc_id, skip=skip, currency=default_currency)
    institutions, initiatives = recognize_entities(text, doc_id=doc_id, skip=skip)
    mention_limit("institution", limit, sum(len(e.mentions) for e in institutions))
    mention_limit("initiative", limit, sum(len(e.mentions) for e in initiatives))
    return _Mentions(money, percentages, dates, tables, institutions, initiatives, amounts)


def _facts(text: str, found: _Mentions) -> tuple[list[Funding], list[NotFunding], list[SectorStat]]:
    """The Funding facts (prose, then table rows), the amounts that are not funding, and the
    sector statistics (tables, then prose) the mentions make."""
    sentences = SentenceIndex(text)
    funding, not_funding = assemble_funding_facts(
        text, found.money, found.dates, found.institutions, found.initiatives, sentences
    )
    funding += table_funding(
        found.tables, found.institutions, found.initiatives, found.dates, funding
    )
    stats = [stat for table in found.tables for stat in sector_stats_from_table(table)]
    stats += prose_sector_stats(text, found.percentages, found.dates, found.institutions, sentences)
    return funding, not_funding, stats


def _taken(found: _Mentions) -> list[tuple[int, int]]:
    """The character ranges some mention took: amounts, dates, table cells and entity names."""
    taken = [*found.amounts, *map(_SPAN_BOUNDS, found.dates)]
    # Table cells, not whole tables: a cell past the header's width is dropped (GFM), and a
    # number in it must still be listed as unparsed. Blank and padding cells hold nothing.
    cells = (c.span for t in found.tables for row in (t.header, *t.rows) for c in row)
    taken += [(span.start, span.end) for span in cells if span.end > span.start]
    taken += [(s.start, s.end) for entity in found.institutions for s in entity.mentions]
    taken += [(s.start, s.end) for entity in found.initiatives for s in entity.mentions]
    return taken
