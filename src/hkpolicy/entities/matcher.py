"""The registry matcher: every registered name, acronym and alias in three scripts, found in text.

Each surface form is folded (spaces, quotes, dashes: one character in, one character out) and
lower-cased one character at a time, so offsets in the matched copy are offsets in the original
text. The forms are compiled into two stdlib ``re`` patterns shaped as tries: forms that start
with a Latin letter or digit, found just after a non-Latin character, and the others (Chinese),
found at their first character. The branches of each trie node start with distinct characters, so
the work at any position is bounded by the longest form: linear in the text by construction, and
``re`` skips to the few characters a form can start with.

A hit is then checked against the original text: an acronym-like token (HKUST, InvestHK) must
match case exactly, and a Chinese short form is vetoed in the contexts listed in
:data:`~hkpolicy.entities.vocabulary.CJK_FALSE_CONTEXTS` (港大 in 本港大學). When the longest
form fails its check, shorter forms at the same start are tried.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import regex

from ..spans import TakenCharacters
from . import vocabulary
from .hans import han_view, simplified_guess
from .models import Domain, Initiative, Institution, MatchKind

__all__ = ["Candidate", "Matcher", "registry_candidates", "resolve", "slug"]

# Each character on the left becomes the one on the right, so lengths never change.
_FOLD_TABLE: dict[str, str] = {
    **dict.fromkeys(
        "\t\n\r\v\f\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
        + "\u2028\u2029\u202f\u205f\u3000",
        " ",
    ),
    **dict.fromkeys("’‘", "'"),
    **dict.fromkeys("–‑—", "-"),
    "＆": "&",
}  # fmt: skip

FOLD_TRANSLATION = str.maketrans(_FOLD_TABLE)
# Longest text folded by one str.translate; a longer one takes a str.replace per table entry
# (each a C-speed scan, and most entries are absent). The two give the same string.
_TRANSLATE_UP_TO = 256


_FOLD_ENTRIES = tuple((char, repl, char.isascii()) for char, repl in _FOLD_TABLE.items())


def fold(text: str, chars: frozenset[str] | None = None) -> str:
    """``text`` with every space, quote and dash variant made plain; same length.

    ``chars``, when given, holds every non-ASCII character of ``text`` (see
    :func:`~hkpolicy.entities.hans.text_characters`): the non-ASCII entries of the table are
    looked up there instead of in the text."""
    if len(text) <= _TRANSLATE_UP_TO:
        return text.translate(FOLD_TRANSLATION)
    # str.replace per character: a C-speed scan each, and most are absent
    for char, replacement, is_ascii in _FOLD_ENTRIES:
        if char in text if is_ascii or chars is None else char in chars:
            text = text.replace(char, replacement)
    return text


def lower(text: str) -> str:
    """``text.lower()`` one character at a time: a character whose lower case is longer (İ)
    stays as it is, so the result has the same length."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


_LEADING_THE = re.compile(r"(?i)the\s+")
# An acronym-like token (an upper-case letter after the first character: HKUST, InvestHK, SAR)
# must match case exactly; the rest of a name matches without regard to case.
# Hyphens part words: "Innovation-Driven" and "Incu-Bio" are capitalised words, not acronyms.
_ACRONYM_TOKEN = re.compile(r"[^\s-]*[A-Z][^\s-]*[A-Z][^\s-]*|[^\s-]+[A-Z][^\s-]*")


@dataclass(frozen=True)
class Form:
    """One surface form of a registry entry, as the matcher compares it."""

    text: str
    entity_id: str
    domain: Domain
    match: MatchKind
    exact: tuple[tuple[int, str], ...]


_AND_RE = re.compile(r"(?<=\S) (?:and|&) (?=\S)")


def _surfaces(entity: Institution | Initiative) -> Iterator[tuple[str, MatchKind]]:
    """Every surface of ``entity``; an English one with " and " or " & " also with the other
    ("Innovation & Technology Park" is the same name as "Innovation and Technology Park")."""
    for raw, kind in _written_surfaces(entity):
        yield raw, kind
        if raw.isascii() and _AND_RE.search(raw):
            yield _AND_RE.sub(lambda m: " & " if "and" in m.group() else " and ", raw), kind


