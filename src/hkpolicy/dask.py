"""Extraction over a :mod:`dask.bag` (the optional ``dask`` extra): :func:`extract_bag`,
:func:`extract_dataframe`, and the flat record shape they share.

Owns :data:`RECORD_FIELDS`, one flat record per mention or fact, and the mapping of
:func:`~hkpolicy.extraction.extract` over a bag's partitions. dask is imported inside the functions
that need it, so ``import hkpolicy.dask`` (and ``import hkpolicy``) works without it;
:func:`extraction_records` needs no dask at all.

Every record has the same keys, so the bag converts to a DataFrame with one typed schema:

============  ===================================================================================
column        meaning
============  ===================================================================================
doc_id        the document id (``None`` for a bare text)
type          money, percentage, date, table, institution, initiative, funding, sector_stat,
              unparsed, warning
start, end    the span in the document's text (funding: the amount's span)
text          the characters of the span
value         the value as an exact string: a Decimal amount or percentage, a date or fiscal year
              (``str`` of it), an entity id, a table's row count, an unparsed number's reason
value_max     the upper bound of a range (money, percentage), else ``None``
unit          currency (money, funding), ``percent``/``points`` (percentage, sector_stat), the
              date kind (date), the entity kind (institution, initiative)
qualifier     exact, approximately, at_least, ... for money, percentage, funding, sector_stat
detail        one more key per type: where a money currency came from, a percentage's direction,
              a date's precision, an entity's name, funding's initiative (or institution, or
              purpose), a sector_stat's ``sector/metric``, a table's column count
period        the fiscal year or year of a funding or sector_stat fact, as a string
complete      False on every record of a document whose scan stopped early (see below)
============  ===================================================================================

A scan that stopped early is never mistaken for a complete one: each of the extraction's
``warnings`` becomes a record of type ``warning`` (``value`` is the message, ``start`` and ``end``
are 0, ``text`` is empty), so a document with nothing found still shows up, and every record of
that document has ``complete`` False. ``frame[~frame.complete]`` lists what to look at again.

Values are strings rather than floats so nothing is rounded; ``pandas.to_numeric`` or
``Decimal`` turns them back into numbers.

:func:`index_to_parquet` is the archive path: a folder (or glob) read through a :mod:`dask.bag`
of file paths, each partition read and extracted on a worker and written as Parquet files with
the tables of the facts store (:mod:`hkpolicy.store`), the same rows a serial ``hkpolicy index``
writes. It runs on whatever scheduler is active, a ``dask.distributed`` cluster included.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

from ._rows import Values, extraction_values, text_or_none
from ._sources import discover
from ._store_index import IndexStats
from ._store_layout import TABLES, arrow_schema
from ._store_rows import extract_sources
from .extraction import Extraction, extract
from .spans import Span

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

    from ._document import Document

__all__ = [
    "RECORD_FIELDS",
    "extract_bag",
    "extract_dataframe",
    "extraction_records",
    "index_to_parquet",
    "record_meta",
]


def __dir__() -> list[str]:
    return __all__


RECORD_FIELDS = (
    "doc_id",
    "type",
    "start",
    "end",
    "text",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "detail",
    "period",
    "complete",
)
"""The keys of every record, in column order (see the module docstring)."""

Record = dict[str, Any]


def _record(
    kind: str,
    span: Any,
    value: object,
    value_max: object = None,
    unit: object = None,
    qualifier: object = None,
    detail: object = None,
    period: object = None,
    *,
    complete: bool = True,
) -> Record:
    return {
        "doc_id": span.doc_id,
        "type": kind,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "value": text_or_none(value),
        "value_max": text_or_none(value_max),
        "unit": text_or_none(unit),
        "qualifier": text_or_none(qualifier),
        "detail": text_or_none(detail),
        "period": text_or_none(period),
        "complete": complete,
    }


_RECORD_TYPES = {
    "money": "money",
    "percentages": "percentage",
    "dates": "date",
    "tables": "table",
    "institutions": "institution",
    "initiatives": "initiative",
    "funding": "funding",
    "sector_stats": "sector_stat",
    "unparsed": "unparsed",
}
"""A record's ``type``, by the collection of the extraction it comes from."""

