"""The shared vocabulary of Hong Kong text, written once: numerals, scales, currencies, header
units, counters, stop characters and full-width forms, with the pure helpers that turn them into
pattern fragments.

Every table is plain typed data (strings, tuples, frozensets, read-only mappings), in the three
scripts the library reads (English, Traditional and Simplified Chinese). Scanners derive their
patterns from these tables rather than writing the vocabulary out again, so a word added here is
read everywhere; ``tests/test_lexicon.py`` checks each table is well formed and that each derived
pattern agrees with its table.

The helpers are pure functions of the tables:

- :func:`char_class` and :func:`alternation` build regex fragments (a character class; a
  longest-first alternation of words, with optional flexible spaces);
- :class:`Halfwidth` converts full-width forms to ASCII one character for one, so offsets found
  in the converted text hold in the original;
- :func:`exponent_before` and :func:`exponent_after` tell a number that is part of scientific
  notation ("1e30", "2.5E-3");
- :func:`currency_of` names the currency of a symbol, code or currency word as written, and
  :func:`header_unit` reads a table-header unit ("HK$ million", 百萬港元, 港幣千元, 人民幣億元).

This module sits at the bottom of the layering: it imports only the standard library and
``regex``, so every scanner may import it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

import regex

__all__ = [
    "BARE",
    "CJK_BIG_UNITS",
    "CJK_CURRENCY_WORDS",
    "CJK_DECIMAL_POINTS",
    "CJK_DIGITS",
    "CJK_FINANCIAL_DIGITS",
    "CJK_MINOR_UNITS",
    "CJK_MONEY_SCALES",
    "CJK_NUMERALS",
    "CJK_PLAIN_DIGITS",
    "CJK_PLAIN_SMALL_UNITS",
    "CJK_POSITIONAL_DIGITS",
    "CJK_SMALL_UNITS",
    "CODES",
    "COUNTERS",
    "COUNTER_NOT_BEFORE",
    "COUNT_REASON_COUNTERS",
    "EN_CURRENCY_WORDS",
    "EN_MINOR_UNITS",
    "EN_SCALES",
    "EN_SCALE_PLURALS",
    "FULLWIDTH_FORMS",
    "HAN_NAME_COUNTERS",
    "HAN_STOP_CHARS",
    "KNOWN_CURRENCIES",
    "LOOSE_SYMBOL_PREFIXES",
    "MONEY_HALFWIDTH",
    "MONEY_NOT_AFTER_COUNTERS",
    "MONEY_SCALES",
    "NUMBER_HALFWIDTH",
    "SINGLE_LETTER_SCALES",
    "SYMBOLS",
    "THOUSANDS_MARKS",
    "UNIT_LABELS",
    "UNIT_SCALES",
    "YEN",
    "YUAN_LOCAL",
    "CurrencyReading",
    "Halfwidth",
    "alternation",
    "char_class",
    "cjk_unit_value",
    "counter_fragments",
    "currency_of",
    "dollar_prefixes",
    "exponent_after",
    "exponent_before",
    "header_unit",
    "longest_first",
    "symbol_fragment",
]


def __dir__() -> list[str]:
    return __all__


def _frozen(mapping: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(mapping))


# --- numerals ---------------------------------------------------------------------------------

CJK_PLAIN_DIGITS = "〇零一二兩两三四五六七八九"
"""Chinese digits of everyday text, 0 to 9 (兩/两 is 2 before a unit). With the plain units and
the myriads they make :data:`CJK_NUMERALS`. Used by the money, extraction and percent scanners."""

CJK_POSITIONAL_DIGITS = "〇零○一二三四五六七八九"
"""Digits as a year or a date writes them, one per place (二〇二四, 二零二四年七月): with the
circle ○ often typed for 〇, and without 兩, which never stands for a digit in a place. Used by
the date and period patterns and by the funding scanner's list markers."""

CJK_FINANCIAL_DIGITS = "壹貳贰參叁肆伍陸陆柒捌玖"
"""Financial (大寫) digits, 1 to 9, used on cheques and in some notices."""

