"""The facts store: an archive's documents, mentions and facts as DuckDB tables (or Parquet).

Owns the table layout (:data:`TABLES`), the flat rows one document becomes, the incremental
index (:func:`index`: a document whose file and hkpolicy version are unchanged is not read
again), and :class:`Facts`, what :func:`open_facts` gives a notebook. Needs the ``store`` extra
(DuckDB and pyarrow); both are imported only when a function here runs.

How the work is split, and why:

- Workers (processes, or Dask tasks) read the files, extract, and turn each document into
  rows, already as Arrow record batches serialised in Arrow's IPC format: a few ``bytes``
  objects per batch of documents. The parent only hashes files (to know what changed),
  unpacks those bytes (no Python object per row) and hands them to DuckDB, so its share of
  the CPU stays small however many workers there are. Pickled pydantic models, by contrast,
  cost the parent about a third of the workers' time to rebuild.
- Amounts are exact. ``amount`` is ``DECIMAL(38, 6)`` (``value`` of a percentage
  ``DECIMAL(38, 10)``), summable in SQL; ``amount_exact`` is the same number as text, always
  present. A number that does not fit the DECIMAL exactly (more decimals, or too many digits)
  leaves the DECIMAL column NULL rather than being rounded.
- Spans are character offsets into the document's text (``start``, ``end``, and ``text`` as it
  reads), as everywhere in hkpolicy.
- Results are written in transactions of up to :data:`WRITE_DOCUMENTS` documents: a document's
  row appears together with its facts, so a run stopped half-way leaves whole documents, and
  the next run carries on.
"""

from __future__ import annotations

import collections
import concurrent.futures
import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ._sources import Source, discover, file_sha256, read_source
from ._version import __version__
from .errors import HKPolicyError, MissingExtraError

if TYPE_CHECKING:
    import duckdb
    import pyarrow

    from .corpus import Corpus, Document
    from .extraction import Extraction

__all__ = [
    "TABLES",
    "Amount",
    "Facts",
    "FundingTotal",
    "IndexStats",
    "Mention",
    "Progress",
    "StoreError",
    "index",
    "open_facts",
]


def __dir__() -> list[str]:
    return __all__


SCHEMA_VERSION = 1
"""Stored in the ``meta`` table; a store written with another layout is refused, not mixed."""

MONEY_SCALE = 6
"""Decimal places of money ``DECIMAL(38, 6)`` columns: a millionth of a dollar, 32 digits before
the point (far beyond any budget)."""
PERCENT_SCALE = 10
"""Decimal places of percentage ``DECIMAL(38, 10)`` columns."""
DECIMAL_PRECISION = 38

BATCH_BYTES = 1 << 18
"""A worker's task holds documents up to about this many bytes (at least one document): large
enough that queueing costs little, small enough that the progress bar moves."""
MAX_BATCH_DOCUMENTS = 64
"""And at most this many documents, so a folder of tiny files still spreads over the workers."""
WRITE_DOCUMENTS = 256
"""Documents written to the store per transaction: DuckDB pays a fixed cost per INSERT and
COMMIT, so the results of several batches are written together. A run stopped between two
writes loses only the unwritten documents' work; the next run extracts them again."""
PREFETCH_PER_WORKER = 2
"""Batches queued per worker beyond the one it runs (bounds memory, keeps workers busy)."""
START_METHOD = "spawn"
"""Workers start clean on every platform (see :data:`hkpolicy.parallel.START_METHOD`)."""