_FIELDS: dict[str, Callable[[Values], tuple[object, ...]]] = {
    "money": lambda v: (
        v["amount"],
        v["amount_max"],
        v["currency"],
        v["qualifier"],
        v["currency_source"],
    ),
    "percentages": lambda v: (
        v["value"],
        v["value_max"],
        v["unit"],
        v["qualifier"],
        v["direction"],
    ),
    "dates": lambda v: (v["value"], None, v["kind"], None, v["precision"]),
    "tables": lambda v: (v["n_rows"], None, None, None, v["n_columns"]),
    "institutions": lambda v: (v["entity_id"], None, v["kind"], None, v["name"]),
    "initiatives": lambda v: (v["entity_id"], None, v["kind"], None, v["name"]),
    "funding": lambda v: (
        v["amount"],
        v["amount_max"],
        v["currency"],
        v["qualifier"],
        v["initiative"] or v["institution"] or v["purpose"],
        v["period"],
    ),
    "sector_stats": lambda v: (
        v["value"],
        v["value_max"],
        v["unit"],
        v["qualifier"],
        f"{v['sector']}/{v['metric']}",
        v["year"],
    ),
    "unparsed": lambda v: (v["reason"],),
}
"""``value``, ``value_max``, ``unit``, ``qualifier``, ``detail`` and ``period`` of a record (as
many as apply), from the values :mod:`hkpolicy._rows` flattens a mention or fact to."""


def _record_span(name: str, span: Span, values: Values) -> Span:
    """Where a record points: a funding fact at its amount (where known), others at their span."""
    amount_span: Span | None = values.get("amount_span") if name == "funding" else None
    return amount_span or span


def extraction_records(extraction: Extraction) -> list[Record]:
    """The flat records of one :class:`Extraction`: mentions in the order of its fields (money,
    percentages, dates, tables, institutions, initiatives), then facts (funding, sector_stats),
    then unparsed numbers, then one ``warning`` record per warning. Every record's ``complete``
    says whether the extraction has no warnings. Needs no dask.

    >>> rows = extraction_records(extract("About 42% of the HK$3 billion."))
    >>> [(r["type"], r["value"], r["unit"], r["qualifier"]) for r in rows]
    [('money', '3000000000', 'HKD', 'exact'), ('percentage', '42', 'percent', 'approximately')]
    >>> [r["complete"] for r in rows]
    [True, True]
    """
    rows = [
        _record(_RECORD_TYPES[name], _record_span(name, span, values), *_FIELDS[name](values))
        for name, span, values in extraction_values(extraction)
    ]
    if extraction.warnings:
        nowhere = Span(doc_id=extraction.doc_id, start=0, end=0, text="")
        rows.extend(_record("warning", nowhere, message) for message in extraction.warnings)
        for row in rows:
            row["complete"] = False
    return rows


def _extract_item(item: str | tuple[str, str] | Document, options: Mapping[str, Any]) -> Extraction:
    if isinstance(item, str):
        return extract(item, **options)
    if isinstance(item, tuple):
        doc_id, text = item
        return extract(text, doc_id=doc_id, **options)
    return item.extract()


def _partition_records(
    items: Iterable[str | tuple[str, str] | Document], options: Mapping[str, Any]
) -> list[Record]:
    # One call per partition: a plain function of plain data, so it pickles to any worker.
    return [row for item in items for row in extraction_records(_extract_item(item, options))]


def extract_bag(bag: dask.bag.Bag, **options: Any) -> dask.bag.Bag:
    """A bag of flat records (see :data:`RECORD_FIELDS`), one per mention or fact, from a bag
    of texts, ``(doc_id, text)`` pairs, or :class:`~hkpolicy.corpus.Document` objects.

    ``options`` are passed to :func:`~hkpolicy.extraction.extract` for texts and pairs
    (``default_currency``, ``published``); a Document uses its own metadata. Nothing is computed
    until the bag is: each partition is extracted by one task, in order, and the records keep the
    order of the partition's items.

    :raises TypeError: ``options`` holds ``doc_id`` (give ``(doc_id, text)`` pairs instead).
    """
    if "doc_id" in options:
        raise TypeError("extract_bag takes no doc_id option: give (doc_id, text) pairs instead")
    untyped: Any = bag  # dask ships no type hints for Bag's methods
    return cast("dask.bag.Bag", untyped.map_partitions(_partition_records, dict(options)))


