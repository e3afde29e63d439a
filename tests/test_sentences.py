"""Sentence bounds: each line is split when an offset in it is first asked about, and the
answer is the one a single pass over the whole text gives, whatever the order of the offsets."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hkpolicy._sentences import _SENTENCE_END_RE, SentenceIndex

SENTENCE_PIECES = [
    "The", "fund", " ", "  ", "\n", "\n\n", "\t", ".", "!", "?", "。", "！", "？", "；", "政府",
    "撥款", '"', "'", "”", "’", ")", "(", "“", "‘", "[", "3.07", "U.S.", "e.g.", "a", "B", "\u3000",
    "\r", "\u2028", "\x85", "é",
]  # fmt: skip


def whole_text_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` in one pass of the pattern over all of it: the definition."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        end = match.end() if match.group() != "\n" else match.start()
        if end > start:
            bounds.append((start, end))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    trimmed = []
    for start, end in bounds:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if end - trail > start + lead:
            trimmed.append((start + lead, end - trail))
    return trimmed


def expected_sentence(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    return next((s for s in sentences if s[0] <= offset < s[1]), None)


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCE_PIECES), max_size=30).map("".join),
    st.randoms(use_true_random=False),
)
@example("It rose.\n\nthe end.", None)
@example('He said "yes."   \nand then', None)
@example("Fund A.  The B. 政府。撥款", None)
def test_sentence_of_equals_one_pass_over_the_whole_text(text: str, rng: object) -> None:
    sentences = whole_text_sentences(text)
    offsets = list(range(-2, len(text) + 2))
    if rng is not None:
        rng.shuffle(offsets)  # type: ignore[attr-defined]
    index = SentenceIndex(text)
    for offset in offsets:
        assert index.sentence_of(offset) == expected_sentence(sentences, offset), (text, offset)


def test_sentences_end_at_stops_capitals_and_line_breaks() -> None:
    text = "Prices rose 3.07% in the U.S. last year. The fund grew.\n政府撥款。其後"
    index = SentenceIndex(text)
    first = index.sentence_of(0)
    assert (
        first is not None
        and text[first[0] : first[1]] == "Prices rose 3.07% in the U.S. last year."
    )
    second = index.sentence_of(text.index("fund"))
    assert second is not None and text[second[0] : second[1]] == "The fund grew."
    third = index.sentence_of(text.index("撥款"))
    assert third is not None and text[third[0] : third[1]] == "政府撥款。"
    assert index.sentence_of(text.index("\n")) is None
    assert index.sentence_of(text.index(" The")) is None  # the space between two sentences


def test_a_full_stop_before_a_lower_case_line_keeps_its_quote() -> None:
    # The look-ahead reads past the line break: '."' then a line starting lower case is no
    # sentence end at the full stop, so the quote stays in the sentence.
    text = 'He said "done."\nand left'
    index = SentenceIndex(text)
    assert index.sentence_of(0) == (0, len('He said "done."'))
