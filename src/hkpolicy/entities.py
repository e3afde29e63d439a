"""Institutions and initiatives: the bilingual registry in ``data/registry.json`` and recognition.

Owns the :class:`Institution` and :class:`Initiative` models, :class:`EntityMention`, the
:class:`Registry` (loaded once by :func:`load_registry`), the scanners :func:`find_institutions`
and :func:`find_initiatives`, and :func:`recognize_entities`, which groups mentions into one object
per distinct entity.

Recognition runs in four steps over one text:

1. registry names, acronyms and aliases, English and Chinese, through one ``regex`` named list;
2. acronym definitions (:mod:`hkpolicy.abbrev`), which teach the document a new short form;
3. discovery of unregistered names by pattern ("X Institute", "University of X", "X Scheme",
   quoted titles, 「…計劃」, …中心, …局), marked ``registered=False``;
4. overlap resolution: the longest mention wins, then a document definition, then the registry.

>>> [(m.id, m.span.text) for m in find_institutions("The HKUST Big Data Institute and 數碼港")]
[('hkust_bdi', 'HKUST Big Data Institute'), ('cyberport', '數碼港')]
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import regex

from .abbrev import find_abbreviations
from .spans import (
    Record,
    Span,
    TakenCharacters,
    check_optional_str,
    check_text,
    trusted_builder,
)

__all__ = [
    "EntityMention",
    "Initiative",
    "InitiativeKind",
    "Institution",
    "InstitutionKind",
    "MatchKind",
    "Registry",
    "find_initiatives",
    "find_institutions",
    "load_registry",
    "recognize_entities",
]


def __dir__() -> list[str]:
    return __all__


InstitutionKind = Literal[
    "university",
    "bureau_or_department",
    "statutory_body",
    "research_centre",
    "park_or_facility",
    "company",
    "industry_body",
    "legislature_or_council",
    "government",
    "other",
]

InitiativeKind = Literal[
    "fund", "scheme", "programme", "blueprint", "strategy", "initiative", "project", "other"
]

MatchKind = Literal["name", "name_zh", "acronym", "alias", "defined", "discovered"]
"""How a mention was recognised: a registry field, a document's own acronym definition, or a
discovery pattern."""

Domain = Literal["institution", "initiative"]


class Institution(Record):
    """A body that funds, runs, receives or reports: a bureau, university, park or company."""

    id: str
    """Stable identifier, e.g. ``"hkust"``; discovered names get ``"new:<slug>"``."""
    name: str
    """English name (for a body discovered in Chinese text, the Chinese name)."""
    name_zh: str | None = None
    """Traditional Chinese name, where it has one."""
    acronym: str | None = None
    """The usual acronym, e.g. ``"HKUST"``."""
    aliases: tuple[str, ...] = ()
    """Other names and acronyms the body goes by, official or not, English or Chinese."""
    kind: InstitutionKind = "other"
    """What sort of body this is."""
    parent: str | None = None
    """Id of the body this one belongs to (Science Park -> HKSTP)."""
    valid_from: dt.date | None = None
    """The day the body took this name, where it was renamed or created by merger."""
    valid_to: dt.date | None = None
    """The last day under this name, where it was renamed or merged."""
    successor: str | None = None
    """Id of the body that took over, where this one was renamed or merged."""
    predecessors: tuple[str, ...] = ()
    """Ids of the bodies this one replaced."""
    registered: bool = True
    """True for registry entries; False for names discovered in text by pattern."""
    mentions: tuple[Span, ...] = ()
    """Every place the body is named, in the text or corpus it was extracted from."""


class Initiative(Record):
    """A fund, scheme, programme, blueprint or strategy."""

    id: str
    """Stable identifier, e.g. ``"itf"``; discovered names get ``"new:<slug>"``."""
    name: str
    """English name (for an initiative discovered in Chinese text, the Chinese name)."""
    name_zh: str | None = None
    """Traditional Chinese name, where it has one."""
    acronym: str | None = None
    """The usual acronym, e.g. ``"TVP"``."""
    aliases: tuple[str, ...] = ()
    """Other names and acronyms."""
    kind: InitiativeKind = "other"
    """What sort of initiative this is."""
    owner: str | None = None
    """Id of the institution that runs it: the registry's owner, or for a discovered initiative
    the first of ``text_owners``."""
    start_year: int | None = None
    """The year it began, where that is public knowledge."""
    registered: bool = True
    """True for registry entries; False for names discovered in text by pattern."""
    text_owners: tuple[str, ...] = ()
    """Ids of institutions the text itself says launch or run it ("X has launched the Y"), which
    may differ from the registry's ``owner``."""
    mentions: tuple[Span, ...] = ()
    """Every place the initiative is named."""


class EntityMention(Record):
    """One place a text names an institution or initiative."""

    id: str
    """Id of the entity named (a registry id, or ``"new:<slug>"`` for a discovered name)."""
    span: Span
    """The characters that name it; a leading "the" is not part of the span."""
    form: str
    """The name, acronym or alias that matched, as the registry (or the definition) spells it."""
    match: MatchKind
    """How the mention was recognised."""
    registered: bool = True
    """False when the entity is not in the registry (discovered by pattern or definition)."""


# --------------------------------------------------------------------------------------------
# registry


class Registry:
    """The bilingual registry: institutions and initiatives by id, plus the compiled matcher.

    Build one with :func:`load_registry` (the bundled data, cached), :meth:`from_dict` or
    :meth:`extended` (the bundled data plus a user's own entries).
    """

    def __init__(
        self, institutions: Iterable[Institution], initiatives: Iterable[Initiative]
    ) -> None:
        self.institutions: tuple[Institution, ...] = tuple(institutions)
        self.initiatives: tuple[Initiative, ...] = tuple(initiatives)
        self._by_id: dict[str, Institution | Initiative] = {}
        entities: tuple[Institution | Initiative, ...] = (*self.institutions, *self.initiatives)
        for entity in entities:
            if entity.id in self._by_id:
                raise ValueError(f"Duplicate registry id: {entity.id!r}")
            self._by_id[entity.id] = entity

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Registry:
        """A registry from the JSON structure documented in ``docs/registry.md``."""
        return cls(
            (Institution.model_validate(row) for row in data.get("institutions", ())),
            (Initiative.model_validate(row) for row in data.get("initiatives", ())),
        )

    def extended(self, data: Mapping[str, Any]) -> Registry:
        """This registry plus the entries in ``data``; an entry with a known id replaces it."""
        extra = Registry.from_dict(data)
        replaced = set(extra._by_id)
        return Registry(
            (*(i for i in self.institutions if i.id not in replaced), *extra.institutions),
            (*(i for i in self.initiatives if i.id not in replaced), *extra.initiatives),
        )

    def __getitem__(self, entity_id: str) -> Institution | Initiative:
        return self._by_id[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, entity_id: str) -> Institution | Initiative | None:
        """The entry with this id, or None."""
        return self._by_id.get(entity_id)

    def institution(self, entity_id: str) -> Institution:
        """The institution with this id; KeyError when there is none."""
        entity = self._by_id[entity_id]
        if not isinstance(entity, Institution):
            raise KeyError(entity_id)
        return entity

    def initiative(self, entity_id: str) -> Initiative:
        """The initiative with this id; KeyError when there is none."""
        entity = self._by_id[entity_id]
        if not isinstance(entity, Initiative):
            raise KeyError(entity_id)
        return entity

    def domain(self, entity_id: str) -> Domain:
        """Whether the id names an institution or an initiative."""
        return "institution" if isinstance(self._by_id[entity_id], Institution) else "initiative"

    def current(self, entity_id: str) -> Institution:
        """The body that carries on ``entity_id`` today, following successor links (ITB -> ITIB)."""
        seen = {entity_id}
        body = self.institution(entity_id)
        while body.successor is not None and body.successor not in seen:
            seen.add(body.successor)
            body = self.institution(body.successor)
        return body

    @functools.cached_property
    def _matcher(self) -> _Matcher:
        return _Matcher(self)

    def __repr__(self) -> str:
        return (
            f"<Registry: {len(self.institutions)} institutions, "
            f"{len(self.initiatives)} initiatives>"
        )


