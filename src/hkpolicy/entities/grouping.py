"""Recognition: one scan per text, its mentions, and one entity per distinct name.

:func:`find_institutions` and :func:`find_initiatives` list mentions; :func:`recognize_entities`
groups them into one :class:`Institution` or :class:`Initiative` per entity, with every span.
A scan runs the registry matcher, discovery and the document's definitions, then resolves
overlaps: the longest mention wins, then a definition, then the registry.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..spans import Record, Span, check_optional_str, check_text, text_view
from .definitions import definitions, short_references
from .discovery import HAN_CHAR_RE, discoveries, filter_discoveries
from .hans import han_view, text_characters
from .matcher import Candidate, fold, registry_candidates, resolve
from .models import Domain, EntityMention, Initiative, Institution, new_mention
from .registry import Registry, load_registry
from .vocabulary import OWNER_VERBS

__all__ = ["find_initiatives", "find_institutions", "recognize_entities"]

_SENTENCE_ENDS = frozenset(".!?。！？\n")
_OWNER_GAP = 200  # most characters between a body and the initiative it is said to run


@dataclass(frozen=True)
class _Scan:
    text: str
    doc_id: str | None
    chosen: list[Candidate]
    discovered: dict[str, Candidate]  # id -> first candidate (kind, parent, name)
    acronyms: dict[str, str]  # discovered id -> its defined short form
    confidence: dict[str, float]  # discovered id -> the strength of its evidence


def _scan(
    text: str, doc_id: str | None, skip: Sequence[tuple[int, int]], registry: Registry | None
) -> _Scan:
    registry = registry if registry is not None else load_registry()
    matcher = registry._matcher
    characters = text_view("characters", text, text_characters)
    chars = characters.listed  # None: too many to list
    folded = fold(text, chars)
    registered = registry_candidates(
        text, matcher, folded=folded, chars=chars, wide=characters.mostly_wide
    )
    han = han_view(folded, chars)
    discovered = discoveries(text, han, registered, chars)
    discovered = filter_discoveries(discovered, registered, matcher)
    defined, acronyms = definitions(text, registered, discovered, registry)
    defined += short_references(han, registered, registry)
    chosen = resolve([*registered, *discovered, *defined], skip)
    first: dict[str, Candidate] = {}
    counts: dict[str, int] = {}
    for cand in chosen:
        if cand.entity_id not in registry:
            first.setdefault(cand.entity_id, cand)
            counts[cand.entity_id] = counts.get(cand.entity_id, 0) + 1
    confidence = {
        key: _confidence(cand, counts[key], key in acronyms) for key, cand in first.items()
    }
    return _Scan(text, doc_id, chosen, first, acronyms, confidence)


def _confidence(cand: Candidate, repeats: int, defined: bool) -> float:
    """The evidence for a discovered name: its shape, then repetition and a definition."""
    score = cand.confidence + 0.1 * min(repeats - 1, 2) + (0.2 if defined else 0.0)
    return round(min(score, 0.95), 2)


def _is_government(cand: Candidate, registry: Registry) -> bool:
    """A government names where a text's facts come from, not a body they concern: its
    mentions still mask overlapping names but are not reported."""
    entry = registry.get(cand.entity_id)
    return isinstance(entry, Institution) and entry.kind == "government"


def _mentions(scan: _Scan, domain: Domain, registry: Registry) -> list[EntityMention]:
    return [
        new_mention(id=key, span=span, form=cand.form, match=cand.match, registered=key in registry)
        for key, span, cand in _reported(scan, registry)[domain]
    ]


_Reported = tuple[str, Span, Candidate]  # (entity id, span, the chosen candidate)


def _reported(scan: _Scan, registry: Registry) -> dict[Domain, list[_Reported]]:
    """The chosen mentions a caller sees, by domain, in text order: every one with an entity,
    but a government's (see :func:`_is_government`). Each id is looked up once."""
    government: dict[str, bool] = {}
    found: dict[Domain, list[_Reported]] = {"institution": [], "initiative": []}
    text, doc_id = scan.text, scan.doc_id
    span_of = Span.of
    for cand in scan.chosen:
        key = cand.entity_id
        if not key:
            continue
        masked = government.get(key)
        if masked is None:
            masked = government[key] = _is_government(cand, registry)
        if not masked:
            found[cand.domain].append((key, span_of(text, cand.start, cand.end, doc_id), cand))
    return found


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
    reported = _reported(scan, registry)
    institution_mentions = reported["institution"]
    initiative_mentions = reported["initiative"]
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


def _group(mentions: list[_Reported]) -> dict[str, list[Span]]:
    grouped: dict[str, list[Span]] = {}
    for key, span, _ in mentions:
        grouped.setdefault(key, []).append(span)
    return grouped


def _text_owners(
    text: str, institutions: list[_Reported], initiatives: list[_Reported]
) -> dict[str, tuple[str, ...]]:
    owners: dict[str, list[str]] = {}
    ends = [span.end for _, span, _ in institutions]
    for key, span, _ in initiatives:
        index = bisect.bisect_right(ends, span.start) - 1
        if index < 0:
            continue
        body_id, body, _ = institutions[index]
        if span.start - body.end > _OWNER_GAP:
            continue
        gap = text[body.end : span.start]
        if not _SENTENCE_ENDS.isdisjoint(gap) or not OWNER_VERBS.search(gap):
            continue
        bucket = owners.setdefault(key, [])
        if body_id not in bucket:
            bucket.append(body_id)
    return {k: tuple(v) for k, v in owners.items()}


def _institution(entity_id: str, spans: list[Span], scan: _Scan, registry: Registry) -> Institution:
    entry = registry.get(entity_id)
    if isinstance(entry, Institution):
        return entry.model_copy(update={"mentions": tuple(spans)})
    cand = scan.discovered[entity_id]
    is_han = bool(HAN_CHAR_RE.match(cand.form))
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
            "confidence": scan.confidence[entity_id],
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
    is_han = bool(HAN_CHAR_RE.match(cand.form))
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
            "confidence": scan.confidence[entity_id],
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
