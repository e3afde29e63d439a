"""Compact HTML tables for Jupyter: the ``_repr_html_`` of Corpus, Extraction and Table.

Owns the markup only; the rows come from the models themselves. Every value is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

__all__ = ["html_table"]


def __dir__() -> list[str]:
    return __all__


# Rows shown before a table is cut, so a large extraction does not flood a notebook.
MAX_HTML_ROWS = 60


def html_table(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    caption: str | None = None,
    align: Sequence[str | None] | None = None,
) -> str:
    """One HTML ``<table>`` with an optional caption; rows beyond MAX_HTML_ROWS are counted."""
    parts = ["<table>"]
    if caption:
        parts.append(f"<caption style='text-align:left'>{escape(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr></thead>")
    parts.append("<tbody>")
    shown = 0
    hidden = 0
    for row in rows:
        if shown >= MAX_HTML_ROWS:
            hidden += 1
            continue
        cells = []
        for index, value in enumerate(row):
            style = f" style='text-align:{align[index]}'" if align and align[index] else ""
            cells.append(f"<td{style}>{escape('' if value is None else str(value))}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
        shown += 1
    if hidden:
        parts.append(f"<tr><td colspan='{len(header)}'>… {hidden} more rows</td></tr>")
    parts.append("</tbody></table>")
    return "".join(parts)