@functools.cache
def load_registry() -> Registry:
    """The bundled registry, read once from ``hkpolicy/data/registry.json``.

    >>> registry = load_registry()
    >>> registry.institution("itb").successor, registry.current("ogcio").id
    ('itib', 'dpo')
    """
    from importlib.resources import files

    raw = files("hkpolicy.data").joinpath("registry.json").read_text(encoding="utf-8")
    return Registry.from_dict(json.loads(raw))


# --------------------------------------------------------------------------------------------
# text normalisation: one character in, one character out, so offsets never move

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


_FOLD_TRANSLATION = str.maketrans(_FOLD_TABLE)


def _fold(text: str) -> str:
    # str.replace per character: a C-speed scan each, and most are absent (about 7 times faster
    # than one re.sub per class on the seeds)
    for char, replacement in _FOLD_TABLE.items():
        if char in text:
            text = text.replace(char, replacement)
    return text


_LEADING_THE = re.compile(r"(?i)the\s+")
# An acronym-like token (an upper-case letter after the first character: HKUST, InvestHK, SAR)
# must match case exactly; the rest of a name matches without regard to case.
_ACRONYM_TOKEN = re.compile(r"\S*[A-Z]\S*[A-Z]\S*|\S+[A-Z]\S*")


@dataclass(frozen=True)
class _Form:
    text: str
    entity_id: str
    domain: Domain
    match: MatchKind
    exact: tuple[tuple[int, str], ...]


def _entity_forms(entity: Institution | Initiative, domain: Domain) -> Iterable[_Form]:
    names: list[tuple[str, MatchKind]] = [(entity.name, "name")]
    if entity.name_zh:
        names.append((entity.name_zh, "name_zh"))
    if entity.acronym:
        names.append((entity.acronym, "acronym"))
    names.extend((alias, "alias") for alias in entity.aliases)
    for raw, kind in names:
        text = _fold(raw).strip()
        the = _LEADING_THE.match(text)
        if the and the.end() < len(text):
            text = text[the.end() :]
        exact: tuple[tuple[int, str], ...]
        if kind == "acronym" or (" " not in text and _ACRONYM_TOKEN.fullmatch(text)):
            exact = ((0, text),)
        else:
            exact = tuple((m.start(), m.group()) for m in _ACRONYM_TOKEN.finditer(text))
        yield _Form(text, entity.id, domain, kind, exact)


# --------------------------------------------------------------------------------------------
# vocabulary (UPPER_CASE data, kept apart from the algorithm so callers can extend it)

CJK_FALSE_CONTEXTS: dict[str, tuple[str | None, str | None]] = {
    # form: (text that must not end just before it, text that must not start just after it)
    "港大": ("香", None),  # 香港大型 "Hong Kong large-scale"
    "中大": (None, "型"),  # 中大型 "medium and large"
    "科大": (None, "訊"),  # 科大訊飛 iFlytek
    "香港大學": (None, "生(?![物命態])"),  # 香港大學生 "Hong Kong university students"
    "北都": (None, "[市會]"),
    "中電": ("[集網]", None),
    "馬會": ("[賽]", "[員]"),
}
"""Chinese short names that are also pieces of ordinary words, with the contexts that veto them."""

INSTITUTION_HEADS: dict[str, InstitutionKind] = {
    "Institute": "research_centre",
    "Institution": "other",
    "Centre": "research_centre",
    "Center": "research_centre",
    "Laboratory": "research_centre",
    "Lab": "research_centre",
    "Council": "legislature_or_council",
    "Committee": "legislature_or_council",
    "Bureau": "bureau_or_department",
    "Department": "bureau_or_department",
    "Office": "bureau_or_department",
    "Ministry": "bureau_or_department",
    "Agency": "bureau_or_department",
    "Commission": "statutory_body",
    "Authority": "statutory_body",
    "Corporation": "company",
    "Limited": "company",
    "Ltd": "company",
    "Association": "industry_body",
    "Federation": "industry_body",
    "Chamber": "industry_body",
    "Coalition": "industry_body",
    "Society": "industry_body",
    "Foundation": "other",
    "Academy": "other",
    "University": "university",
    "College": "university",
    "School": "university",
    "Faculty": "university",
}
"""English head words that end (or, with "of"/"for", begin) an institution's name."""

INITIATIVE_HEADS: dict[str, InitiativeKind] = {
    "Fund": "fund",
    "Scheme": "scheme",
    "Programme": "programme",
    "Program": "programme",
    "Blueprint": "blueprint",
    "Strategy": "strategy",
    "Initiative": "initiative",
}
"""English head words that end an initiative's name."""

NAME_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "&"})
"""Lower-case words allowed inside a capitalised name."""

NAME_LEADERS = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "Our",
        "Their",
        "His",
        "Her",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "Through",
        "According",
        "Another",
        "Additionally",
        "Moreover",
        "However",
        "Under",
        "Both",
        "Each",
        "Every",
        "Some",
        "Many",
        "Major",
        "Local",
        "Several",
        "Leading",
        "Notable",
        "Numerous",
        "Recently",
        "Also",
        "If",
        "As",
        "When",
        "While",
    ]
)
"""Capitalised words that start sentences rather than names; stripped from a discovered name."""

HAN_INSTITUTION_HEADS: dict[str, InstitutionKind] = {
    "委員會": "legislature_or_council",
    "研究院": "research_centre",
    "大學": "university",
    "中心": "research_centre",
    "公司": "company",
    "局": "bureau_or_department",
    "署": "bureau_or_department",
}
"""Chinese head characters of an institution's name."""

