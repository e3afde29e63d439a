"""The words around a percentage (private): its qualifier and its direction.

Owns the windows in which :mod:`hkpolicy.percent` looks for a qualifier ("approximately", 逾,
"or more") and a direction ("rose by", "a 5% increase", 下降), the lookups from a cue to its
meaning, and the cheap checks that say, from the characters next to a mention, whether a cue
pattern of ``_percent_patterns`` can match there at all, so the windowed searches run only
where one can.
"""

from __future__ import annotations

from typing import Literal

import regex

from . import _percent_patterns as P
from .spans import Qualifier

__all__ = [
    "DIRECTION_WINDOW",
    "QUALIFIER_WINDOW",
    "Direction",
    "cue_may_end_before",
    "cue_may_start_after",
    "direction_of",
    "qualifier_before",
    "qualifier_may_end_before",
    "qualifier_window",
]

Direction = Literal["increase", "decrease"]

# How far before/after a number the qualifier and direction cues are looked for (characters).
QUALIFIER_WINDOW = 24
DIRECTION_WINDOW = 80


# A character a qualifier or direction cue can end with (a word, approx., ~, or one of the up to
# four words between a direction verb and the number), and one it can start with.
_CUE_LAST_CHAR = regex.compile(r"[\w.~'’-]")
_CUE_FIRST_CHAR = regex.compile(r"[\p{L}+]")


def cue_may_end_before(half: str, start: int, lowest: int) -> bool:
    """False when no qualifier or direction cue can end before ``start`` and spaces, in the
    window from ``lowest``: saves four windowed searches for the many mentions that follow a
    number, bracket or sign. tests/test_scan_shortcuts.py checks it against the patterns."""
    i = start - 1
    while i >= lowest and half[i] == " ":
        i -= 1
    if i < lowest:
        return False
    last = half[i]
    if last.isascii():  # _CUE_LAST_CHAR on ASCII, without a regex call
        return last.isalnum() or last in "_.~'-"
    return _CUE_LAST_CHAR.match(half, i) is not None


def cue_may_start_after(half: str, end: int) -> bool:
    """False when no qualifier or direction cue can start after ``end`` and at most two
    spaces (the most any pattern after a mention allows)."""
    i = end
    limit = min(len(half), end + 3)
    while i < limit and half[i] == " ":
        i += 1
    if i >= limit:
        return False
    first = half[i]
    if first.isascii():  # _CUE_FIRST_CHAR on ASCII, without a regex call
        return first.isalpha() or first == "+"
    return _CUE_FIRST_CHAR.match(half, i) is not None


def qualifier_before(cue: str) -> Qualifier:
    key = " ".join(cue.lower().split())
    return P.QUALIFIERS_BEFORE_EN.get(key) or P.QUALIFIERS_BEFORE_ZH[cue]


_INCREASE = frozenset(
    [*P.INCREASE_VERBS_EN, *P.INCREASE_NOUNS_EN, *P.INCREASE_ADVERBS_EN, *P.INCREASE_ZH]
)


def direction_of(half: str, start: int, end: int) -> tuple[Direction, tuple[int, int]] | None:
    window = max(0, start - DIRECTION_WINDOW)
    found = None
    if _word_before(half, start, window) in _ADVERBS:
        found = P.DIRECTION_ADVERB_EN_RE.search(half, window, start)
    if found is None and _last_non_space(half, start, window) in _ZH_DIRECTION_ENDS:
        # A match ends at ``start`` and is at most _ZH_DIRECTION_LONGEST long: the leftmost
        # one in the window starts in its last characters.
        near = max(window, start - _ZH_DIRECTION_LONGEST)
        found = P.DIRECTION_BEFORE_ZH_RE.search(half, near, start)
    if found is None and _verb_may_precede(half, start, window):
        found = P.DIRECTION_BEFORE_EN_RE.search(half, window, start)
    if found is None and half.startswith(" ", end):
        found = P.DIRECTION_AFTER_EN_RE.match(half, end, min(len(half), end + 20))
    if found is None:
        return None
    span = found.span(_CUE_GROUP[found.re])
    cue = half[span[0] : span[1]]
    kind: Direction = "increase" if cue.lower() in _INCREASE or cue in _INCREASE else "decrease"
    return kind, span


# The number of each direction pattern's "cue" group (a group read by name costs a look-up).
_CUE_GROUP = {
    pattern: pattern.groupindex["cue"]
    for pattern in (
        P.DIRECTION_ADVERB_EN_RE,
        P.DIRECTION_BEFORE_ZH_RE,
        P.DIRECTION_BEFORE_EN_RE,
        P.DIRECTION_AFTER_EN_RE,
    )
}


# --- cheap checks before the windowed cue searches ---------------------------------------------
# Each says whether a cue pattern can end right before a mention, from the characters there; a
# search runs only where one can. They may say yes wrongly, never no: tests/test_percent.py
# checks them against the patterns. A word with a letter outside ASCII always passes, since the
# case-insensitive patterns read some of those letters as ASCII ones (ſ as s, K as k).

