"""The facts store's layout: its tables, their columns and types, in DuckDB and in Arrow.

Owns :data:`TABLES` (every table's ``(column, type)`` pairs), the DDL that creates them, the
Arrow schema each table's rows are packed in, the DECIMAL precision and scales, and how an exact
number goes into a DECIMAL column (:func:`fitting_decimal`: exactly, or not at all). DuckDB and
pyarrow come from the ``store`` extra and are imported only when a function here needs them.
"""

from __future__ import annotations

import importlib
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any

from .errors import MissingExtraError

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "COLUMN_TYPES",
    "DECIMAL_PRECISION",
    "FACT_TABLES",
    "MONEY_SCALE",
    "PERCENT_SCALE",
    "SCALES",
    "SCHEMA_VERSION",
    "TABLES",
    "arrow_schema",
    "create_statements",
    "fitting_decimal",
    "require",
]


def __dir__() -> list[str]:
    return __all__


SCHEMA_VERSION = 1
"""Stored in the ``meta`` table; a store written with another layout is refused, not mixed."""

MONEY_SCALE = 6
"""Decimal places of money ``DECIMAL(38, 6)`` columns: a millionth of a dollar, 32 digits before
the point (far beyond any budget)."""
PERCENT_SCALE = 10
"""Decimal places of percentage ``DECIMAL(38, 10)`` columns."""
DECIMAL_PRECISION = 38

SCALES = {"money": MONEY_SCALE, "percent": PERCENT_SCALE}
"""The column types held as DECIMAL, and their scales."""


# Column types, by short name: (Arrow type factory, DuckDB type).
COLUMN_TYPES: dict[str, tuple[str, str]] = {
    "str": ("string", "VARCHAR"),
    "int": ("int64", "BIGINT"),
    "bool": ("bool_", "BOOLEAN"),
    "date": ("date32", "DATE"),
    "money": ("money", f"DECIMAL({DECIMAL_PRECISION}, {MONEY_SCALE})"),
    "percent": ("percent", f"DECIMAL({DECIMAL_PRECISION}, {PERCENT_SCALE})"),
    "strs": ("strs", "VARCHAR[]"),
}

_SPAN = (("start", "int"), ("end", "int"), ("text", "str"))

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", "str"),
        ("format", "str"),
        ("file_sha256", "str"),
        ("sha256", "str"),
        ("bytes", "int"),
        ("chars", "int"),
        ("language", "str"),
        ("title", "str"),
        ("publisher", "str"),
        ("author", "str"),
        ("published", "date"),
        ("default_currency", "str"),
        ("facts", "int"),
        ("hkpolicy_version", "str"),
    ),
    "money": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("amount", "money"),
        ("amount_exact", "str"),
        ("amount_max", "money"),
        ("amount_max_exact", "str"),
        ("currency", "str"),
        ("qualifier", "str"),
        ("per", "str"),
        ("currency_source", "str"),
        ("paired_exact", "str"),
        ("paired_currency", "str"),
        ("peg_check", "str"),
    ),
    "percentages": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("value", "percent"),
        ("value_exact", "str"),
        ("value_max", "percent"),
        ("value_max_exact", "str"),
        ("unit", "str"),
        ("qualifier", "str"),
        ("direction", "str"),
    ),
    "dates": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("kind", "str"),
        ("value", "str"),
        ("precision", "str"),
        ("anchor", "str"),
        ("resolved", "bool"),
    ),
    "institutions": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("entity_id", "str"),
        ("name", "str"),
        ("name_zh", "str"),
        ("acronym", "str"),
        ("kind", "str"),
        ("registered", "bool"),
    ),
    "initiatives": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("entity_id", "str"),
        ("name", "str"),
        ("name_zh", "str"),
        ("acronym", "str"),
        ("kind", "str"),
        ("owner", "str"),
        ("registered", "bool"),
    ),
    "funding": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("amount_start", "int"),
        ("amount_end", "int"),
        ("amount", "money"),
        ("amount_exact", "str"),
        ("amount_max", "money"),
        ("amount_max_exact", "str"),
        ("currency", "str"),
        ("qualifier", "str"),
        ("converted_exact", "str"),
        ("converted_currency", "str"),
        ("peg_check", "str"),
        ("initiative", "str"),
        ("institution", "str"),
        ("role", "str"),
        ("purpose", "str"),
        ("period", "str"),
        ("fiscal_year", "int"),
        ("year", "int"),
    ),
    "sector_stats": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("sector", "str"),
        ("metric", "str"),
        ("value", "percent"),
        ("value_exact", "str"),
        ("value_max", "percent"),
        ("value_max_exact", "str"),
        ("unit", "str"),
        ("qualifier", "str"),
        ("year", "int"),
        ("source", "str"),
        ("source_institution", "str"),
    ),
    "tables": (
        ("doc_id", "str"),
        ("seq", "int"),
        *_SPAN,
        ("line_begin", "int"),
        ("line_end", "int"),
        ("n_rows", "int"),
        ("n_columns", "int"),
        ("header", "strs"),
        ("rows_json", "str"),
    ),
    "unparsed": (("doc_id", "str"), ("seq", "int"), *_SPAN, ("reason", "str")),
    "warnings": (("doc_id", "str"), ("seq", "int"), ("message", "str")),
}
"""Every table of a store: name -> ``(column, type)`` pairs. Every table but ``documents`` has
``doc_id`` and ``seq`` (the order within the document) and, for mentions and facts, the span.
``funding``'s span is its clause; ``amount_start``/``amount_end`` point at the amount.
``fiscal_year`` is the start year of a fiscal-year period, ``year`` a calendar-year one.
``tables.rows_json`` is the body's cell texts as a JSON list of lists."""

FACT_TABLES = tuple(name for name in TABLES if name not in ("documents", "warnings"))
"""The tables a document's fact count adds up."""


def require(module: str) -> Any:
    """The module ``module`` of the store extra.

    :raises MissingExtraError: it is not installed.
    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError("store", module, "The facts store") from error


def arrow_schema(name: str) -> pyarrow.Schema:
    """The Arrow schema of table ``name``'s rows."""
    pa = require("pyarrow")
    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "bool_": pa.bool_(),
        "date32": pa.date32(),
        "money": pa.decimal128(DECIMAL_PRECISION, MONEY_SCALE),
        "percent": pa.decimal128(DECIMAL_PRECISION, PERCENT_SCALE),
        "strs": pa.list_(pa.string()),
    }
    return pa.schema([(column, types[COLUMN_TYPES[kind][0]]) for column, kind in TABLES[name]])


def create_statements() -> list[str]:
    """The DDL of every table, and of ``meta`` and ``problems``."""
    statements = [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        "CREATE TABLE IF NOT EXISTS problems (path VARCHAR, doc_id VARCHAR, message VARCHAR)",
    ]
    for name, columns in TABLES.items():
        body = ", ".join(f'"{column}" {COLUMN_TYPES[kind][1]}' for column, kind in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {name} ({body})")
    return statements


def fitting_decimal(value: Decimal | None, scale: int) -> Decimal | None:
    """``value`` when DECIMAL(38, scale) holds it exactly, else None (never rounded)."""
    if value is None or not value.is_finite():
        return None
    with localcontext() as context:
        context.prec = 200
        _, digits, exponent = value.normalize().as_tuple()
    if (
        not isinstance(exponent, int)
        or exponent < -scale
        or len(digits) + exponent > DECIMAL_PRECISION - scale
    ):
        return None
    return value
