"""Amounts that are not funding: prices, statistics, valuations, fundraising, thresholds,
estimates, revenue, pay and tax deductions (rule 2 of :mod:`hkpolicy._funding`).

Owns :func:`not_funding`, which reads the cue words of :mod:`hkpolicy._funding_cues` before,
after and around an amount, and :func:`same_change`, which gives the other end of a change
("from $1.2 billion to $41.7 billion") the reason of the first.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from . import _funding_cues as cues
from ._funding_records import Bounds
from ._funding_text import RareCue, ScriptWords, trie_alternation, words_re

__all__ = [
    "NON_FUNDING_AFTER_REACH",
    "NON_FUNDING_REACH",
    "NotFundingCue",
    "not_funding",
    "same_change",
]

# How many characters before an amount a non-funding cue may stand ("低至每月900元").
NON_FUNDING_REACH = 45
# How many characters after an amount a non-funding cue may stand ("90億元私人投資").
NON_FUNDING_AFTER_REACH = len(" in funding from investors")

_ALLOCATION_VERB_RE = words_re(cues.ALLOCATION_VERBS, prefix=True)
_NON_FUNDING_BEFORE = ScriptWords(cues.NON_FUNDING_BEFORE)
_NON_FUNDING_AFTER_RE = regex.compile(
    rf"\s*(?:{trie_alternation(cues.NON_FUNDING_AFTER)})", regex.IGNORECASE | regex.ASCII
)
_NON_FUNDING_IN_ITEM = RareCue(words_re(cues.NON_FUNDING_IN_ITEM), ("tax",))
# Between two amounts of one change ("from $1.2 billion to about $41.7 billion", "由12億元增至").
_CHAIN_RE = regex.compile(
    r"\s*(?:in\s+\d{4}\s*)?[，,]?\s*(?:to|and|至|增至|升至|上升到|上升至|增加到|增加至)\s*"
    r"(?:(?:in\s+)?\d{4}\s*(?:年\s*)?(?:的)?\s*)?"
    r"(?:about|around|approximately|some|nearly|over|約|约|超過|超过)?\s*",
    regex.IGNORECASE,
)


class NotFundingCue(NamedTuple):
    """Why an amount is not funding, and where the words that show it are."""

    reason: cues.NotFundingReason
    cue: Bounds


def not_funding(text: str, item: Bounds, amount: Bounds) -> NotFundingCue | None:
    """The reason the amount's item gives for it not being funding, if any: a cue shortly
    before it (unless an allocation verb stands between them: "研發開支提供扣稅，以及向基金注資
    100億元" is funding), a tax word anywhere in the item, or a cue right after it."""
    low = max(item[0], amount[0] - NON_FUNDING_REACH)
    before = None
    for match in _NON_FUNDING_BEFORE.finditer(text, low, amount[0]):
        before = match  # the last cue before the amount
    if before is not None and _ALLOCATION_VERB_RE.search(text, before.end(), amount[0]) is None:
        return NotFundingCue(_reason(cues.NON_FUNDING_BEFORE, before.group()), before.span())
    for whole in _NON_FUNDING_IN_ITEM.finditer(text, item[0], item[1]):
        if whole.end() <= amount[0]:
            low, high = whole.end(), amount[0]
        else:
            low, high = amount[1], whole.start()
        if _ALLOCATION_VERB_RE.search(text, low, high) is None:
            return NotFundingCue(_reason(cues.NON_FUNDING_IN_ITEM, whole.group()), whole.span())
    after = _NON_FUNDING_AFTER_RE.match(
        text, amount[1], min(item[1], amount[1] + NON_FUNDING_AFTER_REACH)
    )
    if after is not None:
        words = after.group().strip()
        reason = _reason(cues.NON_FUNDING_AFTER, words)
        return NotFundingCue(reason, (after.end() - len(words), after.end()))
    return None


def same_change(text: str, previous_end: int, start: int) -> bool:
    """Whether the text between two amounts makes them the two ends of one change."""
    return _CHAIN_RE.fullmatch(text, previous_end, start) is not None


def _reason(table: dict[str, cues.NotFundingReason], word: str) -> cues.NotFundingReason:
    """The reason ``table`` gives for ``word``, matched as its pattern matched it."""
    found = table.get(word.lower())
    if found is not None:
        return found
    folded = " ".join(word.casefold().split())
    return next((r for k, r in table.items() if k.casefold() == folded), "statistic")
