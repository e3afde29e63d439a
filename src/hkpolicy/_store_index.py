"""The incremental index: an archive's files into the facts store, on worker processes.

Owns :func:`index` and what it reports (:class:`Progress` after each batch, :class:`IndexStats`
at the end). The parent hashes files to know what changed (a document whose file SHA-256 and
hkpolicy version match the store's is not read again), groups the rest into batches, and writes
what the workers send back. Workers (:func:`hkpolicy._store_rows.extract_packed`) read, extract
and flatten; their rows come back as Arrow IPC bytes, so the parent builds no Python object per
row and its share of the CPU stays small however many workers there are.
"""

from __future__ import annotations

import collections
import concurrent.futures
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from ._sources import Source, discover, file_sha256
from ._store_db import connect, prepare, write
from ._store_layout import require
from ._store_rows import Done, extract_packed
from ._version import __version__
from .errors import StoreError
from .extraction import extract

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "BATCH_BYTES",
    "MAX_BATCH_DOCUMENTS",
    "PREFETCH_PER_WORKER",
    "START_METHOD",
    "WRITE_DOCUMENTS",
    "IndexStats",
    "Progress",
    "index",
]


def __dir__() -> list[str]:
    return __all__


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
    done: list[Done]


def _warm_up() -> None:
    extract("The Fund has HK$1 million, 42% in 2024-25.")
    require("pyarrow")


def _run(batches: Iterable[list[tuple[str, str]]], jobs: int) -> Iterator[_Results]:
    """Each batch's result, in order: in this process for ``jobs <= 1``, else on a pool of
    ``jobs`` processes that lives for the whole run (each worker warms up once)."""
    if jobs <= 1:
        for batch in batches:
            yield _Results(*extract_packed(batch))
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
            pending.append(pool.submit(extract_packed, batch))
            if len(pending) >= limit:
                yield _Results(*pending.popleft().result())
        while pending:
            yield _Results(*pending.popleft().result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _Plan(NamedTuple):
    """What the store already holds, and the files to extract ``(doc_id, path, size)``."""

    known: dict[str, str]
    failing: set[str]
    tasks: list[tuple[str, str, int]]
    unchanged: int


def _plan(connection: duckdb.DuckDBPyConnection, sources: Sequence[Source]) -> _Plan:
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
    return _Plan(known, failing, tasks, unchanged)


@dataclass
class _Writer:
    """Counts the workers' results and writes them, :data:`WRITE_DOCUMENTS` at a time."""

    connection: duckdb.DuckDBPyConnection
    plan: _Plan
    counts: collections.Counter[str] = field(default_factory=collections.Counter)
    problems: list[tuple[str, str]] = field(default_factory=list)
    waiting: list[_Results] = field(default_factory=list)

    def add(self, result: _Results) -> None:
        self.waiting.append(result)
        if sum(len(r.done) for r in self.waiting) >= WRITE_DOCUMENTS:
            self.flush()
        ok = [d for d in result.done if d.error is None]
        failed = [d for d in result.done if d.error is not None]
        self.problems += [(d.path, str(d.error)) for d in failed]
        self.counts["extracted"] += len(ok)
        self.counts["replaced"] += sum(1 for d in ok if d.doc_id in self.plan.known)
        self.counts["failed"] += len(failed)
        self.counts["bytes"] += sum(d.bytes for d in ok)
        self.counts["facts"] += sum(d.facts for d in ok)
        self.counts["done"] += len(result.done)

    def flush(self) -> None:
        # Only documents the store already holds have rows to replace: a DELETE costs a
        # scan of every table, which new documents need not pay.
        if not self.waiting:
            return
        stored = {*self.plan.known, *self.plan.failing}
        done = [d for result in self.waiting for d in result.done]
        stale = [d.doc_id for d in done if d.doc_id in stored]
        failed = [d for d in done if d.error is not None]
        write(self.connection, [result.packed for result in self.waiting], stale, failed)
        self.waiting.clear()

    def stats(self, *, found: int, removed: int) -> IndexStats:
        counts = self.counts
        return IndexStats(
            found=found,
            extracted=counts["extracted"],
            unchanged=self.plan.unchanged,
            replaced=counts["replaced"],
            removed=removed,
            failed=counts["failed"],
            bytes=counts["bytes"],
            facts=counts["facts"],
            problems=tuple(self.problems),
        )


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
    connection = connect(db, read_only=False)
    try:
        prepare(connection, os.fspath(db))
        plan = _plan(connection, sources)
        total = len(sources)
        writer = _Writer(connection, plan)
        if progress is not None:
            progress(Progress(plan.unchanged, total, 0, 0))
        for result in _run(_batches(plan.tasks, jobs), jobs):
            writer.add(result)
            if progress is not None:
                counts = writer.counts
                done = plan.unchanged + counts["done"]
                progress(Progress(done, total, counts["bytes"], counts["facts"]))
        writer.flush()
        missing = sorted(set(plan.known) - {source.id for source in sources}) if prune else []
        if missing:
            write(connection, [], missing)
    finally:
        connection.close()
    return writer.stats(found=total, removed=len(missing))
