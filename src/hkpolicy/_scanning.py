"""Scanning machinery shared by the date and percentage scanners (private).

Owns :class:`AnchoredPattern` and :func:`anchored_matches` (the matches of a slow pattern, found
by trying it only near a cheap anchor), :func:`halfwidth_view` (the text the patterns run on,
one character for one), :func:`new_span` (a :class:`~hkpolicy.spans.Span` built without
validation) and :func:`longest_first` (non-overlapping candidates, longest first).
"""

from __future__ import annotations

import keyword
import operator
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple, Protocol, TypeVar

import regex

from ._lexicon import NUMBER_HALFWIDTH
from ._numerals import to_halfwidth
from .spans import Span, TakenCharacters, construct_trusted

__all__ = [
    "STARTS_LOOKAHEAD",
    "AnchoredPattern",
    "GroupNumbers",
    "Located",
    "anchored_matches",
    "ascii_folded",
    "contains_any",
    "halfwidth_view",
    "has_fullwidth",
    "longest_first",
    "new_span",
]


class GroupNumbers:
    """The numbers of a pattern's named groups, as attributes: ``m.group(G.year)`` where ``G =
    GroupNumbers(pattern)``; a group named by a Python keyword gets a trailing "_" (``G.from_``).
    `regex` looks a name up on every ``group``, ``start`` or ``end`` call (about 0.4 µs, five
    times a call by number), so hot loops read groups by number."""

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        for name, number in pattern.groupindex.items():
            setattr(self, f"{name}_" if keyword.iskeyword(name) else name, number)

    def __getattr__(self, name: str) -> int:  # only for names the pattern lacks
        raise AttributeError(f"no group named {name!r}")


def new_span(source: str, start: int, end: int, doc_id: str | None) -> Span:
    """``Span.of(source, start, end, doc_id)``, built without validation (``start <= end``
    within ``source``)."""
    return construct_trusted(
        Span, {"doc_id": doc_id, "start": start, "end": end, "text": source[start:end]}
    )


def has_fullwidth(text: str) -> bool:
    """True when ``to_halfwidth`` would change ``text``."""
    return NUMBER_HALFWIDTH.changes(text)


def contains_any(text: str, chars: str) -> bool:
    """True when ``text`` holds one of ``chars``: a scan for a handful of characters costs a
    small part of one regex pass, so a pattern whose matches all hold one is run only then."""
    return any(char in text for char in chars)


def ascii_folded(text: str) -> bytes:
    """``text`` as one byte per character, for case-insensitive searches of ASCII words with a
    bytes pattern: ASCII letters lower case, every character outside ASCII ``?``. Offsets are
    the text's. A bytes literal search runs several times faster than a case-insensitive one
    of `regex` on the text; a caller must still check what ``?`` stands for where it matters,
    and the few characters outside ASCII that fold to an ASCII letter (the Kelvin sign to k)."""
    return text.encode("ascii", "replace").lower()


def halfwidth_view(text: str) -> str:
    """``to_halfwidth(text)``, which is ``text`` itself when nothing would change (no copy)."""
    return to_halfwidth(text)


class Located(Protocol):
    """A candidate mention: the characters ``[start, end)`` it would cover."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


C = TypeVar("C", bound=Located)


def longest_first(
    candidates: Iterable[C], size: int, skip: Iterable[tuple[int, int]] = ()
) -> list[C]:
    """The candidates that win when the longest (then the earliest) is taken first, none
    overlapping another or a ``skip`` range, in text order. ``size`` is the text's length."""
    taken = TakenCharacters(size, skip)
    in_order = sorted(candidates, key=_start)
    if _disjoint_in_order(in_order):
        # Nothing to choose between: every candidate that misses the skipped ranges wins.
        if taken.taken.find(1) == -1:  # and nothing is skipped
            return in_order
        return [c for c in in_order if taken.add(c.start, c.end)]
    ordered = sorted(in_order, key=lambda c: (c.start - c.end, c.start))
    chosen = [c for c in ordered if taken.add(c.start, c.end)]
    chosen.sort(key=lambda c: c.start)
    return chosen


_start = operator.attrgetter("start")


def _disjoint_in_order(candidates: list[C]) -> bool:
    """True when every candidate is non-empty and starts at or after the end of the one before
    (then the longest-first choice keeps their order and drops only what the skip ranges hit)."""
    end = 0
    for c in candidates:
        if c.start < end or c.end <= c.start:
            return False
        end = c.end
    return True


# Characters past the last start position that a ``starts`` look-ahead may read ("seventeen").
STARTS_LOOKAHEAD = 16


