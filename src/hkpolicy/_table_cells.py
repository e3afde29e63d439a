"""How a table's headers and cells read: header units, years and metrics, and typed cells.

Owns the vocabulary of table headers and cells (percent units, scale words, placeholders, the
markers that send a cell to :func:`~hkpolicy.percent.parse_percentage` or
:func:`~hkpolicy.money.parse_money`), the :class:`Level` ordinal scale, the :class:`ColumnUnit`
a header declares, and :class:`CellReader`, which reads headers and cells into plain readings
(a kind and a value). :mod:`hkpolicy.tables` turns those readings into
:class:`~hkpolicy.tables.Cell` models with spans.

No regular expressions are used here: headers and cells are read by splitting and comparing
against the vocabulary tables below, linear in their length. Tables repeat their headers and
many of their cells, so a :class:`CellReader` reads each distinct text once per scan.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Literal, NamedTuple

from ._lexicon import KNOWN_CURRENCIES, UNIT_SCALES, header_unit
from ._numerals import parse_arabic, scaled, to_halfwidth
from .errors import HKPolicyError
from .money import Money, parse_money
from .percent import Percentage, parse_percentage
from .spans import Qualifier, Record, construct_trusted

__all__ = [
    "LEVEL_WORDS",
    "MAX_HEADER_CHARS",
    "MONEY_MARKERS",
    "PERCENT_MARKERS",
    "PERCENT_UNITS",
    "PLACEHOLDERS",
    "SCALE_UNITS",
    "CellKind",
    "CellReader",
    "CellReading",
    "ColumnUnit",
    "HeaderInfo",
    "Level",
    "column_money",
    "read_column_unit",
    "read_header",
]


def __dir__() -> list[str]:
    return __all__


CellKind = Literal["empty", "text", "number", "percentage", "money", "level"]

# ---------------------------------------------------------------------------------------------
# Vocabulary (lower case, half-width). Extend these to read more headers and cells.

# A column header unit that makes every cell a percentage.
PERCENT_UNITS = frozenset({"%", "per cent", "percent", "pct", "百分比", "百分率"})

# Scale words in a header unit -> multiplier ("HK$ million", "($m)", "(億元)", "(HK$'000)"): the
# lexicon's table. A scale alone ("('000)") makes a number column; a money unit, currency and
# scale together ("百萬港元", "港幣千元", "人民幣億元"), is read by the lexicon's header_unit, the
# one reader money.money_unit_of uses too, so a column and find_money agree on what a unit is.
SCALE_UNITS: Mapping[str, int] = UNIT_SCALES

# Cell contents that mean "no value".
PLACEHOLDERS = frozenset(
    {"-", "–", "—", "--", "n/a", "na", "n.a.", "..", "...", "…", "不適用", "不适用"}
)

# Cell markers that send a cell (in a column without a unit) to parse_percentage / parse_money.
PERCENT_MARKERS = ("%", "per cent", "percent", "百分之")
MONEY_MARKERS = (
    "$", "hkd", "usd", "rmb", "cny", "eur", "gbp", "jpy", "元", "港幣", "港币", "€", "£", "¥",
)  # fmt: skip

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


class HeaderInfo(NamedTuple):
    """What a column header says: its label, a year, and the unit of its cells."""

    metric: str
    year: int | None
    unit: ColumnUnit | None


class CellReading(NamedTuple):
    """How one cell reads: its kind and its value (None for text and empty cells)."""

    kind: CellKind
    value: Decimal | Percentage | Money | Level | None


_EMPTY = CellReading("empty", None)
_TEXT = CellReading("text", None)


# ---------------------------------------------------------------------------------------------
# Headers: metric, year and unit


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isascii() and token.isdigit() and 1900 <= int(token) <= 2100


def read_column_unit(token: str, default_currency: str | None) -> ColumnUnit | None:
    """A header unit such as "%", "HK$ million", "$m", "億元", "HK$'000", "million"; else None.

    A money unit is read by :func:`hkpolicy._lexicon.header_unit`, as
    :func:`hkpolicy.money.money_unit_of` reads it; a bare "$" or 元 takes ``default_currency``."""
    written = token.strip(_SPACE)
    unit = to_halfwidth(written).lower().strip(_SPACE)
    if not unit:
        return None
    if unit in PERCENT_UNITS:
        return ColumnUnit(kind="percent", text=written)
    money_unit = header_unit(unit)
    if money_unit is None:
        if unit in SCALE_UNITS:
            return ColumnUnit(kind="number", scale=SCALE_UNITS[unit], text=written)
        return None
    currency, scale = money_unit
    if currency is None and default_currency:
        code = default_currency.strip().upper()
        currency = code if code in KNOWN_CURRENCIES else None
    return ColumnUnit(kind="money", currency=currency, scale=int(scale), text=written)


def _bracketed_tail(
    metric: str, default_currency: str | None
) -> tuple[str, int | None, ColumnUnit | None]:
    """Trailing parenthesised groups whose every part is a year or a unit: "(2024)", "(%, 2024)"
    (at most two groups), taken off ``metric``."""
    year: int | None = None
    unit: ColumnUnit | None = None
    for _ in range(2):
        norm = metric.replace("（", "(").replace("）", ")")
        if not norm.endswith(")") or "(" not in norm:
            break
        opening = norm.rindex("(")
        parts = [p.strip(_SPACE) for p in norm[opening + 1 : -1].replace("，", ",").split(",")]
        found_year, found_unit = year, unit
        for part in parts:
            part_unit = read_column_unit(part, default_currency)
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
    return metric, year, unit


def _trailing_unit(metric: str, default_currency: str | None) -> tuple[str, ColumnUnit | None]:
    """A unit after the label with no parentheses: "Budget HK$ million", "Spending, HK$m"."""
    words = metric.replace(",", " , ").split()
    for size in (2, 1):
        if len(words) > size:
            candidate = read_column_unit(" ".join(words[-size:]), default_currency)
            if candidate is not None:
                return " ".join(words[:-size]).rstrip(" ,:"), candidate
    return metric, None


def read_header(header: str, default_currency: str | None = None) -> HeaderInfo:
    """(metric, year, unit) of a header: "Expected Growth (2024)" -> ("Expected Growth", 2024,
    None); "Adoption Rate (%)" -> ("Adoption Rate", None, percent); "Budget, HK$ million"."""
    metric = header.strip(_SPACE)
    if len(metric) > MAX_HEADER_CHARS:
        return HeaderInfo(metric, None, None)
    metric, year, unit = _bracketed_tail(metric, default_currency)
    # A header that is a money unit and nothing else: "人民幣億元", "HK$ million".
    if unit is None:
        whole = read_column_unit(metric, default_currency)
        if whole is not None and whole.kind == "money":
            unit = whole
    if unit is None:
        metric, unit = _trailing_unit(metric, default_currency)
    # A bare year before or after the label: "2024 Growth", "Growth 2024".
    if year is None:
        words = metric.split()
        if len(words) > 1 and _is_year(words[-1]):
            year, metric = int(words[-1]), " ".join(words[:-1])
        elif len(words) > 1 and _is_year(words[0]):
            year, metric = int(words[0]), " ".join(words[1:])
    return HeaderInfo(metric.strip(_SPACE) or header.strip(_SPACE), year, unit)


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


def _read_free(content: str) -> tuple[CellReading, Decimal | None]:
    """A cell's reading with no column unit, and its accounting magnitude if it has one."""
    lowered = content.lower()
    if not lowered or lowered in PLACEHOLDERS:
        return _EMPTY, None
    number = _plain_number(content)
    if number is not None:
        return CellReading("number", number), None
    if any(marker in lowered for marker in PERCENT_MARKERS):
        percentage = _percentage(content)
        if percentage is not None:
            return CellReading("percentage", percentage), None
    if any(marker in lowered for marker in MONEY_MARKERS):
        money = _money(content, None)
        if money is not None:
            return CellReading("money", money), None
    return _TEXT, _accounting_number(content)