def _written_surfaces(entity: Institution | Initiative) -> Iterator[tuple[str, MatchKind]]:
    yield entity.name, "name"
    if entity.name_zh:
        yield entity.name_zh, "name_zh"
    if entity.name_zh_hans:
        yield entity.name_zh_hans, "name_zh_hans"
    elif entity.name_zh:  # a user's entry: the character map's guess at its Simplified form
        yield simplified_guess(entity.name_zh), "name_zh_hans"
    if entity.acronym:
        yield entity.acronym, "acronym"
        inside = _acronym_inside(entity.name, entity.acronym)
        if inside is not None:
            yield inside, "name"
    for alias in (*entity.aliases, *entity.aliases_zh_hans):
        yield alias, "alias"


def _acronym_inside(name: str, acronym: str) -> str | None:
    """The name with its acronym before the head word, as texts often write it: "Areas of
    Excellence (AoE) Scheme", "Free Trade Agreement (FTA) Programme"."""
    words = name.split()
    head = words[-1] if len(words) > 2 else ""
    if head not in vocabulary.INITIATIVE_HEADS and head not in vocabulary.INSTITUTION_HEADS:
        return None
    short = acronym.removesuffix(" " + head)
    if " " in short or short in words:
        return None
    return " ".join([*words[:-1], f"({short})", head])


def entity_forms(entity: Institution | Initiative, domain: Domain) -> Iterator[Form]:
    """Every surface form of ``entity``: names in three scripts, acronym and aliases."""
    for raw, kind in _surfaces(entity):
        text = fold(raw).strip()
        the = _LEADING_THE.match(text)
        if the and the.end() < len(text):
            text = text[the.end() :]
        if not text:
            continue
        exact: tuple[tuple[int, str], ...]
        if kind == "acronym" or (" " not in text and _ACRONYM_TOKEN.fullmatch(text)):
            exact = ((0, text),)
        else:
            exact = tuple((m.start(), m.group()) for m in _ACRONYM_TOKEN.finditer(text))
        yield Form(text, entity.id, domain, kind, exact)


# --------------------------------------------------------------------------------------------
# tries compiled to regular expressions

LATIN = r"A-Za-z0-9\u00c0-\u024f"
EDGE_BEFORE = rf"(?:(?<![{LATIN}])|(?![{LATIN}]))"  # a word edge, or a non-Latin first char
EDGE_AFTER = rf"(?:(?![{LATIN}])|(?<![{LATIN}]))"  # a word edge, or a non-Latin last char
_LATIN_RE = re.compile(f"[{LATIN}]")


