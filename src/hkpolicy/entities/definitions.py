"""Document definitions: "Full Name (ACRONYM)" teaches a text a short form for one entity.

A definition found by :func:`hkpolicy.abbrev.find_abbreviations` ties its short form to the
registered or discovered name that ends where the long form ends (or to a capitalised name with a
head word). Later uses of the short form are mentions of that entity; a short form the document
defines as something that is no entity masks the registry's acronym from there on.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

from ..abbrev import abbreviation_offsets
from .discovery import HAN_CHAR_RE
from .english import TOKEN_RE, classify, is_name_word
from .matcher import EDGE_AFTER, EDGE_BEFORE, Candidate, Matcher, slug, trie_regex
from .vocabulary import HAN_INITIATIVE_HEADS, HAN_STOP_CHARS, NAME_CONNECTORS

if TYPE_CHECKING:
    from .registry import Registry

__all__ = ["definitions", "short_references"]


_Taught = tuple[int, str, Candidate | None]  # (from offset, short form, target or None)


def definitions(
    text: str,
    registered: list[Candidate],
    discovered: list[Candidate],
    registry: Registry,
) -> tuple[list[Candidate], dict[str, str]]:
    """Mentions taught by the document's own acronym definitions, and the short form of each."""
    taught = _taught(text, registered, discovered, registry)
    if not taught:
        return [], {}
    candidates: list[Candidate] = []
    acronyms: dict[str, str] = {}
    for _, short_form, target in taught:
        if target is not None and target.entity_id not in registry:
            acronyms.setdefault(target.entity_id, short_form)
            candidates.append(target)
    return candidates + _uses(text, taught, registry), acronyms


def _taught(
    text: str, registered: list[Candidate], discovered: list[Candidate], registry: Registry
) -> list[_Taught]:
    """Each definition's short form and the entity its long form names (None: no entity)."""
    found = abbreviation_offsets(text)
    if not found:
        return []
    long_ends = {l_end for _, (_, l_end) in found}
    ends: dict[int, list[Candidate]] = {}  # the candidates that end where a long form ends
    for cand in (*registered, *discovered):
        if cand.end in long_ends:
            ends.setdefault(cand.end, []).append(cand)
    taught: list[_Taught] = []
    for (s_start, s_end), (l_start, l_end) in found:
        short = text[s_start:s_end]
        targets = [c for c in ends.get(l_end, ()) if c.start >= l_start]
        target = min(targets, key=lambda c: c.start) if targets else None
        if target is None:
            target = _named_around(registered, s_start, s_end, short, registry)
        if target is None:
            target = _capitalised_name(l_start, l_end, text[l_start:l_end])
        taught.append((s_start, short, target))
    return taught


def _capitalised_name(start: int, end: int, long: str) -> Candidate | None:
    """A long form made of capitalised words with a head word: a name of its own."""
    words = [t.group() for t in TOKEN_RE.finditer(long)]
    if not words or not all(is_name_word(w) or w in NAME_CONNECTORS for w in words):
        return None
    classified = classify(words)
    if classified is None:
        return None
    domain, kind, _ = classified
    return Candidate(start, end, slug(long), domain, long, "discovered", 2, kind, confidence=0.9)


def _uses(text: str, taught: list[_Taught], registry: Registry) -> list[Candidate]:
    """Every later use of a defined short form, as a mention of what its definition names."""
    by_short: dict[str, list[Candidate | None]] = {}
    offsets: dict[str, list[int]] = {}  # by_short's definition offsets, for bisect
    for from_offset, short_form, target in taught:
        by_short.setdefault(short_form, []).append(target)
        offsets.setdefault(short_form, []).append(from_offset)
    registry_forms = _RegistryForms(registry._matcher)
    inert = {s for s, targets in by_short.items() if registry_forms.inert(s, targets, registry)}
    if len(inert) == len(by_short):
        return []  # every use would be skipped: none names an entity or masks a registered one
    found: list[Candidate] = []
    for m in _short_form_pattern(frozenset(by_short)).finditer(text):
        short_form = m.group()
        if short_form in inert:
            continue
        index = bisect.bisect_right(offsets[short_form], m.start()) - 1
        if index < 0:
            continue  # used before the document defines it
        target = by_short[short_form][index]
        if target is None:
            if registry_forms.known(short_form):
                # the document defines this short form as something that is no entity (DPO:
                # "data protection officer"): it masks the registry acronym from here on
                found.append(
                    Candidate(m.start(), m.end(), "", "institution", short_form, "defined", 0)
                )
            continue
        if target.entity_id in registry and registry_forms.names(short_form, target.entity_id):
            continue  # the registry already knows this acronym for this body
        found.append(
            target._replace(start=m.start(), end=m.end(), form=short_form, match="defined", rank=0)
        )
    return found


