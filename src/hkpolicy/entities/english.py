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

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import regex

from . import vocabulary as vocab
from .matcher import Candidate, slug, trie_regex
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
# Linear: the fixed head words as a trie, greedy, so the longest head at a place wins, as in an
# alternation longest first (the word-edge tests are made on each hit, see ``_heads``). ASCII
# literals: the stdlib engine skips to the letters a head starts with, and a trie reads each
# letter once where an alternation tries every head that starts with it.
_HEAD_RE = re.compile(trie_regex({*vocab.INSTITUTION_HEADS, *vocab.INITIATIVE_HEADS}, skip=False))
_WORD_CHAR_RE = regex.compile(r"[\p{L}\p{N}]")  # linear: one character class
_VERSION_RE = regex.compile(r"\d[\d.+]*")  # linear: one class repeated
_POSSESSIVE = ("'s", "’s")
_TRIMMED = ".'-+"
_MAX_GAP = 2  # spaces between two words of a run

# Where a token may be in a run: not at an ASCII lower-case letter, unless a connector starts
# there. A superset (a token must also pass ``_run_word``); what it refuses no run can hold.
_MAY_JOIN = "(?=[^a-z]|{})".format(
    "|".join(sorted(w for w in vocab.NAME_CONNECTORS if w.isalpha()))
)
_GAP = f" {{1,{_MAX_GAP}}}"
# The tokens before a known token, nearest first, in one backward match: each is what
# _TOKEN_ENDING_RE reads there (atomic, so a refused token is not shortened into another), or a
# lone "&", with one or two spaces after it. Linear: bounded by the window it is given.
_TOKENS_BEFORE_RE = regex.compile(
    f"(?r)(?:{_MAY_JOIN}(?>(?P<t>{_TOKEN_FIRST}{_TOKEN_REST}|&)){_GAP})*"
)
# The token at a known start and the tokens after it, in one forward match: each what
# TOKEN_RE reads there, the later ones one or two spaces after the last. Linear: bounded by the
# line end it is given.
_TOKENS_FROM_RE = regex.compile(
    f"(?P<t>{_TOKEN_FIRST}{_TOKEN_REST}|&)(?:{_GAP}{_MAY_JOIN}(?P<t>{_TOKEN_FIRST}{_TOKEN_REST}|&))*"
)
_new_token = tuple.__new__  # Token(start, end, word) without NamedTuple's Python-level __new__
# Characters that can end a token (see _TOKEN_REST) but are no letter or digit.
_TOKEN_PUNCTUATION = "&'.+@-"


