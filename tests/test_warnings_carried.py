"""A scan that stopped early is told apart from a complete one wherever its result goes: flat
records, the Dask bag and DataFrame, extract_many, and Corpus.to_frames."""

from __future__ import annotations

import pytest

import hkpolicy as hk
from hkpolicy import Corpus, Document, Extraction
from hkpolicy._frames import corpus_rows
from hkpolicy.dask import RECORD_FIELDS, extraction_records
from hkpolicy.parallel import extract_many

STOPPED = "money scan stopped at offset 12: a pattern timed out"
TEXT = "The Fund has HK$5 million, about 42% of it in 2024-25."


class StoppedDocument(Document):
    """A document whose extraction reports a scan that stopped early (module level, so it
    pickles by reference to worker processes)."""

    def extract(self) -> Extraction:
        return super().extract().model_copy(update={"warnings": (STOPPED,)})


def stopped(text: str = TEXT, doc_id: str | None = "d") -> Extraction:
    return hk.extract(text, doc_id=doc_id).model_copy(update={"warnings": (STOPPED,)})


def test_records_of_a_complete_extraction_say_so() -> None:
    rows = extraction_records(hk.extract(TEXT, doc_id="d"))
    assert rows and all(row["complete"] is True for row in rows)
    assert "warning" not in {row["type"] for row in rows}
    assert all(tuple(row) == RECORD_FIELDS for row in rows)


def test_records_of_a_stopped_extraction_carry_its_warning() -> None:
    rows = extraction_records(stopped())
    assert {row["type"] for row in rows} >= {"money", "percentage", "warning"}
    assert all(row["complete"] is False for row in rows)
    (warning,) = [row for row in rows if row["type"] == "warning"]
    assert (warning["doc_id"], warning["value"], warning["start"], warning["end"]) == (
        "d", STOPPED, 0, 0
    )  # fmt: skip
    assert warning["text"] == "" and tuple(warning) == RECORD_FIELDS


def test_a_stopped_extraction_with_nothing_found_still_has_a_record() -> None:
    (row,) = extraction_records(stopped("nothing here", doc_id="empty"))
    assert (row["type"], row["doc_id"], row["value"], row["complete"]) == (
        "warning", "empty", STOPPED, False
    )  # fmt: skip


def test_the_dask_bag_and_dataframe_carry_warnings() -> None:
    dask = pytest.importorskip("dask")
    dask_bag = pytest.importorskip("dask.bag")
    from hkpolicy.dask import extract_bag, extract_dataframe

    items = [Document.from_text(TEXT, id="ok"), StoppedDocument.from_text(TEXT, id="cut")]
    with dask.config.set(scheduler="synchronous"):
        records = extract_bag(dask_bag.from_sequence(items, npartitions=2)).compute()
        complete = {(r["doc_id"], r["complete"]) for r in records}
        assert complete == {("ok", True), ("cut", False)}
        assert [r["value"] for r in records if r["type"] == "warning"] == [STOPPED]
        pytest.importorskip("pandas")
        frame = extract_dataframe(dask_bag.from_sequence(items, npartitions=2)).compute()
    assert str(frame["complete"].dtype) == "bool"
    assert set(frame[~frame["complete"]]["doc_id"]) == {"cut"}
    assert list(frame[frame["type"] == "warning"]["value"]) == [STOPPED]


@pytest.mark.parametrize("workers", [0, 2])
def test_extract_many_carries_warnings(workers: int) -> None:
    items = [Document.from_text(TEXT, id="ok"), StoppedDocument.from_text(TEXT, id="cut")]
    results = list(extract_many(items, workers=workers))
    assert [(r.doc_id, r.warnings) for r in results] == [("ok", ()), ("cut", (STOPPED,))]


def test_corpus_rows_and_frames_mark_an_incomplete_document() -> None:
    corpus = Corpus.from_documents(
        [Document.from_text(TEXT, id="ok"), StoppedDocument.from_text(TEXT, id="cut")]
    )
    rows = corpus_rows(corpus)
    assert rows["warnings"] == [
        {"doc_id": "cut", "start": 0, "end": 0, "text": "", "warning": STOPPED, "complete": False}
    ]
    for name, records in rows.items():
        for record in records:
            assert record["complete"] is (record["doc_id"] == "ok"), name
    assert {r["doc_id"] for r in rows["money"]} == {"ok", "cut"}
    pytest.importorskip("pandas")
    frames = corpus.to_frames()
    assert list(frames["warnings"]["doc_id"]) == ["cut"]
    money = frames["money"]
    assert set(money[~money["complete"]]["doc_id"]) == {"cut"}


def test_the_warnings_frame_keeps_its_columns_when_empty() -> None:
    pytest.importorskip("pandas")
    frames = hk.load_corpus().to_frames()
    assert frames["warnings"].empty
    assert list(frames["warnings"].columns) == [
        "doc_id", "start", "end", "text", "warning", "complete"
    ]  # fmt: skip
    assert all(frame["complete"].all() for name, frame in frames.items() if name != "warnings")
