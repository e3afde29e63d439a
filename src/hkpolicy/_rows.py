"""Mentions and facts flattened to rows: each record's plain values, by column name.

Owns the one flattening that the facts store's tables (:mod:`hkpolicy.store`), the corpus
DataFrames and CSV files (:mod:`hkpolicy._frames`) and the Dask records
(:mod:`hkpolicy.dask`) select their columns from. Values stay
as the models hold them (``Decimal`` amounts, ``None`` where absent); a period is its text, with
the start year of a fiscal year and a calendar year beside it. Each consumer chooses its columns
and how it writes a ``Decimal`` (the store as an exact DECIMAL and text, the frames as a
``Decimal`` with a float beside).

:func:`extraction_values` walks one extraction in the store's table order; the per-record
functions serve callers that walk merged collections (a corpus's entities) themselves.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .dates import FiscalYear

if TYPE_CHECKING:
    from .dates import DateMention
    from .entities import Initiative, Institution
    from .extraction import Extraction, UnparsedNumber
    from .facts import Funding, SectorStat
    from .money import MoneyMention
    from .percent import PercentMention
    from .spans import Span
    from .tables import Table

__all__ = [
    "Values",
    "date_values",
    "entity_values",
    "extraction_values",
    "funding_values",
    "located",
    "money_values",
    "percentage_values",
    "sector_stat_values",
    "table_values",
    "text_or_none",
    "unparsed_values",
]


def __dir__() -> list[str]:
    return __all__


Values = dict[str, Any]
"""One record's values by column name."""


def text_or_none(value: object) -> str | None:
    """``str(value)``, or None for None: how an exact number or a period is written as text."""
    return None if value is None else str(value)


def located(span: Span) -> Values:
    """``start``, ``end`` and ``text`` of a span."""
    return {"start": span.start, "end": span.end, "text": span.text}


def money_values(mention: MoneyMention) -> Values:
    """A money mention: its amount, the text's paired figure in another currency, the peg check."""
    money, paired = mention.money, mention.paired
    return {
        "amount": money.amount,
        "amount_max": money.amount_max,
        "currency": money.currency,
        "qualifier": money.qualifier.value,
        "per": money.per,
        "currency_source": mention.currency_source,
        "paired": None if paired is None else paired.amount,
        "paired_currency": None if paired is None else paired.currency,
        "peg_check": mention.peg,
    }


def percentage_values(mention: PercentMention) -> Values:
    """A percentage mention."""
    value = mention.percentage
    return {
        "value": value.value,
        "value_max": value.value_max,
        "unit": value.unit,
        "qualifier": value.qualifier.value,
        "direction": mention.direction,
    }


def date_values(mention: DateMention) -> Values:
    """A date mention; ``value`` as text."""
    return {
        "kind": mention.kind,
        "value": text_or_none(mention.value),
        "precision": mention.precision,
        "anchor": mention.anchor,
        "resolved": mention.resolved,
    }


def entity_values(entity: Institution | Initiative) -> Values:
    """An institution or initiative (the same for each of its mentions); ``owner`` is an
    initiative's owner, None for an institution."""
    return {
        "entity_id": entity.id,
        "name": entity.name,
        "name_zh": entity.name_zh,
        "acronym": entity.acronym,
        "kind": entity.kind,
        "owner": getattr(entity, "owner", None),
        "registered": entity.registered,
    }


def funding_values(fact: Funding) -> Values:
    """A funding fact: the amount's span within the clause (and its offsets), the amount, the
    text's own figure in the other currency (``converted``), who and what for, the period."""
    amount, period, converted = fact.amount, fact.period, fact.converted
    return {
        "amount_span": fact.amount_span,
        "amount_start": None if fact.amount_span is None else fact.amount_span.start,
        "amount_end": None if fact.amount_span is None else fact.amount_span.end,
        "amount": amount.amount,
        "amount_max": amount.amount_max,
        "currency": amount.currency,
        "qualifier": amount.qualifier.value,
        "per": amount.per,
        "converted": None if converted is None else converted.amount,
        "converted_currency": None if converted is None else converted.currency,
        "peg_check": fact.peg_check,
        "initiative": fact.initiative,
        "institution": fact.institution,
        "role": fact.role,
        "purpose": fact.purpose,
        "period": text_or_none(period),
        "fiscal_year": period.start_year if isinstance(period, FiscalYear) else None,
        "year": period if isinstance(period, int) else None,
    }


def sector_stat_values(stat: SectorStat) -> Values:
    """A sector statistic."""
    value = stat.value
    return {
        "sector": stat.sector,
        "metric": stat.metric,
        "value": value.value,
        "value_max": value.value_max,
        "unit": value.unit,
        "qualifier": value.qualifier.value,
        "year": stat.year,
        "source": stat.source,
        "source_institution": stat.source_institution,
    }


def table_values(table: Table) -> Values:
    """A table: its line range, its size, the header's texts and the body's as JSON."""
    return {
        "line_begin": table.lines[0],
        "line_end": table.lines[1],
        "n_rows": len(table.rows),
        "n_columns": len(table.header),
        "header": [cell.text for cell in table.header],
        "rows_json": json.dumps(
            [[cell.text for cell in row] for row in table.rows], ensure_ascii=False
        ),
    }


def unparsed_values(number: UnparsedNumber) -> Values:
    """A number nothing could read, and why."""
    return {"reason": number.reason}


def extraction_values(extraction: Extraction) -> Iterator[tuple[str, Span, Values]]:
    """``(collection, span, values)`` for every mention and fact of one extraction, collection
    by collection (money, percentages, dates, tables, institutions, initiatives, funding,
    sector_stats, unparsed), each in the extraction's order; an entity once per mention."""
    for money in extraction.money:
        yield "money", money.span, money_values(money)
    for percent in extraction.percentages:
        yield "percentages", percent.span, percentage_values(percent)
    for date in extraction.dates:
        yield "dates", date.span, date_values(date)
    for table in extraction.tables:
        yield "tables", table.span, table_values(table)
    for name, entities in (
        ("institutions", extraction.institutions),
        ("initiatives", extraction.initiatives),
    ):
        for entity in entities:
            values = entity_values(entity)
            for span in entity.mentions:
                yield name, span, values
    for fact in extraction.funding:
        yield "funding", fact.span, funding_values(fact)
    for stat in extraction.sector_stats:
        yield "sector_stats", stat.span, sector_stat_values(stat)
    for number in extraction.unparsed:
        yield "unparsed", number.span, unparsed_values(number)
