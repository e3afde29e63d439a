"""Money candidates: every number in a text with the currency, scale, cue and period around it.

Owns :func:`candidates`, the first pass of the money scanner: for each number token it reads
the number, then looks before it (``pre``: a currency, a qualifier cue) and after it (``post``:
a scale, a currency, a cue, a period, cents), each in a window of bounded length, and keeps a
:class:`Candidate`. Which currency a bare ``$`` or 元 is, ranges and pairs are decided later
(:mod:`hkpolicy._money_build`).

The common cases are answered without a regex call: no currency or cue can end before the
number (:func:`pre_is_empty`), nothing ``post`` reads can start after it
(:func:`post_is_empty`), and a lone "$" right before it. tests/test_money_shortcuts.py checks
each shortcut against the pattern it stands in for.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

import regex

from . import _money_patterns as _p
from ._lexicon import exponent_after, exponent_before
from ._money_lexer import (
    HAS_CJK,
    CurrencyMark,
    NumberReading,
    currency_mark,
    folded,
    half_unit,
    read_number,
    read_words,
    tokens,
)
from ._money_quiet import (
    ASCII_SPACE,
    ENDS_NO_PREFIX,
    MYRIAD_YI,
    PERCENT_FRACTION_TAIL,
    currency_alone,
    no_amount_marks,
    plain_end,
    plain_start,
    post_is_empty,
    pre_is_empty,
)
from ._money_units import SCALE_CHARS, cents_after, is_unit_label, scale_after, scale_alone
from ._numerals import EXACT, canonical
from .spans import Qualifier

__all__ = [
    "Candidate",
    "Cue",
    "PreParts",
    "candidates",
    "cue_in_other_word",
    "is_weak",
    "iter_candidates",
    "post_is_empty",
    "pre_is_empty",
    "pre_parts",
]


def __dir__() -> list[str]:
    return __all__


class Cue(NamedTuple):
    """A qualifier and the characters of the cue that gave it."""

    qualifier: Qualifier
    span: tuple[int, int] | None
    """``(start, end)`` of the cue word; None for a range read from its connector."""


class Candidate(NamedTuple):
    """One number with what surrounds it, before its currency is resolved."""

    start: int
    """Start of the amount expression: currency, number, scale, currency word."""
    end: int
    ext_start: int
    """Start of the whole expression, cue and period words included."""
    ext_end: int
    value: Decimal
    """The figure as written (cents included)."""
    scale: Decimal
    """What the figure is multiplied by: 10**6 for "million", 1 when none is written."""
    has_scale: bool
    """A scale is written (or given by the caller), even one of 1."""
    half_of: Decimal
    """The figure whose rounding the peg check allows for (see ``half``)."""
    currency: CurrencyMark | None
    prefix: bool
    """The currency is written before the number."""
    cue: Cue | None
    per: _p.Per | None
    """The period of a rate."""
    amount_max: Decimal | None
    """The upper end of a range, in full units."""
    cjk: bool
    """The number is written with Chinese numerals or scale characters."""
    cjk_amount: bool
    """Arabic digits with a Chinese scale (500億, "500 億"), or Chinese numerals with 億."""
    counted: bool
    """A counter follows or a count word precedes: a count, not money (100億張, 人口約750萬)."""

    @property
    def amount(self) -> Decimal:
        """The amount in full units."""
        if self.scale == 1:
            return self.value  # canonical already: every reader returns canonical values
        return canonical(EXACT.multiply(self.value, self.scale))

    @property
    def half(self) -> Decimal:
        """Half the place value of the last digit written, in full units (for the peg check)."""
        return half_unit(self.half_of, self.scale)


# tuple.__new__ makes a NamedTuple from a tuple of its fields in one C call, where calling
# the class runs its generated Python __new__: for the Candidate made per number.
_new_tuple = tuple.__new__


def is_weak(mark: CurrencyMark | None) -> bool:
    """No currency, or one the context decides (a bare $ or 元, ¥)."""
    return mark is None or mark.code in (_p.BARE, _p.YEN)


# --- the window before a number ----------------------------------------------------------------


class PreParts(NamedTuple):
    """What ``pre`` found before a number: a currency, a cue, or both."""

    cur_start: int
    """Start of the currency; the number's start when there is none."""
    cur: str
    """The currency as written, or ""."""
    cue_start: int
    """Start and end of the cue; the number's start when there is none."""
    cue_end: int
    cue: str
    """The cue as written, or ""."""


