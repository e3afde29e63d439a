"""Typed output of ``hkpolicy extract``: one row per mention or fact (``--format jsonl`` and
``csv``), and amounts in the currency ``--currency`` asks for (also in ``--format json``).

Owns :data:`RECORD_COLUMNS`, the conversion of an amount at the linked rate (or the note saying
why there is none), and the columns of a period (its first and last day).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from .extraction import Extraction
    from .facts import Funding
    from .money import Money
    from .percent import Percentage
    from .spans import Span

__all__ = [
    "NO_RATE",
    "RECORD_COLUMNS",
    "TOO_LARGE",
    "extraction_json",
    "in_currency",
    "typed_records",
    "write_typed_records",
]


def __dir__() -> list[str]:
    return __all__


# The columns of ``extract --format csv`` and the keys of each jsonl line. Invariant: these
# are the fields of hkpolicy.schema.ExtractRecord, in order (tests/test_output_schema.py
# checks). Written out because reading them from the model would make the command line import
# the whole library to start.
RECORD_COLUMNS = (
    "type", "start", "end", "text", "value",
    "amount", "amount_max", "currency", "qualifier", "per",
    "converted_amount", "converted_currency", "conversion_note",
    "id", "name", "initiative", "institution",
    "period", "period_start", "period_end",
)  # fmt: skip


# Why an amount asked for in --currency has no converted value.
NO_RATE = "no rate"  # only HKD and USD are linked
TOO_LARGE = "too large to convert"  # AmountOverflowError


def in_currency(money: Money, currency: str | None) -> tuple[Money | None, str | None]:
    """``money`` in ``currency`` at the linked rate, or why not (a note); ``(None, None)`` when
    no currency is asked for or it is the money's own."""
    from .errors import AmountOverflowError

    if currency is None or money.currency == currency:
        return None, None
    if {money.currency, currency} != {"HKD", "USD"}:
        return None, NO_RATE
    try:
        return money.to(currency), None
    except AmountOverflowError:
        return None, TOO_LARGE


def funding_in(fact: Funding, currency: str | None) -> tuple[Money | None, str | None]:
    """A funding amount in ``currency``: the text's own paired figure where it wrote one."""
    if fact.converted is not None and fact.converted.currency == currency:
        return fact.converted, None
    return in_currency(fact.amount, currency)


def extraction_json(extraction: Extraction, currency: str | None) -> str:
    """The Extraction's JSON; with ``currency``, a ``converted`` list is added at the end."""
    text = extraction.model_dump_json(indent=2)
    if currency is None:
        return text
    pairs: list[tuple[str, Span, tuple[Money | None, str | None]]] = [
        ("money", m.span, in_currency(m.money, currency)) for m in extraction.money
    ]
    pairs += [("funding", f.span, funding_in(f, currency)) for f in extraction.funding]
    items = [
        {
            "type": kind,
            "start": span.start,
            "end": span.end,
            "money": None if target is None else target.model_dump(mode="json"),
            "note": note,
        }
        for kind, span, (target, note) in pairs
        if target is not None or note is not None
    ]
    body = json.dumps(items, indent=2).replace("\n", "\n  ")
    return text[: text.rstrip().rindex("}")].rstrip() + f',\n  "converted": {body}\n}}'


def money_columns(money: Money, conversion: tuple[Money | None, str | None]) -> dict[str, Any]:
    target, note = conversion
    return {
        "amount": str(money.amount),
        "amount_max": None if money.amount_max is None else str(money.amount_max),
        "currency": money.currency,
        "qualifier": money.qualifier.value,
        "per": money.per,
        "converted_amount": None if target is None else str(target.amount),
        "converted_currency": None if target is None else target.currency,
        "conversion_note": note,
    }


def percentage_columns(value: Percentage) -> dict[str, Any]:
    """A percentage in the money columns: the value as ``amount``, its unit as ``currency``."""
    return {
        "amount": str(value.value),
        "amount_max": None if value.value_max is None else str(value.value_max),
        "currency": "%" if value.unit == "percent" else "pp",
        "qualifier": value.qualifier.value,
    }


def period_columns(value: object) -> dict[str, Any]:
    """``period``, ``period_start``, ``period_end`` of a date, fiscal year, range or year."""
    from .dates import DateRange, FiscalYear, PartialDate

    if value is None:
        return {}
    if isinstance(value, FiscalYear):
        first, last = value.start, value.end
    elif isinstance(value, PartialDate):
        first, last = value.first_day, value.last_day
    elif isinstance(value, DateRange):
        first, last = value.start.first_day, value.end.last_day
    elif isinstance(value, int):
        first, last = dt.date(value, 1, 1), dt.date(value, 12, 31)
    else:
        return {"period": str(value)}
    return {"period": str(value), "period_start": first.isoformat(), "period_end": last.isoformat()}


def typed_records(extraction: Extraction, currency: str | None) -> list[dict[str, Any]]:
    """One row per mention or fact, in text order, each with every column of RECORD_COLUMNS."""
    rows: list[dict[str, Any]] = []

    def add(kind: str, span: Span, value: str, **columns: Any) -> None:
        row = dict.fromkeys(RECORD_COLUMNS)
        row.update(type=kind, start=span.start, end=span.end, text=span.text, value=value)
        row.update(columns)
        rows.append(row)

    for m in extraction.money:
        add(
            "money",
            m.span,
            str(m.money),
            **money_columns(m.money, in_currency(m.money, currency)),
        )
    for p in extraction.percentages:
        add("percentage", p.span, str(p.percentage), **percentage_columns(p.percentage))
    for d in extraction.dates:
        shown = f"{d.kind} {d.value if d.value is not None else '(unresolved)'}"
        add("date", d.span, shown, **period_columns(d.value))
    for kind, entities in (
        ("institution", extraction.institutions),
        ("initiative", extraction.initiatives),
    ):
        for entity in entities:
            for span in entity.mentions:
                add(kind, span, entity.id, id=entity.id, name=entity.name, **{kind: entity.id})
    for f in extraction.funding:
        who = " / ".join(x for x in (f.initiative, f.institution) if x) or (f.purpose or "")
        add(
            "funding",
            f.span,
            f"{f.amount} -> {who}",
            **money_columns(f.amount, funding_in(f, currency)),
            initiative=f.initiative,
            institution=f.institution,
            **period_columns(f.period),
        )
    for s in extraction.sector_stats:
        value = s.value
        add(
            "sector_stat",
            s.span,
            f"{s.sector}: {s.metric} {value}",
            **percentage_columns(value),
            name=s.sector,
            institution=s.source_institution,
            **period_columns(s.year),
        )
    for u in extraction.unparsed:
        add("unparsed", u.span, u.reason)
    rows.sort(key=lambda r: (r["start"], r["type"]))
    return rows


def write_typed_records(rows: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=RECORD_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
