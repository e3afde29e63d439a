"""Markdown tables: :func:`find_tables` and the :class:`Table` / :class:`Cell` models.

Owns the GFM pipe-table reader (the line scanning lives in :mod:`hkpolicy._table_scanner`, the
reading of headers and cells in :mod:`hkpolicy._table_cells`), the building of a :class:`Table`
from scanned offsets (:func:`build_table`, shared with :mod:`hkpolicy.text_tables`), and
:func:`sector_stats_from_table`, which turns a sector table into
:class:`~hkpolicy.facts.SectorStat` facts. Every cell keeps the span of its characters, so each
value traces back to the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from ._lexicon import KNOWN_CURRENCIES
from ._sector_stat import SectorStat, sector_stat
from ._table_cells import (
    LEVEL_WORDS,  # noqa: F401  (the vocabulary of headers and cells, importable from here)
    MAX_HEADER_CHARS,  # noqa: F401
    MONEY_MARKERS,  # noqa: F401
    PERCENT_MARKERS,  # noqa: F401
    PERCENT_UNITS,  # noqa: F401
    PLACEHOLDERS,  # noqa: F401
    SCALE_UNITS,  # noqa: F401
    CellKind,
    CellReader,
    CellReading,
    ColumnUnit,
    Level,
    read_header,
)
from ._table_scanner import MAX_AUTOCOMPLETED_CELLS, RawTable, scan_tables
from .errors import MissingExtraError, UnknownCurrencyError
from .money import Money
from .percent import Percentage
from .spans import Record, Span, check_optional_str, check_text, construct_trusted

if TYPE_CHECKING:
    import pandas

__all__ = [
    "MAX_AUTOCOMPLETED_CELLS",
    "Alignment",
    "Cell",
    "CellKind",
    "ColumnUnit",
    "Level",
    "Table",
    "find_tables",
    "sector_stats_from_table",
]


def __dir__() -> list[str]:
    return __all__


Alignment = Literal["left", "center", "right"]

# Words in a first-column header that mark a table of sector statistics.
SECTOR_HEADER_WORDS = frozenset(
    {"industry", "industries", "sector", "sectors", "segment", "segments"}
)
SECTOR_HEADER_WORDS_ZH = ("行業", "行业", "產業", "产业", "界別", "界别", "範疇", "領域", "领域")


# ---------------------------------------------------------------------------------------------
# Models


class Cell(Record):
    """One table cell: its text as written (trimmed), where it stands, and its typed reading."""

    text: str
    """The cell's content with surrounding spaces removed and ``\\|`` unescaped.

    Inline Markdown (``**bold**``, `` `code` ``, links) is kept as written."""
    span: Span
    """The trimmed cell content in the source text, escapes included, so ``span.text`` differs
    from ``text`` only by ``\\|`` -> ``|``. A blank cell has an empty span just after the pipe
    that opens it; a cell the row lacked (padding) has an empty span at the end of the row."""
    kind: CellKind = "text"
    """How the cell reads: see :attr:`value`."""
    number: Decimal | None = None
    """A number cell's value, in full units (a "('000)" header multiplies it)."""
    percentage: Percentage | None = None
    """A percentage cell's value ("58%", or "58" under a "(%)" header)."""
    money: Money | None = None
    """A money cell's value ("HK$5 million", or "82.9" under a "HK$ million" header)."""
    level: Level | None = None
    """A level cell's value, in a column whose every cell names a level ("Medium-High")."""

    @property
    def value(self) -> Decimal | Percentage | Money | Level | str | None:
        """The typed value: Decimal, Percentage, Money, Level, the text itself, or None if empty."""
        if self.kind == "number":
            return self.number
        if self.kind == "percentage":
            return self.percentage
        if self.kind == "money":
            return self.money
        if self.kind == "level":
            return self.level
        return None if self.kind == "empty" else self.text


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
    units: tuple[ColumnUnit | None, ...] = ()
    """Each column's unit from its header; None where the header states none."""
    confidence: float = 1.0
    """How sure the reader is of the columns: 1.0 for a pipe table (its delimiter row fixes
    them); below 1 for a table recognised in plain text by
    :func:`hkpolicy.text_tables.find_text_tables`."""

    def column(self, index: int) -> tuple[Cell, ...]:
        """The body cells of column ``index``."""
        return tuple(row[index] for row in self.rows)

    def keys(self) -> list[str]:
        """Record keys: header texts; a blank header is ``column_<n>`` (1-based) and a repeated
        one gets ``.1``, ``.2`` (as pandas does)."""
        keys: list[str] = []
        seen: dict[str, int] = {}
        for number, cell in enumerate(self.header, 1):
            key = cell.text or f"column_{number}"
            if key in seen:
                seen[key] += 1
                key = f"{key}.{seen[key]}"
            else:
                seen[key] = 0
            keys.append(key)
        return keys

    def text_rows(self, *, header: bool = False) -> list[list[str]]:
        """The cell texts row by row: the body, or with ``header=True`` the header row first.
        The one flattening behind the text records, frames and HTML view of a table (and the
        facts store's ``header`` and ``rows_json`` columns)."""
        rows = (self.header, *self.rows) if header else self.rows
        return [[cell.text for cell in row] for row in rows]

    def _repr_html_(self) -> str:
        from ._html import html_table

        header, *rows = self.text_rows(header=True)
        caption = f"Table at lines {self.lines[0]}-{self.lines[1]} ({len(self.rows)} rows)"
        return html_table(header, rows, caption=caption, align=list(self.alignments))

    def to_records(self, *, typed: bool = True) -> list[dict[str, Any]]:
        """The body rows as dicts keyed by :meth:`keys`: typed values (:attr:`Cell.value`), or
        the cell texts with ``typed=False``."""
        keys = self.keys()
        if typed:
            return [dict(zip(keys, (c.value for c in row), strict=True)) for row in self.rows]
        return [dict(zip(keys, row, strict=True)) for row in self.text_rows()]

    def to_frame(self, *, typed: bool = True) -> pandas.DataFrame:
        """The body as a pandas DataFrame (the ``pandas`` extra), one column per header cell.

        Typed columns hold exact values, never floats: a percentage or money cell gives its
        Decimal (``percentage.value`` / ``money.amount``), a level its :class:`Level`, a number
        its Decimal; blank cells are None. ``typed=False`` gives the cell texts.

        :raises MissingExtraError: when pandas is not installed (an ImportError).
        """
        try:
            import pandas
        except ImportError as error:
            raise MissingExtraError("pandas", "pandas", "Table.to_frame()") from error
        keys = self.keys()
        rows = [[_scalar(c) for c in row] for row in self.rows] if typed else self.text_rows()
        data = {key: [row[index] for row in rows] for index, key in enumerate(keys)}
        frame: pandas.DataFrame = pandas.DataFrame(data, columns=keys, dtype=object)
        return frame