# Windows before a number whose ``pre`` reading one scan keeps (see pre_parts); past this many
# distinct windows it starts afresh, so a text of unique windows holds at most this many.
PRE_MEMO_SIZE = 4096
_UNREAD = PreParts(-1, "", -1, -1, "")


def pre_parts(t: str, lo: int, s: int, pats: _p.Patterns,
              memo: dict[str, PreParts | None] | None = None) -> PreParts | None:  # fmt: skip
    """The currency and cue ``pre.search(t, lo, s)`` finds before the number at ``s``, or None
    when it finds neither. Equal to that search, with the two commonest cases answered without
    a regex call: no currency or cue can end at ``s`` (see pre_is_empty), and a lone "$" (as
    in "($5 million)" or "$1$2").

    ``memo`` (one scan's) keeps the reading of each window: the reading depends only on the
    window and the character before it (``pre`` looks one character behind, no further, and
    not past ``s``), and text repeats ("of up to HK$" in every row of a list).

    Every call looks at most ``PRE_WINDOW`` characters, so each is bounded and the scan stays
    linear in the text (see _money_patterns).
    """
    if s > lo and t[s - 1] == "$" and (s - 1 == lo or t[s - 2] in ENDS_NO_PREFIX):
        return _new_tuple(PreParts, (s - 1, "$", s, s, ""))
    if pre_is_empty(t, lo, s, pats.pre_final_words):
        return None
    if memo is None or lo == 0:
        return _pre_search(t, lo, s, pats)
    window = t[lo - 1 : s]
    found = memo.get(window, _UNREAD)
    if found is _UNREAD:
        if len(memo) >= PRE_MEMO_SIZE:
            memo.clear()
        found = memo[window] = _pre_search(window, 1, len(window), pats)
    if found is None:
        return None
    shift = lo - 1
    return _new_tuple(PreParts, (found.cur_start + shift, found.cur, found.cue_start + shift,
                                 found.cue_end + shift, found.cue))  # fmt: skip


def _pre_search(t: str, lo: int, s: int, pats: _p.Patterns) -> PreParts | None:
    """What ``pre`` finds in ``t[lo:s]``, anchored at ``s``: one reversed search gives the
    leftmost start, where ``pre`` is then matched forwards."""
    back = pats.pre_reversed.search(t, lo, s)
    if back is None or back.start() >= s:
        return None
    pre = pats.pre.match(t, back.start(), s)
    if pre is None:
        return None
    cur = pre.group("cur") or ""
    cue = pre.group("cue") or ""
    return PreParts(
        pre.start("cur") if cur else s,
        cur,
        pre.start("cue") if cue else s,
        pre.end("cue") if cue else s,
        cue,
    )


_WS_RUN = regex.compile(r"\s+")


def cue_in_other_word(t: str, start: int, cue: str) -> bool:
    """True when the Chinese cue at ``start`` ends another word: 合約, 通過, 最近."""
    before = _p.CUE_NOT_AFTER.get(cue)
    return before is not None and start > 0 and t[start - 1] in before


def cue_before(t: str, pre: PreParts, token: str) -> Cue | None:
    """The qualifier of the cue ``pre`` found, unless the cue belongs to another word, stands
    apart from the amount although it must touch it (近, 過), or wants a round figure."""
    if not pre.cue or cue_in_other_word(t, pre.cue_start, pre.cue):
        return None
    if pre.cue in _p.ATTACHED_CUES and t[pre.cue_end : pre.cur_start].strip():
        return None
    if pre.cue in _p.ROUND_FIGURE_CUES and token[0] not in SCALE_CHARS:
        return None
    qualifier = _p.QUALIFIER_CUES.get(_WS_RUN.sub(" ", pre.cue.lower()), Qualifier.APPROXIMATELY)
    return Cue(qualifier, (pre.cue_start, pre.cue_end))


