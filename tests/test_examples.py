"""Every script in examples/ runs as a user would run it and prints or saves what it should.

Each runs with this interpreter in its own temporary directory, so the files it saves land there.
The example pages in docs/examples/ paste the scripts' output; the tests check it is still real.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from .test_notebook import pin_python3_kernel

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PAGES = ROOT / "docs" / "examples"

# The scripts with a test of their own below.
CHECKED = {
    "document_facts.py",
    "extract_text.py",
    "funding_csv.py",
    "funding_table.py",
    "make_notebook.py",
    "peg_check.py",
    "plot_sectors.py",
}

# A paragraph in the form of a Budget Speech (bare $ for HKD, a fiscal year, an initiative); the
# same text is on docs/examples/extract_text.md.
SPEECH = (
    "To strengthen our research base, I will set aside $3 billion for the Innovation and "
    "Technology Fund in 2025-26. The Hong Kong Science and Technology Parks Corporation will "
    "receive about $500 million to expand its AI supercomputing capacity. Cyberport reports "
    "that around 42% of local enterprises now use generative AI tools.\n"
)


def run(script: str, *args: str, cwd: Path, stdin: str | None = None) -> str:
    """Run examples/``script`` in ``cwd`` and return its output; fail on a non-zero exit."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg"}
    env["MPLCONFIGDIR"] = str(cwd / ".matplotlib")  # no font cache in the home directory
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert result.returncode == 0, f"{script} exited {result.returncode}:\n{result.stderr}"
    return result.stdout


def shown_on_page(page: str, output: str) -> bool:
    return output.strip() in (PAGES / page).read_text(encoding="utf-8")


def test_examples_without_their_own_test_run_cleanly(tmp_path: Path) -> None:
    """A script added to examples/ later still runs here; give it a test of its own below."""
    for script in sorted(p.name for p in EXAMPLES.glob("*.py") if p.name not in CHECKED):
        workdir = tmp_path / script
        workdir.mkdir()
        assert run(script, cwd=workdir).strip(), f"{script} printed nothing"


def test_funding_table_prints_the_four_funding_rows(tmp_path: Path) -> None:
    out = run("funding_table.py", cwd=tmp_path)
    header, *rows = out.strip().splitlines()
    assert header.split() == ["HK$", "US$", "bound", "what"]
    expected = [
        ("200,000,000", "25,641,026", "at 7.80", "more_than/year", "hkust: AI-related projects"),
        ("10,000,000,000", "1,282,051,282", "at 7.80", "exact", "itf: AI projects"),
        ("500,000", "64,103", "at 7.80", "up_to", "ai_subsidy_scheme: small and medium"),
        ("24,000,000,000", "3,070,000,000", "as written", "exact", "(2024-25 budget)"),
    ]
    assert len(rows) == len(expected), out
    for row, values in zip(rows, expected, strict=True):
        for value in values:
            assert value in row, (value, row)
    assert shown_on_page("funding_table.md", out), "re-run the script and paste its output"


def test_extract_text_reads_stdin_and_a_file(tmp_path: Path) -> None:
    out = run("extract_text.py", cwd=tmp_path, stdin=SPEECH)
    lines = out.splitlines()
    for kind, text, value in [
        ("money", "'$3 billion'", "HKD 3,000,000,000"),
        ("money", "'$500 million'", "about HKD 500,000,000"),
        ("percentage", "'around 42%'", "approximately 42%"),
        ("date", "'in 2025-26'", "fiscal_year 2025-26"),
        ("entity", "'Innovation and Technology Fund'", "itf (1x)"),
        ("entity", "'Hong Kong Science and Technology Parks Corporation'", "hkstp (1x)"),
        ("funding", "HKD 3,000,000,000", "-> itf"),
        ("funding", "about HKD 500,000,000", "-> hkstp"),
    ]:
        assert any(
            line.startswith(kind) and text in line and line.endswith(value) for line in lines
        ), (kind, text, value, out)
    assert not [line for line in lines if line.startswith("unparsed")], out
    speech = tmp_path / "speech.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    assert run("extract_text.py", str(speech), cwd=tmp_path) == out
    assert shown_on_page("extract_text.md", SPEECH), "the page shows another paragraph"
    assert shown_on_page("extract_text.md", out), "re-run the script and paste its output"


def test_peg_check_flags_only_the_off_peg_pair(tmp_path: Path) -> None:
    out = run("peg_check.py", cwd=tmp_path)
    lines = out.splitlines()
    assert (
        "OK  004_d8a9956017bf6413: HK$24 billion / USD 3,070,000,000 implies 7.818 HKD per USD "
        "(consistent)"
    ) in lines
    assert [line for line in lines if line.startswith("OFF")] == [
        "OFF own-1: HK$5 billion / USD 900,000,000 implies 5.556 HKD per USD (inconsistent)"
    ]
    assert "    own-2: up to HKD 1,000,000 = USD 128,205.13" in lines
    assert "    003_3e9965c52c1f6ff9: HKD 10,000,000,000 = USD 1,282,051,282.05" in lines
    assert shown_on_page("peg_check.md", out), "re-run the script and paste its output"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, which must come first after the signature."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG signature"
    length, chunk = struct.unpack(">I4s", data[8:16])
    assert chunk == b"IHDR" and length == 13, "the first chunk is not IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.skipif(
    importlib.util.find_spec("matplotlib") is None,
    reason="plot_sectors.py needs matplotlib: pip install -e '.[plot]'",
)
def test_plot_sectors_saves_an_800_by_500_png(tmp_path: Path) -> None:
    out = run("plot_sectors.py", cwd=tmp_path)
    assert out.strip() == "saved sector_adoption.png"
    data = (tmp_path / "sector_adoption.png").read_bytes()
    assert png_size(data) == (800, 500)
    assert data.endswith(b"IEND\xaeB`\x82"), "the PNG is truncated"
    chosen = tmp_path / "out" / "plot.png"
    chosen.parent.mkdir()
    run("plot_sectors.py", str(chosen), cwd=tmp_path)
    assert png_size(chosen.read_bytes()) == (800, 500)