def _scalar(cell: Cell) -> Decimal | Level | str | None:
    if cell.percentage is not None:
        return cell.percentage.value
    if cell.money is not None:
        return cell.money.amount
    value = cell.value
    return value if not isinstance(value, Percentage | Money) else None


# ---------------------------------------------------------------------------------------------
# find_tables


def find_tables(
    text: str,
    *,
    doc_id: str | None = None,
    strict_gfm: bool = False,
    skip: Iterable[Span | tuple[int, int]] = (),
    default_currency: str | None = None,
) -> list[Table]:
    """Every GFM pipe table in ``text``, in order, with spans, alignments and typed cells.

    Follows the GFM spec's table extension, with one departure unless ``strict_gfm`` is set: a
    line with no unescaped pipe ends the table (scraped text glues prose under a table).
    Lines that overlap a ``skip`` range (spans or ``(start, end)`` pairs, e.g. boilerplate) are
    not read. ``default_currency`` is the ISO code a bare "$" or 元 in a header means.
    Never raises on any ``str``.

    >>> [t.header[0].text for t in find_tables("| Sector | Share (%) |\\n|---|--:|\\n| ICT | 12 |")]
    ['Sector']
    """
    check_text("find_tables", text)
    check_optional_str("find_tables", "doc_id", doc_id)
    check_optional_str("find_tables", "default_currency", default_currency)
    if default_currency is not None and default_currency.strip().upper() not in KNOWN_CURRENCIES:
        raise UnknownCurrencyError(default_currency)
    ranges = [(s.start, s.end) if isinstance(s, Span) else (s[0], s[1]) for s in skip]
    reader = CellReader(default_currency)
    return [
        build_table(text, raw, doc_id=doc_id, reader=reader)
        for raw in scan_tables(text, strict=strict_gfm, skip=ranges)
    ]


