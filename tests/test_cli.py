"""The command line, called through ``main([...])``."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
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


# --- extract: conversions, typed rows, inputs and encodings ---------------------------------


def test_currency_is_honoured_with_json(speech: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(speech), "--format", "json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert "converted" not in plain
    assert main(["extract", str(speech), "--format", "json", "--currency", "USD"]) == 0
    converted = json.loads(capsys.readouterr().out)
    assert {k: v for k, v in converted.items() if k != "converted"} == plain
    money = [c for c in converted["converted"] if c["type"] == "money"]
    # $2 billion / 7.80, $300 million / 7.80, 5億元 / 7.80, at Money.to's 28 digits.
    assert [(c["start"], c["money"]["currency"]) for c in money] == [
        (BUDGET_SPEECH.index("$2 billion"), "USD"),
        (BUDGET_SPEECH.index("$300 million"), "USD"),
        (BUDGET_SPEECH.index("5億元"), "USD"),
    ]
    assert money[0]["money"]["amount"] == "256410256.4102564102564102564"
    assert money[1]["money"]["qualifier"] == "up_to"  # the qualifier travels with the amount


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_csv_and_jsonl_have_typed_columns(
    fmt: str, speech: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(speech), "--format", fmt, "--currency", "USD"]) == 0
    out = capsys.readouterr().out
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert {"amount", "currency", "qualifier", "initiative", "institution", "period"} <= set(
            rows[0]
        )
        assert {"start", "end", "period_start", "period_end", "converted_amount"} <= set(rows[0])
    else:
        rows = [json.loads(line) for line in out.splitlines()]
        assert all(isinstance(r["start"], int) for r in rows)
    itf = next(r for r in rows if r["type"] == "funding" and r["initiative"] == "itf")
    assert (itf["amount"], itf["currency"], itf["qualifier"]) == ("2000000000", "HKD", "exact")
    assert (itf["period"], itf["period_start"], itf["period_end"]) == (
        "2025-26",
        "2025-04-01",
        "2026-03-31",
    )
    assert itf["converted_currency"] == "USD"
    voucher = next(r for r in rows if r["type"] == "money" and r["qualifier"] == "up_to")
    assert (voucher["amount"], voucher["per"]) == ("300000000", "year")
    cyberport = next(r for r in rows if r["type"] == "institution" and r["id"] == "cyberport")
    assert BUDGET_SPEECH[int(cyberport["start"]) : int(cyberport["end"])] == "數碼港"


def test_a_directory_gets_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"hkpolicy: error: {str(tmp_path)!r} is a directory: give one file, "
        "or - for standard input\n"
    )


def _run_cli(*args: str, stdin: bytes = b"", **env: str) -> subprocess.CompletedProcess[bytes]:
    source = str(Path(hkpolicy.__file__).resolve().parents[1])
    environment = {**os.environ, "PYTHONPATH": source, **env}
    return subprocess.run(
        [sys.executable, "-m", "hkpolicy", *args],
        input=stdin,
        capture_output=True,
        env=environment,
        check=False,
    )


def test_dev_stdin_is_read_like_a_dash() -> None:
    result = _run_cli("extract", "/dev/stdin", "--format", "jsonl", stdin="逾HK$1億".encode())
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["amount"], record["qualifier"]) == ("100000000", "more_than")


def test_encoding_reads_a_big5_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes("政府向數碼港撥款5億港元。".encode("big5"))
    assert main(["extract", str(path), "--encoding", "big5", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert ("money", "500000000", "HKD") in {(r["type"], r["amount"], r["currency"]) for r in rows}
    assert main(["extract", str(path)]) == 1
    assert "--encoding" in capsys.readouterr().err  # the UTF-8 failure names the option
    assert main(["extract", str(path), "--encoding", "klingon"]) == 1
    assert capsys.readouterr().err == "hkpolicy: error: unknown encoding: 'klingon'\n"


def test_an_ascii_terminal_gets_escapes_not_a_traceback(speech: Path) -> None:
    result = _run_cli("extract", str(speech), PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"\\u6578\\u78bc\\u6e2f" in result.stdout  # 數碼港, escaped


def test_cjk_rows_line_up_by_display_width(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "zh.txt"
    text = (
        "政府向數碼港撥款5億元，並向香港科技園公司撥款10億元，以支持本地初創企業發展人工智能"
        "及數據科學等新興產業。The Fund adds HK$2 billion.\n"
    )
    path.write_text(text, encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    header = lines[0]
    value_column = _display_width(header[: header.index("value")])
    for line in lines[1:]:
        cells = re.split(r"\s{2,}", line.strip())
        assert len(cells) == 4, line
        # The value column starts at the same terminal column on every row.
        assert _display_width(line[: line.rindex(cells[3])]) == value_column, line
        assert _display_width(cells[2]) <= 48, cells[2]
    assert any(line.count("...") for line in lines)  # the long clause was clipped


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_conversion_notes_say_why_an_amount_has_no_converted_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text("The partner adds RMB 3 million to HK$5 million.\n", encoding="utf-8")
    assert main(["extract", str(path), "--currency", "USD", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    money = [r for r in rows if r["type"] == "money"]
    assert [(r["currency"], r["converted_amount"], r["conversion_note"]) for r in money] == [
        ("CNY", None, "no rate"),
        ("HKD", "641025.641025641025641025641", None),  # 5,000,000 / 7.80, 28 digits
    ]


def test_main_restores_the_error_handlers_of_stdout_and_stderr(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    streams = [io.TextIOWrapper(io.BytesIO(), encoding="ascii") for _ in range(2)]
    monkeypatch.setattr(sys, "stdout", streams[0])
    monkeypatch.setattr(sys, "stderr", streams[1])
    assert main(["schema"]) == 0
    assert [stream.errors for stream in streams] == ["strict", "strict"]
