"""Boilerplate in scraped articles: the lines and fragments that are not article text.

Owns :func:`find_boilerplate`, which returns :class:`Boilerplate` spans (advertisement slots,
reading-time and trust notices, photo captions, bylines, SEO keyword stuffing, and runs of
truncated teaser links). The text itself is never altered, so every offset stays valid; the
extractors skip facts that fall inside these spans.

The rules' words are UPPER_CASE data kept apart from the algorithm, so a reader sees what each
rule looks for; they are read-only (the patterns built from them are compiled at import).
Every pattern here is applied to one line at a time and is linear in that line's length.
"""

from __future__ import annotations

import bisect
import operator
import string
from typing import Literal

import regex

from .spans import Record, Span, check_optional_str, check_text, construct_trusted

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


def new_boilerplate(*, kind: BoilerplateKind, span: Span) -> Boilerplate:
    """A Boilerplate of values valid by construction, without validation."""
    return construct_trusted(Boilerplate, {"kind": kind, "span": span})


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
# Every CAPTION_RE match holds one of these words: the pattern runs only on a line with one.
_CAPTION_WORDS = ("Photo", "Image", "Picture")
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
# Each listed fragment as a literal pattern: `regex` finds a literal faster than str.find.
_SEO_FRAGMENT_RES = tuple(regex.compile(regex.escape(fragment)) for fragment in SEO_FRAGMENTS)
GLUED_WORDS_RE = regex.compile(r"[A-Za-z]++(?:\u0100\u00a0[A-Za-z]++)+")
_ASCII_LETTERS = frozenset(string.ascii_letters)
_LONGEST_ADVERTISEMENT = max(map(len, ADVERTISEMENT_LINES))
# Longest line (without its "\r") examined at all: a notice and its padding.
_LONGEST_LINE = MAX_NOTICE_LINE + 2 * MAX_PADDING


def _line_kind(line: str) -> BoilerplateKind | None:
    """The kind of a trimmed, non-empty line of at most MAX_NOTICE_LINE characters. Each
    pattern is tried only on a line that has its first characters or its colon."""
    # casefold never shortens a string, so a longer line is no advertisement marker
    if len(line) <= _LONGEST_ADVERTISEMENT and line.casefold() in ADVERTISEMENT_LINES:
        return "advertisement"
    if line[0] in _NOTICE_FIRST_CHARS:  # "read", "why" (any case) or 閱讀 start the line
        first = line[:4].lower()
        if (first == "read" or line.startswith("閱讀")) and READING_TIME_RE.search(line):
            return "reading_time"
        if first.startswith("why") and TRUST_NOTICE_RE.search(line):
            return "trust_notice"
    if ":" in line and any(word in line for word in _CAPTION_WORDS) and CAPTION_RE.search(line):
        return "caption"
    # "By Jane Lee", or a dateline of at most six words, one space or tab between each two (the
    # pattern is anchored at the line's start: match, not search)
    if (line.startswith("By") or ("in" in line and line.count(" ") <= 4)) and BYLINE_RE.match(line):
        return "byline"
    return None


# The first characters of a line whose first four, lower-cased, are "read" or start with "why",
# or which starts with 閱讀: R and W are the only characters that lower-case to r and w.
_NOTICE_FIRST_CHARS = frozenset("RrWw閱")


def _line_items(text: str, doc_id: str | None) -> list[Boilerplate]:
    """The boilerplate lines of ``text``, in order: notices of one line, and runs of at least
    MIN_TEASER_RUN teaser lines. Only a line that is not empty and, trimmed, at most
    MAX_NOTICE_LINE characters long (_LONGEST_LINE in all, without its "\r") is looked at."""
    found: list[Boilerplate] = []
    teasers: list[tuple[int, int]] = []  # the current run of teaser lines
    position = 0
    for raw in text.split("\n"):
        line_start = position
        position += len(raw) + 1
        if not raw or (
            len(raw) > _LONGEST_LINE and (len(raw) > _LONGEST_LINE + 1 or raw[-1] != "\r")
        ):
            line = ""  # empty, or too long to strip: a paragraph
        else:
            line = raw.strip()
        if not line or len(line) > MAX_NOTICE_LINE:
            if teasers:  # a paragraph or an empty line: no notice, no teaser link
                _close_teaser_run(text, doc_id, teasers, found)
            continue
        start = line_start + len(raw) - len(raw.lstrip())
        if line.endswith(TEASER_ENDINGS):
            teasers.append((start, start + len(line)))
            continue
        if teasers:
            _close_teaser_run(text, doc_id, teasers, found)
        kind = _line_kind(line)
        if kind is not None:
            span = Span.of(text, start, start + len(line), doc_id)
            found.append(new_boilerplate(kind=kind, span=span))
    _close_teaser_run(text, doc_id, teasers, found)
    return found


def _close_teaser_run(
    text: str, doc_id: str | None, teasers: list[tuple[int, int]], found: list[Boilerplate]
) -> None:
    """Adds the run of teaser lines to ``found`` when it is long enough, and empties it."""
    if len(teasers) >= MIN_TEASER_RUN:
        found.extend(
            new_boilerplate(kind="teaser", span=Span.of(text, s, e, doc_id)) for s, e in teasers
        )
    teasers.clear()


def _find_glued(text: str, start: int) -> int:
    """``text.find(GLUED_MARKER, start)``, found through its rare first character (a search for
    one character is several times faster than for two)."""
    at = text.find(GLUED_MARKER[0], start)
    while at != -1 and not text.startswith(GLUED_MARKER, at):
        at = text.find(GLUED_MARKER[0], at + 1)
    return at


def _seo_fragments(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each SEO fragment, in order. Patterns run only where ``str.find``
    saw a fragment or the glue marker, so plain text costs a few C-speed scans."""
    found: list[tuple[int, int]] = []
    for fragment in _SEO_FRAGMENT_RES:  # every occurrence, overlapping ones too
        for occurrence in fragment.finditer(text, overlapped=True):
            if SEO_LISTED_RE.match(text, occurrence.start()):
                found.append(occurrence.span())
    at = _find_glued(text, 0)
    while at != -1:
        start = at
        while start > 0 and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        match = GLUED_WORDS_RE.match(text, start) if start < at else None
        if match is not None:
            found.append(match.span())
            at = _find_glued(text, match.end())
        else:
            at = _find_glued(text, at + len(GLUED_MARKER))
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
    found = _line_items(text, doc_id)  # in text order, none overlapping
    fragments = _seo_fragments(text)
    if not fragments:
        return found
    marked = list(map(_SPAN_BOUNDS, found))
    starts = [s for s, _ in marked]
    for start, end in fragments:
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and marked[index][1] > start:
            continue  # inside a line already marked as a whole
        span = Span.of(text, start, end, doc_id)
        found.append(new_boilerplate(kind="seo_fragment", span=span))
    found.sort(key=_SPAN_START)
    return found


# An item's (start, end) and start, read in C.
_SPAN_BOUNDS = operator.attrgetter("span.start", "span.end")
_SPAN_START = operator.attrgetter("span.start")
