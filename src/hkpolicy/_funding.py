"""The funding-fact assembler: which amounts are funding, for what, from whom, and when.

Owns the order in which :func:`hkpolicy.facts.assemble_funding` applies its rules to each amount
of one text. The words the rules read are data in :mod:`hkpolicy._funding_cues`; each rule lives
in the module named after it, as the "How funding facts are assembled" page documents:

1. Units (``_funding_units``): the unit is a list item: the clause of a sentence holding the
   amount (cut at "; ", ", and", "，並", "，以及"), narrowed between its neighbouring amounts at
   the strongest separator that stands between them (; before , before 、), so each amount of
   an enumeration keeps its own target. A name is never cut in two, and a bracketed note after
   an amount is not an item.
2. Refusals (``_funding_refusals``): an amount whose item says it is a price, a statistic, a
   valuation, fundraising, a threshold, revenue, pay or a tax deduction is not funding, unless
   an allocation verb stands between the cue and the amount; the other end of a change ("from
   X to Y") shares the first's reason. The reason and the cue are kept. Vague amounts (數億元)
   and header units are skipped.
3. Targets (``_funding_targets``): "respectively" / 分別 lists pair amounts and targets in
   order; "under X" takes X; a body after 向/予/to/into is the recipient; a fund after 從/from
   is the funder; else the nearest initiative. A body whose verb makes it the funder, the
   speaker ("X said", a job title), the venue or the one asked is never the recipient; a place
   never funds; a name nearer the previous amount of the item is that amount's.
4. References (``_funding_context``): "The Scheme", 該計劃, 该计划 resolve to the nearest
   compatible initiative named earlier, unless an unnamed scheme of the same kind lies in
   between (then the words themselves are the target).
5. Purposes (``_funding_purpose``): from cue phrases after the amount ("to help ...", 用於...,
   推動...) or before it (為...預留, 向X提供, X的資助總額, 在X上的, X分).
6. Context (``_funding_context``): an item that names nothing takes its sentence's initiative,
   the target of an earlier amount it repeats or is part of (當中), or, for a grant, the scheme
   just described.
7. Ceilings (here): a ceiling in the same clause as a larger amount is a field of that fact,
   not a second fact.
8. Periods (``_funding_period``): the period from the sentence, else from the heading above it.

Every pattern runs on a window of at most ``WINDOW`` characters (:mod:`hkpolicy._funding_text`)
around one amount, so the cost is linear in the number of amounts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple, TypeVar

import regex

from ._funding_context import (
    MAX_REFERENCE_DISTANCE,
    inherit,
    resolve_reference,
    scheme_in_discussion,
    sentence_initiative,
)
from ._funding_period import period
from ._funding_purpose import purpose
from ._funding_records import Bounds, Draft, NameIndex, Rejected
from ._funding_refusals import NotFundingCue, not_funding, same_change
from ._funding_targets import choose_targets, distribute, nearer_previous
from ._funding_text import CEILING_RE, FUNDING_VERBS, WINDOW, RareCue
from ._funding_units import (
    alone_in_sentence,
    candidate_amounts,
    clause_of,
    in_wordless_runs,
    item_of,
    not_an_amount,
)
from ._sentences import SentenceIndex
from .dates import DateMention
from .entities import Initiative, Institution
from .money import MoneyMention

__all__ = ["assemble"]

F = TypeVar("F")

_PER_YEAR = RareCue(
    regex.compile(r"(?i)\bannual(?:ly)?\b|\ba year\b|\bper year\b|\byearly\b|每年"),
    ("annual", "year"),
)


class _Inputs(NamedTuple):
    """One text's mentions, indexed for the rules."""

    text: str
    names: NameIndex
    owners: dict[str, set[str]]
    """Each initiative's owners (registered and named in the text)."""
    amounts: list[MoneyMention]
    amount_starts: list[int]
    dates: Sequence[DateMention]
    date_starts: list[int]


class _Place(NamedTuple):
    """Where one amount stands: its sentence, clause and list item, and its neighbours."""

    sentence: Bounds
    clause: Bounds
    item: Bounds
    prev_end: int
    """End of the previous amount (-1 for the first)."""
    prev_item_end: int
    """End of the list item of the previous amount considered (-1 for the first)."""


