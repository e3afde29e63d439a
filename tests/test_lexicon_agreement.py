"""Every scanner reads the shared vocabulary (hkpolicy._lexicon) as its tables write it: checked
through the public functions only (find_money, find_percentages, find_dates, find_tables,
find_abbreviations, extract), one table entry at a time."""

from __future__ import annotations

from decimal import Decimal

import pytest

import hkpolicy as hk
from hkpolicy import _lexicon as lx
from hkpolicy import tables as tables_module
from hkpolicy.abbrev import find_abbreviations
from hkpolicy.money import money_unit_of


def _currencies(text: str) -> list[str]:
    return [m.money.currency for m in hk.find_money(text, default_currency="HKD")]


def _amounts(text: str) -> list[Decimal]:
    return [m.money.amount for m in hk.find_money(text, default_currency="HKD")]


def _expected(currency: str) -> str:
    return "HKD" if currency == lx.BARE else currency


# --- currencies --------------------------------------------------------------------------------

SYMBOLS = sorted(s for s, c in lx.SYMBOLS.items() if c != lx.YEN)


@pytest.mark.parametrize("symbol", SYMBOLS)
@pytest.mark.parametrize("shape", ["{}500", "{} 500", "500 {}", "500{}"])
def test_money_reads_every_symbol_before_and_after_the_amount(symbol: str, shape: str) -> None:
    text = shape.format(symbol)
    assert _currencies(text) == [_expected(lx.SYMBOLS[symbol])], text


@pytest.mark.parametrize("symbol", sorted(s for s, c in lx.SYMBOLS.items() if c == lx.YEN))
def test_money_reads_a_yen_sign_from_the_context(symbol: str) -> None:
    (mention,) = hk.find_money(f"{symbol}500")
    assert mention.money.currency == "JPY" and mention.currency_source == "context"


@pytest.mark.parametrize("code", sorted(lx.CODES))
@pytest.mark.parametrize("shape", ["{}500", "{} 500", "500 {}", "500{}"])
def test_money_reads_every_code_before_and_after_the_amount(code: str, shape: str) -> None:
    text = shape.format(code)
    assert _currencies(text) == [lx.CODES[code]], text


@pytest.mark.parametrize("word", sorted(lx.EN_CURRENCY_WORDS))
def test_money_reads_every_english_currency_word(word: str) -> None:
    expected = [_expected(lx.EN_CURRENCY_WORDS[word])]
    assert _currencies(f"500 {word}") == expected
    assert _currencies(f"500 {word.title()}") == expected


@pytest.mark.parametrize("word", sorted(lx.CJK_CURRENCY_WORDS))
@pytest.mark.parametrize("shape", ["500{}", "{}500", "500萬{}"])
def test_money_reads_every_chinese_currency_word(word: str, shape: str) -> None:
    text = shape.format(word)
    assert _currencies(text) == [_expected(lx.CJK_CURRENCY_WORDS[word])], text


def _written_currency_forms() -> list[tuple[str, str]]:
    """(an amount with a written currency, its currency) for every table entry that names one."""
    forms = [(f"500 {code}", currency) for code, currency in lx.CODES.items()]
    forms += [(f"{symbol}500", currency) for symbol, currency in lx.SYMBOLS.items()]
    forms += [(f"500{word}", currency) for word, currency in lx.CJK_CURRENCY_WORDS.items()]
    forms += [(f"500 {word}", currency) for word, currency in lx.EN_CURRENCY_WORDS.items()]
    return [(form, currency) for form, currency in forms if currency in lx.KNOWN_CURRENCIES]


_CELL_MARKERS: tuple[str, ...] = getattr(tables_module, "MONEY_MARKERS", ())
_CELL_MARKERS_XFAIL = pytest.mark.xfail(
    strict=True,
    reason="tables.MONEY_MARKERS, the words that send a cell without a unit to parse_money, is "
    "a hand-kept subset of the currency tables: '500 SGD' or '500人民幣' stays text",
)


def _cell_case(form: str, currency: str) -> object:
    if _CELL_MARKERS and not any(marker in form.lower() for marker in _CELL_MARKERS):
        return pytest.param(form, currency, marks=_CELL_MARKERS_XFAIL, id=form)
    return pytest.param(form, currency, id=form)