CJK_DIGITS: Mapping[str, int] = _frozen(
    {
        "零": 0, "〇": 0, "○": 0,
        "一": 1, "壹": 1,
        "二": 2, "兩": 2, "两": 2, "貳": 2, "贰": 2,
        "三": 3, "參": 3, "叁": 3,
        "四": 4, "肆": 4,
        "五": 5, "伍": 5,
        "六": 6, "陸": 6, "陆": 6,
        "七": 7, "柒": 7,
        "八": 8, "捌": 8,
        "九": 9, "玖": 9,
    }
)  # fmt: skip
"""Every Chinese digit and its value: the plain, positional and financial digits together.
Read by :func:`hkpolicy._numerals.parse_cjk_number` and the date readers."""

CJK_SMALL_UNITS: Mapping[str, int] = _frozen(
    {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
)
"""Units below 萬, which multiply the digit before them (plain and financial forms)."""

CJK_PLAIN_SMALL_UNITS = "十百千"
"""The everyday small units (the financial 拾佰仟 aside)."""

CJK_BIG_UNITS: Mapping[str, int] = _frozen(
    {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12}
)
"""Myriad units, which close a section: 萬 = 10^4, 億 = 10^8, 兆 = 10^12 (the Hong Kong and
Taiwan reading). After an Arabic number they make it an amount ("500億", "5,000萬")."""

CJK_DECIMAL_POINTS = frozenset("點点")
"""The Chinese decimal point (三點五 = 3.5)."""

CJK_NUMERALS = CJK_PLAIN_DIGITS + CJK_PLAIN_SMALL_UNITS + "".join(CJK_BIG_UNITS)
"""Every character of an everyday Chinese numeral ("五十五億", "三萬五千"): plain digits, plain
small units and myriads. The number tokens of the money scanner and of the extraction's
unparsed-number report are runs of these."""


def cjk_unit_value(word: str) -> int | None:
    """The value of a word made of Chinese units only, each multiplying the rest: 百萬 = 10^6,
    萬萬 = 10^8, 百萬萬 = 10^10 (as 百分之 and 萬萬分之 use them); None for any other word.
    (Numbers with digits are :func:`hkpolicy._numerals.parse_cjk_number`'s.)

    >>> cjk_unit_value("十億"), cjk_unit_value("萬萬"), cjk_unit_value("三萬")
    (1000000000, 100000000, None)
    """
    value = 1
    for char in word:
        unit = CJK_SMALL_UNITS.get(char) or CJK_BIG_UNITS.get(char)
        if unit is None:
            return None
        value *= unit
    return value if word else None


# --- scales -----------------------------------------------------------------------------------

EN_SCALES: Mapping[str, int] = _frozen(
    {
        "thousand": 10**3, "k": 10**3,
        "million": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6, "m": 10**6,
        "billion": 10**9, "bn": 10**9, "b": 10**9,
        "trillion": 10**12, "tn": 10**12, "trn": 10**12,
    }
)  # fmt: skip
"""English scale words and abbreviations after a number, lower case."""

SINGLE_LETTER_SCALES = frozenset({"k", "m", "b"})
"""Scales of one letter: only safe attached to a number ("HK$100m", "HK$93.7B")."""

EN_SCALE_PLURALS: Mapping[str, int] = _frozen(
    {"thousands": 10**3, "millions": 10**6, "billions": 10**9}
)
"""Plural scale words: "millions" after an amount, "thousands" in a header ("HK$ thousands")."""

CJK_MONEY_SCALES: Mapping[str, int] = _frozen(
    {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "千": 10**3,
     "百萬": 10**6, "百万": 10**6, "千萬": 10**7, "千万": 10**7}
)  # fmt: skip
"""Chinese scales written after an amount ("5,000萬元", "3.96億港元")."""

THOUSANDS_MARKS: Mapping[str, int] = _frozen(
    {"'000": 10**3, "’000": 10**3, "000": 10**3, "'000,000": 10**6, "’000,000": 10**6}
)
"""Scales written as zeros in a unit ("HK$'000", "('000,000)")."""

MONEY_SCALES: Mapping[str, int] = _frozen(
    {
        **EN_SCALES,
        **{word: EN_SCALE_PLURALS[word] for word in ("millions", "billions")},
        **CJK_MONEY_SCALES,
    }
)
"""Scales after an amount of money, lower case; the money scanner's scale vocabulary."""

UNIT_SCALES: Mapping[str, int] = _frozen(
    {
        **MONEY_SCALES,
        "thousands": EN_SCALE_PLURALS["thousands"],
        **THOUSANDS_MARKS,
        "十億": 10**9, "十亿": 10**9,
    }
)  # fmt: skip
"""Scales as a unit names them, in a table header or beside it ("HK$ million", "(HK$'000)",
港幣百萬元, "(十億元)"): read by :func:`header_unit` and by the tables' number columns."""


# --- currencies -------------------------------------------------------------------------------

BARE = "bare"
"""Marker for a currency the text leaves open ("$", 元, "dollars"): the context decides."""
YEN = "yen"
"""Marker for ¥/￥: JPY or CNY, decided from the context."""

KNOWN_CURRENCIES: frozenset[str] = frozenset(
    {"HKD", "USD", "CNY", "EUR", "GBP", "JPY", "SGD", "TWD", "MOP", "AUD", "CAD", "CHF", "KRW"}
)
"""ISO 4217 codes the library recognises in text and accepts on a Money."""

SYMBOLS: Mapping[str, str] = MappingProxyType(
    {
        "HK$": "HKD",
        "US$": "USD", "USD$": "USD",
        "S$": "SGD", "SG$": "SGD",
        "NT$": "TWD",
        "MOP$": "MOP",
        "A$": "AUD", "AU$": "AUD",
        "C$": "CAD", "CA$": "CAD",
        "€": "EUR",
        "£": "GBP",
        "円": "JPY",
        "¥": YEN, "￥": YEN,
        "$": BARE,
    }
)  # fmt: skip
"""Currency symbols, keyed by their normal form (upper case, no spaces or dots), before or after
a number ("HK$5", "500 AU$")."""

LOOSE_SYMBOL_PREFIXES = frozenset({"HK", "US", "USD"})
"""Letter prefixes of "X$" symbols that may be written in any case, with dots, and with a space
before the $ ("hk $", "u.s $", "U.S.D$"); every other prefix must be upper case and attached ("a
$5 fee" is bare, "A$5" is Australian)."""

CODES: Mapping[str, str] = MappingProxyType(
    {
        "HKD": "HKD", "USD": "USD", "RMB": "CNY", "CNY": "CNY", "EUR": "EUR", "GBP": "GBP",
        "JPY": "JPY", "SGD": "SGD", "TWD": "TWD", "NTD": "TWD", "MOP": "MOP", "AUD": "AUD",
        "CAD": "CAD", "CHF": "CHF", "KRW": "KRW",
    }
)  # fmt: skip
"""ISO codes (and RMB, NTD) before or after a number: "HKD 200m", "115USD", "RMB1.5 billion"."""

EN_CURRENCY_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "hong kong dollars": "HKD", "hong kong dollar": "HKD", "hk dollars": "HKD",
        "hk dollar": "HKD",
        "u.s. dollars": "USD", "u.s. dollar": "USD", "us dollars": "USD", "us dollar": "USD",
        "united states dollars": "USD", "american dollars": "USD",
        "singapore dollars": "SGD", "singapore dollar": "SGD",
        "new taiwan dollars": "TWD", "new taiwan dollar": "TWD", "taiwan dollars": "TWD",
        "australian dollars": "AUD", "canadian dollars": "CAD",
        "macau patacas": "MOP", "macao patacas": "MOP", "patacas": "MOP", "pataca": "MOP",
        "euros": "EUR", "euro": "EUR",
        "pounds sterling": "GBP", "british pounds": "GBP", "british pound": "GBP",
        "sterling": "GBP",
        "japanese yen": "JPY", "yen": "JPY",
        "chinese yuan": "CNY", "yuan": "CNY", "renminbi": "CNY",
        "swiss francs": "CHF",
        "dollars": BARE, "dollar": BARE,
    }
)  # fmt: skip
"""English currency words after a number, lower case (a space matches any run of spaces)."""

