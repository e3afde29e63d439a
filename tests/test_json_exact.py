"""JSON round trips are exact for every str Python can hold, lone surrogates included: a
document's checksum still matches after a round trip, and an extraction still validates."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hkpolicy as hk
from hkpolicy import Document, Extraction, Span

ADJACENT = "x\ud800\udfffy"  # two lone surrogates that look like a UTF-16 pair
PAIRED = "x\U000103ffy"  # the one character such a pair stands for in standard JSON


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@pytest.mark.parametrize(
    "text",
    [
        ADJACENT,
        PAIRED,
        ADJACENT + PAIRED,
        "\udfff\ud800",
        "\ud800",
        "a\\ud800b",  # a backslash, then the letters u d 8 0 0
        'a\\\ud800"\udfff\\\\',
        "HK$5 million\ud83d\ude00 and 😀",
    ],
    ids=ascii,
)
def test_a_document_round_trips_exactly(text: str) -> None:
    document = Document.from_text(text, id="d")
    for indent in (None, 2):
        written = document.model_dump_json(indent=indent)
        written.encode("utf-8")  # writable to any UTF-8 file
        again = Document.model_validate_json(written)
        assert again.text == text and len(again.text) == len(text)
        assert again.sha256 == checksum(again.text) == document.sha256
        assert again == document
        assert Document.model_validate_json(written.encode("utf-8")) == document


def test_adjacent_lone_surrogates_do_not_become_one_character() -> None:
    again = Document.model_validate_json(Document.from_text(ADJACENT).model_dump_json())
    assert again.text != PAIRED
    assert [hex(ord(c)) for c in again.text] == ["0x78", "0xd800", "0xdfff", "0x79"]


def test_an_extraction_of_such_a_text_validates_after_a_round_trip() -> None:
    table = f"| Item{ADJACENT} | HK$ million |\n|---|---|\n| AI | 5 |\n"
    text = f"The fund has HK$5 million, about 42%.\n\n{table}"
    extraction = hk.extract(text, doc_id="d")
    assert extraction.money and extraction.percentages
    assert ADJACENT in extraction.tables[0].span.text
    again = Extraction.model_validate_json(extraction.model_dump_json())
    assert again == extraction
    for mention in again.money:
        assert text[mention.span.start : mention.span.end] == mention.span.text


def test_standard_json_from_elsewhere_keeps_the_standard_reading() -> None:
    span = Span(start=0, end=1, text="\U0001f600")
    written = json.dumps(span.model_dump(mode="json"))  # ensure_ascii: "\ud83d\ude00"
    assert "\\ud83d\\ude00" in written
    assert Span.model_validate_json(written) == span
    lone = json.dumps(Span(start=0, end=1, text="\udcff").model_dump(mode="json"))
    assert Span.model_validate_json(lone).text == "\udcff"


def test_json_without_surrogates_is_pydantic_s_own() -> None:
    document = Document.from_text("HK$5 million 😀", id="d")
    assert document.model_dump_json() == super(hk.spans.Record, document).model_dump_json()
    assert hk.spans.LONE_SURROGATES_KEY not in document.model_dump_json()


def test_invalid_json_still_raises_pydantic_s_error() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Span.model_validate_json('{"__lone_surrogates__": true, "start": 0, "end": 1, "text": ')
    with pytest.raises(ValidationError):
        Span.model_validate_json(
            '{"__lone_surrogates__": false, "start": 0, "end": 1, "text": "\\ud800"}'
        )


characters = st.one_of(
    st.characters(),
    st.integers(0xD800, 0xDFFF).map(chr),
    st.sampled_from(["\\", '"', "u", "d", "8", "\U000103ff", "😀", "\x00", "\n"]),
)


@given(st.text(characters, max_size=40))
@settings(max_examples=400, deadline=None)
def test_any_text_round_trips_through_a_document(text: str) -> None:
    document = Document.from_text(text, id="p")
    again = Document.model_validate_json(document.model_dump_json())
    assert again.text == text
    assert again.sha256 == checksum(text) == document.sha256


@given(st.text(characters, max_size=40), st.text(characters, max_size=5))
@settings(max_examples=200, deadline=None)
def test_any_text_round_trips_through_an_extraction(prefix: str, tail: str) -> None:
    text = f"{prefix} HK$3 billion{tail} in 2024-25 {prefix}"
    extraction = hk.extract(text, doc_id=prefix)
    again = Extraction.model_validate_json(extraction.model_dump_json(indent=1))
    assert again == extraction
