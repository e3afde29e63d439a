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
import functools
import re
from collections.abc import Iterator, Sequence

import regex

from . import vocabulary as vocab
from .english import TOKEN_RE, classify, english_discoveries, is_name_word
from .hans import han_view
from .matcher import Candidate, Matcher, slug
from .models import Domain

__all__ = ["HAN_CHAR_RE", "discoveries", "filter_discoveries"]

# Linear: an alternation of fixed head words, longest first. Each starts with a literal, so
# the stdlib engine skips to the characters a head can start with (the Han character a head
# must follow is tested on each hit, see ``_han_heads``).
_HAN_HEAD_RE = re.compile("|".join(sorted(vocab.HAN_INSTITUTION_HEADS, key=len, reverse=True)))
# The characters a Chinese head starts with; None if one were ASCII, which a list of a text's
# non-ASCII characters could not show.
_HAN_HEAD_FIRST = frozenset(head[0] for head in vocab.HAN_INSTITUTION_HEADS)
_HAN_HEAD_FIRST_WIDE = _HAN_HEAD_FIRST if not any(map(str.isascii, _HAN_HEAD_FIRST)) else None
# Linear: negated classes bounded in length between literal quotes. The opening quote comes
# first and picks its branch, so the stdlib engine skips to the quotes.
_QUOTE_OPENERS = '"“「《'  # a quote opens with one (see _quote_starts)
_QUOTED_RE = re.compile(
    rf"""
    (?P<zq>[{_QUOTE_OPENERS}])                    # an opening quote
    (?:
        (?<=["“])(?P<q>[^"“”\n]{{3,160}})["”]       # English: 3..160 characters
      | (?<=[「《])(?P<z>[^「」《》\n]{{2,40}})[」》]  # Chinese: 2..40 characters
    )
    """,
    re.VERBOSE,
)
# Compiled once. Linear: single character classes.
HAN_CHAR_RE = regex.compile(r"\p{Han}")
_NAMED_AFTER_WORDS = 8  # characters after a registered name, head included
_NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千兩")
_HAN_QUOTED_RE = regex.compile(r"[\p{Han}\p{N}+.＋]+")


# Generic prefixes of two or more characters: a name that starts with one is a common noun.
_LONG_GENERIC_PREFIXES = tuple(sorted(g for g in vocab.HAN_GENERIC_PREFIXES if len(g) > 1))


def _quoted_english(text: str, m: re.Match[str]) -> Candidate | None:
    start, end = m.span("q")
    shape = _quoted_shape(m.group("q"), text[start:end])
    if shape is None:
        return None
    length, domain, kind, key = shape
    name = text[start : start + length]
    return Candidate(
        start, start + length, key, domain, name, "discovered", 2, kind, confidence=0.7
    )


@functools.lru_cache(maxsize=1024)  # a text quotes the same titles again and again
def _quoted_shape(inner: str, original: str) -> tuple[int, Domain, str, str] | None:
    """(length, domain, kind, id) of the name an English quote makes of ``inner`` (its
    Traditional view; ``original`` is its own characters), or None: two or more capitalised
    words, trailing punctuation dropped."""
    trimmed = inner.rstrip(" ,.;:")
    words = [t.group() for t in TOKEN_RE.finditer(trimmed)]
    content = [w for w in words if w not in vocab.NAME_CONNECTORS]
    if not 2 <= len(words) <= vocab.MAX_NAME_WORDS or not all(map(is_name_word, content)):
        return None
    classified = classify(words)
    domain: Domain = classified[0] if classified else "initiative"
    kind = classified[1] if classified else "other"
    return len(trimmed), domain, kind, slug(original[: len(trimmed)])


def _han_kind(name: str) -> tuple[Domain, str] | None:
    """The domain and kind a Chinese name's head word gives it, or None."""
    for head, kind in vocab.HAN_INITIATIVE_HEADS.items():
        if name.endswith(head):
            return "initiative", kind
    for head, inst_kind in vocab.HAN_INSTITUTION_HEADS.items():
        if name.endswith(head):
            return "institution", inst_kind
    return None


def _quoted_han(text: str, han: str, m: re.Match[str]) -> Candidate | None:
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


# Listing where quotes open pays while they are fewer than one in this many characters: a
# match tried at each costs about as much as the engine scanning this many for one.
_QUOTE_STARTS_SHARE = 256


def _quote_starts(han: str, chars: frozenset[str] | None) -> list[int] | None:
    """Every place in ``han`` a quote opens (what _QUOTED_RE starts with), in order, when they
    are few; else None. ``chars``, when given, holds every non-ASCII character of the text:
    an opening quote not among them is not looked for."""
    limit = len(han) // _QUOTE_STARTS_SHARE
    starts: list[int] = []
    for quote in _QUOTE_OPENERS:
        if chars is not None and not quote.isascii() and quote not in chars:
            continue
        at = han.find(quote)
        while at != -1:
            if len(starts) == limit:
                return None
            starts.append(at)
            at = han.find(quote, at + 1)
    starts.sort()
    return starts