CJK_CURRENCY_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "港元": "HKD", "港幣": "HKD", "港币": "HKD", "港圓": "HKD",
        "美元": "USD", "美金": "USD", "美圓": "USD", "美圆": "USD",
        "元人民幣": "CNY", "元人民币": "CNY", "人民幣": "CNY", "人民币": "CNY",
        "新加坡元": "SGD", "新加坡幣": "SGD", "新元": "SGD", "坡元": "SGD",
        "新台幣": "TWD", "新台币": "TWD", "台幣": "TWD", "台币": "TWD",
        "澳門元": "MOP", "澳门元": "MOP", "澳門幣": "MOP", "澳门币": "MOP", "葡幣": "MOP",
        "歐元": "EUR", "欧元": "EUR",
        "英鎊": "GBP", "英镑": "GBP",
        "日元": "JPY", "日圓": "JPY", "日圆": "JPY",
        "元": BARE, "圓": BARE, "圆": BARE, "塊": BARE, "块": BARE, "蚊": BARE,
    }
)  # fmt: skip
"""Chinese currency words (Traditional and Simplified), before or after a number."""

YUAN_LOCAL = frozenset({"HKD", "CNY", "TWD", "MOP", "SGD"})
"""Currencies whose everyday name is 元: a bare 元 takes the default currency only when it is one
of these; elsewhere (an English text that defaults to USD, say) it is read as renminbi."""

