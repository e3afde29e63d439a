"""Tests for hkpolicy.tables: structure, spans, typed cells, sector statistics, records.

Structure cases live in tests/fixtures/tables/structure.md (``title . input . expected .``);
expected values here were checked by hand against the seed text and the GFM rules.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hkpolicy.facts import SectorStat
from hkpolicy.money import Money, money_unit_of
from hkpolicy.percent import Percentage
from hkpolicy.spans import Span
from hkpolicy.tables import (
    MAX_AUTOCOMPLETED_CELLS,
    Cell,
    ColumnUnit,
    Level,
    Table,
    find_tables,
    sector_stats_from_table,
)
from hkpolicy.text_tables import find_text_tables

from .conftest import seed_text
from .trusted_records import assert_built_like_validated

FIXTURES = Path(__file__).parent / "fixtures" / "tables"

# ---------------------------------------------------------------------------------------------
# Fixture-file structure cases


def read_fixture_file(path: Path) -> list[tuple[int, str, str, str]]:
    """``(line, title, input, expected)`` per case of a ``title . input . expected .`` file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases = []
    i = 0
    while i + 1 < len(lines):
        if lines[i + 1] != "." or not lines[i]:
            i += 1
            continue
        title, number = lines[i], i + 1
        j = i + 2
        body: list[str] = []
        while lines[j] != ".":
            body.append(lines[j])
            j += 1
        k = j + 1
        expected: list[str] = []
        while lines[k] != ".":
            expected.append(lines[k])
            k += 1
        cases.append((number, title, "\n".join(body), "\n".join(expected)))
        i = k + 1
    return cases


def dump(tables: list[Table]) -> str:
    if not tables:
        return "(none)"
    out = []
    for table in tables:
        aligns = ",".join(a or "-" for a in table.alignments)
        out.append(f"table lines={table.lines[0]}-{table.lines[1]} align={aligns}")
        out.append("header: " + json.dumps([c.text for c in table.header], ensure_ascii=False))
        out.extend(
            "row: " + json.dumps([c.text for c in row], ensure_ascii=False) for row in table.rows
        )
    return "\n".join(out)


STRUCTURE_CASES = read_fixture_file(FIXTURES / "structure.md")
assert len({title for _, title, _, _ in STRUCTURE_CASES}) == len(STRUCTURE_CASES), (
    "duplicate titles"
)


@pytest.mark.parametrize(
    ("line", "title", "source", "expected"),
    STRUCTURE_CASES,
    ids=[f"L{n}-{t}" for n, t, _, _ in STRUCTURE_CASES],
)
def test_structure_fixtures(line: int, title: str, source: str, expected: str) -> None:
    strict = title.startswith("strict:")
    tables = find_tables(source, strict_gfm=strict)
    assert dump(tables) == expected, f"{title} (structure.md line {line})"
    for table in tables:
        assert_spans_valid(source, table)


def assert_spans_valid(text: str, table: Table) -> None:
    assert text[table.span.start : table.span.end] == table.span.text
    for cell in (*table.header, *(c for row in table.rows for c in row)):
        assert text[cell.span.start : cell.span.end] == cell.span.text
        assert cell.span.text.replace("\\|", "|") == cell.text
        assert table.span.start <= cell.span.start <= cell.span.end <= table.span.end


# ---------------------------------------------------------------------------------------------
# Seed 003: two tables glued to prose

SEED_003_TABLE_1 = (
    ("Industry", "Adoption Rate", "Primary Applications", "Expected Growth (2024)"),
    (
        (
            "Financial Services",
            "58%",
            "Risk assessment, report generation, customer service",
            "42%",
        ),
        (
            "Creative Arts & Media",
            "47%",
            "Content creation, visual effects, conceptual design",
            "65%",
        ),
        ("Education", "36%", "Personalized learning, content generation, assessment", "53%"),
        ("Healthcare", "28%", "Medical imaging, drug discovery, patient communication", "48%"),
        (
            "Retail & E-commerce",
            "41%",
            "Product descriptions, marketing content, customer interaction",
            "57%",
        ),
    ),
)
SEED_003_TABLE_2 = (
    ("Challenge", "Impact Level", "Potential Solutions"),
    (
        ("Talent Shortage", "High", "Enhanced education programs, talent importation schemes"),
        (
            "Data Privacy Concerns",
            "Medium-High",
            "Robust regulatory frameworks, privacy-preserving AI techniques",
        ),
        (
            "Computational Resources",
            "Medium",
            "Investment in computing infrastructure, cloud access",
        ),
        (
            "Ethical Considerations",
            "Medium",
            "Development of AI ethics guidelines, oversight committees",
        ),
        (
            "Integration with Legacy Systems",
            "Medium",
            "Gradual modernization, middleware solutions",
        ),
    ),
)