class StoreError(HKPolicyError, ValueError):
    """A facts store cannot be opened or written: missing, of another layout, or a bad argument.
    ``path`` is the store's path, quoted in the message."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (StoreError, (self.path, self.message))


# --- the layout --------------------------------------------------------------------------------

# Column types, by short name: (Arrow type factory, DuckDB type).
_TYPES: dict[str, tuple[str, str]] = {
    "str": ("string", "VARCHAR"),
    "int": ("int64", "BIGINT"),
    "bool": ("bool_", "BOOLEAN"),
    "date": ("date32", "DATE"),
    "money": ("money", f"DECIMAL({DECIMAL_PRECISION}, {MONEY_SCALE})"),
    "percent": ("percent", f"DECIMAL({DECIMAL_PRECISION}, {PERCENT_SCALE})"),
    "strs": ("strs", "VARCHAR[]"),
}

_SPAN = (("start", "int"), ("end", "int"), ("text", "str"))

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", "str"),
        ("format", "str"),
        ("file_sha256", "str"),
        ("sha256", "str"),
        ("bytes", "int"),
        ("chars", "int"),
        ("language", "str"),
        ("title", "str"),
        ("publisher", "str"),
        ("author", "str"),
        ("published", "date"),
        ("default_currency", "str"),
        ("facts", "int"),
        ("hkpolicy_version", "str"),
    ),
    "money": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("amount", "money"),
        ("amount_exact", "str"),
        ("amount_max", "money"),
        ("amount_max_exact", "str"),
        ("currency", "str"),
        ("qualifier", "str"),
        ("per", "str"),
        ("currency_source", "str"),
        ("paired_exact", "str"),
        ("paired_currency", "str"),
        ("peg_check", "str"),
    ),
    "percentages": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("value", "percent"),
        ("value_exact", "str"),
        ("value_max", "percent"),
        ("value_max_exact", "str"),
        ("unit", "str"),
        ("qualifier", "str"),
        ("direction", "str"),
    ),
    "dates": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("kind", "str"),
        ("value", "str"),
        ("precision", "str"),
        ("anchor", "str"),
        ("resolved", "bool"),
    ),
    "institutions": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("entity_id", "str"),
        ("name", "str"),
        ("name_zh", "str"),
        ("acronym", "str"),
        ("kind", "str"),
        ("registered", "bool"),
    ),
    "initiatives": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("entity_id", "str"),
        ("name", "str"),
        ("name_zh", "str"),
        ("acronym", "str"),
        ("kind", "str"),
        ("owner", "str"),
        ("registered", "bool"),
    ),
    "funding": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("amount_start", "int"),
        ("amount_end", "int"),
        ("amount", "money"),
        ("amount_exact", "str"),
        ("amount_max", "money"),
        ("amount_max_exact", "str"),
        ("currency", "str"),
        ("qualifier", "str"),
        ("converted_exact", "str"),
        ("converted_currency", "str"),
        ("peg_check", "str"),
        ("initiative", "str"),
        ("institution", "str"),
        ("role", "str"),
        ("purpose", "str"),
        ("period", "str"),
        ("fiscal_year", "int"),
        ("year", "int"),
    ),
    "sector_stats": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("sector", "str"),
        ("metric", "str"),
        ("value", "percent"),
        ("value_exact", "str"),
        ("value_max", "percent"),
        ("value_max_exact", "str"),
        ("unit", "str"),
        ("qualifier", "str"),
        ("year", "int"),
        ("source", "str"),
        ("source_institution", "str"),
    ),
    "tables": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("line_begin", "int"),
        ("line_end", "int"),
        ("n_rows", "int"),
        ("n_columns", "int"),
        ("header", "strs"),
        ("rows_json", "str"),
    ),
    "unparsed": (("doc_id", "str"), ("seq", "int"), *_SPAN, ("reason", "str")),
    "warnings": (("doc_id", "str"), ("seq", "int"), ("message", "str")),
}
"""Every table of a store: name -> ``(column, type)`` pairs. Every table but ``documents`` has
``doc_id`` and ``seq`` (the order within the document) and, for mentions and facts, the span.
``funding``'s span is its clause; ``amount_start``/``amount_end`` point at the amount.
``fiscal_year`` is the start year of a fiscal-year period, ``year`` a calendar-year one.
``tables.rows_json`` is the body's cell texts as a JSON list of lists."""

FACT_TABLES = tuple(name for name in TABLES if name not in ("documents", "warnings"))
"""The tables a document's fact count adds up."""


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError("store", module, "The facts store") from error