EN_MINOR_UNITS: Mapping[str, Decimal] = MappingProxyType(
    {"cents": Decimal("0.01"), "cent": Decimal("0.01"), "pence": Decimal("0.01")}
)
"""English minor units ("3 dollars 50 cents"): the value of one."""

CJK_MINOR_UNITS: Mapping[str, Decimal] = MappingProxyType(
    {
        "美分": Decimal("0.01"), "分": Decimal("0.01"), "仙": Decimal("0.01"),
        "毛": Decimal("0.1"), "角": Decimal("0.1"), "毫": Decimal("0.1"),
    }
)  # fmt: skip
"""Chinese minor units (五元三毛, 兩美元又三美分): the value of one."""

UNIT_LABELS = ("單位", "单位", "unit", "units")
"""Labels written before a unit in a header ("(單位：港幣百萬元)", "Unit: HK$'000")."""


# --- counters and stop characters -------------------------------------------------------------

COUNTERS: tuple[str, ...] = (
    "张", "張", "人", "名", "間", "间", "家", "項", "项", "年", "個", "个",
    "隻", "只",
    "部", "次", "倍", "宗", "架", "輛", "辆", "本", "件", "戶", "户", "台", "份",
    "位", "條", "条", "座", "所", "棵", "頭", "头", "股", "艘", "幢", "棟", "栋", "層", "层",
    "歲", "岁", "篇", "批", "粒", "枝", "盒", "瓶", "噸", "吨", "公里", "公斤", "公頃",
    "平方米", "平方呎", "呎", "米", "小時", "分鐘", "字", "款", "類", "类", "種", "种", "套",
)  # fmt: skip
"""Counters (classifiers) and measure words: after a number they make it a count of things
("100億張相片", "5,000萬人次", "30名"), not an amount of money."""

COUNTER_NOT_BEFORE: Mapping[str, str] = MappingProxyType(
    {"人": "民", "項": "目", "项": "目", "台": "幣币"}
)
"""Characters that, right after a counter, make it the start of another word: 人 is not 人民幣,
台 is not 台幣, 項 is not 項目 ("a 10億 project" is money). See :func:`counter_fragments`."""

MONEY_NOT_AFTER_COUNTERS: tuple[str, ...] = (
    "张", "張", "人", "名", "間", "家", "項", "项", "年", "個", "个", "隻",
    "部", "次", "倍", "宗", "架", "輛", "本", "件", "戶", "户",
)  # fmt: skip
"""The shorter list of counters that make a number with a written currency no amount (the
money scanner's ``not_money_after``): a subset of :data:`COUNTERS`."""

COUNT_REASON_COUNTERS = frozenset("張個人名間家項宗隻部台次份位戶件架所歲")
"""Counters after which the extraction reports an unread number as a count (30名, 100億張)."""

HAN_NAME_COUNTERS = frozenset("所間個家項位名座")
"""Counters that, after a numeral, count the heads that follow (16所…中心), so a Chinese name
starts after them (entity discovery)."""

HAN_STOP_CHARS = frozenset("的由與和在為是於向將對從經獲並把被以其")
"""Function characters that begin no Hong Kong body's name: walking left from a head word or a
bracketed short form, a Chinese name starts after them. 及 is absent on purpose: it sits inside
names (創新及科技局). Used by abbreviation and entity discovery."""


