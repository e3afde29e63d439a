"""Discovery: names the registry does not hold, found by their shape, with a confidence.

A discovered name needs evidence: an English head word (Institute, Fund, Scheme) closing a run of
capitalised words, "University of X"; a Chinese head (大學, 中心, 局, 基金, 計劃) after a name that
is not a common noun; a quoted title (“…”, 「…」, 《…》). Each candidate is marked
``registered=False`` with an id ``"new:<slug>"``; its confidence grows with repetition and with an
acronym the document defines for it (:mod:`hkpolicy.entities.definitions`). Chinese text is read
through its Traditional view (:mod:`hkpolicy.entities.hans`), so the vocabulary serves both
scripts; names are always sliced from the original text.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
from collections.abc import Iterator, Sequence

import regex

from . import vocabulary as vocab
from .matcher import Candidate, Matcher
from .models import Domain

__all__ = ["classify", "discoveries", "filter_discoveries", "is_name_word", "slug"]

# Linear: an alternation of fixed head words, longest first (the word-edge tests are made on
# each hit, see ``_heads``).
_HEAD_RE = regex.compile(
    "|".join(sorted({*vocab.INSTITUTION_HEADS, *vocab.INITIATIVE_HEADS}, key=len, reverse=True))
)
_WORD_CHAR_RE = regex.compile(r"[\p{L}\p{N}]")  # linear: one character class
# The last character before a head that can be neither in a token nor between two joined ones.
# NOTE: keep in sync with TOKEN_RE. Linear: one character class, searched backwards.
_HARD_BREAK_RE = regex.compile(r"(?r)[^\p{L}\p{N}&'.+@\- ]")
_HAN_HEAD_RE = regex.compile(
    r"(?<=\p{{Han}})(?:{})".format(
        "|".join(sorted(vocab.HAN_INSTITUTION_HEADS, key=len, reverse=True))
    )
)
# Linear: one character class repeated, then an optional fixed suffix.
TOKEN_RE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&'.+@-]*|&")
# Linear: negated classes bounded in length between literal quotes.
_QUOTED_RE = regex.compile(
    r"[\"“](?P<q>[^\"“”\n]{3,160})[\"”]|(?P<zq>[「《])(?P<z>[^「」《》\n]{2,40})[」》]"
)
# Compiled once. Linear: single character classes.
HAN_CHAR_RE = regex.compile(r"\p{Han}")
_SLUG_PART_RE = regex.compile(r"[\p{L}\p{N}+]+")
_VERSION_RE = regex.compile(r"\d[\d.+]*")
_NAMED_AFTER_WORDS = 8  # characters after a registered name, head included
_NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千兩")
_HAN_QUOTED_RE = regex.compile(r"[\p{Han}\p{N}+.＋]+")


@functools.lru_cache(maxsize=8)
def _long_prefixes(prefixes: frozenset[str]) -> tuple[str, ...]:
    return tuple(g for g in prefixes if len(g) > 1)


def _long_generic_prefixes() -> tuple[str, ...]:
    """vocab.HAN_GENERIC_PREFIXES of two or more characters (looked up each call: callers may
    rebind the table)."""
    return _long_prefixes(vocab.HAN_GENERIC_PREFIXES)


def slug(name: str) -> str:
    return "new:" + "-".join(_SLUG_PART_RE.findall(name.casefold()))


def classify(tokens: Sequence[str]) -> tuple[Domain, str, int] | None:
    """(domain, kind, index of the head) for a capitalised run, or None."""
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index]
        if word in vocab.INITIATIVE_HEADS:
            return "initiative", vocab.INITIATIVE_HEADS[word], index
        if word in vocab.INSTITUTION_HEADS:
            return "institution", vocab.INSTITUTION_HEADS[word], index
    return None


def is_name_word(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def _english_run(text: str, head_start: int) -> list[tuple[int, int, str]]:
    """The run of capitalised words and connectors around the head word at ``head_start``."""
    line_start = text.rfind("\n", max(0, head_start - vocab.WINDOW_CHARS), head_start) + 1
    line_start = max(line_start, head_start - vocab.WINDOW_CHARS)
    # Start after the last hard break before the head: no token spans it and the token after it
    # is never joined, so the run is the same as when starting from the line's start.
    hard = _HARD_BREAK_RE.search(text, line_start, head_start)
    if hard is not None:
        line_start = hard.end()
    line_end = text.find("\n", head_start, head_start + vocab.WINDOW_CHARS)
    if line_end == -1:
        line_end = min(len(text), head_start + vocab.WINDOW_CHARS)
    tokens: list[tuple[int, int, str]] = []
    head_index = -1
    for m in TOKEN_RE.finditer(text, line_start, line_end):
        start, end = m.span()
        word = m.group()
        possessive = word.endswith(("'s", "’s"))
        while word and word[-1] in ".'-+" and not (word[-1] == "+" and word[:-1].isdigit()):
            word = word[:-1]
            end -= 1
        joined = (
            bool(tokens)
            and text[tokens[-1][1] : start] in (" ", "  ")
            and (is_name_word(word) or word in vocab.NAME_CONNECTORS)
        )
        if not joined or (possessive and start <= head_start):
            if head_index != -1:
                break
            tokens = []
        if possessive:
            if head_index != -1:
                break
            continue
        if not word or not (is_name_word(word) or word in vocab.NAME_CONNECTORS):
            if head_index != -1:
                break
            tokens = []
            continue
        tokens.append((start, end, word))
        if start == head_start:
            head_index = len(tokens) - 1
    return tokens if head_index != -1 else []


def _heads(text: str) -> Iterator[int]:
    """Where head words start that stand alone: no letter or digit on either side. (A hit inside
    a longer word hides no head: every position in it follows a letter.)"""
    is_word_char = _WORD_CHAR_RE.match
    for head in _HEAD_RE.finditer(text):
        start, end = head.span()
        if (start and is_word_char(text, start - 1)) or is_word_char(text, end):
            continue
        yield start


def _english_discoveries(text: str) -> list[Candidate]:
    found: dict[tuple[int, int], Candidate] = {}
    for head_start in _heads(text):
        run = _english_run(text, head_start)
        if not run:
            continue
        cand = _name_from_run(text, run, head_start)
        if cand is not None:
            found.setdefault((cand.start, cand.end), cand)
    return list(found.values())


_Run = list[tuple[int, int, str]]  # (start, end, word) of each token in a capitalised run


def _name_from_run(text: str, run: _Run, head_at: int | None = None) -> Candidate | None:
    run = _trimmed(_part_with(run, head_at))
    words = [w for _, _, w in run]
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
    start, end = run[0][0], run[last][1]
    name = text[start:end]
    return Candidate(
        start, end, slug(name), domain, name, "discovered", rank=2, kind=kind, head=run[head][0]
    )


def _part_with(run: _Run, head_at: int | None) -> _Run:
    """The name in ``run`` that holds the head at ``head_at`` (the first without one).

    "School of Engineering and Department of Physics" is two names, cut before "and <Head> of";
    a head word closes a name unless "of"/"for" follows; "and the" starts another name.
    """
    words = [w for _, _, w in run]
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
        if head_at is None or run[begin][0] <= head_at < run[stop - 1][1]:
            return run[begin:stop]
    return run


def _trimmed(run: _Run) -> _Run:
    """``run`` without leading sentence words, connectors and numbers, or trailing connectors."""
    while run and (
        run[0][2] in vocab.NAME_LEADERS
        or run[0][2] in vocab.NAME_CONNECTORS
        or run[0][2][0].isdigit()
    ):
        run = run[1:]
    while run and run[-1][2] in vocab.NAME_CONNECTORS:
        run = run[:-1]
    return run


def is_head(word: str) -> bool:
    return word in vocab.INSTITUTION_HEADS or word in vocab.INITIATIVE_HEADS


def _quoted_english(text: str, m: regex.Match[str]) -> Candidate | None:
    start, end = m.span("q")
    inner = m.group("q")
    trimmed = inner.rstrip(" ,.;:")
    end -= len(inner) - len(trimmed)
    words = [t.group() for t in TOKEN_RE.finditer(trimmed)]
    content = [w for w in words if w not in vocab.NAME_CONNECTORS]
    if not 2 <= len(words) <= vocab.MAX_NAME_WORDS or not all(map(is_name_word, content)):
        return None
    classified = classify(words)
    domain: Domain = classified[0] if classified else "initiative"
    kind = classified[1] if classified else "other"
    name = text[start:end]
    return Candidate(start, end, slug(name), domain, name, "discovered", 2, kind, confidence=0.7)


def _han_kind(name: str) -> tuple[Domain, str] | None:
    """The domain and kind a Chinese name's head word gives it, or None."""
    for head, kind in vocab.HAN_INITIATIVE_HEADS.items():
        if name.endswith(head):
            return "initiative", kind
    for head, inst_kind in vocab.HAN_INSTITUTION_HEADS.items():
        if name.endswith(head):
            return "institution", inst_kind
    return None


