"""Vocabulary and compiled patterns for reading money: symbols, codes, words, scales, cues.

Owns the UPPER_CASE tables that say what a qualifier cue or a period word looks like in Hong
Kong text (English and Chinese), and the ``regex`` patterns compiled from them and from the
shared vocabulary of :mod:`hkpolicy._lexicon` (currencies, scales, counters), which this module
re-exports under the names the patterns use. The
algorithm that uses them lives in :mod:`hkpolicy.money`. Callers may extend a table and call
:func:`compile_patterns` to rebuild.

Cost: every pattern here is linear by construction. The number lexer uses possessive
quantifiers only (no backtracking into a run of digits or words), and every other pattern is
applied to a window of bounded length (``PRE_WINDOW``/``POST_WINDOW`` characters) next to a
number. No pattern has a time limit: the result is a function of the text alone.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

import regex

from . import _lexicon
from .spans import Qualifier

__all__ = [
    "ATTACHED_CUES",
    "BARE",
    "CJK_CURRENCY_WORDS",
    "CJK_MINOR_UNITS",
    "CJK_SCALE_UNITS",
    "CODES",
    "COUNTERS",
    "COUNT_WORDS_BEFORE",
    "CUE_NOT_AFTER",
    "DEFAULT_CURRENCY",
    "EN_CURRENCY_WORDS",
    "EN_MINOR_UNITS",
    "EN_NUMBER_WORDS",
    "FAR_CUE_AMOUNT_NOUNS_ZH",
    "FAR_CUE_GAP_START_ZH",
    "FAR_CUE_LINKS",
    "FAR_CUE_WINDOW_EN",
    "FAR_CUE_WINDOW_ZH",
    "FAR_QUALIFIER_CUES",
    "KNOWN_CURRENCIES",
    "LOOSE_SYMBOL_PREFIXES",
    "MILLION_CODES",
    "MONEY_SCALES",
    "NOT_MONEY_AFTER",
    "PATTERNS",
    "PER_BEFORE_EN",
    "PER_BEFORE_ZH",
    "PER_WORDS",
    "POST_QUALIFIER_CUES",
    "POST_WINDOW",
    "PRE_WINDOW",
    "QUALIFIER_CUES",
    "ROUND_FIGURE_CUES",
    "SYMBOLS",
    "UNIT_SCALES",
    "YEN",
    "YUAN_LOCAL",
    "Patterns",
    "Per",
    "compile_patterns",
    "number_starts",
]


def __dir__() -> list[str]:
    return __all__


# Marker for a currency the text leaves open ("$", "元", "dollars"): the context decides.
BARE = _lexicon.BARE
# Marker for ¥/￥: JPY or CNY, decided from context.
YEN = _lexicon.YEN

# Characters looked at before a number for a currency, qualifier cue or period word; the
# longest cue ("not less than HK$ ") fits with room to spare.
PRE_WINDOW = 48
# Characters looked at after a number for a scale, currency word, period and cents.
POST_WINDOW = 96

# Symbols, keyed by their normal form (upper case, no spaces or dots). A letter prefix may be
# written with a space before the $ ("hk $", "u.s $").
SYMBOLS = _lexicon.SYMBOLS
# Letter prefixes of "X$" symbols that may be written in any case, with dots, and with a space
# before the $ ("hk $", "u.s $", "U.S.D$"); every other prefix in SYMBOLS must be upper case and
# attached ("a $5 fee" is bare, "A$5" is Australian). Both lists of prefixes, before and after
# the number, are derived from SYMBOLS (see _lexicon.symbol_fragment).
LOOSE_SYMBOL_PREFIXES = _lexicon.LOOSE_SYMBOL_PREFIXES


# ISO codes (and RMB) read before or after a number: "HKD 200m", "115USD", "RMB1.5 billion".
CODES = _lexicon.CODES

# ISO 4217 codes the library recognises in text and accepts on a Money: every code above reads
# as one of them, and every other table names one of them (or BARE/YEN).
KNOWN_CURRENCIES = _lexicon.KNOWN_CURRENCIES
# The currency of a bare $ or 元 in Hong Kong text: the default of find_money, parse_money,
# money_unit_of and extract.
DEFAULT_CURRENCY = "HKD"
# Codes that may carry an M for million before them: "MUSD 5" is 5 million US dollars.
MILLION_CODES = ("USD", "EUR", "GBP", "HKD")

# English currency words after a number, longest first when compiled; lower case.
EN_CURRENCY_WORDS = _lexicon.EN_CURRENCY_WORDS

# Chinese currency words (Traditional and Simplified), before or after a number.
CJK_CURRENCY_WORDS = _lexicon.CJK_CURRENCY_WORDS

# A bare 元 takes the default currency only where 元 is that currency's everyday name; elsewhere
# (an English text that defaults to USD, say) it is read as renminbi.
YUAN_LOCAL = _lexicon.YUAN_LOCAL

# Scale words after a number (lower case). Single letters only count when attached ("HK$5m").
MONEY_SCALES = _lexicon.MONEY_SCALES
SINGLE_LETTER_SCALES = _lexicon.SINGLE_LETTER_SCALES

# Scales as a unit names them, in a table header or beside it: "HK$ million", "(HK$'000)",
# "港幣百萬元", "(億元)": the one table of header scales, read by money.read_unit and tables.
UNIT_SCALES: dict[str, int] = dict(_lexicon.UNIT_SCALES)  # tables.SCALE_UNITS is this dict

# Qualifier cues before an amount, lower case. A cue may stand a little before the amount: an
# English cue directly ("up to HK$"), a Chinese one up to two Han characters before it (最高可獲,
# 上限為), except the ATTACHED_CUES (checked in money). Negated forms are cues of their own
# (不多於 is not 多於).
QUALIFIER_CUES: dict[str, Qualifier] = {
    "more than": Qualifier.MORE_THAN, "over": Qualifier.MORE_THAN,
    "exceeding": Qualifier.MORE_THAN, "in excess of": Qualifier.MORE_THAN,
    "above": Qualifier.MORE_THAN, "upwards of": Qualifier.MORE_THAN,
    "超過": Qualifier.MORE_THAN, "超过": Qualifier.MORE_THAN, "逾": Qualifier.MORE_THAN,
    "多於": Qualifier.MORE_THAN, "多于": Qualifier.MORE_THAN,
    "高於": Qualifier.MORE_THAN, "高于": Qualifier.MORE_THAN,
    "過": Qualifier.MORE_THAN, "过": Qualifier.MORE_THAN,
    "up to": Qualifier.UP_TO, "a maximum of": Qualifier.UP_TO, "maximum of": Qualifier.UP_TO,
    "maximum": Qualifier.UP_TO, "a ceiling of": Qualifier.UP_TO, "ceiling of": Qualifier.UP_TO,
    "a cap of": Qualifier.UP_TO, "capped at": Qualifier.UP_TO, "as much as": Qualifier.UP_TO,
    "as high as": Qualifier.UP_TO, "at most": Qualifier.UP_TO, "no more than": Qualifier.UP_TO,
    "not more than": Qualifier.UP_TO, "not exceeding": Qualifier.UP_TO,
    "not to exceed": Qualifier.UP_TO,
    "最高": Qualifier.UP_TO, "最多": Qualifier.UP_TO, "上限": Qualifier.UP_TO,
    "高達": Qualifier.UP_TO, "高达": Qualifier.UP_TO, "不多於": Qualifier.UP_TO,
    "不多于": Qualifier.UP_TO, "不超過": Qualifier.UP_TO, "不超过": Qualifier.UP_TO,
    "不高於": Qualifier.UP_TO, "不高于": Qualifier.UP_TO,
    "at least": Qualifier.AT_LEAST, "not less than": Qualifier.AT_LEAST,
    "no less than": Qualifier.AT_LEAST, "a minimum of": Qualifier.AT_LEAST,
    "minimum of": Qualifier.AT_LEAST, "minimum": Qualifier.AT_LEAST,
    "不少於": Qualifier.AT_LEAST, "不少于": Qualifier.AT_LEAST, "低至": Qualifier.AT_LEAST,
    "不低於": Qualifier.AT_LEAST, "不低于": Qualifier.AT_LEAST,
    "至少": Qualifier.AT_LEAST, "最少": Qualifier.AT_LEAST,
    "about": Qualifier.APPROXIMATELY, "around": Qualifier.APPROXIMATELY,
    "approximately": Qualifier.APPROXIMATELY, "approx.": Qualifier.APPROXIMATELY,
    "nearly": Qualifier.APPROXIMATELY, "some": Qualifier.APPROXIMATELY,
    "roughly": Qualifier.APPROXIMATELY, "almost": Qualifier.APPROXIMATELY,
    "circa": Qualifier.APPROXIMATELY, "close to": Qualifier.APPROXIMATELY,
    "an estimated": Qualifier.APPROXIMATELY, "estimated": Qualifier.APPROXIMATELY,
    "estimated at": Qualifier.APPROXIMATELY,
    "~": Qualifier.APPROXIMATELY, "約": Qualifier.APPROXIMATELY, "约": Qualifier.APPROXIMATELY,
    "大約": Qualifier.APPROXIMATELY, "大约": Qualifier.APPROXIMATELY,
    "接近": Qualifier.APPROXIMATELY, "將近": Qualifier.APPROXIMATELY,
    "将近": Qualifier.APPROXIMATELY, "近": Qualifier.APPROXIMATELY,
    "less than": Qualifier.LESS_THAN, "under": Qualifier.LESS_THAN, "below": Qualifier.LESS_THAN,
    "少於": Qualifier.LESS_THAN, "少于": Qualifier.LESS_THAN, "不足": Qualifier.LESS_THAN,
    "低於": Qualifier.LESS_THAN, "低于": Qualifier.LESS_THAN, "不到": Qualifier.LESS_THAN,
    "between": Qualifier.RANGE,
}  # fmt: skip

# Single-character Chinese cues that count only right before the amount (近5億元, 過百億元):
# with a gap they would read 近日 or 通過 as a cue.
ATTACHED_CUES = frozenset({"近", "過", "过"})
# Cues that count only before a round figure, one that starts with its scale (過百億元, 過千萬):
# elsewhere 過 marks a past action (投資過5億元, "has invested").
ROUND_FIGURE_CUES = frozenset({"過", "过"})

# Characters that, just before a Chinese cue, make it part of another word: 合約 (contract),
# 通過 (pass), 最近 (recent), 調低至 (lowered to: a new value, not a floor).
CUE_NOT_AFTER: dict[str, str] = {
    "約": "合簽條預公契節制", "约": "合签条预公契节制",
    "近": "最附將接鄰邻靠", "過": "通透經不超錯度跨越難", "过": "通透经不超错度跨越难",
    "低至": "調调降減减",
}  # fmt: skip

# Qualifier cues that may stand several words before the amount, in the same clause, when no
# other amount comes between: "a maximum subsidy of $200,000", "the funding ceiling per project
# under the programme to HK$2 million", 最高資助額為50萬元, 資助額上限為每家企業2億港元. An
# English gap must end with one of FAR_CUE_LINKS ("of", "to", "at", "is"), so the cue governs
# the amount; a Chinese gap is at most FAR_CUE_WINDOW_ZH characters.
FAR_QUALIFIER_CUES: dict[str, Qualifier] = {
    "maximum": Qualifier.UP_TO, "ceiling": Qualifier.UP_TO, "cap": Qualifier.UP_TO,
    "capped": Qualifier.UP_TO, "minimum": Qualifier.AT_LEAST,
    "最高": Qualifier.UP_TO, "最多": Qualifier.UP_TO, "上限": Qualifier.UP_TO,
    "不超過": Qualifier.UP_TO, "不超过": Qualifier.UP_TO, "不多於": Qualifier.UP_TO,
    "不多于": Qualifier.UP_TO, "最少": Qualifier.AT_LEAST, "至少": Qualifier.AT_LEAST,
    "不少於": Qualifier.AT_LEAST, "不少于": Qualifier.AT_LEAST,
}  # fmt: skip
# ("up to" and "at least" are no far cues: away from the amount they are adverbs, as in "at
# least for now the scheme offers grants of $50,000".) A Chinese gap must name what the amount
# is (FAR_CUE_AMOUNT_NOUNS_ZH: 最高資助額為開支的一半或800萬元) or start with a verb or particle
# that ties the cue to it (FAR_CUE_GAP_START_ZH: 上限為每間企業2億元, 最多可獲) and hold no 的;
# otherwise the cue is an adjective in a name or noun phrase (最高法院, 最多人申請的計劃).
FAR_CUE_AMOUNT_NOUNS_ZH = (
    "額", "额", "資助", "资助", "開支", "开支", "支出", "成本", "費用", "费用", "津貼", "津贴",
    "補貼", "补贴", "資金", "资金",
)  # fmt: skip
FAR_CUE_GAP_START_ZH = frozenset("可為为是獲获達达至到只僅仅亦也均每將将會会須须需要自能")
FAR_CUE_LINKS = ("of", "to", "at", "is", "was", "be", "are", "were", "reach", "reaching")
# Characters searched before an amount for a far cue (English, Chinese).
FAR_CUE_WINDOW_EN = 120
FAR_CUE_WINDOW_ZH = 24

# Qualifier cues after an amount. 以上 alone is "over" (more_than); 及以上/或以上 ("and above")
# include the amount (at_least).
POST_QUALIFIER_CUES: dict[str, Qualifier] = {
    "or more": Qualifier.AT_LEAST, "or above": Qualifier.AT_LEAST,
    "and above": Qualifier.AT_LEAST, "or less": Qualifier.UP_TO, "or below": Qualifier.UP_TO,
    "以上": Qualifier.MORE_THAN, "及以上": Qualifier.AT_LEAST, "或以上": Qualifier.AT_LEAST,
    "以下": Qualifier.UP_TO, "及以下": Qualifier.UP_TO, "或以下": Qualifier.UP_TO,
    "左右": Qualifier.APPROXIMATELY,
}  # fmt: skip

# The period of a rate: "HK$200 million a year" is per year.
Per = Literal["year", "month", "week", "day"]

# Period words: after the amount ("a year", "per month", "/mo") or before it ("annual", 每年).
PER_WORDS: dict[str, Per] = {
    "per year": "year", "a year": "year", "each year": "year", "every year": "year",
    "per annum": "year", "annually": "year", "yearly": "year", "annual": "year",
    "/year": "year", "/yr": "year", "/年": "year", "每年": "year",
    "per month": "month", "a month": "month", "each month": "month", "monthly": "month",
    "/month": "month", "/mo": "month", "/月": "month", "每月": "month",
    "per week": "week", "a week": "week", "weekly": "week", "每週": "week", "每周": "week",
    "per day": "day", "a day": "day", "daily": "day", "每日": "day", "每天": "day",
}  # fmt: skip

# English number words (a sequence of them is one number: "thirteen", "forty-five").
EN_NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}  # fmt: skip
EN_FRACTION_WORDS = ("half", "quarter", "quarters")
# Words an "a" may stand before in a run of number words: "a half", "a thousand".
A_BEFORE_WORDS = ("half", "quarter", "hundred", "thousand", "million", "billion")

# Period words that stand before an amount, a few words ahead of it ("annual ... funding of",
# 每年撥款): English ones take up to three words after them, Chinese ones up to four Han.
PER_BEFORE_EN = ("annual", "annually", "yearly", "monthly")
PER_BEFORE_ZH = ("每年", "每月", "每週", "每周", "每日")

# Minor units for "3 dollars 50 cents", 五元三毛, 兩美元又三美分: value of one minor unit.
EN_MINOR_UNITS = _lexicon.EN_MINOR_UNITS
CJK_MINOR_UNITS = _lexicon.CJK_MINOR_UNITS

# What right after a number makes it no amount at all, currency or not: a percentage or one of
# the commonest counters. Regex fragments, tried in order after optional white space.
NOT_MONEY_AFTER: tuple[str, ...] = (
    "%", "％", r"(?:per\s*cent|percent)(?![A-Za-z])", "個百分點",
    *_lexicon.counter_fragments(_lexicon.MONEY_NOT_AFTER_COUNTERS),
)  # fmt: skip

# Counters (classifiers) and measure words. After an Arabic number with a Chinese scale and no
# currency ("100億張相片", "5,000萬人次", "300萬股") they make it a count, not money. Each entry
# is a regex fragment, so a word that also starts a currency name or another word can say so:
# 人 is not 人民幣, 台 is not 台幣, 項 is not 項目 ("a 10億 project" is money). (Amounts with a
# written currency keep the shorter not_money_after list.)
COUNTERS: tuple[str, ...] = (
    "张", "張", r"人(?!民)", "名", "間", "间", "家", r"項(?!目)", r"项(?!目)", "年", "個", "个",
    "隻", "只",
    "部", "次", "倍", "宗", "架", "輛", "辆", "本", "件", "戶", "户", r"台(?![幣币])", "份",
    "位", "條", "条", "座", "所", "棵", "頭", "头", "股", "艘", "幢", "棟", "栋", "層", "层",
    "歲", "岁", "篇", "批", "粒", "枝", "盒", "瓶", "噸", "吨", "公里", "公斤", "公頃",
    "平方米", "平方呎", "呎", "米", "小時", "分鐘", "字", "款", "類", "类", "種", "种", "套",
)  # fmt: skip

# Words that, just before an Arabic amount with a Chinese scale and no currency, make it a count:
# 人口約750萬 (a population), 第500萬 (an ordinal), 數目達100萬 (a number of things).
COUNT_WORDS_BEFORE: tuple[str, ...] = (
    "第", "人口", "人數", "人数", "人次", "數目", "数目", "數量", "数量", "次數", "次数",
    "字數", "字数", "面積", "面积", "長度", "长度",
)  # fmt: skip

# Chinese scale characters that make an Arabic number an amount of money in Hong Kong text even
# with no 元 ("500億", "5,000萬", "3.96億"): such an amount takes the context currency.
CJK_SCALE_UNITS = "萬万億亿兆"

_CJK_NUMERALS = "零〇一二兩两三四五六七八九十百千萬万億亿兆"


def _alternation(words: object, *, escape: bool = True) -> str:
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    return "|".join(regex.escape(w) if escape else w for w in items)


def _trie(words: object) -> str:
    """A stdlib ``re`` alternation of lower-case ``words`` shaped as a trie (each node's branches
    start with distinct characters, so a failed branch costs one comparison); "s" also matches
    "ſ", which ``regex`` case folding equates with it."""
    root: dict[str, Any] = {}
    for word in sorted({str(w) for w in words}):  # type: ignore[attr-defined]
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [
            ("[sſ]" if ch == "s" else re.escape(ch)) + build(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _en_words(words: object) -> str:
    """Alternation of English phrases; spaces match any run of spaces, dots are optional-safe."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+") for w in items)