def is_name_word(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def is_head(word: str) -> bool:
    return word in vocab.INSTITUTION_HEADS or word in vocab.INITIATIVE_HEADS


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
    for head in _HEAD_RE.finditer(text):
        start, end = head.span()
        if (start and _is_word_char(text[start - 1])) or _is_word_char(text[end : end + 1]):
            continue
        yield start


def _is_word_char(char: str) -> bool:
    """Whether ``char`` (one character, or none) is a letter or digit: ASCII ones are told
    at once, the others by the pattern."""
    if char.isascii():
        return char.isalnum()
    return _WORD_CHAR_RE.match(char) is not None


def english_run(text: str, head_start: int) -> list[Token]:
    """The run of capitalised words and connectors around the head word at ``head_start``;
    empty when no token starts there ("x-Institute") or the head is possessive."""
    window_start, line_end = _window(text, head_start)
    if not _token_starts_at(text, head_start, window_start):
        return []
    return _run_in(text, head_start, window_start, line_end)


def _window(text: str, head_start: int) -> tuple[int, int]:
    """Where a run around the head at ``head_start`` may start and end: WINDOW_CHARS either
    side, and not past the end of its line."""
    window_start = max(0, head_start - vocab.WINDOW_CHARS)
    line_end = text.find("\n", head_start, head_start + vocab.WINDOW_CHARS)
    if line_end == -1:
        line_end = min(len(text), head_start + vocab.WINDOW_CHARS)
    return window_start, line_end


def _run_in(text: str, head_start: int, window_start: int, line_end: int) -> list[Token]:
    """The run around the token that starts at ``head_start``, within the window."""
    after = _tokens_from(text, head_start, line_end)
    if not after:
        return []
    run = _tokens_before(text, head_start, window_start)
    run.reverse()
    run += after
    return run


def _token_starts_at(text: str, start: int, window_start: int) -> bool:
    """Whether a token read back from ``start + 1`` starts at ``start``: it does at an ASCII
    letter or digit after an ASCII character that no token holds (a space, mostly)."""
    here = text[start : start + 1]
    if here.isascii() and here.isalnum():
        if start == window_start:
            return True
        before = text[start - 1]
        if before.isascii() and not before.isalnum() and before not in _TOKEN_PUNCTUATION:
            return True
    first = _TOKEN_ENDING_RE.match(text, window_start, start + 1)
    return first is not None and first.start() == start


def _run_word(raw: str) -> str | None:
    """The word a run holds for the token ``raw`` (:func:`trim_word`), or None when it can
    hold none: a possessive, or neither a name word nor a connector."""
    word = trim_word(raw) if raw[-1] in _TRIMMED else raw
    if raw.endswith(_POSSESSIVE) or not (
        word[0].isupper() or word[0].isdigit() or word in vocab.NAME_CONNECTORS
    ):
        return None
    return word


def _tokens_from(text: str, start: int, line_end: int) -> list[Token]:
    """The token at ``start`` and those a run joins after it, up to ``line_end``: each one or
    two spaces after the last, a name word or connector, not possessive; a trimmed one ("Ltd.")
    is the last. Empty when the token at ``start`` can be in no run."""
    found = _TOKENS_FROM_RE.match(text, start, line_end)
    return _run_tokens(text, found, trimmed_closes=True)


def _tokens_before(text: str, start: int, window_start: int) -> list[Token]:
    """The tokens a run joins before the one at ``start``, nearest first: each one or two
    spaces before the next, a name word or connector, untrimmed and not possessive."""
    found = _TOKENS_BEFORE_RE.match(text, window_start, start)
    return _run_tokens(text, found, trimmed_closes=False)


def _run_tokens(text: str, found: regex.Match[str] | None, *, trimmed_closes: bool) -> list[Token]:
    """The tokens ``found`` captured, in its order, up to the first a run cannot hold: a
    possessive, or neither a name word nor a connector. A trimmed token ("Ltd.") is the last of
    a run read forwards (``trimmed_closes``) and joins no run read backwards."""
    run: list[Token] = []
    if found is None:
        return run
    for begin, end in zip(found.starts("t"), found.ends("t"), strict=True):
        raw = text[begin:end]
        word = _run_word(raw)
        if word is None:
            break
        trimmed = len(word) != len(raw)
        if trimmed and not trimmed_closes:
            break
        run.append(_new_token(Token, (begin, begin + len(word), word)))
        if trimmed:
            break  # a trimmed ending is no space between two words
    return run


def english_discoveries(text: str) -> list[Candidate]:
    """A candidate for each distinct name around a head word in ``text``."""
    found: dict[tuple[int, int], Candidate] = {}
    shapes: dict[tuple[str, str], _NameShape | None] = {}  # a text repeats its names
    for head_start in _heads(text):
        cand = _name_at(text, head_start, shapes)
        if cand is not None:
            found.setdefault((cand.start, cand.end), cand)
    return list(found.values())


# A name as offsets into the characters its run was read from: start, end, head, then the
# domain, kind and id.
_NameShape = tuple[int, int, int, Domain, str | None, str]


def _name_at(
    text: str, head_start: int, shapes: dict[tuple[str, str], _NameShape | None]
) -> Candidate | None:
    """The name around the head word at ``head_start``: what :func:`name_from_run` makes of
    :func:`english_run`.

    ``shapes`` holds the names of the runs read so far, by their characters: the characters the
    backward match read before the head, and those the forward match read from it. The name is
    a function of these alone: each match reads its tokens without looking past them (the token
    before the first failed to join, or the window ended there; the token after the last too).
    """
    window_start, line_end = _window(text, head_start)
    if not _token_starts_at(text, head_start, window_start):
        return None
    after = _TOKENS_FROM_RE.match(text, head_start, line_end)
    if after is None:
        return None
    before = _TOKENS_BEFORE_RE.match(text, window_start, head_start)
    offset = before.start() if before is not None else head_start
    key = (text[offset:head_start], text[head_start : after.end()])
    if key in shapes:
        shape = shapes[key]
    else:
        shape = shapes[key] = _shape_of(text, head_start, offset, before, after)
    if shape is None:
        return None
    start, end, head, domain, kind, slugged = shape
    start, end = offset + start, offset + end
    return Candidate(
        start,
        end,
        slugged,
        domain,
        text[start:end],
        "discovered",
        rank=2,
        kind=kind,
        head=offset + head,
    )


def _shape_of(
    text: str,
    head_start: int,
    offset: int,
    before: regex.Match[str] | None,
    after: regex.Match[str],
) -> _NameShape | None:
    """The name the tokens the two matches read make, as offsets from ``offset``."""
    tail = _run_tokens(text, after, trimmed_closes=True)
    if not tail:
        return None
    run = _run_tokens(text, before, trimmed_closes=False)
    run.reverse()
    run += tail
    cand = name_from_run(text, run, head_start)
    if cand is None:
        return None
    shape = (cand.start - offset, cand.end - offset, cand.head - offset)
    return (*shape, cand.domain, cand.kind, cand.entity_id)


def name_from_run(text: str, run: list[Token], head_at: int | None = None) -> Candidate | None:
    """The name a run gives around the head at ``head_at`` (or its first head), if it is one."""
    words = tuple(token.word for token in run)
    begin, stop = _part_with(run, _cuts(words), head_at)
    found = _name_in(words[begin:stop])
    if found is None:
        return None
    first, last, head, domain, kind = found
    start, end = run[begin + first].start, run[begin + last].end
    name = text[start:end]
    return Candidate(
        start,
        end,
        slug(name),
        domain,
        name,
        "discovered",
        rank=2,
        kind=kind,
        head=run[begin + head].start,
    )


# Runs repeat (a text names the same bodies again and again), and what their words make of them
# depends on the words alone: the two steps below are cached on them.
_RUN_SHAPES_CACHED = 4096


@functools.lru_cache(maxsize=_RUN_SHAPES_CACHED)
def _cuts(words: tuple[str, ...]) -> tuple[int, ...]:
    """Where a run of ``words`` parts into names: 0, the index of each later name's first word,
    and ``len(words)``.

    "School of Engineering and Department of Physics" is two names, cut before "and <Head> of";
    a head word closes a name unless "of"/"for" follows; "and the" starts another name.
    """
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
    return (*sorted(set(cuts)), len(words))


def _part_with(run: list[Token], cuts: tuple[int, ...], head_at: int | None) -> tuple[int, int]:
    """The (begin, stop) indices of the name in ``run`` (parted at ``cuts``) that holds the head
    at ``head_at`` (the first without one); the whole run when none holds it."""
    for begin, stop in itertools.pairwise(cuts):
        if head_at is None or run[begin].start <= head_at < run[stop - 1].end:
            return begin, stop
    return 0, len(run)


@functools.lru_cache(maxsize=_RUN_SHAPES_CACHED)
def _name_in(words: tuple[str, ...]) -> tuple[int, int, int, Domain, str] | None:
    """The name one part of a run makes, as indices into ``words``: (first word, last word,
    head word, domain, kind); None when it makes none.

    Leading sentence words, connectors and numbers go, and trailing connectors; the name ends at
    its head, or runs on after "of"/"for" to the end ("University of X"), or takes a version
    after an initiative's head ("AI Strategy 2.0").
    """
    lo, hi = 0, len(words)
    while lo < hi and (
        words[lo] in vocab.NAME_LEADERS
        or words[lo] in vocab.NAME_CONNECTORS
        or words[lo][0].isdigit()
    ):
        lo += 1
    while hi > lo and words[hi - 1] in vocab.NAME_CONNECTORS:
        hi -= 1
    words = words[lo:hi]
    classified = classify(words)
    if classified is None:
        return None
    domain, kind, head = classified
    last = head
    if head + 2 < len(words) and words[head + 1] in {"of", "for"}:
        last = len(words) - 1
    elif (
        domain == "initiative" and head + 1 < len(words) and _VERSION_RE.fullmatch(words[head + 1])
    ):
        last = head + 1
    names = words[: last + 1]
    content = [w for i, w in enumerate(names) if i != head and w not in vocab.NAME_CONNECTORS]
    if not content or len(names) > vocab.MAX_NAME_WORDS or all(map(is_head, content)):
        return None
    return lo, lo + last, lo + head, domain, kind
