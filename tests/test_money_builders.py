"""find_money builds its models without validation; each builder gives what validation gives."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hkpolicy import money
from hkpolicy.spans import Qualifier
from tests.trusted_records import assert_built_like_validated


def test_money_builder_builds_like_validation() -> None:
    built = money._new_money(
        amount=Decimal("1500000"),
        currency="HKD",
        qualifier=Qualifier.RANGE,
        amount_max=Decimal("2000000"),
        per="year",
    )
    assert_built_like_validated(built)
    assert str(built) == "HKD 1,500,000 to HKD 2,000,000 per year"


def test_span_and_mention_builders_build_like_validation() -> None:
    amount = money._new_money(
        amount=Decimal(24), currency="USD", qualifier=Qualifier.EXACT, amount_max=None, per=None
    )
    other = money._new_money(
        amount=Decimal(187), currency="HKD", qualifier=Qualifier.UP_TO, amount_max=None, per=None
    )
    span = money._new_span(doc_id="d1", start=3, end=8, text="US$24")
    cue = money._new_span(doc_id=None, start=0, end=1, text="約")
    assert_built_like_validated(span)
    mention = money._new_mention(
        money=amount,
        span=span,
        cue=cue,
        currency_source="symbol",
        paired_index=1,
        paired=other,
        peg="consistent",
    )
    assert_built_like_validated(mention)


@pytest.mark.parametrize(
    "text",
    [
        "HK$24 billion (US$3.07 billion)",
        "about $1-5 million a year",
        "最高可獲50萬元",
        "up to HK$500,000 per project",
    ],
)
def test_scanned_mentions_build_like_validation(text: str) -> None:
    found = money.find_money(text)
    assert found, text
    for mention in found:
        assert_built_like_validated(mention)
