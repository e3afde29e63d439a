"""Markdown tables: :func:`find_tables`, the :class:`Table` / :class:`Cell` models and typed cells.

Owns the GFM pipe-table reader (the line scanning lives in :mod:`hkpolicy._table_scanner`), the
reading of each cell as a percentage, money, number, level or text (with the column's unit taken
from its header: "(%)", "HK$ million", "($m)", "(億元)"), the :class:`Level` ordinal scale, and
:func:`sector_stats_from_table`, which turns a sector table into :class:`~hkpolicy.facts.SectorStat`
facts. Every cell keeps the span of its characters, so each value traces back to the text.

No regular expressions are used here: headers and cells are read by splitting and comparing
against the vocabulary tables below, linear in their length.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from ._money_patterns import UNIT_SCALES
from ._numerals import parse_arabic, scaled, to_halfwidth
from ._sector_stat import SectorStat
from ._table_scanner import MAX_AUTOCOMPLETED_CELLS, RawCell, RawTable, scan_tables
from .errors import HKPolicyError, MissingExtraError, UnknownCurrencyError
from .money import KNOWN_CURRENCIES, Money, parse_money, read_unit
from .percent import Percentage, parse_percentage
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
CellKind = Literal["empty", "text", "number", "percentage", "money", "level"]

# ---------------------------------------------------------------------------------------------
# Vocabulary (lower case, half-width). Extend these to read more headers and cells.

# A column header unit that makes every cell a percentage.
PERCENT_UNITS = frozenset({"%", "per cent", "percent", "pct", "百分比", "百分率"})

# Scale words in a header unit -> multiplier ("HK$ million", "($m)", "(億元)", "(HK$'000)"); a
# scale alone ("('000)") makes a number column. Money units, currency and scale together
# ("百萬港元", "港幣千元"), are read by money.read_unit from this same table, so a header and
# find_money agree on what a unit is.
SCALE_UNITS: dict[str, int] = UNIT_SCALES

# Cell contents that mean "no value".
PLACEHOLDERS = frozenset(
    {"-", "–", "—", "--", "n/a", "na", "n.a.", "..", "...", "…", "不適用", "不适用"}
)

# Cell markers that send a cell (in a column without a unit) to parse_percentage / parse_money.
PERCENT_MARKERS = ("%", "per cent", "percent", "百分之")
MONEY_MARKERS = (
    "$",
    "hkd",
    "usd",
    "rmb",
    "cny",
    "eur",
    "gbp",
    "jpy",
    "元",
    "港幣",
    "港币",
    "€",
    "£",
    "¥",
)

# First-column headers that mark a table of sector statistics.
SECTOR_HEADER_WORDS = frozenset(
    {"industry", "industries", "sector", "sectors", "segment", "segments"}
)
SECTOR_HEADER_WORDS_ZH = ("行業", "行业", "產業", "产业", "界別", "界别", "範疇", "領域", "领域")

# Headers longer than this carry no unit or year: a header is a short label, and the cap bounds
# the vocabulary comparisons on hostile input (a 1 MB header cell).
MAX_HEADER_CHARS = 200

_SPACE = " \t"


class Level(enum.IntEnum):
    """An ordered qualitative scale, as tables rate impact, risk or priority.

    ``Level.LOW < Level.MEDIUM < Level.MEDIUM_HIGH < Level.HIGH``. The cell keeps the words as
    written; :data:`LEVEL_WORDS` maps them to a level.

    >>> Level.parse("Medium-High") > Level.MEDIUM
    True
    """

    VERY_LOW = 0
    LOW = 1
    MEDIUM_LOW = 2
    MEDIUM = 3
    MEDIUM_HIGH = 4
    HIGH = 5
    VERY_HIGH = 6

    @classmethod
    def parse(cls, text: str) -> Level | None:
        """The level ``text`` names ("Medium-High", "medium high", "中高"); None otherwise."""
        key = " ".join(text.strip().lower().replace("-", " ").replace("/", " ").split())
        return LEVEL_WORDS.get(key)

    def __str__(self) -> str:
        return self.name.replace("_", "-").title()


# Words for each level, normalised: lower case, "-" and "/" read as spaces, single-spaced.
LEVEL_WORDS: dict[str, Level] = {
    "very low": Level.VERY_LOW, "極低": Level.VERY_LOW, "很低": Level.VERY_LOW,
    "low": Level.LOW, "低": Level.LOW,
    "low medium": Level.MEDIUM_LOW, "medium low": Level.MEDIUM_LOW,
    "中低": Level.MEDIUM_LOW,
    "medium": Level.MEDIUM, "moderate": Level.MEDIUM, "mid": Level.MEDIUM,
    "中": Level.MEDIUM, "中等": Level.MEDIUM,
    "medium high": Level.MEDIUM_HIGH, "high medium": Level.MEDIUM_HIGH,
    "中高": Level.MEDIUM_HIGH,
    "high": Level.HIGH, "高": Level.HIGH,
    "very high": Level.VERY_HIGH, "極高": Level.VERY_HIGH, "很高": Level.VERY_HIGH,
}  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Models


class ColumnUnit(Record):
    """The unit a column header declares for all its cells: "(%)", "HK$ million", "(億元)"."""

    kind: Literal["percent", "money", "number"]
    """Percent; money (a currency, maybe unknown); or a bare scale such as "('000)"."""
    currency: str | None = None
    """ISO 4217 code of a money column; None when the header gives a bare "$" or 元 and no
    ``default_currency`` was passed (the cells then read as numbers, never a guessed currency)."""
    scale: int = 1
    """Multiplier the header states: 1_000_000 for "million", 100_000_000 for 億."""
    text: str
    """The unit as written in the header."""


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

    def _repr_html_(self) -> str:
        from ._html import html_table

        align = list(self.alignments)
        rows = ([cell.text for cell in row] for row in self.rows)
        caption = f"Table at lines {self.lines[0]}-{self.lines[1]} ({len(self.rows)} rows)"
        return html_table([c.text for c in self.header], rows, caption=caption, align=align)

    def to_records(self, *, typed: bool = True) -> list[dict[str, Any]]:
        """The body rows as dicts keyed by :meth:`keys`: typed values (:attr:`Cell.value`), or
        the cell texts with ``typed=False``."""
        keys = self.keys()
        if typed:
            return [dict(zip(keys, (c.value for c in row), strict=True)) for row in self.rows]
        return [dict(zip(keys, (c.text for c in row), strict=True)) for row in self.rows]

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
        data = {
            key: [_scalar(row[index]) if typed else row[index].text for row in self.rows]
            for index, key in enumerate(keys)
        }
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
    tables = []
    for raw in scan_tables(text, strict=strict_gfm, skip=ranges):
        tables.append(_build(text, raw, doc_id, default_currency))
    return tables


def _build(text: str, raw: RawTable, doc_id: str | None, default_currency: str | None) -> Table:
    header = tuple(_plain_cell(text, c, doc_id) for c in raw.header)
    units = tuple(_header_info(c.text, default_currency)[2] for c in header)
    columns: list[list[Cell]] = []
    for index, unit in enumerate(units):
        cells = [
            (row[index], _unescape(text[row[index].start : row[index].end])) for row in raw.rows
        ]
        columns.append(_read_column(text, cells, unit, doc_id))
    rows = tuple(tuple(column[r] for column in columns) for r in range(len(raw.rows)))
    alignments: tuple[Alignment | None, ...] = tuple(raw.alignments)  # type: ignore[arg-type]
    return Table.model_construct(
        header=header,
        rows=rows,
        alignments=alignments,
        span=_span(text, raw.start, raw.end, doc_id),
        lines=(raw.first_line, raw.end_line),
        units=units,
    )


def _span(text: str, start: int, end: int, doc_id: str | None) -> Span:
    return construct_trusted(
        Span, {"doc_id": doc_id, "start": start, "end": end, "text": text[start:end]}
    )


def _unescape(raw: str) -> str:
    return raw.replace("\\|", "|") if "\\|" in raw else raw


def _plain_cell(text: str, raw: RawCell, doc_id: str | None) -> Cell:
    return construct_trusted(
        Cell,
        {
            "text": _unescape(text[raw.start : raw.end]),
            "span": _span(text, raw.start, raw.end, doc_id),
            **_EMPTY_READING,
        },
    )


# ---------------------------------------------------------------------------------------------
# Headers: metric, year and unit


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isascii() and token.isdigit() and 1900 <= int(token) <= 2100


def _parse_unit(token: str, default_currency: str | None) -> ColumnUnit | None:
    """A header unit such as "%", "HK$ million", "$m", "億元", "HK$'000", "million"; else None."""
    written = token.strip(_SPACE)
    unit = to_halfwidth(written).lower().strip(_SPACE)
    if not unit:
        return None
    if unit in PERCENT_UNITS:
        return ColumnUnit(kind="percent", text=written)
    money_unit = read_unit(unit)
    if money_unit is None:
        if unit in SCALE_UNITS:
            return ColumnUnit(kind="number", scale=SCALE_UNITS[unit], text=written)
        return None
    currency, scale = money_unit
    if currency is None and default_currency:
        code = default_currency.strip().upper()
        currency = code if code in KNOWN_CURRENCIES else None
    return ColumnUnit(kind="money", currency=currency, scale=scale, text=written)


def _header_info(
    header: str, default_currency: str | None = None
) -> tuple[str, int | None, ColumnUnit | None]:
    """(metric, year, unit) of a header: "Expected Growth (2024)" -> ("Expected Growth", 2024,
    None); "Adoption Rate (%)" -> ("Adoption Rate", None, percent); "Budget, HK$ million"."""
    metric = header.strip(_SPACE)
    year: int | None = None
    unit: ColumnUnit | None = None
    if len(metric) > MAX_HEADER_CHARS:
        return metric, None, None
    # Trailing parenthesised groups whose every part is a year or a unit: "(2024)", "(%, 2024)".
    for _ in range(2):
        norm = metric.replace("（", "(").replace("）", ")")
        if not norm.endswith(")") or "(" not in norm:
            break
        opening = norm.rindex("(")
        parts = [p.strip(_SPACE) for p in norm[opening + 1 : -1].replace("，", ",").split(",")]
        found_year, found_unit = year, unit
        for part in parts:
            part_unit = _parse_unit(part, default_currency)
            if _is_year(part) and found_year is None:
                found_year = int(part)
            elif part_unit is not None and found_unit is None:
                found_unit = part_unit
            else:
                break
        else:
            year, unit = found_year, found_unit
            metric = metric[:opening].rstrip(_SPACE)
            continue
        break
    # A header that is a money unit and nothing else: "人民幣億元", "HK$ million".
    if unit is None:
        whole = _parse_unit(metric, default_currency)
        if whole is not None and whole.kind == "money":
            unit = whole
    # A unit after the label with no parentheses: "Budget HK$ million", "Spending, HK$m".
    if unit is None:
        words = metric.replace(",", " , ").split()
        for size in (2, 1):
            if len(words) > size:
                candidate = _parse_unit(" ".join(words[-size:]), default_currency)
                if candidate is not None:
                    unit = candidate
                    metric = " ".join(words[:-size]).rstrip(" ,:")
                    break
    # A bare year before or after the label: "2024 Growth", "Growth 2024".
    if year is None:
        words = metric.split()
        if len(words) > 1 and _is_year(words[-1]):
            year, metric = int(words[-1]), " ".join(words[:-1])
        elif len(words) > 1 and _is_year(words[0]):
            year, metric = int(words[0]), " ".join(words[1:])
    return (metric.strip(_SPACE) or header.strip(_SPACE)), year, unit


# ---------------------------------------------------------------------------------------------
# Cells


def _plain_number(text: str) -> Decimal | None:
    """A signed Arabic number ("1,234.5", "-3", "−0.5", "+2"); None otherwise."""
    body = to_halfwidth(text).strip(_SPACE)
    sign = 1
    if body[:1] in ("-", "−", "+"):
        sign = -1 if body[0] != "+" else 1
        body = body[1:].strip(_SPACE)
    value = parse_arabic(body) if body[:1].isdigit() or body[:1] == "." else None
    if value is None:
        return None
    return -value if sign < 0 else value


def _accounting_number(text: str) -> Decimal | None:
    """The magnitude of an accounting negative, "(82,894.9)"; None otherwise."""
    body = text.strip(_SPACE).replace("（", "(").replace("）", ")")
    if len(body) < 3 or body[0] != "(" or body[-1] != ")":
        return None
    inner = _plain_number(body[1:-1])
    return inner if inner is not None and inner >= 0 else None


def _percentage(text: str) -> Percentage | None:
    try:
        return parse_percentage(text)
    except (HKPolicyError, ValueError, ArithmeticError):
        return None


def _money(text: str, default_currency: str | None, scale: int = 1) -> Money | None:
    try:
        return parse_money(text, default_currency=default_currency, scale=scale)
    except (HKPolicyError, ValueError, ArithmeticError):
        return None


_Reading = tuple[CellKind, Decimal | Percentage | Money | None]


def _read_free(content: str) -> tuple[_Reading, Decimal | None]:
    """A cell's reading with no column unit, and its accounting magnitude if it has one."""
    lowered = content.lower()
    if not lowered or lowered in PLACEHOLDERS:
        return ("empty", None), None
    number = _plain_number(content)
    if number is not None:
        return ("number", number), None
    if any(marker in lowered for marker in PERCENT_MARKERS):
        percentage = _percentage(content)
        if percentage is not None:
            return ("percentage", percentage), None
    if any(marker in lowered for marker in MONEY_MARKERS):
        money = _money(content, None)
        if money is not None:
            return ("money", money), None
    return ("text", None), _accounting_number(content)


