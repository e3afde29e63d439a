"""The period an amount belongs to (rule 8 of :mod:`hkpolicy._funding`).

Owns :func:`period`: the fiscal year of the amount's part of its sentence, else a calendar year
the sentence names as a point in time (not the year of a Policy Address), else a Chinese fiscal
year written where the date scan did not read it, else the fiscal year of the heading above.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from ._funding_records import Bounds, Draft
from ._funding_text import WINDOW, heading
from ._lexicon import CJK_POSITIONAL_DIGITS, char_class
from .dates import DateMention, FiscalYear, parse_period
from .spans import Span

__all__ = ["period"]

_ADDRESS_AFTER_RE = regex.compile(
    r"\s*(?:年\s*)?(?:施政報告|施政报告|Policy Address|立法年度)", regex.IGNORECASE
)
# Punctuation that separates the parts of a sentence naming one amount each ("$3 million in
# 2025-26, and $5 million in 2026-27"; "在2025-26年度撥款3億元，並在2026-27年度撥款5億元").
# Words such as "and" or 及 are left out: they also join the words of names.
_PART_SEPARATOR_RE = regex.compile(r"[,;，；、]|並|并")
# A Chinese fiscal year as written in a sentence ("2017/18年度", "2019至20年度", "由2024/25年度起"),
# read again where the date scan left it (after a comma glued to the digits).
_HAN_DIGIT = char_class(CJK_POSITIONAL_DIGITS)
# Every match ends with this word: a window without it is not searched.
_FISCAL_YEAR_WORD = "年度"
_ZH_FISCAL_YEAR_RE = regex.compile(
    rf"(?<!\d)(?<!{_HAN_DIGIT})(?:\d{{4}}|{_HAN_DIGIT}{{4}})\s*[/／至\-–]\s*"
    rf"(?:\d{{2}}|\d{{4}}|{_HAN_DIGIT}{{2}}|{_HAN_DIGIT}{{4}})\s*{_FISCAL_YEAR_WORD}"
)


def _date_span(text: str, mention: DateMention, doc_id: str | None) -> Span:
    span = mention.span
    return span if span.doc_id == doc_id else Span.of(text, span.start, span.end, doc_id)


def period(
    text: str,
    draft: Draft,
    dates: Sequence[DateMention],
    date_starts: list[int],
    sentence: Bounds,
) -> None:
    """Set ``draft.period`` from the sentence (only the part within a window of the amount is
    read), else from the heading above it."""
    a0, a1 = draft.mention.span.start, draft.mention.span.end
    doc_id = draft.mention.span.doc_id
    window = (max(sentence[0], a0 - WINDOW), min(sentence[1], a1 + WINDOW))
    low = bisect.bisect_left(date_starts, window[0])
    high = bisect.bisect_left(date_starts, window[1])
    in_sentence = dates[low:high]
    fiscal = [m for m in in_sentence if isinstance(m.value, FiscalYear)]
    if fiscal:
        chosen = _fiscal_year_of(text, fiscal, window, (a0, a1))
        assert isinstance(chosen.value, FiscalYear)  # ``fiscal`` holds fiscal years only
        draft.period, draft.period_span = chosen.value, _date_span(text, chosen, doc_id)
        return
    for mention in in_sentence:
        if mention.kind == "year" and mention.anchor == "point" and mention.value is not None:
            if _ADDRESS_AFTER_RE.match(text, mention.span.end):
                continue
            year = getattr(mention.value, "year", None)
            if isinstance(year, int):
                draft.period, draft.period_span = year, _date_span(text, mention, doc_id)
                return
    written = None
    if text.find(_FISCAL_YEAR_WORD, window[0], window[1]) >= 0:
        written = _ZH_FISCAL_YEAR_RE.search(text, window[0], window[1])
    if written is not None:
        value = _read_period(written.group())
        if value is not None:
            draft.period = value
            draft.period_span = Span.of(text, written.start(), written.end(), doc_id)
            return
    above = heading(text, sentence[0])
    if above is None:
        return
    low = bisect.bisect_left(date_starts, above[0])
    high = bisect.bisect_left(date_starts, above[1])
    for mention in dates[low:high]:
        if isinstance(mention.value, FiscalYear):
            draft.period, draft.period_span = mention.value, _date_span(text, mention, doc_id)
            return


def _fiscal_year_of(
    text: str, fiscal: Sequence[DateMention], window: Bounds, amount: Bounds
) -> DateMention:
    """The fiscal year an amount belongs to among those its sentence names: the one in the
    amount's own part of the sentence, else the nearest one before the amount (a year stated
    once for the amounts that follow it), else the first."""
    start = window[0]
    for separator in _PART_SEPARATOR_RE.finditer(text, window[0], amount[0]):
        start = separator.end()
    following = _PART_SEPARATOR_RE.search(text, amount[1], window[1])
    end = following.start() if following is not None else window[1]
    inside = [m for m in fiscal if start <= m.span.start and m.span.end <= end]
    if inside:
        return inside[0]
    before = [m for m in fiscal if m.span.end <= amount[0]]
    return before[-1] if before else fiscal[0]


def _read_period(written: str) -> FiscalYear | None:
    try:
        value = parse_period(written)
    except ValueError:
        return None
    return value if isinstance(value, FiscalYear) else None
