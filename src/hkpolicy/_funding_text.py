"""What every funding rule shares: the window it reads, pattern building from the cue words,
the patterns more than one rule runs, and the heading above a paragraph.

Every pattern of the funding assembler runs on a window of at most :data:`WINDOW` characters
around one amount, so the assembly costs O(amounts * WINDOW) whatever the length of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import regex

from . import _funding_cues as cues
from ._lexicon import longest_first

__all__ = [
    "CEILING_RE",
    "FUNDING_VERBS",
    "FUNDING_VERB_RE",
    "HAN_RE",
    "HEADING_REACH",
    "MAX_HEADING",
    "NOT_TARGET_RE",
    "WINDOW",
    "RareCue",
    "ScriptWords",
    "has_han",
    "heading",
    "trie_alternation",
    "words_re",
]

# The widest stretch either side of an amount that any rule reads.
WINDOW = 240
# How far back from a sentence its heading may start (blank lines and the heading itself).
HEADING_REACH = 2 * WINDOW
# A heading is a line of at most this many characters without a sentence end.
MAX_HEADING = 80


def trie_alternation(words: Iterable[str]) -> str:
    """The alternation of ``words`` that :func:`hkpolicy._lexicon.alternation` writes (longest
    first, escaped), with the words that share a first character gathered under it: "fund|fee
    of|for" is written "f(?:ee\\ of|und|or)".

    Both forms match the same text in the same order of preference at every position, with or
    without IGNORECASE: no two first characters can match one text character (each is a lower
    case ASCII letter, or a character without case such as a Han one or a digit; checked
    here), so at a position only one group can match, and inside it the words keep their
    longest-first order (a one-character word is the shortest of its group, so it stays the
    last choice). The engine then tries one character per group at a position instead of
    every word: about 1.4 to 2 times as fast on the cue lists here.
    """
    groups: dict[str, list[str]] = {}
    for word in longest_first(words):
        first = word[:1]
        if not (first.isascii() and first.islower()) and first.swapcase() != first:
            raise ValueError(f"a cue word starts with a character with case: {word!r}")
        groups.setdefault(first, []).append(word)
    parts = []
    for first, group in groups.items():
        if len(group) == 1:
            parts.append(re.escape(group[0]))
        else:
            rests = "|".join(re.escape(word[1:]) for word in group)
            parts.append(f"{re.escape(first)}(?:{rests})")
    return "|".join(parts)


def words_re(words: Iterable[str], *, prefix: bool = False) -> regex.Pattern[str]:
    """Words in any script: English ones at word bounds (``prefix``: word starts only)."""
    listed = list(words)
    english = [w for w in listed if w.isascii()]
    chinese = [w for w in listed if not w.isascii()]
    parts = []
    if english:
        tail = r"\w*" if prefix else r"\b"
        parts.append(rf"\b(?:{trie_alternation(english)}){tail}")
    if chinese:
        parts.append(f"(?:{trie_alternation(chinese)})")
    # ASCII: only ASCII letters fold, so a match lower-cased is always one of the words (no
    # "ſ" or Kelvin-sign look-alikes), and a Han character next to an English word is a bound.
    return regex.compile("|".join(parts), regex.IGNORECASE | regex.ASCII)


HAN_RE = regex.compile(r"\p{Han}")
_ASCII_LETTER_RE = regex.compile(r"[A-Za-z]")


def has_han(text: str, low: int, high: int) -> bool:
    """Whether ``text[low:high]`` holds a Han character (``HAN_RE`` finds one there). A window
    of ASCII only holds none: the commonest answer in English text, told without the pattern."""
    if text[low:high].isascii():
        return False
    return HAN_RE.search(text, low, high) is not None


class ScriptWords:
    """:func:`words_re` of ``words``, whose :meth:`finditer` runs the pattern of one script
    where the window holds no letter of the other.

    Every English word holds an ASCII letter and every Chinese one a Han character (checked
    here), and a match is one word (only ASCII letters fold), so in a window without Han
    characters only English words can match, and without ASCII letters only Chinese ones: the
    smaller pattern finds the same matches, at about half the cost of the whole.
    """

    __slots__ = ("chinese", "either", "english")

    def __init__(self, words: Iterable[str], *, prefix: bool = False) -> None:
        listed = list(words)
        english = [w for w in listed if w.isascii()]
        chinese = [w for w in listed if not w.isascii()]
        if not english or not chinese:
            raise ValueError("ScriptWords needs words in both scripts")
        for word in english:
            if _ASCII_LETTER_RE.search(word) is None:
                raise ValueError(f"English cue word without a letter: {word!r}")
        for word in chinese:
            if HAN_RE.search(word) is None:
                raise ValueError(f"Chinese cue word without a Han character: {word!r}")
        self.either = words_re(listed, prefix=prefix)
        self.english = words_re(english, prefix=prefix)
        self.chinese = words_re(chinese, prefix=prefix)

    def finditer(self, text: str, low: int, high: int) -> Iterator[regex.Match[str]]:
        """The matches of the whole pattern in ``text[low:high]``, in order."""
        if not has_han(text, low, high):
            return self.english.finditer(text, low, high)
        if _ASCII_LETTER_RE.search(text, low, high) is None:
            return self.chinese.finditer(text, low, high)
        return self.either.finditer(text, low, high)


class RareCue:
    """A cue pattern that seldom matches, not run on a window of ASCII only that holds none of
    its English ``needles`` (lower case) up to case: every match of the pattern in such a
    window holds one of them (its Chinese words cannot match there), so the window holds no
    match, told by a slice and a few substring tests, several times cheaper than the pattern
    on a sentence of English. Any other window is searched by the pattern itself.

    A pattern that folds all letters, not ASCII ones only, also matches "ſ", "K" and "İ" to
    "s", "k" and "i", which no ASCII window holds, so its needles need no other care.
    """

    __slots__ = ("needles", "pattern")

    def __init__(self, pattern: regex.Pattern[str], needles: Iterable[str]) -> None:
        self.pattern = pattern
        self.needles = tuple(needles)
        for needle in self.needles:
            if not needle.isascii() or needle != needle.lower():
                raise ValueError(f"needles are lower case ASCII: {needle!r}")

    def may_match(self, text: str, low: int, high: int) -> bool:
        """Whether the pattern may match in ``text[low:high]`` (False: it finds nothing)."""
        window = text[low:high]
        if not window.isascii():
            return True
        return any(map(window.lower().__contains__, self.needles))

    def search(self, text: str, low: int, high: int) -> regex.Match[str] | None:
        """``pattern.search(text, low, high)``."""
        if not self.may_match(text, low, high):
            return None
        return self.pattern.search(text, low, high)

    def match(self, text: str, low: int, high: int) -> regex.Match[str] | None:
        """``pattern.match(text, low, high)``."""
        if not self.may_match(text, low, high):
            return None
        return self.pattern.match(text, low, high)

    def finditer(self, text: str, low: int, high: int) -> Iterator[regex.Match[str]]:
        """``pattern.finditer(text, low, high)``."""
        if not self.may_match(text, low, high):
            return iter(())
        return self.pattern.finditer(text, low, high)


FUNDING_VERBS = ScriptWords(cues.FUNDING_VERBS, prefix=True)
FUNDING_VERB_RE = FUNDING_VERBS.either
CEILING_RE = words_re(cues.CEILING_WORDS)
NOT_TARGET_RE = words_re(cues.NOT_TARGET_INITIATIVES)


def heading(text: str, start: int) -> tuple[int, int] | None:
    """The line above the paragraph holding ``start`` when it reads as a heading."""
    floor = max(0, start - HEADING_REACH)  # bounded: a long line never costs a scan per amount
    newline = text.rfind("\n", floor, start)
    if newline < 0:
        return None
    probe = newline
    while probe > floor and text[probe - 1] in " \t\n\r":
        probe -= 1
    begin = max(text.rfind("\n", floor, probe) + 1, floor)
    line = text[begin:probe]
    if not line.strip() or len(line) > MAX_HEADING or line.rstrip()[-1:] in ".。:：;；,，":
        return None
    return begin, probe
