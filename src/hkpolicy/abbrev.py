"""Acronym definitions in plain text: "Full Name (FN)" and "FN (Full Name)", with character offsets.

Owns :func:`find_abbreviations` and the :class:`Abbreviation` record. The English algorithm is the
one of Schwartz & Hearst, "A simple algorithm for identifying abbreviation definitions in
biomedical text", Pacific Symposium on Biocomputing 2003: a short form in parentheses is matched
character by character, from its end, against the words just before the parenthesis, and its first
character must begin a word. This is an independent implementation over ``str`` offsets.

Chinese short forms such as 創新科技署（創科署） are handled by a sibling rule: the short form's
characters must appear, in order, in the run of Han characters just before the parenthesis.

>>> [(a.short.text, a.long.text) for a in find_abbreviations(
...     "Hong Kong Science and Technology Parks Corporation (HKSTPC) said")]
[('HKSTPC', 'Hong Kong Science and Technology Parks Corporation')]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import regex

from . import _lexicon
from .spans import Record, Span, check_optional_str, check_text, construct_trusted

__all__ = ["Abbreviation", "find_abbreviations"]


def __dir__() -> list[str]:
    return __all__


MAX_SHORT_FORM_CHARS = 10
"""Longest short form accepted; longer parentheticals are explanations, not acronyms."""
MAX_SHORT_FORM_WORDS = 2
"""A short form of three or more words is read as a long form: "SF (long form words)"."""
MAX_PAREN_CHARS = 120
"""Longest parenthetical examined; caps work on hostile input."""
MAX_HAN_LONG_FORM = 20
"""Longest run of Han characters taken as a Chinese long form."""
HAN_SHORT_FORM_CHARS = (2, 6)
"""A Chinese short form has between 2 and 6 Han characters."""

# Linear by construction: one bounded negated class between literal parentheses, no nesting.
# The stdlib engine: it skips to the opening parentheses itself, and tries each in C.
_PAREN_RE = re.compile(
    rf"""
    (?P<open>[(（])                   # ASCII or full-width opening parenthesis
    (?P<inner>[^()（）\n]{{1,{MAX_PAREN_CHARS}}})  # the parenthetical, on one line
    [)）]                             # closing parenthesis
    """,
    re.VERBOSE,
)
# A word: a letter or digit, then word characters. Read backwards from a known end, a match
# starts at the first letter or digit of the word characters before it, where a forward match
# starts. Linear: a single character class repeated, no alternation inside the loop.
_WORD_BACKWARDS_RE = regex.compile(r"(?r)[\p{L}\p{N}][\p{L}\p{N}&'’.+-]*")
# The same words in an ASCII stretch, read forwards by the stdlib engine (there the letters and
# digits are A-Z, a-z and 0-9, and no ’ occurs). Linear: one class repeated.
_ASCII_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9&'.+-]*")
_ASCII_WORDS_SPAN = 16
"""Characters a word (and the space after it) is given in the ASCII stretch read forwards; a
stretch with too few words is read again backwards, so this sets speed only."""
_LAST_WORD_RE = regex.compile(r"(\S+)\s*\Z")  # linear: the last run of non-space characters
_HAN_RUN_ONLY = regex.compile(r"\p{Han}+")  # linear: one class
_HAN_RUN_RE = regex.compile(rf"[\p{{Han}}\p{{N}}]{{1,{MAX_HAN_LONG_FORM}}}\Z")
# A long form never reaches back past a sentence end or another parenthetical. Searched
# backwards from the parenthesis. Linear: one character class.
_LONG_FORM_BREAK_RE = regex.compile(r"(?r)[.!?;:。！？；：\n()（）\[\]]")
HAN_STOP_CHARS = _lexicon.HAN_STOP_CHARS
"""Characters that begin no Hong Kong body's name, so a Chinese long form starts after them
(the shared table :data:`hkpolicy._lexicon.HAN_STOP_CHARS`, which entity discovery reads too).
及 is not one: it sits inside names (創新及科技局)."""


class Abbreviation(Record):
    """One definition of a short form: ``long`` is the full name, ``short`` its acronym."""

    short: Span
    """The short form, e.g. ``HKSTPC``."""
    long: Span
    """The long form it stands for, e.g. ``Hong Kong Science and Technology Parks Corporation``."""


def find_abbreviations(text: str, *, doc_id: str | None = None) -> list[Abbreviation]:
    """Every "long (SHORT)" or "SHORT (long)" definition in ``text``, in order. Never raises.

    >>> [(a.short.text, a.long.text) for a in find_abbreviations("由創新科技署（創科署）負責")]
    [('創科署', '創新科技署')]
    >>> find_abbreviations("the year (2024) and (see above)")
    []
    """
    check_text("find_abbreviations", text)
    check_optional_str("find_abbreviations", "doc_id", doc_id)
    return [
        new_abbreviation(
            short=Span.of(text, s_start, s_end, doc_id), long=Span.of(text, l_start, l_end, doc_id)
        )
        for (s_start, s_end), (l_start, l_end) in abbreviation_offsets(text)
    ]


def abbreviation_offsets(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """What :func:`find_abbreviations` finds, as ``((short start, short end), (long start,
    long end))`` character offsets, for callers that need no records."""
    found = []
    for paren in _parentheticals(text):
        pair = _define(text, paren)
        if pair is not None:
            found.append(pair)
    return found


def new_abbreviation(*, short: Span, long: Span) -> Abbreviation:
    """An Abbreviation of spans valid by construction (slices of one text), without
    validation."""
    return construct_trusted(Abbreviation, {"short": short, "long": long})


def _parentheticals(text: str) -> Iterator[re.Match[str]]:
    """What ``_PAREN_RE.finditer(text)`` finds. ``str.find`` reaches the first opening
    parenthesis at or after where the last match ended, and the search goes on from there in the
    engine, so a run of opening parentheses that open nothing costs no Python step each."""
    ascii_at, wide_at = text.find("("), text.find("（")
    while ascii_at != -1 or wide_at != -1:
        at = wide_at if ascii_at == -1 or (wide_at != -1 and wide_at < ascii_at) else ascii_at
        paren = _PAREN_RE.search(text, at)  # no match starts before ``at``
        if paren is None:
            return
        yield paren
        pos = paren.end()
        if ascii_at != -1 and ascii_at < pos:
            ascii_at = text.find("(", pos)
        if wide_at != -1 and wide_at < pos:
            wide_at = text.find("（", pos)


def _define(text: str, paren: re.Match[str]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    inner_start, inner_end = paren.span("inner")
    inner = text[inner_start:inner_end]
    # "(HKSTPC, 2001)" or "(HKSTPC; see below)": the short form is the first part.
    for sep in (",", ";", "，", "；"):
        cut = inner.find(sep)
        if cut != -1:
            inner = inner[:cut]
    stripped = inner.strip()
    if len(stripped) < 2:  # every short form, and every long form, has two characters or more
        return None
    s_start = inner_start + inner.index(stripped)
    s_end = s_start + len(stripped)
    open_at = paren.start()
    if _is_han_short_form(stripped):
        return _define_han(text, s_start, s_end, open_at)
    words = stripped.split()
    if len(words) <= MAX_SHORT_FORM_WORDS and _is_short_form(stripped):
        long_span = _best_long_form(text, stripped, open_at)
        if long_span is not None:
            return (s_start, s_end), long_span
        return None
    if len(words) <= 1:
        return None  # one word is no long form
    # "SHORT (Long Form Words)": the short form is the word just before the parenthesis.
    before = text[max(0, open_at - MAX_SHORT_FORM_CHARS - 2) : open_at]
    word = _LAST_WORD_RE.search(before)
    if word is None:
        return None
    candidate = word.group(1)
    if not _is_short_form(candidate):
        return None
    if _matches(candidate, stripped) is None:
        return None
    c_start = open_at - len(before) + word.start(1)
    return (c_start, c_start + len(candidate)), (s_start, s_end)


def _is_short_form(candidate: str) -> bool:
    """Schwartz & Hearst's test: 2..10 characters, starts alphanumeric, holds a letter."""
    return (
        2 <= len(candidate) <= MAX_SHORT_FORM_CHARS
        and candidate[0].isalnum()
        and not candidate.isdigit()
        # an all-lowercase single word is an ordinary word in brackets, not an acronym
        and not (candidate.islower() and " " not in candidate and len(candidate) > 4)
        and (candidate[0].isalpha() or any(ch.isalpha() for ch in candidate))
    )


