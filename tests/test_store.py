"""The facts store: incremental indexing, exact amounts, failures kept, and the query helpers."""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path

import pytest

from hkpolicy._store_layout import fitting_decimal
from hkpolicy.cli import main
from hkpolicy.corpus import Corpus
from hkpolicy.store import (
    MONEY_SCALE,
    TABLES,
    Amount,
    FundingTotal,
    Mention,
    Progress,
    StoreError,
    index,
    open_facts,
)

pytest.importorskip("duckdb", reason="the store extra is not installed: pip install -e '.[store]'")
pytest.importorskip("pyarrow", reason="the store extra is not installed: pip install -e '.[store]'")

BUDGET = (
    "The Government will inject HK$3 billion into the Innovation and Technology Fund in "
    "2025-26. It will add HK$500 million to the Innovation and Technology Fund in 2026-27."
)
PARKS = "Cyberport will receive HK$1.5 billion in 2025-26 for the Cyberport Incubation Programme."
NOTE = "Cyberport said about 40% of its start-ups work on fintech."

FITS_EXAMPLES = [
    (Decimal("24000000000"), Decimal("24000000000"), "an integer amount"),
    (Decimal("2.4E+10"), Decimal("2.4E+10"), "an exponent form"),
    (Decimal("0.000001"), Decimal("0.000001"), "six decimals fit"),
    (Decimal("0.0000001"), None, "a seventh decimal would be rounded"),
    (Decimal("1" + "0" * 31), Decimal("1" + "0" * 31), "32 digits before the point"),
    (Decimal("1" + "0" * 32), None, "33 digits do not fit"),
    (Decimal("1.500000000"), Decimal("1.500000000"), "trailing zeros are not decimals"),
    (Decimal("NaN"), None, "not a number"),
]


@pytest.mark.parametrize(
    ("value", "expected", "reason"), FITS_EXAMPLES, ids=[str(e[0]) for e in FITS_EXAMPLES]
)
def test_decimal_column_holds_only_exact_values(
    value: Decimal, expected: Decimal | None, reason: str
) -> None:
    assert fitting_decimal(value, MONEY_SCALE) == expected, reason


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "budget.txt").write_text(BUDGET, encoding="utf-8")
    (folder / "parks.md").write_text(PARKS, encoding="utf-8")
    (folder / "note.txt").write_text(NOTE, encoding="utf-8")
    return folder