HAN_INITIATIVE_HEADS: dict[str, InitiativeKind] = {
    "計劃": "scheme",
    "計畫": "scheme",
    "基金": "fund",
    "藍圖": "blueprint",
    "策略": "strategy",
    "方案": "programme",
}
"""Chinese head words of an initiative's name (recognised inside 「」 and 《》 quotes)."""

HAN_STOP_CHARS = frozenset("的由與和在為是於向將對從經獲並把被以其")
"""Function characters that end a Chinese name when walking left from its head.

NOTE: 及 is absent on purpose (創新及科技局). Keep in sync with abbrev.HAN_STOP_CHARS.
"""

HAN_STOP_WORDS = (
    "宣布", "表示", "推出", "指出", "今日", "昨日", "日前", "透過", "通過", "聯同", "夥拍",
    "包括", "以及", "成立", "設立", "資助", "支持", "負責", "委託", "聯合", "旗下", "位於",
)  # fmt: skip
"""Multi-character words after which a Chinese name starts."""

HAN_GENERIC_PREFIXES = frozenset(
    [
        "本地",
        "海外",
        "內地",
        "資助",
        "多間",
        "各",
        "該",
        "本",
        "此",
        "其",
        "有關",
        "相關",
        "政府",
        "科技",
        "初創",
        "上市",
        "頂尖",
        "知名",
        "研究",
        "創新",
        "不同",
        "其他",
        "多個",
        "一間",
        "這間",
        "兩間",
        "新",
        "大型",
        "中小型",
        "私營",
        "公營",
        "市",
        "母",
        "子",
        "布",
        "格",
        "大",
        "結",
        "當",
        "部",
        "簽",
        "為",
        "新聞",
        "信息",
        "數據",
        "服務",
        "客戶",
        "培訓",
        "物流",
    ]
)
"""Chinese words that, alone before a head, make a common noun (本地大學, 科技公司), not a name."""

MAX_HAN_NAME = 14
"""Longest Chinese name discovered by walking left from its head."""
MAX_NAME_WORDS = 14
"""Longest English name discovered; longer capitalised runs are headlines."""
WINDOW_CHARS = 160
"""Characters examined on each side of a head word when discovering a name."""

OWNER_VERBS = regex.compile(
    r"\b(?:launch(?:ed|es)?|introduc(?:ed|es|e)|run(?:s)?|administer(?:ed|s)?|operat(?:es|ed|e)"
    r"|manag(?:es|ed|e)|set\s+up|establish(?:ed|es)?|implement(?:ed|s)?|offer(?:s|ed)?"
    r"|unveil(?:ed|s)?|roll(?:ed|s)?\s+out)\b|推出|設立|推行|管理|負責|成立|開展|落實",
    regex.IGNORECASE,
)  # linear: an alternation of literals with no nested quantifier
"""Verbs that tie an institution to an initiative named after it in the same sentence."""


# --------------------------------------------------------------------------------------------
# the matcher (compiled once per registry)

# The registry's surface forms are compiled into one stdlib ``re`` pattern shaped as a trie
# (``_trie_regex``): the branches of each node start with distinct characters, so at any position
# at most one branch gets past its first character and the work is bounded by the longest form:
# linear in the text by construction. Measured on the seeds x100 it scans about 20 times faster
# than the equivalent ``regex`` named list (\L<forms>) with IGNORECASE.
_LATIN = r"A-Za-z0-9\u00c0-\u024f"
_EDGE_BEFORE = rf"(?:(?<![{_LATIN}])|(?![{_LATIN}]))"  # a word edge, or a non-Latin first char
_EDGE_AFTER = rf"(?:(?![{_LATIN}])|(?<![{_LATIN}]))"  # a word edge, or a non-Latin last char


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


def _trie_regex(words: Iterable[str], *, fold: bool) -> str:
    """One regex alternation shaped as a trie of ``words``; greedy, so the longest form wins."""
    words = list(words)
    # a one-character-class lookahead lets the scan skip most positions at once
    first = sorted({w[0].lower() if fold else w[0] for w in words if w})
    root = _trie(w.lower() for w in words) if fold else _trie(words)
    return "(?=[" + "".join(map(re.escape, first)) + "])" + _trie_body(root)


# Linear: an alternation of fixed head words, longest first (``re`` skips to their first letters;
# the word-edge tests are made on each hit, see ``_heads``).
_HEAD_RE = re.compile(
    "|".join(sorted({*INSTITUTION_HEADS, *INITIATIVE_HEADS}, key=len, reverse=True))
)
_WORD_CHAR_RE = regex.compile(r"[\p{L}\p{N}]")  # linear: one character class
# The last character before a head that can be neither in a token nor between two joined ones.
# NOTE: keep in sync with _TOKEN_RE. Linear: one character class, searched backwards.
_HARD_BREAK_RE = regex.compile(r"(?r)[^\p{L}\p{N}&'.+@\- ]")
_HAN_HEAD_RE = regex.compile(
    r"(?<=\p{{Han}})(?:{})".format("|".join(sorted(HAN_INSTITUTION_HEADS, key=len, reverse=True)))
)
# Linear: one character class repeated, then an optional fixed suffix.
_TOKEN_RE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&'.+@-]*|&")
# Linear: negated classes bounded in length between literal quotes.
_QUOTED_RE = regex.compile(
    r"[\"“](?P<q>[^\"“”\n]{3,160})[\"”]|(?P<zq>[「《])(?P<z>[^「」《》\n]{2,40})[」》]"
)
_SENTENCE_END_RE = regex.compile(r"[.!?。！？\n]")
# Compiled once (a module-level regex.match/findall call looks its pattern up in a cache each
# time, which costs more than the match itself in these per-name loops). Linear: single
# character classes.
_HAN_CHAR_RE = regex.compile(r"\p{Han}")
_SLUG_PART_RE = regex.compile(r"[\p{L}\p{N}+]+")
_VERSION_RE = regex.compile(r"\d[\d.+]*")
_HAN_QUOTED_RE = regex.compile(r"[\p{Han}\p{N}+.＋]+")


@functools.lru_cache(maxsize=8)
def _long_prefixes(prefixes: frozenset[str]) -> tuple[str, ...]:
    return tuple(g for g in prefixes if len(g) > 1)


def _long_generic_prefixes() -> tuple[str, ...]:
    """HAN_GENERIC_PREFIXES of two or more characters (looked up each call: callers may
    rebind the table)."""
    return _long_prefixes(HAN_GENERIC_PREFIXES)


# The fast registry scan. ``_Matcher.pattern`` (the reference) runs with IGNORECASE over the
# folded text, so ``re`` must try it at every position and case-map every character it compares
# (about 8 MB/s). The fast scan runs case-sensitively over ``text.lower()``, in two passes that
# ``re`` skips through with its first-character prefilter: forms that start with a Latin letter
# or digit, found just after a non-Latin character, and the others (Chinese), found at their first
# character. Each character of the reference (a form's letter, the fold of a space or quote, the
# Latin edge class) becomes the class of lowered characters the reference engine itself accepts
# for it (``_CasePlan``), so the two agree on every character the plan has checked; a text that
# holds any other character (ſ, K, İ, ı, Σ, ...: lowering and ``re``'s case folding differ on
# them) takes the reference path. Both paths are linear: tries, as above.

