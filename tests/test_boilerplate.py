"""Boilerplate detection: the reviewed spans of every seed, and rules on sentences of our own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hkpolicy.boilerplate import find_boilerplate
from tests.conftest import seed_text

# Reviewed by hand against each seed: (kind, start, end, text). Every other line is article text.
SEED_BOILERPLATE = {
    "000": [
        ("seo_fragment", 430, 444, "Hong\u0100\u00a0Kong\u0100\u00a0AI"),
        ("byline", 3622, 3630, "By Admin"),
    ],
    "001": [("seo_fragment", 603, 607, "香港AI")],
    "002": [("seo_fragment", 710, 714, "香港AI")],
    "003": [
        ("teaser", 11257, 11420, "Industry Spotlights: Where Demand for These Skills is Hottest"),
        ("teaser", 11421, 11584, "Introduction: Learning from the Mistakes of Others"),
        ("teaser", 11585, 11748, "Introduction: A focused look at the mandatory continuing"),
        ("teaser", 11749, 11911, "From Exam Guide to Exam Ace:"),
        ("teaser", 11912, 12075, "Introduction: A Practical Guide to the Examination Journey"),
        ("teaser", 12076, 12239, "Background: A Mid-Sized Company s IT Department in Crisis"),
        ("teaser", 12240, 12403, "Introduction: In today s interconnected world"),
        ("teaser", 12404, 12567, "Introduction: What does having these certifications"),
        ("teaser", 12568, 12731, "Securing the Virtual Classroom:"),
        ("teaser", 12732, 12894, "Strategies to Reduce Your Alibaba Cloud Certification Costs"),
    ],
    "004": [
        ("advertisement", 0, 13, "Advertisement"),
        ("reading_time", 301, 323, "Reading Time:2 minutes"),
        ("trust_notice", 324, 346, "Why you can trust SCMP"),
        ("caption", 347, 510, "Visitors touch the humanoid robot hands"),
        ("byline", 511, 532, "Wency Chenin Shanghai"),
        ("advertisement", 823, 836, "Advertisement"),
        ("caption", 1714, 1828, "An AI sign is seen at the World Artificial Intelligence"),
        ("caption", 1829, 1943, "An AI sign is seen at the World Artificial Intelligence"),
        ("advertisement", 2360, 2373, "Advertisement"),
    ],
}


@pytest.mark.parametrize("stem", sorted(SEED_BOILERPLATE))
def test_seed_boilerplate_is_pinned(stem: str) -> None:
    text = seed_text(stem)
    found = [(b.kind, b.span.start, b.span.end, b.span.text) for b in find_boilerplate(text)]
    expected = SEED_BOILERPLATE[stem]
    assert [(k, s, e) for k, s, e, _ in found] == [(k, s, e) for k, s, e, _ in expected]
    for (_, start, end, span_text), (_, _, _, prefix) in zip(found, expected, strict=True):
        assert span_text == text[start:end]
        assert span_text.startswith(prefix), (span_text, prefix)


def test_captions_end_with_their_credit() -> None:
    text = seed_text("004")
    captions = [b.span.text for b in find_boilerplate(text) if b.kind == "caption"]
    assert [c.rsplit("Photo: ", 1)[1] for c in captions] == ["AP", "Reuters", "Reuters"]


# Our own examples: (text, expected kinds, reason).
RULE_EXAMPLES = [
    ("Sponsored\nThe Budget sets aside $500 million.", ["advertisement"], "ad slot line"),
    ("Reading time: 3 mins\nText.", ["reading_time"], "reading-time notice"),
    ("閱讀時間：5分鐘\n正文。", ["reading_time"], "Chinese reading-time notice"),
    ("A new lab opens in Sha Tin. Photo: Handout", ["caption"], "caption with credit"),
    ("By Jane Lee", ["byline"], "plain byline"),
    ("Investing in Hong Kong", [], "a heading that only looks like a dateline"),
    ("香港AI 計劃 supports firms.", [], "at the start of a line, not inside an English sentence"),
    ("Firms rushed to 香港AI adopt new tools.", ["seo_fragment"], "stuffed keyword"),
    (
        "One line ends like this...\nAnother normal line.",
        [],
        "a single ellipsis is not a teaser run",
    ),
    ("a...\nb...\nc...", ["teaser", "teaser", "teaser"], "three truncated lines in a row"),
    ("The Smart City Blueprint was updated.\nAdvertisement here", [], "ad word inside prose"),
]


@pytest.mark.parametrize(
    ("text", "kinds", "reason"), RULE_EXAMPLES, ids=[r for *_, r in RULE_EXAMPLES]
)
def test_rules(text: str, kinds: list[str], reason: str) -> None:
    assert [b.kind for b in find_boilerplate(text)] == kinds, reason


def test_spans_carry_the_document_id() -> None:
    (item,) = find_boilerplate("Advertisement", doc_id="d1")
    assert item.span.doc_id == "d1"


@given(st.text())
def test_never_raises_and_spans_are_valid(text: str) -> None:
    for item in find_boilerplate(text):
        assert text[item.span.start : item.span.end] == item.span.text


# (text, [(kind, span text)], reason); each rule is tried only on lines with its first
# characters or colon, so these pin the lines at those checks' edges
LINE_EDGE_EXAMPLES: list[tuple[str, list[tuple[str, str]], str]] = [
    ("Body.\r\nBy Jane Lee\r\nMore.", [("byline", "By Jane Lee")], "a CRLF line"),
    ("Body.\nWency Chenin Shanghai\nMore.", [("byline", "Wency Chenin Shanghai")], "a dateline"),
    ("Body.\nAnna Maria Lee Chenin Hong Kong\nMore.", [], "a dateline has at most six words"),
    ("Body.\nREADING TIME: 4 MINS\nMore.", [("reading_time", "READING TIME: 4 MINS")], "case"),
    ("Body.\n  SPONSORED CONTENT \nMore.", [("advertisement", "SPONSORED CONTENT")], "padding"),
    ("Body.\nPhotos credit: Jane Lee\nMore.", [("caption", "Photos credit: Jane Lee")], "colon"),
    ("Body.\nPhotos credit Jane Lee\nMore.", [], "a caption has its colon"),
]
assert len({text for text, _, _ in LINE_EDGE_EXAMPLES}) == len(LINE_EDGE_EXAMPLES)


@pytest.mark.parametrize(
    ("text", "expected", "reason"), LINE_EDGE_EXAMPLES, ids=[t for t, _, _ in LINE_EDGE_EXAMPLES]
)
def test_line_rules_at_the_edges_of_their_checks(
    text: str, expected: list[tuple[str, str]], reason: str
) -> None:
    found = find_boilerplate(text)
    assert [(b.kind, b.span.text) for b in found] == expected, reason
    assert all(text[b.span.start : b.span.end] == b.span.text for b in found)


def test_boilerplate_is_built_like_validated() -> None:
    from hkpolicy.boilerplate import new_boilerplate
    from hkpolicy.spans import Span
    from tests.trusted_records import assert_built_like_validated

    assert_built_like_validated(new_boilerplate(kind="byline", span=Span.of("By Admin", 0, 8)))
    text = "Advertisement\nsome words 香港AI more words\nBy Admin\na...\nb...\nc..."
    found = find_boilerplate(text, doc_id="d")
    assert [b.kind for b in found] == ["advertisement", "seo_fragment", "byline"] + ["teaser"] * 3
    for item in found:
        assert_built_like_validated(item)