def _first_characters(fragments: tuple[str, ...]) -> frozenset[str]:
    """The characters a match of any of ``fragments`` can start with, in either case. Each
    fragment starts with a literal character, or a non-capturing group that does."""
    firsts = set()
    for fragment in fragments:
        first = fragment.removeprefix("(?:")[0]
        if first in "\\[(.^$|?*+{":
            raise ValueError(f"fragment must start with a literal character: {fragment!r}")
        firsts.update({first, first.lower(), first.upper()})
    return frozenset(firsts)


@dataclass(frozen=True)
class Patterns:
    """The compiled patterns; see :func:`compile_patterns`."""

    number: regex.Pattern[str]
    """One number token: Arabic digits (with , . ' or thin-space grouping), Chinese numerals."""
    words: regex.Pattern[str]
    """One run of English number words ("thirteen", "a quarter", "forty-five")."""
    pre: regex.Pattern[str]
    """Searched in the window before a number, anchored at its end: cue, currency."""
    per_before: regex.Pattern[str]
    """Searched before a cue/currency: a period word a few words back ("annual ... funding")."""
    post: regex.Pattern[str]
    """Matched right after a number: scale, currency, second scale, cue, period."""
    post_scale: regex.Pattern[str]
    """The first group of ``post`` alone, ``scale``: where ``post`` reads nothing after the
    scale ("$47 billion for"), its match is this one, found without trying the rest."""
    minor: regex.Pattern[str]
    """Matched after "15 dollars": the cents part ("50", "and forty-five cents", 三毛)."""
    connector: regex.Pattern[str]
    """The whole gap between the two ends of a range."""
    pair_open: regex.Pattern[str]
    """The whole gap between an amount and its bracketed other-currency amount."""
    declaration: regex.Pattern[str]
    """A context declaration: (港幣,下同), (以港元計,下同)."""
    not_money_after: regex.Pattern[str]
    """What after a number makes it not an amount: %, per cent, 張."""
    count_after: regex.Pattern[str]
    """A counter after a number with a Chinese scale and no currency ("100億張"): a count."""
    currency: regex.Pattern[str]
    """Any currency symbol, code or word, anywhere (for detect_currency)."""
    far_cue: regex.Pattern[str]
    """A FAR_QUALIFIER_CUES cue, searched in a bounded window before an amount."""
    unit: regex.Pattern[str]
    """Fully matched against a unit as headers write it: [currency] [scale] [currency]
    ("HK$ million", "百萬港元", "港幣百萬元", "人民幣億元", "$'000")."""
    pre_reversed: regex.Pattern[str]
    """``pre`` compiled to match backwards, leftmost-longest (POSIX): its search, anchored at
    the window's end, gives at once the leftmost start of a match, where ``pre`` is then
    matched forwards; ``pre.search`` would try every start of the window in turn."""
    words_start: re.Pattern[str]
    """Pre-filter, run over the lower-cased text: every place but the first ``words`` can
    start, and a few more, each proposed by a match starting one character before it; built
    from the same word tables as ``words`` (tests/test_money_shortcuts.py)."""
    post_first_words: frozenset[str]
    """Lower-case first words (ASCII letter runs) of everything ``post`` can match: after a
    number followed by any other word, ``post`` matches the empty string and is not run."""
    not_money_first: frozenset[str]
    """Characters ``not_money_after`` can start with after white space (case variants too),
    derived from NOT_MONEY_AFTER."""
    pre_final_words: frozenset[str]
    """Lower-case last words of the cues and codes ``pre`` can end with: when the text before a
    number ends with any other word, ``pre`` cannot match there and is not run."""
    pre_letters: frozenset[str]
    """The letters outside ASCII written in ``pre`` (Chinese cues and currencies, 円): a
    superset of the last letters of its words. A Han character outside it ends no cue or
    currency, so it can only be part of a cue's gap (see _money_quiet.pre_is_empty)."""
    post_han_words: tuple[str, ...]
    """The words ``post`` reads that start with a Han character: Chinese scales, currencies,
    cues and period words, 円. After a number followed by a Han character that starts none of
    them, ``post`` matches the empty string (see _money_quiet.post_is_empty)."""
    post_han_currencies: dict[str, tuple[str, ...]]
    """The currencies ``post`` reads that start with a Han character, by that character, in
    the order its currency group tries them: a sign among its symbols (円) first, then the
    Chinese currency words, longest first (see _money_quiet.currency_alone)."""
    not_money_chars: frozenset[str]
    """The branches of ``not_money_after`` that are one literal character (%, most counters):
    a number right before one is no amount, whatever stands around it."""