def _arrow_schema(name: str) -> pyarrow.Schema:
    pa = _require("pyarrow")
    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "bool_": pa.bool_(),
        "date32": pa.date32(),
        "money": pa.decimal128(DECIMAL_PRECISION, MONEY_SCALE),
        "percent": pa.decimal128(DECIMAL_PRECISION, PERCENT_SCALE),
        "strs": pa.list_(pa.string()),
    }
    return pa.schema([(column, types[_TYPES[kind][0]]) for column, kind in TABLES[name]])


def _create_statements() -> list[str]:
    statements = [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        "CREATE TABLE IF NOT EXISTS problems (path VARCHAR, doc_id VARCHAR, message VARCHAR)",
    ]
    for name, columns in TABLES.items():
        body = ", ".join(f'"{column}" {_TYPES[kind][1]}' for column, kind in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {name} ({body})")
    return statements


# --- one document to rows (runs in the workers) -------------------------------------------------


def _fits(value: Decimal | None, scale: int) -> Decimal | None:
    """``value`` when DECIMAL(38, scale) holds it exactly, else None (never rounded)."""
    if value is None or not value.is_finite():
        return None
    with localcontext() as context:
        context.prec = 200
        _, digits, exponent = value.normalize().as_tuple()
    if (
        not isinstance(exponent, int)
        or exponent < -scale
        or len(digits) + exponent > DECIMAL_PRECISION - scale
    ):
        return None
    return value


def _exact(value: object) -> str | None:
    return None if value is None else str(value)


def document_rows(
    document: Document,
    extraction: Extraction,
    *,
    size: int,
) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for one document and its extraction: plain ``str``, ``int``,
    ``Decimal``, ``date`` and ``None`` values, ready for Arrow. ``size`` is the source's size
    in bytes. The document's loader warnings come first in ``warnings``, then the scans'."""
    from .dates import FiscalYear

    doc_id = document.id
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    def add(table: str, span: Any, **values: Any) -> None:
        target = rows[table]
        located = {"start": span.start, "end": span.end, "text": span.text} if span else {}
        target.append({"doc_id": doc_id, "seq": len(target), **located, **values})

    for mention in extraction.money:
        money = mention.money
        paired = mention.paired
        add(
            "money",
            mention.span,
            amount=_fits(money.amount, MONEY_SCALE),
            amount_exact=_exact(money.amount),
            amount_max=_fits(money.amount_max, MONEY_SCALE),
            amount_max_exact=_exact(money.amount_max),
            currency=money.currency,
            qualifier=money.qualifier.value,
            per=money.per,
            currency_source=mention.currency_source,
            paired_exact=None if paired is None else str(paired.amount),
            paired_currency=None if paired is None else paired.currency,
            peg_check=mention.peg,
        )
    for percent in extraction.percentages:
        value = percent.percentage
        add(
            "percentages",
            percent.span,
            value=_fits(value.value, PERCENT_SCALE),
            value_exact=_exact(value.value),
            value_max=_fits(value.value_max, PERCENT_SCALE),
            value_max_exact=_exact(value.value_max),
            unit=value.unit,
            qualifier=value.qualifier.value,
            direction=percent.direction,
        )
    for date in extraction.dates:
        add(
            "dates",
            date.span,
            kind=date.kind,
            value=_exact(date.value),
            precision=date.precision,
            anchor=date.anchor,
            resolved=date.resolved,
        )
    for institution in extraction.institutions:
        for span in institution.mentions:
            add(
                "institutions",
                span,
                entity_id=institution.id,
                name=institution.name,
                name_zh=institution.name_zh,
                acronym=institution.acronym,
                kind=institution.kind,
                registered=institution.registered,
            )
    for initiative in extraction.initiatives:
        for span in initiative.mentions:
            add(
                "initiatives",
                span,
                entity_id=initiative.id,
                name=initiative.name,
                name_zh=initiative.name_zh,
                acronym=initiative.acronym,
                kind=initiative.kind,
                owner=initiative.owner,
                registered=initiative.registered,
            )
    for fact in extraction.funding:
        amount, period, converted = fact.amount, fact.period, fact.converted
        add(
            "funding",
            fact.span,
            amount_start=None if fact.amount_span is None else fact.amount_span.start,
            amount_end=None if fact.amount_span is None else fact.amount_span.end,
            amount=_fits(amount.amount, MONEY_SCALE),
            amount_exact=_exact(amount.amount),
            amount_max=_fits(amount.amount_max, MONEY_SCALE),
            amount_max_exact=_exact(amount.amount_max),
            currency=amount.currency,
            qualifier=amount.qualifier.value,
            converted_exact=None if converted is None else str(converted.amount),
            converted_currency=None if converted is None else converted.currency,
            peg_check=fact.peg_check,
            initiative=fact.initiative,
            institution=fact.institution,
            role=fact.role,
            purpose=fact.purpose,
            period=_exact(period),
            fiscal_year=period.start_year if isinstance(period, FiscalYear) else None,
            year=period if isinstance(period, int) else None,
        )
    for stat in extraction.sector_stats:
        value = stat.value
        add(
            "sector_stats",
            stat.span,
            sector=stat.sector,
            metric=stat.metric,
            value=_fits(value.value, PERCENT_SCALE),
            value_exact=_exact(value.value),
            value_max=_fits(value.value_max, PERCENT_SCALE),
            value_max_exact=_exact(value.value_max),
            unit=value.unit,
            qualifier=value.qualifier.value,
            year=stat.year,
            source=stat.source,
            source_institution=stat.source_institution,
        )
    for table in extraction.tables:
        add(
            "tables",
            table.span,
            line_begin=table.lines[0],
            line_end=table.lines[1],
            n_rows=len(table.rows),
            n_columns=len(table.header),
            header=[cell.text for cell in table.header],
            rows_json=json.dumps(
                [[cell.text for cell in row] for row in table.rows], ensure_ascii=False
            ),
        )
    for number in extraction.unparsed:
        add("unparsed", number.span, reason=number.reason)
    for message in (*document.warnings, *extraction.warnings):
        add("warnings", None, message=message)
    facts = sum(len(rows[name]) for name in FACT_TABLES)
    rows["documents"].append(
        {
            "doc_id": doc_id,
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
    )
    return rows


class _Done(NamedTuple):
    """What a worker reports for one document: plain values only."""

    doc_id: str
    path: str
    bytes: int
    facts: int
    error: str | None


def _pack(rows: dict[str, list[dict[str, Any]]]) -> dict[str, bytes]:
    """Each table's rows as one Arrow IPC stream (tables with no rows are left out)."""
    pa = _require("pyarrow")
    packed = {}
    for name, table_rows in rows.items():
        if not table_rows:
            continue
        batch = pa.RecordBatch.from_pylist(table_rows, schema=_arrow_schema(name))
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, batch.schema) as writer:
            writer.write_batch(batch)
        packed[name] = sink.getvalue().to_pybytes()
    return packed