def assemble(
    text: str,
    money: Sequence[MoneyMention],
    dates: Sequence[DateMention],
    institutions: Sequence[Institution],
    initiatives: Sequence[Initiative],
    sentences: SentenceIndex,
    finish: Callable[[Draft], F],
) -> tuple[list[F], list[Rejected]]:
    """The funding facts of one text, each draft made a fact by ``finish`` as soon as no later
    amount can read or change it (so a long text never holds every draft at once), in text
    order; and the amounts rejected as not funding."""
    amounts = candidate_amounts(text, money)
    inputs = _Inputs(
        text,
        NameIndex(institutions, initiatives),
        {i.id: {o for o in (i.owner, *i.text_owners) if o is not None} for i in initiatives},
        amounts,
        [m.span.start for m in amounts],
        dates,
        [d.span.start for d in dates],
    )
    facts: list[F] = []
    drafts: list[Draft] = []  # the drafts not yet finished, in text order
    rejected: list[Rejected] = []
    last_in_clause: dict[Bounds, Draft] = {}
    last_item_end = -1
    in_runs = in_wordless_runs(text, amounts)
    for order, mention in enumerate(amounts):
        if drafts:
            _finish_settled(drafts, last_in_clause, mention.span.start, finish, facts)
        if order in in_runs:
            continue
        place = _place(inputs, sentences, order, last_item_end)
        if place is None:
            continue
        last_item_end = place.item[1]
        previous = amounts[order - 1] if order > 0 else None
        refusal = _refusal(text, place.item, mention, previous, rejected)
        if refusal is not None:
            rejected.append(Rejected(mention, refusal.reason, refusal.cue))
            continue
        draft = Draft(mention=mention, clause=place.clause)
        _find_targets(inputs, draft, place, drafts)
        if _complete(inputs, draft, place, last_in_clause):
            drafts.append(draft)
            last_in_clause[place.clause] = draft
    facts += map(finish, drafts)
    return facts, rejected


def _finish_settled(
    drafts: list[Draft],
    last_in_clause: dict[Bounds, Draft],
    start: int,
    finish: Callable[[Draft], F],
    facts: list[F],
) -> None:
    """Finish the oldest drafts that no amount from ``start`` on can read or change.

    Amounts come in text order. A later amount changes an earlier draft only through
    ``last_in_clause`` under its own clause, which holds its start, so never a draft whose
    clause ends at or before ``start``; and :func:`inherit` reads drafts back to the first
    one more than ``MAX_REFERENCE_DISTANCE`` before the amount, so never one further back. A
    draft past both is settled; the settled ones at the front are finished in order."""
    settled = 0
    for draft in drafts:
        if draft.clause[1] > start or start - draft.mention.span.end <= MAX_REFERENCE_DISTANCE:
            break
        if last_in_clause.get(draft.clause) is draft:
            del last_in_clause[draft.clause]
        settled += 1
    if settled:
        facts += map(finish, drafts[:settled])
        del drafts[:settled]


def _place(
    inputs: _Inputs, sentences: SentenceIndex, order: int, last_item_end: int
) -> _Place | None:
    """Where the ``order``-th amount stands, or None for an amount that states nothing: one
    outside any sentence, a header unit or vague amount, or an amount alone in its sentence."""
    text, amounts = inputs.text, inputs.amounts
    mention = amounts[order]
    a0, a1 = mention.span.start, mention.span.end
    sentence = sentences.sentence_of(a0)
    if sentence is None or not_an_amount(text, mention):
        return None
    if alone_in_sentence(text, sentence, (a0, a1)):
        return None
    clause = clause_of(text, sentence, a0)
    prev_end = amounts[order - 1].span.end if order > 0 else -1
    next_start = amounts[order + 1].span.start if order + 1 < len(amounts) else -1
    item = item_of(text, clause, (a0, a1), prev_end, next_start, inputs.names)
    return _Place(sentence, clause, item, prev_end, last_item_end)


def _refusal(
    text: str,
    item: Bounds,
    mention: MoneyMention,
    previous: MoneyMention | None,
    rejected: list[Rejected],
) -> NotFundingCue | None:
    """Why the amount is not funding: its own cue, or the reason of the amount before it when
    the two are the ends of one change ("surged from $1 billion to $4 billion")."""
    a0 = mention.span.start
    refusal = not_funding(text, item, (a0, mention.span.end))
    if refusal is None and rejected and rejected[-1].mention is previous:
        last = rejected[-1]
        if same_change(text, last.mention.span.end, a0):
            refusal = NotFundingCue(last.reason, last.cue)
    return refusal


