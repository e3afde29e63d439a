"""The facts store: an archive's documents, mentions and facts as DuckDB tables (or Parquet).

Owns :class:`Facts`, what :func:`open_facts` gives a notebook (SQL, typed answers to the common
questions, Parquet export), and :func:`write_documents`, behind :meth:`Corpus.to_duckdb
<hkpolicy.corpus.Corpus.to_duckdb>`. The rest of the store's public names are re-exported here
from the modules that own them: the layout (:data:`TABLES`, :mod:`hkpolicy._store_layout`), the
incremental index (:func:`index`, :class:`Progress`, :class:`IndexStats`,
:mod:`hkpolicy._store_index`: a document whose file and hkpolicy version are unchanged is not
read again) and :class:`~hkpolicy.errors.StoreError`. Needs the ``store`` extra (DuckDB and
pyarrow); both are imported only when a function runs.

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
- Results are written in transactions of up to
  :data:`~hkpolicy._store_index.WRITE_DOCUMENTS` documents: a document's row appears together
  with its facts, so a run stopped half-way leaves whole documents, and the next run carries on.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ._html import html_table
from ._store_db import connect, prepare, write
from ._store_index import IndexStats, Progress, index
from ._store_layout import MONEY_SCALE as MONEY_SCALE
from ._store_layout import PERCENT_SCALE as PERCENT_SCALE
from ._store_layout import SCHEMA_VERSION as SCHEMA_VERSION
from ._store_layout import TABLES
from ._store_rows import Rows, document_rows, pack_rows
from .errors import StoreError

if TYPE_CHECKING:
    import duckdb

    from ._document import Document
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


def write_documents(
    documents: Sequence[Document], extractions: Sequence[Extraction], db: str | os.PathLike[str]
) -> Facts:
    """Write documents and their extractions (already computed) into ``db``, replacing any rows
    those documents had; the store, opened for reading. ``bytes`` is the size of the text in
    UTF-8 (a document given as text has no file size).

    :raises StoreError: the file holds a store of another layout, or cannot be opened.
    """
    connection = connect(db, read_only=False)
    try:
        prepare(connection, os.fspath(db))
        rows: Rows = {name: [] for name in TABLES}
        for document, extraction in zip(documents, extractions, strict=True):
            size = len(document.text.encode("utf-8", "surrogatepass"))
            one = document_rows(document, extraction, size=size)
            for name, table_rows in one.items():
                rows[name] += table_rows
        write(connection, [pack_rows(rows)], [document.id for document in documents])
    finally:
        connection.close()
    return open_facts(db)


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
    connection = connect(db, read_only=read_only)
    tables = {row[0] for row in connection.execute("SHOW TABLES").fetchall()}
    if "documents" not in tables:
        connection.close()
        raise StoreError(shown, f"{shown!r} is a DuckDB file but not an hkpolicy facts store")
    return Facts(connection, shown)