def _trie(words: Iterable[str]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _trie_body(node: dict[str, Any], emit: Callable[[str], str] = re.escape) -> str:
    """The alternation matching the words under ``node``, each character written by ``emit``."""
    branches = [emit(ch) + _trie_body(child, emit) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def trie_regex(words: Iterable[str], *, skip: bool = True) -> str:
    """One regex alternation shaped as a trie of ``words``; greedy, so the longest form wins.

    With ``skip``, a lookahead of the words' first characters leads, for a pattern that puts an
    edge test before the trie (see ``definitions._short_form_pattern``). Without it the
    pattern starts with the trie's own branches, from which the stdlib engine takes the
    characters to skip to."""
    words = list(words)
    body = _trie_body(_trie(words))
    if not skip:
        return body
    first = sorted({w[0] for w in words if w})
    return "(?=[" + "".join(map(re.escape, first)) + "])" + body


class _Passes:
    """The scan over ``" " + lower(fold(text))`` (the space stands for the start): one pass for
    the forms that start with a Latin letter or digit, one or two for the others."""

    def __init__(self, keys: Sequence[str]) -> None:
        root = _trie(keys)
        if "" in root or not root:
            raise ValueError("an empty form")
        latin_root = {ch: child for ch, child in root.items() if _LATIN_RE.match(ch)}
        other_root = {ch: child for ch, child in root.items() if ch not in latin_root}
        # Linear: tries (see above) after one consumed character.
        self.latin = re.compile(f"[^{LATIN}](" + _trie_body(latin_root) + ")" + EDGE_AFTER)
        # The same forms found at their first letter, the character before it tested behind
        # (see latin_at_letter); kept as source, compiled when first needed.
        self._latin_at_letter_source = (
            "("
            + "|".join(
                re.escape(ch) + f"(?<![{LATIN}]{re.escape(ch)})" + _trie_body(child)
                for ch, child in sorted(latin_root.items())
            )
            + ")"
            + EDGE_AFTER
        )
        groups = _other_groups(other_root, keys)
        self.others = tuple(re.compile(_trie_body(group) + EDGE_AFTER) for group in groups)
        # the match of the pass that holds the forms starting with each character
        self._other_match = {
            ch: other.match
            for other, group in zip(self.others, groups, strict=True)
            for ch in group
        }
        # The trie itself is not kept: its nodes would be thousands of dicts that every full
        # garbage collection walks for as long as the registry lives.
        self._anchored_source = EDGE_BEFORE + _trie_body(root) + EDGE_AFTER
        # The characters an other form starts with, when none is ASCII (see _other_starts).
        self._other_first = (
            frozenset(other_root) if not any(ch.isascii() for ch in other_root) else None
        )

    @functools.cached_property
    def latin_at_letter(self) -> re.Pattern[str]:
        """What :attr:`latin` finds (the form in group 1), found at the form's first letter.

        The engine skips to the characters a pattern can start with and tries the pattern at
        each: :attr:`latin` starts at any character but a Latin letter or digit, this at the
        letters a form starts with. On mostly Chinese text this tries a few places in ten."""
        return re.compile(self._latin_at_letter_source)

    @functools.cached_property
    def anchored(self) -> re.Pattern[str]:
        """The same language with the edge test first, for shorter forms at a known start."""
        return re.compile(self._anchored_source)

    def _other_starts(self, subject: str, chars: frozenset[str]) -> list[int] | None:
        """Every place in ``subject`` (``" " + lower(fold(text))``) an other form can start,
        in order, when ``chars`` (every non-ASCII character of ``text``) shows they are few;
        else None.

        Every other form starts with a non-ASCII character, and fold makes characters ASCII,
        so such a place holds the lower case of a character in ``chars``: the character
        itself, its one-character lower case, or for Σ the final ς. ``str.find`` lists those.
        """
        first = self._other_first
        if first is None:
            return None
        images = {*chars, *(low for ch in chars for low in ch.lower())}
        if "Σ" in chars:
            images.add("ς")
        wanted = first.intersection(images)
        if len(wanted) > _OTHER_STARTS_CHARS:
            return None
        limit = len(subject) // _OTHER_STARTS_SHARE
        starts: list[int] = []
        for ch in wanted:
            at = subject.find(ch, 1)
            while at != -1:
                if len(starts) == limit:
                    return None  # trying each place would cost more than one engine scan
                starts.append(at)
                at = subject.find(ch, at + 1)
        starts.sort()
        return starts

    def spans(
        self, subject: str, chars: frozenset[str] | None = None, *, wide: bool = False
    ) -> Iterator[tuple[int, int]]:
        """Leftmost, non-overlapping hits (in ``subject[1:]`` offsets). Latin and other forms
        never start at the same place, so the next hit is the nearer of the two passes'.
        ``chars``, when given, holds every non-ASCII character of the text (see
        :func:`~hkpolicy.entities.hans.text_characters`); ``wide``: the text is mostly Chinese
        (Latin forms are then found at their first letter, see :attr:`latin_at_letter`, once
        compiled or for a text long enough to pay for compiling it)."""
        wide = wide and (
            len(subject) >= _AT_LETTER_PAYS or "latin_at_letter" in self.__dict__  # compiled
        )
        # The latin pass reads the character before a form, which may be the last one of the
        # form before it: it searches again from one character back, unless it looks behind.
        back = 0 if wide else 1
        latin_search = (self.latin_at_letter if wide else self.latin).search
        other_search = self._other_search(subject, chars)
        lat = latin_search(subject, 0)
        oth = other_search(subject, 1) if other_search is not None else None
        while lat is not None or oth is not None:
            if oth is None or (lat is not None and lat.start(1) < oth.start()):
                assert lat is not None
                start, pos = lat.span(1)
            else:
                start, pos = oth.span()
            yield start - 1, pos - 1
            if lat is not None and lat.start(1) < pos:
                lat = latin_search(subject, pos - back)
            if oth is not None and other_search is not None and oth.start() < pos:
                oth = other_search(subject, pos)

    def _other_search(
        self, subject: str, chars: frozenset[str] | None
    ) -> Callable[[str, int], re.Match[str] | None] | None:
        """The leftmost hit of an other form at or after a position (given in growing order):
        the nearest of the other passes' hits, or where :meth:`_other_starts` lists the places
        an other form can start, a match tried at each of them in turn (the first that matches
        is the leftmost). None when no other form can be found."""
        if not self.others:
            return None
        starts = self._other_starts(subject, chars) if chars is not None else None
        if starts is None:
            return _nearest([other.search for other in self.others])
        if not starts:
            return None
        match_at = self._other_match

        def search(subject: str, pos: int) -> re.Match[str] | None:
            for at in itertools.islice(starts, bisect.bisect_left(starts, pos), None):
                found = match_at[subject[at]](subject, at)
                if found is not None:
                    return found
            return None

        return search


_Search = Callable[[str, int], "re.Match[str] | None"]
# Other forms whose first character is among this many the registry's other forms use most get a
# pass of their own (see _other_groups).
_COMMON_FIRST_CHARS = 64


def _other_groups(other_root: dict[str, Any], keys: Sequence[str]) -> list[dict[str, Any]]:
    """The other forms' trie split in two by first character, when it has many.

    At a place that holds one of a pass's first characters the engine compares it with each of
    them in turn, and a try that fails compares them all: on Chinese text, where most places
    hold one, the work grows with their number. The characters the registry's other forms use
    most are those the texts that name its bodies use most: they get a short pass of their own.
    """
    if len(other_root) <= 2 * _COMMON_FIRST_CHARS:
        return [other_root] if other_root else []
    use = collections.Counter(ch for key in keys if key[0] in other_root for ch in key)
    ranked = sorted(other_root, key=lambda ch: (-use[ch], ch))
    common = set(ranked[:_COMMON_FIRST_CHARS])
    return [
        {ch: child for ch, child in other_root.items() if ch in common},
        {ch: child for ch, child in other_root.items() if ch not in common},
    ]


def _nearest(searches: list[_Search]) -> _Search:
    """One search over passes whose hits never start at the same place: the nearest of their
    next hits. Positions come in growing order, so each pass's next hit is kept until a
    position passes its start (no hit of that pass lies between)."""
    if len(searches) == 1:
        return searches[0]
    hits: list[re.Match[str] | None] = []

    def search(subject: str, pos: int) -> re.Match[str] | None:
        if not hits:
            hits.extend(each(subject, pos) for each in searches)
        for index, hit in enumerate(hits):
            if hit is not None and hit.start() < pos:
                hits[index] = searches[index](subject, pos)
        found = None
        for hit in hits:
            if hit is not None and (found is None or hit.start() < found.start()):
                found = hit
        return found

    return search


# Compiling latin_at_letter takes about as long as it saves on this many characters of Chinese.
_AT_LETTER_PAYS = 500_000
# Listing the places an other form can start pays while they are fewer than one in this many
# characters: a match tried at each costs about as much as the engine scanning this many.
_OTHER_STARTS_SHARE = 256
# Each character listed costs one str.find pass over the text (a fifth to a tenth of an engine
# scan): past this many, the engine's one scan is cheaper.
_OTHER_STARTS_CHARS = 8
_VETO_WINDOW = 8  # characters either side of a short Chinese form that its vetoes read


class Source:
    """A text and its fold, computed only when first needed."""

    __slots__ = ("_folded", "text")

    def __init__(self, text: str, folded: str | None = None) -> None:
        self.text = text
        self._folded = folded  # fold(text), when the caller has it

    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def slice(self, start: int, end: int) -> str:
        if self._folded is not None:
            return self._folded[start:end]
        return self.text[start:end].translate(FOLD_TRANSLATION)  # fast on short strings


def _lower_case_common_noun(form: Form, surface: str) -> bool:
    """A body's capitalised English name written all in lower case ("the science park") is
    used as a common noun. (Initiatives keep lower-case names: "the AI subsidy scheme".)"""
    return (
        form.domain == "institution"
        and " " in form.text
        and not form.text.islower()
        and surface.islower()
    )


class Matcher:
    """The compiled forms of one registry."""

    def __init__(
        self, institutions: Iterable[Institution], initiatives: Iterable[Initiative]
    ) -> None:
        self.forms: dict[str, list[Form]] = {}
        for domain, entities in (("institution", institutions), ("initiative", initiatives)):
            for entity in entities:
                for form in entity_forms(entity, domain):  # type: ignore[arg-type]
                    bucket = self.forms.setdefault(lower(form.text), [])
                    if all(f.entity_id != form.entity_id or f.text != form.text for f in bucket):
                        bucket.append(form)
        self.vetoes = {
            form: (
                regex.compile(f"(?:{before})\\Z") if before else None,
                regex.compile(after) if after else None,
            )
            for form, (before, after) in vocabulary.CJK_FALSE_CONTEXTS.items()
        }
        self.passes = _Passes(sorted(self.forms)) if self.forms else None

    def known(self, surface: str) -> bool:
        """Whether ``surface`` is a registered form (in any case)."""
        return lower(fold(surface)) in self.forms

    def forms_of(self, surface: str) -> list[Form]:
        return self.forms.get(lower(fold(surface)), [])

    def _vetoed(self, form: Form, source: Source, start: int, end: int) -> bool:
        veto = self.vetoes.get(han_view(form.text))
        if veto is None:
            return False
        before, after = veto
        if before is not None:
            window = han_view(source.slice(max(0, start - _VETO_WINDOW), start))
            if before.search(window):
                return True
        if after is not None:
            window = han_view(source.slice(end, end + _VETO_WINDOW))
            return after.match(window) is not None
        return False

    @functools.cached_property
    def _with_vetoes(self) -> frozenset[str]:
        """The form texts some context vetoes (see :meth:`_vetoed`)."""
        return frozenset(
            form.text
            for forms in self.forms.values()
            for form in forms
            if han_view(form.text) in self.vetoes
        )

    def surface_forms(self, surface: str) -> tuple[Form, ...]:
        """The registered forms ``surface`` (a folded slice of a text) can be, in registry
        order, before any context is read: those whose case-sensitive tokens it matches and of
        which it is no lower-case common noun."""
        return tuple(
            form
            for form in self.forms.get(lower(surface), ())
            if all(surface[i : i + len(tok)] == tok for i, tok in form.exact)
            and not _lower_case_common_noun(form, surface)
        )

    def lookup(
        self,
        source: Source,
        start: int,
        end: int,
        seen: dict[str, tuple[Form, ...]] | None = None,
    ) -> Form | None:
        """The registered form the text names at ``start:end``, or None. ``seen`` holds
        :meth:`surface_forms` of the surfaces one text has shown so far."""
        surface = source.slice(start, end)
        if seen is None:
            forms = self.surface_forms(surface)
        else:
            found = seen.get(surface)
            forms = (
                found
                if found is not None
                else seen.setdefault(surface, self.surface_forms(surface))
            )
        with_vetoes = self._with_vetoes
        for form in forms:
            if form.text in with_vetoes and self._vetoed(form, source, start, end):
                continue
            return form
        return None

    def context_free(self, forms: tuple[Form, ...]) -> bool:
        """Whether no context can veto any of ``forms``: :meth:`lookup` then gives the first of
        them (or None) wherever their surface stands."""
        return self._with_vetoes.isdisjoint(form.text for form in forms)


# --------------------------------------------------------------------------------------------
# candidates and overlap resolution


class Candidate(NamedTuple):
    """A possible mention: registered, defined by the document, or discovered."""

    start: int
    end: int
    entity_id: str
    domain: Domain
    form: str
    match: MatchKind
    rank: int  # lower wins a tie in length: definitions, then registry, then discovery
    kind: str | None = None  # discovered entities: their kind
    parent: str | None = None  # discovered entities: a registered body named at their start
    head: int = -1  # discovered English names: offset of the head word
    confidence: float = 1.0  # discovered entities: the strength of the evidence


_SLUG_PART_RE = regex.compile(r"[\p{L}\p{N}+]+")  # linear: one class repeated
# The same parts of an ASCII name: there the letters and digits are A-Z, a-z and 0-9.
_ASCII_SLUG_PART_RE = re.compile(r"[a-z0-9+]+")  # linear: one class repeated


@functools.lru_cache(maxsize=4096)  # a text names the same bodies again and again
def slug(name: str) -> str:
    """The id of a discovered name: ``"new:"`` and its words, case-folded, joined by hyphens."""
    if name.isascii():
        return "new:" + "-".join(_ASCII_SLUG_PART_RE.findall(name.lower()))
    return "new:" + "-".join(_SLUG_PART_RE.findall(name.casefold()))


_UNSETTLED: tuple[Any, ...] = ("unsettled",)  # no surface's candidate tail: a sentinel
_new_candidate = tuple.__new__  # a Candidate from its fields, without the Python-level __new__


def _tail(form: Form) -> tuple[Any, ...]:
    """What a registry candidate for ``form`` holds after its start and end."""
    return Candidate(0, 0, form.entity_id, form.domain, form.text, form.match, rank=1)[2:]


def registry_candidates(
    text: str,
    matcher: Matcher,
    *,
    folded: str | None = None,
    chars: frozenset[str] | None = None,
    wide: bool = False,
) -> list[Candidate]:
    """Every registry mention in ``text``: leftmost-longest, checked against the original.
    ``folded`` is ``fold(text)``, ``chars`` every non-ASCII character of ``text`` and ``wide``
    whether it is mostly Chinese (see :func:`~hkpolicy.entities.hans.text_characters`), when
    the caller has them."""
    passes = matcher.passes
    if passes is None:
        return []
    found: list[Candidate] = []
    source = Source(text, folded)
    subject = " " + lower(source.folded())
    folded = source.folded()
    seen: dict[str, tuple[Form, ...]] = {}  # one text names the same few bodies many times
    # The surfaces whose form no context can veto: the tail of their candidates, or None for
    # no form (shorter forms are then tried at each place).
    settled: dict[str, tuple[Any, ...] | None] = {}
    for start, end in passes.spans(subject, chars, wide=wide):
        surface = folded[start:end]
        tail = settled.get(surface, _UNSETTLED)
        if tail is not None and tail is not _UNSETTLED:
            found.append(_new_candidate(Candidate, (start, end, *tail)))
            continue
        form = None
        if tail is _UNSETTLED:
            form = matcher.lookup(source, start, end, seen)
            if matcher.context_free(seen[surface]):
                settled[surface] = None if form is None else _tail(form)
        while form is None and end - start > 1:
            # the longest form failed its case or context check: try shorter ones here
            shorter = passes.anchored.match(subject, start + 1, end)
            if shorter is None:
                break
            end = shorter.end() - 1
            if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                continue
            form = matcher.lookup(source, start, end, seen)
        if form is not None:
            found.append(_new_candidate(Candidate, (start, end, *_tail(form))))
    return found


_BOUNDS = operator.itemgetter(0, 1)  # a candidate's (start, end)


def resolve(candidates: Sequence[Candidate], skip: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Longest first; ties go to the lower rank, then the earlier start. No two overlap, and
    none overlaps a skipped range. In start order."""
    size = max((cand.end for cand in candidates), default=0)
    taken = TakenCharacters(size, ((int(s), int(e)) for s, e in skip))
    by_start = sorted((cand for cand in candidates if cand.end > cand.start), key=_BOUNDS)
    if all(map(_apart, by_start, itertools.islice(by_start, 1, None))):
        # No two overlap (the common case: discoveries that cross a registry mention are gone
        # by now), so none takes a character another would: each is chosen unless a skipped
        # range holds one of its characters, whatever the order they are taken in.
        marks = taken.taken
        return [cand for cand in by_start if marks.find(1, cand.start, cand.end) < 0]
    chosen = [
        cand
        for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.rank, c.start))
        if cand.end > cand.start and taken.add(cand.start, cand.end)
    ]
    chosen.sort()  # by start: chosen candidates never overlap, so no two share one
    return chosen


def _apart(first: Candidate, second: Candidate) -> bool:
    """Whether ``first`` ends before ``second`` starts (``first`` starts no later)."""
    return first.end <= second.start