def _is_han_short_form(candidate: str) -> bool:
    low, high = HAN_SHORT_FORM_CHARS
    return low <= len(candidate) <= high and _HAN_RUN_ONLY.fullmatch(candidate) is not None


def _best_long_form(text: str, short: str, open_at: int) -> tuple[int, int] | None:
    """The shortest run of words before ``open_at`` that the short form abbreviates: the words
    back to the last sentence end or parenthesis, at most ``min(len(short) + 5, 2 * len(short))``
    of them."""
    stop = _LONG_FORM_BREAK_RE.search(text, 0, open_at)
    start = stop.end() if stop is not None else 0
    limit = min(len(short) + 5, len(short) * 2)
    w_start = _last_words_start(text, start, open_at, limit)
    if w_start is None:
        return None
    window = text[w_start:open_at].rstrip()
    found = _matches(short, window)
    if found is None:
        return None
    l_start = w_start + found
    l_end = w_start + len(window)
    long_text = text[l_start:l_end]
    if len(long_text) <= len(short) or short.lower() in long_text.lower().split():
        return None
    return l_start, l_end


def _last_words_start(text: str, start: int, end: int, limit: int) -> int | None:
    """Where the last ``limit`` words between ``start`` and ``end`` begin (all of them, if
    fewer); None when there is none.

    The words read backwards from ``end`` are the maximal runs of word characters that hold a
    letter or digit, each from its first letter or digit: what a forward scan finds too. So in
    an ASCII stretch before ``end`` (``_ASCII_WORDS_SPAN`` characters a word), the stdlib engine
    lists the words forwards; only the first it lists may be cut short where the stretch begins,
    so its start is used only when the stretch begins at ``start``. Else the words are read
    backwards over the whole range.
    """
    low = max(start, end - limit * _ASCII_WORDS_SPAN)
    stretch = text[low:end]
    if stretch.isascii():
        starts = [word.start() for word in _ASCII_WORD_RE.finditer(stretch)]
        if len(starts) > limit:
            return low + starts[-limit]
        if low == start:
            return low + starts[0] if starts else None
    words = list(itertools.islice(_WORD_BACKWARDS_RE.finditer(text, start, end), limit))
    return words[-1].start() if words else None