# (sector, metric, value, year), in row-major order, read off the seed by hand.
SEED_003_STATS = [
    ("Financial Services", "Adoption Rate", "58", None),
    ("Financial Services", "Expected Growth", "42", 2024),
    ("Creative Arts & Media", "Adoption Rate", "47", None),
    ("Creative Arts & Media", "Expected Growth", "65", 2024),
    ("Education", "Adoption Rate", "36", None),
    ("Education", "Expected Growth", "53", 2024),
    ("Healthcare", "Adoption Rate", "28", None),
    ("Healthcare", "Expected Growth", "48", 2024),
    ("Retail & E-commerce", "Adoption Rate", "41", None),
    ("Retail & E-commerce", "Expected Growth", "57", 2024),
]


@pytest.fixture(scope="module")
def seed_003() -> str:
    return seed_text("003")


@pytest.fixture(scope="module")
def seed_003_tables(seed_003: str) -> list[Table]:
    return find_tables(seed_003, doc_id="003_3e9965c52c1f6ff9")


def table_texts(table: Table) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    return tuple(c.text for c in table.header), tuple(
        tuple(c.text for c in row) for row in table.rows
    )


def test_seed_003_has_exactly_two_tables(seed_003_tables: list[Table]) -> None:
    assert len(seed_003_tables) == 2
    assert table_texts(seed_003_tables[0]) == SEED_003_TABLE_1
    assert table_texts(seed_003_tables[1]) == SEED_003_TABLE_2


def test_seed_003_line_ranges_and_spans(seed_003: str, seed_003_tables: list[Table]) -> None:
    first, second = seed_003_tables
    # Line 0 is empty; the first header is line 6, the second line 23 (checked by hand).
    assert first.lines == (6, 13)
    assert second.lines == (23, 30)
    lines = seed_003.split("\n")
    assert first.span.text == "\n".join(lines[6:13])
    assert second.span.text == "\n".join(lines[23:30])
    assert first.span.doc_id == "003_3e9965c52c1f6ff9"
    for table in seed_003_tables:
        assert_spans_valid(seed_003, table)
        assert all(c.span.doc_id == "003_3e9965c52c1f6ff9" for row in table.rows for c in row)


def test_seed_003_strict_gfm_swallows_the_glued_prose(seed_003: str) -> None:
    # The seed has no blank line after the first table, so under plain GFM every later line,
    # the second table included, is a row of the first (what markdown-it-py does too).
    (table,) = find_tables(seed_003, strict_gfm=True)
    assert table.lines == (6, len(seed_003.split("\n")))
    assert table.rows[5][0].text.startswith("Looking forward")
    assert table.rows[5][1].text == ""
    assert [c.text for c in table.rows[15]] == [*SEED_003_TABLE_2[0], ""]


def test_seed_003_sector_stats(seed_003: str, seed_003_tables: list[Table]) -> None:
    stats = sector_stats_from_table(seed_003_tables[0])
    assert [(s.sector, s.metric, str(s.value.value), s.year) for s in stats] == SEED_003_STATS
    for stat in stats:
        assert isinstance(stat, SectorStat)
        assert stat.source == "table"
        assert stat.span.text == f"{stat.value.value}%"
        assert seed_003[stat.span.start : stat.span.end] == stat.span.text
        assert stat.span.doc_id == "003_3e9965c52c1f6ff9"
    assert sector_stats_from_table(seed_003_tables[1]) == []
    assert sum(len(sector_stats_from_table(t)) for t in seed_003_tables) == 10


def test_seed_003_impact_level_is_an_ordered_scale(seed_003_tables: list[Table]) -> None:
    levels = [cell.value for cell in seed_003_tables[1].column(1)]
    assert levels == [Level.HIGH, Level.MEDIUM_HIGH, Level.MEDIUM, Level.MEDIUM, Level.MEDIUM]
    assert Level.LOW < Level.MEDIUM < Level.MEDIUM_HIGH < Level.HIGH
    assert max(levels) is Level.HIGH
    # The other two columns stay text.
    assert {c.kind for c in seed_003_tables[1].column(0)} == {"text"}
    assert {c.kind for c in seed_003_tables[1].column(2)} == {"text"}