class _RegistryForms:
    """What the registry knows of a text's short forms, looked up once per short form."""

    def __init__(self, matcher: Matcher) -> None:
        self._matcher = matcher
        self._known: dict[str, bool] = {}
        self._names: dict[tuple[str, str], bool] = {}

    def inert(self, short_form: str, targets: list[Candidate | None], registry: Registry) -> bool:
        """Whether no use of ``short_form`` makes a candidate, whichever definition it follows:
        each names no entity and the registry does not know the form, or names a registered
        entity that the registry already knows by it."""
        return all(
            not self.known(short_form)
            if target is None
            else target.entity_id in registry and self.names(short_form, target.entity_id)
            for target in targets
        )

    def known(self, short_form: str) -> bool:
        """Whether ``short_form`` is a registered form of any entity."""
        found = self._known.get(short_form)
        if found is None:
            found = self._known[short_form] = self._matcher.known(short_form)
        return found

    def names(self, short_form: str, entity_id: str) -> bool:
        """Whether ``short_form`` is a registered form of ``entity_id``."""
        key = (short_form, entity_id)
        found = self._names.get(key)
        if found is None:
            forms = self._matcher.forms_of(short_form)
            found = self._names[key] = any(f.entity_id == entity_id for f in forms)
        return found


def _named_around(
    registered: list[Candidate], start: int, end: int, short: str, registry: Registry
) -> Candidate | None:
    """The registry mention that holds a short form defined inside it and knows that short
    form: "Areas of Excellence (AoE) Scheme"."""
    # registry mentions come in text order and never overlap: only the last one starting
    # before the short form can hold it (bisect keeps this linear over a long text)
    index = bisect.bisect_left(registered, start, key=lambda c: c.start) - 1
    if index < 0 or not (registered[index].start < start and end < registered[index].end):
        return None
    cand = registered[index]
    known = registry._matcher.forms_of(short)
    return cand if any(f.entity_id == cand.entity_id for f in known) else None


@functools.lru_cache(maxsize=256)
def _short_form_pattern(short_forms: frozenset[str]) -> re.Pattern[str]:
    """Case-sensitive matcher of a document's defined short forms (a trie: linear)."""
    trie = trie_regex(short_forms)
    # The trie's one-class lookahead goes first too, so the scan skips to the few places a
    # short form can start (the edge test first would be tried at every position).
    first = trie[: trie.index("])") + 2]
    return re.compile(first + EDGE_BEFORE + "(?:" + trie + ")" + EDGE_AFTER)


_TAIL = 4  # two words of a Chinese name and its two-character head: 加速計劃, 先導計劃


def short_references(han: str, registered: list[Candidate], registry: Registry) -> list[Candidate]:
    """Later uses of the last words of a Chinese initiative's name the text has given in full
    (新型工業加速計劃 ... 加速計劃): a mention of that initiative, where no name characters
    precede them (the tail inside 企業加速計劃 is another name)."""
    tails: dict[str, tuple[int, Candidate]] = {}
    for cand in registered:
        form = han[cand.start : cand.end]
        if cand.domain != "initiative" or len(form) < _TAIL + 2 or not form.endswith(_HEADS):
            continue
        tails.setdefault(form[-_TAIL:], (cand.end, cand))
    found: list[Candidate] = []
    for tail, (after, cand) in tails.items():
        pos = han.find(tail, after)
        while pos != -1:
            if _stands_alone(han, pos, pos + _TAIL) and cand.entity_id in registry:
                short = cand._replace(
                    start=pos, end=pos + _TAIL, form=tail, match="defined", rank=1
                )
                found.append(short)
            pos = han.find(tail, pos + _TAIL)
    return found


def _stands_alone(han: str, start: int, end: int) -> bool:
    before = han[start - 1] if start else ""
    if before and HAN_CHAR_RE.match(before) and before not in _REFERRING:
        return False
    return not (end < len(han) and han[end] in "書表")  # 計劃書, 基金表: documents


_HEADS = tuple(HAN_INITIATIVE_HEADS)
_REFERRING = HAN_STOP_CHARS | frozenset("該此本關")  # 該計劃, 有關計劃: a reference, not a name