class _Fragments(NamedTuple):
    """Pattern sources several patterns share, compiled from the tables."""

    symbol: str
    code: str
    cjk_cur: str
    en_cur: str
    million_code: str
    number_word: str
    cues_en: list[str]


def _fragments() -> _Fragments:
    return _Fragments(
        symbol=_lexicon.symbol_fragment(after_number=False),
        code=rf"(?<![A-Za-z])(?:{_alternation(CODES)})(?![A-Za-z])",
        cjk_cur=_alternation(CJK_CURRENCY_WORDS),
        en_cur=rf"(?<![A-Za-z])(?:{_en_words(EN_CURRENCY_WORDS)})(?![A-Za-z])",
        million_code=rf"(?<![A-Za-z])M(?={'|'.join(MILLION_CODES)})(?:{'|'.join(MILLION_CODES)})",
        number_word=rf"(?:{_alternation([*EN_NUMBER_WORDS, *EN_FRACTION_WORDS])})(?![A-Za-z])",
        cues_en=[c for c in QUALIFIER_CUES if c.isascii() and c[0].isalpha()],
    )


def _pre_source(f: _Fragments) -> str:
    """Linear: cue and currency are alternations of literals, the gap is bounded."""
    cues_cjk = [c for c in QUALIFIER_CUES if not c.isascii()]
    return rf"""
            (?:(?P<cue>(?<![A-Za-z])(?:{_en_words(f.cues_en)})(?![A-Za-z])
                      |~|{_alternation(cues_cjk)})
               (?P<cue_gap>\s*\p{{Han}}{{0,2}}?\s*)
            )?
            (?:(?P<cur>{f.symbol}|{f.code}|{f.cjk_cur})\s*:?\s*)?                 # "US$:12.99"
            \Z
            """


