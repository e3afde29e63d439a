"""Errors: typed, quoting their input, marking the position, and surviving pickling."""

from __future__ import annotations

import pickle

import pytest

from hkpolicy import CorpusIntegrityError, HKPolicyError, ParseError, UnknownCurrencyError


def test_parse_error_quotes_the_input_and_marks_the_span() -> None:
    error = ParseError("Invalid money amount: 'HK$'", "HK$", (3, 3), hint="expected a number")
    assert str(error).splitlines() == [
        "Invalid money amount: 'HK$'",
        "    'HK$'",
        "        ^ expected a number",
    ]


def test_parse_error_marker_spans_the_bad_part() -> None:
    error = ParseError("Invalid period: '2024-23'", "2024-23", (5, 7))
    assert str(error).splitlines()[1:] == ["    '2024-23'", "          ~^"]


def test_parse_error_marker_allows_for_escapes() -> None:
    # repr() shows the newline as two characters; the marker must still sit under "x".
    error = ParseError("bad", "a\nx", (2, 3))
    source_line, marker_line = str(error).splitlines()[1:]
    assert source_line[marker_line.index("^")] == "x"


def test_parse_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="HK"):
        raise ParseError("Invalid money amount: 'HK'", "HK")


@pytest.mark.parametrize(
    "error",
    [
        ParseError("Invalid percentage: '%'", "%", (0, 1), hint="no number"),
        UnknownCurrencyError("XYZ"),
        CorpusIntegrityError("a.txt", "changed", expected_sha256="00", actual_sha256="11"),
    ],
    ids=["parse", "currency", "integrity"],
)
def test_errors_pickle(error: HKPolicyError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.__dict__ == error.__dict__


def test_unknown_currency_message_is_readable() -> None:
    error = UnknownCurrencyError("XYZ")
    assert str(error) == "Unknown currency: 'XYZ'"
    assert isinstance(error, KeyError)