# --- the window after a number -----------------------------------------------------------------


def _may_follow(t: str, e: int, n: int, first: frozenset[str]) -> bool:
    """False when the first character after ``e`` and ASCII white space is not in ``first``
    (and is ASCII), so a pattern starting with white space then one of ``first`` cannot match."""
    i = e
    while i < n and t[i] in ASCII_SPACE:
        i += 1
    return i < n and (t[i] in first or (not t[i].isascii() and t[i].isspace()))


class _Head(NamedTuple):
    """What stands before a number: its currency and qualifier cue."""

    start: int
    ext_start: int
    currency: CurrencyMark | None
    prefix: bool
    cue: Cue | None


def _in_word(t: str, s: int) -> bool:
    """The number at ``s`` is part of a word or code ("A2021", "COVID19")."""
    return s > 0 and t[s - 1].isascii() and (t[s - 1].isalnum() or t[s - 1] == "_")


def _head(t: str, s: int, pre: PreParts | None, token: str) -> _Head | None:
    """The currency and cue ``pre`` found before the number at ``s``; None when the number is
    part of a word or code."""
    if pre is None:
        return None if _in_word(t, s) else _new_tuple(_Head, (s, s, None, False, None))
    if pre.cur:
        currency: CurrencyMark | None = currency_mark(pre.cur)
        start = pre.cur_start
    elif _in_word(t, s):
        return None
    else:
        currency, start = None, s
    cue = cue_before(t, pre, token)
    ext_start = start if cue is None or cue.span is None else cue.span[0]
    return _new_tuple(_Head, (start, ext_start, currency, currency is not None, cue))


class _Tail(NamedTuple):
    """A number's reading completed by what follows it: scale, currency, cue, period, cents."""

    end: int
    ext_end: int
    value: Decimal
    scale: Decimal
    has_scale: bool
    cjk_amount: bool
    currency: CurrencyMark | None
    prefix: bool
    cue: Cue | None
    per: _p.Per | None


_MILLION = Decimal(10**6)


def _takes_currency_after(mark: CurrencyMark, before: CurrencyMark | None) -> bool:
    """Does the currency written after a number replace the one before it? It replaces none, a
    bare one or the same one, and a bare one never replaces a written one ("HK$5 dollars")."""
    takes = is_weak(before) or (before is not None and mark.code == before.code)
    return takes and not (mark.code == _p.BARE and before is not None)


def _quick_tail(t: str, e: int, stop: int, head: _Head, reading: NumberReading,
                is_words: bool, cjk_amount: bool, pats: _p.Patterns) -> _Tail | None:  # fmt: skip
    """What _tail reads after the number ending at ``e`` in the common cases, without ``post``:
    nothing (post_is_empty), a scale alone ("$47 billion for"; scale_alone) or, after a number
    with a scale of its own, a Chinese currency word alone (500億元推動; currency_alone). None
    when ``post`` must read it."""
    scale, has_scale = reading.scale, reading.scale != 1
    currency, prefix, end = head.currency, head.prefix, e
    if post_is_empty(t, e, stop, pats.post_first_words):
        pass
    elif not has_scale:
        alone = scale_alone(t, e, stop, is_words, pats)
        if alone is None:
            return None
        scale, end, scaled_cjk = alone  # as _tail reads a scale, with no currency after it
        has_scale, cjk_amount = True, cjk_amount or scaled_cjk
    else:
        written = currency_alone(t, e, stop, pats)
        if written is None:
            return None
        mark = currency_mark(written[0])  # as _tail reads a currency after a scaled number
        if _takes_currency_after(mark, currency):
            currency, prefix = mark, prefix and mark.code == _p.BARE
        end = written[1]
    fields = (
        end,
        end,
        reading.value,
        scale,
        has_scale,
        cjk_amount,
        currency,
        prefix,
        head.cue,
        None,
    )
    return _new_tuple(_Tail, fields)


