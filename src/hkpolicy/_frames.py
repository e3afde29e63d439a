"""pandas DataFrames of a corpus's facts (the optional ``pandas`` extra).

Owns the columns of each frame (:data:`FRAME_COLUMNS`): ``doc_id``, ``start``, ``end`` and
``text`` of its span, then values chosen from the one flattening of :mod:`hkpolicy._rows`, then
``complete``. Amounts and percentages stay ``Decimal`` (object columns), with a ``*_float``
column beside for plotting. A funding row's conversion is the text's own figure where it wrote
one, else the linked-rate conversion.

A scan that stopped early is never mistaken for a complete one: every row of a document whose
extraction has warnings has ``complete`` False, and the ``warnings`` frame holds one row per
warning (``start`` and ``end`` 0, ``text`` empty, ``warning`` the message), so a document with
nothing found shows up there too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from ._rows import (
    Values,
    date_values,
    entity_values,
    funding_values,
    money_values,
    percentage_values,
    sector_stat_values,
    unparsed_values,
)
from .errors import MissingExtraError

if TYPE_CHECKING:
    from .entities import Initiative, Institution
    from .extraction import Extraction
    from .facts import Funding, SectorStat
    from .money import Money
    from .spans import Span

__all__ = ["FRAME_COLUMNS", "INTEGER_COLUMNS", "FactsSource", "corpus_frames", "corpus_rows"]


def __dir__() -> list[str]:
    return __all__


class FactsSource(Protocol):
    """What the frames are made from: a :class:`~hkpolicy.corpus.Corpus`, or anything with its
    fact collections."""

    @property
    def funding(self) -> Sequence[Funding]: ...
    @property
    def sector_stats(self) -> Sequence[SectorStat]: ...
    @property
    def institutions(self) -> Sequence[Institution]: ...
    @property
    def initiatives(self) -> Sequence[Initiative]: ...
    @property
    def extractions(self) -> Sequence[Extraction]: ...


FRAME_COLUMNS: dict[str, tuple[str, ...]] = {
    "funding": (
        "amount",
        "amount_float",
        "currency",
        "qualifier",
        "per",
        "converted_amount",
        "converted_currency",
        "converted_as_written",
        "peg_check",
        "initiative",
        "institution",
        "role",
        "purpose",
        "period",
    ),
    "sector_stats": (
        "sector",
        "metric",
        "value",
        "value_float",
        "qualifier",
        "year",
        "source",
        "source_institution",
    ),
    "money": (
        "amount",
        "amount_float",
        "amount_max",
        "currency",
        "qualifier",
        "per",
        "currency_source",
    ),
    "percentages": ("value", "value_float", "value_max", "unit", "qualifier", "direction"),
    "dates": ("kind", "value", "precision", "anchor", "resolved"),
    "institutions": ("id", "name", "registered"),
    "initiatives": ("id", "name", "registered"),
    "unparsed": ("reason",),
}
"""The columns of each frame after ``doc_id``, ``start``, ``end`` and ``text`` (and before
``complete``), taken from the values of :mod:`hkpolicy._rows`. A column ``x_float`` is value
``x`` as a float, for plotting; ``id`` is the entity's id."""

FLOAT_SUFFIX = "_float"
RENAMED = {"id": "entity_id"}
"""Frame columns named otherwise than the value they hold."""


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


def _row(name: str, span: Span, values: Values) -> dict[str, Any]:
    """One row of frame ``name``: where, then :data:`FRAME_COLUMNS` from ``values``."""
    row = _where(span)
    for column in FRAME_COLUMNS[name]:
        if column.endswith(FLOAT_SUFFIX):
            row[column] = float(values[column.removesuffix(FLOAT_SUFFIX)])
        else:
            row[column] = values[RENAMED.get(column, column)]
    return row


def corpus_frames(corpus: FactsSource) -> dict[str, Any]:
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


def _funding_values(fact: Funding) -> Values:
    """A funding fact's values, with the frame's conversion in place of the text's own."""
    converted, as_written = _converted(fact)
    return {
        **funding_values(fact),
        "converted_amount": converted.amount if converted else None,
        "converted_currency": converted.currency if converted else None,
        "converted_as_written": as_written,
    }


def corpus_rows(corpus: FactsSource) -> dict[str, list[dict[str, Any]]]:
    """Flat rows per fact type (no pandas needed): the shape of the DataFrames and CSV files."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in FRAME_COLUMNS}
    rows["warnings"] = []
    for fact in corpus.funding:
        rows["funding"].append(
            _row("funding", fact.amount_span or fact.span, _funding_values(fact))
        )
    for stat in corpus.sector_stats:
        rows["sector_stats"].append(_row("sector_stats", stat.span, sector_stat_values(stat)))
    for extraction in corpus.extractions:
        for money in extraction.money:
            rows["money"].append(_row("money", money.span, money_values(money)))
        for percent in extraction.percentages:
            rows["percentages"].append(
                _row("percentages", percent.span, percentage_values(percent))
            )
        for date in extraction.dates:
            rows["dates"].append(_row("dates", date.span, date_values(date)))
        for number in extraction.unparsed:
            rows["unparsed"].append(_row("unparsed", number.span, unparsed_values(number)))
    for name, entities in (
        ("institutions", corpus.institutions),
        ("initiatives", corpus.initiatives),
    ):
        for entity in entities:
            values = entity_values(entity)
            rows[name] += [_row(name, span, values) for span in entity.mentions]
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
