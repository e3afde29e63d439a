"""The date scanner (private): every date, year, fiscal year, range and relative time in a text.

Owns :func:`scan_dates`, which :func:`hkpolicy.dates.find_dates` guards. Each pattern of
``_date_patterns`` is tried only near its cheap anchor (a run of year digits, a unit word), so
the cost is linear in the text and the result a function of the text alone; overlapping
candidates are resolved longest first, then each is widened over an adjacent anchor cue ("by
2035", 2020年以來) and built into a :class:`~hkpolicy.dates.DateMention`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import heapq
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from . import _date_patterns as D
from ._date_values import (
    Anchor,
    DateKind,
    DateMention,
    DateRange,
    FiscalYear,
    PartialDate,
    RelativePeriod,
    date_from_match,
    fiscal_year_of,
    new_date_mention,
    period_from_match,
    year_date,
    zh_date_from_match,
)
from ._numerals import parse_cjk_number
from ._scanning import (
    AnchoredPattern,
    GroupNumbers,
    anchored_matches,
    ascii_folded,
    contains_any,
    halfwidth_view,
    longest_first,
    new_span,
)
from .entities.hans import text_characters
from .spans import mention_limit, text_view

__all__ = ["CUE_WINDOW", "scan_dates"]

CUE_WINDOW = 16  # characters looked at before/after a date for "by", "since", 以來


@dataclass(slots=True)  # no __dict__: one garbage-collected object per candidate, not two
class _Cand:
    start: int
    end: int
    kind: DateKind
    value: PartialDate | FiscalYear | DateRange | None
    anchor: Anchor = "point"
    cue: tuple[int, int] | None = None
    relative: RelativePeriod | None = None


# The patterns' group numbers: a group read by name costs a look-up per call.
_YEAR_G = GroupNumbers(D.YEAR_RE)
_RELATIVE_EN_G = GroupNumbers(D.RELATIVE_EN_RE)
_RELATIVE_ZH_G = GroupNumbers(D.RELATIVE_ZH_RE)
_AFTER_CUE = D.ANCHOR_AFTER_ZH_RE.groupindex["cue"]

# The starts patterns look ahead at one character: lookahead=0.
_DATE = AnchoredPattern(
    D.DATE_RE, D.YEAR_DIGITS_RE, D.DATE_STARTS_RE, D.DATE_LEAD, spaces_free=True, lookahead=0
)
_PERIOD = AnchoredPattern(
    D.PERIOD_RE, D.YEAR_DIGITS_RE, D.PERIOD_STARTS_RE, D.PERIOD_LEAD, spaces_free=True, lookahead=0
)
_RELATIVE_EN = AnchoredPattern(
    D.RELATIVE_EN_RE,
    D.RELATIVE_EN_ANCHOR_RE,
    D.RELATIVE_EN_STARTS_RE,
    D.RELATIVE_EN_LEAD,
    spaces_free=True,
    lookahead=0,
)


def scan_dates(
    text: str,
    *,
    doc_id: str | None,
    published: dt.date | None,
    skip: tuple[tuple[int, int], ...],
    limit: int | None = None,
) -> list[DateMention]:
    """Every date-like expression in ``text``, in order, never overlapping nor in ``skip``;
    relative times resolved against ``published``. Raises MentionLimitError past ``limit``."""
    half = halfwidth_view(text)
    if isinstance(published, dt.datetime):
        published = published.date()
    # Four-digit runs anchor DATE_RE, PERIOD_RE and YEAR_RE: found once, shared.
    # ``half`` holds no non-ASCII digit that ``text`` lacks: the half-width view only adds ASCII.
    ascii_digits = text_view("characters", text, text_characters).digits_all_ascii()
    year_digits = D.ASCII_YEAR_DIGITS_RE if ascii_digits else D.YEAR_DIGITS_RE
    runs = [m.span() for m in year_digits.finditer(half)]
    cands: list[_Cand] = [
        *_periods(half, runs),
        *_dates(half, runs),
        *_years(half, runs),
        *_relatives(half, published),
    ]
    chosen = longest_first(cands, len(half), skip)
    mention_limit("date", limit, len(chosen))
    mentions = []
    for index, cand in enumerate(chosen):
        floor = chosen[index - 1].end if index else 0
        ceiling = chosen[index + 1].start if index + 1 < len(chosen) else len(half)
        if cand.kind != "relative" and cand.cue is None:
            _add_anchor(half, cand, floor, ceiling)
        mentions.append(_to_mention(text, cand, doc_id))
    return mentions


def _to_mention(text: str, cand: _Cand, doc_id: str | None) -> DateMention:
    return new_date_mention(
        span=new_span(text, cand.start, cand.end, doc_id),
        kind=cand.kind,
        value=cand.value,
        anchor=cand.anchor,
        cue_span=new_span(text, *cand.cue, doc_id) if cand.cue else None,
        relative=cand.relative,
    )


# The last character of each Chinese cue before a date (於, 自, 直至 ...).
_ZH_CUE_ENDS = frozenset(cue[-1] for cue in D.ANCHORS_BEFORE_ZH)
_ZH_CUES_LONGEST_FIRST = sorted(D.ANCHORS_BEFORE_ZH, key=len, reverse=True)
# English cues of one word, and the last words of the others ("no later than", "as of").
_EN_ONE_WORD_CUES = frozenset(cue for cue in D.ANCHORS_BEFORE_EN if " " not in cue)
_EN_LAST_WORDS_OF_LONGER_CUES = frozenset(
    cue.split()[-1] for cue in D.ANCHORS_BEFORE_EN if " " in cue
)
_ASK_THE_PATTERN = (-1, -1)  # _english_cue: only ANCHOR_BEFORE_EN_RE can tell


def _add_anchor(half: str, cand: _Cand, floor: int, ceiling: int) -> None:
    """Widen ``cand`` over an adjacent anchor cue ("by 2035", 2020年以來). An English cue ends
    with a letter and spaces, a Chinese one with a character of ``_ZH_CUE_ENDS`` and at most a
    space: the cues are looked for only where those characters are."""
    start = cand.start
    lo = max(floor, start - CUE_WINDOW)
    cue: tuple[int, int] | None = None
    table = D.ANCHORS_BEFORE_EN
    last = half[start - 1] if start > lo else ""
    if last == " ":
        i = start - 2
        while i >= lo and half[i] == " ":
            i -= 1
        if i >= lo and half[i].isalpha():
            cue = _english_cue(half, lo, i)
            if cue is _ASK_THE_PATTERN:
                before = D.ANCHOR_BEFORE_EN_RE.search(half, lo, start)
                cue = before.span("cue") if before is not None else None
        if cue is None and start - 2 >= lo and half[start - 2] in _ZH_CUE_ENDS:
            cue, table = _chinese_cue(half, lo, start - 1), D.ANCHORS_BEFORE_ZH
    elif last in _ZH_CUE_ENDS:
        cue, table = _chinese_cue(half, lo, start), D.ANCHORS_BEFORE_ZH
    if cue is not None:
        written = half[cue[0] : cue[1]]
        word = " ".join(written.lower().split())
        cand.anchor = table.get(word, table.get(written, "point"))  # type: ignore[assignment]
        cand.cue = cue
        cand.start = cue[0]
        return
    if not _is_cjk_context(half, cand.end):
        return
    after = D.ANCHOR_AFTER_ZH_RE.match(half, cand.end, min(ceiling, cand.end + CUE_WINDOW))
    if after is not None:
        cue = after.span(_AFTER_CUE)
        cand.anchor = D.ANCHORS_AFTER_ZH[half[cue[0] : cue[1]]]  # type: ignore[assignment]
        cand.cue = cue
        cand.end = cue[1]


def _english_cue(half: str, lo: int, last: int) -> tuple[int, int] | None:
    """The span of the cue ``ANCHOR_BEFORE_EN_RE.search(half, lo, end)`` finds, where
    ``half[last]`` is a letter and only spaces stand between it and ``end``; None for none; or
    ``_ASK_THE_PATTERN`` where a string test cannot tell.

    The letters ending at ``last`` are read back to the first that is not one (not past
    ``lo``). When they are all ASCII, a one-word cue must be all of them (a cue starts after no
    ASCII letter, digit or "_"), and a longer cue must end with one of its last words: only
    then, or with other letters (ſ folds to s), or at ``lo``, is the pattern asked."""
    first = last
    while first > lo and half[first - 1].isalpha():
        first -= 1
    word = half[first : last + 1]
    if first == lo or not word.isascii():
        return _ASK_THE_PATTERN
    lower = word.lower()
    if lower in _EN_LAST_WORDS_OF_LONGER_CUES:
        return _ASK_THE_PATTERN
    if lower in _EN_ONE_WORD_CUES and half[first - 1] not in _DIGITS_AND_UNDERSCORE:
        return (first, last + 1)  # (the character before is no letter: the loop stopped there)
    return None


_DIGITS_AND_UNDERSCORE = frozenset("0123456789_")


def _chinese_cue(half: str, lo: int, end: int) -> tuple[int, int] | None:
    """The span of the cue ``ANCHOR_BEFORE_ZH_RE.search`` finds in ``half[lo:end]`` (or in
    ``half[lo:end + 1]`` when that character is a space): the longest cue ending at ``end`` and
    starting at or after ``lo``, which is also the leftmost; None for none."""
    for cue in _ZH_CUES_LONGEST_FIRST:
        cue_start = end - len(cue)
        if cue_start >= lo and half.startswith(cue, cue_start):
            return (cue_start, end)
    return None


def _is_cjk_context(half: str, end: int) -> bool:
    """A Chinese postfix cue only follows a Chinese date (2020年以來, not "2020 起")."""
    return end > 0 and half[end - 1] in "年月日號号度底末初中季"


# What can follow the first year of a PERIOD_RE match: a separator, or the spaces before "and"
# or "to".
_AFTER_FIRST_YEAR = frozenset([" ", "/", "至", "到", *D.DASHES])
# What can follow those spaces: a dash or "/" ("2024 - 25"), or the first letter of "and", "to",
# "until" ... in either case. A character outside ASCII is kept too (case-insensitive letters).
_AFTER_FIRST_YEAR_AND_SPACES = frozenset(
    ["/", *D.DASHES, *(c for w in (D.BETWEEN_LINK, *D.FROM_LINKS) for c in (w[0], w[0].upper()))]
)


def _period_anchors(half: str, runs: list[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """The digit runs that can hold the first year of a PERIOD_RE match, in order: an ASCII
    first year is a run of four digits before a separator, so every other ASCII run is left out
    (a match holding it holds an earlier first year as well). Runs with other digits are kept:
    the pattern's look-arounds forbid ASCII digits only."""
    size = len(half)
    arabic = [
        (s, e)
        for s, e in runs
        if (
            e - s == 4
            and e < size
            and half[e] in _AFTER_FIRST_YEAR
            and (half[e] != " " or _may_link(half, e))
        )
        or not half[s:e].isascii()
    ]
    if not contains_any(half, D.ZH_YEAR_DIGITS):
        return arabic
    cjk_runs = [m.span() for m in D.CJK_YEAR_DIGITS_RE.finditer(half)]
    return heapq.merge(arabic, cjk_runs) if cjk_runs else arabic