def _quoted_han(text: str, han: str, m: regex.Match[str]) -> Candidate | None:
    start, end = m.span("z")
    inner = han[start:end]
    if not _HAN_QUOTED_RE.fullmatch(inner):
        return None
    name, key = text[start:end], slug(inner)
    found = _han_kind(inner)
    if found is not None and (found[0] == "initiative" or len(inner) > 3):
        domain, kind = found
        return Candidate(start, end, key, domain, name, "discovered", 2, kind, confidence=0.8)
    if m.group("zq") == "《" and len(inner) >= 4 and inner.endswith(vocab.HAN_TITLE_HEADS):
        return Candidate(
            start, end, key, "initiative", name, "discovered", 2, "other", confidence=0.6
        )
    return None


def _quoted_discoveries(text: str, han: str) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _QUOTED_RE.finditer(han):
        cand = _quoted_english(text, m) if m.group("q") is not None else _quoted_han(text, han, m)
        if cand is not None:
            found.append(cand)
    return found


def _han_prefix(han: str, h_start: int) -> str:
    """The name before the head at ``h_start``: Han characters back to a function character or a
    stop word, without a leading demonstrative."""
    start = h_start
    while start > 0 and h_start - start < vocab.MAX_HAN_NAME and HAN_CHAR_RE.match(han, start - 1):
        if han[start - 1] in vocab.HAN_STOP_CHARS:
            break
        start -= 1
    prefix = han[start:h_start]
    for word in vocab.HAN_STOP_WORDS:
        cut = prefix.rfind(word)
        if cut != -1:
            prefix = prefix[cut + len(word) :]
    return prefix


