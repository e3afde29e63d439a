"""Markdown tables: the :class:`Table` and :class:`Cell` models, and (in later work) find_tables."""

from __future__ import annotations

from typing import Literal

from .spans import Record, Span

__all__ = ["Alignment", "Cell", "Table"]


def __dir__() -> list[str]:
    return __all__


Alignment = Literal["left", "center", "right"]


class Cell(Record):
    """One table cell: its text as written (trimmed) and where it stands in the source."""

    text: str
    """The cell's content with surrounding spaces removed and ``\\|`` unescaped."""
    span: Span
    """The trimmed cell content in the source text (empty at the cell's position when blank)."""


class Table(Record):
    """A GFM pipe table found in a text, with its place in that text."""

    header: tuple[Cell, ...]
    """The header row's cells."""
    rows: tuple[tuple[Cell, ...], ...]
    """The body rows, each with exactly as many cells as the header."""
    alignments: tuple[Alignment | None, ...]
    """Each column's alignment from the delimiter row; None where none is set."""
    span: Span
    """The whole table, from the first character of the header line to the end of the last row."""
    lines: tuple[int, int]
    """The table's line range in the source: 0-based, half open."""