# The most pieces (digits, numerals, separators) a number token or number-word run holds after
# its first; a longer run is read as consecutive tokens. The regex engine keeps state for every
# repetition of a group, so an unbounded repetition runs out of memory on one run of millions of
# separated digits ("9,9,9,..."); no number anyone writes comes near this.
MAX_TOKEN_PIECES = 4096


def _number_source() -> str:
    """Possessive throughout: a run is consumed once and never re-entered (linear)."""
    return rf"""
            \d{{1,3}}(?:\x20\d{{3}}){{1,4}}+(?:,\d{{1,2}})?      # "3 250 000 €": space groups,
              (?=\s?(?:€|£|EUR(?![A-Za-z])))             # bounded, only before € or £
            |(?:(?<![\d.])\.(?=\d))?                      # ".75"
            [\d{_CJK_NUMERALS}]                           # first digit or numeral
            (?:[\d{_CJK_NUMERALS}點点]                     # more digits, numerals
              |[,.'\u00a0\u202f](?=\d)                    # or a separator before a digit
            ){{0,{MAX_TOKEN_PIECES}}}+
            """


# Every character of the Basic Multilingual Plane but the surrogates, for number_starts.
_BMP_RANGES = ((0, 0xD800), (0xE000, 0x10000))


@functools.cache
def number_starts() -> re.Pattern[str]:
    """Runs of the characters numbers are written with, each starting where a match of the
    number pattern can start. A run starts at a digit (as ``regex`` reads ``\\d``), a Chinese
    numeral, or any character outside the Basic Multilingual Plane (where ``regex`` and
    Python may disagree on what is a digit, their Unicode versions differing), and goes on over
    digits, numerals and 點. A match can also start at a "." right before a run (".75"). A
    stdlib ``re`` character class, which ``finditer`` scans several times faster than
    ``regex`` finds a number: the lexer matches the number pattern only in these runs (see
    _money_lexer.number_spans). Built on first use (about 20 ms)."""
    bmp = "".join(chr(c) for low, high in _BMP_RANGES for c in range(low, high))
    digits = re.escape("".join(regex.findall(r"\d", bmp)) + _CJK_NUMERALS)
    return re.compile(f"[{digits}\U00010000-\U0010ffff][{digits}點点]*+")