def _find_targets(inputs: _Inputs, draft: Draft, place: _Place, drafts: list[Draft]) -> None:
    """Rules 3 to 6, in order: the item's own names, "respectively", a reference, the purpose,
    then the sentence's initiative, an earlier amount's target or the scheme in discussion."""
    text, names = inputs.text, inputs.names
    item, clause, sentence = place.item, place.clause, place.sentence
    a0 = draft.mention.span.start
    # The names of the item, and those that end one character after it (a purpose is cut
    # before a name it runs into).
    around = names.between((item[0], item[1] + 1))
    in_item = [
        m
        for m in around
        if m.start < item[1]
        and m.end <= item[1]
        and not nearer_previous(m, a0, place.prev_end, item)
    ]
    choose_targets(text, draft, in_item, item, inputs.owners)
    distribute(text, draft, inputs.amounts, inputs.amount_starts, clause, names)
    resolve_reference(text, draft, (clause[0], item[1]), names)
    purpose(text, draft, item, around)
    if draft.initiative is None and draft.reference is None and draft.institution is None:
        # never into an earlier item, and at most a window back
        since = (max(sentence[0], place.prev_item_end, item[0] - WINDOW), item[0])
        sentence_initiative(draft, since, names)
    if (
        draft.initiative is None
        and (draft.institution is None or draft.role == "funder")
        and draft.purpose is None
    ):
        inherit(text, draft, drafts, clause)
    if not (draft.initiative or draft.institution or draft.purpose):
        scheme_in_discussion(text, draft, item, names)


def _complete(
    inputs: _Inputs, draft: Draft, place: _Place, last_in_clause: dict[Bounds, Draft]
) -> bool:
    """The verb, ceiling, rate and period of a draft (rules 7 and 8); False when it is no fact:
    it names nothing and has no funding verb, or it is the ceiling of an earlier fact."""
    text, item = inputs.text, place.item
    mention = draft.mention
    a0, a1 = mention.span.start, mention.span.end
    verb = _nearest_verb(text, place.clause, (a0, a1), inputs.names)
    if verb is not None:
        draft.cues.append(verb)
    has_target = (
        draft.initiative or draft.institution or draft.purpose or draft.reference or draft.funder
    )
    if not has_target and verb is None:
        return False
    ceiling = CEILING_RE.search(text, max(item[0], a0 - 25), a0) or CEILING_RE.search(
        text, a1, min(item[1], a1 + 30)
    )
    if ceiling is not None:
        draft.cues.append(ceiling.span())
        earlier = last_in_clause.get(place.clause)
        if (
            earlier is not None
            and earlier.mention.money.currency == mention.money.currency
            and earlier.mention.money.amount > mention.money.amount
            and earlier.ceiling is None
        ):
            earlier.ceiling = mention
            earlier.cues.append(ceiling.span())
            return False
        draft.ceiling = mention
    draft.per = mention.money.per
    if draft.per is None and _PER_YEAR.search(text, max(item[0], a0 - 40), min(item[1], a1 + 30)):
        draft.per = "year"
    period(text, draft, inputs.dates, inputs.date_starts, place.sentence)
    draft.cues.sort()
    return True


def _nearest_verb(text: str, clause: Bounds, amount: Bounds, names: NameIndex) -> Bounds | None:
    """The funding verb of the clause nearest the amount, outside names ("InvestHK", "Fund")."""
    best: Bounds | None = None
    best_distance = 0
    low, high = max(clause[0], amount[0] - WINDOW), min(clause[1], amount[1] + WINDOW)
    inside = None
    for match in FUNDING_VERBS.finditer(text, low, high):
        start, end = match.span()
        if inside is None:
            inside = names.between((low, high))
        if any(m.start <= start < m.end for m in inside):
            continue
        distance = amount[0] - end if end <= amount[0] else start - amount[1]
        if best is None or distance < best_distance:
            best, best_distance = (start, end), distance
        if start > amount[1]:
            break
    return best