def _read_with_unit(content: str, unit: ColumnUnit) -> _Reading:
    """A cell under a header unit: bare numbers (and accounting negatives) take the unit."""
    lowered = content.lower()
    if not lowered or lowered in PLACEHOLDERS:
        return "empty", None
    number = _plain_number(content)
    if number is None:
        magnitude = _accounting_number(content)
        number = -magnitude if magnitude is not None else None
    if number is not None:
        if unit.kind == "percent":
            return "percentage", Percentage(value=number)
        full = scaled(number, unit.scale)
        if unit.kind == "money" and unit.currency is not None and full >= 0:
            try:
                return "money", Money(amount=full, currency=unit.currency)
            except (HKPolicyError, ValueError):
                pass  # an unknown currency code passed as default_currency
        return "number", full  # Money is never negative: (82.9) under "HK$ million" is a number
    if unit.kind == "percent" and any(marker in lowered for marker in PERCENT_MARKERS):
        percentage = _percentage(content)
        if percentage is not None:
            return "percentage", percentage
    if unit.kind == "money" and any(marker in lowered for marker in MONEY_MARKERS):
        money = _money(content, unit.currency, unit.scale)
        if money is not None:
            return "money", money
    return "text", None


def _read_column(
    text: str, cells: Sequence[tuple[RawCell, str]], unit: ColumnUnit | None, doc_id: str | None
) -> list[Cell]:
    """Typed cells of one column: the unit (or the column's shape) decides how each reads."""
    readings: list[_Reading] = []
    magnitudes: list[Decimal | None] = []
    for _, content in cells:
        if unit is not None:
            readings.append(_read_with_unit(content, unit))
            magnitudes.append(None)
        else:
            reading, magnitude = _read_free(content)
            readings.append(reading)
            magnitudes.append(magnitude)
    if unit is None:
        _apply_column_shape(cells, readings, magnitudes)
    built = []
    for (raw, content), (kind, value) in zip(cells, readings, strict=True):
        span = _span(text, raw.start, raw.end, doc_id)
        fields: dict[str, Any] = {"text": content, "span": span, **_EMPTY_READING, "kind": kind}
        if kind in _VALUE_FIELD:
            fields[_VALUE_FIELD[kind]] = value
        built.append(construct_trusted(Cell, fields))
    return built