def _words_source(f: _Fragments) -> str:
    number_word = f.number_word
    return rf"""
            (?<![A-Za-z])
            (?:a\s+(?={"|".join(A_BEFORE_WORDS)}))?            # "a quarter"
            {number_word}
            (?:[\s-]++(?:and[\s-]++)?{number_word}  # "forty-five", "one hundred and five"
            ){{0,{MAX_TOKEN_PIECES}}}+
            """


# Period words that stand only before an amount ("annual funding", 每年撥款), never after it.
_PER_BEFORE_ONLY = ("annual", "每年", "每月", "每週", "每周")


def _post_words() -> tuple[list[str], list[str], list[str], list[str], list[str]]:
    """The word lists ``post`` is built from: English and Chinese scales, English and Chinese
    cues after an amount, and period words after it."""
    long_scales = [s for s in MONEY_SCALES if s not in SINGLE_LETTER_SCALES]
    return (
        [s for s in long_scales if s.isascii()],
        [s for s in long_scales if not s.isascii()],
        [c for c in POST_QUALIFIER_CUES if c.isascii()],
        [c for c in POST_QUALIFIER_CUES if not c.isascii()],
        [p for p in PER_WORDS if p not in _PER_BEFORE_ONLY],
    )


def _post_han_words() -> tuple[str, ...]:
    """Every word ``post`` reads that starts with a character outside ASCII (the sources of
    _post_source and of the symbols after a number), longest first."""
    _, cjk_scales, _, post_cues_cjk, per_after = _post_words()
    symbols = [key for key in SYMBOLS if len(key) == 1]
    words = [*cjk_scales, *CJK_CURRENCY_WORDS, *post_cues_cjk, *per_after, *symbols]
    return tuple(sorted({w for w in words if not w[0].isascii()}, key=lambda w: (-len(w), w)))


