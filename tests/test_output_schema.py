"""``hkpolicy schema`` is a contract: the real JSON output of extract, summary and export
validates against it, and output that is wrong in shape or type does not."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import hkpolicy.cli
from hkpolicy.cli import main

jsonschema = pytest.importorskip("jsonschema")

SPEECH = (
    "For 2025-26, I will set aside $2 billion for the Innovation and Technology Fund, and "
    "about 42% of firms use AI. 政府亦會向數碼港撥款最多5億元。A partner adds RMB 3 million.\n"
)


def output_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


def schema_for(output: str | None, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    return json.loads(output_of(["schema", *([output] if output else [])], capsys))


def check(instance: object, schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(instance)


def fails(instance: object, schema: dict[str, Any]) -> bool:
    return not jsonschema.Draft202012Validator(schema).is_valid(instance)


@pytest.fixture
def speech(tmp_path: Path) -> Path:
    path = tmp_path / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    return path


@pytest.fixture
def extract_json(speech: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    out = output_of(["extract", str(speech), "--format", "json", "--currency", "USD"], capsys)
    document: dict[str, Any] = json.loads(out)
    return document


def test_extract_json_validates_and_wrong_output_fails(
    extract_json: dict[str, Any], speech: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = schema_for("extract", capsys)
    check(extract_json, schema)
    check(json.loads(output_of(["extract", str(speech), "--format", "json"], capsys)), schema)
    assert fails(42, schema)
    missing = copy.deepcopy(extract_json)
    del missing["money"][0]["span"]
    assert fails(missing, schema)
    float_amount = copy.deepcopy(extract_json)
    float_amount["money"][0]["money"]["amount"] = 2e9
    assert fails(float_amount, schema)
    not_a_number = copy.deepcopy(extract_json)
    not_a_number["converted"][0]["money"]["amount"] = "two billion"
    assert fails(not_a_number, schema)
    extra = {**extract_json, "surprise": True}
    assert fails(extra, schema)
    # RMB has no linked rate: its entry has no money and says why, and the schema allows that.
    (no_rate,) = [c for c in extract_json["converted"] if c["money"] is None]
    assert no_rate["note"] == "no rate"
    unexplained = copy.deepcopy(extract_json)
    for item in unexplained["converted"]:
        del item["note"]
    assert fails(unexplained, schema)


def test_jsonl_lines_validate_as_records(speech: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schema = schema_for("record", capsys)
    lines = output_of(["extract", str(speech), "--format", "jsonl"], capsys).splitlines()
    assert lines
    for line in lines:
        check(json.loads(line), schema)
    record = json.loads(lines[0])
    assert fails({k: v for k, v in record.items() if k != "amount"}, schema)
    assert fails({**record, "start": "0"}, schema)


def test_summary_json_validates_and_wrong_output_fails(
    capsys: pytest.CaptureFixture[str],
) -> None:
    schema = schema_for("summary", capsys)
    summary = json.loads(output_of(["--json"], capsys))
    check(summary, schema)
    assert fails(42, schema)
    missing = copy.deepcopy(summary)
    del missing["documents"][0]["words"]
    assert fails(missing, schema)
    wrong = copy.deepcopy(summary)
    wrong["funding"][0]["hkd"] = 200000000.0
    assert fails(wrong, schema)


def test_export_json_validates_and_wrong_output_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = schema_for("export", capsys)
    output_of(["export", "--format", "json", str(tmp_path)], capsys)
    corpus = json.loads((tmp_path / "corpus.json").read_text(encoding="utf-8"))
    check(corpus, schema)
    assert fails(42, schema)
    wrong = copy.deepcopy(corpus)
    wrong["funding"][0]["amount"]["amount"] = 200000000.5
    assert fails(wrong, schema)
    missing = copy.deepcopy(corpus)
    del missing["documents"][0]["sha256"]
    assert fails(missing, schema)


def test_the_whole_schema_takes_each_output_and_refuses_anything_else(
    extract_json: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    schema = schema_for(None, capsys)
    check(extract_json, schema)
    check(json.loads(output_of(["summary", "--json"], capsys)), schema)
    for wrong in (42, "text", [], {}, {"money": []}):
        assert fails(wrong, schema), wrong


def test_schema_names_and_record_columns_agree_with_the_cli() -> None:
    from hkpolicy.schema import OUTPUTS, ExtractRecord

    assert tuple(OUTPUTS) == hkpolicy.cli.SCHEMA_OUTPUTS
    assert tuple(ExtractRecord.model_fields) == hkpolicy.cli.RECORD_COLUMNS
