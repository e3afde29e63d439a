"""Extraction over many texts on several cores: :func:`extract_many`.

Owns the process pool, the batching of texts into tasks, and the order in which results come
back. It adds nothing to what is extracted: every result is exactly what :func:`extract` (or
:meth:`Document.extract`) gives for the same input in the calling process.
"""

from __future__ import annotations

import collections
import concurrent.futures
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from itertools import islice

from ._document import Document
from .extraction import Extraction, extract

__all__ = ["extract_many"]


def __dir__() -> list[str]:
    return __all__


DEFAULT_CHUNKSIZE = 2
"""Texts per task. Extracting a press release of a few KB takes tens of milliseconds, against
about a millisecond to pickle and queue it and its result, so small batches cost little and keep
the workers evenly loaded when there are only a few dozen texts. Raise it for many tiny texts."""

PREFETCH_PER_WORKER = 2
"""Tasks queued per worker beyond the one it runs, so a worker never waits for the next task
while the consumer is still reading results. Bounds memory: at most
``workers * (PREFETCH_PER_WORKER + 1)`` tasks' texts and results exist at once."""

START_METHOD = "spawn"
"""How worker processes start. ``spawn`` is the one method every platform has, and a worker
inherits no locks, threads or half-built state from the caller (``fork`` from a process with
threads can deadlock, and Python 3.12+ warns about it). It costs one import of hkpolicy per
worker, paid once per pool."""


def _extract_one(item: str | Document, default_currency: str | None) -> Extraction:
    if isinstance(item, str):
        return extract(item, default_currency=default_currency)
    return item.extract()


def _extract_chunk(items: list[str | Document], default_currency: str | None) -> list[Extraction]:
    # Runs in a worker; a module-level function so it pickles by reference under spawn.
    return [_extract_one(item, default_currency) for item in items]


def _warm_up() -> None:
    # Pay for the lazy loads (the entity registry, pint on first Money, compiled patterns)
    # once per worker, before its first real task.
    extract("The Fund has HK$1 million, 42% in 2024-25.")


def _check_item(item: object) -> str | Document:
    if isinstance(item, (str, Document)):
        return item
    raise TypeError(f"extract_many takes str or Document items, got {type(item).__name__!r}")


def _default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def extract_many(
    texts: Iterable[str | Document],
    *,
    workers: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    default_currency: str | None = "HKD",
) -> Iterator[Extraction]:
    """The :class:`Extraction` of each item of ``texts``, in input order, computed on
    ``workers`` processes.

    A ``str`` is extracted as ``extract(text, default_currency=default_currency)``. A
    :class:`~hkpolicy.corpus.Document` is extracted as ``document.extract()``: with its own id,
    default currency, publication date and boilerplate; ``default_currency`` does not apply to it.

    How it works, and why:

    - ``workers=None`` uses every core this process may run on; ``workers`` of 0 or 1 extracts
      in the calling process, without a pool (no start-up cost; the right choice for a few texts).
    - Items are sent ``chunksize`` at a time, so the cost of pickling and queueing is paid per
      batch rather than per text. One text is never split: extraction reads a whole text (a
      sentence may cross any cut), so a single huge text runs on one core.
    - It is a generator that reads ``texts`` lazily and keeps at most
      ``workers * (PREFETCH_PER_WORKER + 1)`` batches in flight, so memory stays bounded on an
      endless iterable, and results arrive while later texts are still being read.
    - Results are yielded strictly in input order: a slow batch holds back the faster ones behind
      it, rather than reordering them.
    - Workers start with ``spawn`` (see :data:`START_METHOD`), so a script that calls this at
      module level needs the usual ``if __name__ == "__main__":`` guard. Each worker warms up
      once (registry, patterns) before its first batch.
    - Closing the generator early cancels the queued batches and shuts the pool down.
    - Each result keeps its ``warnings`` (a scan that stopped early), as in the calling process:
      check ``extraction.warnings`` before treating a result as complete.

    :raises TypeError: an item is neither ``str`` nor ``Document``.
    :raises ValueError: ``workers`` is negative or ``chunksize`` is less than 1.

    >>> [r.money[0].money.amount for r in extract_many(["HK$1 million", "$2 billion"], workers=1)]
    [Decimal('1000000'), Decimal('2000000000')]
    """
    if workers is None:
        workers = _default_workers()
    if workers < 0:
        raise ValueError(f"workers must be 0 or more, got {workers!r}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be 1 or more, got {chunksize!r}")
    items = map(_check_item, texts)
    if workers <= 1:
        return (_extract_one(item, default_currency) for item in items)
    return _pooled(items, workers, chunksize, default_currency)


def _pooled(
    items: Iterator[str | Document], workers: int, chunksize: int, default_currency: str | None
) -> Iterator[Extraction]:
    limit = workers * (PREFETCH_PER_WORKER + 1)
    batches = iter(lambda: list(islice(items, chunksize)), [])
    pending: collections.deque[concurrent.futures.Future[list[Extraction]]] = collections.deque()
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(START_METHOD),
        initializer=_warm_up,
    )
    try:
        for batch in batches:
            pending.append(pool.submit(_extract_chunk, batch, default_currency))
            if len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
