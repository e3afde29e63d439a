"""What every funding rule shares: the window it reads, pattern building from the cue words,
the patterns more than one rule runs, and the heading above a paragraph.

Every pattern of the funding assembler runs on a window of at most :data:`WINDOW` characters
around one amount, so the assembly costs O(amounts * WINDOW) whatever the length of a sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import regex

from . import _funding_cues as cues

__all__ = [
    "CEILING_RE",
    "FUNDING_VERBS",
    "FUNDING_VERB_RE",
    "HAN_RE",
    "HEADING_REACH",
    "MAX_HEADING",
    "NOT_TARGET_RE",
    "WINDOW",
    "ScriptWords",
    "heading",
    "words_re",
]

# The widest stretch either side of an amount that any rule reads.
WINDOW = 240
# How far back from a sentence its heading may start (blank lines and the heading itself).
HEADING_REACH = 2 * WINDOW
# A heading is a line of at most this many characters without a sentence end.
MAX_HEADING = 80


def words_re(words: Iterable[str], *, prefix: bool = False) -> regex.Pattern[str]:
    """Words in any script: English ones at word bounds (``prefix``: word starts only)."""
    listed = list(words)
    english = [w for w in listed if w.isascii()]
    chinese = [w for w in listed if not w.isascii()]
    parts = []
    if english:
        tail = r"\w*" if prefix else r"\b"
        parts.append(rf"\b(?:{trie_alternation(english, fold=True)}){tail}")
    if chinese:
        parts.append(f"(?:{trie_alternation(chinese, fold=True)})")
    # ASCII: only ASCII letters fold, so a match lower-cased is always one of the words (no
    # "ſ" or Kelvin-sign look-alikes), and a Han character next to an English word is a bound.
    return regex.compile("|".join(parts), regex.IGNORECASE | regex.ASCII)


_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def trie_alternation(words: Iterable[str], *, fold: bool = False) -> str:
    """A regex alternation of the distinct ``words`` with their shared beginnings written once
    (``allocat|award|a boost of`` -> ``a(?:llocat|ward| boost of)``), so the engine reads each
    character once at a position instead of once per word: about twice as fast as
    :func:`~hkpolicy._lexicon.alternation` on the cue lists.

    It matches what the longest-first alternation matches, at every position and with every
    continuation: the words that can match at one position all lie on one path of the trie
    (the text's next character picks the branch), and on that path longer words are tried
    first (a branch before the end of the shorter word), as longest-first tries them. For a
    pattern that ignores case, ``fold`` lower-cases ASCII letters, so that no two branches
    match one character ("Fund" and "funding" on one path); a word with another cased letter
    is refused, as its case variants could still split a path.

    :raises ValueError: with ``fold``, for a word holding a cased letter that is not ASCII.
    """
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        if fold:
            if any(not char.isascii() and char.lower() != char.upper() for char in word):
                raise ValueError(f"cue word with a cased letter that is not ASCII: {word!r}")
            word = word.translate(_ASCII_LOWER)
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict[str, Any]]) -> str:
    branches = [
        regex.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")


HAN_RE = regex.compile(r"\p{Han}")
_ASCII_LETTER_RE = regex.compile(r"[A-Za-z]")


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
        if HAN_RE.search(text, low, high) is None:
            return self.english.finditer(text, low, high)
        if _ASCII_LETTER_RE.search(text, low, high) is None:
            return self.chinese.finditer(text, low, high)
        return self.either.finditer(text, low, high)


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