def _quotes(han: str, chars: frozenset[str] | None) -> Iterator[re.Match[str]]:
    """What ``_QUOTED_RE.finditer(han)`` finds. Where :func:`_quote_starts` lists the places a
    quote opens (a match starts at one), a match is tried at each after the last match: the
    first that matches is the leftmost. Else the engine scans the text."""
    starts = _quote_starts(han, chars)
    if starts is None:
        yield from _QUOTED_RE.finditer(han)
        return
    match, pos = _QUOTED_RE.match, 0
    for at in starts:
        if at >= pos:
            found = match(han, at)
            if found is not None:
                yield found
                pos = found.end()


def _quoted_discoveries(
    text: str, han: str, chars: frozenset[str] | None = None
) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _quotes(han, chars):
        cand = _quoted_english(text, m) if m.group("q") is not None else _quoted_han(text, han, m)
        if cand is not None:
            found.append(cand)
    return found


def _name_chars(stops: frozenset[str]) -> str:
    """A character class of the Han characters but ``stops`` (regex's V1 set difference)."""
    return r"[\p{Han}--[" + "".join(sorted(stops)) + "]]"


# The Han characters before a head back to a function character, at most MAX_HAN_NAME of them,
# read in one backward match. Linear: one bounded class.
_HAN_PREFIX_RE = regex.compile(
    f"(?rV1){_name_chars(vocab.HAN_STOP_CHARS)}{{0,{vocab.MAX_HAN_NAME}}}"
)


_STOP_WORD_CHARS = frozenset(word[0] for word in vocab.HAN_STOP_WORDS)


def _han_prefix(han: str, h_start: int) -> str:
    """The name before the head at ``h_start``: Han characters back to a function character or a
    stop word, without a leading demonstrative."""
    run = _HAN_PREFIX_RE.match(han, max(0, h_start - vocab.MAX_HAN_NAME), h_start)
    prefix = run.group() if run is not None else ""
    if _STOP_WORD_CHARS.isdisjoint(prefix):
        return prefix  # no stop word in it
    for word in vocab.HAN_STOP_WORDS:
        cut = prefix.rfind(word)
        if cut != -1:
            prefix = prefix[cut + len(word) :]
    return prefix


def _is_common_noun(prefix: str) -> bool:
    """Whether ``prefix`` + head is a common noun (本地大學, 每所大學, 科技公司), not a name."""
    if prefix.startswith(_LONG_GENERIC_PREFIXES) or prefix[:1] in vocab.HAN_QUANTIFIERS:
        return True
    if "及" in prefix and prefix.rsplit("及", 1)[1] in vocab.HAN_GENERIC_PREFIXES:
        return True  # ...及科技公司
    return not vocab.HAN_NOT_IN_NAMES.isdisjoint(prefix)


def _han_heads(han: str) -> Iterator[tuple[int, int, str]]:
    """Each Chinese head word after a Han character: (start, end, head), leftmost first, none
    overlapping the last one found."""
    search = _HAN_HEAD_RE.search
    is_han: dict[str, bool] = {}  # character -> whether it is Han, for the few a text has
    found = search(han)
    while found is not None:
        start, end = found.span()
        if start and _han_at(han, start - 1, is_han):
            yield start, end, found.group()
            found = search(han, end)
        else:  # no Han character before it: a head may still start inside this one
            found = search(han, start + 1)


def _han_discoveries(text: str, han: str, chars: frozenset[str] | None = None) -> list[Candidate]:
    first = _HAN_HEAD_FIRST_WIDE
    if chars is not None and first is not None and first.isdisjoint(han_view("".join(chars))):
        return []  # the view holds the view of the text's non-ASCII characters: no head
    found: list[Candidate] = []
    for h_start, h_end, head in _han_heads(han):
        if head in "局署" and h_end < len(han) and han[h_end] in "長":
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
        if head not in vocab.HAN_OFFICE_HEADS and not prefix.startswith(vocab.HAN_PROPER_PREFIXES):
            continue  # 研發中心, 夥伴公司: a head after common words is a common noun
        kind = vocab.HAN_INSTITUTION_HEADS[head]
        found.append(
            Candidate(start, h_end, slug(han[start:h_end]), "institution", text[start:h_end],
                      "discovered", rank=2, kind=kind, confidence=0.6)
        )  # fmt: skip
    return found


