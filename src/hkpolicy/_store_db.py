"""The facts store's DuckDB file: opening it, creating its tables, writing rows in transactions.

Owns :func:`connect` (with the errors a missing or unreadable file gives), :func:`prepare`
(the tables, and the check that a store of another layout is refused, not mixed) and
:func:`write` (one transaction that replaces documents' rows: a document's row appears together
with its facts, so a run stopped half-way leaves whole documents).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._store_layout import SCHEMA_VERSION, TABLES, create_statements, require
from ._store_rows import Done
from .errors import StoreError

if TYPE_CHECKING:
    import duckdb

__all__ = ["connect", "prepare", "write"]


def __dir__() -> list[str]:
    return __all__


def connect(path: str | os.PathLike[str], *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to the store at ``path``.

    :raises StoreError: reading, and there is no file at ``path``; or DuckDB cannot open it.
    """
    duckdb_module = require("duckdb")
    shown = os.fspath(path)
    if read_only and not Path(shown).is_file():
        raise StoreError(shown, f"no facts store at {shown!r}: build one with hkpolicy index")
    try:
        connection = duckdb_module.connect(shown, read_only=read_only)
    except duckdb_module.Error as error:
        raise StoreError(shown, f"cannot open the facts store {shown!r}: {error}") from error
    return connection  # type: ignore[no-any-return]


def prepare(connection: duckdb.DuckDBPyConnection, shown: str) -> None:
    """Create the tables that are missing and check the store's layout.

    :raises StoreError: the store has another layout.
    """
    for statement in create_statements():
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


def write(
    connection: duckdb.DuckDBPyConnection,
    packed: Sequence[dict[str, bytes]],
    replace: Sequence[str],
    problems: Sequence[Done] = (),
) -> None:
    """One transaction: drop the old rows of ``replace``, insert every table's new rows (one
    INSERT per table for all of ``packed``) and the ``problems`` of files not read."""
    pa = require("pyarrow")
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