def _is_common_noun(prefix: str) -> bool:
    """Whether ``prefix`` + head is a common noun (本地大學, 每所大學, 科技公司), not a name."""
    if prefix.startswith(_long_generic_prefixes()) or prefix[:1] in vocab.HAN_QUANTIFIERS:
        return True
    if "及" in prefix and prefix.rsplit("及", 1)[1] in vocab.HAN_GENERIC_PREFIXES:
        return True  # ...及科技公司
    return any(ch in vocab.HAN_NOT_IN_NAMES for ch in prefix)


def _han_discoveries(text: str, han: str) -> list[Candidate]:
    found: list[Candidate] = []
    for head in _HAN_HEAD_RE.finditer(han):
        h_start, h_end = head.span()
        if head.group() in "局署" and h_end < len(han) and han[h_end] in "長":
            continue  # 局長, 署長: an office holder's title
        prefix = _han_prefix(han, h_start)
        before = h_start - len(prefix) - 1
        if prefix[:1] in vocab.HAN_COUNTERS and before >= 0 and han[before] in _NUMERALS:
            prefix = prefix[1:]  # 16所…中心: the name starts after the counter
        if not prefix or _is_common_noun(prefix):
            continue
        prefix = prefix.lstrip("該本其此各")
        start = h_start - len(prefix)
        if (
            len(prefix) < 2
            or prefix in vocab.HAN_GENERIC_PREFIXES
            or prefix[-1] in "為布格當簽部市"
        ):
            continue
        if head.group() not in vocab.HAN_OFFICE_HEADS and not prefix.startswith(
            vocab.HAN_PROPER_PREFIXES
        ):
            continue  # 研發中心, 夥伴公司: a head after common words is a common noun
        kind = vocab.HAN_INSTITUTION_HEADS[head.group()]
        found.append(
            Candidate(start, h_end, slug(han[start:h_end]), "institution", text[start:h_end],
                      "discovered", rank=2, kind=kind, confidence=0.6)
        )  # fmt: skip
    return found


def discoveries(text: str, han: str, registered: Sequence[Candidate] = ()) -> list[Candidate]:
    """Every discovered candidate in ``text`` (``han`` is its Traditional view)."""
    return [
        *_english_discoveries(text),
        *_han_discoveries(text, han),
        *_quoted_discoveries(text, han),
        *_named_after(text, han, registered),
    ]


