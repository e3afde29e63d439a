"""Vocabulary and compiled patterns for :mod:`hkpolicy.percent` (private).

Owns the percentage vocabulary (unit words, qualifier cues, direction cues, English number words,
成 and 分之 denominators) and the `regex` patterns built from it. The scanning algorithm lives in
percent.py; this module only says *what* the words are.

Every pattern runs on text passed through :func:`hkpolicy._numerals.to_halfwidth` (one character
for one, so offsets are unchanged). Every repetition is bounded ({m,n}) and every scan starts
behind a look-behind that forbids starting inside a number or a word, so the cost per start
position is bounded and a scan is linear in the text length by construction. No pattern has a
time limit: the result is a function of the text alone (tests/test_linear_cost.py counts the work).
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ._lexicon import (
    CJK_BIG_UNITS,
    CJK_DECIMAL_POINTS,
    CJK_FINANCIAL_DIGITS,
    CJK_PLAIN_DIGITS,
    CJK_SMALL_UNITS,
)
from .spans import Qualifier

# --- vocabulary -------------------------------------------------------------------------------

# English qualifier cues written before the number ("approximately 42%"), lower case.
QUALIFIERS_BEFORE_EN: dict[str, Qualifier] = {
    "approximately": Qualifier.APPROXIMATELY, "approx.": Qualifier.APPROXIMATELY,
    "about": Qualifier.APPROXIMATELY, "around": Qualifier.APPROXIMATELY,
    "roughly": Qualifier.APPROXIMATELY, "nearly": Qualifier.APPROXIMATELY,
    "almost": Qualifier.APPROXIMATELY, "some": Qualifier.APPROXIMATELY,
    "circa": Qualifier.APPROXIMATELY, "an estimated": Qualifier.APPROXIMATELY,
    "~": Qualifier.APPROXIMATELY,
    "at least": Qualifier.AT_LEAST, "not less than": Qualifier.AT_LEAST,
    "no less than": Qualifier.AT_LEAST, "a minimum of": Qualifier.AT_LEAST,
    "over": Qualifier.MORE_THAN, "more than": Qualifier.MORE_THAN,
    "exceeding": Qualifier.MORE_THAN, "in excess of": Qualifier.MORE_THAN,
    "above": Qualifier.MORE_THAN, "upwards of": Qualifier.MORE_THAN,
    "up to": Qualifier.UP_TO, "as much as": Qualifier.UP_TO, "as high as": Qualifier.UP_TO,
    "a maximum of": Qualifier.UP_TO, "at most": Qualifier.UP_TO, "no more than": Qualifier.UP_TO,
    "less than": Qualifier.LESS_THAN, "under": Qualifier.LESS_THAN,
    "below": Qualifier.LESS_THAN, "fewer than": Qualifier.LESS_THAN,
}  # fmt: skip

# Chinese qualifier cues written before the number (約42%, 逾三成), traditional and simplified.
QUALIFIERS_BEFORE_ZH: dict[str, Qualifier] = {
    "約": Qualifier.APPROXIMATELY, "约": Qualifier.APPROXIMATELY,
    "大約": Qualifier.APPROXIMATELY, "大约": Qualifier.APPROXIMATELY,
    "近": Qualifier.APPROXIMATELY, "接近": Qualifier.APPROXIMATELY,
    "將近": Qualifier.APPROXIMATELY, "将近": Qualifier.APPROXIMATELY,
    "至少": Qualifier.AT_LEAST, "最少": Qualifier.AT_LEAST,
    "不少於": Qualifier.AT_LEAST, "不少于": Qualifier.AT_LEAST,
    "逾": Qualifier.MORE_THAN, "超過": Qualifier.MORE_THAN, "超过": Qualifier.MORE_THAN,
    "多於": Qualifier.MORE_THAN, "多于": Qualifier.MORE_THAN,
    "高於": Qualifier.MORE_THAN, "高于": Qualifier.MORE_THAN,
    "最多": Qualifier.UP_TO, "高達": Qualifier.UP_TO, "高达": Qualifier.UP_TO,
    "少於": Qualifier.LESS_THAN, "少于": Qualifier.LESS_THAN,
    "不足": Qualifier.LESS_THAN, "低於": Qualifier.LESS_THAN, "低于": Qualifier.LESS_THAN,
    "不到": Qualifier.LESS_THAN,
}  # fmt: skip

# Qualifier cues written after the number ("80%+", "80% or more", 八成以上, 42%左右). As for
# money (_money_patterns.POST_QUALIFIER_CUES), 以上 alone is "over"; 或以上/及以上 include it.
QUALIFIERS_AFTER: dict[str, Qualifier] = {
    "+": Qualifier.AT_LEAST,
    "or more": Qualifier.AT_LEAST, "or above": Qualifier.AT_LEAST,
    "or higher": Qualifier.AT_LEAST, "and above": Qualifier.AT_LEAST,
    "or less": Qualifier.UP_TO, "or below": Qualifier.UP_TO, "or lower": Qualifier.UP_TO,
    "以上": Qualifier.MORE_THAN, "或以上": Qualifier.AT_LEAST, "及以上": Qualifier.AT_LEAST,
    "以下": Qualifier.UP_TO, "或以下": Qualifier.UP_TO,
    "左右": Qualifier.APPROXIMATELY,
}  # fmt: skip

# Direction cues before the number: a verb, then at most DIRECTION_MAX_GAP_WORDS words, then
# optionally "by"/"to" ("has grown by 68%", "reducing analysis time by approximately 40%").
INCREASE_VERBS_EN = (
    "grew", "grown", "grow", "grows", "growing", "rose", "risen", "rise", "rises", "rising",
    "increased", "increase", "increases", "increasing", "climbed", "climb", "jumped", "surged",
    "gained", "expanded", "soared", "boosted", "raised", "raise",
)  # fmt: skip
DECREASE_VERBS_EN = (
    "fell", "fallen", "fall", "falls", "falling", "dropped", "drop", "drops", "declined",
    "decline", "declines", "declining", "decreased", "decrease", "decreases", "decreasing",
    "reduced", "reduce", "reduces", "reducing", "cut", "cutting", "shrank", "shrunk", "slid",
    "slipped", "plunged", "lowered", "lowering",
)  # fmt: skip
# Nouns after the number: "a 5% increase", "a 3% drop".
INCREASE_NOUNS_EN = ("increase", "rise", "growth", "gain", "jump", "surge", "hike")
DECREASE_NOUNS_EN = ("decrease", "decline", "drop", "fall", "reduction", "cut", "contraction")
# "up 5%", "down 3%": only directly before the number.
INCREASE_ADVERBS_EN = ("up",)
DECREASE_ADVERBS_EN = ("down",)
INCREASE_ZH = (
    "上升",
    "增加",
    "增長",
    "增长",
    "上漲",
    "上涨",
    "上揚",
    "上扬",
    "增幅",
    "升幅",
    "升",
    "增",
)
DECREASE_ZH = (
    "減少", "减少", "下降", "下跌", "下滑", "回落", "跌幅", "降幅", "減幅", "减幅",
    "跌", "降", "減", "减",
)  # fmt: skip
DIRECTION_MAX_GAP_WORDS = 4  # "reducing analysis time by": two words between verb and "by"

# Percent and percentage-point unit words, lower case, after an Arabic or word number.
PERCENT_WORDS_EN = ("per cent", "percent", "percentage", "pct")
POINT_WORDS_EN = (
    "percentage points", "percentage point", "percentage-points", "% points",
    "pp", "ppt", "ppts", "pct pts", "p.p.",
)  # fmt: skip

# English number words (for "twenty percent", "minus five per cent").
EN_ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
EN_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
EN_HUNDRED = "hundred"

# 成 is a tenth: 七成 = 70 %, 三成半 = 35 %, 半成 = 5 %. A 成 number above 十 is not a share.
CHENG_MAX = Decimal(10)
# Words in which a numeral + 成 is not a share: 一成不變 (unchanging), 一成立 (once set up), 成員.
CHENG_NOT_BEFORE = ("不變", "不变", "立", "員", "员", "功", "就", "為一", "为一")
# X分之Y with X a power of ten: 百分之 = per cent, 千分之 = per mille, 萬分之 = per myriad ...
DENOMINATORS: dict[str, int] = {
    "百": 100, "佰": 100, "千": 1000, "仟": 1000, "萬": 10**4, "万": 10**4,
    "十萬": 10**5, "十万": 10**5, "百萬": 10**6, "百万": 10**6, "千萬": 10**7, "千万": 10**7,
    "萬萬": 10**8, "万万": 10**8, "億": 10**8, "亿": 10**8, "百萬萬": 10**10, "百万万": 10**10,
}  # fmt: skip
# Not percentages, on purpose: X折 (八折 = pay 80 % of the price) is a discount, a price ratio
# rather than a share of a population, and 七折 "70" would read as the opposite of a 30 % cut.
# The scanner has no 折 pattern; this tuple documents the decision and feeds the tests.
NOT_PERCENT_MARKERS = ("折",)

# Signs: ASCII, the Unicode minus, and the Chinese words.
MINUS_SIGNS = frozenset("-−") | {"負", "负", "minus", "negative"}

# --- patterns ---------------------------------------------------------------------------------

# Every pattern uses bounded repetition only (see the module docstring).
_CJK_DIGIT = CJK_PLAIN_DIGITS + CJK_FINANCIAL_DIGITS
# The units of a Chinese number in a percentage: 百/佰 are handled apart (not when they start
# 百分之, 百分點), and 兆 (10^12) is no share of anything.
_HUNDREDS = "".join(unit for unit, value in CJK_SMALL_UNITS.items() if value == 100)
_CJK_UNIT = "".join(u for u in CJK_SMALL_UNITS if u not in _HUNDREDS) + "".join(
    unit for unit, value in CJK_BIG_UNITS.items() if value < 10**12
)
_POINTS = "".join(sorted(CJK_DECIMAL_POINTS))
_CJK_NUM_CHAR = rf"(?:[{_CJK_DIGIT}{_CJK_UNIT}{_POINTS}]|[{_HUNDREDS}](?![ ]{{0,3}}分))"
# A Chinese numeral of at most CJK_NUMBER_CHARS characters, possibly with up to three spaces
# between them ("一 百 五 十").
CJK_NUMBER_CHARS = 25
CJK_NUMBER = rf"{_CJK_NUM_CHAR}(?:[ ]{{0,3}}{_CJK_NUM_CHAR}){{0,{CJK_NUMBER_CHARS - 1}}}"
_CJK_NUMBER_MAX = CJK_NUMBER_CHARS + (CJK_NUMBER_CHARS - 1) * len("   ")
# At most ARABIC_DIGITS integer digits (ungrouped, or up to ARABIC_GROUPS groups of three after
# the first) and ARABIC_DIGITS decimals. Exact Decimals that long still read back from
# str(Percentage).
ARABIC_DIGITS = 30
ARABIC_GROUPS = 9
ARABIC = (
    rf"(?:\d{{1,3}}(?:,\d{{3}}){{1,{ARABIC_GROUPS}}}(?![\d,]\d)|\d{{1,{ARABIC_DIGITS}}})"
    rf"(?:\.\d{{1,{ARABIC_DIGITS}}})?|\.\d{{1,{ARABIC_DIGITS}}}"
)
_ARABIC_MAX = max(3 + len(",999") * ARABIC_GROUPS, ARABIC_DIGITS) + len(".") + ARABIC_DIGITS
_NUMBER_WORDS = [*EN_ONES, *EN_TENS, EN_HUNDRED]
_WORD_NUM = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# "one hundred and five", "twenty-two": up to WORD_NUMBER_WORDS number words joined by spaces,
# hyphens or "and".
WORD_NUMBER_WORDS = 7
WORD_NUMBER = (
    rf"(?:{_WORD_NUM})(?:(?:[ -]|[ ]and[ ])(?:{_WORD_NUM})){{0,{WORD_NUMBER_WORDS - 1}}}\b"
)
_WORD_NUMBER_MAX = WORD_NUMBER_WORDS * max(map(len, _NUMBER_WORDS)) + (WORD_NUMBER_WORDS - 1) * len(
    " and "
)
# Signs before a number, in the order tried (the minus signs are MINUS_SIGNS).
SIGN_FORMS = ("+", "-", "−", "minus ", "negative ", "負", "负")
_SIGN = "(?:" + "|".join(regex.escape(f).replace(r"\ ", "[ ]") for f in SIGN_FORMS) + ")"
_SIGN_MAX = max(map(len, SIGN_FORMS))
_PCT_UNIT = r"(?:[ ]?%(?![0-9A-Za-z])|[ ]?(?:per[ ]?cent(?:age)?s?|percent(?:age)?s?|pct)\b)"
_PP_UNIT = (
    r"(?:[ ]?(?:percentage[ -]points?|per[ ]?cent(?:age)?[ ]points?|%[ ]?points?"
    r"|pct\.?[ ]?pts?\.?|ppts?\b|pp\b|p\.p\.))"
)
_UNIT = rf"(?:(?P<pp>{_PP_UNIT})|(?P<pct>{_PCT_UNIT}))"
_LO_UNIT = rf"(?:(?P<lo_pp>{_PP_UNIT})|(?P<lo_pct>{_PCT_UNIT}))"
_NUM = rf"(?:{ARABIC}|{WORD_NUMBER})"

# What joins the two numbers of a Latin range ("40-45%", "40 to 45 per cent"), in the order tried.
RANGE_SEPARATORS = ("-", "–", "—", "‑", "~", "to", "and", "至", "到")
_RANGE_ALT = "|".join(RANGE_SEPARATORS)
_RANGE_MAX = len("  ") + max(map(len, RANGE_SEPARATORS)) + len("  ")

# Percent and percentage points written with Arabic or English word numbers:
# 42%, 42 %, 6.7 per cent, -2.914%, 2 percentage points, 40-45%, 40% to 45%.
LATIN_PERCENT_RE = regex.compile(
    rf"""
    (?<![A-Za-z0-9_.,%/$])                          # not inside a word, number or URL escape
    (?:between[ ](?P<between>))?                    # "between 40 and 45 per cent"
    (?P<lo>{_SIGN}?{_NUM})                          # the (first) number
    (?:
      {_LO_UNIT}?                                   # its own unit in "40% to 45%"
      [ ]{{0,2}}(?P<dash>{_RANGE_ALT})[ ]{{0,2}}       # range separator
      (?P<hi>{_SIGN}?{_NUM})                        # the upper bound
    )?
    {_UNIT}                                         # %, per cent, percentage points ...
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# The commonest Latin percentage, a plain number written against "%" that no unit word, range
# or second figure continues ("42% of", "| 12% |", 逾32%受訪). Where it matches at the start
# LATIN_PERCENT_RE takes, that pattern's match there is the same, with the same "lo", and a
# percent unit: so the scanner need not run it. tests/test_percent.py checks the two agree.
LATIN_QUICK_RE = regex.compile(
    rf"""
    (?<![A-Za-z0-9_.,%/$])                          # LATIN_PERCENT_RE's look-behind
    (?P<lo>\d{{1,{ARABIC_DIGITS}}})%                 # digits, then the sign
    (?![0-9A-Za-z]|[ ]?p|[ ]{{0,2}}(?:{_RANGE_ALT}))  # not "%x", "% points", nor a range on
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# 百分之四十二, 百分之4.5, 千分之2.4, 百分之二十至三十 (spaces between characters allowed).
CJK_FRACTION_RE = regex.compile(
    rf"""
    (?<![{_CJK_DIGIT}{_CJK_UNIT}百佰\d.][ ]{{0,3}})           # 五百分之二 is not 百分之二
    (?P<sign>負|负)?
    (?P<den>(?:[百佰十千仟萬万億亿](?:[ ]{{0,3}}[萬万]){{0,2}}))  # 百, 千, 萬, 百萬, 萬萬 ...
    [ ]{{0,3}}分[ ]{{0,3}}之[ ]{{0,3}}
    (?P<lo>{ARABIC}|{CJK_NUMBER})(?:[ ]{{0,3}}(?P<lo_k>[kKｋＫ])(?![A-Za-z]))?
    (?:
      [ ]{{0,3}}(?:至|到|-|~)[ ]{{0,3}}(?:百分之)?
      (?P<hi>{ARABIC}|{CJK_NUMBER})
    )?
    """,
    regex.VERBOSE,
)

# 2.4個百分點, 六個百分點, 百分點 after Arabic or Chinese numbers (percentage points).
CJK_POINTS_RE = regex.compile(
    rf"""
    (?<![{_CJK_DIGIT}{_CJK_UNIT}百佰\d.,][ ]{{0,3}})  # start of a (spaced) number
    (?P<sign>負|负|-)?
    (?P<lo>{ARABIC}|{CJK_NUMBER})(?:[ ]{{0,3}}(?P<lo_k>[kKｋＫ])(?![A-Za-z]))?
    (?:[ ]{{0,3}}(?:至|到|-)[ ]{{0,3}}(?P<hi>{ARABIC}|{CJK_NUMBER}))?
    [ ]{{0,4}}[個个]?[ ]{{0,4}}[百佰][ ]{{0,3}}分[ ]{{0,3}}[點点]
    """,
    regex.VERBOSE,
)

# 七成, 三成半, 9.5成, 半成, 四至五成, 七成六 (the digit after 成 adds a unit: 76 %).
CJK_CHENG_RE = regex.compile(
    rf"""
    (?<![{_CJK_DIGIT}{_CJK_UNIT}百佰\d.][ ]{{0,3}})
    (?:
      (?P<lo>{ARABIC}|[{_CJK_DIGIT}十拾點点]{{1,4}})[ ]{{0,3}}(?:至|到|-)[ ]{{0,3}}
    )?
    (?P<num>半|{ARABIC}|(?:[{_CJK_DIGIT}十拾點点](?:[ ]{{0,3}}[{_CJK_DIGIT}十拾點点]){{0,3}}))
    [ ]{{0,3}}成
    (?:[ ]{{0,3}}(?P<tail>半|[一二三四五六七八九](?![{_CJK_DIGIT}{_CJK_UNIT}百佰成])))?
    (?!{"|".join(CHENG_NOT_BEFORE)})
    """,
    regex.VERBOSE,
)

_QUAL_EN = "|".join(
    regex.escape(w).replace(r"\ ", "[ ]+")
    for w in sorted(QUALIFIERS_BEFORE_EN, key=len, reverse=True)
)
_QUAL_ZH = "|".join(sorted(QUALIFIERS_BEFORE_ZH, key=len, reverse=True))
# Applied to the few characters before a mention, anchored at their end.
QUALIFIER_BEFORE_RE = regex.compile(
    rf"(?:(?<![\w-])(?P<en>{_QUAL_EN})[ ]{{0,2}}|(?P<zh>{_QUAL_ZH})[ ]{{0,2}})\Z",
    regex.IGNORECASE,
)
_QUAL_AFTER = "|".join(
    regex.escape(w).replace(r"\ ", "[ ]+") for w in sorted(QUALIFIERS_AFTER, key=len, reverse=True)
)
# Applied to the few characters after a mention, anchored at their start.
QUALIFIER_AFTER_RE = regex.compile(
    rf"(?:[ ]{{0,2}}(?P<q>{_QUAL_AFTER}))(?![A-Za-z0-9_+])", regex.IGNORECASE
)

_DIR_VERBS = "|".join([*INCREASE_VERBS_EN, *DECREASE_VERBS_EN])
DIRECTION_BEFORE_EN_RE = regex.compile(
    rf"""
    (?<![\w-])(?P<cue>{_DIR_VERBS})                 # the verb
    (?:[ ]+[\w'’-]{{1,30}}){{0,{DIRECTION_MAX_GAP_WORDS}}}  # a few words, no punctuation
    [ ]+(?:by|to)?[ ]*\Z                            # "by", "to", or nothing, then the mention
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
DIRECTION_ADVERB_EN_RE = regex.compile(
    rf"(?<![\w-])(?P<cue>{'|'.join([*INCREASE_ADVERBS_EN, *DECREASE_ADVERBS_EN])})[ ]+\Z",
    regex.IGNORECASE,
)
DIRECTION_AFTER_EN_RE = regex.compile(
    rf"[ ]{{1,2}}(?P<cue>{'|'.join([*INCREASE_NOUNS_EN, *DECREASE_NOUNS_EN])})s?\b",
    regex.IGNORECASE,
)
# What may stand between a Chinese direction word and the number: an aspect particle (增加了),
# then a link (上升至, 減少約).
DIRECTION_PARTICLES_ZH = ("了", "咗")
DIRECTION_LINKS_ZH = ("達", "达", "至", "到", "為", "为", "約", "约", "逾")
DIRECTION_BEFORE_ZH_RE = regex.compile(
    rf"(?P<cue>{'|'.join([*INCREASE_ZH, *DECREASE_ZH])})(?:{'|'.join(DIRECTION_PARTICLES_ZH)})?"
    rf"[ ]{{0,2}}(?:{'|'.join(DIRECTION_LINKS_ZH)})?[ ]{{0,2}}\Z"
)

# --- anchors: where the detailed patterns are tried ---------------------------------------------
# The detailed patterns above are slow per character (big case-insensitive alternations behind a
# look-behind), so percent.py does not run them over the whole text. Every match of a detailed
# pattern contains an *anchor* (its unit: %, per cent, pp, 百分點) that a cheap pattern finds, and
# starts at most a fixed number of characters (its *lead*) before that anchor, at a position its
# *starts* pattern accepts (its own look-behind plus the characters it can begin with). The
# detailed pattern is tried only there (see _scanning.anchored_matches), which gives exactly the
# matches of a whole-text finditer. The leads are derived from the bounds the patterns are built
# with; tests/test_percent.py checks the longest forms against a whole-text scan.

# The start of a unit, _PCT_UNIT or _PP_UNIT: "%", or per cent/percent/pct/pp/p.p. right after
# a digit or a space. Case-insensitive by hand: p, e, r, c, n, t fold to no other character.
LATIN_ANCHOR_RE = regex.compile(
    r"%|(?<=[\d ])[pP](?=[eE][rR][ ]?[cC][eE][nN][tT]|[cC][tT]|[pP]|\.[pP]\.)"
)
# Longest text from the start of a LATIN_PERCENT_RE match to its first unit: "between ", a
# signed number, a range separator, a signed number and a space.
_NUM_MAX = max(_ARABIC_MAX, _WORD_NUMBER_MAX)
LATIN_LEAD = len("between ") + 2 * (_SIGN_MAX + _NUM_MAX) + _RANGE_MAX + len(" ")
# Where a LATIN_PERCENT_RE match can start: its look-behind, then a sign, "between", a digit, a
# decimal point or a number word.
LATIN_STARTS_RE = regex.compile(
    rf"(?<![A-Za-z0-9_.,%/$])(?=between[ ]|minus[ ]|negative[ ]|[+\-−負负\d.]|{_WORD_NUM})",
    regex.IGNORECASE,
)
# A character that no LATIN_PERCENT_RE match holds before its first unit (searched backwards from
# an anchor): not a digit, letter (ſ, K and İ fold to s, k, i), space, sign, separator or %.
LATIN_BARRIER_RE = regex.compile(r"(?r)[^\dA-Za-z\u017f\u212a\u0130 .,+\-−–—‑~%至到負负]")

# 百分點 closes every CJK_POINTS_RE match.
CJK_POINTS_ANCHOR_RE = regex.compile(r"分(?=[ ]{0,3}[點点])")
# Longest text from the start of a CJK_POINTS_RE match to its 分: a sign, a number, "   k", a
# range separator ("   至   "), a number, "    個    " and "百   ".
_CJK_NUM_MAX = max(_ARABIC_MAX, _CJK_NUMBER_MAX)
CJK_POINTS_LEAD = (
    len("負") + _CJK_NUM_MAX + len("   k") + len("   至   ") + _CJK_NUM_MAX + len("    個    ")
    + len("百   ")
)  # fmt: skip
CJK_POINTS_STARTS_RE = regex.compile(
    rf"(?<![{_CJK_DIGIT}{_CJK_UNIT}百佰\d.,][ ]{{0,3}})"  # CJK_POINTS_RE's look-behind
    rf"(?=[負负\-\d.{_CJK_DIGIT}{_CJK_UNIT}點点百佰])"  # a sign or the first character of a number
)
CJK_POINTS_BARRIER_RE = regex.compile(
    rf"(?r)[^\d.,{_CJK_DIGIT}{_CJK_UNIT}點点百佰 kKｋＫ負负\-至到個个]"
)
