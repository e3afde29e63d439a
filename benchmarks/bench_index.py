"""``hkpolicy index`` over an archive folder: documents/s and MB/s with 1 and 2 worker processes
and on a two-worker Dask LocalCluster, and the parent process's share of the CPU time.

Run: ``python -m benchmarks.bench_index [--megabytes 4] [--size 8000] [--json out.json]``
(needs the ``store`` extra, and the ``dask`` extra for the cluster line). Prints one line per
configuration and asserts nothing about time.

The archive is the synthetic mixed English/Chinese policy text of the benchmark harness, cut at
line ends into documents of about ``--size`` characters (the shape of a folder of press
releases), written as ``.txt`` files.

CPU accounting, not wall-clock speed-up, is the figure that matters on a shared 2-core machine:
``os.times()`` before and after a run gives the parent's own user+system time and, once the
pool's processes have exited and been reaped, the workers' (``children_user`` +
``children_system``). The parent's share is ``parent / (parent + workers)``: the part of the
work that does not spread over more workers. With one job everything runs in the parent, so its
share is 100% by construction; the line is there for the throughput. For the Dask cluster the
workers' CPU time is read inside each worker process (``getrusage``) before and after the run,
with the cluster already started and warmed up; its scheduler runs in the parent as a thread, so
its CPU counts as the parent's (on a real cluster it runs elsewhere).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make "benchmarks" importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import split_documents, synthetic_policy_text


def build_archive(folder: Path, megabytes: float, size: int) -> tuple[int, int]:
    """Write the archive; its number of documents and of bytes."""
    documents = split_documents(synthetic_policy_text(megabytes), size=size)
    total = 0
    for number, text in enumerate(documents):
        path = folder / f"{number // 100:03d}" / f"{number:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return len(documents), total


def _measure(run: Any) -> dict[str, float]:
    before, started = os.times(), time.perf_counter()
    stats = run()
    wall = time.perf_counter() - started
    after = os.times()
    parent = (after.user - before.user) + (after.system - before.system)
    workers = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return {
        "documents": stats.extracted,
        "bytes": stats.bytes,
        "facts": stats.facts,
        "seconds": wall,
        "parent_cpu": parent,
        "workers_cpu": workers,
    }


def _line(name: str, figures: dict[str, float]) -> str:
    seconds = figures["seconds"]
    total_cpu = figures["parent_cpu"] + figures["workers_cpu"]
    share = figures["parent_cpu"] / total_cpu if total_cpu else 0.0
    figures["documents_per_second"] = figures["documents"] / seconds
    figures["megabytes_per_second"] = figures["bytes"] / 1e6 / seconds
    figures["parent_share"] = share
    return (
        f"{name:<28} {figures['documents_per_second']:8.1f} docs/s "
        f"{figures['megabytes_per_second']:6.3f} MB/s  {seconds:6.1f} s wall  "
        f"parent CPU {figures['parent_cpu']:6.2f} s, workers {figures['workers_cpu']:6.2f} s, "
        f"parent share {share:6.1%}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=4.0, help="archive size (default 4)")
    parser.add_argument("--size", type=int, default=8000, help="characters per document")
    parser.add_argument("--json", default=None, help="also write the figures to this file")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask cluster line")
    args = parser.parse_args(argv)

    from hkpolicy.store import index

    work = Path(tempfile.mkdtemp(prefix="hkpolicy-bench-index-"))
    try:
        archive = work / "archive"
        count, total = build_archive(archive, args.megabytes, args.size)
        print(f"archive: {count} documents, {total / 1e6:.2f} MB, on {os.cpu_count()} cores")
        results: dict[str, dict[str, float]] = {}
        for jobs in (1, 2):
            db = work / f"jobs{jobs}.duckdb"
            figures = _measure(lambda db=db, jobs=jobs: index(archive, db, jobs=jobs))
            print(_line(f"hkpolicy index --jobs {jobs}", figures))
            results[f"jobs_{jobs}"] = figures
        again = _measure(lambda: index(archive, work / "jobs2.duckdb", jobs=2))
        print(f"second run, nothing changed:  {again['documents']} documents extracted, "
              f"{again['seconds']:.2f} s")  # fmt: skip
        if not args.no_dask:
            results["dask_local_cluster"] = _dask(archive, work)
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _worker_cpu() -> float:
    # Runs on each Dask worker: that process's own CPU time so far.
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _dask(archive: Path, work: Path) -> dict[str, float]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("dask local cluster: skipped (pip install -e '.[dask]')")
        return {}
    from hkpolicy.dask import index_to_parquet

    # Worker processes (one thread each, as for any CPU-bound Python work) on loopback. The
    # cluster is started before the clock starts: its start-up is a fixed cost, printed apart.
    # The workers' CPU time is read in the workers (getrusage of each worker process), before
    # and after the run; the parent's is this process's, the scheduler's thread included.
    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):  # fmt: skip
        print(f"dask LocalCluster start-up: {time.perf_counter() - started:.1f} s")
        index_to_parquet(archive, work / "warm-up", documents_per_partition=1000)  # imports
        workers_before = sum(client.run(_worker_cpu).values())
        loop_before = client.run_on_scheduler(time.thread_time)
        before, clock = os.times(), time.perf_counter()
        stats = index_to_parquet(archive, work / "parquet", documents_per_partition=20)
        wall = time.perf_counter() - clock
        after = os.times()
        loop = client.run_on_scheduler(time.thread_time) - loop_before
        workers = sum(client.run(_worker_cpu).values()) - workers_before
    figures = {
        "documents": stats.extracted,
        "bytes": stats.bytes,
        "facts": stats.facts,
        "seconds": wall,
        "parent_cpu": (after.user - before.user) + (after.system - before.system),
        "workers_cpu": workers,
        "scheduler_loop_cpu": loop,
    }
    print(_line("dask LocalCluster, 2 workers", figures))
    # The scheduler and the client share one event-loop thread in the parent; the rest of the
    # parent's time is the caller's own (listing files, building the graph, reading results).
    print(
        f"  of the parent's {figures['parent_cpu']:.2f} s CPU: the scheduler's event loop "
        f"{loop:.2f} s, the caller's thread {figures['parent_cpu'] - loop:.2f} s "
        f"({(figures['parent_cpu'] - loop) / (figures['parent_cpu'] + workers):.1%} of the total)"
    )
    return figures


if __name__ == "__main__":
    sys.exit(main())
