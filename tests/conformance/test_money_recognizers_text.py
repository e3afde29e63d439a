"""Recognizers-Text CurrencyModel specs (kind money, English and Chinese), read in place.

Selection (``select``): money rows whose expected currency hkpolicy supports (HKD, USD, CNY,
EUR, GBP, JPY, SGD, TWD, MOP) or a bare dollar (unit "Dollar", no ISO code), that have an
expected amount, and that RT's reference implementation (dotnet) supports. Left out: rows with
no amount (a currency word alone, "人民币": a Money always has an amount), rows expecting no
match (they test RT's number model, not currencies), and other currencies.

A case passes when :func:`find_money` finds, at the expected text (its span overlaps
``input[start:end+1]``), the expected amount and currency. For a bare dollar the currency is not
compared; the mention must say it came from the ``default`` or ``context``.

Hong Kong conventions: hkpolicy reads 元 and ``$`` as the document's currency, HKD in Hong Kong
text. RT's English specs are US newswire and its Chinese specs Mainland text, so these runs
pass ``default_currency="USD"`` (en) and ``"CNY"`` (zh): the Mainland sentences keep 元 as CNY,
as they should. Within an English text that defaults to USD, a bare 元 still reads as CNY.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hkpolicy.money import find_money

from ._peers import Row, peer_params

SUPPORTED = {"HKD", "USD", "CNY", "EUR", "GBP", "JPY", "SGD", "TWD", "MOP"}


def select(row: Row) -> bool:
    if row["kind"] != "money" or row["expect_no_match"] or row["amount"] is None:
        return False
    if "dotnet" in (row["not_supported"] or []):
        return False
    return row["currency"] in SUPPORTED or (row["currency"] is None and row["unit"] == "Dollar")


def case_id(row: Row) -> str:
    return f"rt-{row['lang']}-{row['case_index']}-{row['result_index']}"


@pytest.mark.parametrize(
    "row",
    peer_params(
        "money-recognizers-text",
        "recognizers-text/cases.jsonl",
        select=select,
        case_id=case_id,
    ),
)
def test_recognizers_text_money(row: Row) -> None:
    default = "USD" if row["lang"] == "en" else "CNY"
    found = find_money(row["input"], default_currency=default)
    assert found.complete
    start, end = row["start"], row["end"] + 1
    expected = Decimal(row["amount"])
    candidates = [
        (m.span.text, m.money.amount, m.money.currency, m.currency_source)
        for m in found
        if m.span.start < end and start < m.span.end
    ]
    ok = False
    for _, amount, currency, source in candidates:
        if amount != expected:
            continue
        if row["currency"] is None:
            ok = ok or source in ("default", "context")
        else:
            ok = ok or currency == row["currency"]
    assert ok, (row["input_span"], row["amount"], row["currency"], candidates)
