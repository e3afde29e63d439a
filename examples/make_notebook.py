"""Write examples/quickstart.ipynb with nbformat and execute it with nbclient to save its outputs.

    pip install -e ".[notebook,pandas]"
    python examples/make_notebook.py [OUTPUT.ipynb]   # default: examples/quickstart.ipynb

The notebook is generated rather than edited by hand, so its cells stay reviewable in this file
and every saved output comes from a real run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOK = Path(__file__).with_name("quickstart.ipynb")
# A sentence in the style of a Chinese government press release (the notebook's own example).
RELEASE = "創新科技署今日公布，政府在2025-26年度預留20億元，資助香港科技園公司推動人工智能研發。"

CELLS: list[tuple[str, str]] = [
    (
        "md",
        """# hkpolicy quickstart

A tour of the bundled corpus, your own text, and pandas. Every value hkpolicy returns is exact
(`Decimal`, never float) and carries the span of text it came from.""",
    ),
    (
        "md",
        "## The corpus\n\nFive web articles about AI in Hong Kong, checked against their SHA-256.",
    ),
    (
        "code",
        """import hkpolicy as hk
from hkpolicy.extraction import extract

corpus = hk.load_corpus()
corpus""",
    ),
    (
        "code",
        """for doc in corpus.documents:
    print(f"{doc.id}  {doc.word_count:>5} words  {doc.publisher or '-':<25} {doc.title}")""",
    ),
    (
        "md",
        """Scraped pages carry boilerplate: advertisement slots, reading-time notices, captions,
bylines. hkpolicy marks it with spans and never edits the text, so every offset stays valid.""",
    ),
    (
        "code",
        """doc = corpus["004_d8a9956017bf6413"]
for item in doc.boilerplate:
    print(f"{item.kind:<14} {item.span.start:>5}-{item.span.end:<5} {item.span.text[:60]!r}")

span = doc.boilerplate[1].span
assert doc.text[span.start : span.end] == span.text""",
    ),
    (
        "md",
        """## Funding in HK\\$ and US\\$

Where a text gives the US-dollar figure ("HK\\$24 billion (US\\$3.07 billion)") it is kept as
written; otherwise the amount is converted at the linked rate, 7.80 HKD per USD.""",
    ),
    (
        "code",
        """import pandas as pd


def in_usd(fact):
    if fact.converted is not None and fact.converted.currency == "USD":
        return fact.converted.amount, "as written"
    return fact.amount.to("USD").amount.quantize(1), "at 7.80"


rows = []
for fact in corpus.funding:
    usd, how = in_usd(fact)
    rows.append(
        {
            "doc": fact.span.doc_id[:3],
            "as written": fact.amount_span.text if fact.amount_span else str(fact.amount),
            "HK$": fact.amount.to("HKD").amount,
            "US$": usd,
            "US$ source": how,
            "bound": fact.amount.qualifier.value,
            "for": fact.initiative or fact.institution or fact.purpose,
        }
    )
pd.DataFrame(rows)""",
    ),
    (
        "md",
        """## Your own text

A paragraph in the style of a Budget Speech: a bare `$` means Hong Kong dollars, and
"2025-26" is a fiscal year (1 April 2025 to 31 March 2026).""",
    ),
    (
        "code",
        """speech = (
    "For 2025-26, I propose to inject $1.5 billion into the Innovation and Technology Fund "
    "to support applied research in artificial intelligence. I will also provide up to "
    "$300 million to Cyberport over three years to nurture AI start-ups."
)
result = extract(speech)
result""",
    ),
    (
        "code",
        """for fact in result.funding:
    usd = fact.amount.to("USD")  # exact Decimal; rounded here only for display
    print(f"{fact.amount}  (about US${usd.amount:,.0f})")
    print(f"  initiative={fact.initiative} institution={fact.institution} role={fact.role}")
    print(f"  period={fact.period}  from: {fact.span.text!r}")""",
    ),
    (
        "md",
        """A sentence in the style of a Chinese government press release: 億 is 10^8, and 元 in a
Hong Kong release is Hong Kong dollars. Institutions are found by their Chinese names.""",
    ),
    (
        "code",
        f'release = "{RELEASE}"\npd.DataFrame(extract(release).to_records(currency="USD"))',
    ),
    (
        "md",
        """## DataFrames

`corpus.to_frames()` gives one DataFrame per fact type. Amounts stay `Decimal`, with a float
column beside them for plotting; `doc_id`, `start` and `end` point back into the text.""",
    ),
    (
        "code",
        """frames = corpus.to_frames()
{name: frame.shape for name, frame in frames.items()}""",
    ),
    ("code", """frames["sector_stats"].head()"""),
    (
        "md",
        """## A table from seed 003

Markdown tables come back with typed cells: percentages, money and levels, not strings.""",
    ),
    (
        "code",
        """table = corpus.extraction("003_3e9965c52c1f6ff9").tables[0]
print(table.lines, [cell.text for cell in table.header])
table.to_frame()""",
    ),
]


def build() -> nbformat.NotebookNode:
    notebook = new_notebook(
        cells=[
            new_markdown_cell(source) if kind == "md" else new_code_cell(source)
            for kind, source in CELLS
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number:02d}"  # stable ids keep diffs of the saved file small
    return notebook


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else NOTEBOOK
    notebook = build()
    NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=300,
        resources={"metadata": {"path": str(output.resolve().parent)}},
    ).execute()
    nbformat.validate(notebook)
    nbformat.write(notebook, output)
    print(f"wrote {output} ({len(notebook.cells)} cells, executed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