def _may_link(half: str, end: int) -> bool:
    """False when the spaces after a first year (``half[end]`` is one) lead to nothing PERIOD_RE
    can read after them: "2024 - 25", "2020 and", "2020 to" are kept, "2024 budget" is not. The
    spaces are read once: each belongs to the run of digits before it."""
    after = end + 1
    while after < len(half) and half[after] == " ":
        after += 1
    if after == len(half):
        return False
    char = half[after]
    return char in _AFTER_FIRST_YEAR_AND_SPACES or not char.isascii()


def _may_end_a_date(half: str, start: int, end: int) -> bool:
    """False when the digit run ``half[start:end]`` cannot be the year of a DATE_RE match. The
    year either starts an ISO date (four digits, "-", a month, "-") or is the last four digits
    of the run, after "/", ".", "-" (mid-2024), H (1H2024), "Q3" (Q32024), or one or two spaces
    after ".", ",", "Q3", a day (July 4 2024) or a word of ``WORDS_BEFORE_DATE_YEAR``. A run
    with other digits is always kept: the pattern's look-arounds forbid ASCII digits only."""
    if not half[start:end].isascii():
        return True
    if end - start == 4 and half.startswith("-", end) and "-" in half[end + 2 : end + 4]:
        return True
    year = end - 4
    if year == 0:
        return False
    before = half[year - 1]
    if year > start:  # a digit: only "Q3" or "H1" written against the year
        return year >= 2 and half[year - 2] in "HQ"
    if before in "/.-H":
        return True
    i = year - 1
    while i >= year - 2 and i >= 0 and half[i] == " ":
        i -= 1
    if i < 0 or half[i] == " " or before != " ":
        return False
    word = half[i]
    if word in ".,":
        return True
    if word.isalpha():
        first = i
        while first > 0 and half[first - 1].isalpha():
            first -= 1
        letters = half[first : i + 1]
        return not letters.isascii() or letters in D.WORDS_BEFORE_DATE_YEAR
    if not word.isdecimal():
        return False
    if i >= 1 and half[i - 1] in "HQ":
        return True
    i -= 1 if i >= 1 and half[i - 1].isdecimal() else 0
    return i >= 1 and half[i - 1] == " "