def _number_with_unit(number: Decimal, unit: ColumnUnit) -> CellReading:
    """A bare number (or accounting negative) under a header unit, which it takes."""
    if unit.kind == "percent":
        return CellReading("percentage", Percentage(value=number))
    full = scaled(number, unit.scale)
    if unit.kind == "money" and unit.currency is not None and full >= 0:
        money = column_money(full, unit.currency)
        if money is not None:  # None: an unknown currency code passed as default_currency
            return CellReading("money", money)
    return CellReading("number", full)  # Money is never negative: (82.9) under "HK$ million"


def column_money(amount: Decimal, currency: str) -> Money | None:
    """``Money(amount=amount, currency=currency)`` for an amount that is not negative, built
    without validation but with its checks (a finite amount, -0 read as 0, a known currency
    code); None where validation would refuse it. Its fields set is the one every such Money
    shares, not a set of its own."""
    code = currency.strip().upper()
    if code not in KNOWN_CURRENCIES or not amount.is_finite() or amount < 0:
        return None
    return construct_trusted(
        Money,
        {
            "amount": amount.copy_abs() if amount.is_zero() else amount,
            "currency": code,
            "qualifier": Qualifier.EXACT,
            "amount_max": None,
            "per": None,
        },
        _AMOUNT_AND_CURRENCY,
    )


