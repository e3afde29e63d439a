"""English names by their shape: a run of capitalised words closed (or opened) by a head word.

A head word (:data:`~hkpolicy.entities.vocabulary.INSTITUTION_HEADS`, ``INITIATIVE_HEADS``)
standing alone in the text is the evidence; the name around it is the run of capitalised words
and connectors (of, and, for, the, &) joined to it by one or two spaces, on its line and within
:data:`~hkpolicy.entities.vocabulary.WINDOW_CHARS` characters. The run is read outwards from the
head, one token at a time, so a text costs one scan for head words and a few tokens per head.
A possessive ("HKSTP's") or a trimmed ending ("Ltd.") closes a run. The run is then cut to the
name that holds the head ("School of Engineering and Department of Physics" is two names) and
trimmed of sentence words ("The", "According").

>>> [c.form for c in english_discoveries("The Hong Kong Centre for Logistics Robotics said")]
['Hong Kong Centre for Logistics Robotics']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import regex

from . import vocabulary as vocab
from .matcher import Candidate, slug
from .models import Domain

__all__ = [
    "TOKEN_RE",
    "Token",
    "classify",
    "english_discoveries",
    "english_run",
    "is_head",
    "is_name_word",
]


class Token(NamedTuple):
    """One word of a capitalised run."""

    start: int
    end: int
    """After the trailing characters :func:`trim_word` drops."""
    word: str


# A token is a letter or digit and the token characters after it, or a lone "&".
_TOKEN_FIRST = r"[\p{L}\p{N}]"
_TOKEN_REST = r"[\p{L}\p{N}&'.+@\-]*"
# Linear: one character class repeated, then an optional fixed suffix.
TOKEN_RE = regex.compile(f"{_TOKEN_FIRST}{_TOKEN_REST}|&")
# The same tokens read backwards from a known end: the match anchored there starts at the first
# letter or digit of the token characters before it, where TOKEN_RE's forward match starts.
# Linear: one class repeated, matched once per token.
_TOKEN_ENDING_RE = regex.compile(f"(?r){_TOKEN_FIRST}{_TOKEN_REST}")
# Linear: an alternation of fixed head words, longest first (the word-edge tests are made on
# each hit, see ``_heads``). ASCII literals: the stdlib engine scans for them faster.
_HEAD_RE = re.compile(
    "|".join(sorted({*vocab.INSTITUTION_HEADS, *vocab.INITIATIVE_HEADS}, key=len, reverse=True))
)
_WORD_CHAR_RE = regex.compile(r"[\p{L}\p{N}]")  # linear: one character class
_VERSION_RE = regex.compile(r"\d[\d.+]*")  # linear: one class repeated
_POSSESSIVE = ("'s", "’s")
_TRIMMED = ".'-+"
_MAX_GAP = 2  # spaces between two words of a run


def is_name_word(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def is_head(word: str) -> bool:
    return word in vocab.INSTITUTION_HEADS or word in vocab.INITIATIVE_HEADS


def _in_run(word: str) -> bool:
    return is_name_word(word) or word in vocab.NAME_CONNECTORS


def classify(tokens: Sequence[str]) -> tuple[Domain, str, int] | None:
    """(domain, kind, index of the head) for a capitalised run, or None."""
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index]
        if word in vocab.INITIATIVE_HEADS:
            return "initiative", vocab.INITIATIVE_HEADS[word], index
        if word in vocab.INSTITUTION_HEADS:
            return "institution", vocab.INSTITUTION_HEADS[word], index
    return None


def trim_word(word: str) -> str:
    """A token without trailing full stops, apostrophes, hyphens and pluses ("5+" keeps its
    plus)."""
    while word and word[-1] in _TRIMMED and not (word[-1] == "+" and word[:-1].isdigit()):
        word = word[:-1]
    return word


def _heads(text: str) -> Iterator[int]:
    """Where head words start that stand alone: no letter or digit on either side. (A hit inside
    a longer word hides no head: every position in it follows a letter.)"""
    is_word_char = _WORD_CHAR_RE.match
    for head in _HEAD_RE.finditer(text):
        start, end = head.span()
        if (start and is_word_char(text, start - 1)) or is_word_char(text, end):
            continue
        yield start


def english_run(text: str, head_start: int) -> list[Token]:
    """The run of capitalised words and connectors around the head word at ``head_start``;
    empty when no token starts there ("x-Institute") or the head is possessive."""
    window_start = max(0, head_start - vocab.WINDOW_CHARS)
    line_end = text.find("\n", head_start, head_start + vocab.WINDOW_CHARS)
    if line_end == -1:
        line_end = min(len(text), head_start + vocab.WINDOW_CHARS)
    first = _TOKEN_ENDING_RE.match(text, window_start, head_start + 1)
    if first is None or first.start() != head_start:
        return []
    found = _token(text, head_start, line_end)
    if found is None:
        return []
    head, raw_end = found
    run = [head]
    while (token := _joined_before(text, run[-1].start, window_start)) is not None:
        run.append(token)
    run.reverse()
    while (found := _joined_after(text, run[-1], raw_end, line_end)) is not None:
        token, raw_end = found
        run.append(token)
    return run


def _token(text: str, start: int, end: int) -> tuple[Token, int] | None:
    """The token at ``start`` (read up to ``end``) and where its characters end, if it can be
    in a run: a name word or connector, not possessive."""
    m = TOKEN_RE.match(text, start, end)
    if m is None:
        return None
    raw = m.group()
    word = trim_word(raw)
    if raw.endswith(_POSSESSIVE) or not _in_run(word):
        return None
    return Token(start, start + len(word), word), m.end()


def _joined_before(text: str, start: int, window_start: int) -> Token | None:
    """The token before the one at ``start`` when a run joins the two: one or two spaces
    between them, and before them a name word or connector, untrimmed and not possessive."""
    end = start
    while end > window_start and start - end <= _MAX_GAP and text[end - 1] == " ":
        end -= 1
    if not 1 <= start - end <= _MAX_GAP or end <= window_start:
        return None
    before = _TOKEN_ENDING_RE.match(text, window_start, end)
    if before is not None:
        start, raw = before.start(), before.group()
    elif text[end - 1] == "&":
        start, raw = end - 1, "&"
    else:
        return None
    word = trim_word(raw)
    if len(word) != len(raw) or raw.endswith(_POSSESSIVE) or not _in_run(word):
        return None
    return Token(start, end, word)


def _joined_after(text: str, token: Token, raw_end: int, line_end: int) -> tuple[Token, int] | None:
    """The token after ``token`` (whose characters end at ``raw_end``) when a run joins the two,
    and where its characters end."""
    if raw_end != token.end:
        return None  # a trimmed ending ("Ltd.") is no space between two words
    start = token.end
    while start < line_end and start - token.end <= _MAX_GAP and text[start] == " ":
        start += 1
    if not 1 <= start - token.end <= _MAX_GAP or start >= line_end:
        return None
    return _token(text, start, line_end)


def english_discoveries(text: str) -> list[Candidate]:
    """A candidate for each distinct name around a head word in ``text``."""
    found: dict[tuple[int, int], Candidate] = {}
    for head_start in _heads(text):
        run = english_run(text, head_start)
        if not run:
            continue
        cand = name_from_run(text, run, head_start)
        if cand is not None:
            found.setdefault((cand.start, cand.end), cand)
    return list(found.values())


def name_from_run(text: str, run: list[Token], head_at: int | None = None) -> Candidate | None:
    """The name a run gives around the head at ``head_at`` (or its first head), if it is one."""
    run = _trimmed(_part_with(run, head_at))
    words = [token.word for token in run]
    classified = classify(words)
    if classified is None:
        return None
    domain, kind, head = classified
    last = head
    # "University of X", "Centre for X": the name runs on to the end of the capitalised run
    if head + 2 < len(run) and words[head + 1] in {"of", "for"}:
        last = len(run) - 1
    # a version after an initiative: "AI Strategy 2.0", "Blueprint 2030"
    elif domain == "initiative" and head + 1 < len(run) and _VERSION_RE.fullmatch(words[head + 1]):
        last = head + 1
    names = words[: last + 1]
    content = [w for i, w in enumerate(names) if i != head and w not in vocab.NAME_CONNECTORS]
    if not content or len(names) > vocab.MAX_NAME_WORDS or all(map(is_head, content)):
        return None
    start, end = run[0].start, run[last].end
    name = text[start:end]
    return Candidate(
        start, end, slug(name), domain, name, "discovered", rank=2, kind=kind, head=run[head].start
    )


def _part_with(run: list[Token], head_at: int | None) -> list[Token]:
    """The name in ``run`` that holds the head at ``head_at`` (the first without one).

    "School of Engineering and Department of Physics" is two names, cut before "and <Head> of";
    a head word closes a name unless "of"/"for" follows; "and the" starts another name.
    """
    words = [token.word for token in run]
    cuts = [0]
    for k in range(1, len(words)):
        if (
            is_head(words[k - 1]) and words[k] not in {"of", "for"} and not words[k][0].isdigit()
        ) or (
            words[k - 1] in {"and", "&"}
            and (
                words[k] == "the"
                or (is_head(words[k]) and k + 1 < len(words) and words[k + 1] in {"of", "for"})
            )
        ):
            cuts.append(k)
    cuts = [*sorted(set(cuts)), len(run)]
    for begin, stop in itertools.pairwise(cuts):
        if head_at is None or run[begin].start <= head_at < run[stop - 1].end:
            return run[begin:stop]
    return run


def _trimmed(run: list[Token]) -> list[Token]:
    """``run`` without leading sentence words, connectors and numbers, or trailing connectors."""
    while run and (
        run[0].word in vocab.NAME_LEADERS
        or run[0].word in vocab.NAME_CONNECTORS
        or run[0].word[0].isdigit()
    ):
        run = run[1:]
    while run and run[-1].word in vocab.NAME_CONNECTORS:
        run = run[:-1]
    return run
