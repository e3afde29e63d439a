"""One document as the facts store's rows; the work a store's worker does.

Owns :func:`document_rows` (a document and its extraction as each table's rows, the values
taken from :mod:`hkpolicy._rows` and written as :data:`~hkpolicy._store_layout.TABLES`
declares), :func:`pack_rows` (those rows as Arrow IPC bytes, cheap to send back to the parent)
and :func:`extract_sources` (read, extract and flatten a batch of files, reporting a file that
cannot be read rather than raising).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ._rows import Values, extraction_values, located, text_or_none
from ._sources import Source, read_source
from ._store_layout import FACT_TABLES, SCALES, TABLES, arrow_schema, fitting_decimal, require
from ._version import __version__
from .errors import HKPolicyError

if TYPE_CHECKING:
    from ._document import Document
    from .extraction import Extraction

__all__ = ["Done", "Rows", "document_rows", "extract_packed", "extract_sources", "pack_rows"]


def __dir__() -> list[str]:
    return __all__


Rows = dict[str, list[dict[str, Any]]]
"""Rows by table name."""

EXACT_SUFFIX = "_exact"
"""A column ``x_exact`` holds value ``x`` as text (the exact number, whatever the DECIMAL holds)."""


class Done(NamedTuple):
    """What a worker reports for one document: plain values only."""

    doc_id: str
    path: str
    bytes: int
    facts: int
    error: str | None


def _column_value(column: str, kind: str, values: Values) -> Any:
    """Column ``column`` (of type ``kind``) of a row, from the record's values."""
    if kind in SCALES:
        return fitting_decimal(values[column], SCALES[kind])
    if column.endswith(EXACT_SUFFIX):
        return text_or_none(values[column.removesuffix(EXACT_SUFFIX)])
    return values[column]


def _document_row(document: Document, size: int, facts: int) -> dict[str, Any]:
    return {
        "doc_id": document.id,
        "format": document.source_format or "text",
        "file_sha256": document.source_sha256,
        "sha256": document.sha256,
        "bytes": size,
        "chars": len(document.text),
        "language": document.language,
        "title": document.title,
        "publisher": document.publisher,
        "author": document.author,
        "published": document.published,
        "default_currency": document.default_currency,
        "facts": facts,
        "hkpolicy_version": __version__,
    }


def document_rows(document: Document, extraction: Extraction, *, size: int) -> Rows:
    """The rows of every table for one document and its extraction: plain ``str``, ``int``,
    ``Decimal``, ``date`` and ``None`` values, ready for Arrow. ``size`` is the source's size
    in bytes. The document's loader warnings come first in ``warnings``, then the scans'."""
    doc_id = document.id
    rows: Rows = {name: [] for name in TABLES}
    for name, span, values in extraction_values(extraction):
        target = rows[name]
        row = {"doc_id": doc_id, "seq": len(target), **located(span)}
        row.update(
            (column, _column_value(column, kind, values))
            for column, kind in TABLES[name]
            if column not in row
        )
        target.append(row)
    warnings = rows["warnings"]
    for message in (*document.warnings, *extraction.warnings):
        warnings.append({"doc_id": doc_id, "seq": len(warnings), "message": message})
    facts = sum(len(rows[name]) for name in FACT_TABLES)
    rows["documents"].append(_document_row(document, size, facts))
    return rows


def pack_rows(rows: Rows) -> dict[str, bytes]:
    """Each table's rows as one Arrow IPC stream (tables with no rows are left out)."""
    pa = require("pyarrow")
    packed = {}
    for name, table_rows in rows.items():
        if not table_rows:
            continue
        batch = pa.RecordBatch.from_pylist(table_rows, schema=arrow_schema(name))
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, batch.schema) as writer:
            writer.write_batch(batch)
        packed[name] = sink.getvalue().to_pybytes()
    return packed


def extract_sources(tasks: Sequence[tuple[str, str]]) -> tuple[Rows, list[Done]]:
    """Read, extract and flatten each ``(doc_id, path)``; the rows of all of them, table by
    table, and one report per document. A file that cannot be read is reported, not raised."""
    rows: Rows = {name: [] for name in TABLES}
    done = []
    for doc_id, path in tasks:
        try:
            size = os.path.getsize(path)
            document = read_source(Source(id=doc_id, path=path))
        except (OSError, HKPolicyError) as error:
            message = str(error) if isinstance(error, HKPolicyError) else f"cannot read {path!r}"
            done.append(Done(doc_id, path, 0, 0, message.splitlines()[0]))
            continue
        one = document_rows(document, document.extract(), size=size)
        for name, table_rows in one.items():
            rows[name] += table_rows
        done.append(Done(doc_id, path, size, int(one["documents"][0]["facts"]), None))
    return rows, done


def extract_packed(tasks: Sequence[tuple[str, str]]) -> tuple[dict[str, bytes], list[Done]]:
    """:func:`extract_sources`, the rows packed: what a worker process sends back (a
    module-level function of plain data, so it pickles by reference)."""
    rows, done = extract_sources(tasks)
    return pack_rows(rows), done