def test_seed_003_records(seed_003_tables: list[Table]) -> None:
    records = seed_003_tables[1].to_records()
    assert len(records) == 5
    assert records[0] == {
        "Challenge": "Talent Shortage",
        "Impact Level": Level.HIGH,
        "Potential Solutions": "Enhanced education programs, talent importation schemes",
    }
    assert seed_003_tables[1].to_records(typed=False)[1]["Impact Level"] == "Medium-High"
    first = seed_003_tables[0].to_records()[0]
    assert first["Adoption Rate"] == Percentage(value=Decimal("58"))


def test_seed_003_frame(seed_003_tables: list[Table]) -> None:
    frame = seed_003_tables[0].to_frame()
    assert list(frame.columns) == list(SEED_003_TABLE_1[0])
    assert frame.shape == (5, 4)
    assert frame["Adoption Rate"].tolist() == [Decimal(v) for v in ("58", "47", "36", "28", "41")]
    assert all(isinstance(v, Decimal) for v in frame["Expected Growth (2024)"])
    assert frame.loc[4, "Industry"] == "Retail & E-commerce"


# ---------------------------------------------------------------------------------------------
# Spans and provenance


def test_escaped_pipe_span_covers_the_backslash() -> None:
    text = "| a |\n|---|\n| x \\| y |"
    cell = find_tables(text)[0].rows[0][0]
    assert cell.text == "x | y"
    assert cell.span.text == "x \\| y"
    assert (cell.span.start, cell.span.end) == (14, 20)


def test_blank_and_padded_cell_spans() -> None:
    text = "| a | b | c |\n|---|---|---|\n|   | z"
    row = find_tables(text)[0].rows[0]
    # Blank cell: empty span just after its opening pipe (offset 29 = the second row's "|" + 1).
    assert row[0].span == Span(start=29, end=29, text="")
    assert row[0].kind == "empty"
    assert row[1].span.text == "z"
    # Padded cell: empty span at the end of the row's line.
    assert row[2].span == Span(start=len(text), end=len(text), text="")


def test_crlf_line_endings() -> None:
    text = "| a | b |\r\n|---|:-:|\r\n| 1 | 2 |\r\nafter"
    (table,) = find_tables(text)
    assert table.lines == (0, 3)
    assert table.span.text == "| a | b |\r\n|---|:-:|\r\n| 1 | 2 |"
    assert [c.text for c in table.rows[0]] == ["1", "2"]
    assert table.alignments == (None, "center")


def test_skip_ranges_hide_tables() -> None:
    text = "intro\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert len(find_tables(text)) == 1
    header_line = (6, 15)
    assert find_tables(text, skip=[header_line]) == []
    assert find_tables(text, skip=[Span.of(text, 6, 15)]) == []
    # A skipped body row ends the table there.
    third = text.index("| 1")
    (table,) = find_tables(text, skip=[(third, third + 3)])
    assert table.rows == ()


def test_table_json_round_trip(seed_003_tables: list[Table]) -> None:
    for table in seed_003_tables:
        assert Table.model_validate_json(table.model_dump_json()) == table


def test_autocompleted_cells_are_capped() -> None:
    width = 1000
    header = "|" + "|".join("h" * 1 for _ in range(width)) + "|"
    delimiter = "|" + "|".join("-" for _ in range(width)) + "|"
    text = "\n".join([header, delimiter, *(["x|"] * 100)])
    (table,) = find_tables(text)
    # Each short row pads 999 cells; the 66th row would pass the cap, so the table ends there.
    assert MAX_AUTOCOMPLETED_CELLS == 65536
    assert len(table.rows) == MAX_AUTOCOMPLETED_CELLS // (width - 1)
    assert len(table.rows) == 65


# ---------------------------------------------------------------------------------------------
# Typed cells and header units

MILLION = 10**6