# --- pattern fragments ------------------------------------------------------------------------


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` without repeats, longest first, then in code-point order: the order in which an
    alternation of literals finds the longest word at a position.

    >>> longest_first(["萬", "百萬", "k", "萬"])
    ('百萬', 'k', '萬')
    """
    return tuple(sorted(set(words), key=lambda word: (-len(word), word)))


def alternation(words: Iterable[str], *, escape: bool = True, space: str | None = None) -> str:
    """A regex alternation of ``words``, longest first (see :func:`longest_first`), each escaped
    unless ``escape`` is False (``words`` are then fragments). With ``space``, each space in a
    word matches ``space`` instead (``r"\\s+"``, ``"[ ]+"``). Works in ``re`` and ``regex``.

    >>> alternation(["per cent", "pct", "%"], space="[ ]+")
    'per[ ]+cent|pct|%'
    """
    quote = re.escape if escape else str
    if space is None:
        return "|".join(quote(word) for word in longest_first(words))
    return "|".join(space.join(map(quote, word.split(" "))) for word in longest_first(words))


def char_class(chars: Iterable[str]) -> str:
    """A regex character class of the single characters ``chars``, in code-point order, escaped
    for ``re`` and ``regex`` alike.

    >>> char_class("萬億-")
    '[\\\\-億萬]'
    """
    unique = sorted(set(chars))
    if not unique or any(len(char) != 1 for char in unique):
        raise ValueError(f"a character class takes single characters, not {unique!r}")
    return "[" + "".join(re.escape(char) for char in unique) + "]"


def counter_fragments(counters: Iterable[str]) -> tuple[str, ...]:
    """Each counter as a regex fragment that refuses the longer word it starts, in the given
    order: 人 -> ``人(?!民)`` (from :data:`COUNTER_NOT_BEFORE`).

    >>> counter_fragments(["張", "台"])
    ('張', '台(?![币幣])')
    """
    fragments = []
    for counter in counters:
        following = COUNTER_NOT_BEFORE.get(counter)
        if following is None:
            fragments.append(re.escape(counter))
        elif len(following) == 1:
            fragments.append(f"{re.escape(counter)}(?!{re.escape(following)})")
        else:
            fragments.append(f"{re.escape(counter)}(?!{char_class(following)})")
    return tuple(fragments)


def dollar_prefixes() -> tuple[str, ...]:
    """The letter prefixes of the "X$" keys of :data:`SYMBOLS`, longest first ("MOP", "USD",
    ... "A", "C", "S")."""
    return longest_first(key[:-1] for key in SYMBOLS if key.endswith("$") and len(key) > 1)


def symbol_fragment(*, after_number: bool) -> str:
    """Any key of :data:`SYMBOLS` as text writes it: loose prefixes in any case, with dots and a
    space before the $ ("u.s $"); strict prefixes upper case and attached ("AU$"); single-sign
    symbols; the bare $. After a number, a "$" must not start the next amount ("$5$6" is two
    amounts). For ``regex`` (it uses a scoped ``(?-i:...)``)."""
    prefixes = dollar_prefixes()
    loose = [prefix for prefix in prefixes if prefix in LOOSE_SYMBOL_PREFIXES]
    strict = [prefix for prefix in prefixes if prefix not in LOOSE_SYMBOL_PREFIXES]
    loose_re = "|".join(r"\.?".join(regex.escape(ch) for ch in p) + r"\.?" for p in loose)
    strict_re = "|".join(regex.escape(p) for p in strict)
    signs = "".join(sorted(key for key in SYMBOLS if len(key) == 1 and key != "$"))
    dollar = r"\$(?!\s?\d)" if after_number else r"\$"
    return (
        rf"(?:(?<![A-Za-z])(?:(?:{loose_re})\s?{dollar}|(?-i:{strict_re}){dollar})"
        rf"|[{regex.escape(signs)}]|{dollar})"
    )


_SPACE_RUN = r"\s+"


def _code_fragment() -> str:
    return rf"(?<![A-Za-z])(?:{alternation(CODES)})(?![A-Za-z])"


def _en_currency_fragment() -> str:
    words = alternation(EN_CURRENCY_WORDS, space=_SPACE_RUN)
    return rf"(?<![A-Za-z])(?:{words})(?![A-Za-z])"


# --- full-width forms -------------------------------------------------------------------------

FULLWIDTH_FORMS: Mapping[str, str] = MappingProxyType(
    {
        **{chr(0xFF10 + digit): str(digit) for digit in range(10)},
        "．": ".", "％": "%", "＄": "$", "＋": "+", "－": "-", "～": "~",
    }
)  # fmt: skip
"""Full-width forms and their ASCII, one character for one. The full-width comma is not here: in
Chinese text "，" separates clauses, not digit groups."""


# The length from which Halfwidth.changes looks for each form on its own (measured crossover).
_ONE_FORM_AT_A_TIME_FROM = 256


class Halfwidth:
    """Converts some of :data:`FULLWIDTH_FORMS` to ASCII, keeping every other character and
    every offset. Text with none of them is returned as it is (ASCII text without a search).

    >>> NUMBER_HALFWIDTH("４２％"), MONEY_HALFWIDTH("１～２")
    ('42%', '1~2')
    """

    __slots__ = ("_present", "_table", "chars")

    def __init__(self, chars: str) -> None:
        unknown = set(chars) - set(FULLWIDTH_FORMS)
        if unknown:
            raise ValueError(f"not full-width forms: {''.join(sorted(unknown))!r}")
        self.chars = chars
        self._table = str.maketrans({char: FULLWIDTH_FORMS[char] for char in chars})
        self._present = re.compile(char_class(chars))

    @property
    def table(self) -> dict[int, str]:
        """The ``str.translate`` table."""
        return dict(self._table)

    def changes(self, text: str) -> bool:
        """True when the conversion would change ``text``: it holds one of :attr:`chars`.

        A long text is searched one form at a time (``str``'s search for one character runs
        several times faster over it than a character class); a short one by the class, which
        costs less than a search per form there.
        """
        if text.isascii():
            return False
        if len(text) > _ONE_FORM_AT_A_TIME_FROM:
            return any(map(text.__contains__, self.chars))
        return self._present.search(text) is not None

    def __call__(self, text: str) -> str:
        return text.translate(self._table) if self.changes(text) else text

    def __repr__(self) -> str:
        return f"Halfwidth({self.chars!r})"


_FULLWIDTH_DIGITS = "".join(chr(0xFF10 + digit) for digit in range(10))

NUMBER_HALFWIDTH = Halfwidth(_FULLWIDTH_DIGITS + "．％＋－＄")
"""Digits, point, percent, signs and dollar: the conversion the number, percentage, date and
table readers run before their patterns."""

MONEY_HALFWIDTH = Halfwidth(_FULLWIDTH_DIGITS + "．＄％～")
"""Digits, point, dollar, percent and the tilde of ranges ("１～２萬元"); not the signs, which a
money range reads as dashes only in ASCII."""


# --- scientific notation ----------------------------------------------------------------------


def exponent_before(text: str, start: int) -> bool:
    """True when the digits at ``text[start]`` are the exponent of scientific notation: a digit
    and an "e" (with an optional sign) come just before ("1e30", "2.5E-3").

    >>> exponent_before("1e30", 2), exponent_before("Note 30", 5)
    (True, False)
    """
    if start < 2:
        return False
    mark = text[start - 1]
    if mark in "eE":
        return text[start - 2].isdigit()
    return start >= 3 and mark in "+-" and text[start - 2] in "eE" and text[start - 3].isdigit()


def exponent_after(text: str, end: int) -> bool:
    """True when the number ending at ``end`` is the mantissa of scientific notation: an "e"
    and a digit (with an optional sign between) follow ("1e30", "2.5E-3").

    >>> exponent_after("1e30", 1), exponent_after("3 each", 1)
    (True, False)
    """
    if end + 1 >= len(text) or text[end] not in "eE":
        return False
    after = text[end + 1]
    return after.isdigit() or (after in "+-" and end + 2 < len(text) and text[end + 2].isdigit())


# --- currencies as written, and header units --------------------------------------------------


class CurrencyReading(NamedTuple):
    """What a currency surface form says."""

    currency: str
    """ISO code, or :data:`BARE` / :data:`YEN` when the context decides."""
    source: str
    """How it is written: "symbol", "code" or "word"."""
    bare_kind: str
    """For a bare currency, "dollar" ($, "dollars") or "yuan" (元); else ""."""


_WS_DOT = regex.compile(r"[\s.]")
_WS_RUN = regex.compile(r"\s+")
_M_CODES = ("USD", "EUR", "GBP", "HKD")  # "MUSD": millions of US dollars


@functools.lru_cache(maxsize=1024)
def currency_of(surface: str) -> CurrencyReading:
    """The currency a symbol, code or currency word names, as matched by a pattern built from
    these tables. A form none of them holds reads as a bare dollar.

    >>> currency_of("u.s. $"), currency_of("人民幣").currency, currency_of("元").bare_kind
    (CurrencyReading(currency='USD', source='symbol', bare_kind=''), 'CNY', 'yuan')
    """
    compact = _WS_DOT.sub("", surface).upper()
    if compact.startswith("M") and compact[1:] in _M_CODES:
        return CurrencyReading(compact[1:], "code", "")
    if compact in SYMBOLS or surface in SYMBOLS:
        currency = SYMBOLS.get(compact, SYMBOLS.get(surface, BARE))
        return CurrencyReading(currency, "symbol", "dollar" if currency == BARE else "")
    if compact in CODES:
        return CurrencyReading(CODES[compact], "code", "")
    if surface in CJK_CURRENCY_WORDS:
        currency = CJK_CURRENCY_WORDS[surface]
        return CurrencyReading(currency, "word", "yuan" if currency == BARE else "")
    currency = EN_CURRENCY_WORDS.get(_WS_RUN.sub(" ", surface.lower()), BARE)
    return CurrencyReading(currency, "word", "dollar" if currency == BARE else "")


MAX_UNIT_CHARS = 40
"""A unit is a short label: longer text is not read as one (and hostile input costs nothing)."""


@functools.cache
def _unit_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(label prefix, unit grammar), compiled on first use from the tables."""
    currency = (
        rf"{symbol_fragment(after_number=False)}|{_code_fragment()}|{_en_currency_fragment()}"
        rf"|{alternation(CJK_CURRENCY_WORDS)}"
    )
    label = regex.compile(rf"\A\s*(?:{alternation(UNIT_LABELS)})\s*[:：]", regex.IGNORECASE)
    unit = regex.compile(
        rf"""
        \s*(?P<cur>{currency})?                        # "HK$", 港幣
        \s*(?P<scale>{alternation(UNIT_SCALES)})?      # "million", 百萬, "'000"
        \s*(?P<cur2>{currency})?\s*                    # 元, 港元, "HK$"
        """,
        regex.IGNORECASE | regex.VERBOSE,
    )
    return label, unit


def header_unit(text: str) -> tuple[str | None, Decimal] | None:
    """``(currency, multiplier)`` of a unit as a table header writes it, else None.

    Grammar: ``[單位：] [currency] [scale] [currency]``, with at least one currency (a symbol,
    code or currency word from the tables above) and a scale from :data:`UNIT_SCALES` (1 when
    none is written): "HK$ million", "$'000", "百萬港元", "港幣千元", "人民幣億元", "億元",
    "Unit: HK$'000". Full-width forms are read as ASCII. ``currency`` is None for a bare "$" or
    元, whose currency the caller decides; two different written currencies, or ¥ alone (yen or
    yuan), give None, as does text longer than :data:`MAX_UNIT_CHARS`.

    >>> header_unit("百萬港元"), header_unit("港幣千元"), header_unit("人民幣億元")
    (('HKD', Decimal('1000000')), ('HKD', Decimal('1000')), ('CNY', Decimal('100000000')))
    >>> header_unit("億元"), header_unit("Budget")
    ((None, Decimal('100000000')), None)
    """
    if len(text) > MAX_UNIT_CHARS:
        return None
    return _header_unit(text)


@functools.lru_cache(maxsize=4096)
def _header_unit(text: str) -> tuple[str | None, Decimal] | None:
    label, unit = _unit_patterns()
    match = unit.fullmatch(MONEY_HALFWIDTH(label.sub("", text, count=1)))
    if match is None or not (match.group("cur") or match.group("cur2")):
        return None
    found = {currency_of(match.group(g)).currency for g in ("cur", "cur2") if match.group(g)}
    written = found - {BARE}
    if len(written) > 1 or not written <= KNOWN_CURRENCIES:
        return None
    scale = UNIT_SCALES.get((match.group("scale") or "").lower(), 1)
    return (next(iter(written)) if written else None), Decimal(scale)