def record_meta() -> pandas.DataFrame:
    """An empty pandas DataFrame with the records' columns and dtypes, the ``meta`` dask needs
    to build a DataFrame without computing a partition first."""
    import pandas

    frame = pandas.DataFrame({name: pandas.Series(dtype=object) for name in RECORD_FIELDS})
    types = {"start": "int64", "end": "int64", "complete": "bool"}
    return cast("pandas.DataFrame", frame.astype(types))


def extract_dataframe(bag: dask.bag.Bag, **options: Any) -> dask.dataframe.DataFrame:
    """:func:`extract_bag` as a dask DataFrame with the :data:`RECORD_FIELDS` columns.

    Example (not run as a doctest, since dask is optional)::

        import dask.bag
        texts = dask.bag.from_sequence([("a", "HK$1 million"), ("b", "42%")], npartitions=2)
        extract_dataframe(texts).compute()[["doc_id", "type", "value"]]
    """
    records: Any = extract_bag(bag, **options)
    return cast("dask.dataframe.DataFrame", records.to_dataframe(meta=record_meta()))


PARQUET_PART = "part-{index:05d}.parquet"
"""The file each partition writes in each table's directory; zero-padded, so the files list in
partition order and the rows of a table read back in document order."""


def _write_partition(
    item: tuple[int, list[tuple[str, str]]], directory: str
) -> tuple[int, list[tuple[str, str, int, int, str | None]]]:
    # Runs on a worker: read, extract and write one partition's documents, table by table.
    # Returns plain tuples only (the partition index and one report per document).
    import pyarrow
    import pyarrow.parquet

    index, tasks = item
    rows, done = extract_sources(tasks)
    for name in TABLES:
        folder = os.path.join(directory, name)
        os.makedirs(folder, exist_ok=True)
        table = pyarrow.Table.from_pylist(rows[name], schema=arrow_schema(name))
        pyarrow.parquet.write_table(table, os.path.join(folder, PARQUET_PART.format(index=index)))
    return index, [tuple(report) for report in done]  # type: ignore[misc]


def index_to_parquet(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    directory: str | os.PathLike[str],
    *,
    root: str | os.PathLike[str] | None = None,
    documents_per_partition: int = 50,
) -> IndexStats:
    """Extract every document under ``paths`` on Dask workers into Parquet: one directory per
    table of the facts store (``directory/money/part-00000.parquet``, ...), one file per
    partition, and what was done, counted.

    ``paths`` and ``root`` are as for :func:`hkpolicy.store.index`; the files are listed here,
    and read by the workers (give paths every worker can reach: a shared disk, the same
    mount). Partitions hold ``documents_per_partition`` documents, in id order. The rows equal
    those of a serial ``hkpolicy index`` (its ``--format parquet`` export), file for file in
    order. Unreadable files are counted in ``failed`` and listed in ``problems``. Nothing is
    incremental here: every document is extracted, and ``directory`` should be empty.

    Runs on the active scheduler: create a ``dask.distributed.Client`` first to use a cluster.

    :raises ValueError: ``documents_per_partition`` is less than 1.
    """
    if documents_per_partition < 1:
        raise ValueError(
            f"documents_per_partition must be 1 or more, got {documents_per_partition!r}"
        )
    import dask.bag

    sources = discover(paths, root=root)
    tasks = [(source.id, os.path.abspath(source.path)) for source in sources]
    chunks = [
        (number, tasks[start : start + documents_per_partition])
        for number, start in enumerate(range(0, len(tasks), documents_per_partition))
    ]
    target = os.path.abspath(directory)
    os.makedirs(target, exist_ok=True)
    bags: Any = dask.bag  # dask ships no type hints for its bag functions
    bag = bags.from_sequence(chunks, npartitions=max(1, len(chunks)))
    results = sorted(bag.map(_write_partition, target).compute())
    reports = [report for _, part in results for report in part]
    failed = [(path, str(error)) for _, path, _, _, error in reports if error is not None]
    return IndexStats(
        found=len(sources),
        extracted=len(reports) - len(failed),
        failed=len(failed),
        bytes=sum(size for _, _, size, _, error in reports if error is None),
        facts=sum(facts for _, _, _, facts, error in reports if error is None),
        problems=tuple(failed),
    )
