"""Sentence bounds in English and Chinese text, for tying mentions that share a sentence.

A sentence ends at ``.``, ``!`` or ``?`` followed by white space and a capital, a quote, a
bracket, a Han character or the end of the text (so "3.07", "U.S. dollars" and "e.g. the" do not
end one), at 。！？； and at every line break. One linear pass of a pattern with no nested
quantifiers.
"""

from __future__ import annotations

import bisect

import regex

__all__ = ["SentenceIndex"]


def __dir__() -> list[str]:
    return __all__


_SENTENCE_END_RE = regex.compile(
    r"[.!?](?=[\"'”’)]?\s+[\p{Lu}\p{Han}\"“‘(\[]|[\"'”’)]?\s*$)"  # English full stop
    r"|[。！？；]"  # Chinese sentence ends
    r"|\n"  # a line break always ends a sentence in scraped text
)


class SentenceIndex:
    """The sentences of one text, looked up by character offset."""

    def __init__(self, text: str) -> None:
        bounds: list[tuple[int, int]] = []
        start = 0
        for match in _SENTENCE_END_RE.finditer(text):
            end = match.end() if match.group() != "\n" else match.start()
            if end > start:
                bounds.append(_trim(text, start, end))
            start = match.end()
        if start < len(text):
            bounds.append(_trim(text, start, len(text)))
        self.bounds = [b for b in bounds if b[1] > b[0]]
        self._starts = [b[0] for b in self.bounds]

    def index_of(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset``, or None between sentences."""
        position = bisect.bisect_right(self._starts, offset) - 1
        if position >= 0 and self.bounds[position][0] <= offset < self.bounds[position][1]:
            return position
        return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
