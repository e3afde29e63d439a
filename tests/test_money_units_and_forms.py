"""Money forms and units: every currency symbol before and after the figure, spaced 億/萬
amounts, vague amounts, Chinese numerals with 億, and units ("港幣百萬元", "HK$ million") that
label a column rather than state an amount, read the same way by find_money and find_tables.

Every sentence and table is written for this suite; each expected value was worked out by hand.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hkpolicy import _money_patterns as _p
from hkpolicy.money import KNOWN_CURRENCIES, find_money, money_unit_of, parse_money, read_unit
from hkpolicy.spans import Qualifier
from hkpolicy.tables import find_tables

D = Decimal

# --- symbols ------------------------------------------------------------------------------------

WRITTEN_SYMBOLS = sorted(k for k, v in _p.SYMBOLS.items() if v in KNOWN_CURRENCIES)


@pytest.mark.parametrize("symbol", WRITTEN_SYMBOLS)
def test_every_symbol_reads_before_the_figure(symbol: str) -> None:
    (m,) = find_money(f"The grant is {symbol}500 this year.")
    assert (m.span.text, m.money.amount, m.money.currency) == (
        f"{symbol}500",
        D(500),
        _p.SYMBOLS[symbol],
    )


@pytest.mark.parametrize("symbol", WRITTEN_SYMBOLS)
def test_every_symbol_reads_after_the_figure(symbol: str) -> None:
    (m,) = find_money(f"The grant is 500 {symbol} this year.")
    assert (m.span.text, m.money.amount, m.money.currency) == (
        f"500 {symbol}",
        D(500),
        _p.SYMBOLS[symbol],
    )


def test_symbol_after_the_figure_examples() -> None:
    # The forms that drifted apart once: an Australian and a Singapore dollar written after.
    assert str(parse_money("500 AU$")) == "AUD 500"
    assert str(parse_money("1,200 SG$")) == "SGD 1,200"
    assert str(parse_money("75 CA$")) == "CAD 75"


def test_short_prefixes_are_case_sensitive_and_attached() -> None:
    # "a $5 fee" is a bare dollar, not Australian; "HK" and "US" may be spaced or dotted.
    (m,) = find_money("It costs a $5 fee.")
    assert (m.money.currency, m.currency_source) == ("HKD", "default")
    assert parse_money("u.s. $5").currency == "USD"
    assert parse_money("hk $ 5").currency == "HKD"


# --- Chinese amounts --------------------------------------------------------------------------

SPACED = [
    ("分目整體撥款為 13 億 2,500 萬元,用於更新系統", "13 億 2,500 萬元", "1325000000"),
    ("预算为 13 亿 2,500 万元,用于更新系统", "13 亿 2,500 万元", "1325000000"),
    ("撥款13億 2,500萬元推行計劃", "13億 2,500萬元", "1325000000"),
    ("撥款 13 億元推行計劃", "13 億元", "1300000000"),
    ("撥款 13 億 2 千萬元推行計劃", "13 億 2 千萬元", "1320000000"),
]


@pytest.mark.parametrize(("text", "span", "amount"), SPACED)
def test_spaced_yi_and_wan_are_one_amount(text: str, span: str, amount: str) -> None:
    (m,) = find_money(text)
    assert (m.span.text, str(m.money.amount), m.money.currency) == (span, amount, "HKD")


def test_spaced_tail_that_is_a_count_is_not_joined() -> None:
    # 兩年 after the 億: nothing to join, and the 億 amount stands alone.
    (m,) = find_money("撥款 13 億元, 2 年內完成")
    assert (m.span.text, m.money.amount) == ("13 億元", D(1300000000))


@pytest.mark.parametrize(
    "text",
    ["另有數億元用於宣傳。", "每年撥款數以十億元計。", "项目获数十万元资助。", "耗資幾千萬元。"],
)
def test_vague_amounts_are_not_money(text: str) -> None:
    assert find_money(text) == []


CJK_NUMERALS = [
    ("年度資助逾十億 項目逾千", "十億", "1000000000", Qualifier.MORE_THAN),
    ("政府撥款三億五千萬推動計劃", "三億五千萬", "350000000", Qualifier.EXACT),
    ("政府拨款两百亿推动计划", "两百亿", "20000000000", Qualifier.EXACT),
]


@pytest.mark.parametrize(("text", "span", "amount", "qualifier"), CJK_NUMERALS)
def test_chinese_numerals_with_yi_are_amounts(
    text: str, span: str, amount: str, qualifier: Qualifier
) -> None:
    (m,) = find_money(text)
    assert (m.span.text, str(m.money.amount), m.money.qualifier) == (span, amount, qualifier)


@pytest.mark.parametrize("text", ["全球十億人口", "億萬富翁", "千萬不要遲到", "一億年前的化石"])
def test_chinese_numeral_words_and_counts_are_not_money(text: str) -> None:
    assert find_money(text) == []


def test_project_after_an_amount_is_not_a_counter() -> None:
    # 項 counts ("5項"), 項目 is a project: "5億 項目" is an amount.
    (m,) = find_money("資助逾5億 項目逾百")
    assert (m.span.text, m.money.amount) == ("5億", D(500000000))
    assert find_money("共有5項") == []


# --- units ------------------------------------------------------------------------------------

UNITS = [
    ("HK$ million", ("HKD", 10**6)),
    ("HK$'000", ("HKD", 10**3)),
    ("$m", (None, 10**6)),
    ("US$ bn", ("USD", 10**9)),
    ("港幣百萬元", ("HKD", 10**6)),
    ("百萬港元", ("HKD", 10**6)),
    ("港幣千元", ("HKD", 10**3)),
    ("人民幣億元", ("CNY", 10**8)),
    ("億元", (None, 10**8)),
    ("港币百万元", ("HKD", 10**6)),
    ("百万港元", ("HKD", 10**6)),
    ("人民币亿元", ("CNY", 10**8)),
    ("千万美元", ("USD", 10**7)),
    ("港元", ("HKD", 1)),
    ("單位：港幣百萬元", ("HKD", 10**6)),
    ("单位: 百万港元", ("HKD", 10**6)),
    ("Unit: HK$'000", ("HKD", 10**3)),
]


@pytest.mark.parametrize(("unit", "expected"), UNITS)
def test_read_unit(unit: str, expected: tuple[str | None, int]) -> None:
    assert read_unit(unit) == expected


@pytest.mark.parametrize("text", ["million", "百萬", "5百萬元", "HK$ million US$", "Budget"])
def test_read_unit_needs_one_currency_and_no_figure(text: str) -> None:
    assert read_unit(text) is None


def test_money_unit_of_reads_bracketed_chinese_units() -> None:
    assert money_unit_of("核准預算 (港幣百萬元)") == ("HKD", D(10**6))
    assert money_unit_of("資助額（百萬港元）") == ("HKD", D(10**6))
    assert money_unit_of("拨款 (人民币亿元)") == ("CNY", D(10**8))
    assert money_unit_of("金额 (亿元)", default_currency=None) is None
    assert money_unit_of("撥款 (單位：港幣千元)") == ("HKD", D(10**3))


@pytest.mark.parametrize(
    "text",
    [
        "核准預算 (港幣百萬元) 及開支 (港幣百萬元)",
        "| 項目 | 百萬元 |",
        "拨款 (人民币亿元)",
        "Spending (HK$ thousand)",
        "资助额（百万港元）",
        "表一 (單位：港幣百萬元)",
        "单位：人民币亿元\n",
        "Unit: HK$ thousand",
    ],
)
def test_unit_labels_are_not_amounts(text: str) -> None:
    assert find_money(text) == []


def test_a_scale_with_a_currency_in_prose_is_an_amount() -> None:
    # Not alone in brackets or a cell: "a million dollars" as a prize.
    (m,) = find_money("得獎者可獲獎金百萬元。")
    assert (m.span.text, m.money.amount) == ("百萬元", D(10**6))
    (m,) = find_money("(約百萬元)")
    assert m.money.qualifier is Qualifier.APPROXIMATELY


TABLE = """\
| 項目 | 核准預算 (港幣百萬元) | 資助 (百萬港元) | 人民幣億元 | HK$'000 |
|---|---:|---:|---:|---:|
| 甲 | 12.5 | 3 | 1.2 | 450 |
"""


def test_table_cells_take_the_unit_find_money_skips() -> None:
    (table,) = find_tables(TABLE)
    units = [(u.currency, u.scale) if u is not None else None for u in table.units]
    assert units == [None, ("HKD", 10**6), ("HKD", 10**6), ("CNY", 10**8), ("HKD", 10**3)]
    cells = [c.money for c in table.rows[0][1:]]
    assert [(m.amount, m.currency) for m in cells if m is not None] == [
        (D(12500000), "HKD"),
        (D(3000000), "HKD"),
        (D(120000000), "CNY"),
        (D(450000), "HKD"),
    ]
    # the headers are units, and the bare cells have no currency of their own
    assert find_money(TABLE) == []
    # both read the header the same way
    for header, unit in zip(table.header[1:], table.units[1:], strict=True):
        assert unit is not None
        assert money_unit_of(header.text) == (unit.currency, D(unit.scale))