def _post_scale_source() -> str:
    """The first group of ``post``: a scale word right after the number."""
    en_scales, cjk_scales, _, _, _ = _post_words()
    return rf"""
            (?P<scale>(?:(?:{"|".join(sorted(SINGLE_LETTER_SCALES))}|bn|mn|tn)(?![A-Za-z])
                       |\s?-?\s?(?:{_alternation(en_scales)})(?![A-Za-z])
                       |\s?(?:{_alternation(cjk_scales)})))?
            """


def _post_han_currencies() -> dict[str, tuple[str, ...]]:
    """The Han-led currencies of ``post``'s currency group, by first character, in the order
    its alternation tries them: the symbol signs (a character class, before the Chinese words),
    then CJK_CURRENCY_WORDS as _alternation orders them, longest first."""
    signs = [key for key in SYMBOLS if len(key) == 1 and not key.isascii()]
    words = sorted(CJK_CURRENCY_WORDS, key=lambda w: (-len(w), w))
    by_first: dict[str, list[str]] = {}
    for word in (*signs, *words):
        if not word[0].isascii():
            by_first.setdefault(word[0], []).append(word)
    return {first: tuple(found) for first, found in by_first.items()}


def _post_source(f: _Fragments) -> str:
    code, en_cur, cjk_cur, million_code = f.code, f.en_cur, f.cjk_cur, f.million_code
    en_scales, _, post_cues_en, post_cues_cjk, per_after = _post_words()
    return rf"""{_post_scale_source()}
            (?:(?P<cur_gap>\s*-?\s*)
               (?P<cur>{million_code}
                      |{_lexicon.symbol_fragment(after_number=True)}        # before codes: "MOP$"
                      |{code}(?!\d)|{en_cur}|{cjk_cur}))?          # "USD50" is a prefix
            (?P<scale2>\s?(?:{_alternation(en_scales)})(?![A-Za-z]))?
            (?:\s*(?P<postcue>(?<![A-Za-z])(?:{_en_words(post_cues_en)})(?![A-Za-z])
                               |{_alternation(post_cues_cjk)}))?
            (?:\s*(?P<per>(?<![A-Za-z])(?:{_en_words(per_after)})
                          (?![A-Za-z])(?!\s+(?:earlier|ago|before|later|after|on|from|to))))?
            """