def _matches(short: str, long: str) -> int | None:
    """Where in ``long`` the long form starts, walking both strings from their ends; else None.

    Each character of the short form (case aside) is found at or before the place the previous
    one was found; the first must begin a word.
    """
    if not long.isascii():
        return _matches_unicode(short, long)
    lowered = long.lower()  # one character in, one out
    found = len(long)  # where the last character matched: the next is found before it
    for s_index in range(len(short) - 1, -1, -1):
        ch = short[s_index].lower()
        if not ch.isalnum():
            continue
        found = lowered.rfind(ch, 0, found)
        if s_index == 0:  # the first character begins a word: no letter or digit before it
            while found > 0 and long[found - 1].isalnum():
                found = lowered.rfind(ch, 0, found)
        if found < 0:
            return None
    # the long form starts at the beginning of the word holding the first matched character
    return long.rfind(" ", 0, found) + 1


def _matches_unicode(short: str, long: str) -> int | None:
    """:func:`_matches` character by character, for a ``long`` that is not ASCII (its lower
    case may differ in length)."""
    s_index = len(short) - 1
    l_index = len(long) - 1
    while s_index >= 0:
        ch = short[s_index].lower()
        if not ch.isalnum():
            s_index -= 1
            continue
        word_start = s_index == 0
        while l_index >= 0 and (
            long[l_index].lower() != ch
            or (word_start and l_index > 0 and long[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        s_index -= 1
        l_index -= 1
    return long.rfind(" ", 0, l_index + 1) + 1


def _define_han(
    text: str, s_start: int, s_end: int, open_at: int
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    run = _HAN_RUN_RE.search(text, max(0, open_at - MAX_HAN_LONG_FORM), open_at)
    if run is None:
        return None
    l_start = run.start()
    for index in range(open_at - 1, run.start() - 1, -1):
        if text[index] in HAN_STOP_CHARS:
            l_start = index + 1
            break
    long = text[l_start:open_at]
    short = text[s_start:s_end]
    if len(long) <= len(short):
        return None
    position = 0
    for ch in short:
        position = long.find(ch, position)
        if position == -1:
            return None
        position += 1
    return (s_start, s_end), (l_start, open_at)
