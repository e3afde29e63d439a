"""The command line, called through ``main([...])``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import hkpolicy.corpus
from hkpolicy import CorpusIntegrityError
from hkpolicy.cli import main


def test_no_arguments_prints_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "5 documents" in out
    assert "South China Morning Post / Wency Chen" in out
    assert "[assigned]" in out
    for doc_id in hkpolicy.load_corpus().ids:
        assert doc_id in out


@pytest.mark.parametrize("argv", [["--json"], ["summary", "--json"], ["--json", "summary"]])
def test_json_summary(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary == hkpolicy.load_corpus().summary()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"hkpolicy {hkpolicy.__version__}"


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["no-such-command"])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_corpus_error_exits_1_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> None:
        raise CorpusIntegrityError("x.txt", "Seed file 'x.txt' does not match catalog.json")

    monkeypatch.setattr(hkpolicy.corpus, "load_corpus", broken)
    assert main([]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "hkpolicy: error: Seed file 'x.txt' does not match catalog.json\n"


# --- extract, export and schema --------------------------------------------------------------

# A paragraph of our own in the form of a Hong Kong Budget Speech.
BUDGET_SPEECH = (
    "82. For 2025-26, I will set aside $2 billion for the Innovation and Technology Fund, "
    "and the Innovation and Technology Commission will provide up to $300 million a year "
    "for the Technology Voucher Programme. 政府亦會向數碼港撥款5億元。\n"
)


@pytest.fixture
def speech(tmp_path: Path) -> Path:
    path = tmp_path / "speech.txt"
    path.write_text(BUDGET_SPEECH, encoding="utf-8")
    return path


def test_extract_table_lists_amounts_bodies_and_fiscal_years(
    speech: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(speech), "--currency", "USD"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("speech (language: auto): ")
    lines = out.splitlines()
    assert any("fiscal_year 2025-26" in line for line in lines)
    money = [line for line in lines if line.lstrip().startswith("money")]
    assert len(money) == 3
    assert "HKD 2,000,000,000 = USD 256,410,256.41" in money[0]
    assert "up to HKD 300,000,000 per year" in money[1]
    assert "HKD 500,000,000" in money[2]
    for entity in ("itf", "itc", "tvp", "cyberport"):
        assert any(line.rstrip().endswith(entity) for line in lines), entity


def test_extract_says_on_stderr_when_a_scan_stopped_early(
    speech: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import hkpolicy.dates

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(hkpolicy.dates, "_scan", broken)  # the date scan stops early
    assert main(["extract", str(speech)]) == 3  # not 0: the output is incomplete
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert lines == ["hkpolicy: warning: date scan stopped: RuntimeError: boom"], lines
    assert "money" in captured.out  # the other scans' results are still printed
    assert "fiscal_year" not in captured.out  # the date scan stopped before 2025-26


def test_extract_json_validates_against_the_schema(
    speech: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert main(["extract", str(speech), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    extraction_schema = {**schema["$defs"]["Extraction"], "$defs": schema["$defs"]}
    jsonschema.validate(document, extraction_schema)
    assert [m["money"]["amount"] for m in document["money"]] == [
        "2000000000",
        "300000000",
        "500000000",
    ]


def test_extract_jsonl_and_csv(speech: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(speech), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["type"] for r in records} >= {"money", "date", "institution", "initiative", "funding"}
    for record in records:
        assert BUDGET_SPEECH[record["start"] : record["end"]] == record["text"]
    assert main(["extract", str(speech), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(records)


def test_extract_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("逾HK$1億".encode())))
    assert main(["extract", "-", "--format", "jsonl"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (record["type"], record["value"]) == ("money", "more than HKD 100,000,000")


def test_missing_file_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "/no/such/file.txt"]) == 1
    assert capsys.readouterr().err == "hkpolicy: error: no such file: '/no/such/file.txt'\n"


def test_non_utf8_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes("港元".encode("big5"))
    assert main(["extract", str(path)]) == 1
    assert "is not UTF-8 text (byte 0)" in capsys.readouterr().err


def test_bad_format_is_a_usage_error(speech: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["extract", str(speech), "--format", "xml"])
    assert exited.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", fmt, str(tmp_path / "out")]) == 0
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    if fmt == "json":
        assert written == ["corpus.json"]
        text = (tmp_path / "out" / "corpus.json").read_text(encoding="utf-8")
        assert hkpolicy.Corpus.model_validate_json(text) == hkpolicy.load_corpus()
    else:
        assert "funding.csv" in written and "sector_stats.csv" in written
        funding_csv = (tmp_path / "out" / "funding.csv").read_text(encoding="utf-8")
        funding = list(csv.DictReader(io.StringIO(funding_csv)))
        assert [row["amount"] for row in funding] == [
            "200000000", "10000000000", "500000", "24000000000"
        ]  # fmt: skip
    assert capsys.readouterr().out.count("wrote ") == len(written)


def test_help_shows_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "hkpolicy extract speech.txt" in capsys.readouterr().out
