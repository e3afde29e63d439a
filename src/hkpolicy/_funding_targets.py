"""Targets and roles named in an amount's own list item (rule 3 of :mod:`hkpolicy._funding`).

Owns :func:`choose_targets`: the nearest initiative ("under X" first, a parent fund last), the
recipient after 向/予/to/into, the funder after 從/from or before its verb, the owner of the
initiative; a body quoted, the venue, the one asked or a time is none of these. And
:func:`distribute`: "X and Y ... respectively" / 分別 pairs amounts and targets in order.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

import regex

from . import _funding_cues as cues
from ._funding_records import Bounds, Draft, NamedMention, NameIndex, Target
from ._funding_text import WINDOW, RareCue, trie_alternation, words_re
from .money import MoneyMention

__all__ = ["choose_targets", "distribute", "nearer_previous"]

_QUOTE_AFTER = RareCue(
    regex.compile(
        rf"^\s*(?:[,，]\s*)?(?:[^，,。；;、\s他她我你們们]{{0,6}}?)(?:{trie_alternation(cues.QUOTE_VERBS)})",
        regex.IGNORECASE,
    ),
    tuple(w for w in cues.QUOTE_VERBS if w.isascii()),
)
_SPEAKER_BEFORE_RE = regex.compile(
    rf"(?:{trie_alternation(cues.SPEAKER_MARKS)})\s*(?:the\s+)?$", regex.IGNORECASE
)
_FUNDER_AFTER = RareCue(
    regex.compile(
        rf"[^，,。；;、]{{0,12}}?(?:{trie_alternation(cues.FUNDER_VERBS)})", regex.IGNORECASE
    ),
    (
        "allocat",
        "set aside",
        "earmarked",
        "inject",
        "provide",
        "launch",
        "announced",
        "approved",
        "redeploy",
        "invested",
    ),
)
_RECIPIENT_BEFORE_RE = regex.compile(
    rf"(?:^|[\s\p{{Han}}「“\"'(（])(?:{trie_alternation(cues.RECIPIENT_MARKS)})\s*[「“\"']?\s*$",
    regex.IGNORECASE,
)
_SOURCE_BEFORE_RE = regex.compile(
    rf"(?:{trie_alternation(cues.SOURCE_MARKS)})\s*(?:the\s+)?[「“\"']?\s*$", regex.IGNORECASE
)
_UNDER_BETWEEN_RE = regex.compile(
    rf"^\s*(?:\([^()]{{0,60}}\)\s*)?(?:{trie_alternation(cues.UNDER_WORDS)})\s*(?:of\s+)?(?:the\s+)?$",
    regex.IGNORECASE,
)
# "在X下" / "X下": a fund named before the amount with 下 after it is the parent, not the target.
_PARENT_AFTER_RE = regex.compile(r"^[」”\"']?\s*(?:下|之下|項下|项下)")
_VENUE_BEFORE_RE = regex.compile(r"(?i)(?:\bat\s+(?:the\s+)?|出席)$")
# "出席X會議": a meeting's body is where it was said.
_MEETING_AFTER_RE = regex.compile(r"^\s*(?:會議|会议|meeting)", regex.IGNORECASE)
# "在立法會宣讀預算案": where a speech was given.
_SPEECH_AFTER_RE = regex.compile(r"^\s*(?:宣讀|宣读|發表|发表|表示|指出|介紹|介绍|演辭|演辞)")
# "自創科局於2015年成立以來": a time, not a party to the money.
_SINCE_FOUNDED_AFTER_RE = regex.compile(r"^[^，,。；;]{0,16}?成立以來|^[^，,。；;]{0,16}?成立以来")
# "向立法會申請": the body asked, never the recipient.
_ASKED_AFTER_RE = regex.compile(r"^\s*(?:申請|申请|提出|要求|apply|applied)")
_FUNDING_NOUN_RE = regex.compile(r"(?i)\bfunding\b|\binjection\b")
_DISTRIBUTIVE = RareCue(words_re(cues.DISTRIBUTIVE_WORDS), ("respectively",))


class _Parties(NamedTuple):
    """The names of an item sorted by the part they can play for its amount."""

    initiatives: list[tuple[float, NamedMention]]
    """Each with its distance from the amount (lower is nearer; "under X" is -1)."""
    recipients: list[NamedMention]
    others: list[NamedMention]
    funder: NamedMention | None


def nearer_previous(m: NamedMention, a0: int, prev_end: int, item: Bounds) -> bool:
    """A name between the previous amount of the same item and this one, nearer the previous:
    it belongs to that amount ("注資100億予X 設公司推動開發Y 申起始資金100億元": X is the
    first amount's)."""
    return item[0] <= prev_end <= m.start and m.end <= a0 and m.start - prev_end < a0 - m.end


def _not_a_party(before: str, after: str) -> bool:
    """The venue ("at the Legislative Council", "出席X會議"), the one asked ("向立法會申請"), or
    a time: neither funder nor recipient."""
    return bool(
        _VENUE_BEFORE_RE.search(before)
        or _MEETING_AFTER_RE.match(after)
        or (before.endswith("在") and _SPEECH_AFTER_RE.match(after))
        or ("成立" in after and _SINCE_FOUNDED_AFTER_RE.match(after))
        or _ASKED_AFTER_RE.match(after)
    )


def _parties(text: str, in_item: Sequence[NamedMention], item: Bounds, amount: Bounds) -> _Parties:
    a0, a1 = amount
    initiatives: list[tuple[float, NamedMention]] = []
    recipients: list[NamedMention] = []
    others: list[NamedMention] = []
    funder: NamedMention | None = None
    for m in in_item:
        before = text[max(item[0], m.start - 16) : m.start]
        after = text[m.end : min(item[1], m.end + 20)]
        if _QUOTE_AFTER.match(after, 0, len(after)) or _SPEAKER_BEFORE_RE.search(before):
            continue  # the body quoted is neither funder nor recipient of this amount
        if _SOURCE_BEFORE_RE.search(before):
            funder = funder or m  # "from the ITF", "從創新及科技基金撥出": where it comes from
            continue
        if _not_a_party(before, after):
            continue
        if m.kind == "initiative":
            distance = float(m.start - a1) if m.start >= a1 else float(a0 - m.end) + 0.5
            if m.end <= a0 and _PARENT_AFTER_RE.match(after):
                distance += 2 * WINDOW  # the parent fund: only when nothing else
            if m.start >= a1 and _UNDER_BETWEEN_RE.match(text[a1 : m.start]):
                distance = -1.0  # "$120 million under the subhead of X"
            initiatives.append((distance, m))
        elif _RECIPIENT_BEFORE_RE.search(before) and not m.government:
            recipients.append(m)
        elif (
            m.end <= a0
            and not m.facility
            and (_FUNDER_AFTER.match(text, m.end, a0) or m.government)
        ):
            funder = m
        else:
            others.append(m)
    return _Parties(initiatives, recipients, others, funder)


def choose_targets(
    text: str,
    draft: Draft,
    in_item: Sequence[NamedMention],
    item: Bounds,
    owners: dict[str, set[str]],
) -> None:
    """The initiative, institution, role, funder and recipient the item names for the amount."""
    a0, a1 = draft.mention.span.start, draft.mention.span.end
    parties = _parties(text, in_item, item, (a0, a1))
    funder = parties.funder
    if parties.initiatives:
        draft.initiative = Target.of(min(parties.initiatives, key=lambda pair: pair[0])[1])
    if parties.recipients:
        best_r = min(parties.recipients, key=lambda m: abs(m.start - a0))
        draft.institution = Target.of(best_r)
        draft.role = "recipient"
        draft.recipient = best_r.id
        mark = _RECIPIENT_BEFORE_RE.search(text, max(item[0], best_r.start - 8), best_r.start)
        if mark is not None:
            draft.cues.append(mark.span())
    if funder is not None:
        draft.funder = funder.id
    if draft.institution is None:
        _institution_without_recipient(text, draft, parties, item, owners)


def _institution_without_recipient(
    text: str, draft: Draft, parties: _Parties, item: Bounds, owners: dict[str, set[str]]
) -> None:
    """The owner of the initiative, else the nearest other body (a recipient when it follows
    the amount or the item speaks of funding), else a funder that is no government body."""
    a0, a1 = draft.mention.span.start, draft.mention.span.end
    funder, others = parties.funder, parties.others
    owner_ids = owners.get(draft.initiative.id, set()) if draft.initiative else set()
    owner = next((m for m in [*others, *([funder] if funder else [])] if m.id in owner_ids), None)
    if owner is not None:
        draft.institution = Target.of(owner)
        draft.role = "owner"
    elif others and draft.initiative is None:
        best_o = min(others, key=lambda m: abs(m.start - a0))
        draft.institution = Target.of(best_o)
        # "<body>'s research funding of ...", "<body> ... the $X funding injection"
        funded = _FUNDING_NOUN_RE.search(text, item[0], item[1]) is not None
        draft.role = "recipient" if best_o.start >= a1 or funded else None
    elif (
        funder is not None
        and funder.kind == "institution"
        and draft.initiative is None
        and not funder.government
    ):
        draft.institution = Target.of(funder)
        draft.role = "funder"


def distribute(
    text: str,
    draft: Draft,
    amounts: Sequence[MoneyMention],
    amount_starts: list[int],
    clause: Bounds,
    names: NameIndex,
) -> None:
    """ "HK$8 billion and HK$2 billion for X and Y respectively": the i-th amount gets the i-th
    target named after the last amount of the list."""
    cue = _DISTRIBUTIVE.search(text, clause[0], clause[1])
    if cue is None:
        return
    low = bisect.bisect_left(amount_starts, clause[0])
    high = bisect.bisect_left(amount_starts, clause[1])
    in_clause = amounts[low:high]
    if len(in_clause) < 2:
        return
    named: list[NamedMention] = []
    for m in names.between((in_clause[-1].span.end, cue.start())):
        if not named or (m.start >= named[-1].end):
            named.append(m)
    if len(named) != len(in_clause):
        return
    position = next(i for i, m in enumerate(in_clause) if m is draft.mention)
    chosen = named[position]
    target = Target.of(chosen)
    if chosen.kind == "initiative":
        draft.initiative = target
    else:
        draft.institution, draft.role, draft.recipient = target, "recipient", chosen.id
    draft.distributed = True
    draft.cues.append(cue.span())