def _periods(half: str, runs: list[tuple[int, int]]) -> Iterator[_Cand]:
    found = anchored_matches(_PERIOD, half, _period_anchors(half, runs))
    for m in found:
        value, _ = period_from_match(m)
        if value is None:
            continue
        end = m.end()
        cue = None
        if isinstance(value, FiscalYear):
            ctx = D.CONTEXT_AFTER_RE.match(half, end, min(len(half), end + 12))
            if ctx is not None:
                value = fiscal_year_of(
                    value.start_year, D.PERIOD_CONTEXTS[ctx.group("ctx").lower()]
                )
                cue, end = (ctx.start("ctx"), ctx.end("ctx")), ctx.end()
        kind: DateKind = "fiscal_year" if isinstance(value, FiscalYear) else "range"
        cand = _Cand(m.start(), end, kind, value)
        if cue is not None:
            cand.cue = cue
        yield cand


def _dates(half: str, runs: list[tuple[int, int]]) -> Iterator[_Cand]:
    anchors = [(s, e) for s, e in runs if _may_end_a_date(half, s, e)]
    for m in anchored_matches(_DATE, half, anchors):
        value = date_from_match(m)
        if value is not None:
            yield _Cand(m.start(), m.end(), "date", value)
    for m in D.DATE_ZH_RE.finditer(half):
        value = zh_date_from_match(m)
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
    g = _YEAR_G
    for m in _year_matches(half, runs):
        digits, plus = m.group(g.y, g.plus)
        year = int(digits)
        if not D.YEAR_MIN <= year <= D.YEAR_MAX:
            continue
        start = m.start()
        if D.NOT_YEAR_BEFORE_RE.search(half, max(0, start - 5), start):
            continue  # HK$2024, No. 2024
        if D.COUNT_NOUN_AFTER_RE.match(half, m.end(g.y)):
            continue  # 2000 staff, 2024名
        cand = _Cand(start, m.end(), "year", year_date(year))
        if plus:  # "Hong Kong 2030+": from 2030 on
            cand.anchor, cand.cue = "start", m.span(g.plus)
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