_AMOUNT_AND_CURRENCY = ("amount", "currency")


def _read_with_unit(content: str, unit: ColumnUnit) -> CellReading:
    """A cell under a header unit: bare numbers (and accounting negatives) take the unit."""
    lowered = content.lower()
    if not lowered or lowered in PLACEHOLDERS:
        return _EMPTY
    number = _plain_number(content)
    if number is None:
        magnitude = _accounting_number(content)
        number = -magnitude if magnitude is not None else None
    if number is not None:
        return _number_with_unit(number, unit)
    if unit.kind == "percent" and any(marker in lowered for marker in PERCENT_MARKERS):
        percentage = _percentage(content)
        if percentage is not None:
            return CellReading("percentage", percentage)
    if unit.kind == "money" and any(marker in lowered for marker in MONEY_MARKERS):
        money = _money(content, unit.currency, unit.scale)
        if money is not None:
            return CellReading("money", money)
    return _TEXT


def _apply_column_shape(
    contents: Sequence[str],
    readings: list[CellReading],
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
                readings[index] = CellReading("number", -magnitude)
        return
    if all(kind == "text" for kind in kinds):
        levels = []
        for content, (kind, _) in zip(contents, readings, strict=True):
            level = Level.parse(content)
            if level is None and kind != "empty":
                return  # a text cell naming no level: not a column of levels
            levels.append(level)
        for index, level in enumerate(levels):
            if level is not None:
                readings[index] = CellReading("level", level)


class CellReader:
    """Reads the headers and cells of the tables of one scan, each distinct text once.

    Readings are immutable values, so a cell text repeated down a column or across tables
    shares one reading. The memo lives as long as the reader: one scan of one text.
    """

    def __init__(self, default_currency: str | None) -> None:
        self.default_currency = default_currency
        self._headers: dict[str, HeaderInfo] = {}
        self._free: dict[str, tuple[CellReading, Decimal | None]] = {}
        self._with_unit: dict[tuple[str, str, str | None, int], CellReading] = {}
        self._units: dict[tuple[str, ...], tuple[ColumnUnit | None, ...]] = {}

    def header(self, text: str) -> HeaderInfo:
        """:func:`read_header` of ``text`` with this scan's default currency."""
        info = self._headers.get(text)
        if info is None:
            info = self._headers[text] = read_header(text, self.default_currency)
        return info

    def units(self, headers: tuple[str, ...]) -> tuple[ColumnUnit | None, ...]:
        """Each header's unit: one tuple shared by every table with these headers (tuples are
        immutable, and a table per repeated header row needs no tuple of its own)."""
        units = self._units.get(headers)
        if units is None:
            units = self._units[headers] = tuple(self.header(text).unit for text in headers)
        return units

    def column(self, contents: Sequence[str], unit: ColumnUnit | None) -> list[CellReading]:
        """Readings of one column's cells: the unit (or the column's shape) decides each."""
        if unit is not None:
            memo = self._with_unit
            readings = []
            for content in contents:
                key = (content, unit.kind, unit.currency, unit.scale)
                reading = memo.get(key)
                if reading is None:
                    reading = memo[key] = _read_with_unit(content, unit)
                readings.append(reading)
            return readings
        free = self._free
        pairs = []
        for content in contents:
            pair = free.get(content)
            if pair is None:
                pair = free[content] = _read_free(content)
            pairs.append(pair)
        readings = [reading for reading, _ in pairs]
        _apply_column_shape(contents, readings, [magnitude for _, magnitude in pairs])
        return readings