def _minor_source(f: _Fragments) -> str:
    number_word = f.number_word
    return rf"""
            (?:\s+and\s+|\s+|\s*又|(?=[一二兩两三四五六七八九]))     # "15 dollars and 15"
            (?P<minor>\d{{1,2}}(?!\d|[.,]\d)|{number_word}(?:[\s-]+{number_word})?
                     |[一二兩两三四五六七八九])
            (?:\s*(?P<unit>(?<![A-Za-z])(?:{_alternation(EN_MINOR_UNITS)})(?![A-Za-z])
                          |{_alternation(CJK_MINOR_UNITS)}))?
            """


def _unit_source(f: _Fragments) -> str:
    unit_scales = _alternation(UNIT_SCALES)
    unit_cur = rf"{f.symbol}|{f.code}|{f.en_cur}|{f.cjk_cur}"
    return rf"""
            \s*(?P<cur>{unit_cur})?                       # "HK$", 港幣
            \s*(?P<scale>{unit_scales})?                  # "million", 百萬, "'000"
            \s*(?P<cur2>{unit_cur})?\s*                   # 元, 港元, "HK$"
            """


def _words_start() -> re.Pattern[str]:
    """Superset of where words can match after the text's first character, on text.lower()
    (same length checked by the caller): "K" lowers to "k", "ſ" is matched by the trie. Each
    match starts with the non-letter before the place (a leading character class, which ``re``
    scans for fast; a lookbehind it would try at every position). Linear: a trie of literals."""
    return re.compile(
        r"[^a-z](?:a\s+(?="
        + "|".join(w.replace("s", "[sſ]") for w in A_BEFORE_WORDS)
        + ")|"
        + _trie([*EN_NUMBER_WORDS, *EN_FRACTION_WORDS])
        + ")"
    )


