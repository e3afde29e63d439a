"""The funding cue patterns are alternations written as a trie (shared beginnings once); each
matches what the plain longest-first alternation of the same words matches, with whatever
follows it in a pattern, on generated text made of the words, their pieces and their
neighbours."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from hkpolicy import _funding_cues as cues
from hkpolicy._funding_text import trie_alternation
from hkpolicy._lexicon import alternation

CUE_LISTS = {
    "funding verbs": cues.FUNDING_VERBS,
    "allocation verbs": cues.ALLOCATION_VERBS,
    "purpose cues en": cues.PURPOSE_CUES_EN,
    "purpose cues zh": tuple(cues.PURPOSE_CUES_ZH),
    "frame words": cues.FRAME_WORDS,
    "subject verbs": tuple(cues.SUBJECT_PURPOSE_VERBS_EN),
    "recipient marks": cues.RECIPIENT_MARKS,
    "source marks": cues.SOURCE_MARKS,
    "under words": cues.UNDER_WORDS,
    "funder verbs": cues.FUNDER_VERBS,
    "quote verbs": cues.QUOTE_VERBS,
    "speaker marks": cues.SPEAKER_MARKS,
    "reference words": tuple(cues.REFERENCE_WORDS),
    "non-funding before": tuple(cues.NON_FUNDING_BEFORE),
    "non-funding after": tuple(cues.NON_FUNDING_AFTER),
    "ceiling words": cues.CEILING_WORDS,
}
# What may follow the alternation in a pattern: nothing, a word bound, the rest of a word, the
# end of the text, a space and a word (so a longer word must give way to a shorter one).
TAILS = ["", r"\b", r"\w*", r"\s*$", r"\s+(?:the|of)\b", r"[^，,]{0,3}?下"]
FLAGS = [regex.IGNORECASE | regex.ASCII, regex.IGNORECASE, 0]
NEIGHBOURS = [" ", "  ", "s", "ed", "the", "of", "下", "，", "A", "_", "1", "-", "K", "ſ", "\n"]


def _pieces(words: tuple[str, ...]) -> list[str]:
    halves = [w[: max(1, len(w) // 2)] for w in words]
    return [*words, *(w.upper() for w in words), *(w.title() for w in words), *halves, *NEIGHBOURS]


@pytest.mark.parametrize("name", sorted(CUE_LISTS))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_trie_alternation_matches_what_longest_first_matches(
    name: str, data: st.DataObject
) -> None:
    words = CUE_LISTS[name]
    tail = data.draw(st.sampled_from(TAILS))
    flags = data.draw(st.sampled_from(FLAGS))
    fold = bool(flags & regex.IGNORECASE)
    plain = regex.compile(f"(?:{alternation(words)}){tail}", flags)
    trie = regex.compile(f"(?:{trie_alternation(words, fold=fold)}){tail}", flags)
    text = "".join(data.draw(st.lists(st.sampled_from(_pieces(words)), max_size=8)))
    low = data.draw(st.integers(0, len(text)))
    high = data.draw(st.integers(low, len(text)))
    spans = [m.span() for m in plain.finditer(text, low, high)]
    assert [m.span() for m in trie.finditer(text, low, high)] == spans, (text, low, high)
    for method in ("match", "fullmatch", "search"):
        expected = getattr(plain, method)(text, low, high)
        found = getattr(trie, method)(text, low, high)
        assert (found and found.span()) == (expected and expected.span()), (method, text)


def test_trie_alternation_writes_shared_beginnings_once() -> None:
    assert trie_alternation(["allocat", "award", "a boost of"]) == r"a(?:\ boost\ of|llocat|ward)"
    assert trie_alternation(["need", "needs"]) == "need(?:s)?"


def test_a_folded_trie_refuses_a_cased_letter_that_is_not_ascii() -> None:
    with pytest.raises(ValueError, match="'café'"):
        trie_alternation(["café"], fold=True)


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