# The words RELATIVE_EN_RE allows right before its unit word and the spaces after them
# ("two years", "few years", "this year", "recent years", "the coming years"), lower case.
_BEFORE_UNIT = frozenset(
    [
        *D.COUNT_WORDS_EN,
        *(form.split()[-1] for form in D.VAGUE_COUNT_FORMS_EN),
        *D.CALENDAR_WHICH_EN,
        "recent",
        "coming",
    ]
)
# One literal per unit word, searched in the text folded to lower-case ASCII bytes: a bytes
# literal search is far faster than the alternation of RELATIVE_EN_ANCHOR_RE (or a
# case-insensitive literal) on the text, and finds the same words. No character outside ASCII
# folds to one of their letters but the Kelvin sign (to k); a text holding one is searched with
# one case-insensitive literal per word instead.
_UNIT_WORD_BYTES = tuple(regex.compile(unit.encode("ascii")) for unit in D.RELATIVE_UNITS_EN)
_UNIT_WORD_RES = tuple(regex.compile(unit, regex.IGNORECASE) for unit in D.RELATIVE_UNITS_EN)
_KELVIN = "\u212a"


def _unit_words(half: str) -> list[tuple[int, int]]:
    """Exactly the spans of ``RELATIVE_EN_ANCHOR_RE.finditer(half)``: every unit word, leftmost
    first, none overlapping an earlier one ("dayear" holds "day" only)."""
    if _KELVIN in half:
        found = sorted(m.span() for pattern in _UNIT_WORD_RES for m in pattern.finditer(half))
    else:
        folded = ascii_folded(half)
        found = sorted(m.span() for pattern in _UNIT_WORD_BYTES for m in pattern.finditer(folded))
    spans: list[tuple[int, int]] = []
    end = 0
    for span in found:
        if span[0] >= end:
            spans.append(span)
            end = span[1]
    return spans