class AnchoredPattern(NamedTuple):
    """How to find the matches of a slow ``pattern`` by trying it only near cheap anchors.

    Every match of ``pattern`` contains a match of ``anchor``, starts at most ``lead`` characters
    before that anchor's start (with ``spaces_free``, ``lead`` counts non-space characters only,
    for patterns with ``[ ]+``), after the last ``barrier`` character before it (a reverse
    pattern for a character no match holds there; None for none), and at a position where the
    zero-width ``starts`` (the pattern's look-behind and first characters) matches. Where
    ``sole_start(text, anchor_start)`` gives a position (read cheaply from the characters before
    the anchor), a match holding the anchor can start there only; None says nothing.
    ``lookahead`` is how many characters past the anchor's last one the ``starts`` look-ahead
    may read (0 for a look-ahead of one character class): ``starts`` is searched no further.
    ``quick`` is a cheaper pattern for the commonest form: where it matches at a ``sole_start``
    position, ``pattern``'s match there is the same (a caller tells the two apart by ``m.re``),
    and ``pattern`` is not run.
    """

    pattern: regex.Pattern[str]
    anchor: regex.Pattern[str]
    starts: regex.Pattern[str]
    lead: int
    barrier: regex.Pattern[str] | None = None
    spaces_free: bool = False
    sole_start: Callable[[str, int], int | None] | None = None
    lookahead: int = STARTS_LOOKAHEAD
    quick: regex.Pattern[str] | None = None


# AnchoredPattern.spaces_free: the position ``lead`` non-space characters back (reverse pattern).
_NON_SPACE_BACK: dict[int, regex.Pattern[str]] = {}


def _non_space_back(lead: int) -> regex.Pattern[str]:
    if lead not in _NON_SPACE_BACK:
        _NON_SPACE_BACK[lead] = regex.compile(rf"(?r)(?:[ ]*[^ ]){{0,{lead}}}[ ]*")
    return _NON_SPACE_BACK[lead]


def anchored_matches(
    spec: AnchoredPattern,
    text: str,
    anchors: Iterable[tuple[int, int]] | None = None,
) -> Iterator[regex.Match[str]]:
    """Exactly the matches of ``spec.pattern.finditer(text)``, in order, at a fraction of the cost.

    ``finditer`` tries the pattern at every position from the end of the previous match on and
    reports the first that matches. Here the pattern is tried (``match``) only where a match can
    start, by ``spec``: within the lead before an anchor, after any barrier, where ``starts``
    matches, never inside the previous match; so the same matches come out. Starts are tried in
    increasing order, each at most once, and each anchor looks back at most ``lead`` characters
    (plus spaces with ``spaces_free``): the cost is linear. ``anchors`` are ``(start, end)``
    spans in increasing order (default: ``spec.anchor``'s)."""
    pattern_match, starts = spec.pattern.match, spec.starts.finditer
    barrier, sole_start = spec.barrier, spec.sole_start
    quick_match = spec.quick.match if spec.quick is not None else None
    back = _non_space_back(spec.lead) if spec.spaces_free else None
    lead, reach = spec.lead, spec.lookahead
    if anchors is None:
        anchors = (m.span() for m in spec.anchor.finditer(text))
    pos = 0  # end of the previous match: finditer never starts a match before it
    tried = 0  # every start position below this one has been tried already
    for a_start, a_end in anchors:
        if a_end <= pos or a_end <= tried:
            continue
        only = sole_start(text, a_start) if sole_start is not None else None
        if only is not None:
            if only >= pos and only >= tried:
                m = quick_match(text, only) if quick_match is not None else None
                if m is None:
                    m = pattern_match(text, only)
                if m is not None:
                    yield m
                    pos = m.end()
            tried = a_end
            continue
        # Lowest start for this anchor. ``back`` (which always matches) ends at or below
        # ``a_start - lead``: it runs only when that is above the floor (dense anchors skip it).
        floor = pos if pos > tried else tried
        low = a_start - lead
        if low <= floor:
            low = floor
        elif back is not None:
            low = max(back.match(text, 0, a_start).start(), floor)  # type: ignore[union-attr]
        if barrier is not None and low < a_start:
            wall = barrier.search(text, low, a_start)
            if wall is not None:
                low = wall.end()
        for found in starts(text, low, a_end + reach):  # an endpos past the text is its end
            start = found.start()
            if start >= a_end:
                break
            if start < pos:
                continue
            m = pattern_match(text, start)
            if m is not None:
                yield m
                pos = m.end()
        tried = a_end
