"""The shared vocabulary (hkpolicy._lexicon): every table well formed, every helper exact, and
every pattern derived from a table agreeing with it."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from hkpolicy import _lexicon as lx

# --- tables are well formed ---------------------------------------------------------------------

CHARACTER_SETS = {
    "CJK_PLAIN_DIGITS": lx.CJK_PLAIN_DIGITS,
    "CJK_POSITIONAL_DIGITS": lx.CJK_POSITIONAL_DIGITS,
    "CJK_FINANCIAL_DIGITS": lx.CJK_FINANCIAL_DIGITS,
    "CJK_PLAIN_SMALL_UNITS": lx.CJK_PLAIN_SMALL_UNITS,
    "CJK_NUMERALS": lx.CJK_NUMERALS,
}

WORD_TUPLES = {
    "COUNTERS": lx.COUNTERS,
    "MONEY_NOT_AFTER_COUNTERS": lx.MONEY_NOT_AFTER_COUNTERS,
    "UNIT_LABELS": lx.UNIT_LABELS,
}


@pytest.mark.parametrize("name", sorted(CHARACTER_SETS))
def test_character_strings_hold_each_character_once(name: str) -> None:
    chars = CHARACTER_SETS[name]
    assert len(set(chars)) == len(chars), f"{name} repeats a character"


@pytest.mark.parametrize("name", sorted(WORD_TUPLES))
def test_word_tuples_hold_each_word_once(name: str) -> None:
    words = WORD_TUPLES[name]
    assert len(set(words)) == len(words), f"{name} repeats a word"
    assert all(words), f"{name} holds an empty word"


def test_digit_groups_are_the_digit_table() -> None:
    groups = lx.CJK_PLAIN_DIGITS + lx.CJK_POSITIONAL_DIGITS + lx.CJK_FINANCIAL_DIGITS
    assert set(groups) == set(lx.CJK_DIGITS)
    assert {lx.CJK_DIGITS[c] for c in lx.CJK_FINANCIAL_DIGITS} == set(range(1, 10))
    assert sorted(lx.CJK_DIGITS[c] for c in lx.CJK_POSITIONAL_DIGITS) == [0, 0, 0, *range(1, 10)]
    # 兩 is a digit before a unit, never one of a place-by-place year.
    assert "兩" in lx.CJK_PLAIN_DIGITS and "兩" not in lx.CJK_POSITIONAL_DIGITS


def test_numeral_digits_units_and_points_are_disjoint() -> None:
    tables = [set(lx.CJK_DIGITS), set(lx.CJK_SMALL_UNITS), set(lx.CJK_BIG_UNITS)]
    tables.append(set(lx.CJK_DECIMAL_POINTS))
    for i, first in enumerate(tables):
        for second in tables[i + 1 :]:
            assert not first & second
    assert set(lx.CJK_PLAIN_SMALL_UNITS) <= set(lx.CJK_SMALL_UNITS)
    assert set(lx.CJK_NUMERALS) == (
        set(lx.CJK_PLAIN_DIGITS) | set(lx.CJK_PLAIN_SMALL_UNITS) | set(lx.CJK_BIG_UNITS)
    )


def test_numerals_are_han_or_the_circle_zero() -> None:
    for char in lx.CJK_DIGITS.keys() | lx.CJK_SMALL_UNITS.keys() | lx.CJK_BIG_UNITS.keys():
        assert regex.fullmatch(r"\p{Han}", char) or char == "○", char


SCALE_TABLES = {
    "EN_SCALES": lx.EN_SCALES,
    "EN_SCALE_PLURALS": lx.EN_SCALE_PLURALS,
    "CJK_MONEY_SCALES": lx.CJK_MONEY_SCALES,
    "THOUSANDS_MARKS": lx.THOUSANDS_MARKS,
    "MONEY_SCALES": lx.MONEY_SCALES,
    "UNIT_SCALES": lx.UNIT_SCALES,
}


@pytest.mark.parametrize("name", sorted(SCALE_TABLES))
def test_scales_are_powers_of_ten_keyed_in_lower_case(name: str) -> None:
    for word, factor in SCALE_TABLES[name].items():
        assert word == word.lower() == word.strip(), (name, word)
        assert factor >= 10 and str(factor).strip("0") == "1", (name, word, factor)


def test_scale_tables_nest_and_agree() -> None:
    assert lx.EN_SCALES.keys() >= lx.SINGLE_LETTER_SCALES
    assert all(len(s) == 1 for s in lx.SINGLE_LETTER_SCALES)
    assert lx.EN_SCALES.items() <= lx.MONEY_SCALES.items()
    assert lx.CJK_MONEY_SCALES.items() <= lx.MONEY_SCALES.items()
    assert lx.MONEY_SCALES.items() <= lx.UNIT_SCALES.items()
    assert lx.EN_SCALE_PLURALS.items() <= lx.UNIT_SCALES.items()
    assert lx.THOUSANDS_MARKS.items() <= lx.UNIT_SCALES.items()


def test_chinese_scales_have_the_value_their_units_spell() -> None:
    from hkpolicy._numerals import parse_cjk_number

    for word, factor in lx.UNIT_SCALES.items():
        if regex.fullmatch(r"\p{Han}+", word):
            assert lx.cjk_unit_value(word) == factor, word
            assert parse_cjk_number("一" + word) == factor, word


def test_unit_words_multiply_their_units() -> None:
    assert lx.cjk_unit_value("百萬萬") == 10**10
    assert lx.cjk_unit_value("仟") == 1000
    assert lx.cjk_unit_value("") is None
    assert lx.cjk_unit_value("百分") is None


def test_currency_tables_name_known_currencies() -> None:
    markers = {lx.BARE, lx.YEN}
    for table in (lx.SYMBOLS, lx.CODES, lx.EN_CURRENCY_WORDS, lx.CJK_CURRENCY_WORDS):
        assert set(table.values()) <= lx.KNOWN_CURRENCIES | markers
    assert set(lx.CODES.values()) <= lx.KNOWN_CURRENCIES
    assert lx.YUAN_LOCAL <= lx.KNOWN_CURRENCIES
    # Every code the library accepts is also read as written.
    assert set(lx.CODES) >= lx.KNOWN_CURRENCIES


def test_currency_keys_are_in_their_normal_form() -> None:
    for symbol in lx.SYMBOLS:
        assert symbol == symbol.upper() and " " not in symbol and "." not in symbol[:-1], symbol
    assert all(code == code.upper() and code.isalpha() for code in lx.CODES)
    assert all(word == word.lower() == " ".join(word.split()) for word in lx.EN_CURRENCY_WORDS)
    assert all(regex.fullmatch(r"\p{Han}+", word) for word in lx.CJK_CURRENCY_WORDS)


def test_loose_prefixes_are_dollar_prefixes() -> None:
    assert set(lx.dollar_prefixes()) >= lx.LOOSE_SYMBOL_PREFIXES
    assert "AU" in lx.dollar_prefixes() and "NT" in lx.dollar_prefixes()


def test_minor_units_are_fractions_of_one() -> None:
    for table in (lx.EN_MINOR_UNITS, lx.CJK_MINOR_UNITS):
        assert all(Decimal(0) < v < Decimal(1) for v in table.values())


def test_counter_subsets_are_counters() -> None:
    counters = set(lx.COUNTERS)
    assert set(lx.MONEY_NOT_AFTER_COUNTERS) <= counters
    assert counters >= lx.COUNT_REASON_COUNTERS
    assert counters >= lx.HAN_NAME_COUNTERS
    assert set(lx.COUNTER_NOT_BEFORE) <= counters


def test_counters_refuse_the_longer_words_they_start() -> None:
    pattern = regex.compile("|".join(lx.counter_fragments(lx.COUNTERS)))
    for word in ("人民幣", "項目", "项目", "台幣", "台币"):
        assert pattern.match(word) is None, word
    for word in ("人次", "項計劃", "台電腦", "張相片"):
        assert pattern.match(word) is not None, word
    assert all(pattern.fullmatch(counter) for counter in lx.COUNTERS)


def test_stop_characters_leave_names_whole() -> None:
    # 及 sits inside names (創新及科技局), so it stops no name.
    assert "及" not in lx.HAN_STOP_CHARS
    assert all(regex.fullmatch(r"\p{Han}", char) for char in lx.HAN_STOP_CHARS)
    assert not lx.HAN_STOP_CHARS & set(lx.CJK_NUMERALS)


# --- fragment helpers ----------------------------------------------------------------------------


def test_longest_first_orders_by_length_then_code_point() -> None:
    assert lx.longest_first(["b", "a", "ccc", "dd", "a"]) == ("ccc", "dd", "a", "b")


def test_alternation_finds_the_longest_word_at_a_position() -> None:
    words = ["百", "百萬", "百萬萬", "k", "'000", "'000,000"]
    pattern = re.compile(lx.alternation(words))
    assert pattern.match("百萬萬元").group() == "百萬萬"
    assert pattern.match("'000,000)").group() == "'000,000"
    assert regex.compile(lx.alternation(words), regex.VERBOSE).match("'000,000").group() == (
        "'000,000"
    )


def test_alternation_spaces_match_the_given_run() -> None:
    pattern = regex.compile(lx.alternation(["hong kong dollars", "hk dollars"], space=r"\s+"))
    assert pattern.fullmatch("hong  kong\tdollars")
    assert pattern.fullmatch("hk dollars")
    assert not pattern.fullmatch("hongkong dollars")


def test_alternation_of_fragments_is_not_escaped() -> None:
    assert lx.alternation([r"\d+", "a"], escape=False) == r"\d+|a"


def test_char_class_matches_exactly_its_characters() -> None:
    chars = "-]^\\萬a"
    pattern = re.compile(lx.char_class(chars))
    assert all(pattern.fullmatch(c) for c in chars)
    assert not any(pattern.fullmatch(c) for c in "b[億0")
    with pytest.raises(ValueError, match="single characters"):
        lx.char_class(["萬萬"])


# --- derived classes agree with their tables ----------------------------------------------------

# Every character of the CJK Unified Ideographs block and its extension A, the CJK symbols
# (〇 among them), and the circle ○.
CJK_BLOCK = [chr(c) for c in range(0x3400, 0x4DC0)] + [chr(c) for c in range(0x4E00, 0xA000)]
CJK_BLOCK += [chr(c) for c in range(0x3000, 0x3040)] + ["○"]


@pytest.mark.parametrize("name", sorted(CHARACTER_SETS))
def test_character_class_agrees_with_its_table(name: str) -> None:
    chars = CHARACTER_SETS[name]
    pattern = regex.compile(lx.char_class(chars))
    matched = {c for c in CJK_BLOCK if pattern.fullmatch(c)}
    assert matched == set(chars)


# --- full-width forms ----------------------------------------------------------------------------


def test_fullwidth_forms_are_the_compatibility_forms_of_their_ascii() -> None:
    for wide, narrow in lx.FULLWIDTH_FORMS.items():
        assert unicodedata.normalize("NFKC", wide) == narrow
        assert len(wide) == len(narrow) == 1
    assert "，" not in lx.FULLWIDTH_FORMS  # a clause break in Chinese, not a digit group


@pytest.mark.parametrize("convert", [lx.NUMBER_HALFWIDTH, lx.MONEY_HALFWIDTH], ids=repr)
def test_halfwidth_converts_its_characters_one_for_one(convert: lx.Halfwidth) -> None:
    text = "".join(lx.FULLWIDTH_FORMS) + "，萬abc"
    converted = convert(text)
    assert len(converted) == len(text)
    for wide, narrow in zip(text, converted, strict=True):
        expected = lx.FULLWIDTH_FORMS[wide] if wide in convert.chars else wide
        assert narrow == expected
    plain = "HK$5億"
    assert convert(plain) is plain


# Pieces that build texts on both sides of the length from which a form is looked for alone.
_HALFWIDTH_PIECES = [*lx.FULLWIDTH_FORMS, "，", "萬", "a", " ", "é", "约", "x" * 200, "億" * 150]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HALFWIDTH_PIECES), max_size=12))
def test_halfwidth_changes_exactly_the_texts_its_conversion_changes(pieces: list[str]) -> None:
    text = "".join(pieces)
    for convert in (lx.NUMBER_HALFWIDTH, lx.MONEY_HALFWIDTH):
        changed = text.translate(str.maketrans(convert.table)) != text
        assert convert.changes(text) is changed, (convert, text)
        assert (convert(text) is text) is not changed


@pytest.mark.parametrize("length", [3, 300])
def test_halfwidth_finds_each_form_alone_in_short_and_long_texts(length: int) -> None:
    for convert in (lx.NUMBER_HALFWIDTH, lx.MONEY_HALFWIDTH):
        plain = "萬" * length
        assert not convert.changes(plain)
        for wide in lx.FULLWIDTH_FORMS:
            text = plain[: length // 2] + wide + plain[length // 2 :]
            assert convert.changes(text) is (wide in convert.chars), (convert, wide, length)


def test_halfwidth_sets_differ_only_in_signs_and_tilde() -> None:
    number, money = set(lx.NUMBER_HALFWIDTH.chars), set(lx.MONEY_HALFWIDTH.chars)
    assert number - money == set("＋－")
    assert money - number == {"～"}
    with pytest.raises(ValueError, match="not full-width"):
        lx.Halfwidth("，")


# --- scientific notation -------------------------------------------------------------------------

EXPONENT_CASES = [
    # (text, number start, number end, exponent before the number, exponent after it)
    ("1e30", 2, 4, True, False),
    ("1e30", 0, 1, False, True),
    ("2.5E-3", 5, 6, True, False),
    ("2.5E-3", 0, 3, False, True),
    ("6E+10", 0, 1, False, True),
    ("6E+10", 3, 5, True, False),
    ("Note 30", 5, 7, False, False),
    ("e30", 1, 3, False, False),
    ("-30", 1, 3, False, False),
    ("3 each", 0, 1, False, False),
    ("3e", 0, 1, False, False),
    ("3e-", 0, 1, False, False),
    ("3e-x", 0, 1, False, False),
]


@pytest.mark.parametrize(
    ("text", "start", "end", "before", "after"), EXPONENT_CASES, ids=lambda v: repr(v)
)
def test_scientific_notation_is_recognised_around_a_number(
    text: str, start: int, end: int, before: bool, after: bool
) -> None:
    assert lx.exponent_before(text, start) is before
    assert lx.exponent_after(text, end) is after


# --- currencies as written and header units -----------------------------------------------------


def test_currency_of_every_table_entry() -> None:
    for symbol, code in lx.SYMBOLS.items():
        assert lx.currency_of(symbol)[:2] == (code, "symbol")
    for code, currency in lx.CODES.items():
        assert lx.currency_of(code.lower())[:2] == (currency, "code")
    for word, currency in lx.EN_CURRENCY_WORDS.items():
        assert lx.currency_of(word.upper())[:2] == (currency, "word")
    for word, currency in lx.CJK_CURRENCY_WORDS.items():
        assert lx.currency_of(word)[:2] == (currency, "word")
    assert lx.currency_of("u.s. $").currency == "USD"
    assert lx.currency_of("MUSD") == ("USD", "code", "")
    assert lx.currency_of("$").bare_kind == "dollar"
    assert lx.currency_of("元").bare_kind == "yuan"


HEADER_UNITS = [
    # (header unit, expected (currency, multiplier))
    ("百萬港元", ("HKD", Decimal(10**6))),
    ("港幣千元", ("HKD", Decimal(10**3))),
    ("人民幣億元", ("CNY", Decimal(10**8))),
    ("港幣百萬元", ("HKD", Decimal(10**6))),
    ("百万港元", ("HKD", Decimal(10**6))),
    ("港币千元", ("HKD", Decimal(10**3))),
    ("人民币亿元", ("CNY", Decimal(10**8))),
    ("十億港元", ("HKD", Decimal(10**9))),
    ("億元", (None, Decimal(10**8))),
    ("萬元", (None, Decimal(10**4))),
    ("HK$ million", ("HKD", Decimal(10**6))),
    ("HK$'000", ("HKD", Decimal(10**3))),
    ("HK$’000,000", ("HKD", Decimal(10**6))),
    ("US$ bn", ("USD", Decimal(10**9))),
    ("RMB million", ("CNY", Decimal(10**6))),
    ("$m", (None, Decimal(10**6))),
    ("hk $ thousands", ("HKD", Decimal(10**3))),
    ("Unit: HK$'000", ("HKD", Decimal(10**3))),
    ("單位：港幣百萬元", ("HKD", Decimal(10**6))),
    ("ＨＫ＄ million", None),  # full-width letters are not a symbol
    ("＄m", (None, Decimal(10**6))),
    ("HKD", ("HKD", Decimal(1))),
    ("million", None),  # a scale with no currency is a number column, not money
    ("HK$ million US$", None),  # two currencies
    ("¥ million", None),  # yen or yuan: the header does not say
    ("Budget", None),
    ("港元" * 21, None),  # longer than a unit
]


@pytest.mark.parametrize(("text", "expected"), HEADER_UNITS, ids=[h for h, _ in HEADER_UNITS])
def test_header_unit_reads_currency_and_multiplier(
    text: str, expected: tuple[str | None, Decimal] | None
) -> None:
    assert lx.header_unit(text) == expected


def test_header_unit_cases_are_distinct() -> None:
    texts = [text for text, _ in HEADER_UNITS]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("text", [h for h, _ in HEADER_UNITS], ids=[h for h, _ in HEADER_UNITS])
def test_money_reads_header_units_as_the_lexicon_does(text: str) -> None:
    from hkpolicy.money import read_unit

    unit = lx.header_unit(text)
    assert read_unit(text) == (None if unit is None else (unit[0], int(unit[1])))


def test_the_currency_registry_defines_exactly_the_known_currencies() -> None:
    from importlib import resources

    from hkpolicy.units import get_registry

    text = resources.files("hkpolicy.data").joinpath("currency.txt").read_text(encoding="utf-8")
    defined = set(regex.findall(r"(?m)^([A-Z]{3}) = ", text))
    assert defined == lx.KNOWN_CURRENCIES
    registry = get_registry()
    assert all(code in registry for code in lx.KNOWN_CURRENCIES)
    assert "XYZ" not in registry
    # The registry's own symbols are symbols and codes the text readers know.
    for unit, symbol in (("HKD", "HK$"), ("USD", "US$"), ("CNY", "RMB")):
        assert registry.get_symbol(unit) == symbol
        assert lx.currency_of(symbol).currency == unit


UNIT_PIECES = [
    *lx.SYMBOLS, *lx.CODES, "hk $", "u.s.$", "Hong Kong dollars", "人民幣", "港幣", "元",
    *lx.UNIT_SCALES, "Million", "BN", " ", "  ", "(", "單位：", "Unit:", "＄", "１", "x", "$5",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(UNIT_PIECES), min_size=1, max_size=5).map("".join))
def test_money_reads_any_unit_text_as_the_lexicon_does(text: str) -> None:
    from hkpolicy.money import read_unit

    unit = lx.header_unit(text)
    assert read_unit(text) == (None if unit is None else (unit[0], int(unit[1])))