# (header, default_currency, expected unit or None, expected metric, expected year)
HEADER_EXAMPLES = [
    ("Adoption Rate (%)", None, ColumnUnit(kind="percent", text="%"), "Adoption Rate", None),
    ("Expected Growth (2024)", None, None, "Expected Growth", 2024),
    ("Share (%, 2023)", None, ColumnUnit(kind="percent", text="%"), "Share", 2023),
    (
        "Budget HK$ million",
        None,
        ColumnUnit(kind="money", currency="HKD", scale=MILLION, text="HK$ million"),
        "Budget",
        None,
    ),
    (
        "Spend ($m)",
        "HKD",
        ColumnUnit(kind="money", currency="HKD", scale=MILLION, text="$m"),
        "Spend",
        None,
    ),
    (
        "Spend ($m)",
        None,
        ColumnUnit(kind="money", currency=None, scale=MILLION, text="$m"),
        "Spend",
        None,
    ),
    (
        "開支 (億元)",
        "HKD",
        ColumnUnit(kind="money", currency="HKD", scale=10**8, text="億元"),
        "開支",
        None,
    ),
    (
        "撥款（百萬港元）",
        None,
        ColumnUnit(kind="money", currency="HKD", scale=MILLION, text="百萬港元"),
        "撥款",
        None,
    ),
    ("Staff ('000)", None, ColumnUnit(kind="number", scale=1000, text="'000"), "Staff", None),
    ("2024 Growth", None, None, "Growth", 2024),
    ("Notes (see annex)", None, None, "Notes (see annex)", None),
    ("Primary Applications", None, None, "Primary Applications", None),
]


@pytest.mark.parametrize(
    ("header", "default_currency", "unit", "metric", "year"),
    HEADER_EXAMPLES,
    ids=[f"{h}|{d}" for h, d, *_ in HEADER_EXAMPLES],
)
def test_header_units(
    header: str,
    default_currency: str | None,
    unit: ColumnUnit | None,
    metric: str,
    year: int | None,
) -> None:
    text = f"| Item | {header} |\n|---|---|\n| a | 1 |"
    (table,) = find_tables(text, default_currency=default_currency)
    assert table.units == (None, unit)
    if unit is None or unit.kind == "percent":
        stats_table = find_tables(f"| Sector | {header} |\n|---|---|\n| ICT | 5% |")[0]
        stats = sector_stats_from_table(stats_table)
        assert [(s.metric, s.year) for s in stats] == [(metric, year)]


def test_money_column_from_header() -> None:
    text = (
        "| Programme | Estimate (HK$ million) |\n"
        "|---|--:|\n"
        "| Cyberport | 1,234.5 |\n"
        "| Refund | (82,894.9) |\n"
        "| Grant | HK$5 |\n"
        "| Pending | n/a |\n"
    )
    column = find_tables(text)[0].column(1)
    assert [c.kind for c in column] == ["money", "number", "money", "empty"]
    assert column[0].money == Money(amount=Decimal("1234500000"), currency="HKD")
    # Money is never negative: a negative amount reads as a number in full units.
    assert column[1].number == Decimal("-82894900000")
    assert column[2].money is not None and column[2].money.amount == Decimal("5000000")
    assert column[3].value is None


def test_bare_dollar_header_is_never_guessed() -> None:
    text = "| Item | Spend ($m) |\n|---|---|\n| a | 12.5 |"
    cell = find_tables(text)[0].rows[0][1]
    assert (cell.kind, cell.value) == ("number", Decimal("12500000"))
    cell = find_tables(text, default_currency="HKD")[0].rows[0][1]
    assert cell.money == Money(amount=Decimal("12500000"), currency="HKD")


def test_yi_yuan_header() -> None:
    text = "| 項目 | 開支 (億元) |\n|---|---|\n| 創新科技 | 3.96 |"
    cell = find_tables(text, default_currency="HKD")[0].rows[0][1]
    assert cell.money == Money(amount=Decimal("396000000"), currency="HKD")


def test_percent_header_reads_bare_numbers() -> None:
    text = "| 行業 | 採用率 (%) |\n| --- | ---: |\n| 金融服務 | 58 |\n| 零售 | 41.5 |"
    (table,) = find_tables(text)
    assert [c.percentage for c in table.column(1)] == [
        Percentage(value=Decimal("58")),
        Percentage(value=Decimal("41.5")),
    ]
    stats = sector_stats_from_table(table)
    assert [(s.sector, s.metric, s.value.value, s.span.text) for s in stats] == [
        ("金融服務", "採用率", Decimal("58"), "58"),
        ("零售", "採用率", Decimal("41.5"), "41.5"),
    ]


