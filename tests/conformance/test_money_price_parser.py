"""price-parser's own parsing examples, read in place.

Selection (``select``): rows price-parser itself passes (no ``xfail`` mark) whose expected
currency hkpolicy supports: €/EUR/euro, £/GBP, SGD, USD/US$, NT$, MOP$, 円, or a bare ``$``.
Left out: other currencies and the rows that expect no currency at all.

A case passes when hkpolicy gives price-parser's answer under price-parser's own semantics,
``Price.fromstring(input, currency_hint)``: the amount of the first price in the string, with
the hint supplying the currency when the input has none. Here that is: the currency the hint
names (:func:`detect_currency`, else USD for a bare ``$``) becomes ``default_currency``; the
first :func:`find_money` mention wins; if there is none, the whole input goes to
:func:`parse_money` (a bare number in a shop page is a price in the hinted currency). The
amount must match exactly; the currency must be the ISO code of the expected one (a bare ``$``
expects the default, USD). A row expecting no amount passes when nothing is read.

Departures: these are shop pages, not Hong Kong text. A decimal comma ("205,68 €") is read
wherever it cannot be a thousands group (one or two digits after the comma), as a Hong Kong
"1,234" never is; space-grouped digits ("3 250 000 €") are read only before € or £.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hkpolicy.errors import ParseError
from hkpolicy.money import Money, detect_currency, find_money, parse_money

from ._peers import Row, peer_params

EXPECTED_CURRENCY = {
    "€": "EUR", "EUR": "EUR", "euro": "EUR", "£": "GBP", "GBP": "GBP", "SGD": "SGD",
    "USD": "USD", "US$": "USD", "NT$": "TWD", "MOP$": "MOP", "円": "JPY", "$": "USD",
}  # fmt: skip


def select(row: Row) -> bool:
    return not row["marks"] and row["currency_raw"] in EXPECTED_CURRENCY


def case_id(row: Row) -> str:
    return f"pp-{row['group'].removeprefix('PRICE_PARSING_').lower()}-{row['index']}"


def first_price(text: str, hint: str | None) -> Money | None:
    default = detect_currency(hint or "") or "USD"
    found = find_money(text, default_currency=default)
    if found:
        return found[0].money
    try:
        return parse_money(text, default_currency=default)
    except ParseError:
        return None


@pytest.mark.parametrize(
    "row",
    peer_params("money-price-parser", "price-parser/cases.jsonl", select=select, case_id=case_id),
)
def test_price_parser_money(row: Row) -> None:
    money = first_price(row["input"] or "", row["currency_hint"])
    if row["amount"] is None:
        assert money is None
        return
    assert money is not None
    assert money.amount == Decimal(row["amount"])
    if row["test"] == "test_parsing":
        assert money.currency == EXPECTED_CURRENCY[row["currency_raw"]]