def _tail(t: str, e: int, n: int, head: _Head, reading: NumberReading, is_words: bool,
          cjk_amount: bool, pats: _p.Patterns) -> _Tail:  # fmt: skip
    """What follows the number ending at ``e``, read in a window of ``POST_WINDOW``."""
    scale, has_scale = reading.scale, reading.scale != 1
    stop = min(n, e + _p.POST_WINDOW)  # a bounded window (see pre_parts)
    quick = _quick_tail(t, e, stop, head, reading, is_words, cjk_amount, pats)
    if quick is not None:
        return quick
    post = pats.post.match(t, e, stop)
    if post is None or post.end() == e:
        return _new_tuple(_Tail, (e, e, reading.value, scale, has_scale, cjk_amount,
                                  head.currency, head.prefix, head.cue, None))  # fmt: skip
    end = e
    found_scale = None if has_scale else scale_after(post, is_words)
    if found_scale is not None:
        scale, end, scaled_cjk = found_scale
        has_scale, cjk_amount = True, cjk_amount or scaled_cjk
    currency, prefix = head.currency, head.prefix
    cur = post.group("cur")
    if cur:
        if cur.upper().startswith("M") and cur[1:].upper() in _p.CODES and not has_scale:
            scale, has_scale = _MILLION, True  # "5 MUSD"
        mark = currency_mark(cur)
        if _takes_currency_after(mark, currency):
            currency, prefix = mark, prefix and mark.code == _p.BARE
        end = max(end, post.end("cur"))
        if post.group("scale2"):
            end = max(end, post.end("scale2"))
    ext_end = end
    cue = head.cue
    if post.group("postcue"):
        if cue is None:
            qualifier = _p.POST_QUALIFIER_CUES[_WS_RUN.sub(" ", post.group("postcue").lower())]
            cue = Cue(qualifier, (post.start("postcue"), post.end("postcue")))
        ext_end = post.end("postcue")
    per = None
    if post.group("per"):
        per = _p.PER_WORDS.get(_WS_RUN.sub(" ", post.group("per").lower()))
        ext_end = post.end("per")
    value = reading.value
    if cur and currency is not None and not has_scale:
        minor = cents_after(t, end, n, value)  # "15 dollars 50", 五元三毛
        if minor is not None:
            value, end = minor
            ext_end = max(ext_end, end)
    fields = (end, ext_end, value, scale, has_scale, cjk_amount, currency, prefix, cue, per)
    return _new_tuple(_Tail, fields)


# --- period words before, counts, and what is no amount ----------------------------------------

# Necessary for ``per_before``: one of its period words in the window (stdlib ``re`` finds a
# literal alternation fastest). _PER_BEFORE_LOWER is the same search over the folded text
# (_money_lexer.folded), about five times faster: no letter of these words has a case-blind
# match outside ASCII (tests/test_money_shortcuts.py).
_PER_BEFORE_MARK = re.compile(
    "|".join(re.escape(word) for word in (*_p.PER_BEFORE_EN, *_p.PER_BEFORE_ZH)), re.IGNORECASE
)
_PER_BEFORE_LOWER = re.compile(
    "|".join(re.escape(word.lower()) for word in (*_p.PER_BEFORE_EN, *_p.PER_BEFORE_ZH))
)
_SENTENCE_END = regex.compile(r"[.!?;。；！？\n]")
# Characters before an amount searched for a period word ("annual funding of").
_PER_BEFORE_WINDOW = 40


def _per_before(t: str, last_end: int, anchor: int, pats: _p.Patterns) -> _p.Per | None:
    """The period a word a little before the amount gives it ("annual ... of $5m", 每年撥款), in
    the same sentence and after the previous amount."""
    window_start = max(last_end, anchor - _PER_BEFORE_WINDOW)
    if not _PER_BEFORE_MARK.search(t, window_start, anchor):
        return None
    for stop in _SENTENCE_END.finditer(t, window_start, anchor):
        window_start = stop.end()
    before = pats.per_before.search(t, window_start, anchor)
    return None if before is None else _p.PER_WORDS.get(before.group("per").lower())


# Characters before an amount searched for a count word (_p.COUNT_WORDS_BEFORE), and after it
# for a counter.
_COUNT_CUE_WINDOW = 6
_COUNTER_WINDOW = 12