@pytest.mark.parametrize(("form", "currency"), [_cell_case(*f) for f in _written_currency_forms()])
def test_table_cells_read_every_written_currency(form: str, currency: str) -> None:
    (table,) = hk.find_tables(f"| Item | Budget |\n|---|---|\n| A | {form} |\n| B | 7 |\n")
    cell = table.rows[0][1]
    assert (cell.kind, cell.money) == ("money", hk.Money(amount=Decimal(500), currency=currency))


# --- numerals and scales -----------------------------------------------------------------------

PLAIN_NONZERO_DIGITS = [d for d in lx.CJK_PLAIN_DIGITS if lx.CJK_DIGITS[d]]


@pytest.mark.parametrize("digit", PLAIN_NONZERO_DIGITS)
def test_money_reads_every_plain_digit_before_a_myriad(digit: str) -> None:
    assert _amounts(f"撥款{digit}億元") == [lx.CJK_DIGITS[digit] * Decimal(10**8)]


@pytest.mark.parametrize("unit", lx.CJK_PLAIN_SMALL_UNITS)
def test_money_reads_every_plain_small_unit(unit: str) -> None:
    assert _amounts(f"撥款三{unit}億元") == [3 * lx.CJK_SMALL_UNITS[unit] * Decimal(10**8)]


@pytest.mark.xfail(
    strict=True,
    reason="money's number token is a run of CJK_NUMERALS, which leaves out the financial "
    "digits and units the numeral reader knows (CJK_DIGITS, CJK_SMALL_UNITS): 貳億元 reads as "
    "億元, one hundred million",
)
@pytest.mark.parametrize("digit", [d for d in lx.CJK_FINANCIAL_DIGITS if lx.CJK_DIGITS[d] > 1])
def test_money_reads_every_financial_digit_before_a_myriad(digit: str) -> None:
    assert _amounts(f"撥款{digit}億元") == [lx.CJK_DIGITS[digit] * Decimal(10**8)]


@pytest.mark.parametrize("scale", sorted(s for s in lx.MONEY_SCALES if s.isascii()))
def test_money_reads_every_english_scale(scale: str) -> None:
    assert _amounts(f"HK$5{scale}") == [5 * Decimal(lx.MONEY_SCALES[scale])]
    if scale not in lx.SINGLE_LETTER_SCALES:
        assert _amounts(f"HK$5 {scale}") == [5 * Decimal(lx.MONEY_SCALES[scale])]


@pytest.mark.parametrize("scale", sorted(s for s in lx.MONEY_SCALES if not s.isascii()))
def test_money_reads_every_chinese_scale(scale: str) -> None:
    assert _amounts(f"撥款5{scale}港元") == [5 * Decimal(lx.MONEY_SCALES[scale])]


@pytest.mark.parametrize("digit", lx.CJK_POSITIONAL_DIGITS)
def test_dates_read_every_positional_digit_in_a_year(digit: str) -> None:
    (mention,) = hk.find_dates(f"於二〇二{digit}年七月推出")
    assert mention.value.year == 2020 + lx.CJK_DIGITS[digit]


def test_dates_read_no_liang_in_a_year() -> None:
    assert hk.find_dates("於二〇二兩年七月推出") == []


@pytest.mark.parametrize("digit", lx.CJK_PLAIN_DIGITS + lx.CJK_FINANCIAL_DIGITS)
def test_percentages_read_every_plain_and_financial_digit(digit: str) -> None:
    assert hk.parse_percentage(f"百分之{digit}").value == lx.CJK_DIGITS[digit]


DENOMINATORS = ["百", "佰", "千", "仟", "萬", "万", "十萬", "百萬", "千萬", "萬萬", "億", "百萬萬"]


@pytest.mark.parametrize("denominator", DENOMINATORS)
def test_percentages_read_every_unit_denominator(denominator: str) -> None:
    value = hk.parse_percentage(f"{denominator}分之五").value
    assert value == Decimal(500) / (lx.cjk_unit_value(denominator) or 0)


@pytest.mark.parametrize("char", lx.CJK_NUMERALS)
def test_unread_chinese_numerals_span_every_numeral_character(char: str) -> None:
    unparsed = hk.extract(f"有三{char}個").unparsed
    assert [(u.span.text, u.reason) for u in unparsed] == [(f"三{char}", "count")]


@pytest.mark.parametrize("char", "○" + lx.CJK_FINANCIAL_DIGITS + "拾佰仟點")
def test_unread_chinese_numerals_stop_at_other_characters(char: str) -> None:
    assert hk.extract(f"有三{char}個").unparsed == ()


# --- counters ----------------------------------------------------------------------------------


