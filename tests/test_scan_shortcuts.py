"""The scanners' shortcuts give what the patterns they stand in for would give.

The percentage scanner, the prose sector statistics and extract()'s unparsed numbers answer the
common cases with string tests instead of a regex call (find_money's shortcuts are checked in
tests/test_money_shortcuts.py). Each shortcut is checked here against the plain pattern on
generated text made of the pieces that matter.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import hkpolicy as hk
from hkpolicy import _prose_stats, facts
from hkpolicy._sentences import SentenceIndex

# --- percentages: the cue shortcuts ---------------------------------------------------------------

CUE_PIECES = [
    " ", "  ", "rose", "fell", "by", "to", "in", "2023", "about", "approx.", "~", "約", "增加",
    "了", "達", "over", "or more", "以上", "+", "increase", "'s", "’", "-", "e\u0301", "_", "(",
    "%", "1", ",", ".", "\n",
]  # fmt: skip


@st.composite
def around_a_percentage(draw: st.DrawFn) -> tuple[str, int, int]:
    """A text with a percentage in it, and the percentage's start and end."""
    before = "".join(draw(st.lists(st.sampled_from(CUE_PIECES), max_size=8)))
    after = "".join(draw(st.lists(st.sampled_from(CUE_PIECES), max_size=5)))
    number = draw(st.sampled_from(["5%", "42 per cent", "10%"]))
    return before + number + after, len(before), len(before) + len(number)


@settings(max_examples=1500, deadline=None)
@given(around_a_percentage())
@example(("rose in 2023 5%", 13, 15))  # a direction cue with a number among its words
@example(("grew by approx. 5%", 16, 18))
@example(("5% increase", 0, 2))
def test_no_cue_where_the_percentage_shortcuts_say_none(case: tuple[str, int, int]) -> None:
    from hkpolicy import _percent_cues as cues
    from hkpolicy import _percent_patterns as pp

    text, start, end = case
    lowest = max(0, start - cues.DIRECTION_WINDOW)
    if not cues.cue_may_end_before(text, start, lowest):
        for pattern in (
            pp.QUALIFIER_BEFORE_RE,
            pp.DIRECTION_ADVERB_EN_RE,
            pp.DIRECTION_BEFORE_ZH_RE,
            pp.DIRECTION_BEFORE_EN_RE,
        ):
            assert pattern.search(text, lowest, start) is None, (text, pattern.pattern[:40])
    if not cues.cue_may_start_after(text, end):
        for pattern in (pp.QUALIFIER_AFTER_RE, pp.DIRECTION_AFTER_EN_RE):
            assert pattern.match(text, end, min(len(text), end + 24)) is None, text


def test_cues_the_percentage_shortcuts_keep() -> None:
    # Checked by hand: each has a cue the scanner must still find.
    found = hk.find_percentages("Exports rose in 2023 5%, 42% or more, about 7% increase")
    assert [(str(m.percentage), m.direction) for m in found] == [
        ("5%", "increase"),
        ("at least 42%", None),
        ("approximately 7%", "increase"),
    ]


# --- sector statistics from prose: the shortcut -----------------------------------------------

STAT_PIECES = [
    "42% ", "35%", "another ", "of ", "local ", "firms ", "have ", "adopted ", "AI",
    "the number of ", "startups ", "has ", "grown ", "by ", "with ", "housing ", "1,500 ",
    "companies, ", "the ",
    "financial ", "industry, ", "which ", "contributes ", "approximately ", "to ", "GDP", ", ",
    ". ", "\n", "  ", "(", "30%", "use ", "In 2024 ", "a further ", "the remaining ", "sector ",
    "accounts for ", "makes up ", "represents ", "plan ",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(STAT_PIECES), max_size=25).map("".join))