def test_a_changed_document_is_replaced_whole(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    first = index(archive, db)
    assert (first.found, first.extracted, first.unchanged) == (3, 3, 0)
    (archive / "budget.txt").write_text("The Fund has HK$7 million.", encoding="utf-8")
    second = index(archive, db)
    assert (second.extracted, second.unchanged, second.replaced) == (1, 2, 1)
    with open_facts(db) as facts:
        amounts = facts.rows("SELECT amount_exact FROM money WHERE doc_id = 'budget.txt'")
        documents = facts.rows("SELECT count(*) FROM documents")
    assert amounts == [("7000000",)]
    assert documents == [(3,)]


def test_prune_drops_documents_whose_file_is_gone(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    index(archive, db)
    (archive / "note.txt").unlink()
    kept = index(archive, db)
    assert (kept.found, kept.removed) == (2, 0)
    pruned = index(archive, db, prune=True)
    assert pruned.removed == 1
    with open_facts(db) as facts:
        assert facts.rows("SELECT doc_id FROM documents ORDER BY 1") == [
            ("budget.txt",),
            ("parks.md",),
        ]
        assert facts.rows("SELECT count(*) FROM percentages WHERE doc_id = 'note.txt'") == [(0,)]


def test_an_unreadable_file_is_reported_and_tried_again(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    (archive / "legacy.txt").write_bytes("資助".encode("big5"))
    stats = index(archive, db)
    assert (stats.extracted, stats.failed) == (3, 1)
    assert stats.problems[0][0].endswith("legacy.txt")
    assert "is not UTF-8 text" in stats.problems[0][1]
    with open_facts(db) as facts:
        assert facts.rows("SELECT doc_id FROM problems") == [("legacy.txt",)]
    (archive / "legacy.txt").write_text("The Fund has HK$2 million.", encoding="utf-8")
    again = index(archive, db)
    assert (again.extracted, again.unchanged, again.failed) == (1, 3, 0)
    with open_facts(db) as facts:
        assert facts.rows("SELECT count(*) FROM problems") == [(0,)]


def test_cli_exits_1_when_a_file_could_not_be_read(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (archive / "legacy.txt").write_bytes(b"\xff\xfe")
    code = main(["index", str(archive), "--db", str(tmp_path / "f.duckdb")])
    captured = capsys.readouterr()
    assert code == 1
    assert "3 extracted" in captured.out and "1 failed" in captured.out
    assert "hkpolicy: warning: skipped '" in captured.err and "legacy.txt" in captured.err


def test_progress_is_reported_after_each_batch(archive: Path, tmp_path: Path) -> None:
    seen: list[Progress] = []
    index(archive, tmp_path / "facts.duckdb", progress=seen.append)
    assert seen[0] == Progress(done=0, total=3, bytes=0, facts=0)
    assert seen[-1].done == 3
    assert seen[-1].bytes == sum(len(p.read_bytes()) for p in archive.iterdir())
    assert [p.done for p in seen] == sorted(p.done for p in seen)


def test_typed_helpers_answer_the_common_questions(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    index(archive, db)
    with open_facts(db) as facts:
        totals = facts.funding_totals()
        mentions = facts.mentions("cyberport")
        largest = facts.largest_amounts(2)
    assert FundingTotal("itf", "2025-26", "HKD", Decimal("3000000000"), 1) in totals
    assert FundingTotal("itf", "2026-27", "HKD", Decimal("500000000"), 1) in totals
    assert mentions[0] == Mention("note.txt", 0, 9, "Cyberport")
    assert {m.doc_id for m in mentions} == {"note.txt", "parks.md"}
    assert largest == [
        Amount("budget.txt", 27, 39, "HK$3 billion", Decimal("3000000000"), "HKD"),
        Amount("parks.md", 23, 37, "HK$1.5 billion", Decimal("1500000000"), "HKD"),
    ]


def test_sql_takes_parameters(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    index(archive, db)
    with open_facts(db) as facts:
        relation = facts.sql("SELECT sum(amount) FROM money WHERE doc_id = ?", ["budget.txt"])
        assert relation.fetchall() == [(Decimal("3500000000"),)]


def test_corpus_to_duckdb_writes_the_same_facts_as_index(archive: Path, tmp_path: Path) -> None:
    indexed_db = tmp_path / "indexed.duckdb"
    index(archive, indexed_db)
    queries = {name: f"SELECT * FROM {name} ORDER BY ALL" for name in TABLES}
    with Corpus.from_directory(archive).to_duckdb(tmp_path / "corpus.duckdb") as facts:
        from_corpus = {name: facts.rows(query) for name, query in queries.items()}
    with open_facts(indexed_db) as facts:
        from_index = {name: facts.rows(query) for name, query in queries.items()}
    assert from_corpus == from_index
    assert len(from_index["documents"]) == 3


def test_index_skips_what_corpus_to_duckdb_wrote(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    Corpus.from_directory(archive).to_duckdb(db).close()
    stats = index(archive, db)
    assert (stats.extracted, stats.unchanged) == (0, 3)


def test_parquet_export_has_a_directory_per_table(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "parquet"
    db = tmp_path / "facts.duckdb"
    assert (
        main(["index", str(archive), "--db", str(db), "--format", "parquet", "--out", str(out)])
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == sorted(TABLES)
    money = pyarrow_parquet.read_table(out / "money").to_pylist()
    assert [(m["doc_id"], m["amount"], m["amount_exact"]) for m in money] == [
        ("budget.txt", Decimal("3000000000"), "3000000000"),
        ("budget.txt", Decimal("500000000"), "500000000"),
        ("parks.md", Decimal("1500000000"), "1500000000"),
    ]
    assert "wrote 11 Parquet tables" in capsys.readouterr().out


def test_parquet_format_needs_a_directory(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["index", str(archive), "--db", str(tmp_path / "f.duckdb"), "--format", "parquet"])
        == 1
    )
    assert "--format parquet needs --out" in capsys.readouterr().err


def test_opening_a_missing_store_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no facts store at '.*none\.duckdb': build one"):
        open_facts(tmp_path / "none.duckdb")


def test_a_store_of_another_layout_is_refused(archive: Path, tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "facts.duckdb"
    index(archive, db)
    with duckdb.connect(str(db)) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="has layout '0'"):
        index(archive, db)


def test_jobs_below_one_are_refused(archive: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="jobs must be 1 or more, got 0"):
        index(archive, tmp_path / "f.duckdb", jobs=0)


def test_store_error_pickles_with_its_path() -> None:
    copy = pickle.loads(pickle.dumps(StoreError("f.duckdb", "no facts store at 'f.duckdb'")))
    assert (copy.path, str(copy)) == ("f.duckdb", "no facts store at 'f.duckdb'")


def test_progress_bar_on_request_and_quiet_by_default(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("tqdm", reason="the store extra is not installed")
    assert main(["index", str(archive), "--db", str(tmp_path / "a.duckdb")]) == 0
    assert capsys.readouterr().err == ""  # stderr is not a terminal under pytest
    db = str(tmp_path / "b.duckdb")
    assert main(["index", str(archive), "--db", db, "--progress", "always"]) == 0
    bar = capsys.readouterr().err
    assert "3/3" in bar and "MB/s" in bar and "facts/s" in bar


def test_a_missing_extra_is_named_with_both_install_commands(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from hkpolicy.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "duckdb", None)  # as if the store extra were absent
    with pytest.raises(MissingExtraError) as caught:
        index(archive, tmp_path / "f.duckdb")
    assert "pip install 'hkpolicy[store]'" in str(caught.value)
    assert 'pip install -e ".[store]"' in str(caught.value)


def test_a_notebook_shows_the_tables_and_their_rows(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    index(archive, db)
    with open_facts(db) as facts:
        html = facts._repr_html_()
        shown = repr(facts)
    assert "<td>money</td><td>3</td>" in html.replace("\n", "")
    assert shown.startswith(f"Facts({str(db)!r}, documents=3, money=3, percentages=1")


def _one_page_pdf(sentence: str) -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica", 11)
    page.drawString(72, 720, sentence)
    page.save()
    return buffer.getvalue()


def test_a_pdf_in_the_folder_is_indexed_through_the_loader(tmp_path: Path) -> None:
    pytest.importorskip("reportlab", reason="the test writes its PDF with reportlab")
    pytest.importorskip("pdfplumber", reason="the pdf extra is not installed")
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "paper.pdf").write_bytes(_one_page_pdf("The Fund will receive HK$8 million."))
    db = tmp_path / "facts.duckdb"
    assert index(folder, db).extracted == 1
    with open_facts(db) as facts:
        assert facts.rows("SELECT doc_id, format FROM documents") == [("paper.pdf", "pdf")]
        (row,) = facts.rows('SELECT start, "end", text, amount_exact FROM money')
    text = Corpus.from_directory(folder)["paper.pdf"].text
    assert row == (text.index("HK$8 million"), text.index("HK$8 million") + 12, "HK$8 million",
                   "8000000")  # fmt: skip
