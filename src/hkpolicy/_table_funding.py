"""Funding facts from table rows: a scheme's row under a "Funds Approved (HK$ million)" column.

Owns :func:`table_funding`. A funding column is one whose header reads as money (its unit, such as
"HK$ million" or 百萬港元, makes its cells :class:`~hkpolicy.money.Money`) and names an approval or
a grant (:data:`FUNDING_HEADER_WORDS`). A row whose label names an initiative or an institution
gives one :class:`~hkpolicy.facts.Funding` per money cell in such a column; its ``span`` and
``amount_span`` are the cell's, so the amount traces back to the table (and, for a loaded HTML or
PDF document, to the ``<td>`` or the page and box). A period in the column's header ("2023-24")
becomes the fact's period.
"""

from __future__ import annotations

from collections.abc import Sequence

from .dates import DateMention, FiscalYear, PartialDate
from .entities import Initiative, Institution
from .facts import Funding
from .spans import Span
from .tables import Table

__all__ = ["FUNDING_HEADER_WORDS", "table_funding"]


def __dir__() -> list[str]:
    return __all__


# Words in a money column's header that make its cells funding (lower case; Chinese in both
# scripts). Budget and expenditure columns are spending, not approvals, and are left out.
FUNDING_HEADER_WORDS = (
    "approved", "approval", "funding", "funds", "funded", "grant", "granted", "allocation",
    "allocated", "committed", "subsidy", "subsidies",
    "批出", "批核", "核准", "獲批", "撥款", "資助", "批出款額", "拨款", "资助", "获批",
)  # fmt: skip


def _is_funding_header(header: str) -> bool:
    lowered = header.lower()
    return any(word in lowered for word in FUNDING_HEADER_WORDS)


def _inside(spans: Sequence[Span], outer: Span) -> Span | None:
    for span in spans:
        if outer.start <= span.start and span.end <= outer.end:
            return span
    return None


def _period(dates: Sequence[DateMention], header: Span) -> FiscalYear | int | None:
    for mention in dates:
        if header.start <= mention.span.start and mention.span.end <= header.end:
            if isinstance(mention.value, FiscalYear):
                return mention.value
            if mention.kind == "year" and isinstance(mention.value, PartialDate):
                return mention.value.year
    return None


def table_funding(
    tables: Sequence[Table],
    institutions: Sequence[Institution],
    initiatives: Sequence[Initiative],
    dates: Sequence[DateMention] = (),
    existing: Sequence[Funding] = (),
) -> list[Funding]:
    """Funding facts from the rows of ``tables`` (see the module docstring); an amount already
    in ``existing`` (read from prose inside a cell) is not repeated."""
    taken = {(f.amount_span.start, f.amount_span.end) for f in existing if f.amount_span}
    registered_initiatives = [(i.id, i.mentions) for i in initiatives if i.registered]
    registered_institutions = [(i.id, i.mentions) for i in institutions if i.registered]
    found: list[Funding] = []
    for table in tables:
        columns = [
            index
            for index, unit in enumerate(table.units)
            if index > 0
            and unit is not None
            and unit.kind == "money"
            and unit.currency is not None
            and _is_funding_header(table.header[index].text)
        ]
        if not columns:
            continue
        for row in table.rows:
            label = row[0].span
            initiative = next(
                (id_ for id_, spans in registered_initiatives if _inside(spans, label)), None
            )
            institution = next(
                (id_ for id_, spans in registered_institutions if _inside(spans, label)), None
            )
            if initiative is None and institution is None:
                continue
            for index in columns:
                cell = row[index]
                if cell.money is None or (cell.span.start, cell.span.end) in taken:
                    continue
                found.append(
                    Funding(
                        amount=cell.money,
                        initiative=initiative,
                        institution=institution,
                        role="recipient" if institution and not initiative else None,
                        amount_span=cell.span,
                        period=_period(dates, table.header[index].span),
                        span=cell.span,
                    )
                )
    return found
