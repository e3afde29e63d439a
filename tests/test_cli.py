"""The command line, called through ``main([...])``."""

from __future__ import annotations

import json

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