@example("A survey found 42% of local firms have adopted AI, and another 35% plan to.")
@example("Since 2020, the number of AI startups has grown by 68%.")
@example("The logistics sector, which accounts for 21% of jobs, and the retail sector.")
@example("A park housing 900 start-ups, with 40% working on robotics, opened.")
def test_prose_sector_stats_equal_with_and_without_the_shortcut(text: str) -> None:
    percentages = hk.find_percentages(text)
    dates = hk.find_dates(text)
    institutions, _ = hk.recognize_entities(text)

    def stats() -> list[object]:
        sentences = SentenceIndex(text)
        return facts.prose_sector_stats(text, percentages, dates, institutions, sentences)

    with_shortcut = stats()
    with pytest.MonkeyPatch.context() as patch:
        # Every shortcut off: the window is always read, every pattern always searched.
        patch.setattr(_prose_stats, "_WORD_AFTER_SPACE", regex.compile(""))
        patch.setattr(_prose_stats, "_NUMBER_OF", "")
        for cues in ("_ANOTHER_WORDS", "_CONTRIBUTES_WORDS"):
            patch.setattr(_prose_stats, cues, ("",))
        for cue in ("_WITH_WORD", "_CHANGE_BY_WORD"):
            patch.setattr(_prose_stats, cue, "")
        assert stats() == with_shortcut, text


def test_the_prose_examples_state_statistics() -> None:
    # The @example texts above hold statistics (checked by hand), so the comparison is not empty.
    text = "A survey found 42% of local firms have adopted AI, and another 35% plan to."
    found = facts.prose_sector_stats(text, hk.find_percentages(text), [], [], SentenceIndex(text))
    assert [(s.sector, str(s.value)) for s in found] == [
        ("local firms", "42%"),
        ("local firms", "35%"),
    ]


# --- the reason of an unparsed number: the shortcut ---------------------------------------------

REASON_PIECES = [
    "1", "2024", "1999", "\u200d", "\u0301", "名1", "3.5", "e", "E", "+", "-", "名", "張", " ",
    "\t", "\n", ".", "v", "Version ",
    "A", "ab", "XYZs", "$", "%", "\x1c", "\u3000", "\u00a0", "ſ", "K", "é", "Ab-", "1e", "-4",
    "\r", "\x85", "\u2028",
]  # fmt: skip


def _reason_by_patterns(text: str, start: int, end: int, token: str) -> str:
    """extraction._reason as every pattern tried in turn: what the shortcut must equal."""
    from hkpolicy import extraction as x

    before, after = text[max(0, start - 24) : start], text[end : end + 24]
    if after.startswith(".") and x._starts_line(text, start):
        return "enumeration"
    if regex.search(r"\d[eE][+-]?\Z", before) or regex.match(r"[eE][+-]?\d", after):
        return "ambiguous"
    if regex.match(r"[張個人名間家項宗隻部台次份位戶件架所歲]", after):
        return "count"
    if x._VERSION_BEFORE_RE.search(before) and ("." in token or before.endswith("-")):
        return "version"
    if regex.match(r"[A-Za-z]", after):
        return "version"
    if (before[-1:] in x._SIGN_NEARBY) or (after[:1] in x._SIGN_NEARBY):
        return "ambiguous"
    if token.isascii() and len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2100:
        return "year"
    if x._COUNT_AFTER_RE.match(after):
        return "count"
    return "unknown"


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(REASON_PIECES), min_size=1, max_size=12).map("".join))
@example("1e\n1e+")  # a line break between "1e" and a number: no scientific notation
def test_unparsed_reason_equals_the_patterns(text: str) -> None:
    from hkpolicy import extraction as x

    tokens = list(x._number_tokens(text))
    for start, end in tokens:
        token = text[start:end]
        expected = _reason_by_patterns(text, start, end, token)
        assert x._reason(text, start, end, token, False) == expected, (text, start)
    # extract() answers a number between plain neighbours without _reason: the same answer.
    listed = x._unparsed(text, [], [], None)
    assert [(n.span.start, n.span.end) for n in listed] == tokens
    for number in listed:
        start, end = number.span.start, number.span.end
        assert number.reason == _reason_by_patterns(text, start, end, text[start:end]), text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 30), max_size=20),
    st.tuples(st.integers(0, 32), st.integers(0, 32)),
)
def test_items_in_a_sentence_are_those_starting_there_in_the_given_order(
    starts: list[int], bounds: tuple[int, int]
) -> None:
    # The index sorts by a C-level key; its answer is the plain filter over the given order.
    values = [f"item {k}" for k in range(len(starts))]
    index = _prose_stats._InSentence(starts, values)
    expected = [v for s, v in zip(starts, values, strict=True) if bounds[0] <= s < bounds[1]]
    assert index.within(bounds) == expected