def _post_first_words() -> frozenset[str]:
    phrases = [
        *MONEY_SCALES,
        *CODES,
        *EN_CURRENCY_WORDS,
        *PER_WORDS,
        *POST_QUALIFIER_CUES,
        *(f"m{code.lower()}" for code in MILLION_CODES),
        *(f"{prefix.lower()}$" for prefix in _lexicon.dollar_prefixes()),
    ]
    return frozenset(
        regex.split(r"[^a-z]+", phrase.lower())[0] or regex.split(r"[^a-z]+", phrase.lower())[1]
        for phrase in phrases
        if regex.search("[a-z]", phrase.lower())
    )


def compile_patterns() -> Patterns:
    """Compile the tables above into :class:`Patterns`."""
    i = regex.IGNORECASE | regex.VERBOSE
    f = _fragments()
    pre = _pre_source(f)
    far_en = [c for c in FAR_QUALIFIER_CUES if c.isascii()]
    far_cjk = [c for c in FAR_QUALIFIER_CUES if not c.isascii()]
    return Patterns(
        currency=regex.compile(
            rf"{f.symbol}|{f.million_code}|{f.code}|{f.en_cur}|{f.cjk_cur}", regex.IGNORECASE
        ),
        far_cue=regex.compile(
            rf"(?<![A-Za-z])(?:{_en_words(far_en)})(?![A-Za-z])|{_alternation(far_cjk)}",
            regex.IGNORECASE,
        ),
        unit=regex.compile(_unit_source(f), i),
        number=regex.compile(_number_source(), regex.VERBOSE),
        pre_reversed=regex.compile(pre, i | regex.REVERSE | regex.POSIX),
        words=regex.compile(_words_source(f), i),
        pre=regex.compile(pre, i),
        per_before=regex.compile(
            rf"""
            (?:(?<![A-Za-z])(?P<per>{_alternation(PER_BEFORE_EN)})(?:\s+[A-Za-z-]+){{0,3}}
              |(?P<per>{_alternation(PER_BEFORE_ZH)})\p{{Han}}{{0,4}}
            )\s*\Z
            """,
            i,
        ),
        post=regex.compile(_post_source(f), i),
        post_scale=regex.compile(_post_scale_source(), i),
        minor=regex.compile(_minor_source(f), i),
        connector=regex.compile(r"\s*(?:-|–|—|~|～|to|至|到|and)\s*\Z", regex.IGNORECASE),
        pair_open=regex.compile(r"\s*[(（]\s*\Z"),
        declaration=regex.compile(
            rf"[(（]\s*(?:以)?(?P<cur>{f.cjk_cur})(?:計|计)?\s*[,，、]\s*下同\s*[)）]"
        ),
        not_money_after=regex.compile(rf"\s*(?:{'|'.join(NOT_MONEY_AFTER)})", regex.IGNORECASE),
        count_after=regex.compile(rf"\s*(?:{'|'.join(COUNTERS)})"),
        words_start=_words_start(),
        post_first_words=_post_first_words(),
        not_money_first=_first_characters(NOT_MONEY_AFTER),
        pre_final_words=frozenset(
            [c.split()[-1].rstrip(".") for c in f.cues_en] + [code.lower() for code in CODES]
        ),
        pre_letters=frozenset(c for c in pre if not c.isascii() and c.isalpha()),
        post_han_words=_post_han_words(),
        post_han_currencies=_post_han_currencies(),
        not_money_chars=frozenset(
            f for f in NOT_MONEY_AFTER if len(f) == 1 and re.escape(f) == f and not f.isspace()
        ),
    )


PATTERNS = compile_patterns()
