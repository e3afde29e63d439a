"""The stretches of text a funding rule reads around one amount: its clause and its list item.

Owns rule 1 of :mod:`hkpolicy._funding`: which amounts are considered at all (not the bracketed
conversion or note of the amount before, not a run of figures with no word between them, not a
header unit or a vague amount, not an amount alone in its sentence), the clause of a sentence
holding an amount, and the list item within that clause, widened so that no name is cut.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ._funding_records import Bounds, NameIndex
from ._funding_text import WINDOW
from .money import MoneyMention

__all__ = [
    "CLAUSE_BREAKS",
    "CLAUSE_BREAK_MARKS",
    "MAX_WORDLESS_RUN",
    "SEPARATOR_LEVELS",
    "alone_in_sentence",
    "candidate_amounts",
    "clause_of",
    "in_wordless_runs",
    "item_of",
    "not_an_amount",
]

# Between two amounts: nothing but digits, signs, space and punctuation.
_WORDLESS_RE = regex.compile(r"[^\p{L}]*+")
# A run of this many amounts with no word between any two of them is a number dump or a table
# row of figures, not a statement: none of them becomes a fact (and each costs O(1)).
MAX_WORDLESS_RUN = 8
# A bracket opened right after an amount, holding another: a conversion or a note on it.
_CONVERSION_NOTE_RE = regex.compile(r"\s*[(（][^()（）]{0,40}")
# Separators between list items, strongest first: an item is cut at the strongest one that
# stands between two amounts ("……10萬元資助;同時……Incu-Bio計劃,對每間公司……400萬元").
SEPARATOR_LEVELS = (";；", "，,", "、")
# Words before a digitless amount that make it vague: 數億元, 数以十亿元计.
_VAGUE_BEFORE = ("數", "数", "數以", "数以")

# A sentence's clauses: split at "; " and at ", and" / ", while" / ", but" / ", whereas" and
# their Chinese counterparts, so two amounts in one sentence keep their own bodies.
CLAUSE_BREAKS = (
    r";\s*",
    r",\s+(?:and|while|whereas|but)\s+",
    r"[，,]\s*(?:並|并|而|另|以及)",
    r"；",
)
_CLAUSE_BREAK_RE = regex.compile("|".join(CLAUSE_BREAKS))
# The characters every clause break starts with (tests/test_funding.py checks each branch of
# CLAUSE_BREAKS): a window holding none of them holds no clause break.
CLAUSE_BREAK_MARKS = (";", ",", "，", "；")


def candidate_amounts(text: str, money: Sequence[MoneyMention]) -> list[MoneyMention]:
    """The amounts that can be facts: not the bracketed conversion of the amount before it, nor
    a bracketed note on it ("100億港元(備注:約90億元人民幣)")."""
    amounts: list[MoneyMention] = []
    previous_end = -1
    for i, m in enumerate(money):
        if m.paired_index is not None and m.paired_index < i:
            continue
        start = m.span.start
        # Two amounts that touch hold no bracket between them: the pattern is not run.
        if start > previous_end >= 0 and _bracket_note(text, previous_end, start):
            continue
        amounts.append(m)
        previous_end = m.span.end
    return amounts


def _bracket_note(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens a bracket (a note on the amount before ``start``);
    without a bracket in it, the pattern is not run."""
    if text.find("(", start, end) < 0 and text.find("（", start, end) < 0:
        return False
    return _CONVERSION_NOTE_RE.fullmatch(text, start, end) is not None


def in_wordless_runs(text: str, amounts: Sequence[MoneyMention]) -> set[int]:
    """Positions (in ``amounts``) of the amounts in runs of at least ``MAX_WORDLESS_RUN`` with
    no letter between neighbours: "$1$1$1...", a row of twelve yearly figures."""
    found: set[int] = set()
    run_start = 0
    count = len(amounts)
    for order in range(1, count + 1):
        if order < count:
            gap_start, gap_end = amounts[order - 1].span.end, amounts[order].span.start
            # Two amounts that touch have no letter between them.
            joined = gap_start >= gap_end or (
                _WORDLESS_RE.fullmatch(text, gap_start, gap_end) is not None
            )
        else:
            joined = False
        if not joined:
            if order - run_start >= MAX_WORDLESS_RUN:
                found.update(range(run_start, order))
            run_start = order
    return found


def not_an_amount(text: str, mention: MoneyMention) -> bool:
    """A unit in a table header ("(港幣百萬元)") or a vague amount ("數億元", "數以十億元計"):
    money words that state no amount a fact could hold."""
    a0, a1 = mention.span.start, mention.span.end
    if any(map(str.isdigit, mention.span.text)):
        return False
    if text[a0 - 1 : a0] in ("(", "（") and text[a1 : a1 + 1] in (")", "）"):
        return True
    return text.endswith(_VAGUE_BEFORE, max(0, a0 - 2), a0)


def alone_in_sentence(text: str, sentence: Bounds, amount: Bounds) -> bool:
    """A sentence of the amount alone ("HK$1" on its own line) says nothing (a short sentence
    only: the test reads a bounded stretch)."""
    # A sentence that starts with a letter before the amount holds a word: the commonest
    # answer, without the pattern.
    if sentence[0] < amount[0] and text[sentence[0]].isalpha():
        return False
    return (
        amount[0] - sentence[0] <= WINDOW
        and sentence[1] - amount[1] <= WINDOW
        and _WORDLESS_RE.fullmatch(text, sentence[0], amount[0]) is not None
        and _WORDLESS_RE.fullmatch(text, amount[1], sentence[1]) is not None
    )


def clause_of(text: str, sentence: Bounds, offset: int) -> Bounds:
    """The clause of ``sentence`` that holds ``offset`` (at most WINDOW characters either side)."""
    start = max(sentence[0], offset - WINDOW)
    end = min(sentence[1], offset + WINDOW)
    for mark in CLAUSE_BREAK_MARKS:
        if text.find(mark, start, end) >= 0:
            break
    else:
        return start, end
    for match in _CLAUSE_BREAK_RE.finditer(text, start, end):
        if match.end() <= offset:
            start = match.end()
        elif match.start() > offset:
            end = match.start()
            break
    return start, end


def item_of(
    text: str, clause: Bounds, amount: Bounds, prev_end: int, next_start: int, names: NameIndex
) -> Bounds:
    """The list item of ``clause`` holding ``amount``: cut at the last separator after the
    previous amount and the first separator before the next one, when they share the clause,
    then widened so that no name is cut ("the Fund on Branding, Upgrading and ...")."""
    start, end = clause
    if clause[0] <= prev_end <= amount[0]:
        start = prev_end
        for level in SEPARATOR_LEVELS:
            cut = max(text.rfind(sep, prev_end, amount[0]) for sep in level)
            if cut >= 0:
                start = cut + 1
                break
    if amount[1] <= next_start <= clause[1]:
        end = next_start
        for level in SEPARATOR_LEVELS:
            cuts = [f for f in (text.find(sep, amount[1], next_start) for sep in level) if f >= 0]
            if cuts:
                end = min(cuts)
                break
    widened_start, widened_end = start, end
    for m in names.between((max(clause[0], start - WINDOW), clause[1])):
        if m.start < widened_start < m.end:
            widened_start = m.start
        if m.start < widened_end < m.end:
            widened_end = m.end
    return widened_start, widened_end