@pytest.mark.parametrize("counter", lx.COUNTERS)
def test_a_counter_after_a_chinese_scale_makes_a_count(counter: str) -> None:
    assert hk.find_money(f"共100億{counter}") == []


@pytest.mark.parametrize("counter", lx.COUNTERS)
def test_a_counter_after_a_written_currency_follows_its_list(counter: str) -> None:
    found = hk.find_money(f"HK$100 {counter}")
    assert (found == []) is (counter in lx.MONEY_NOT_AFTER_COUNTERS)


@pytest.mark.parametrize("word", ["100億人民幣", "100億台幣", "100億項目"])
def test_a_word_a_counter_starts_is_no_count(word: str) -> None:
    assert len(hk.find_money(f"共{word}")) == 1


@pytest.mark.parametrize("counter", lx.COUNTERS)
def test_unread_numbers_before_a_counter_are_counts(counter: str) -> None:
    reasons = [u.reason for u in hk.extract(f"有30{counter}").unparsed]
    assert (reasons == ["count"]) is (counter in lx.COUNT_REASON_COUNTERS)


# --- stop characters ---------------------------------------------------------------------------


@pytest.mark.parametrize("char", sorted(lx.HAN_STOP_CHARS))
def test_a_stop_character_ends_a_chinese_long_form(char: str) -> None:
    (found,) = find_abbreviations(f"政府{char}創新科技署（創科署）")
    assert found.long.text == "創新科技署"


def test_ji_sits_inside_a_chinese_long_form() -> None:
    (found,) = find_abbreviations("創新及科技局（創科局）")
    assert found.long.text == "創新及科技局"


# --- header units ------------------------------------------------------------------------------

HEADER_UNITS = ["百萬港元", "港幣千元", "人民幣億元", "HK$ million", "US$'000", "億元", "$m"]


@pytest.mark.parametrize("unit", HEADER_UNITS)
def test_money_unit_of_a_header_is_the_lexicon_header_unit(unit: str) -> None:
    currency, multiplier = lx.header_unit(unit) or ("?", Decimal(0))
    assert money_unit_of(f"Budget ({unit})") == (currency or "HKD", multiplier)


@pytest.mark.parametrize("unit", HEADER_UNITS)
def test_table_cells_take_the_lexicon_header_unit(unit: str) -> None:
    currency, multiplier = lx.header_unit(unit) or ("?", Decimal(0))
    text = f"| Item | Budget ({unit}) |\n|---|---|\n| A | 1,000 |\n"
    (table,) = hk.find_tables(text, default_currency="HKD")
    money = table.rows[0][1].money
    assert money is not None
    assert (money.currency, money.amount) == (currency or "HKD", 1000 * multiplier)


# --- full-width forms and scientific notation --------------------------------------------------


@pytest.mark.parametrize("wide", [c for c in lx.MONEY_HALFWIDTH.chars if c.isdecimal()])
def test_money_reads_full_width_digits(wide: str) -> None:
    assert _amounts(f"HK${wide}5") == [Decimal(lx.FULLWIDTH_FORMS[wide] + "5")]


@pytest.mark.parametrize("wide", [c for c in lx.NUMBER_HALFWIDTH.chars if c.isdecimal()])
def test_percentages_read_full_width_digits(wide: str) -> None:
    (mention,) = hk.find_percentages(f"增長{wide}5％")
    assert mention.percentage.value == Decimal(lx.FULLWIDTH_FORMS[wide] + "5")


def test_money_reads_a_full_width_tilde_as_its_ascii() -> None:
    def read(text: str) -> list[tuple[object, ...]]:
        return [
            (m.money, m.span.start, m.span.end, m.cue and m.cue.start)
            for m in hk.find_money(text, default_currency="HKD")
        ]

    assert read("１～２萬元") == read("1~2萬元") != []


@pytest.mark.parametrize("text", ["HK$1e5", "1e5 dollars", "HK$2.5E-3", "cost 3E+4 HK$"])
def test_money_reads_no_scientific_notation(text: str) -> None:
    assert hk.find_money(text) == []


@pytest.mark.parametrize("text", ["1e-4%", "2.5E+3%"])
def test_percentages_read_no_scientific_exponent(text: str) -> None:
    assert hk.find_percentages(text) == []


@pytest.mark.parametrize("text", ["1e30", "2.5E-3", "6E+10"])
def test_extract_reports_scientific_notation_as_ambiguous(text: str) -> None:
    assert {u.reason for u in hk.extract(text).unparsed} == {"ambiguous"}
