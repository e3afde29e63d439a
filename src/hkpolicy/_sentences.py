"""Sentence bounds in English and Chinese text, for tying mentions that share a sentence.

A sentence ends at ``.``, ``!`` or ``?`` followed by white space and a capital, a quote, a
bracket, a Han character or the end of the text (so "3.07", "U.S. dollars" and "e.g. the" do not
end one), at 。！？； and at every line break. One linear pass of a pattern with no nested
quantifiers, over the lines around the offsets asked about: a line break always ends a
sentence, so whole lines are split on their own, and a text is read only where its mentions are.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

import regex

__all__ = ["SentenceIndex"]


def __dir__() -> list[str]:
    return __all__


_SENTENCE_END_RE = regex.compile(
    r"[.!?](?=[\"'”’)]?\s+[\p{Lu}\p{Han}\"“‘(\[]|[\"'”’)]?\s*$)"  # English full stop
    r"|[。！？；]"  # Chinese sentence ends
    r"|\n"  # a line break always ends a sentence in scraped text
)
# The fewest characters split at once: a piece of text is split from a line start to the first
# line break this far on, so that a text dense with mentions is split in a few long passes,
# and a text with few mentions only around them.
MIN_PIECE = 512


class _Piece(NamedTuple):
    """Whole lines of the text, ``[start, end)``, and the sentences in them (each trimmed of
    white space and not empty, in order). ``end`` is a line break, or the end of the text."""

    start: int
    end: int
    starts: list[int]
    sentences: list[tuple[int, int]]


class SentenceIndex:
    """The sentences of one text, looked up by character offset.

    The text is split into sentences piece by piece, each piece (whole lines, at least
    :data:`MIN_PIECE` characters or to the next piece) the first time an offset in it is asked
    about. Pieces are disjoint, and a new one is found between its known neighbours (its line
    breaks are looked for no further), so however the offsets come, every character is read a
    bounded number of times.
    """

    __slots__ = ("_last", "_piece_starts", "_pieces", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._pieces: list[_Piece] = []
        """The pieces split so far, in text order."""
        self._piece_starts: list[int] = []
        self._last: _Piece | None = None
        """The piece of the last offset asked about (offsets mostly come in text order)."""

    def sentence_of(self, offset: int) -> tuple[int, int] | None:
        """The ``(start, end)`` of the sentence holding ``offset``, or None between sentences
        (on white space, a line break or outside the text). Two offsets share a sentence when
        they get equal bounds."""
        text = self._text
        if offset < 0 or offset >= len(text) or text[offset] == "\n":
            return None
        piece = self._last
        if piece is None or not piece.start <= offset < piece.end:
            piece = self._piece_at(offset)
            self._last = piece
        position = bisect.bisect_right(piece.starts, offset) - 1
        if position >= 0 and offset < piece.sentences[position][1]:
            return piece.sentences[position]
        return None

    def _piece_at(self, offset: int) -> _Piece:
        """The piece holding ``offset`` (not a line break), found or split now."""
        text, pieces = self._text, self._pieces
        index = bisect.bisect_right(self._piece_starts, offset) - 1
        if index >= 0 and offset < pieces[index].end:
            return pieces[index]
        # In a gap: the piece before ends at a line break (or there is none), and the piece
        # after starts just past one, so the new piece is whole lines between them.
        floor = pieces[index].end if index >= 0 else 0
        start = text.rfind("\n", floor, offset) + 1
        if index + 1 < len(pieces):
            ceiling = pieces[index + 1].start - 1  # the line break before the next piece
            end = text.find("\n", max(offset, start + MIN_PIECE), ceiling)
            end = ceiling if end < 0 else end
        else:
            end = text.find("\n", max(offset, start + MIN_PIECE))
            end = len(text) if end < 0 else end
        piece = _split(text, start, end)
        pieces.insert(index + 1, piece)
        self._piece_starts.insert(index + 1, start)
        return piece


def _split(text: str, start: int, end: int) -> _Piece:
    """The sentences of the whole lines ``text[start:end]``.

    The pattern runs on the piece alone. A full stop decides by what follows it, and only the
    last one of a piece can have nothing but a quote and white space (line breaks included) up
    to ``end``, so only its verdict can depend on the text past ``end``: it is checked again on
    the whole text, as a pass over the whole text would read it."""
    stops = [match.start() for match in _SENTENCE_END_RE.finditer(text, start, end)]
    final = len(stops) - 1
    while final >= 0 and text[stops[final]] == "\n":
        final -= 1  # line breaks after the last full stop are white space it may read over
    if (
        final >= 0
        and text[stops[final]] in ".!?"
        and not _SENTENCE_END_RE.match(text, stops[final])
    ):
        del stops[final]
    sentences: list[tuple[int, int]] = []
    begin = start
    for stop in (*stops, end):
        after = stop + 1
        if stop < end and text[stop] != "\n":
            stop = after  # a full stop belongs to its sentence; a line break to none
        while begin < stop and text[begin].isspace():
            begin += 1
        last = stop
        while last > begin and text[last - 1].isspace():
            last -= 1
        if last > begin:
            sentences.append((begin, last))
        begin = after
    return _Piece(start, end, [s[0] for s in sentences], sentences)
