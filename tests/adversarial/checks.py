"""Invariants shared by tests/test_reliability.py, the benchmarks and the fuzz targets.

Kept free of pytest and hypothesis so a fuzz target or a bare subprocess can import it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

import hkpolicy as hk
from hkpolicy.boilerplate import find_boilerplate
from hkpolicy.extraction import Extraction, extract
from hkpolicy.spans import Span

__all__ = [
    "DOC",
    "SCANNERS",
    "assert_spans_valid",
    "assert_tables_valid",
    "covering_spans",
    "lost_digits",
    "spans_in",
]

DOC = "d"

# Every public scanner, called as a user would on a document "d".
SCANNERS: dict[str, Callable[[str], Any]] = {
    "find_money": lambda text: hk.find_money(text, doc_id=DOC),
    "find_percentages": lambda text: hk.find_percentages(text, doc_id=DOC),
    "find_dates": lambda text: hk.find_dates(text, doc_id=DOC),
    "find_periods": lambda text: hk.find_periods(text, doc_id=DOC),
    "find_tables": lambda text: hk.find_tables(text, doc_id=DOC, default_currency="HKD"),
    "find_institutions": lambda text: hk.find_institutions(text, doc_id=DOC),
    "find_initiatives": lambda text: hk.find_initiatives(text, doc_id=DOC),
    "recognize_entities": lambda text: hk.recognize_entities(text, doc_id=DOC),
    "find_abbreviations": lambda text: hk.find_abbreviations(text, doc_id=DOC),
    "find_boilerplate": lambda text: find_boilerplate(text, doc_id=DOC),
    "extract": lambda text: extract(text, doc_id=DOC),
}


def spans_in(obj: object) -> Iterator[Span]:
    """Every Span reachable from a model, list or tuple."""
    if isinstance(obj, Span):
        yield obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from spans_in(getattr(obj, name))
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from spans_in(item)


def assert_spans_valid(text: str, found: object, doc_id: str | None = DOC) -> int:
    """Check every span in ``found`` against ``text``; return how many there were."""
    count = 0
    for span in spans_in(found):
        assert 0 <= span.start <= span.end <= len(text), repr(span)
        assert text[span.start : span.end] == span.text, repr(span)
        assert span.doc_id == doc_id, repr(span)
        count += 1
    return count


def assert_tables_valid(text: str, tables: list[hk.Table] | tuple[hk.Table, ...]) -> None:
    """Line maps inside the text, rows as wide as the header, one alignment per column."""
    lines = text.count("\n") + 1
    for table in tables:
        begin, end = table.lines
        assert 0 <= begin < end <= lines, table.lines
        assert all(len(row) == len(table.header) for row in table.rows)
        assert len(table.alignments) == len(table.header)


def covering_spans(extraction: Extraction) -> Iterator[Span]:
    """The spans that may hold a number: mentions, table cells, the value spans of facts and the
    unparsed entries. Not a fact's whole clause nor a boilerplate stretch: they would hide a
    lost number."""
    for money in extraction.money:
        yield money.span
    for pct in extraction.percentages:
        yield pct.span
    for date in extraction.dates:
        yield date.span
    for table in extraction.tables:
        for row in (table.header, *table.rows):
            yield from (cell.span for cell in row)
    for entity in (*extraction.institutions, *extraction.initiatives):
        yield from entity.mentions
    for stat in extraction.sector_stats:
        yield stat.span
    for fact in extraction.funding:
        if fact.amount_span is not None:
            yield fact.amount_span
    for number in extraction.unparsed:
        yield number.span


def lost_digits(text: str, extraction: Extraction) -> list[int]:
    """Offsets of decimal digits that no covering span holds."""
    covered = bytearray(len(text))
    for span in covering_spans(extraction):
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    return [i for i, char in enumerate(text) if char.isdecimal() and not covered[i]]
