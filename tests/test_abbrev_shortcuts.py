"""The abbreviation finder's shortcuts give what the scans they stand in for would give.

The words a long form may span are listed forwards by the stdlib engine in an ASCII stretch
before the parenthesis, checked here against reading them backwards over the whole range; the
short form is matched against an ASCII long form by ``str.rfind`` on its lower case, checked
against the character-by-character walk.
"""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hkpolicy import abbrev
from hkpolicy.abbrev import _WORD_BACKWARDS_RE, _last_words_start, _matches, _matches_unicode

PIECES = [
    "Hong", "Kong", "Science", "and", "Technology", "Parks", "Corporation", "of", "the", "HK$",
    "AI", "2.0", "R&D", "St.", "Gov't", "e-Health", "5+", "’s", "'s", "-", ".", "&", "+", "’",
    " ", " ", " ", "  ", "\n", ",", ";", "(", ")", "é", "İ", "Σ", "香港", "\u00a0", "x", "7",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def _last_words_start_backwards(text: str, start: int, end: int, limit: int) -> int | None:
    """What ``_last_words_start`` replaces: the words read backwards, one match each."""
    words = list(itertools.islice(_WORD_BACKWARDS_RE.finditer(text, start, end), limit))
    return words[-1].start() if words else None


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 80), st.integers(0, 80), st.integers(1, 16))
@example("Hong Kong Science and Technology Parks Corporation ", 0, 51, 3)
@example("x" * 40 + " AI and R&D", 0, 51, 1)
@example("Tech " * 30, 5, 150, 4)
def test_last_words_start_is_where_the_backward_reading_ends(
    text: str, start: int, end: int, limit: int
) -> None:
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    assert _last_words_start(text, start, end, limit) == _last_words_start_backwards(
        text, start, end, limit
    )


def test_a_long_ascii_run_before_the_parenthesis_is_read_in_a_bounded_stretch() -> None:
    # more words than the limit in the stretch: the first, cut short, is not used
    text = "Preamble " * 20 + "Innovation and Technology Fund "
    span = abbrev._ASCII_WORDS_SPAN
    assert len(text) > 4 * span
    assert _last_words_start(text, 0, len(text), 4) == text.index("Innovation")
    # one word longer than the stretch: read again backwards
    long_word = "Supercalifragilistic" * 5
    assert _last_words_start(long_word + " x", 0, len(long_word) + 2, 1) == len(long_word) + 1
    assert _last_words_start(" " + long_word, 0, len(long_word) + 1, 1) == 1


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="HKSTPCaiAI&-.é İ", min_size=1, max_size=8), texts)
@example("HKSTP", "Hong Kong Science and Technology Parks")
@example("AI", "artificial intelligence")
@example("İT", "Information Technology")
@example("R&D", "Research and Development")
def test_the_ascii_match_is_the_character_walk(short: str, long: str) -> None:
    assert _matches(short, long) == _matches_unicode(short, long)