def _counted(t: str, end: int, ext_start: int, n: int, pats: _p.Patterns) -> bool:
    """ "500億" with no currency is a count when a counter follows ("100億張") or a count word
    just precedes ("人口約750萬", "第500萬")."""
    preceding = t[max(0, ext_start - _COUNT_CUE_WINDOW) : ext_start]
    return bool(
        pats.count_after.match(t, end, min(n, end + _COUNTER_WINDOW))
        or any(word in preceding for word in _p.COUNT_WORDS_BEFORE)
    )


# Words before a bare Chinese scale that make the amount vague: 數十萬元 (some hundreds of
# thousands), 幾億, 數以十億元計.
_VAGUE_BEFORE = ("數以", "数以", "數", "数", "幾", "几")


def _is_no_amount(t: str, s: int, e: int, n: int, token: str, is_words: bool,
                  pats: _p.Patterns) -> bool:  # fmt: skip
    """True when the number ``t[s:e]`` cannot be an amount, whatever stands before it: vague
    (數十萬元), part of "1e30", the 百 of 百分之, or followed by %, "per cent" or a counter."""
    if not is_words and token[0] in SCALE_CHARS and t.endswith(_VAGUE_BEFORE, max(0, s - 2), s):
        return True
    if (
        not is_words
        and ((e < n and t[e] in "eE") or (s >= 2 and t[s - 1] in "eE+-"))
        and (exponent_after(t, e) or exponent_before(t, s))
    ):
        return True
    if t.startswith(PERCENT_FRACTION_TAIL, e):
        return True
    return _may_follow(t, e, n, pats.not_money_first) and (
        pats.not_money_after.match(t, e, min(n, e + _COUNTER_WINDOW)) is not None
    )


# "27 億 8,000 萬", "27 億 8 千萬": a myriad amount written with spaces (or "27億 8,000萬"); the
# lexer stops at the first space. Bounded: the tail is a few digits and one 萬.
_SPACED_MYRIAD = regex.compile(
    r"(?P<yi>\x20?[億亿])?\x20?\d{1,4}+(?:,\d{3})?+(?:\.\d{1,4}+)?+\x20?(?:[千百十]\x20?)?[萬万]"
    r"(?![萬万億亿])"
)
_SPACED_MYRIAD_WINDOW = 24
_YI = MYRIAD_YI
# What may follow a number spread over tokens: 億, or a space before one.
_MYRIAD_NEXT = _YI + " "


def _spaced_myriads_end(t: str, s: int, e: int, n: int) -> int:
    """The end of the number at ``s`` when "27 億 8,000 萬" spreads it over several tokens."""
    if e >= n or not (
        t[e - 1] in _YI or t[e] in _YI or (t[e] == " " and e + 1 < n and t[e + 1] in _YI)
    ):
        return e
    m = _SPACED_MYRIAD.match(t, e, min(n, e + _SPACED_MYRIAD_WINDOW))
    if m is None or not (m.group("yi") or t[e - 1] in _YI) or " " not in m.group(0):
        return e
    return m.end()


# Arabic digits with Chinese scales, ending in a myriad scale: 500億, 5,000萬, 3千萬, 11億6,400萬.
_ARABIC_WITH_CJK_SCALE = regex.compile(r"(?:\d[\d.,]*+[十百千]*+[萬万億亿兆]++)++")
# Chinese numerals with a figure and 億 (十億, 三億五千萬, 兩百億): an amount like "500億". Amounts
# of 萬 alone are not read this way: 千萬, 萬一 and 十萬火急 are words.
_CJK_NUMERALS_WITH_YI = regex.compile(
    r"[〇一二兩两三四五六七八九十百千]++[億亿兆][〇一二兩两三四五六七八九十百千萬万]*+"
)


def _is_cjk_amount(token: str) -> bool:
    return (
        _ARABIC_WITH_CJK_SCALE.fullmatch(token) is not None
        or _CJK_NUMERALS_WITH_YI.fullmatch(token) is not None
    )


# --- numbers with nothing around them to read ---------------------------------------------------


