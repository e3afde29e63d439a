"""The funding rules' shortcuts before costly patterns give what the plain patterns give, on
generated text made of the pieces that matter."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

# --- "X, backed by $10 million": the shortcuts before the phrase pattern -----------------------

BACKED_PIECES = [
    "the", "AI", "programme", "Fund", "backed", "by", "funded", "with", "worth", "about",
    "up to", "more than", "a boost of", "receives", "WITH", "wİth", "geſts", "gets", "BY",
    "totalling", "approximately", " ", "  ", "\n", ",", "(", "-", "’", "&", "_", "1", "é", "\u00a0",
]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(BACKED_PIECES), max_size=25).map("".join))
def test_backed_by_equals_the_plain_patterns(before: str) -> None:
    from hkpolicy import _funding_purpose

    text = before + "$10 million"
    item, a0 = (0, len(text)), len(before)
    found = _funding_purpose._backed_by(text, item, a0)
    with pytest.MonkeyPatch.context() as patch:
        # Every shortcut off: any ending passes, and no barrier narrows the search.
        patch.setattr(_funding_purpose, "_EN_TAIL_LAST_WORDS", ("",))
        patch.setattr(_funding_purpose, "_NOT_IN_PHRASE_RE", regex.compile("(?!)", regex.REVERSE))
        assert _funding_purpose._backed_by(text, item, a0) == found, before


def test_backed_by_names_what_the_amount_backs() -> None:
    from hkpolicy._funding_purpose import _backed_by

    before = "Officials said (in May) the Smart Mobility pilot scheme backed by "
    found = _backed_by(before + "$10 million", (0, 200), len(before))
    assert found is not None and found.phrase == "Smart Mobility pilot scheme"


# --- cue lists gathered by first character: the same matches as the plain alternation ----------

# Every cue list a funding pattern is built from.
CUE_LISTS = {
    name: [*getattr(__import__("hkpolicy._funding_cues", fromlist=[name]), name)]
    for name in (
        "FUNDING_VERBS", "ALLOCATION_VERBS", "PURPOSE_CUES_EN", "PURPOSE_CUES_ZH", "FRAME_WORDS",
        "SUBJECT_PURPOSE_VERBS_EN", "RECIPIENT_MARKS", "SOURCE_MARKS", "UNDER_WORDS",
        "FUNDER_VERBS", "QUOTE_VERBS", "SPEAKER_MARKS", "REFERENCE_WORDS", "PART_OF_WORDS",
        "GRANT_NOUNS", "CEILING_WORDS", "DISTRIBUTIVE_WORDS", "NOT_TARGET_INITIATIVES",
        "NON_FUNDING_BEFORE", "NON_FUNDING_AFTER", "NON_FUNDING_IN_ITEM",
    )
}  # fmt: skip
# What may stand around and inside cue words: the words' own characters in both cases, case
# look-alikes (long s, Kelvin sign, dotted I), spaces, Han characters and punctuation.
CUE_PIECES = sorted(
    {w for words in CUE_LISTS.values() for w in words}
    | {w.upper() for words in CUE_LISTS.values() for w in words if w.isascii()}
    | {w[: len(w) // 2] for words in CUE_LISTS.values() for w in words}
    | {"ſ", "\u212a", "İ", " ", "  ", "\n", "s", "d", "ing", "，", "。", "的", "「", "1"}
)
# Places an alternation stands in the funding patterns: alone, at word bounds, as a word start,
# at the end of a window, and followed by more pattern (so the engine backtracks into it).
CUE_CONTEXTS = (r"(?:{})", r"\b(?:{})\b", r"\b(?:{})\w*", r"(?:{})\s*$", r"(?:{})\s+\w")
CUE_FLAGS = (0, regex.IGNORECASE, regex.IGNORECASE | regex.ASCII)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(CUE_LISTS)),
    st.lists(st.sampled_from(CUE_PIECES), max_size=12).map("".join),
)
def test_trie_alternation_equals_the_plain_alternation(name: str, text: str) -> None:
    from hkpolicy._funding_text import trie_alternation
    from hkpolicy._lexicon import alternation

    words = CUE_LISTS[name]
    for context in CUE_CONTEXTS:
        for flags in CUE_FLAGS:
            plain = regex.compile(context.format(alternation(words)), flags)
            gathered = regex.compile(context.format(trie_alternation(words)), flags)
            spans = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in gathered.finditer(text)] == spans, (name, context, text)
            every = [m.span() for m in plain.finditer(text, overlapped=True)]
            assert [m.span() for m in gathered.finditer(text, overlapped=True)] == every


def test_trie_alternation_refuses_a_word_starting_with_case() -> None:
    from hkpolicy._funding_text import trie_alternation

    assert trie_alternation(["fund", "fee of", "f", "撥款", "撥"]) == r"f(?:ee\ of|und|)|撥(?:款|)"
    with pytest.raises(ValueError, match="'Fund'"):
        trie_alternation(["fund", "Fund"])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ 1,.撥款\u3000é’\U00020000", max_size=12), st.integers(-2, 14))
def test_has_han_equals_the_pattern(text: str, low: int) -> None:
    from hkpolicy._funding_text import HAN_RE, has_han

    low = max(low, 0)
    for high in range(low, len(text) + 2):
        assert has_han(text, low, high) == (HAN_RE.search(text, low, high) is not None)


# --- rare cues: the needle test before the pattern never hides a match ---------------------------


def _rare_cues() -> dict[str, tuple[object, list[str]]]:
    """Every RareCue of the funding rules, with the words its pattern matches."""
    from hkpolicy import (
        _funding,
        _funding_context,
        _funding_refusals,
        _funding_targets,
    )
    from hkpolicy import _funding_cues as cues

    per_year = ["annual", "annually", "a year", "per year", "yearly", "每年"]
    return {
        "per year": (_funding._PER_YEAR, per_year),
        "tax": (_funding_refusals._NON_FUNDING_IN_ITEM, [*cues.NON_FUNDING_IN_ITEM]),
        "respectively": (_funding_targets._DISTRIBUTIVE, [*cues.DISTRIBUTIVE_WORDS]),
        "reference": (_funding_context._REFERENCE, [*cues.REFERENCE_WORDS]),
        "grant noun": (_funding_context._GRANT_NOUN, [*cues.GRANT_NOUNS]),
        "part of": (_funding_context._PART_OF, [*cues.PART_OF_WORDS]),
        "quoted": (_funding_targets._QUOTE_AFTER, [*cues.QUOTE_VERBS]),
        "funder": (_funding_targets._FUNDER_AFTER, [*cues.FUNDER_VERBS]),
    }


def test_every_rare_cue_is_listed_here() -> None:
    from hkpolicy import (
        _funding,
        _funding_context,
        _funding_refusals,
        _funding_targets,
        _funding_text,
    )
    from hkpolicy._funding_text import RareCue

    modules = (_funding, _funding_context, _funding_refusals, _funding_targets, _funding_text)
    defined = {id(v) for m in modules for v in vars(m).values() if isinstance(v, RareCue)}
    assert defined == {id(cue) for cue, _ in _rare_cues().values()}


@pytest.mark.parametrize("name", sorted(_rare_cues()))
def test_every_english_cue_word_holds_a_needle(name: str) -> None:
    cue, words = _rare_cues()[name]
    for word in words:
        assert cue.pattern.fullmatch(word), word
        if word.isascii():  # the needles are looked for in windows of ASCII only
            assert any(n in word.lower() for n in cue.needles), word


RARE_PIECES = sorted(
    {w for _, words in _rare_cues().values() for w in words}
    | {w.upper() for _, words in _rare_cues().values() for w in words}
    | {w[1:] for _, words in _rare_cues().values() for w in words}
    | {
        "ſ",
        "\u212a",
        "İ",
        "ß",
        " ",
        "\n",
        "s",
        "ly",
        "，",
        "的",
        "1",
        "$1 million",
        "Cyberport",
        "ed",
    }
)


@settings(max_examples=1500, deadline=None)
@given(
    st.sampled_from(sorted(_rare_cues())),
    st.lists(st.sampled_from(RARE_PIECES), max_size=10).map("".join),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_rare_cue_finds_what_its_pattern_finds(name: str, text: str, low: int, size: int) -> None:
    cue, _ = _rare_cues()[name]
    pattern = cue.pattern
    high = low + size
    found = pattern.search(text, low, high)
    assert cue.may_match(text, low, high) or found is None
    got = cue.search(text, low, high)
    assert (got and got.span()) == (found and found.span()), (name, text, low, high)
    got = cue.match(text, low, high)
    found = pattern.match(text, low, high)
    assert (got and got.span()) == (found and found.span()), (name, text, low, high)
    every = [m.span() for m in cue.finditer(text, low, high)]
    assert every == [m.span() for m in pattern.finditer(text, low, high)]


def test_since_founded_needs_its_word() -> None:
    from hkpolicy import _funding_targets

    # _not_a_party runs the pattern only on text holding 成立, which every match holds
    assert all("成立" in p for p in _funding_targets._SINCE_FOUNDED_AFTER_RE.pattern.split("|"))


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="為为向給在涉及分共獲額資助x ", max_size=20),
    st.integers(0, 20),
    st.integers(0, 20),
)
def test_holds_reads_the_lead_as_find_reads_the_text(text: str, low: int, high: int) -> None:
    from hkpolicy import _funding_purpose as fp

    for words in (fp._FOR_WORDS, fp._TOTAL_HEADS, fp._TOWARDS_WORDS, fp._SHARED_BY_ENDS):
        expected = any(text.find(word, low, high) >= 0 for word in words)
        assert fp._holds(text[low:high], words) == expected


# --- a purpose kept clear of names: the quote shortcut -------------------------------------

QUOTE_PIECES = [
    "and", "AND", "or", "as well as", "while", "with", "wİth", "plu\u017f", "plus", "another",
    "a further", "further", "additional", "a", "an", "The", "the", "Loop", "sector", "banana",
    "「", "『", "“", "」", "』", "”", "名稱", "基金", " ", "  ", "\n", "\u3000", "\u00a0", "\x1c",
]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(QUOTE_PIECES), max_size=14).map("".join))
def test_quote_shortcut_equals_the_plain_pattern(phrase: str) -> None:
    from hkpolicy import _funding_purpose as fp

    if not fp._may_quote(phrase):
        assert fp._QUOTED_RE.search(phrase) is None, phrase
