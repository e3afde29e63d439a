"""Plain-text output of the command line: rows aligned in terminal columns, and the summary.

Owns the display width of text (a CJK character takes two columns), cutting a cell to a width,
and the text form of ``hkpolicy summary``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

from ._version import __version__

__all__ = ["TEXT_COLUMNS", "clipped", "format_summary", "grouped", "width", "write_rows"]


def __dir__() -> list[str]:
    return __all__


# Widest text cell of the extract table, in terminal columns (a CJK character takes two).
TEXT_COLUMNS = 48


def format_summary(summary: dict[str, Any], out: TextIO) -> None:
    documents = summary["documents"]
    out.write(f"hkpolicy {__version__}: bundled seed corpus, {len(documents)} documents\n\n")
    rows: list[tuple[str, ...]] = [
        ("id", "words", "boilerplate", "published", "publisher / author", "title")
    ]
    for d in documents:
        byline = " / ".join(x for x in (d["publisher"], d["author"]) if x) or "-"
        title = (d["title"] or "-") + (" [assigned]" if d["title_assigned"] else "")
        rows.append(
            (
                d["id"],
                str(d["words"]),
                str(d["boilerplate_spans"]),
                d["published"] or "-",
                byline,
                title,
            )
        )
    write_rows(rows, out, indent="")
    out.write("\nfacts:\n")
    for name, count in summary["facts"].items():
        shown = "not extracted yet" if count is None else str(count)
        out.write(f"  {name.replace('_', ' ')}: {shown}\n")
    if summary["pending_extractors"]:
        pending = ", ".join(summary["pending_extractors"])
        out.write(f"\nextractors not yet in this release: {pending}\n")
    if summary["funding"]:
        out.write("\nfunding (US$ at the linked rate 7.80 unless written in the text):\n")
        rows = [("doc", "amount as written", "HK$", "US$", "initiative / institution", "period")]
        for f in summary["funding"]:
            who = " / ".join(x for x in (f["initiative"], f["institution"]) if x) or "-"
            usd = grouped(f["usd"]) + ("" if f["usd_as_written"] else "*")
            row = (f["doc_id"][:3], f["amount"], grouped(f["hkd"]), usd, who, f["period"] or "-")
            rows.append(row)
        write_rows(rows, out)
        out.write("  * converted by hkpolicy; the others are the text's own figures\n")
    if summary["sector_stats"]:
        out.write("\nsector statistics:\n")
        rows = [("doc", "sector", "metric", "value", "year", "source")]
        for s in summary["sector_stats"]:
            source = s["source_institution"] or s["source"]
            year = str(s["year"] or "-")
            rows.append((s["doc_id"][:3], s["sector"], s["metric"], s["value"], year, source))
        write_rows(rows, out)
    if summary["top_institutions"]:
        out.write("\ntop institutions:\n")
        rows = [("id", "name", "mentions", "documents")]
        for i in summary["top_institutions"]:
            rows.append((i["id"], i["name"], str(i["mentions"]), str(i["documents"])))
        write_rows(rows, out)


def grouped(number: str | None) -> str:
    if number is None:
        return "-"
    whole, dot, fraction = number.partition(".")
    return f"{int(whole):,}" + (dot + fraction if dot else "")


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def write_rows(rows: Sequence[Sequence[str]], out: TextIO, *, indent: str = "  ") -> None:
    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(row[:-1])]
        out.write(indent + "  ".join([*cells, row[-1]]).rstrip() + "\n")


def clipped(text: str, columns: int = TEXT_COLUMNS) -> str:
    """``text`` cut to ``columns`` terminal columns (display width), with "..." if cut."""
    if width(text) <= columns:
        return text
    kept, used = [], 3
    for char in text:
        used += width(char)
        if used > columns:
            break
        kept.append(char)
    return "".join(kept) + "..."
