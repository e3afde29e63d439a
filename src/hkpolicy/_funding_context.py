"""Targets an amount takes from around its item (rules 4 and 6 of :mod:`hkpolicy._funding`).

Owns :func:`resolve_reference` ("the Scheme", 該計劃 -> the scheme named earlier),
:func:`sentence_initiative` (the initiative its sentence named before the item),
:func:`inherit` (the target of an earlier amount it repeats or is part of) and
:func:`scheme_in_discussion` (a grant, or a bullet under a lead line, belongs to the scheme the
text is describing; an amount under a heading naming one initiative belongs to it).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from . import _funding_cues as cues
from ._funding_records import Bounds, Draft, NamedMention, NameIndex, Target
from ._funding_text import FUNDING_VERB_RE, RareCue, heading, words_re

__all__ = [
    "DISCOURSE_REACH",
    "MAX_LIST_ITEMS",
    "MAX_REFERENCE_DISTANCE",
    "inherit",
    "resolve_reference",
    "scheme_in_discussion",
    "sentence_initiative",
]

# How far back "the Scheme" / 該計劃 looks for the scheme it names, and an amount for the
# earlier amount it repeats.
MAX_REFERENCE_DISTANCE = 1500
# How far back a grant amount that names nothing looks for the scheme being described.
DISCOURSE_REACH = 400
# How many bullet lines back the lead line of a list may stand.
MAX_LIST_ITEMS = 12

_REFERENCE = RareCue(
    words_re(cues.REFERENCE_WORDS),
    ("scheme", "program", "fund", "subhead", "initiative"),
)
_GRANT_NOUN = RareCue(words_re(cues.GRANT_NOUNS), ("subsidy", "grant"))
_PART_OF = RareCue(words_re(cues.PART_OF_WORDS), ("of which", "of th"))
# The head word of a reference, whose appearance between it and a named scheme means an
# unnamed scheme lies nearer.
_HEADS = ("計劃", "计划", "計畫", "计画", "基金", "scheme", "programme", "program", "fund")
# A bullet that starts a line: "- ", "• ", "(a) ", "1. ", "（一）".
_BULLET_RE = regex.compile(
    r"[ \t]*(?:[-–•·●▪◆■*]|\(?[a-z0-9]{1,2}\)|[0-9]{1,2}\.|[（(][一二三四五六七八九十]+[）)])\s"
    r"|[ \t]*[•·●▪◆■]"
)
_COLON_RE = regex.compile(r"[:：]")


def resolve_reference(text: str, draft: Draft, item: Bounds, names: NameIndex) -> None:
    """ "the Scheme" / 該計劃 in the item, with no scheme named there: the nearest compatible
    initiative named earlier, unless an unnamed one of the same kind lies in between."""
    if draft.initiative is not None:
        return
    found = _REFERENCE.search(text, item[0], item[1])
    if found is None:
        return
    draft.reference = found.span()
    draft.cues.append(found.span())
    wanted = cues.REFERENCE_WORDS.get(found.group().lower())
    lowered = found.group().lower()
    head = next((h for h in _HEADS if h in lowered), None)
    earlier = names.starting(max(0, found.start() - MAX_REFERENCE_DISTANCE), found.start())
    covered_until = found.start()
    nearest: NamedMention | None = None
    for m in reversed(earlier):
        if m.kind != "initiative" or m.end > found.start():
            continue
        if head and head in text[m.end : covered_until].lower():
            break  # an unnamed scheme lies nearer: "推出……的培育計劃。該計劃……"
        if wanted is None or m.initiative_kind in (wanted, "other", "initiative", None):
            draft.initiative = Target.of(m)
            return
        nearest = nearest or m
        covered_until = m.start
    else:
        if nearest is not None and _only_initiative_kind(earlier, found.start()):
            # the one initiative named before, whatever its kind: writers call a programme
            # or a hub "the Scheme" too
            draft.initiative = Target.of(nearest)


def _only_initiative_kind(mentions: Sequence[NamedMention], before: int) -> bool:
    """Whether the initiatives named before ``before`` are all one initiative."""
    return len({m.id for m in mentions if m.kind == "initiative" and m.end <= before}) == 1


def sentence_initiative(draft: Draft, since: Bounds, names: NameIndex) -> None:
    """An item that names no scheme takes the initiative its sentence named before it, after
    any earlier amount ("the applications for X received ..., and whether each was granted
    $100,000"; "將推行X，其中撥款5,000萬元……")."""
    before = [m for m in names.between(since) if m.kind == "initiative"]
    if before:
        draft.initiative = Target.of(before[-1])


def inherit(text: str, draft: Draft, drafts: Sequence[Draft], clause: Bounds) -> None:
    """An amount that repeats an earlier one ("預留200億元……但強調200億元並不夠用"), or is
    part of it ("獲撥出當中的8億元"), takes that amount's target."""
    a0 = draft.mention.span.start
    part_of = _PART_OF.search(text, clause[0], a0)
    money = draft.mention.money
    for earlier in reversed(drafts):
        if a0 - earlier.mention.span.end > MAX_REFERENCE_DISTANCE:
            return
        if not (earlier.initiative or earlier.institution):
            continue
        same = (earlier.mention.money.amount, earlier.mention.money.currency) == (
            money.amount,
            money.currency,
        )
        if same or part_of is not None:
            draft.initiative, draft.institution = earlier.initiative, earlier.institution
            draft.role, draft.recipient = earlier.role, earlier.recipient
            if part_of is not None:
                draft.cues.append(part_of.span())
            return


def scheme_in_discussion(text: str, draft: Draft, item: Bounds, names: NameIndex) -> None:
    """A grant amount whose item names nothing ("最高資助額為項目總支出的1/3或1,500萬元"), or an
    amount in a bullet list under a lead line, belongs to the scheme the text was just
    describing: the nearest initiative named before it, at most ``DISCOURSE_REACH`` characters
    back. Any other amount naming nothing in the paragraph right under a heading that names one
    initiative belongs to it."""
    a0 = draft.mention.span.start
    grant = _GRANT_NOUN.search(text, item[0], item[1]) or _listed_under_lead(text, a0)
    if grant is None:
        above = heading(text, a0)
        if above is None or FUNDING_VERB_RE.search(text, *draft.clause) is None:
            return  # an amount with no verb of funding stays no fact
        named = [m for m in names.between(above) if m.kind == "initiative"]
        if len({m.id for m in named}) == 1:  # "InnoHK Research Clusters" above the paragraph
            draft.initiative = Target.of(named[-1])
        return
    for m in reversed(names.starting(max(0, a0 - DISCOURSE_REACH), a0)):
        if m.kind == "initiative" and m.end <= a0:
            draft.initiative = Target.of(m)
            draft.cues.append(grant.span())
            return


def _listed_under_lead(text: str, a0: int) -> regex.Match[str] | None:
    """The colon that ends the lead line of the bullet list the amount stands in ("Highlights:"
    above "- $45 million was granted ..."): the list describes what the text was discussing."""
    start = text.rfind("\n", 0, a0) + 1
    if _BULLET_RE.match(text, start) is None:
        return None
    for _ in range(MAX_LIST_ITEMS):
        if start == 0:
            return None
        previous = text.rfind("\n", 0, start - 1) + 1
        line = text[previous : start - 1].rstrip()
        if _BULLET_RE.match(line):
            start = previous
            continue
        if line.endswith((":", "：")):
            return _COLON_RE.match(text, previous + len(line) - 1)
        return None
    return None