def _named_after(text: str, han: str, registered: Sequence[Candidate]) -> list[Candidate]:
    """Names built on a registered name: a Chinese initiative (the name, a few words, an
    initiative head: 數碼港投資創業基金, 北都城鄉共融基金) or the body that runs a registered
    initiative (科技券計劃委員會, "Technology Voucher Programme Committee"). The longer name is
    its own entity."""
    found: list[Candidate] = []
    for cand in registered:
        body = _body_of(text, han, cand) if cand.domain == "initiative" else None
        if body is not None:
            found.append(body)
        elif HAN_CHAR_RE.match(han, cand.end - 1) and HAN_CHAR_RE.match(han, cand.end):
            end = _head_end(han, cand.end)
            if end is not None:
                found.append(_discovered(text, han, cand.start, end, "initiative", 0.7))
    return found


def _discovered(
    text: str, han: str, start: int, end: int, domain: Domain, conf: float
) -> Candidate:
    found = _han_kind(han[start:end]) or classify(TOKEN_RE.findall(han, start, end))
    kind = found[1] if found is not None and found[0] == domain else "other"
    name = text[start:end]
    return Candidate(start, end, slug(han[start:end]), domain, name, "discovered", 2, kind,
                     head=end - 1, confidence=conf)  # fmt: skip


# Linear: a fixed alternation anchored at a known position.
_BODY_HEAD_RE = regex.compile(
    r"委員會|辦公室|秘書處|局|署| (?:Committee|Office|Secretariat|Council)\b"
)


def _body_of(text: str, han: str, cand: Candidate) -> Candidate | None:
    """The committee or office named after the registered initiative ``cand``, if one follows."""
    m = _BODY_HEAD_RE.match(han, cand.end)
    if m is None or (m.group()[0] != " " and not HAN_CHAR_RE.match(han, cand.end - 1)):
        return None
    if m.group() in "局署" and han[m.end() : m.end() + 1] == "長":
        return None  # 局長: an office holder
    return _discovered(text, han, cand.start, m.end(), "institution", 0.7)


def _head_end(han: str, start: int) -> int | None:
    """The end of the first initiative head within a short run of name characters."""
    limit = min(len(han), start + _NAMED_AFTER_WORDS)
    pos = start
    stop = vocab.HAN_STOP_CHARS | vocab.HAN_NOT_IN_NAMES
    while pos < limit and HAN_CHAR_RE.match(han, pos) and han[pos] not in stop:
        pos += 1
        for head in vocab.HAN_INITIATIVE_HEADS:
            if pos - start >= len(head) + 2 and han.startswith(head, pos - len(head)):
                return pos
    return None


def filter_discoveries(
    discovered: list[Candidate], registered: list[Candidate], matcher: Matcher
) -> list[Candidate]:
    """Drop discoveries that cross a registry mention; keep "<registered body> ... Institute"
    and an initiative named after a registered body or containing a registered name."""
    by_start = sorted(registered, key=lambda c: c.start)
    starts = [c.start for c in by_start]
    kept: list[Candidate] = []
    for cand in discovered:
        if matcher.known(cand.form):
            continue  # a registry name the matcher vetoed in this context (香港大學生)
        lo = bisect.bisect_left(starts, cand.start - 200)
        inside = [
            r for r in by_start[lo : bisect.bisect_left(starts, cand.end)] if r.end > cand.start
        ]
        kept_cand = _keep(cand, inside)
        if kept_cand is not None:
            kept.append(kept_cand)
    return kept


def _keep(cand: Candidate, inside: list[Candidate]) -> Candidate | None:
    if not inside:
        return cand
    first = inside[0]
    contained = all(cand.start <= r.start and r.end <= cand.end for r in inside)
    if not contained or (first.end - first.start) == (cand.end - cand.start):
        return None
    if (
        first.start == cand.start
        and first.end <= cand.head
        and first.domain == "institution"
        and cand.domain == "institution"
    ):
        return dataclasses.replace(cand, parent=first.entity_id)
    if cand.domain == "initiative" and all(
        r.domain == "institution" or r.start > cand.start for r in inside
    ):
        # "Cyberport AI Lab Scheme", 策略性創科基金: a name of its own. (A registered
        # initiative at the start stays itself: "Partnership Research Programme 96" in a table.)
        return cand
    if cand.head >= 0 and all(r.domain == "initiative" and r.end <= cand.head for r in inside):
        return cand  # 科技券計劃委員會, "Technology Voucher Programme Committee": a body
    return None
