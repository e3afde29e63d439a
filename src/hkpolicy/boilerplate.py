"""Boilerplate in scraped articles: the lines and fragments that are not article text.

Owns :func:`find_boilerplate`, which returns :class:`Boilerplate` spans (advertisement slots,
reading-time and trust notices, photo captions, bylines, SEO keyword stuffing, and runs of
truncated teaser links). The text itself is never altered, so every offset stays valid; the
extractors skip facts that fall inside these spans.

The rules are vocabulary kept as UPPER_CASE data, so a user can extend them for other sites.
Every pattern here is applied to one line at a time and is linear in that line's length.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import regex

from .spans import Record, Span

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
TEASER_END_RE = regex.compile(r"(?:\.\.\.|…)\s*$")

# Keyword stuffing inserted into English sentences by SEO plug-ins.
SEO_FRAGMENTS = ("香港AI",)
SEO_FRAGMENT_RE = regex.compile(
    r"(?<=[\p{Latin},.;:][ \u00a0])(?:"
    + "|".join(map(regex.escape, SEO_FRAGMENTS))
    + r")(?=[ \u00a0]\p{Latin})"
    # Words glued with U+0100 and a no-break space, the trace of a mangled keyword list. It
    # starts only at a word's first letter and never gives letters back (possessive), so each
    # word is read once: "[A-Za-z]+(...)+" alone retried a long word from each of its letters.
    r"|(?<![A-Za-z])[A-Za-z]++(?:\u0100\u00a0[A-Za-z]++)+"
)


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


def find_boilerplate(text: str, *, doc_id: str | None = None) -> list[Boilerplate]:
    """Every boilerplate line and fragment in ``text``, in order. Never raises.

    >>> [b.kind for b in find_boilerplate("Advertisement\\nHK$1 billion for AI.\\nBy Admin")]
    ['advertisement', 'byline']
    """
    found: list[Boilerplate] = []
    teaser_run: list[tuple[int, int]] = []

    def close_teaser_run() -> None:
        if len(teaser_run) >= MIN_TEASER_RUN:
            found.extend(
                Boilerplate(kind="teaser", span=Span.of(text, s, e, doc_id)) for s, e in teaser_run
            )
        teaser_run.clear()

    for line_start, line_end in _lines(text):
        line = text[line_start:line_end]
        start, end = _trimmed(text, line_start, line_end)
        if start < end and end - start <= MAX_NOTICE_LINE and TEASER_END_RE.search(line):
            teaser_run.append((start, end))
            continue
        close_teaser_run()
        kind = _line_kind(line)
        if kind is not None:
            found.append(Boilerplate(kind=kind, span=Span.of(text, start, end, doc_id)))
            continue
        for match in SEO_FRAGMENT_RE.finditer(line):
            found.append(
                Boilerplate(
                    kind="seo_fragment",
                    span=Span.of(
                        text, line_start + match.start(), line_start + match.end(), doc_id
                    ),
                )
            )
    close_teaser_run()
    found.sort(key=lambda item: item.span.start)
    return found
