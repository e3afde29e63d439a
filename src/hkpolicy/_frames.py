"""pandas DataFrames of a corpus's facts (the optional ``pandas`` extra).

Owns the flat row shape of each fact type: ``doc_id``, ``start``, ``end`` and ``text`` of its span,
then its values, then ``complete``. Amounts and percentages stay ``Decimal`` (object columns), with
a ``*_float`` column beside for plotting.

A scan that stopped early is never mistaken for a complete one: every row of a document whose
extraction has warnings has ``complete`` False, and the ``warnings`` frame holds one row per
warning (``start`` and ``end`` 0, ``text`` empty, ``warning`` the message), so a document with
nothing found shows up there too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .dates import FiscalYear
from .errors import MissingExtraError
from .spans import Span

if TYPE_CHECKING:
    from .corpus import Corpus
    from .facts import Funding
    from .money import Money

__all__ = ["INTEGER_COLUMNS", "corpus_frames", "corpus_rows"]


def __dir__() -> list[str]:
    return __all__


# Columns of a frame that is often empty, so that it keeps its shape with no rows.
_COLUMNS = {"warnings": ["doc_id", "start", "end", "text", "warning", "complete"]}


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise MissingExtraError("pandas", "pandas", "Corpus.to_frames()") from error
    return pandas


def _where(span: Span) -> dict[str, Any]:
    return {"doc_id": span.doc_id, "start": span.start, "end": span.end, "text": span.text}


def _period(value: FiscalYear | int | None) -> str | None:
    return None if value is None else str(value)


def corpus_frames(corpus: Corpus) -> dict[str, Any]:
    """One DataFrame per fact type, from :func:`corpus_rows`."""
    pandas = _pandas()
    frames = {
        name: pandas.DataFrame(records, columns=_COLUMNS.get(name) if not records else None)
        for name, records in corpus_rows(corpus).items()
    }
    for frame in frames.values():
        for column in INTEGER_COLUMNS & set(frame.columns):
            # Nullable integers: a missing year is <NA>, not NaN turning 2024 into 2024.0.
            frame[column] = frame[column].astype("Int64")
    return frames


# Columns holding whole numbers that may be missing.
INTEGER_COLUMNS = frozenset({"year"})


def _converted(fact: Funding) -> tuple[Money | None, bool]:
    """The funding amount in the other currency of the HKD/USD pair, and whether the text wrote
    it: the text's own bracketed figure where there is one, else the linked-rate conversion
    (:meth:`Money.to`), as ``hkpolicy summary`` shows it. None for other currencies."""
    if fact.converted is not None:
        return fact.converted, True
    other = {"HKD": "USD", "USD": "HKD"}.get(fact.amount.currency)
    if other is None:
        return None, False
    return fact.amount.to(other), False


def corpus_rows(corpus: Corpus) -> dict[str, list[dict[str, Any]]]:
    """Flat rows per fact type (no pandas needed): the shape of the DataFrames and CSV files."""
    rows: dict[str, list[dict[str, Any]]] = {
        "funding": [],
        "sector_stats": [],
        "money": [],
        "percentages": [],
        "dates": [],
        "institutions": [],
        "initiatives": [],
        "unparsed": [],
        "warnings": [],
    }
    for fact in corpus.funding:
        converted, as_written = _converted(fact)
        rows["funding"].append(
            {
                **_where(fact.amount_span or fact.span),
                "amount": fact.amount.amount,
                "amount_float": float(fact.amount.amount),
                "currency": fact.amount.currency,
                "qualifier": fact.amount.qualifier.value,
                "per": fact.amount.per,
                "converted_amount": converted.amount if converted else None,
                "converted_currency": converted.currency if converted else None,
                "converted_as_written": as_written,
                "peg_check": fact.peg_check,
                "initiative": fact.initiative,
                "institution": fact.institution,
                "role": fact.role,
                "purpose": fact.purpose,
                "period": _period(fact.period),
            }
        )
    for stat in corpus.sector_stats:
        rows["sector_stats"].append(
            {
                **_where(stat.span),
                "sector": stat.sector,
                "metric": stat.metric,
                "value": stat.value.value,
                "value_float": float(stat.value.value),
                "qualifier": stat.value.qualifier.value,
                "year": stat.year,
                "source": stat.source,
                "source_institution": stat.source_institution,
            }
        )
    for extraction in corpus.extractions:
        for money in extraction.money:
            rows["money"].append(
                {
                    **_where(money.span),
                    "amount": money.money.amount,
                    "amount_float": float(money.money.amount),
                    "amount_max": money.money.amount_max,
                    "currency": money.money.currency,
                    "qualifier": money.money.qualifier.value,
                    "per": money.money.per,
                    "currency_source": money.currency_source,
                }
            )
        for percent in extraction.percentages:
            rows["percentages"].append(
                {
                    **_where(percent.span),
                    "value": percent.percentage.value,
                    "value_float": float(percent.percentage.value),
                    "value_max": percent.percentage.value_max,
                    "unit": percent.percentage.unit,
                    "qualifier": percent.percentage.qualifier.value,
                    "direction": percent.direction,
                }
            )
        for date in extraction.dates:
            rows["dates"].append(
                {
                    **_where(date.span),
                    "kind": date.kind,
                    "value": None if date.value is None else str(date.value),
                    "precision": date.precision,
                    "anchor": date.anchor,
                    "resolved": date.resolved,
                }
            )
        for number in extraction.unparsed:
            rows["unparsed"].append({**_where(number.span), "reason": number.reason})
    for name, entities in (
        ("institutions", corpus.institutions),
        ("initiatives", corpus.initiatives),
    ):
        for entity in entities:
            for span in entity.mentions:
                rows[name].append(
                    {
                        **_where(span),
                        "id": entity.id,
                        "name": entity.name,
                        "registered": entity.registered,
                    }
                )
    for extraction in corpus.extractions:
        for message in extraction.warnings:
            rows["warnings"].append(
                {"doc_id": extraction.doc_id, "start": 0, "end": 0, "text": "", "warning": message}
            )
    incomplete = {e.doc_id for e in corpus.extractions if e.warnings}
    for records in rows.values():
        for record in records:
            record["complete"] = record["doc_id"] not in incomplete
    return rows
