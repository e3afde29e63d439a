"""Institutions and initiatives in English, Traditional and Simplified Chinese.

The registry (``hkpolicy/data/registry.json``, :mod:`.registry`) is the single source of names:
each entry has English, Traditional and Simplified names, acronyms and aliases. Recognition runs
in four steps over one text (:mod:`.grouping`):

1. registry names in all three scripts, through one trie-shaped matcher (:mod:`.matcher`) that
   respects word edges in Latin text and vetoes short Chinese forms inside ordinary words;
2. acronym definitions (:mod:`hkpolicy.abbrev`), which teach the document a new short form
   (:mod:`.definitions`);
3. discovery of unregistered names with evidence: a head word and a proper-name shape, a quoted
   title, a definition, repetition (:mod:`.discovery`), marked ``registered=False`` and given a
   ``confidence``;
4. overlap resolution: the longest mention wins, then a document definition, then the registry.
   A longer name that contains a registered one is a different entity (策略性創科基金 is not
   創科基金).

The package: :mod:`.models` (the pydantic models), :mod:`.registry`, :mod:`.vocabulary` (head
words and stop words, read-only data), :mod:`.hans` (Simplified text seen in Traditional
characters), :mod:`.matcher`, :mod:`.english` (English names around a head word),
:mod:`.discovery` (every discovered name: English, Chinese, quoted, named after a registered
one), :mod:`.definitions` and :mod:`.grouping`. New names reach every step through a registry
(:meth:`Registry.extended`), passed as ``registry=``.

>>> [(m.id, m.span.text) for m in find_institutions("The HKUST Big Data Institute and 數碼港")]
[('hkust_bdi', 'HKUST Big Data Institute'), ('cyberport', '數碼港')]
>>> [(m.id, m.span.text) for m in find_institutions("香港科技园公司与数码港")]
[('hkstp', '香港科技园公司'), ('cyberport', '数码港')]
"""

from __future__ import annotations

from .grouping import find_initiatives, find_institutions, recognize_entities
from .models import (
    EntityMention,
    Initiative,
    InitiativeKind,
    Institution,
    InstitutionKind,
    MatchKind,
)
from .registry import Registry, load_registry
from .vocabulary import (
    CJK_FALSE_CONTEXTS,
    HAN_GENERIC_PREFIXES,
    HAN_INITIATIVE_HEADS,
    HAN_INSTITUTION_HEADS,
    HAN_STOP_CHARS,
    HAN_STOP_WORDS,
    INITIATIVE_HEADS,
    INSTITUTION_HEADS,
    NAME_CONNECTORS,
    NAME_LEADERS,
    OWNER_VERBS,
)

__all__ = [
    "CJK_FALSE_CONTEXTS",
    "HAN_GENERIC_PREFIXES",
    "HAN_INITIATIVE_HEADS",
    "HAN_INSTITUTION_HEADS",
    "HAN_STOP_CHARS",
    "HAN_STOP_WORDS",
    "INITIATIVE_HEADS",
    "INSTITUTION_HEADS",
    "NAME_CONNECTORS",
    "NAME_LEADERS",
    "OWNER_VERBS",
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