def discoveries(
    text: str,
    han: str,
    registered: Sequence[Candidate] = (),
    chars: frozenset[str] | None = None,
) -> list[Candidate]:
    """Every discovered candidate in ``text`` (``han`` is its Traditional view; ``chars``, when
    given, every non-ASCII character of ``text``, see
    :func:`~hkpolicy.entities.hans.text_characters`)."""
    return [
        *english_discoveries(text),
        *_han_discoveries(text, han, chars),
        *_quoted_discoveries(text, han, chars),
        *_named_after(text, han, registered),
    ]


def _named_after(text: str, han: str, registered: Sequence[Candidate]) -> list[Candidate]:
    """Names built on a registered name: a Chinese initiative (the name, a few words, an
    initiative head: 數碼港投資創業基金, 北都城鄉共融基金) or the body that runs a registered
    initiative (科技券計劃委員會, "Technology Voucher Programme Committee"). The longer name is
    its own entity."""
    found: list[Candidate] = []
    is_han: dict[str, bool] = {}  # character -> whether it is Han, for the few a text has
    for cand in registered:
        body = _body_of(text, han, cand) if cand.domain == "initiative" else None
        if body is not None:
            found.append(body)
        elif _han_at(han, cand.end - 1, is_han) and _han_at(han, cand.end, is_han):
            end = _head_end(han, cand.end)
            if end is not None:
                found.append(_discovered(text, han, cand.start, end, "initiative", 0.7))
    return found


def _han_at(han: str, index: int, seen: dict[str, bool]) -> bool:
    """Whether ``han[index]`` is a Han character (False past the end); ``seen`` remembers the
    characters looked up so far."""
    char = han[index : index + 1]
    found = seen.get(char)
    if found is None:
        found = seen[char] = HAN_CHAR_RE.match(char) is not None
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
_BODY_HEAD_FIRST = frozenset("委辦秘局署 ")  # the characters _BODY_HEAD_RE starts with


def _body_of(text: str, han: str, cand: Candidate) -> Candidate | None:
    """The committee or office named after the registered initiative ``cand``, if one follows."""
    if han[cand.end : cand.end + 1] not in _BODY_HEAD_FIRST:
        return None
    m = _BODY_HEAD_RE.match(han, cand.end)
    if m is None or (m.group()[0] != " " and not HAN_CHAR_RE.match(han, cand.end - 1)):
        return None
    if m.group() in "局署" and han[m.end() : m.end() + 1] == "長":
        return None  # 局長: an office holder
    return _discovered(text, han, cand.start, m.end(), "institution", 0.7)


# The name characters after a registered name, at most _NAMED_AFTER_WORDS of them, read in one
# match. Linear: one bounded class.
_NAMED_AFTER_RE = regex.compile(
    f"(?V1){_name_chars(vocab.HAN_STOP_CHARS | vocab.HAN_NOT_IN_NAMES)}{{0,{_NAMED_AFTER_WORDS}}}"
)


_SHORTEST_INITIATIVE_HEAD = min(map(len, vocab.HAN_INITIATIVE_HEADS))


def _head_end(han: str, start: int) -> int | None:
    """The end of the first initiative head within a short run of name characters."""
    run = _NAMED_AFTER_RE.match(han, start, start + _NAMED_AFTER_WORDS)
    run_end = run.end() if run is not None else start
    if run_end - start < 2 + _SHORTEST_INITIATIVE_HEAD:
        return None  # no room for two name characters and a head
    # the first end of a head that has two name characters or more before it
    ends = [
        at + len(head)
        for head in vocab.HAN_INITIATIVE_HEADS
        if (at := han.find(head, start + 2, run_end)) != -1
    ]
    return min(ends, default=None)


def filter_discoveries(
    discovered: list[Candidate], registered: list[Candidate], matcher: Matcher
) -> list[Candidate]:
    """Drop discoveries that cross a registry mention; keep "<registered body> ... Institute"
    and an initiative named after a registered body or containing a registered name."""
    by_start = sorted(registered, key=lambda c: c.start)
    starts = [c.start for c in by_start]
    kept: list[Candidate] = []
    known: dict[str, bool] = {}  # a text discovers the same few names many times
    for cand in discovered:
        is_known = known.get(cand.form)
        if is_known is None:
            is_known = known[cand.form] = matcher.known(cand.form)
        if is_known:
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
        return cand._replace(parent=first.entity_id)
    if cand.domain == "initiative" and all(
        r.domain == "institution" or r.start > cand.start for r in inside
    ):
        # "Cyberport AI Lab Scheme", 策略性創科基金: a name of its own. (A registered
        # initiative at the start stays itself: "Partnership Research Programme 96" in a table.)
        return cand
    if cand.head >= 0 and all(r.domain == "initiative" and r.end <= cand.head for r in inside):
        return cand  # 科技券計劃委員會, "Technology Voucher Programme Committee": a body
    return None