def test_accounting_negative_only_in_numeric_column() -> None:
    text = (
        "| Item | Surplus | Note |\n"
        "|---|--:|---|\n"
        "| Revenue | 82,894.9 | (a) |\n"
        "| Deficit | (82,894.9) | (b) |\n"
    )
    (table,) = find_tables(text)
    assert [c.value for c in table.column(1)] == [Decimal("82894.9"), Decimal("-82894.9")]
    assert [c.value for c in table.column(2)] == ["(a)", "(b)"]
    # A column of parenthesised numbers alone is not numeric: footnote markers stay text.
    text = "| Item | Ref |\n|---|---|\n| x | (1) |\n| y | (2) |"
    assert [c.kind for c in find_tables(text)[0].column(1)] == ["text", "text"]


def test_free_cells_read_by_content() -> None:
    text = (
        "| Item | Value |\n|---|---|\n"
        "| share | 42% |\n| grant | HK$500,000 |\n| count | 1,500 |\n"
        "| note | over budget |\n| gap | - |\n"
    )
    column = find_tables(text)[0].column(1)
    assert [c.kind for c in column] == ["percentage", "money", "number", "text", "empty"]
    assert column[0].percentage == Percentage(value=Decimal("42"))
    assert column[1].money == Money(amount=Decimal("500000"), currency="HKD")
    assert column[2].number == Decimal("1500")
    assert all(not isinstance(c.value, float) for c in column)


def test_levels_need_a_whole_column() -> None:
    text = "| Risk | Comment |\n|---|---|\n| Low | High demand |\n| 中高 | ok |"
    (table,) = find_tables(text)
    assert [c.value for c in table.column(0)] == [Level.LOW, Level.MEDIUM_HIGH]
    assert [c.kind for c in table.column(1)] == ["text", "text"]
    assert Level.parse("medium high") is Level.MEDIUM_HIGH
    assert Level.parse("Urgent") is None
    assert str(Level.MEDIUM_HIGH) == "Medium-High"


def test_non_sector_table_gives_no_stats() -> None:
    text = "| Year | Share |\n|---|---|\n| 2023 | 40% |"
    assert sector_stats_from_table(find_tables(text)[0]) == []
    text = "| Sector | Lead |\n|---|---|\n| ICT | ITIB |"
    assert sector_stats_from_table(find_tables(text)[0]) == []


def test_record_keys_blank_and_repeated_headers() -> None:
    text = "| Name | | Name |\n|---|---|---|\n| a | b | c |"
    (table,) = find_tables(text)
    assert table.keys() == ["Name", "column_2", "Name.1"]
    assert table.to_records(typed=False) == [{"Name": "a", "column_2": "b", "Name.1": "c"}]


def test_cell_value_property() -> None:
    span = Span(start=0, end=1, text="x")
    assert Cell(text="x", span=span).value == "x"
    assert Cell(text="", span=Span(start=0, end=0, text=""), kind="empty").value is None


# ---------------------------------------------------------------------------------------------
# Never raises; spans always valid

TABLE_ALPHABET = st.sampled_from([*"|-: \t\n\\`>#*~ab1%$()\r", "HK$", "(%)", "億元", "---"])


@settings(max_examples=300, deadline=None)
@given(st.lists(TABLE_ALPHABET, max_size=80).map("".join), st.booleans())
def test_find_tables_never_raises_and_spans_are_valid(text: str, strict: bool) -> None:
    for table in find_tables(text, strict_gfm=strict, default_currency="HKD"):
        assert_spans_valid(text, table)
        assert all(len(row) == len(table.header) for row in table.rows)
        assert len(table.alignments) == len(table.header) == len(table.units)
        assert 0 <= table.lines[0] < table.lines[1]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.booleans())
def test_find_tables_never_raises_on_any_text(text: str, strict: bool) -> None:
    for table in find_tables(text, strict_gfm=strict):
        assert_spans_valid(text, table)


# ---------------------------------------------------------------------------------------------
# Models built without validation equal validated ones

EVERY_KIND = (
    "| Sector | Share (%) | Budget (HK$ million) | Risk | Free | Staff ('000) |\n"
    "|---|--:|--:|---|---|--:|\n"
    "| ICT | 12 | 1,234.5 | Medium-High | 42% | 3 |\n"
    "| Retail | n/a | (82.9) | low | HK$5 million | 4.5 |\n"
    "| Logistics | 7.5 | 30 | high | a note | - |\n"
)