_REF_LATIN_RE = re.compile(f"[{_LATIN}]", re.IGNORECASE)  # the reference's Latin class
_BMP = 0x10000


def _char_class(chars: Iterable[str], *, negate: bool = False, bracket: bool = False) -> str:
    """A regex for one of ``chars`` (with ``negate``, any other character; with ``bracket``, in
    brackets even when there is only one). ``chars`` must not be empty."""
    ordered = sorted(set(chars))
    if len(ordered) == 1 and not (negate or bracket):
        return re.escape(ordered[0])
    return ("[^" if negate else "[") + "".join(map(re.escape, ordered)) + "]"


def _code_points(low: int, high: int) -> str:
    return "".join(map(chr, range(low, high)))


def _odd_lowering(chars: str) -> set[str]:
    """Characters whose lower case is not one character (İ), or depends on context (Σ)."""
    odd = {"\u03a3"} if "\u03a3" in chars else set()
    stack = [chars]
    while stack:  # halve the runs whose lower case changes length
        run = stack.pop()
        if len(run.lower()) == len(run):
            continue
        if len(run) == 1:
            odd.add(run)
        else:
            stack += [run[: len(run) // 2], run[len(run) // 2 :]]
    return odd


class _CasePlan:
    """How the fast scan sees a character, derived from and checked against the reference.

    ``classes[q]``: the lowered characters the reference (IGNORECASE over ``_fold(c)``) matches
    to the pattern character ``q``. Classes are disjoint, and each is all Latin or all not, so
    the fast scan maps every member to one canonical character (``to_canon``: ſ -> s, newline ->
    space) and matches literals. ``unsafe``: the characters on which that disagrees with the
    reference. The Basic Multilingual Plane is checked at once, the other planes on first sight.
    Raises ValueError when the alphabet cannot be planned (the reference path then serves).
    """

    def __init__(self, alphabet: frozenset[str]) -> None:
        self.alphabet = alphabet
        chars = _code_points(0, _BMP)
        odd = _odd_lowering(chars)
        for ch in odd:
            chars = chars.replace(ch, "")
        folded, lowered = _fold(chars), chars.lower()
        self.latin = frozenset(lowered[m.start()] for m in _REF_LATIN_RE.finditer(folded))
        self.members: dict[str, frozenset[str]] = {}  # lowered character -> pattern characters
        hits = self._reference_hits(folded, lowered)
        self.classes = {q: frozenset(lowered[i] for i in hits.get(q, ())) for q in alphabet}
        self.canon: dict[str, str] = {}  # pattern character -> its canonical character
        self.to_canon: dict[str, str] = {}  # lowered character -> canonical, where they differ
        members: dict[str, set[str]] = {}
        reps: dict[frozenset[str], str] = {}
        for q, cls in sorted(self.classes.items()):
            if not cls or (not cls <= self.latin and not cls.isdisjoint(self.latin)):
                raise ValueError(f"cannot plan the character {q!r}")
            if cls not in reps:
                if any(x in members for x in cls):
                    raise ValueError(f"overlapping classes at {q!r}")
                reps[cls] = rep = q if q in cls else min(cls)
                self.to_canon.update((x, rep) for x in cls if x != rep)
            self.canon[q] = reps[cls]
            for x in cls:
                members.setdefault(x, set()).add(q)
        self.members = {x: frozenset(qs) for x, qs in members.items()}
        self.unsafe = odd | self._disagreements(chars, folded, lowered)
        self.astral_checked = False

    def _reference_hits(self, folded: str, lowered: str) -> dict[str, list[int]]:
        """Positions of ``folded`` where the reference matches each pattern character. Tried only
        where the reference's IGNORECASE class of the whole alphabet (a superset of its
        literals) or, once derived, a fast class matches."""
        ref_any = re.compile(_char_class(self.alphabet, bracket=True), re.IGNORECASE)
        candidates = {m.start() for m in ref_any.finditer(folded)}
        if self.members:
            fast_any = re.compile(_char_class(self.members, bracket=True))
            candidates |= {m.start() for m in fast_any.finditer(lowered)}
        ordered = sorted(candidates)
        compact = "".join(folded[i] for i in ordered)
        hits: dict[str, list[int]] = {}
        for q in self.alphabet:
            found = [ordered[m.start()] for m in re.finditer(re.escape(q), compact, re.IGNORECASE)]
            if found:
                hits[q] = found
        return hits

    def _disagreements(self, chars: str, folded: str, lowered: str) -> set[str]:
        bad = {m.start() for m in _REF_LATIN_RE.finditer(folded)}
        bad ^= {m.start() for m in re.finditer(_char_class(self.latin, bracket=True), lowered)}
        expected: dict[int, set[str]] = {}
        for q, positions in self._reference_hits(folded, lowered).items():
            for i in positions:
                expected.setdefault(i, set()).add(q)
        for m in re.finditer(_char_class(self.members, bracket=True), lowered):
            expected.setdefault(m.start(), set())
        empty: frozenset[str] = frozenset()
        bad.update(i for i, qs in expected.items() if self.members.get(lowered[i], empty) != qs)
        return {chars[i] for i in bad}

    def check_astral(self) -> None:
        """Check the planes beyond the first (emoji, CJK extensions, ...)."""
        chars = _code_points(_BMP, 0x110000)
        odd = _odd_lowering(chars)
        for ch in odd:
            chars = chars.replace(ch, "")
        self.unsafe |= odd | self._disagreements(chars, _fold(chars), chars.lower())
        self.astral_checked = True
        self.__dict__.pop("_unsafe_re", None)

    def first_unsafe(self, text: str) -> str | None:
        """A character of ``text`` the fast scan may not handle (an unchecked one first)."""
        if not self.astral_checked and _ASTRAL_RE.search(text):
            self.check_astral()
        if len(self.unsafe) <= _FEW_UNSAFE:
            return next((ch for ch in self.unsafe if ch in text), None)
        found = self._unsafe_re.search(text)
        return found.group() if found else None

    @functools.cached_property
    def _unsafe_re(self) -> regex.Pattern[str]:
        return regex.compile(_char_class(self.unsafe, bracket=True))


# Linear: one character class. ``regex`` finds it about 8 times faster than ``re`` here.
_ASTRAL_RE = regex.compile("[\U00010000-\U0010ffff]")
_FEW_UNSAFE = 8  # up to this many, ``ch in text`` (a C-speed scan each) beats a class search


class _FastScan:
    """The two-pass scan over ``" " + text.lower()`` (the space stands for the text's start)."""

    def __init__(self, texts: Sequence[str], plan: _CasePlan) -> None:
        def emit(ch: str) -> str:
            return re.escape(plan.canon[ch])

        latin = plan.latin
        edge = _char_class(latin, bracket=True)
        self.edge_after = f"(?:(?!{edge})|(?<!{edge}))"
        root = _trie(w.lower() for w in texts)
        if "" in root or not root:
            raise ValueError("an empty form")
        latin_root: dict[str, Any] = {}
        other_root: dict[str, Any] = {}
        for ch, child in root.items():
            (latin_root if plan.canon[ch] in latin else other_root)[ch] = child
        # Linear: tries (see above) after one consumed character.
        self.latin = re.compile(
            _char_class(latin, negate=True) + "(" + _trie_body(latin_root, emit)
            + ")" + self.edge_after
        )  # fmt: skip
        self.other = re.compile(_trie_body(other_root, emit) + self.edge_after)
        self._root, self._emit, self._edge = root, emit, edge

    @functools.cached_property
    def anchored(self) -> re.Pattern[str]:
        """The same language with the reference's edge test first, for shorter forms at a known
        start (compiled on first need: it is rare)."""
        edge = self._edge
        return re.compile(
            f"(?:(?<!{edge})|(?!{edge}))" + _trie_body(self._root, self._emit) + self.edge_after
        )

    def spans(self, lowered: str) -> Iterator[tuple[int, int]]:
        """The reference's ``finditer`` spans (in ``lowered[1:]`` offsets): leftmost first,
        never overlapping. Latin and other forms never start at the same place, so the next
        match is the nearer of the two passes' next matches."""
        latin_search, other_search = self.latin.search, self.other.search
        pos = 1
        lat = latin_search(lowered, 0)
        oth = other_search(lowered, 1)
        while lat is not None or oth is not None:
            if oth is None or (lat is not None and lat.start(1) < oth.start()):
                assert lat is not None
                start, pos = lat.span(1)
            else:
                start, pos = oth.span()
            yield start - 1, pos - 1
            if lat is not None and lat.start(1) < pos:
                lat = latin_search(lowered, pos - 1)
            if oth is not None and oth.start() < pos:
                oth = other_search(lowered, pos)


class _Matcher:
    def __init__(self, registry: Registry) -> None:
        self.forms: dict[str, list[_Form]] = {}
        for domain, entities in (
            ("institution", registry.institutions),
            ("initiative", registry.initiatives),
        ):
            for entity in entities:
                for form in _entity_forms(entity, domain):  # type: ignore[arg-type]
                    bucket = self.forms.setdefault(form.text.casefold(), [])
                    if all(f.entity_id != form.entity_id or f.text != form.text for f in bucket):
                        bucket.append(form)
        texts = sorted({f.text for bucket in self.forms.values() for f in bucket})
        self.texts = texts
        self.vetoes = {
            form: (
                regex.compile(f"(?:{before})\\Z") if before else None,
                regex.compile(after) if after else None,
            )
            for form, (before, after) in CJK_FALSE_CONTEXTS.items()
        }
        self.fast: _FastScan | None = None
        self.plan: _CasePlan | None = None
        try:
            self.plan = _CasePlan(frozenset("".join(texts).lower()))
            self.fast = _FastScan(texts, self.plan)
        except (ValueError, re.error):
            self.fast = None  # the reference path serves every text

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """The reference matcher, over the folded text (compiled on first need)."""
        return re.compile(
            _EDGE_BEFORE + "(?:" + _trie_regex(self.texts, fold=True) + ")" + _EDGE_AFTER,
            re.IGNORECASE,
        )

    def lowered(self, text: str) -> str | None:
        """``" " + text.lower()`` for the fast scan, or None when the text needs the reference."""
        if self.fast is None or self.plan is None or self.plan.first_unsafe(text) is not None:
            return None
        lowered = " " + text.lower()
        if len(lowered) != len(text) + 1:
            return None
        # ``in`` then ``replace``: C-speed scans, faster here than one class search (re or regex)
        for char, canonical in self.plan.to_canon.items():
            if char in lowered:
                lowered = lowered.replace(char, canonical)
        return lowered

    def lookup(self, source: _Source, start: int, end: int) -> _Form | None:
        surface = source.slice(start, end)
        for form in self.forms.get(surface.casefold(), ()):
            if all(surface[i : i + len(tok)] == tok for i, tok in form.exact):
                veto = self.vetoes.get(form.text)
                if veto is not None:
                    before, after = veto
                    folded = source.folded()
                    if before is not None and before.search(folded, max(0, start - 4), start):
                        continue
                    if after is not None and after.match(folded, end):
                        continue
                return form
        return None


class _Source:
    """A text and its fold, computed only when first needed (the fast scan needs slices)."""

    __slots__ = ("_folded", "text")

    def __init__(self, text: str, folded: str | None = None) -> None:
        self.text = text
        self._folded = folded

    def folded(self) -> str:
        if self._folded is None:
            self._folded = _fold(self.text)
        return self._folded

    def slice(self, start: int, end: int) -> str:
        if self._folded is not None:
            return self._folded[start:end]
        return self.text[start:end].translate(_FOLD_TRANSLATION)  # fast on short strings


# --------------------------------------------------------------------------------------------
# candidates and overlap resolution


@dataclass(frozen=True)
class _Candidate:
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


def _registry_candidates(
    text: str, matcher: _Matcher, *, reference: bool = False
) -> list[_Candidate]:
    """Registry mentions: by the fast scan where it is safe, else (or with ``reference``) by the
    reference pattern."""
    found: list[_Candidate] = []
    lowered = None if reference else matcher.lowered(text)
    spans: Iterable[tuple[int, int]]
    if lowered is not None and matcher.fast is not None:
        source = _Source(text)
        spans = matcher.fast.spans(lowered)
        anchored, subject, shift = matcher.fast.anchored, lowered, 1
    else:
        source = _Source(text, _fold(text))
        spans = (m.span() for m in matcher.pattern.finditer(source.folded()))
        anchored, subject, shift = matcher.pattern, source.folded(), 0
    for start, end in spans:
        form = matcher.lookup(source, start, end)
        while form is None and end - start > 1:
            # the longest form failed its case or context check: try shorter ones here
            shorter = anchored.match(subject, start + shift, end - 1 + shift)
            if shorter is None:
                break
            end = shorter.end() - shift
            # (folding keeps letters and digits, and maps nothing else to one)
            if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                continue
            form = matcher.lookup(source, start, end)
        if form is None:
            continue
        found.append(
            _Candidate(start, end, form.entity_id, form.domain, form.text, form.match, rank=1)
        )
    return found


def _resolve(candidates: Sequence[_Candidate], skip: Sequence[tuple[int, int]]) -> list[_Candidate]:
    """Longest first; ties go to the lower rank, then the earlier start. No two overlap, and
    none overlaps a skipped range."""
    size = max((cand.end for cand in candidates), default=0)
    taken = TakenCharacters(size, ((int(s), int(e)) for s, e in skip))
    chosen = [
        cand
        for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.rank, c.start))
        if cand.end > cand.start and taken.add(cand.start, cand.end)
    ]
    chosen.sort(key=lambda c: c.start)
    return chosen