def _plain_candidate(t: str, s: int, e: int, token: str, start: int, last_end: int,
                     marks: _Marks) -> Candidate | None:  # fmt: skip
    """The candidate of the ASCII number ``token``, ``t[s:e]``, when plain_start and plain_end
    say that nothing around it needs a pattern: what _candidate gives, with a lone "$" at
    ``start < s`` as its currency and perhaps a period word before it."""
    reading = read_number(token)
    if reading is None:
        return None
    per = None
    if marks.per_before.search(marks.text, max(last_end, start - _PER_BEFORE_WINDOW), start):
        per = _per_before(t, last_end, start, _p.PATTERNS)
    currency = None if start == s else currency_mark("$")
    value = reading.value
    fields = (start, e, start, e, value, reading.scale, False, value, currency,
              currency is not None, None, per, None, False, False, False)  # fmt: skip
    return _new_tuple(Candidate, fields)


# --- one number, then all of them ----------------------------------------------------------------


def _read_run(token: str) -> NumberReading | None:
    value = read_words(token)
    return None if value is None else NumberReading(value, Decimal(1))


def _candidate(t: str, s: int, e: int, is_words: bool, last_end: int, n: int,
               marks: _Marks) -> Candidate | None:  # fmt: skip
    """The candidate of the number token ``t[s:e]``, or None when it is no amount. Every
    pattern runs on a bounded window next to the number; ``last_end`` ends the one before.
    iter_candidates reads the plain numbers (_plain_candidate) without it."""
    pats = _p.PATTERNS
    if not is_words and e < n and (t[e] in _MYRIAD_NEXT or t[e - 1] in _YI):
        e = _spaced_myriads_end(t, s, e, n)
    token = t[s:e] if is_words or " " not in t[s:e] else _WS_RUN.sub("", t[s:e])
    if _is_no_amount(t, s, e, n, token, is_words, pats):
        return None
    reading = _read_run(token) if is_words else read_number(token)
    if reading is None:
        return None
    pre = pre_parts(t, max(last_end, s - _p.PRE_WINDOW), s, pats, marks.pre_memo)
    head = _head(t, s, pre, token)
    if head is None:
        return None
    cjk = not is_words and not token.isascii() and HAS_CJK.search(token) is not None
    tail = _tail(t, e, n, head, reading, is_words, cjk and _is_cjk_amount(token), pats)
    per = tail.per
    if per is None and marks.per_before.search(
        marks.text, max(last_end, head.ext_start - _PER_BEFORE_WINDOW), head.ext_start
    ):
        per = _per_before(t, last_end, head.ext_start, pats)
    if is_words and reading.value < 1 and not tail.has_scale:
        return None  # "a quarter" alone is not an amount; "a quarter million" is
    counted = (
        cjk
        and tail.currency is None
        and (tail.has_scale or tail.cjk_amount)
        and _counted(t, tail.end, head.ext_start, n, pats)
    )
    maybe_unit = tail.currency is not None and (is_words or token[0] in SCALE_CHARS)
    if maybe_unit and is_unit_label(t, head.start, tail.end, token, is_words):
        return None  # "(港幣百萬元)", "(HK$ thousand)": the unit of a column, not an amount
    return _new_tuple(Candidate, (
        head.start, tail.end, head.ext_start, max(tail.ext_end, tail.end), tail.value, tail.scale,
        tail.has_scale, reading.value, tail.currency, tail.prefix, tail.cue, per, None, cjk,
        tail.cjk_amount, counted,
    ))  # fmt: skip


class _Marks(NamedTuple):
    """The text a pre-filter searches, and the pre-filter: the folded text when there is one."""

    text: str
    per_before: re.Pattern[str]
    not_first: frozenset[str]
    """The first characters of what makes a number no amount (Patterns.not_money_first)."""
    pre_memo: dict[str, PreParts | None]
    """The readings of the windows before numbers (see pre_parts)."""


def _is_bare(c: Candidate) -> bool:
    """A number with no currency, scale or Chinese scale: never an amount on its own (the
    second pass drops it unless bare numbers are amounts), only maybe the end of a range."""
    return c.currency is None and not c.has_scale and not c.cjk_amount