def test_built_cells_and_tables_equal_validated_ones() -> None:
    (table,) = find_tables(EVERY_KIND)
    kinds = {cell.kind for row in table.rows for cell in row}
    assert kinds == {"text", "percentage", "money", "number", "level", "empty"}
    for cell in (*table.header, *(cell for row in table.rows for cell in row)):
        assert_built_like_validated(cell)
        assert_built_like_validated(cell.span)
    assert_built_like_validated(table)
    (text_table,) = find_text_tables(
        "Scheme Projects Amount Approved\nResearch Programme 96 402.7\nSupport Scheme 12 88.0"
    )
    assert_built_like_validated(text_table)
    assert text_table.confidence == 0.7


def test_repeated_cells_share_one_reading() -> None:
    # 50 tables with the same header and cells: each distinct text is read once per scan, and
    # every cell still has its own span.
    text = "\n\n".join(EVERY_KIND for _ in range(50))
    tables = find_tables(text)
    assert len(tables) == 50
    first, last = tables[0].rows[0][2], tables[-1].rows[0][2]
    assert first.money is last.money
    assert first.span.start < last.span.start and first.span.text == last.span.text == "1,234.5"


# Chinese money headers written as currency and scale together, in the three orders tables use.
CHINESE_MONEY_HEADERS = [
    ("百萬港元", "HKD", "2.5", Decimal("2500000")),
    ("港幣千元", "HKD", "2.5", Decimal("2500")),
    ("人民幣億元", "CNY", "2.5", Decimal("250000000")),
]


@pytest.mark.parametrize(
    ("header", "currency", "cell", "amount"),
    CHINESE_MONEY_HEADERS,
    ids=[h for h, *_ in CHINESE_MONEY_HEADERS],
)
def test_chinese_money_header_units_give_exact_amounts(
    header: str, currency: str, cell: str, amount: Decimal
) -> None:
    for written in (header, f"開支 ({header})", f"開支（{header}）"):
        text = f"| 項目 | {written} |\n|---|--:|\n| 創新科技 | {cell} |"
        (table,) = find_tables(text)
        unit = table.units[1]
        assert unit is not None and (unit.kind, unit.currency, unit.text) == (
            "money",
            currency,
            header,
        )
        assert table.rows[0][1].money == Money(amount=amount, currency=currency), written
        assert money_unit_of(written) == (currency, amount / Decimal(cell))


def test_text_rows_are_the_cell_texts_as_written() -> None:
    text = "| Item | Note \\| ref |\n|---|---|\n| a | x \\| y |\n| b |"
    (table,) = find_tables(text)
    assert table.text_rows() == [["a", "x | y"], ["b", ""]]
    assert table.text_rows(header=True) == [["Item", "Note | ref"], ["a", "x | y"], ["b", ""]]
    assert table.to_records(typed=False) == [
        {"Item": "a", "Note | ref": "x | y"},
        {"Item": "b", "Note | ref": ""},
    ]


# The scan visits only lines that can start a table or open or close a code fence; these cases
# pin the fence state across the lines it passes over.
FENCE_EXAMPLES = [
    ("```\n| a | b |\n|---|---|\n```\n| c | d |\n|---|---|\n| 1 | 2 |", [], [((4, 7), "c")]),
    ("```\n| a | b |\n|---|---|\n| 1 | 2 |", [(0, 3)], [((1, 4), "a")]),
    (
        "~~~~\n| a | b |\n|---|---|\n~~~\n| x | y |\n|---|---|\n~~~~\n| c | d |\n|--|--|",
        [],
        [((7, 9), "c")],
    ),
    ("| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n", [], [((0, 3), "a")]),
]


@pytest.mark.parametrize(
    ("text", "skip", "expected"), FENCE_EXAMPLES, ids=[repr(t[:12]) for t, *_ in FENCE_EXAMPLES]
)
def test_tables_inside_code_fences_are_not_read(
    text: str, skip: list[tuple[int, int]], expected: list[tuple[tuple[int, int], str]]
) -> None:
    found = find_tables(text, skip=skip)
    assert [(t.lines, t.header[0].text) for t in found] == expected