def _relative_anchors(half: str) -> Iterator[tuple[int, int]]:
    """The unit words that can close a RELATIVE_EN_RE match: after spaces and a word of
    ``_BEFORE_UNIT`` or up to three digits. A word with a character outside ASCII is kept (the
    pattern's case-insensitive letters and digits are wider than ASCII)."""
    for span in _unit_words(half):
        end = span[0]
        if end == 0 or half[end - 1] != " ":
            continue
        while end > 0 and half[end - 1] == " ":
            end -= 1
        start = end
        while start > 0 and half[start - 1].isalnum():
            start -= 1
        word = half[start:end]
        if not word.isascii() or word.lower() in _BEFORE_UNIT or (word.isdigit() and len(word) < 4):
            yield span


@functools.lru_cache(maxsize=256)
def _relative_period(
    *, unit: str, direction: str, amount: int | None, window: bool
) -> RelativePeriod:
    """The RelativePeriod of these values, validated once and then shared: records are frozen,
    and the values a text can give are few (four units, three directions, small counts)."""
    return RelativePeriod(unit=unit, direction=direction, amount=amount, window=window)


def _relatives(half: str, published: dt.date | None) -> Iterator[_Cand]:
    for m in anchored_matches(_RELATIVE_EN, half, _relative_anchors(half)):
        anchor: Anchor = "point"
        if m.group(_RELATIVE_EN_G.recent):
            future = "coming" in m.group(_RELATIVE_EN_G.recent).lower()
            rel = _relative_period(
                unit="year", direction="next" if future else "past", amount=None, window=True
            )
        elif m.group(_RELATIVE_EN_G.which):
            which = D.CALENDAR_WHICH_EN[m.group(_RELATIVE_EN_G.which).lower()]
            amount = 0 if which == "current" else 1
            rel = _relative_period(
                unit=m.group(_RELATIVE_EN_G.cunit).lower(),
                direction=which,
                amount=amount,
                window=False,
            )
        elif m.group(_RELATIVE_EN_G.within):
            anchor = "deadline"
            rel = _relative_period(
                unit=m.group(_RELATIVE_EN_G.wunit).lower(),
                direction="next",
                amount=_count(m.group(_RELATIVE_EN_G.wn)),
                window=True,
            )
        else:
            direction = D.RELATIVE_DIRECTIONS_EN[m.group(_RELATIVE_EN_G.dir).lower()]
            if m.group(_RELATIVE_EN_G.prep).lower() == "within":
                anchor = "deadline"
            rel = _relative_period(
                unit=m.group(_RELATIVE_EN_G.unit).lower(),
                direction=direction,
                amount=_count(m.group(_RELATIVE_EN_G.n)),
                window=True,
            )
        yield _Cand(m.start(), m.end(), "relative", _resolve(rel, published), anchor, relative=rel)
    if not contains_any(half, D.RELATIVE_ZH_FIRST_CHARS):
        return
    for m in _relative_zh_matches(half):
        if m.group(_RELATIVE_ZH_G.cal):
            unit, direction, amount = D.CALENDAR_ZH[m.group(_RELATIVE_ZH_G.cal)]
            rel = _relative_period(unit=unit, direction=direction, amount=amount, window=False)
            anchor = "point"
        elif m.group(_RELATIVE_ZH_G.zrecent):
            rel = _relative_period(unit="year", direction="past", amount=None, window=True)
            anchor = "point"
        else:
            past = m.group(_RELATIVE_ZH_G.zdir) in ("過去", "过去")
            rel = _relative_period(
                unit=D.RELATIVE_UNITS_ZH[m.group(_RELATIVE_ZH_G.zunit)],
                direction="past" if past else "next",
                amount=_count(m.group(_RELATIVE_ZH_G.zn)),
                window=True,
            )
            anchor = "deadline" if m.group(_RELATIVE_ZH_G.nei) else "point"
        yield _Cand(m.start(), m.end(), "relative", _resolve(rel, published), anchor, relative=rel)


# A character that starts a RELATIVE_ZH_RE match: the stdlib engine finds these several times
# faster than `regex` tries the pattern at every position.
_RELATIVE_ZH_FIRST_RE = re.compile(f"[{re.escape(D.RELATIVE_ZH_FIRST_CHARS)}]")


def _relative_zh_matches(half: str) -> Iterator[regex.Match[str]]:
    """Exactly the matches of ``RELATIVE_ZH_RE.finditer(half)``: the pattern is tried (matched)
    only at a character of RELATIVE_ZH_FIRST_CHARS at or after the end of the last match,
    since every match starts with one and none is empty."""
    match = D.RELATIVE_ZH_RE.match
    end = 0
    for first in _RELATIVE_ZH_FIRST_RE.finditer(half):
        start = first.start()
        if start >= end:
            m = match(half, start)
            if m is not None:
                end = m.end()
                yield m


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
