"""The Dask path: extract_bag and extract_dataframe give the records of sequential extract()."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from hkpolicy.corpus import load_corpus
from hkpolicy.dask import RECORD_FIELDS, extract_bag, extract_dataframe, extraction_records
from hkpolicy.extraction import extract

dask = pytest.importorskip(
    "dask", reason="the dask extra is not installed (pip install -e '.[dask]')"
)
dask_bag = pytest.importorskip("dask.bag", reason="dask is installed without its bag part")


@pytest.fixture(autouse=True)
def synchronous_scheduler() -> Iterator[None]:
    # dask's local single-threaded scheduler: deterministic, no pool, exceptions surface directly.
    with dask.config.set(scheduler="synchronous"):
        yield


def _sequential_records(pairs: list[tuple[str, str]]) -> list[dict[str, object]]:
    return [
        row for doc_id, text in pairs for row in extraction_records(extract(text, doc_id=doc_id))
    ]


@pytest.fixture(scope="module")
def seed_pairs() -> list[tuple[str, str]]:
    return [(document.id, document.text) for document in load_corpus().documents]


def test_bag_of_pairs_equals_sequential_extract(seed_pairs: list[tuple[str, str]]) -> None:
    bag = dask_bag.from_sequence(seed_pairs, npartitions=3)
    assert extract_bag(bag).compute() == _sequential_records(seed_pairs)


def test_bag_of_documents_uses_their_metadata() -> None:
    documents = load_corpus().documents
    bag = dask_bag.from_sequence(documents, npartitions=2)
    expected = [row for document in documents for row in extraction_records(document.extract())]
    assert extract_bag(bag).compute() == expected


def test_bag_of_texts_takes_extract_options() -> None:
    texts = ["The plan costs $5 million.", "About 42% in 2024."]
    bag = dask_bag.from_sequence(texts, npartitions=2)
    records = extract_bag(bag, default_currency="USD").compute()
    expected = [
        row for text in texts for row in extraction_records(extract(text, default_currency="USD"))
    ]
    assert records == expected
    assert records[0]["unit"] == "USD"
    assert records[0]["doc_id"] is None


def test_doc_id_option_is_refused() -> None:
    with pytest.raises(TypeError, match="pairs instead"):
        extract_bag(dask_bag.from_sequence(["x"]), doc_id="a")


def test_every_record_has_the_same_keys(seed_pairs: list[tuple[str, str]]) -> None:
    records = _sequential_records(seed_pairs)
    assert {record["type"] for record in records} >= {"money", "percentage", "date", "funding"}
    assert all(tuple(record) == RECORD_FIELDS for record in records)
    text_of = dict(seed_pairs)
    for record in records:
        assert text_of[record["doc_id"]][record["start"] : record["end"]] == record["text"]


def test_dataframe_holds_the_records(seed_pairs: list[tuple[str, str]]) -> None:
    pytest.importorskip("pandas", reason="dask DataFrames need pandas")
    frame = extract_dataframe(dask_bag.from_sequence(seed_pairs, npartitions=2)).compute()
    assert list(frame.columns) == list(RECORD_FIELDS)
    rows = [
        {key: (None if value != value else value) for key, value in row.items()}  # NaN -> None
        for row in frame.to_dict("records")
    ]
    assert rows == _sequential_records(seed_pairs)


def test_import_hkpolicy_dask_does_not_import_dask() -> None:
    code = "import sys, hkpolicy, hkpolicy.dask; print('dask' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
