"""``hkpolicy index`` over a folder of 200 documents: every table matches in-process extract()
row for row, and a second run reads nothing again."""

from __future__ import annotations

import io
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hkpolicy._sources import discover, read_source
from hkpolicy.cli import main
from hkpolicy.corpus import Document
from hkpolicy.extraction import Extraction
from hkpolicy.store import open_facts

from .archive_factory import build_archive

pytest.importorskip("duckdb", reason="the store extra is not installed: pip install -e '.[store]'")
pytest.importorskip("pyarrow", reason="the store extra is not installed: pip install -e '.[store]'")


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The archive, indexed twice with the CLI: the database, both runs' output, and the
    in-process extraction of every document."""
    folder = build_archive(tmp_path_factory.mktemp("archive"))
    db = tmp_path_factory.mktemp("store") / "facts.duckdb"
    capture = pytest.MonkeyPatch()
    outputs = []
    try:
        for jobs in ("2", "1"):
            out = io.StringIO()
            capture.setattr(sys, "stdout", out)
            if jobs == "1":
                # The second run must not extract: any call to Document.extract fails it.
                capture.setattr(Document, "extract", _refuse)
            code = main(["index", str(folder), "--db", str(db), "--jobs", jobs])
            capture.undo()
            outputs.append((code, out.getvalue()))
    finally:
        capture.undo()
    documents = [read_source(source) for source in discover(folder)]
    return {
        "db": db,
        "outputs": outputs,
        "documents": documents,
        "extractions": {d.id: d.extract() for d in documents},
    }


def _refuse(self: Document) -> Extraction:
    raise AssertionError(f"{self.id} was extracted again")


def test_the_archive_has_200_documents_in_three_scripts(indexed: dict[str, Any]) -> None:
    documents = indexed["documents"]
    assert len(documents) == 200
    languages = {d.language for d in documents}
    assert languages == {"en", "zh-Hant", "zh-Hans"}
    assert "seeds/catalog.json" not in {d.id for d in documents}
    formats = {d.source_format for d in documents}
    assert formats == {"text", "markdown", "html"}


def test_first_run_extracts_every_document(indexed: dict[str, Any]) -> None:
    code, output = indexed["outputs"][0]
    assert code == 0
    assert "200 documents, 200 extracted, 0 unchanged, 0 replaced, 0 removed, 0 failed" in output


def test_second_run_extracts_nothing(indexed: dict[str, Any]) -> None:
    code, output = indexed["outputs"][1]
    assert code == 0
    assert "200 documents, 0 extracted, 200 unchanged, 0 replaced, 0 removed, 0 failed" in output


def test_documents_table_matches_the_files(indexed: dict[str, Any]) -> None:
    with open_facts(indexed["db"]) as facts:
        rows = facts.rows("SELECT doc_id, sha256, language, chars FROM documents ORDER BY doc_id")
    expected = [(d.id, d.sha256, d.language, len(d.text)) for d in indexed["documents"]]
    assert rows == expected


def _expected(extraction: Extraction, table: str) -> list[tuple[Any, ...]]:
    """The rows a table should hold for one extraction, read straight from the models."""
    doc = extraction.doc_id
    if table == "money":
        return [
            (doc, m.span.start, m.span.end, m.span.text, str(m.money.amount), m.money.currency,
             m.money.qualifier.value)
            for m in extraction.money
        ]  # fmt: skip
    if table == "percentages":
        return [
            (doc, p.span.start, p.span.end, p.span.text, str(p.percentage.value),
             p.percentage.unit, p.percentage.qualifier.value)
            for p in extraction.percentages
        ]  # fmt: skip
    if table == "dates":
        return [(doc, d.span.start, d.span.end, d.span.text, d.kind) for d in extraction.dates]
    if table in ("institutions", "initiatives"):
        return [
            (doc, span.start, span.end, span.text, entity.id)
            for entity in getattr(extraction, table)
            for span in entity.mentions
        ]
    if table == "funding":
        return [
            (doc, f.span.start, f.span.end, str(f.amount.amount), f.amount.currency,
             f.initiative, f.institution, None if f.period is None else str(f.period))
            for f in extraction.funding
        ]  # fmt: skip
    if table == "sector_stats":
        return [
            (doc, s.span.start, s.span.end, s.sector, s.metric, str(s.value.value), s.year)
            for s in extraction.sector_stats
        ]
    if table == "tables":
        return [(doc, t.span.start, t.span.end, len(t.rows)) for t in extraction.tables]
    assert table == "unparsed"
    return [(doc, u.span.start, u.span.end, u.span.text, u.reason) for u in extraction.unparsed]


COLUMNS = {
    "money": 'doc_id, start, "end", text, amount_exact, currency, qualifier',
    "percentages": 'doc_id, start, "end", text, value_exact, unit, qualifier',
    "dates": 'doc_id, start, "end", text, kind',
    "institutions": 'doc_id, start, "end", text, entity_id',
    "initiatives": 'doc_id, start, "end", text, entity_id',
    "funding": 'doc_id, start, "end", amount_exact, currency, initiative, institution, period',
    "sector_stats": 'doc_id, start, "end", sector, metric, value_exact, year',
    "tables": 'doc_id, start, "end", n_rows',
    "unparsed": 'doc_id, start, "end", text, reason',
}


@pytest.mark.parametrize("table", sorted(COLUMNS))
def test_table_matches_in_process_extract_row_for_row(indexed: dict[str, Any], table: str) -> None:
    extractions = indexed["extractions"]
    expected = [
        row for doc_id in sorted(extractions) for row in _expected(extractions[doc_id], table)
    ]
    with open_facts(indexed["db"]) as facts:
        stored = facts.rows(f"SELECT {COLUMNS[table]} FROM {table} ORDER BY doc_id, seq")
    assert stored == expected
    if table in ("money", "funding", "institutions"):
        assert len(stored) > 100, f"the archive should hold many {table} rows"


def test_spans_read_back_the_text_of_each_document(indexed: dict[str, Any]) -> None:
    texts = {d.id: d.text for d in indexed["documents"]}
    with open_facts(indexed["db"]) as facts:
        for table in ("money", "percentages", "institutions", "unparsed"):
            for doc_id, start, end, text in facts.rows(
                f'SELECT doc_id, start, "end", text FROM {table}'
            ):
                assert texts[doc_id][start:end] == text


def test_decimal_columns_equal_the_exact_text(indexed: dict[str, Any]) -> None:
    with open_facts(indexed["db"]) as facts:
        rows = facts.rows("SELECT amount, amount_exact FROM money")
        types = dict(facts.rows("SELECT column_name, data_type FROM information_schema.columns "
                                "WHERE table_name = 'money'"))  # fmt: skip
    assert types["amount"] == "DECIMAL(38,6)"
    assert rows and all(amount == Decimal(exact) for amount, exact in rows)


def test_a_seed_keeps_the_figures_of_its_text(indexed: dict[str, Any]) -> None:
    # 004 reports "HK$24 billion (US$3.07 billion)" at characters 2302-2332.
    with open_facts(indexed["db"]) as facts:
        largest = facts.largest_amounts(2)
    assert largest[0].doc_id == "seeds/004_d8a9956017bf6413.txt"
    assert (largest[0].text, largest[0].amount) == ("HK$24 billion", Decimal("24000000000"))


def test_quiet_without_a_terminal(indexed: dict[str, Any]) -> None:
    # Both runs wrote their single summary line to stdout and nothing else: no progress bar.
    for _, output in indexed["outputs"]:
        assert output.count("\n") == 1
        assert "doc/s" not in output


def test_every_folder_of_the_archive_is_indexed(indexed: dict[str, Any]) -> None:
    with open_facts(indexed["db"]) as facts:
        folders = facts.rows(
            "SELECT split_part(doc_id, '/', 1) AS folder, count(*) FROM documents "
            "GROUP BY folder ORDER BY folder"
        )
    # 195 generated, 65 per script: 19 Markdown table documents (n % 10 == 9: 7, 6, 6 by
    # script) and 20 HTML pages (n % 10 == 4: 6, 7, 7) sit in their own folders.
    assert folders == [
        ("en", 52),
        ("pages", 20),
        ("seeds", 5),
        ("tables", 19),
        ("zh-Hans", 52),
        ("zh-Hant", 52),
    ]


def test_stored_ids_are_relative_posix_paths(indexed: dict[str, Any]) -> None:
    ids = [d.id for d in indexed["documents"]]
    assert "tables/009.md" in ids and "zh-Hant/00/001.txt" in ids
    assert all(not Path(i).is_absolute() and "\\" not in i for i in ids)
