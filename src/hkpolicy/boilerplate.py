"""Boilerplate in scraped articles: the lines and fragments that are not article text.

Owns :func:`find_boilerplate`, which returns :class:`Boilerplate` spans (advertisement slots,
reading-time and trust notices, photo captions, bylines, SEO keyword stuffing, and runs of
truncated teaser links). The text itself is never altered, so every offset stays valid; the
extractors skip facts that fall inside these spans.

The rules are vocabulary kept as UPPER_CASE data, so a user can extend them for other sites.
Every pattern here is applied to one line at a time and is linear in that line's length.
"""

from __future__ import annotations

import bisect
import string
from collections.abc import Iterator
from typing import Literal

import regex

from .spans import Record, Span, check_optional_str, check_text

__all__ = ["Boilerplate", "BoilerplateKind", "find_boilerplate"]


def __dir__() -> list[str]:
    return __all__


BoilerplateKind = Literal[
    "advertisement", "reading_time", "trust_notice", "caption", "byline", "seo_fragment", "teaser"
]


class Boilerplate(Record):
    """A stretch of a document that is not article text."""

    kind: BoilerplateKind
    """What sort of boilerplate this is."""
    span: Span
    """Where it is: a whole line (without its newline), or a fragment inside a sentence."""


# Lines that are only an advertisement slot marker (compared case-insensitively, trimmed).
ADVERTISEMENT_LINES = frozenset({"advertisement", "sponsored", "sponsored content", "廣告"})

# Longest line the single-line rules consider: real paragraphs are longer and never match.
MAX_NOTICE_LINE = 400
# White space allowed around a notice line before it counts as too long to be one.
MAX_PADDING = 40
# Teaser links come in runs; one truncated line alone is more likely an ordinary ellipsis.
MIN_TEASER_RUN = 3

# Each pattern is matched against one line; none nests quantifiers, so each is linear.
READING_TIME_RE = regex.compile(
    r"(?i)^(?:reading|read)\s+time\s*:?\s*\d{1,3}\s*(?:min|mins|minutes?)\.?$"
    r"|^閱讀時間\s*[:：]?\s*\d{1,3}\s*分鐘$"
)
TRUST_NOTICE_RE = regex.compile(r"(?i)^why you can trust \S+$")
CAPTION_RE = regex.compile(
    r"(?:Photo|Photograph|Image|Picture)s?(?:\s+credit)?:\s*[^\s:][^:]{0,60}$"
)
BYLINE_RE = regex.compile(
    r"^By\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$"  # "By Admin", "By Jane Lee"
    # A scraped dateline byline with the "in" glued on: "Wency Chenin Shanghai".
    r"|^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2}in\s\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?$"
)
TEASER_ENDINGS = ("...", "…")

# Keyword stuffing inserted into English sentences by SEO plug-ins.
SEO_FRAGMENTS = ("香港AI",)
# A listed fragment counts only inside an English sentence: a Latin letter or punctuation and a
# space before it, a space and a Latin letter after. Matched only where str.find saw it.
SEO_LISTED_RE = regex.compile(
    r"(?<=[\p{Latin},.;:][ \u00a0])(?:"
    + "|".join(map(regex.escape, SEO_FRAGMENTS))
    + r")(?=[ \u00a0]\p{Latin})"
)
# Words glued with U+0100 and a no-break space, the trace of a mangled keyword list. Matched
# from a word's first letter only, possessively, so each letter is read once.
GLUED_MARKER = "\u0100\u00a0"
GLUED_WORDS_RE = regex.compile(r"[A-Za-z]++(?:\u0100\u00a0[A-Za-z]++)+")
_ASCII_LETTERS = frozenset(string.ascii_letters)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line, without its line break."""
    start = 0
    length = len(text)
    while start <= length:
        newline = text.find("\n", start)
        end = length if newline == -1 else newline
        stop = end - 1 if end > start and text[end - 1] == "\r" else end
        yield start, stop
        if newline == -1:
            return
        start = newline + 1


def _line_kind(line: str) -> BoilerplateKind | None:
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_NOTICE_LINE:
        return None
    if stripped.casefold() in ADVERTISEMENT_LINES:
        return "advertisement"
    if READING_TIME_RE.search(stripped):
        return "reading_time"
    if TRUST_NOTICE_RE.search(stripped):
        return "trust_notice"
    if CAPTION_RE.search(stripped):
        return "caption"
    if BYLINE_RE.search(stripped):
        return "byline"
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _seo_fragments(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each SEO fragment, in order. Patterns run only where ``str.find``
    saw a fragment or the glue marker, so plain text costs a few C-speed scans."""
    found: list[tuple[int, int]] = []
    for fragment in SEO_FRAGMENTS:
        at = text.find(fragment)
        while at != -1:
            if SEO_LISTED_RE.match(text, at):
                found.append((at, at + len(fragment)))
            at = text.find(fragment, at + 1)
    at = text.find(GLUED_MARKER)
    while at != -1:
        start = at
        while start > 0 and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        match = GLUED_WORDS_RE.match(text, start) if start < at else None
        if match is not None:
            found.append(match.span())
            at = text.find(GLUED_MARKER, match.end())
        else:
            at = text.find(GLUED_MARKER, at + len(GLUED_MARKER))
    found.sort()
    return found


def find_boilerplate(text: str, *, doc_id: str | None = None) -> list[Boilerplate]:
    """Every boilerplate line and fragment in ``text``, in order. Never raises.

    Line rules look only at lines of at most MAX_NOTICE_LINE characters; SEO fragments are
    found in one pass over the text, outside the lines already marked.

    >>> [b.kind for b in find_boilerplate("Advertisement\\nHK$1 billion for AI.\\nBy Admin")]
    ['advertisement', 'byline']
    """
    check_text("find_boilerplate", text)
    check_optional_str("find_boilerplate", "doc_id", doc_id)
    found: list[Boilerplate] = []
    teaser_run: list[tuple[int, int]] = []

    def close_teaser_run() -> None:
        if len(teaser_run) >= MIN_TEASER_RUN:
            found.extend(
                Boilerplate(kind="teaser", span=Span.of(text, s, e, doc_id)) for s, e in teaser_run
            )
        teaser_run.clear()

    for line_start, line_end in _lines(text):
        if line_end - line_start > MAX_NOTICE_LINE + 2 * MAX_PADDING:
            close_teaser_run()  # a paragraph: no notice, no teaser link
            continue
        start, end = _trimmed(text, line_start, line_end)
        if start == end or end - start > MAX_NOTICE_LINE:
            close_teaser_run()
            continue
        line = text[start:end]
        if line.endswith(TEASER_ENDINGS):
            teaser_run.append((start, end))
            continue
        close_teaser_run()
        kind = _line_kind(line)
        if kind is not None:
            found.append(Boilerplate(kind=kind, span=Span.of(text, start, end, doc_id)))
    close_teaser_run()
    marked = sorted((b.span.start, b.span.end) for b in found)
    starts = [s for s, _ in marked]
    for start, end in _seo_fragments(text):
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and marked[index][1] > start:
            continue  # inside a line already marked as a whole
        found.append(Boilerplate(kind="seo_fragment", span=Span.of(text, start, end, doc_id)))
    found.sort(key=lambda item: item.span.start)
    return found