def extract_sources(
    tasks: Sequence[tuple[str, str]],
) -> tuple[dict[str, list[dict[str, Any]]], list[_Done]]:
    """Read, extract and flatten each ``(doc_id, path)``; the rows of all of them, table by
    table, and one report per document. A file that cannot be read is reported, not raised."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    done = []
    for doc_id, path in tasks:
        try:
            size = os.path.getsize(path)
            document = read_source(Source(id=doc_id, path=path))
        except (OSError, HKPolicyError) as error:
            message = str(error) if isinstance(error, HKPolicyError) else f"cannot read {path!r}"
            done.append(_Done(doc_id, path, 0, 0, message.splitlines()[0]))
            continue
        one = document_rows(document, document.extract(), size=size)
        for name, table_rows in one.items():
            rows[name] += table_rows
        done.append(_Done(doc_id, path, size, int(one["documents"][0]["facts"]), None))
    return rows, done


def _extract_packed(tasks: Sequence[tuple[str, str]]) -> tuple[dict[str, bytes], list[_Done]]:
    # Runs in a worker: a module-level function of plain data, so it pickles by reference.
    rows, done = extract_sources(tasks)
    return _pack(rows), done


def _warm_up() -> None:
    from .extraction import extract

    extract("The Fund has HK$1 million, 42% in 2024-25.")
    _require("pyarrow")


# --- the index (runs in the parent) -------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """Counters after each batch, for a progress display."""

    done: int
    """Documents handled so far (extracted, unchanged or failed)."""
    total: int
    """Documents found."""
    bytes: int
    """Bytes of the documents extracted so far."""
    facts: int
    """Mentions and facts written so far."""


@dataclass(frozen=True)
class IndexStats:
    """What one :func:`index` run did, counted: the proof of what was and was not extracted."""

    found: int = 0
    """Documents found under the paths given."""
    extracted: int = 0
    """Documents read and extracted in this run (new or changed)."""
    unchanged: int = 0
    """Documents skipped: same file SHA-256 and same hkpolicy version as in the store."""
    replaced: int = 0
    """Of ``extracted``, documents that were in the store with other contents."""
    removed: int = 0
    """Documents dropped from the store because their file is gone (only with ``prune``)."""
    failed: int = 0
    """Files that could not be read; listed in ``problems`` and in the ``problems`` table."""
    bytes: int = 0
    """Bytes of the files extracted."""
    facts: int = 0
    """Mention and fact rows written."""
    problems: tuple[tuple[str, str], ...] = field(default=())
    """``(path, message)`` of each file that could not be read."""

    def __str__(self) -> str:
        parts = [
            f"{self.found} documents",
            f"{self.extracted} extracted",
            f"{self.unchanged} unchanged",
            f"{self.replaced} replaced",
            f"{self.removed} removed",
            f"{self.failed} failed",
            f"{self.facts} facts",
        ]
        return ", ".join(parts)


def _batches(
    tasks: Sequence[tuple[str, str, int]], workers: int
) -> Iterator[list[tuple[str, str]]]:
    """Tasks ``(doc_id, path, size)`` grouped into batches of about :data:`BATCH_BYTES`, and
    small enough that every worker gets several."""
    most = max(1, min(MAX_BATCH_DOCUMENTS, -(-len(tasks) // max(1, workers * 4))))
    batch: list[tuple[str, str]] = []
    size = 0
    for doc_id, path, nbytes in tasks:
        if batch and (size + nbytes > BATCH_BYTES or len(batch) >= most):
            yield batch
            batch, size = [], 0
        batch.append((doc_id, path))
        size += nbytes
    if batch:
        yield batch


class _Results(NamedTuple):
    packed: dict[str, bytes]
    done: list[_Done]


def _run(batches: Iterable[list[tuple[str, str]]], jobs: int) -> Iterator[_Results]:
    """Each batch's result, in order: in this process for ``jobs <= 1``, else on a pool of
    ``jobs`` processes that lives for the whole run (each worker warms up once)."""
    if jobs <= 1:
        for batch in batches:
            yield _Results(*_extract_packed(batch))
        return
    limit = jobs * (PREFETCH_PER_WORKER + 1)
    pending: collections.deque[concurrent.futures.Future[Any]] = collections.deque()
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(START_METHOD),
        initializer=_warm_up,
    )
    try:
        iterator = iter(batches)
        for batch in iterator:
            pending.append(pool.submit(_extract_packed, batch))
            if len(pending) >= limit:
                yield _Results(*pending.popleft().result())
        while pending:
            yield _Results(*pending.popleft().result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _connect(path: str | os.PathLike[str], *, read_only: bool) -> duckdb.DuckDBPyConnection:
    duckdb_module = _require("duckdb")
    shown = os.fspath(path)
    if read_only and not Path(shown).is_file():
        raise StoreError(shown, f"no facts store at {shown!r}: build one with hkpolicy index")
    try:
        connection = duckdb_module.connect(shown, read_only=read_only)
    except duckdb_module.Error as error:
        raise StoreError(shown, f"cannot open the facts store {shown!r}: {error}") from error
    return connection  # type: ignore[no-any-return]


def _prepare(connection: duckdb.DuckDBPyConnection, shown: str) -> None:
    for statement in _create_statements():
        connection.execute(statement)
    row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    elif row[0] != str(SCHEMA_VERSION):
        raise StoreError(
            shown,
            f"the facts store {shown!r} has layout {row[0]!r}; this hkpolicy writes layout "
            f"{SCHEMA_VERSION!r}: index into a new file",
        )


def _write(
    connection: duckdb.DuckDBPyConnection,
    packed: Sequence[dict[str, bytes]],
    replace: Sequence[str],
    problems: Sequence[_Done] = (),
) -> None:
    """One transaction: drop the old rows of ``replace``, insert every table's new rows (one
    INSERT per table for all of ``packed``) and the ``problems`` of files not read."""
    pa = _require("pyarrow")
    connection.execute("BEGIN TRANSACTION")
    try:
        if replace:
            gone = pa.table({"doc_id": pa.array(list(replace), pa.string())})
            connection.register("_gone", gone)
            for name in ("documents", *(t for t in TABLES if t != "documents")):
                connection.execute(f"DELETE FROM {name} WHERE doc_id IN (SELECT doc_id FROM _gone)")
            connection.execute("DELETE FROM problems WHERE doc_id IN (SELECT doc_id FROM _gone)")
            connection.unregister("_gone")
        for name in TABLES:
            streams = [pa.ipc.open_stream(part[name]).read_all() for part in packed if name in part]
            if not streams:
                continue
            batch = pa.concat_tables(streams)
            connection.register("_batch", batch)
            connection.execute(f"INSERT INTO {name} SELECT * FROM _batch")
            connection.unregister("_batch")
        if problems:
            connection.executemany(
                "INSERT INTO problems VALUES (?, ?, ?)",
                [[d.path, d.doc_id, d.error] for d in problems],
            )
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def index(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    db: str | os.PathLike[str],
    *,
    root: str | os.PathLike[str] | None = None,
    jobs: int = 1,
    prune: bool = False,
    progress: Callable[[Progress], None] | None = None,
) -> IndexStats:
    """Extract every document under ``paths`` into the DuckDB facts store ``db`` (created if
    missing) and return what was done.

    ``paths`` is what :meth:`~hkpolicy.corpus.Corpus.from_paths` takes (a
    directory, a glob, files); ids are paths relative to ``root`` (default: as there). A
    document whose file SHA-256 and hkpolicy version match the store's is not read again; a
    changed one is replaced whole. ``jobs`` worker processes extract (1: in this process).
    ``prune`` drops documents of the store whose file was not found. ``progress`` is called
    after every batch.

    A file that cannot be read (not UTF-8, a broken PDF) does not stop the run: it is counted in
    ``failed``, listed in ``problems`` and in the store's ``problems`` table, and tried again
    next time.

    :raises StoreError: the store has another layout, ``jobs`` is below 1, or the extra is
        missing.
    :raises DocumentError: a path does not exist.
    :raises CorpusIntegrityError: a file found resolves to a place outside its directory.
    """
    if jobs < 1:
        raise StoreError(os.fspath(db), f"jobs must be 1 or more, got {jobs!r}")
    sources = discover(paths, root=root)
    connection = _connect(db, read_only=False)
    shown = os.fspath(db)
    try:
        _prepare(connection, shown)
        known = dict(
            connection.execute(
                "SELECT doc_id, file_sha256 || ':' || hkpolicy_version FROM documents"
            ).fetchall()
        )
        failing = {row[0] for row in connection.execute("SELECT doc_id FROM problems").fetchall()}
        tasks: list[tuple[str, str, int]] = []
        unchanged = 0
        for source in sources:
            stamp = f"{file_sha256(source.path)}:{__version__}"
            if known.get(source.id) == stamp:
                unchanged += 1
            else:
                tasks.append((source.id, source.path, os.path.getsize(source.path)))
        total = len(sources)
        counts = collections.Counter[str]()
        problems: list[tuple[str, str]] = []
        if progress is not None:
            progress(Progress(unchanged, total, 0, 0))
        waiting: list[_Results] = []

        def flush() -> None:
            # Only documents the store already holds have rows to replace: a DELETE costs a
            # scan of every table, which new documents need not pay.
            done = [d for result in waiting for d in result.done]
            stale = [d.doc_id for d in done if d.doc_id in known or d.doc_id in failing]
            failed = [d for d in done if d.error is not None]
            _write(connection, [result.packed for result in waiting], stale, failed)
            waiting.clear()

        for result in _run(_batches(tasks, jobs), jobs):
            waiting.append(result)
            if sum(len(r.done) for r in waiting) >= WRITE_DOCUMENTS:
                flush()
            ok = [d for d in result.done if d.error is None]
            failed = [d for d in result.done if d.error is not None]
            problems += [(d.path, str(d.error)) for d in failed]
            counts["extracted"] += len(ok)
            counts["replaced"] += sum(1 for d in ok if d.doc_id in known)
            counts["failed"] += len(failed)
            counts["bytes"] += sum(d.bytes for d in ok)
            counts["facts"] += sum(d.facts for d in ok)
            counts["done"] += len(result.done)
            if progress is not None:
                done = unchanged + counts["done"]
                progress(Progress(done, total, counts["bytes"], counts["facts"]))
        if waiting:
            flush()
        removed = 0
        if prune:
            missing = sorted(set(known) - {source.id for source in sources})
            if missing:
                _write(connection, [], missing)
            removed = len(missing)
    finally:
        connection.close()
    return IndexStats(
        found=total,
        extracted=counts["extracted"],
        unchanged=unchanged,
        replaced=counts["replaced"],
        removed=removed,
        failed=counts["failed"],
        bytes=counts["bytes"],
        facts=counts["facts"],
        problems=tuple(problems),
    )


def write_corpus(corpus: Corpus, db: str | os.PathLike[str]) -> Facts:
    """Write a corpus's documents and their extractions (already computed) into ``db``,
    replacing any rows those documents had; the store, opened for reading. ``bytes`` is the
    size of the text in UTF-8 (a corpus does not keep its files' sizes)."""
    connection = _connect(db, read_only=False)
    try:
        _prepare(connection, os.fspath(db))
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        for document, extraction in zip(corpus.documents, corpus.extractions, strict=True):
            size = len(document.text.encode("utf-8", "surrogatepass"))
            one = document_rows(document, extraction, size=size)
            for name, table_rows in one.items():
                rows[name] += table_rows
        _write(connection, [_pack(rows)], [document.id for document in corpus.documents])
    finally:
        connection.close()
    return open_facts(db)


# --- reading a store -----------------------------------------------------------------------------


class FundingTotal(NamedTuple):
    """The funding of one initiative in one period and currency, added up."""

    initiative: str
    period: str | None
    currency: str
    total: Decimal
    facts: int


class Mention(NamedTuple):
    """Where a document names something: the characters ``text`` at ``[start, end)``."""

    doc_id: str
    start: int
    end: int
    text: str


class Amount(NamedTuple):
    """One money mention with its exact amount."""

    doc_id: str
    start: int
    end: int
    text: str
    amount: Decimal
    currency: str


class Facts:
    """A facts store opened for queries: SQL through :meth:`sql`, and typed answers to the
    common questions. Use it in a ``with`` block, or :meth:`close` it, before indexing into
    the same file again.

    The DuckDB connection is :attr:`connection`, for anything else DuckDB does.
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: str) -> None:
        self.connection = connection
        self.path = path

    def sql(self, query: str, params: Sequence[object] | None = None) -> duckdb.DuckDBPyRelation:
        """The result of ``query`` as a DuckDB relation: print it, or take ``.fetchall()``,
        ``.df()`` (pandas), ``.arrow()`` or ``.pl()`` from it. ``params`` fill ``?``s."""
        if params is None:
            return self.connection.sql(query)
        return self.connection.sql(query, params=list(params))

    def rows(self, query: str, params: Sequence[object] | None = None) -> list[tuple[Any, ...]]:
        """The rows of ``query`` as tuples (DECIMAL columns as :class:`~decimal.Decimal`)."""
        return self.connection.execute(query, list(params or ())).fetchall()

    def funding_totals(self) -> list[FundingTotal]:
        """Funding added up by initiative, period and currency (amounts not held exactly by
        the DECIMAL column are added from their exact text), largest first."""
        rows = self.rows(
            "SELECT initiative, period, currency, amount_exact FROM funding "
            "WHERE initiative IS NOT NULL"
        )
        totals: dict[tuple[str, str | None, str], list[Decimal]] = {}
        for initiative, period, currency, amount in rows:
            totals.setdefault((initiative, period, currency), []).append(Decimal(amount))
        result = [
            FundingTotal(key[0], key[1], key[2], sum(values, Decimal(0)), len(values))
            for key, values in totals.items()
        ]
        return sorted(result, key=lambda t: (-t.total, t.initiative, t.period or "", t.currency))

    def mentions(self, entity_id: str) -> list[Mention]:
        """Every mention of an institution or initiative, by id, across the archive, in
        document order."""
        rows = self.rows(
            'SELECT doc_id, start, "end", text FROM ('
            ' SELECT doc_id, start, "end", text FROM institutions WHERE entity_id = ?'
            " UNION ALL"
            ' SELECT doc_id, start, "end", text FROM initiatives WHERE entity_id = ?'
            ") ORDER BY doc_id, start",
            [entity_id, entity_id],
        )
        return [Mention(*row) for row in rows]

    def largest_amounts(self, n: int = 10, *, currency: str | None = None) -> list[Amount]:
        """The ``n`` largest money mentions (in ``currency`` only, if given), largest first;
        ties in document order."""
        rows = self.rows(
            'SELECT doc_id, start, "end", text, amount_exact, currency FROM money'
            + (" WHERE currency = ?" if currency else ""),
            [currency] if currency else [],
        )
        amounts = [Amount(d, s, e, t, Decimal(a), c) for d, s, e, t, a, c in rows]
        amounts.sort(key=lambda a: (-a.amount, a.doc_id, a.start))
        return amounts[:n]

    def counts(self) -> dict[str, int]:
        """Rows in each table."""
        return {name: int(self.rows(f"SELECT count(*) FROM {name}")[0][0]) for name in TABLES}

    def to_parquet(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Every table as Parquet, one directory per table (``money/part-0.parquet``), rows in
        ``doc_id`` and ``seq`` order; the files written."""
        base = Path(directory)
        written = []
        for name in TABLES:
            folder = base / name
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / "part-0.parquet"
            order = "doc_id" if name == "documents" else "doc_id, seq"
            self.connection.execute(
                f"COPY (SELECT * FROM {name} ORDER BY {order}) TO '{_quoted(target)}' "
                "(FORMAT parquet)"
            )
            written.append(target)
        return written

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    def __enter__(self) -> Facts:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _repr_html_(self) -> str:
        from ._html import html_table

        return html_table(
            ("table", "rows"), self.counts().items(), caption=f"hkpolicy facts store {self.path}"
        )

    def __repr__(self) -> str:
        counts = self.counts()
        shown = ", ".join(f"{name}={count}" for name, count in counts.items() if count)
        return f"Facts({self.path!r}, {shown})"


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def open_facts(db: str | os.PathLike[str], *, read_only: bool = True) -> Facts:
    """The facts store ``db`` (built by ``hkpolicy index`` or :meth:`Corpus.to_duckdb`),
    opened for queries.

    :raises StoreError: there is no store at ``db``, or it cannot be opened.
    """
    shown = os.fspath(db)
    connection = _connect(db, read_only=read_only)
    tables = {row[0] for row in connection.execute("SHOW TABLES").fetchall()}
    if "documents" not in tables:
        connection.close()
        raise StoreError(shown, f"{shown!r} is a DuckDB file but not an hkpolicy facts store")
    return Facts(connection, shown)