# --------------------------------------------------------------------------------------------
# discovery


def _slug(name: str) -> str:
    return "new:" + "-".join(_SLUG_PART_RE.findall(name.casefold()))


def _classify(tokens: Sequence[str]) -> tuple[Domain, str, int] | None:
    """(domain, kind, index of the head) for a capitalised run, or None."""
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index]
        if word in INITIATIVE_HEADS:
            return "initiative", INITIATIVE_HEADS[word], index
        if word in INSTITUTION_HEADS:
            return "institution", INSTITUTION_HEADS[word], index
    return None


def _is_name_word(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def _english_run(text: str, head_start: int) -> list[tuple[int, int, str]]:
    """The run of capitalised words and connectors around the head word at ``head_start``."""
    line_start = text.rfind("\n", max(0, head_start - WINDOW_CHARS), head_start) + 1
    line_start = max(line_start, head_start - WINDOW_CHARS)
    # Start after the last hard break before the head: no token spans it and the token after it
    # is never joined, so the run is the same as when starting from the line's start.
    hard = _HARD_BREAK_RE.search(text, line_start, head_start)
    if hard is not None:
        line_start = hard.end()
    line_end = text.find("\n", head_start, head_start + WINDOW_CHARS)
    if line_end == -1:
        line_end = min(len(text), head_start + WINDOW_CHARS)
    tokens: list[tuple[int, int, str]] = []
    head_index = -1
    for m in _TOKEN_RE.finditer(text, line_start, line_end):
        start, end = m.span()
        word = m.group()
        possessive = word.endswith(("'s", "’s"))
        while word and word[-1] in ".'-+" and not (word[-1] == "+" and word[:-1].isdigit()):
            word = word[:-1]
            end -= 1
        joined = (
            bool(tokens)
            and text[tokens[-1][1] : start] in (" ", "  ")
            and (_is_name_word(word) or word in NAME_CONNECTORS)
        )
        if not joined or (possessive and start <= head_start):
            if head_index != -1:
                break
            tokens = []
        if possessive:
            if head_index != -1:
                break
            continue
        if not word or not (_is_name_word(word) or word in NAME_CONNECTORS):
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


def _english_discoveries(text: str) -> list[_Candidate]:
    found: dict[tuple[int, int], _Candidate] = {}
    for head_start in _heads(text):
        run = _english_run(text, head_start)
        if not run:
            continue
        cand = _name_from_run(text, run, head_start)
        if cand is not None:
            found.setdefault((cand.start, cand.end), cand)
    return list(found.values())


def _name_from_run(
    text: str, run: list[tuple[int, int, str]], head_at: int | None = None
) -> _Candidate | None:
    words = [w for _, _, w in run]
    # "School of Engineering and Department of Physics": two names, cut before "and <Head> of"
    # A head word closes a name unless "of"/"for" follows; "and the" starts another name.
    cuts = [0]
    for k in range(1, len(words)):
        if (
            _is_head(words[k - 1]) and words[k] not in {"of", "for"} and not words[k][0].isdigit()
        ) or (
            words[k - 1] in {"and", "&"}
            and (
                words[k] == "the"
                or (_is_head(words[k]) and k + 1 < len(words) and words[k + 1] in {"of", "for"})
            )
        ):
            cuts.append(k)
    cuts = sorted(set(cuts))
    cuts.append(len(run))
    for begin, stop in itertools.pairwise(cuts):
        if head_at is None or run[begin][0] <= head_at < run[stop - 1][1]:
            run = run[begin:stop]
            break
    while run and (
        run[0][2] in NAME_LEADERS or run[0][2] in NAME_CONNECTORS or run[0][2][0].isdigit()
    ):
        run = run[1:]
    while run and run[-1][2] in NAME_CONNECTORS:
        run = run[:-1]
    words = [w for _, _, w in run]
    classified = _classify(words)
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
    content = [w for i, w in enumerate(names) if i != head and w not in NAME_CONNECTORS]
    if not content or len(names) > MAX_NAME_WORDS or all(map(_is_head, content)):
        return None
    start, end = run[0][0], run[last][1]
    name = text[start:end]
    return _Candidate(
        start, end, _slug(name), domain, name, "discovered", rank=2, kind=kind, head=run[head][0]
    )


def _is_head(word: str) -> bool:
    return word in INSTITUTION_HEADS or word in INITIATIVE_HEADS


def _quoted_discoveries(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for m in _QUOTED_RE.finditer(text):
        if m.group("q") is not None:
            start, end = m.span("q")
            inner = m.group("q")
            trimmed = inner.rstrip(" ,.;:")
            end -= len(inner) - len(trimmed)
            words = [t.group() for t in _TOKEN_RE.finditer(trimmed)]
            content = [w for w in words if w not in NAME_CONNECTORS]
            if not 2 <= len(words) <= MAX_NAME_WORDS or not all(map(_is_name_word, content)):
                continue
            classified = _classify(words)
            domain: Domain = classified[0] if classified else "initiative"
            kind = classified[1] if classified else "other"
            name = text[start:end]
            found.append(_Candidate(start, end, _slug(name), domain, name, "discovered", 2, kind))
        else:
            start, end = m.span("z")
            inner = m.group("z")
            if not _HAN_QUOTED_RE.fullmatch(inner):
                continue
            han_kind = next((k for h, k in HAN_INITIATIVE_HEADS.items() if inner.endswith(h)), None)
            inst_kind = next(
                (k for h, k in HAN_INSTITUTION_HEADS.items() if inner.endswith(h)), None
            )
            if han_kind is not None:
                found.append(
                    _Candidate(
                        start, end, _slug(inner), "initiative", inner, "discovered", 2, han_kind
                    )
                )
            elif inst_kind is not None and len(inner) > 3:
                found.append(
                    _Candidate(
                        start, end, _slug(inner), "institution", inner, "discovered", 2, inst_kind
                    )
                )
            elif m.group("zq") == "《" and len(inner) >= 4:
                found.append(
                    _Candidate(
                        start, end, _slug(inner), "initiative", inner, "discovered", 2, "other"
                    )
                )
    return found


def _han_discoveries(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for head in _HAN_HEAD_RE.finditer(text):
        h_start, h_end = head.span()
        if head.group() in "局署" and h_end < len(text) and text[h_end] in "長":
            continue  # 局長, 署長: an office holder's title
        start = h_start
        while start > 0 and h_start - start < MAX_HAN_NAME and _HAN_CHAR_RE.match(text, start - 1):
            if text[start - 1] in HAN_STOP_CHARS:
                break
            start -= 1
        prefix = text[start:h_start]
        for word in HAN_STOP_WORDS:
            cut = prefix.rfind(word)
            if cut != -1:
                prefix = prefix[cut + len(word) :]
        if prefix.startswith(_long_generic_prefixes()):
            continue  # 本地大學, 海外公司: a common noun
        if "及" in prefix and prefix.rsplit("及", 1)[1] in HAN_GENERIC_PREFIXES:
            continue  # ...及科技公司
        while prefix and prefix[0] in "該本其此各":
            prefix = prefix[1:]
        start = h_start - len(prefix)
        if len(prefix) < 2 or prefix in HAN_GENERIC_PREFIXES or prefix[-1] in "為布格當簽部市":
            continue
        name = text[start:h_end]
        found.append(
            _Candidate(start, h_end, _slug(name), "institution", name, "discovered", rank=2,
                       kind=HAN_INSTITUTION_HEADS[head.group()])
        )  # fmt: skip
    return found


# --------------------------------------------------------------------------------------------
# the scan


@dataclass(frozen=True)
class _Scan:
    text: str
    doc_id: str | None
    chosen: list[_Candidate]
    discovered: dict[str, _Candidate]  # id -> first candidate (kind, parent, name)
    acronyms: dict[str, str]  # discovered id -> its defined short form


def _scan(
    text: str, doc_id: str | None, skip: Sequence[tuple[int, int]], registry: Registry | None
) -> _Scan:
    registry = registry if registry is not None else load_registry()
    matcher = registry._matcher
    registered = _registry_candidates(text, matcher)
    discovered = _english_discoveries(text) + _han_discoveries(text) + _quoted_discoveries(text)
    discovered = _filter_discoveries(discovered, registered, registry)
    defined, acronyms = _definitions(text, registered, discovered, registry)
    chosen = _resolve([*registered, *discovered, *defined], skip)
    first: dict[str, _Candidate] = {}
    for cand in chosen:
        if cand.entity_id not in registry:
            first.setdefault(cand.entity_id, cand)
    return _Scan(text, doc_id, chosen, first, acronyms)


def _filter_discoveries(
    discovered: list[_Candidate], registered: list[_Candidate], registry: Registry
) -> list[_Candidate]:
    """Drop discoveries that cross a registry mention; keep "<registered body> ... Institute"."""
    by_start = sorted(registered, key=lambda c: c.start)
    starts = [c.start for c in by_start]
    kept: list[_Candidate] = []
    forms = registry._matcher.forms
    for cand in discovered:
        if cand.form.casefold() in forms:
            continue  # a registry name the matcher vetoed in this context (香港大學生)
        lo = bisect.bisect_left(starts, cand.start - 200)
        inside = [
            r for r in by_start[lo : bisect.bisect_left(starts, cand.end)] if r.end > cand.start
        ]
        if not inside:
            kept.append(cand)
            continue
        first = inside[0]
        contained = all(cand.start <= r.start and r.end <= cand.end for r in inside)
        if not contained or (first.end - first.start) == (cand.end - cand.start):
            continue
        if (
            first.start == cand.start
            and first.end <= cand.head
            and first.domain == "institution"
            and cand.domain == "institution"
        ):
            kept.append(_with_parent(cand, first.entity_id))
        elif all(r.domain == "institution" for r in inside) and cand.domain == "initiative":
            kept.append(cand)  # "Cyberport AI Lab Scheme": an initiative named after its owner
    return kept


def _with_parent(cand: _Candidate, parent: str) -> _Candidate:
    return dataclasses.replace(cand, parent=parent)


def _definitions(
    text: str,
    registered: list[_Candidate],
    discovered: list[_Candidate],
    registry: Registry,
) -> tuple[list[_Candidate], dict[str, str]]:
    """Mentions taught by the document's own acronym definitions, and the short form of each."""
    ends: dict[int, list[_Candidate]] = {}
    for cand in (*registered, *discovered):
        ends.setdefault(cand.end, []).append(cand)
    taught: list[tuple[int, str, _Candidate | None]] = []  # (from offset, short form, target)
    for abbreviation in find_abbreviations(text):
        short, long = abbreviation.short, abbreviation.long
        targets = [c for c in ends.get(long.end, ()) if c.start >= long.start]
        target = min(targets, key=lambda c: c.start) if targets else None
        if target is None:
            words = [t.group() for t in _TOKEN_RE.finditer(long.text)]
            if words and all(_is_name_word(w) or w in NAME_CONNECTORS for w in words):
                classified = _classify(words)
                if classified is not None:
                    target = _Candidate(
                        long.start, long.end, _slug(long.text), classified[0], long.text,
                        "discovered", 2, classified[1],
                    )  # fmt: skip
        taught.append((short.start, short.text, target))
    if not taught:
        return [], {}
    candidates: list[_Candidate] = []
    acronyms: dict[str, str] = {}
    by_short: dict[str, list[tuple[int, _Candidate | None]]] = {}
    offsets: dict[str, list[int]] = {}  # by_short's offsets, for bisect
    forms = registry._matcher.forms
    for from_offset, short_form, target in taught:
        if target is not None and target.entity_id not in registry:
            acronyms.setdefault(target.entity_id, short_form)
            candidates.append(target)
        by_short.setdefault(short_form, []).append((from_offset, target))
        offsets.setdefault(short_form, []).append(from_offset)
    for m in _short_form_pattern(frozenset(by_short)).finditer(text):
        defs = by_short[m.group()]
        index = bisect.bisect_right(offsets[m.group()], m.start()) - 1
        if index < 0:
            continue  # used before the document defines it
        target = defs[index][1]
        short_form = m.group()
        if target is None:
            if short_form.casefold() in forms:
                # the document defines this short form as something that is no entity (DPO:
                # "data protection officer"): it masks the registry acronym from here on
                candidates.append(
                    _Candidate(m.start(), m.end(), "", "institution", short_form, "defined", 0)
                )
            continue
        registered_here = target.entity_id in registry
        if registered_here and any(
            f.entity_id == target.entity_id for f in forms.get(short_form.casefold(), ())
        ):
            continue  # the registry already knows this acronym for this body
        candidates.append(
            dataclasses.replace(
                target, start=m.start(), end=m.end(), form=short_form, match="defined", rank=0
            )
        )
    return candidates, acronyms


@functools.lru_cache(maxsize=256)
def _short_form_pattern(short_forms: frozenset[str]) -> re.Pattern[str]:
    """Case-sensitive matcher of a document's defined short forms (a trie: linear)."""
    trie = _trie_regex(short_forms, fold=False)
    # The trie's one-class lookahead goes first too, so the scan skips to the few places a
    # short form can start (the edge test first would be tried at every position).
    first = trie[: trie.index("])") + 2]
    return re.compile(first + _EDGE_BEFORE + "(?:" + trie + ")" + _EDGE_AFTER)


def _mentions(scan: _Scan, domain: Domain, registry: Registry) -> list[EntityMention]:
    out: list[EntityMention] = []
    for cand in scan.chosen:
        if cand.domain != domain or not cand.entity_id:
            continue
        match: MatchKind = cand.match
        out.append(
            _new_mention(
                cand.entity_id,
                _new_span(scan.doc_id, cand.start, cand.end, scan.text[cand.start : cand.end]),
                cand.form,
                match,
                cand.entity_id in registry,
            )
        )
    return out


# NOTE: positional, in field order; keep in sync with the models' fields.
_new_mention = trusted_builder(EntityMention)  # id, span, form, match, registered
_new_span = trusted_builder(Span)  # doc_id, start, end, text


def _safe_skip(skip: Iterable[tuple[int, int]] | None) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    try:
        for pair in skip or ():
            start, end = pair
            ranges.append((int(start), int(end)))
    except (TypeError, ValueError):
        return ranges
    return ranges


def find_institutions(
    text: str,
    *,
    doc_id: str | None = None,
    skip: Sequence[tuple[int, int]] = (),
    registry: Registry | None = None,
) -> list[EntityMention]:
    """Every institution mention in ``text``, in order. Never raises.

    ``skip`` holds ``(start, end)`` character ranges (boilerplate); mentions inside are dropped.

    >>> [(m.id, m.match) for m in find_institutions("創新科技署與香港科技園公司（科技園公司）合作")]
    [('itc', 'name_zh'), ('hkstp', 'name_zh'), ('hkstp', 'alias')]
    """
    check_text("find_institutions", text)
    check_optional_str("find_institutions", "doc_id", doc_id)
    if not text:
        return []
    registry = registry if registry is not None else load_registry()
    return _mentions(_scan(text, doc_id, _safe_skip(skip), registry), "institution", registry)


def find_initiatives(
    text: str,
    *,
    doc_id: str | None = None,
    skip: Sequence[tuple[int, int]] = (),
    registry: Registry | None = None,
) -> list[EntityMention]:
    """Every initiative mention in ``text``, in order. Never raises.

    >>> text = "the HK$10 billion Innovation and Technology Fund"
    >>> [(m.id, m.span.text) for m in find_initiatives(text)]
    [('itf', 'Innovation and Technology Fund')]
    """
    check_text("find_initiatives", text)
    check_optional_str("find_initiatives", "doc_id", doc_id)
    if not text:
        return []
    registry = registry if registry is not None else load_registry()
    return _mentions(_scan(text, doc_id, _safe_skip(skip), registry), "initiative", registry)


def recognize_entities(
    text: str,
    *,
    doc_id: str | None = None,
    skip: Sequence[tuple[int, int]] = (),
    registry: Registry | None = None,
) -> tuple[list[Institution], list[Initiative]]:
    """One Institution and one Initiative per distinct entity, each with every mention's Span.

    Entities come in the order of their first mention. Registered entities carry their registry
    fields (rename links, parent, owner); discovered ones have ``registered=False``.

    >>> institutions, initiatives = recognize_entities(
    ...     "The Office of the Government Chief Information Officer has launched the "
    ...     '"AI Subsidy Scheme". OGCIO said the scheme ...')
    >>> [(i.id, len(i.mentions), i.successor) for i in institutions]
    [('ogcio', 2, 'dpo')]
    >>> [(i.id, i.owner, i.text_owners) for i in initiatives]
    [('ai_subsidy_scheme', 'cyberport', ('ogcio',))]
    """
    check_text("recognize_entities", text)
    check_optional_str("recognize_entities", "doc_id", doc_id)
    if not text:
        return [], []
    registry = registry if registry is not None else load_registry()
    scan = _scan(text, doc_id, _safe_skip(skip), registry)
    institution_mentions = _mentions(scan, "institution", registry)
    initiative_mentions = _mentions(scan, "initiative", registry)
    owners = _text_owners(text, institution_mentions, initiative_mentions)
    institutions = [
        _institution(entity_id, spans, scan, registry)
        for entity_id, spans in _group(institution_mentions).items()
    ]
    initiatives = [
        _initiative(entity_id, spans, scan, registry, owners.get(entity_id, ()))
        for entity_id, spans in _group(initiative_mentions).items()
    ]
    return institutions, initiatives


def _group(mentions: list[EntityMention]) -> dict[str, list[Span]]:
    grouped: dict[str, list[Span]] = {}
    for mention in mentions:
        grouped.setdefault(mention.id, []).append(mention.span)
    return grouped


def _text_owners(
    text: str, institutions: list[EntityMention], initiatives: list[EntityMention]
) -> dict[str, tuple[str, ...]]:
    owners: dict[str, list[str]] = {}
    ends = [m.span.end for m in institutions]
    for mention in initiatives:
        index = bisect.bisect_right(ends, mention.span.start) - 1
        if index < 0:
            continue
        body = institutions[index]
        gap = text[body.span.end : mention.span.start]
        if _SENTENCE_END_RE.search(gap) or len(gap) > 200 or not OWNER_VERBS.search(gap):
            continue
        bucket = owners.setdefault(mention.id, [])
        if body.id not in bucket:
            bucket.append(body.id)
    return {k: tuple(v) for k, v in owners.items()}


def _institution(entity_id: str, spans: list[Span], scan: _Scan, registry: Registry) -> Institution:
    entry = registry.get(entity_id)
    if isinstance(entry, Institution):
        return entry.model_copy(update={"mentions": tuple(spans)})
    cand = scan.discovered[entity_id]
    is_han = bool(_HAN_CHAR_RE.match(cand.form))
    return Institution.model_construct(
        **{
            **_defaults(Institution),
            "id": entity_id,
            "name": cand.form,
            "name_zh": cand.form if is_han else None,
            "acronym": scan.acronyms.get(entity_id),
            "kind": cand.kind or "other",
            "parent": cand.parent,
            "registered": False,
            "mentions": tuple(spans),
        }
    )


def _initiative(
    entity_id: str, spans: list[Span], scan: _Scan, registry: Registry, owners: tuple[str, ...]
) -> Initiative:
    entry = registry.get(entity_id)
    if isinstance(entry, Initiative):
        return entry.model_copy(update={"mentions": tuple(spans), "text_owners": owners})
    cand = scan.discovered[entity_id]
    is_han = bool(_HAN_CHAR_RE.match(cand.form))
    return Initiative.model_construct(
        **{
            **_defaults(Initiative),
            "id": entity_id,
            "name": cand.form,
            "name_zh": cand.form if is_han else None,
            "acronym": scan.acronyms.get(entity_id),
            "kind": cand.kind or "other",
            "owner": owners[0] if owners else None,
            "registered": False,
            "text_owners": owners,
            "mentions": tuple(spans),
        }
    )


@functools.cache
def _defaults(model: type[Record]) -> dict[str, Any]:
    return {
        name: field.get_default(call_default_factory=True)
        for name, field in model.model_fields.items()
        if not field.is_required()
    }
