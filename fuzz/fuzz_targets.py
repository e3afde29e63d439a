"""Coverage-guided fuzz targets for hkpolicy (atheris): find_money, find_percentages,
find_tables and extract.

Run one target::

    python fuzz/fuzz_targets.py find_money fuzz/corpus/find_money -max_total_time=15

Every target decodes the fuzzer's bytes as UTF-8 (invalid bytes become U+FFFD; a few bytes
beyond that become lone surrogates, which a Python str may hold), calls the scanner, and checks
more than "no exception": every span lies inside the text and ``text[start:end] == span.text``,
tables have sane line maps, and extract() leaves no digit outside a mention, a table cell or an
``unparsed`` entry. A failed check raises, which atheris reports as a crash with the input.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.adversarial.checks

with atheris.instrument_imports(include=["hkpolicy"]):
    import hkpolicy  # noqa: F401  (instrumented for coverage)
    from hkpolicy.extraction import extract
    from hkpolicy.money import find_money
    from hkpolicy.percent import find_percentages
    from hkpolicy.tables import find_tables

from tests.adversarial.checks import (  # noqa: E402
    DOC,
    assert_spans_valid,
    assert_tables_valid,
    lost_digits,
)


def text_of(data: bytes) -> str:
    """The input as text: UTF-8 with replacement, plus a lone surrogate when the fuzzer's first
    byte asks for one, so the scanners see the strings Python allows and UTF-8 cannot hold."""
    text = data.decode("utf-8", "replace")
    if data[:1] == b"\xed" and len(text) > 1:
        middle = len(text) // 2
        text = text[:middle] + "\ud800" + text[middle:]
    return text


def check_money(text: str) -> None:
    found = find_money(text, doc_id=DOC)
    assert_spans_valid(text, found)
    for mention in found:
        money = mention.money
        assert money.amount >= 0, mention
        assert money.amount_max is None or money.amount_max >= money.amount, mention


def check_percentages(text: str) -> None:
    assert_spans_valid(text, find_percentages(text, doc_id=DOC))


def check_tables(text: str) -> None:
    for strict in (False, True):
        found = find_tables(text, doc_id=DOC, strict_gfm=strict, default_currency="HKD")
        assert_spans_valid(text, found)
        assert_tables_valid(text, found)


def check_extract(text: str) -> None:
    extraction = extract(text, doc_id=DOC)
    assert_spans_valid(text, extraction)
    assert_tables_valid(text, extraction.tables)
    lost = lost_digits(text, extraction)
    assert not lost, f"digits at {lost[:5]} are in no mention, cell or unparsed entry"


TARGETS = {
    "find_money": check_money,
    "find_percentages": check_percentages,
    "find_tables": check_tables,
    "extract": check_extract,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [corpus dir] [libFuzzer flags]")
    check = TARGETS[sys.argv[1]]

    def one_input(data: bytes) -> None:
        check(text_of(data))

    atheris.Setup([sys.argv[0], *sys.argv[2:]], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
