"""An archive extracted on a dask.distributed LocalCluster of two workers writes the same Parquet
rows as the serial ``hkpolicy index``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hkpolicy.store import TABLES, index, open_facts

from .archive_factory import build_archive

pytest.importorskip("dask.bag", reason="the dask extra is not installed: pip install -e '.[dask]'")
distributed = pytest.importorskip(
    "dask.distributed", reason="the dask extra is not installed: pip install -e '.[dask]'"
)
parquet = pytest.importorskip(
    "pyarrow.parquet", reason="the store extra is not installed: pip install -e '.[store]'"
)
pytest.importorskip("duckdb", reason="the store extra is not installed: pip install -e '.[store]'")

from hkpolicy.dask import index_to_parquet  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # Two workers of one thread each in this process (processes=False): the scheduler and the
    # workers talk over dask's in-process transport, so no port is opened, and start-up takes
    # a fraction of a second on a 2-core CI machine. The code path is the one a real cluster
    # runs: tasks are serialised, scheduled and run by distributed's workers.
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("archive"), documents=40)


def _rows(directory: Path, table: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = parquet.read_table(directory / table).to_pylist()
    return rows


def test_cluster_writes_the_rows_of_the_serial_index(
    client: Any, archive: Path, tmp_path: Path
) -> None:
    serial = tmp_path / "serial"
    db = tmp_path / "facts.duckdb"
    index(archive, db)
    with open_facts(db) as facts:
        facts.to_parquet(serial)
    stats = index_to_parquet(archive, tmp_path / "cluster", documents_per_partition=8)
    assert (stats.found, stats.extracted, stats.failed) == (40, 40, 0)
    parts = sorted(p.name for p in (tmp_path / "cluster" / "money").iterdir())
    assert parts == [f"part-{n:05d}.parquet" for n in range(5)]
    for table in TABLES:
        assert _rows(tmp_path / "cluster", table) == _rows(serial, table), table
    assert len(_rows(serial, "money")) > 30
    assert stats.facts == sum(row["facts"] for row in _rows(serial, "documents"))


def test_both_workers_took_part(client: Any, archive: Path, tmp_path: Path) -> None:
    with distributed.get_task_stream(client) as stream:
        index_to_parquet(archive, tmp_path / "out", documents_per_partition=4)
    # The tasks of the ten partitions (dask may or may not fuse the listing into them), each
    # recorded with the worker that ran it.
    tasks = [task for task in stream.data if "_write_partition" in str(task["key"][0])]
    assert {task["key"][1] for task in tasks} == set(range(10))
    assert len({task["worker"] for task in tasks}) == 2


def test_partition_size_must_be_positive(client: Any, archive: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="documents_per_partition must be 1 or more, got 0"):
        index_to_parquet(archive, tmp_path / "out", documents_per_partition=0)