def candidates(
    t: str, skip: list[tuple[int, int]], lowered: str | None = None, *, keep_bare: bool = True
) -> list[Candidate]:
    """Every candidate of ``t`` in order, none starting inside the one before or in ``skip``
    (sorted, disjoint ranges); ``lowered`` is ``_money_lexer.folded(t)`` when the caller has
    it. Unless ``keep_bare``, bare numbers that can be neither an amount nor a range's end are
    left out (see iter_candidates): for a caller that drops bare numbers in the end."""
    return list(iter_candidates(t, skip, lowered, keep_bare=keep_bare))


# Unless ``keep_bare``, iter_candidates drops a bare candidate (see _is_bare) when neither the
# candidate kept before it nor the next one has a currency. The second pass joins two
# candidates into a range only when one has a currency, and drops bare ones, so such a number
# changes nothing, and two candidates it separated never join (a connector must fill the whole
# gap between them). Dropping it early keeps a text dense with bare numbers (years, counts,
# list numbers) from holding a record per number.


def iter_candidates(
    t: str, skip: list[tuple[int, int]], lowered: str | None = None, *, keep_bare: bool = True
) -> Iterator[Candidate]:
    """The candidates of :func:`candidates`, one at a time: a caller that consumes each as it
    comes holds a few at once, not one per number (a Candidate is a garbage-collected object).
    Unless ``keep_bare`` (see above), one is held back until the next decides it."""
    lowered = folded(t) if lowered is None else lowered
    pats = _p.PATTERNS
    not_first, final_words = pats.not_money_first, pats.pre_final_words
    first_words, pre_window = pats.post_first_words, _p.PRE_WINDOW
    dollar_ends = "$" not in not_first
    marks = _scan_marks(t, lowered, not_first)
    spans, word_starts = tokens(t, lowered)
    no_amount_after, one_char = no_amount_marks(pats), pats.not_money_chars
    skip_starts = [start for start, _ in skip]
    last_end, n = 0, len(t)
    held: Candidate | None = None  # the last candidate kept, not yet given out
    before_held_bare = True  # the one kept before ``held`` has no currency (or there is none)
    for s, e in spans:
        if s < last_end:
            continue
        if (
            e < n
            and t[e] in no_amount_after
            and (t[e] in one_char or t.startswith(PERCENT_FRACTION_TAIL, e))
        ):
            continue  # "12%", 2019年, 百分之: _candidate gives None (see no_amount_marks)
        if skip:
            i = bisect.bisect_right(skip_starts, s) - 1
            if i >= 0 and skip[i][1] > s:
                continue
        is_words = s in word_starts
        # A plain number: nothing before or after it needs a pattern (see _plain_candidate).
        start = -1 if is_words else plain_start(t, s, max(last_end, s - pre_window), final_words)
        token = t[s:e]
        if (
            start >= 0
            and token.isascii()
            and " " not in token
            # "$5$6": a "$" before a digit starts the next amount, and post reads nothing
            # (post_is_empty); plain_end says the same unless "$" is in not_first.
            and ((dollar_ends and e + 1 < n and t[e] == "$" and "0" <= t[e + 1] <= "9")
                 or plain_end(t, e, n, not_first, first_words))
        ):  # fmt: skip
            cand = _plain_candidate(t, s, e, token, start, last_end, marks)
        else:
            cand = _candidate(t, s, e, is_words, last_end, n, marks)
        if cand is None:
            continue
        last_end = cand.ext_end
        if keep_bare:
            yield cand
        elif held is None or (cand.currency is None and before_held_bare and _is_bare(held)):
            held = cand  # a dropped ``held`` leaves the one kept before it where it was
        else:
            yield held
            held, before_held_bare = cand, held.currency is None
    if held is not None and not (before_held_bare and _is_bare(held)):
        yield held


def _scan_marks(t: str, lowered: str | None, not_first: frozenset[str]) -> _Marks:
    """The pre-filter text and pattern of one scan (the folded text when there is one)."""
    if lowered is None:
        return _Marks(t, _PER_BEFORE_MARK, not_first, {})
    return _Marks(lowered, _PER_BEFORE_LOWER, not_first, {})
