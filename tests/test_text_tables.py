"""find_text_tables: aligned and flattened plain-text tables, recovered exactly or not at all.

Cases live in tests/fixtures/tables/text_tables.md (``title . input . expected .``, as the
Markdown table cases); the tests below pin typed cells, header units, spans and the scan's
behaviour inside extract().
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hkpolicy as hk
from hkpolicy.tables import Table
from hkpolicy.text_tables import find_text_tables

from .test_tables import FIXTURES, assert_spans_valid, read_fixture_file

CASES = read_fixture_file(FIXTURES / "text_tables.md")
assert len({title for _, title, _, _ in CASES}) == len(CASES), "duplicate titles"


def dump(tables: list[Table]) -> str:
    if not tables:
        return "(none)"
    out = []
    for table in tables:
        out.append(f"table lines={table.lines[0]}-{table.lines[1]} confidence={table.confidence}")
        out.append("header: " + json.dumps([c.text for c in table.header], ensure_ascii=False))
        out.extend(
            "row: " + json.dumps([c.text for c in row], ensure_ascii=False) for row in table.rows
        )
    return "\n".join(out)


@pytest.mark.parametrize(
    ("line", "title", "source", "expected"), CASES, ids=[f"L{n}-{t}" for n, t, _, _ in CASES]
)
def test_text_table_fixtures(line: int, title: str, source: str, expected: str) -> None:
    tables = find_text_tables(source)
    assert dump(tables) == expected, f"{title} (text_tables.md line {line})"
    for table in tables:
        assert_spans_valid(source, table)


def test_the_fixture_set_has_ten_tables_in_english_and_chinese() -> None:
    recovered = [t for _, _, source, _ in CASES for t in find_text_tables(source)]
    chinese = [t for t in recovered if any("\u4e00" <= ch <= "\u9fff" for ch in t.span.text)]
    assert len(recovered) >= 10
    assert len(chinese) >= 3


def test_header_unit_types_the_cells_below() -> None:
    text = (
        "Programme No. of Projects Funds Approved (HK$ million)\n"
        "Technology Voucher Programme 1,520 236.4\n"
        "Patent Application Grant 310 45.1\n"
    )
    (table,) = find_text_tables(text, doc_id="paper")
    unit = table.units[2]
    assert unit is not None and (unit.kind, unit.currency, unit.scale) == ("money", "HKD", 10**6)
    amount = table.rows[0][2].money
    assert amount is not None and amount.amount == Decimal("236400000")
    assert table.rows[0][1].number == Decimal("1520")
    assert table.rows[1][2].span.text == "45.1" and table.rows[1][2].span.doc_id == "paper"


def test_chinese_header_unit_and_percent_column() -> None:
    (table,) = find_text_tables("行業　　採用率（%）\n金融服務　　58\n物流　　31")
    assert table.rows[0][1].percentage is not None
    assert table.rows[0][1].percentage.value == Decimal("58")


def test_accounting_negative_and_placeholder_cells() -> None:
    text = "Item\t2023-24\t2024-25\nRecurrent spending\t-\t1,310.0\nCapital works\t388.0\t(12.5)"
    (table,) = find_text_tables(text)
    assert table.rows[0][1].kind == "empty"
    assert table.rows[1][2].number == Decimal("-12.5")


def test_extract_reads_flattened_tables_and_makes_funding_from_scheme_rows() -> None:
    text = (
        "Approvals under the Fund in 2024-25 are set out below.\n\n"
        "Scheme Projects Funds Approved (HK$ million)\n"
        "Partnership Research Programme 96 402.7\n"
        "Enterprise Support Scheme 41 118.3\n"
    )
    result = hk.extract(text, doc_id="note")
    assert [t.confidence for t in result.tables] == [0.7]
    funding = {f.initiative: f for f in result.funding}
    assert set(funding) == {"prp", "ess"}
    prp = funding["prp"]
    assert prp.amount.amount == Decimal("402700000") and prp.amount.currency == "HKD"
    assert prp.span.text == "402.7" and text[prp.span.start : prp.span.end] == "402.7"
    assert not [u for u in result.unparsed if u.span.text in ("96", "402.7", "41", "118.3")]


def test_extract_makes_funding_from_a_chinese_table_row() -> None:
    text = "計劃 項目數目 批出款額（百萬港元）\n合作研究計劃 96 402.7\n企業支援計劃 41 118.3\n"
    result = hk.extract(text)
    amounts = {f.initiative: f.amount.amount for f in result.funding}
    assert amounts == {"prp": Decimal("402700000"), "ess": Decimal("118300000")}


def test_a_budget_column_is_not_funding() -> None:
    text = (
        "Scheme Budget (HK$ million)\n"
        "Partnership Research Programme 402.7\n"
        "Enterprise Support Scheme 118.3\n"
    )
    result = hk.extract(text)
    assert len(result.tables) == 1 and result.funding == ()


def test_sector_stats_come_from_an_aligned_sector_table() -> None:
    text = (
        "Sector                 Adoption (%)\nFinancial services             58\nLogistics   31\n"
    )
    stats = hk.extract(text).sector_stats
    assert [(s.sector, s.metric, s.value.value) for s in stats] == [
        ("Financial services", "Adoption", Decimal("58")),
        ("Logistics", "Adoption", Decimal("31")),
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1.2,%()-\n\t計劃（）|")), max_size=300))
def test_never_raises_and_spans_stay_in_the_text(text: str) -> None:
    for table in find_text_tables(text):
        assert_spans_valid(text, table)
        assert 0 < table.confidence < 1