def test_funding_csv_saves_one_row_per_funding_fact(tmp_path: Path) -> None:
    out = run("funding_csv.py", cwd=tmp_path)
    assert out.startswith("saved funding.csv (4 rows; registry of ")
    with (tmp_path / "funding.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["doc_id"][:3], r["amount_hkd"], r["qualifier"], r["per"]) for r in rows] == [
        ("003", "200000000", "more_than", "year"),
        ("003", "10000000000", "exact", ""),
        ("003", "500000", "up_to", ""),
        ("004", "24000000000", "exact", ""),
    ]
    itf = rows[1]
    assert (itf["initiative"], itf["initiative_name"]) == ("itf", "Innovation and Technology Fund")
    assert rows[0]["institution"] == "hkust" and rows[0]["role"] == "recipient"
    assert rows[3]["period"] == "2024-25 budget"
    for row in rows:
        assert row["sentence"] and row["sentence"].strip() == row["sentence"]


@pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in ("nbclient", "nbformat", "ipykernel")),
    reason="make_notebook.py needs nbclient, nbformat and ipykernel: pip install -e '.[notebook]'",
)
@pytest.mark.skipif(
    importlib.util.find_spec("pandas") is None,
    reason="the notebook needs pandas: pip install -e '.[pandas]'",
)
def test_make_notebook_writes_an_executed_notebook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nbformat

    pin_python3_kernel(tmp_path, monkeypatch)  # the subprocess inherits the environment
    output = tmp_path / "quickstart.ipynb"
    out = run("make_notebook.py", str(output), cwd=tmp_path)
    assert out.startswith(f"wrote {output}")
    notebook = nbformat.read(output, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs for cell in code)
    assert not [o for cell in code for o in cell.outputs if o.output_type == "error"]


def test_plot_sectors_without_matplotlib_names_the_extra(tmp_path: Path) -> None:
    """No traceback: the message says how to install the extra, from PyPI and a checkout."""
    block = (
        "import runpy, sys; sys.modules['matplotlib'] = None; "
        f"sys.argv = [{str(EXAMPLES / 'plot_sectors.py')!r}]; "
        "runpy.run_path(sys.argv[0], run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", block],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        "error: plot_sectors.py needs the 'matplotlib' package, from hkpolicy's 'plot' extra: "
        "pip install 'hkpolicy[plot]' (or, in a checkout, pip install -e \".[plot]\")\n"
    )
    page = (PAGES / "plot_sectors.md").read_text(encoding="utf-8")
    assert result.stderr.strip() in page  # the docs show the real message


def test_frames_without_pandas_name_the_extra_in_the_same_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import hkpolicy as hk

    corpus = hk.load_corpus()
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(hk.MissingExtraError) as info:
        corpus.to_frames()
    assert isinstance(info.value, ImportError)
    assert str(info.value) == (
        "Corpus.to_frames() needs the 'pandas' package, from hkpolicy's 'pandas' extra: "
        "pip install 'hkpolicy[pandas]' (or, in a checkout, pip install -e \".[pandas]\")"
    )
    with pytest.raises(hk.MissingExtraError, match=r'pip install -e "\.\[pandas\]"'):
        corpus.tables[0].to_frame()


def test_document_facts_traces_html_and_pdf_amounts(tmp_path: Path) -> None:
    pytest.importorskip("selectolax", reason="needs the html extra")
    pytest.importorskip("pdfplumber", reason="needs the pdf extra")
    pytest.importorskip("reportlab", reason="the test writes its PDF with reportlab")
    from .test_documents import RELEASE, make_pdf

    (tmp_path / "release.html").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "fc-paper.pdf").write_bytes(make_pdf())
    out = run("document_facts.py", "release.html", "fc-paper.pdf", cwd=tmp_path)
    html, pdf = out.split("fc-paper:")
    assert html.startswith("release: html, en, published 2024-03-01, 1 tables, 4 funding facts")
    assert (
        "HKD 402,700,000 -> prp: '402.7' from <tbody:nth-child(2) > tr:nth-child(1) > "
        "td:nth-child(3)> characters 0-5" in html
    )
    assert shown_on_page("document_facts.md", html), "re-run the script and paste its output"
    lines = pdf.strip().splitlines()
    assert lines[0] == "pdf, en, published unknown, 2 tables, 5 funding facts"
    pages = [line.split(" from page ")[1].split()[0] for line in lines[1:]]
    amounts = [line.split(" -> ")[0].strip() for line in lines[1:]]
    assert pages == ["1", "1", "2", "2", "2"]
    assert amounts[2:] == ["HKD 402,700,000", "HKD 118,300,000", "HKD 55,000,000"]
    assert shown_on_page("document_facts.md", "fc-paper:" + pdf), "paste the new output"
