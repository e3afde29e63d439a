"""find_percentages against Microsoft Recognizers-Text's own percent specs, read in place.

Selection: rows of ``recognizers-text/cases.jsonl`` with kind percent, model PercentModel (English
and Chinese), that the reference implementation (.NET) passes, i.e. with no ``dotnet`` in
``not_supported``. PercentModelPercentMode rows are left out: that is a different model setting
that reads fractions ("one in two", "1/4 of") as percentages, which hkpolicy does not do.

What "passes" means:

- a row with an expected result passes when ``find_percentages(input)`` returns a mention whose
  span is exactly the expected characters ``input[start:end + 1]`` and whose value equals the
  expected amount (as Decimals). RT resolves "6個百分點" to "6%": its resolution has no
  percentage-point unit, so the unit is not compared (hkpolicy keeps "percentage_point");
- a row that expects no match passes when nothing at all is reported.

Rows whose expected text is a 折 discount (八折, 75折, 打對折) form a second suite,
``percent-rt-discounts``: the issue rules 折 out (a price ratio, not a share), so those rows
pass when hkpolicy reports *nothing* overlapping the expected text. Both suites' pass rates are
printed after the run.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hkpolicy.percent import find_percentages
from tests.conformance._peers import Row, peer_params

CASES = "recognizers-text/cases.jsonl"


def _selected(row: Row) -> bool:
    return (
        row["kind"] == "percent"
        and row["model"] == "PercentModel"
        and "dotnet" not in (row.get("not_supported") or [])
    )


def _is_discount(row: Row) -> bool:
    return "折" in (row.get("input_span") or "")


def _case_id(row: Row) -> str:
    result = "none" if row["result_index"] is None else row["result_index"]
    return f"{row['lang']}-{row['case_index']}-{result}"


@pytest.mark.parametrize(
    "row",
    peer_params(
        "percent-rt",
        CASES,
        select=lambda r: _selected(r) and not _is_discount(r),
        case_id=_case_id,
    ),
)
def test_recognizers_text_percent(row: Row) -> None:
    text = row["input"]
    mentions = find_percentages(text)
    if row["expect_no_match"]:
        assert mentions == [], f"expected no percentage in {text!r}"
        return
    expected_span = (row["start"], row["end"] + 1)
    found = {(m.span.start, m.span.end): m for m in mentions}
    assert expected_span in found, (
        f"expected {row['input_span']!r} at {expected_span} in {text!r}; "
        f"found {[(m.span.text, m.span.start, m.span.end) for m in mentions]}"
    )
    assert row["amount"] is not None, "the spec gives no value for this percentage"
    assert found[expected_span].value == Decimal(row["amount"])


@pytest.mark.parametrize(
    "row",
    peer_params(
        "percent-rt-discounts",
        CASES,
        select=lambda r: _selected(r) and _is_discount(r),
        case_id=_case_id,
    ),
)
def test_recognizers_text_discounts_are_not_percentages(row: Row) -> None:
    text = row["input"]
    expected_span = (row["start"], row["end"] + 1)
    overlapping = [m for m in find_percentages(text) if m.span.overlaps(expected_span)]
    assert overlapping == [], f"{row['input_span']!r} is a 折 discount, not a percentage"