# NOTE: keep in sync with Cell's fields.
_EMPTY_READING: dict[str, Any] = {
    "kind": "text", "number": None, "percentage": None, "money": None, "level": None
}  # fmt: skip
_VALUE_FIELD = {"number": "number", "percentage": "percentage", "money": "money", "level": "level"}


def _apply_column_shape(
    cells: Sequence[tuple[RawCell, str]],
    readings: list[_Reading],
    magnitudes: Sequence[Decimal | None],
) -> None:
    """Accounting negatives in a numeric column; levels in a column made only of levels."""
    kinds = [kind for kind, _ in readings if kind != "empty"]
    if not kinds:
        return
    accounting = sum(1 for m in magnitudes if m is not None)
    numeric = [k for k in kinds if k in ("number", "percentage", "money")]
    if accounting and numeric and len(numeric) + accounting == len(kinds):
        for index, magnitude in enumerate(magnitudes):
            if magnitude is not None:
                readings[index] = ("number", -magnitude)
        return
    if all(kind == "text" for kind in kinds):
        levels = [Level.parse(content) for _, content in cells]
        if all(
            level is not None
            for level, (kind, _) in zip(levels, readings, strict=True)
            if kind != "empty"
        ):
            for index, level in enumerate(levels):
                if level is not None:
                    readings[index] = ("level", level)  # type: ignore[assignment]


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
            metric, year, _ = _header_info(table.header[index].text)
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
                SectorStat(
                    sector=sector,
                    metric=metric,
                    value=cell.percentage,
                    year=year,
                    source="table",
                    span=cell.span,
                )
            )
    return stats
