"""Tests for hkpolicy.abbrev: Schwartz & Hearst (2003) definitions on plain strings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hkpolicy.abbrev import find_abbreviations

# (text, [(short, long), ...], reason)
ABBREV_EXAMPLES: list[tuple[str, list[tuple[str, str]], str]] = [
    (
        "Hong Kong Science and Technology Parks Corporation (HKSTPC) said",
        [("HKSTPC", "Hong Kong Science and Technology Parks Corporation")],
        "long form (SHORT)",
    ),
    (
        "The Hong Kong University of Science and Technology (HKUST), "
        "the University of Hong Kong (HKU)",
        [("HKUST", "Hong Kong University of Science and Technology")],
        "a long form never reaches back past another parenthetical",
    ),
    (
        "HKSTP (Hong Kong Science and Technology Parks Corporation) said",
        [("HKSTP", "Hong Kong Science and Technology Parks Corporation")],
        "SHORT (long form)",
    ),
    (
        "the Technology Voucher Programme (TVP, launched in 2016)",
        [("TVP", "Technology Voucher Programme")],
        "the short form is the first part of the parenthetical",
    ),
    (
        "Innovation and Technology Bureau (ITB)",
        [("ITB", "Innovation and Technology Bureau")],
        "skipped words: 'and' is not in the acronym",
    ),
    ("the year (2024) and (see above)", [], "numbers and phrases are no short forms"),
    ("the Bureau (XYZ)", [], "letters missing from the long form"),
    ("Growth (growth) rate", [], "a short form that is a word of its long form"),
    (
        "由創新科技署（創科署）負責",
        [("創科署", "創新科技署")],
        "Chinese short form in full-width parentheses",
    ),
    (
        "香港科技園公司（科技園公司）宣布",
        [("科技園公司", "香港科技園公司")],
        "Chinese suffix short form",
    ),
    ("創新科技署（數碼港）", [], "Chinese characters out of order"),
    ("unclosed (HKSTP", [], "no closing parenthesis"),
]
assert len({t for t, _, _ in ABBREV_EXAMPLES}) == len(ABBREV_EXAMPLES), "duplicate example"


@pytest.mark.parametrize(
    ("text", "expected", "reason"), ABBREV_EXAMPLES, ids=[t[:30] for t, _, _ in ABBREV_EXAMPLES]
)
def test_definitions(text: str, expected: list[tuple[str, str]], reason: str) -> None:
    found = find_abbreviations(text)
    assert [(a.short.text, a.long.text) for a in found] == expected, reason
    for a in found:
        assert text[a.short.start : a.short.end] == a.short.text
        assert text[a.long.start : a.long.end] == a.long.text


def test_doc_id_is_kept() -> None:
    (found,) = find_abbreviations("Cyberport Macro Fund (CMF)", doc_id="d1")
    assert found.short.doc_id == found.long.doc_id == "d1"


def test_non_str_is_the_callers_mistake() -> None:
    with pytest.raises(TypeError, match="find_abbreviations\\(\\) argument 'text' must be a str"):
        find_abbreviations(None)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("HKab ()（）科技署,;\n.")), max_size=60))
def test_never_raises_and_spans_are_exact(text: str) -> None:
    for a in find_abbreviations(text):
        assert text[a.short.start : a.short.end] == a.short.text
        assert text[a.long.start : a.long.end] == a.long.text


def test_chinese_long_form_keeps_and_inside_the_name() -> None:
    found = find_abbreviations("創新及科技局（創科局）負責政策")
    assert [(a.long.text, a.short.text) for a in found] == [("創新及科技局", "創科局")]


def test_chinese_stop_characters_are_the_shared_table() -> None:
    from hkpolicy import _lexicon
    from hkpolicy.abbrev import HAN_STOP_CHARS
    from hkpolicy.entities import HAN_STOP_CHARS as ENTITY_STOP_CHARS

    assert HAN_STOP_CHARS is _lexicon.HAN_STOP_CHARS
    assert ENTITY_STOP_CHARS is _lexicon.HAN_STOP_CHARS


def test_a_chinese_long_form_with_ji_at_the_start_of_the_text() -> None:
    found = find_abbreviations("創新及科技局（創科局）")
    assert [(a.long.text, a.short.text) for a in found] == [("創新及科技局", "創科局")]


# (text, [(short, long)], reason): the long form's words are read backwards from the
# parenthesis, at most min(len(short) + 5, 2 * len(short)) of them, back to a sentence end
LONG_FORM_WINDOW_EXAMPLES: list[tuple[str, list[tuple[str, str]], str]] = [
    (
        "Alpha beta. Gamma Delta (GD)",
        [("GD", "Gamma Delta")],
        "a full stop ends the words read",
    ),
    (
        "one two three four Kilo Lima (KL)",
        [("KL", "Kilo Lima")],
        "the shortest run of words that the short form abbreviates",
    ),
    ("Kilo w x y z (KL)", [], "Kilo is the fifth word back: outside the four read"),
    ("the Data-Driven Office (DDO) said", [("DDO", "Data-Driven Office")], "hyphens inside a word"),
]


@pytest.mark.parametrize(
    ("text", "pairs", "reason"),
    LONG_FORM_WINDOW_EXAMPLES,
    ids=[t for t, _, _ in LONG_FORM_WINDOW_EXAMPLES],
)
def test_long_form_words_before_the_parenthesis(
    text: str, pairs: list[tuple[str, str]], reason: str
) -> None:
    assert [(a.short.text, a.long.text) for a in find_abbreviations(text)] == pairs, reason


def test_abbreviations_are_built_like_validated_ones() -> None:
    from hkpolicy.abbrev import new_abbreviation
    from hkpolicy.spans import Span
    from tests.trusted_records import assert_built_like_validated

    text = "Data Office (DO)"
    short, long = Span.of(text, 13, 15, "d"), Span.of(text, 0, 11, "d")
    assert_built_like_validated(new_abbreviation(short=short, long=long))
    for found in find_abbreviations("由創新科技署（創科署）負責 and Data Office (DO)", doc_id="d"):
        assert_built_like_validated(found)


def test_offsets_are_those_of_the_records() -> None:
    from hkpolicy.abbrev import abbreviation_offsets

    text = "由創新科技署（創科署）負責; Data Office (DO) and DO (Data Office); the year (2024)"
    found = find_abbreviations(text)
    assert abbreviation_offsets(text) == [
        ((a.short.start, a.short.end), (a.long.start, a.long.end)) for a in found
    ]
    assert [(a.short.text, a.long.text) for a in found] == [
        ("創科署", "創新科技署"),
        ("DO", "Data Office"),
        ("DO", "Data Office"),
    ]
