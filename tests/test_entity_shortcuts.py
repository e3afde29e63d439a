"""Entity recognition's shortcuts give what the full scans they stand in for would give.

A mostly English text has its few non-ASCII characters listed once
(:func:`hkpolicy.entities.hans.text_characters`); fold, the Traditional view, the registry's
pass for Chinese forms and the scan for Chinese head words then skip, or look only at, the places
those characters are. Each is checked here against the full scan on generated text made of the
pieces that matter: registered Chinese names in both scripts, head words, characters that fold
or change length in lower case, and long runs of English around them. The English head words are
found by a trie, checked against the alternation of them longest first; the registry's Chinese
forms are found by two passes (split by first character), checked against one trie of them all;
overlaps among candidates that never overlap are resolved without ranking them, checked against
the ranking.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hkpolicy.entities import (
    discovery,
    english,
    grouping,
    hans,
    load_registry,
    matcher,
    recognize_entities,
    vocabulary,
)
from hkpolicy.entities.discovery import _han_discoveries
from hkpolicy.entities.hans import SPARSE_SHARE, TextCharacters, han_view, text_characters
from hkpolicy.entities.matcher import (
    EDGE_AFTER,
    LATIN,
    Candidate,
    fold,
    lower,
    resolve,
    trie_regex,
)

ENGLISH = [
    "The Innovation and Technology Fund supports research at HKUST. ",
    "Cyberport and the Hong Kong Science and Technology Parks Corporation said ",
    "the scheme will run for three years, according to the bureau. ",
]
PIECES = [
    "香港科技園公司", "科技园", "数码港", "數碼港", "創新科技署", "創科署", "港大", "本港大學",
    "香港", "大學", "中心", "研究中心", "計劃", "计划", "学", "（", "）", "「", "」",
    "\u00a0", "\u3000", "’", "‘", "–", "—", "＆", "\t", "\n", "Σ", "ΣΑ ", "İ", "\u212a",
    "\ud800", "\U0001f600", "é", "HKUST", " ", "(", ")", "“", "”",
]  # fmt: skip


@st.composite
def mostly_english(draw: st.DrawFn) -> str:
    """English paragraphs with a few pieces dropped in: sparse enough to be listed, mostly."""
    paragraphs = draw(st.lists(st.sampled_from(ENGLISH), min_size=1, max_size=40))
    pieces = draw(st.lists(st.sampled_from(PIECES), max_size=12))
    places = draw(st.lists(st.integers(0, len(paragraphs)), min_size=len(pieces)))
    text = list(paragraphs)
    for piece, place in zip(pieces, places, strict=False):
        text.insert(place, piece)
    return "".join(text)


NAMED = ENGLISH[0] * 30 + "香港科技園公司" + ENGLISH[1] * 10 + "数码港，" + ENGLISH[2] * 10


def test_the_non_ascii_characters_of_a_mostly_english_text_are_listed() -> None:
    assert text_characters(NAMED) == (frozenset("香港科技園公司数码，"), False)
    assert text_characters("plain ASCII") == (frozenset(), False)
    assert text_characters("a\ud800" + "b" * 200).listed == frozenset("\ud800")  # lone surrogate
    assert text_characters("香港" * 10) == (None, True)  # mostly Chinese: every scan runs
    assert text_characters("香港" + "AI" * 10) == (None, False)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a" * 40, " ", *PIECES]), max_size=60).map("".join))
def test_the_listed_characters_are_the_non_ascii_ones_or_none(text: str) -> None:
    wide = frozenset(ch for ch in text if not ch.isascii())
    found = text_characters(text).listed
    if found is None:
        assert len(text.encode("utf-8", "surrogatepass")) - len(text) > len(text) // SPARSE_SHARE
    else:
        assert found == wide


def test_the_registry_pass_tries_only_where_a_chinese_name_can_start() -> None:
    passes = load_registry()._matcher.passes
    assert passes is not None
    subject = " " + lower(fold(NAMED))
    starts = passes._other_starts(subject, frozenset("香港科技園公司数码，"))
    first = passes._other_first
    assert first is not None
    assert starts == [at for at, ch in enumerate(subject) if ch in first]
    assert {NAMED.index("香港科技園公司") + 1, NAMED.index("数码港") + 1} <= set(starts)
    assert "，" not in first and len(starts) < 12
    # a character that begins no name is no place to try; many places: the engine scans
    assert passes._other_starts(" " + "，" * 300, frozenset("，")) == []
    assert passes._other_starts(" " + "香" * 300, frozenset("香")) is None


@settings(max_examples=400, deadline=None)
@given(mostly_english())
@example(NAMED)
@example(ENGLISH[0] * 10 + "ΣΑ 数码港 İ \u212a 學")
def test_shortcuts_equal_the_full_scans(text: str) -> None:
    chars = text_characters(text).listed
    folded = fold(text)
    assert fold(text, chars) == folded
    assert han_view(folded, chars) == han_view(folded)
    passes = load_registry()._matcher.passes
    assert passes is not None
    subject = " " + lower(folded)
    assert list(passes.spans(subject, chars)) == list(passes.spans(subject))
    han = han_view(folded)
    assert _han_discoveries(text, han, chars) == _han_discoveries(text, han)


@settings(max_examples=150, deadline=None)
@given(mostly_english())
@example(NAMED)
def test_recognition_equals_recognition_without_the_character_list(text: str) -> None:
    shortcut = recognize_entities(text, doc_id="d")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grouping, "text_characters", lambda text: TextCharacters(None, False))
        full = recognize_entities(text, doc_id="d")
    assert shortcut == full


def test_a_simplified_character_in_the_list_makes_the_view() -> None:
    text = ENGLISH[0] * 30 + "香港科技园"
    chars = text_characters(text).listed
    assert chars is not None and "园" in chars
    assert han_view(text, chars).endswith("香港科技園")
    assert hans._simplified_set() is not None  # the map's characters are all non-ASCII


HEADS = sorted({*vocabulary.INSTITUTION_HEADS, *vocabulary.INITIATIVE_HEADS})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*HEADS, "Pro", "gramme", "Insti", "s", " ", "-"]), max_size=20))
@example(["Programme", "Program", "Laboratory", "Lab", "Institution", "Institute"])
def test_head_words_are_found_as_by_an_alternation_longest_first(words: list[str]) -> None:
    text = "".join(words)
    alternation = re.compile("|".join(sorted(HEADS, key=len, reverse=True)))
    expected = [m.span() for m in alternation.finditer(text)]
    assert [m.span() for m in english._HEAD_RE.finditer(text)] == expected


def _one_trie_spans(subject: str) -> list[tuple[int, int]]:
    """The registry hits in ``subject`` by the plain two-pass scan: the Latin pass, and one trie
    of every other form, searched from where the last hit ended."""
    matcher = load_registry()._matcher
    passes = matcher.passes
    assert passes is not None
    others = [key for key in matcher.forms if not re.match(f"[{LATIN}]", key)]
    other = re.compile(trie_regex(others, skip=False) + EDGE_AFTER)
    found, pos = [], 0
    while True:
        lat = passes.latin.search(subject, max(pos - 1, 0))
        oth = other.search(subject, max(pos, 1))
        hits = [(m.start(1), m.end(1)) for m in [lat] if m] + [m.span() for m in [oth] if m]
        if not hits:
            return found
        start, pos = min(hits)
        found.append((start - 1, pos - 1))


CHINESE = [
    "香港科技園公司", "数码港", "創新科技署", "創新及科技局", "香港大學", "港大", "本港大學",
    "科技", "科學園", "中文大學", "政府", "資助", "計劃", "計劃書", "研究", "新", "的", "，", "。",
    "HKUST", " ", "AI",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CHINESE), max_size=40).map("".join))
@example("香港科技園公司與数码港及創新科技署，本港大學")
def test_the_split_passes_find_what_one_trie_finds(text: str) -> None:
    passes = load_registry()._matcher.passes
    assert passes is not None and len(passes.others) == 2
    subject = " " + lower(fold(text))
    assert list(passes.spans(subject)) == _one_trie_spans(subject)
    assert passes.latin_at_letter is not None  # once compiled, spans uses it on any wide text
    assert list(passes.spans(subject, wide=True)) == _one_trie_spans(subject)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"学计划园数码港香科技中文大學，。a ", "\ud800", "\U0001f600", "\U00020000"]
        ),
        max_size=60,
    ).map("".join)
)
@example("香港科技园\U0001f600数码港\ud800")
def test_the_view_is_the_character_map_applied_one_character_at_a_time(text: str) -> None:
    assert han_view(text) == text.translate(str.maketrans(hans.hans_chars()))


@settings(max_examples=300, deadline=None)
@given(mostly_english())
@example(NAMED)
@example("HKUSTHKUST (HKUST)香港HKUST-1 HKUST's x.HKUST")
def test_latin_forms_found_at_their_first_letter_are_those_found_after_a_non_letter(
    text: str,
) -> None:
    passes = load_registry()._matcher.passes
    assert passes is not None
    subject = " " + lower(fold(text))
    assert passes.latin_at_letter is not None  # once compiled, spans uses it on any wide text
    assert list(passes.spans(subject, wide=True)) == list(passes.spans(subject))


def _resolve_longest_first(
    candidates: list[Candidate], skip: list[tuple[int, int]]
) -> list[Candidate]:
    """Overlap resolution as it is defined: candidates taken longest first (then lower rank,
    then earlier start) unless a character of theirs is taken or skipped, listed by start."""
    taken: set[int] = {at for start, end in skip for at in range(max(start, 0), end)}
    chosen = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.rank, c.start)):
        chars = set(range(cand.start, cand.end))
        if chars and not chars & taken:
            taken |= chars
            chosen.append(cand)
    return sorted(chosen)


@st.composite
def candidates_and_skip(draw: st.DrawFn) -> tuple[list[Candidate], list[tuple[int, int]]]:
    bounds = st.tuples(st.integers(0, 60), st.integers(0, 12))
    found = [
        Candidate(start, start + length, f"e{index}", "institution", "x", "name", rank)
        for index, ((start, length), rank) in enumerate(
            draw(st.lists(st.tuples(bounds, st.integers(0, 2)), max_size=12))
        )
    ]
    skip = [(start, start + length) for start, length in draw(st.lists(bounds, max_size=3))]
    return found, skip


@settings(max_examples=1000, deadline=None)
@given(candidates_and_skip())
@example(([Candidate(0, 3, "a", "institution", "x", "name", 1)], [(2, 3)]))
@example(([Candidate(0, 3, "a", "institution", "x", "name", 1)] * 2, []))
def test_overlaps_resolve_as_defined(case: tuple[list[Candidate], list[tuple[int, int]]]) -> None:
    found, skip = case
    assert resolve(found, skip) == _resolve_longest_first(found, skip)


PAD = " " * 4096  # room for the places quotes open to be listed (see _QUOTE_STARTS_SHARE)
QUOTED = [
    '"',
    "“",
    "”",
    "「",
    "」",
    "《",
    "》",
    "\n",
    "Smart City Blueprint",
    "創科計劃",
    "x" * 150,
]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(QUOTED), max_size=30).map(lambda parts: "".join(parts) + PAD),
    st.booleans(),
)
@example('"Smart City Blueprint" and “Smart City Blueprint” 《創科計劃》', True)
@example('"' * 5 + "Smart City Blueprint" + '"', False)
def test_quotes_found_where_they_open_are_those_the_pattern_finds(text: str, listed: bool) -> None:
    chars = frozenset(ch for ch in text if not ch.isascii()) if listed else None
    expected = [m.span() for m in discovery._QUOTED_RE.finditer(text)]
    assert [m.span() for m in discovery._quotes(text, chars)] == expected
    assert discovery._quoted_discoveries(text, text, chars) == discovery._quoted_discoveries(
        text, text
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*CHINESE, "等", "中心", "局長", "A"]), max_size=30).map("".join))
def test_chinese_head_words_follow_a_han_character(text: str) -> None:
    expected = []
    pos = 0
    while (found := discovery._HAN_HEAD_RE.search(text, pos)) is not None:
        start, end = found.span()
        if start and discovery.HAN_CHAR_RE.match(text, start - 1):
            expected.append((start, end, found.group()))
            pos = end
        else:
            pos = start + 1
    assert list(discovery._han_heads(text)) == expected


def test_latin_forms_are_found_at_their_first_letter_once_that_pays() -> None:
    passes = load_registry()._matcher.passes
    assert passes is not None
    with pytest.MonkeyPatch.context() as patch:
        patch.delitem(passes.__dict__, "latin_at_letter", raising=False)
        assert list(passes.spans(" 香港hkust", wide=True)) == [(2, 7)]
        assert "latin_at_letter" not in passes.__dict__  # a short text: not worth compiling
        long = " " + "，" * matcher._AT_LETTER_PAYS + "hkust"
        assert list(passes.spans(long, wide=True)) == [(matcher._AT_LETTER_PAYS, len(long) - 1)]
        assert "latin_at_letter" in passes.__dict__