_MAYBE = "\x00"  # what _word_before gives where a pattern may see more than ASCII letters
# The last word of each English qualifier cue written before the number, lower case; the cues
# that end in a mark ("approx.", "~") by that mark.
_QUALIFIER_LAST_WORDS = frozenset(
    [_MAYBE, *(cue.split()[-1] for cue in P.QUALIFIERS_BEFORE_EN if cue[-1].isalpha())]
)
_QUALIFIER_MARKS = frozenset(cue[-1] for cue in P.QUALIFIERS_BEFORE_EN if not cue[-1].isalpha())
_QUALIFIER_ZH_ENDS = frozenset(cue[-1] for cue in P.QUALIFIERS_BEFORE_ZH)
_ADVERBS = frozenset([_MAYBE, *P.INCREASE_ADVERBS_EN, *P.DECREASE_ADVERBS_EN])
_ZH_DIRECTION_ENDS = frozenset(
    [
        *(cue[-1] for cue in (*P.INCREASE_ZH, *P.DECREASE_ZH)),
        *P.DIRECTION_PARTICLES_ZH,
        *P.DIRECTION_LINKS_ZH,
    ]
)
# The longest DIRECTION_BEFORE_ZH_RE match: a cue, a particle, two spaces, a link, two spaces.
_ZH_DIRECTION_LONGEST = (
    max(map(len, (*P.INCREASE_ZH, *P.DECREASE_ZH)))
    + max(map(len, P.DIRECTION_PARTICLES_ZH))
    + max(map(len, P.DIRECTION_LINKS_ZH))
    + 2 * len("  ")
)
_DIRECTION_VERBS = frozenset([*P.INCREASE_VERBS_EN, *P.DECREASE_VERBS_EN])
# A direction verb is followed by at most this many words ("by" included) before the number.
_WORDS_AFTER_VERB = P.DIRECTION_MAX_GAP_WORDS + 1


def _last_non_space(half: str, start: int, lowest: int) -> str:
    """The last character before ``start`` and any spaces, from ``lowest`` on ("" for none)."""
    i = start - 1
    while i >= lowest and half[i] == " ":
        i -= 1
    return half[i] if i >= lowest else ""


def _word_before(half: str, start: int, lowest: int) -> str:
    """The ASCII letters right before ``start`` and one or more spaces, lower case; "" when
    there are none (no space, or no letter); ``_MAYBE`` next to a letter outside ASCII."""
    i = start - 1
    if i < lowest or half[i] != " ":
        return ""
    while i >= lowest and half[i] == " ":
        i -= 1
    last = i
    while i >= lowest and half[i].isalpha():
        if not half[i].isascii():
            return _MAYBE
        i -= 1
    return half[i + 1 : last + 1].lower()


def qualifier_may_end_before(half: str, start: int) -> bool:
    """False when QUALIFIER_BEFORE_RE cannot match right before ``start``: the cue and at most
    two spaces end there, and the cue ends with a word of ``_QUALIFIER_LAST_WORDS``, a mark of
    ``_QUALIFIER_MARKS`` or a character of ``_QUALIFIER_ZH_ENDS``."""
    lowest = max(0, start - QUALIFIER_WINDOW)
    i = start - 1
    while i >= max(lowest, start - 2) and half[i] == " ":
        i -= 1
    if i < lowest:
        return False
    last = half[i]
    if last in _QUALIFIER_MARKS or last in _QUALIFIER_ZH_ENDS:
        return True
    if not last.isalpha():
        return False
    first = i
    while first > lowest and half[first - 1].isalpha():
        first -= 1
    word = half[first : i + 1]
    return not word.isascii() or word.lower() in _QUALIFIER_LAST_WORDS


# The longest Chinese qualifier cue and the spaces QUALIFIER_BEFORE_RE allows after it.
_ZH_QUALIFIER_LONGEST = max(map(len, P.QUALIFIERS_BEFORE_ZH)) + len("  ")


def qualifier_window(half: str, start: int) -> int:
    """Where QUALIFIER_BEFORE_RE is searched from for a mention at ``start``: QUALIFIER_WINDOW
    characters back, or, when a Chinese cue's last character stands before ``start`` (and at
    most two spaces), only as far back as a Chinese cue reaches: no English cue ends with a
    Chinese character."""
    lowest = max(0, start - QUALIFIER_WINDOW)
    i = start - 1
    while i >= max(lowest, start - 2) and half[i] == " ":
        i -= 1
    if i >= lowest and half[i] in _QUALIFIER_ZH_ENDS:
        return max(lowest, start - _ZH_QUALIFIER_LONGEST)
    return lowest


def _verb_may_precede(half: str, start: int, lowest: int) -> bool:
    """False when DIRECTION_BEFORE_EN_RE cannot match before ``start``: its verb ends one of
    the last ``_WORDS_AFTER_VERB + 1`` space-separated words there, and is in
    ``_DIRECTION_VERBS``."""
    if start <= lowest or half[start - 1] not in " yYoO":  # spaces, or "by"/"to" at the end
        return False
    for word in half[lowest:start].split()[-_WORDS_AFTER_VERB - 1 :]:
        if not word.isascii():
            return True
        end = len(word)
        first = end
        while first > 0 and word[first - 1].isalpha():
            first -= 1
        if first < end and word[first:].lower() in _DIRECTION_VERBS:
            return True
    return False