def build_table(
    text: str,
    raw: RawTable,
    *,
    doc_id: str | None,
    reader: CellReader,
    confidence: float = 1.0,
) -> Table:
    """The :class:`Table` of one scanned table: its cells read by ``reader`` (one per scan, so
    repeated headers and cells are read once), its spans into ``text``."""
    header = tuple(
        _cell(text=_unescape(text[c.start : c.end]), span=_span(text, c.start, c.end, doc_id))
        for c in raw.header
    )
    units = reader.units(tuple(cell.text for cell in header))
    columns: list[list[Cell]] = []
    for index, unit in enumerate(units):
        cells = [row[index] for row in raw.rows]
        contents = [_unescape(text[c.start : c.end]) for c in cells]
        readings = reader.column(contents, unit)
        columns.append(
            [
                _cell(text=content, span=_span(text, c.start, c.end, doc_id), reading=reading)
                for c, content, reading in zip(cells, contents, readings, strict=True)
            ]
        )
    return _table(
        header=header,
        rows=tuple(zip(*columns, strict=True)) if columns else tuple(() for _ in raw.rows),
        alignments=tuple(raw.alignments),  # type: ignore[arg-type]
        span=_span(text, raw.start, raw.end, doc_id),
        lines=(raw.first_line, raw.end_line),
        units=units,
        confidence=confidence,
    )


def _unescape(raw: str) -> str:
    return raw.replace("\\|", "|") if "\\|" in raw else raw


# ---------------------------------------------------------------------------------------------
# Builders: models of values valid by construction, tested against validation


def _span(text: str, start: int, end: int, doc_id: str | None) -> Span:
    return construct_trusted(
        Span, {"doc_id": doc_id, "start": start, "end": end, "text": text[start:end]}
    )


_NO_READING = CellReading("text", None)


def _cell(*, text: str, span: Span, reading: CellReading = _NO_READING) -> Cell:
    """A cell of unescaped ``text`` at ``span``; ``reading`` fills the one value field its kind
    names (text and empty cells have none)."""
    kind, value = reading
    return construct_trusted(
        Cell,
        {
            "text": text,
            "span": span,
            "kind": kind,
            "number": value if kind == "number" else None,
            "percentage": value if kind == "percentage" else None,
            "money": value if kind == "money" else None,
            "level": value if kind == "level" else None,
        },
    )


def _table(
    *,
    header: tuple[Cell, ...],
    rows: tuple[tuple[Cell, ...], ...],
    alignments: tuple[Alignment | None, ...],
    span: Span,
    lines: tuple[int, int],
    units: tuple[ColumnUnit | None, ...],
    confidence: float,
) -> Table:
    return construct_trusted(
        Table,
        {
            "header": header,
            "rows": rows,
            "alignments": alignments,
            "span": span,
            "lines": lines,
            "units": units,
            "confidence": confidence,
        },
    )


# ---------------------------------------------------------------------------------------------
# Sector statistics


def _is_sector_header(header: str) -> bool:
    lowered = header.lower()
    words = "".join(c if c.isalnum() else " " for c in lowered).split()
    return any(word in SECTOR_HEADER_WORDS for word in words) or any(
        word in header for word in SECTOR_HEADER_WORDS_ZH
    )


def sector_stats_from_table(table: Table) -> list[SectorStat]:
    """One :class:`~hkpolicy.facts.SectorStat` per (row, percentage column) of a sector table.

    A sector table's first header names sectors or industries ("Industry", "Sector", 行業) and
    at least one other column holds only percentages. The metric and year come from that
    column's header ("Expected Growth (2024)" -> metric "Expected Growth", year 2024); the span
    is the value cell's. Any other table gives ``[]``: nothing is invented from it.
    """
    if len(table.header) < 2 or not _is_sector_header(table.header[0].text):
        return []
    columns = []
    for index in range(1, len(table.header)):
        kinds = [cell.kind for cell in table.column(index) if cell.kind != "empty"]
        if kinds and all(kind == "percentage" for kind in kinds):
            metric, year, _ = read_header(table.header[index].text)
            columns.append((index, metric, year))
    stats = []
    for row in table.rows:
        sector = row[0].text
        if row[0].kind == "empty":
            continue
        for index, metric, year in columns:
            cell = row[index]
            if cell.percentage is None:
                continue
            stats.append(
                sector_stat(
                    sector=sector,
                    metric=metric,
                    value=cell.percentage,
                    year=year,
                    source="table",
                    source_institution=None,
                    span=cell.span,
                    clause=None,
                )
            )
    return stats
