"""Vocabulary and compiled patterns for :mod:`hkpolicy.dates` (private).

Owns month names, parts of a year, anchor cues ("by", "since", 以來), relative expressions
("within the next two years", 去年), fiscal-year separators and budget context words, and the
`regex` patterns built from them. The algorithm lives in dates.py.

Patterns run on text passed through :func:`hkpolicy._numerals.to_halfwidth` (offsets unchanged).
Every repetition is bounded and every pattern starts behind a look-behind that forbids starting
inside a word or number, so each scan is linear in the text length by construction (no time
limits: tests/test_linear_cost.py counts the work).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ._lexicon import CJK_PLAIN_DIGITS, CJK_POSITIONAL_DIGITS

# Months, English full names and abbreviations, lower case. "May" alone is a verb too often, so
# a month name is only read next to a day or a year.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# Parts of a year as words; the value is the part's key (see dates.YEAR_PARTS for their months).
YEAR_PART_WORDS: dict[str, str] = {
    "early": "early", "the beginning of": "early", "beginning of": "early",
    "the start of": "early", "start of": "early",
    "mid": "mid", "the middle of": "mid", "middle of": "mid",
    "late": "late", "the end of": "late", "end of": "late",
    "the first half of": "first_half", "first half of": "first_half",
    "the second half of": "second_half", "second half of": "second_half",
    "the first quarter of": "q1", "first quarter of": "q1",
    "the second quarter of": "q2", "second quarter of": "q2",
    "the third quarter of": "q3", "third quarter of": "q3",
    "the fourth quarter of": "q4", "fourth quarter of": "q4",
    "h1": "first_half", "h2": "second_half", "1h": "first_half", "2h": "second_half",
    "q1": "q1", "q2": "q2", "q3": "q3", "q4": "q4",
}  # fmt: skip
YEAR_PART_WORDS_ZH: dict[str, str] = {
    "初": "early", "年初": "early", "中": "mid", "年中": "mid", "底": "late", "年底": "late",
    "末": "late", "年末": "late", "上半年": "first_half", "下半年": "second_half",
    "第一季": "q1", "第二季": "q2", "第三季": "q3", "第四季": "q4",
    "第1季": "q1", "第2季": "q2", "第3季": "q3", "第4季": "q4",
}  # fmt: skip

# Anchor cues directly before a date or year, lower case -> anchor.
ANCHORS_BEFORE_EN: dict[str, str] = {
    "in": "point", "during": "point", "on": "point", "as of": "point", "as at": "point",
    "by": "deadline", "before": "deadline", "no later than": "deadline",
    "since": "start", "from": "start", "starting": "start", "after": "start",
    "until": "end", "till": "end", "through": "end",
}  # fmt: skip
ANCHORS_BEFORE_ZH: dict[str, str] = {
    "於": "point", "于": "point", "在": "point",
    "自": "start", "從": "start", "从": "start",
    "到": "end", "直至": "end",
}  # fmt: skip
ANCHORS_AFTER_ZH: dict[str, str] = {
    "以來": "start", "以来": "start", "起": "start",
    "或之前": "deadline", "之前": "deadline", "以前": "deadline", "前": "deadline",
    "之後": "start", "以後": "start", "後": "start", "后": "start",
}  # fmt: skip

# Words before a year range that say it is a fiscal year ("FY2024-25"), in the order tried.
FISCAL_YEAR_PREFIXES = ("FY", "F.Y.", "fiscal year", "financial year")

# Words after a period that say what it is the period of ("the 2024-2025 budget").
PERIOD_CONTEXTS: dict[str, str] = {
    "budget": "budget", "estimates": "estimates",
    "財政預算案": "budget", "財政預算": "budget", "預算案": "budget",
    "财政预算案": "budget", "财政预算": "budget", "预算案": "budget",
}  # fmt: skip

# Relative time. Unit words -> unit; "which" words -> direction of the calendar unit.
RELATIVE_UNITS_EN: dict[str, str] = {"year": "year", "month": "month", "week": "week", "day": "day"}
RELATIVE_DIRECTIONS_EN: dict[str, str] = {
    "next": "next", "coming": "next", "following": "next",
    "past": "past", "last": "past", "previous": "past",
}  # fmt: skip
CALENDAR_WHICH_EN: dict[str, str] = {"this": "current", "last": "past", "next": "next"}
COUNT_WORDS_EN: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "fifty": 50,
}  # fmt: skip
# Counts that name no number: "over the past few years" stays unresolved.
VAGUE_COUNT_FORMS_EN = ("few", "several", "couple of")
# Prepositions before "the next/past N years", in the order the pattern tries them.
RELATIVE_PREPOSITIONS_EN = ("within", "in", "over", "during", "for")
# 今年, 去年 ... : (unit, direction, amount).
CALENDAR_ZH: dict[str, tuple[str, str, int]] = {
    "今年": ("year", "current", 0), "本年": ("year", "current", 0),
    "去年": ("year", "past", 1), "明年": ("year", "next", 1),
    "前年": ("year", "past", 2), "後年": ("year", "next", 2), "后年": ("year", "next", 2),
    "本月": ("month", "current", 0), "上月": ("month", "past", 1), "下月": ("month", "next", 1),
    "上個月": ("month", "past", 1), "上个月": ("month", "past", 1),
    "下個月": ("month", "next", 1), "下个月": ("month", "next", 1),
    "本週": ("week", "current", 0), "本周": ("week", "current", 0),
    "上週": ("week", "past", 1), "上周": ("week", "past", 1),
    "下週": ("week", "next", 1), "下周": ("week", "next", 1),
}  # fmt: skip
RELATIVE_UNITS_ZH: dict[str, str] = {
    "年": "year", "個月": "month", "个月": "month", "月": "month",
    "週": "week", "周": "week", "星期": "week", "日": "day", "天": "day",
}  # fmt: skip

# Words after a bare number that make it a count or a measure, not a year ("2000 staff").
COUNT_NOUNS = (
    "people", "persons", "residents", "companies", "firms", "enterprises", "startups",
    "start-ups", "staff", "students", "jobs", "members", "professionals", "units", "flats",
    "households", "employees", "workers", "visitors", "applications", "projects", "patents",
    "hectares", "km", "kg", "sq", "square", "metres", "meters", "feet", "ft", "tonnes",
    "times", "hours", "minutes", "seconds", "days", "words", "pages", "copies", "cases",
)  # fmt: skip
# Tokens right before a bare number that make it money or a label, not a year.
NOT_YEAR_BEFORE = ("HK$", "US$", "$", "RMB", "HKD", "USD", "CNY", "¥", "€", "£", "No.", "#")

# Plain years read as dates: a calendar year in this range (inclusive).
YEAR_MIN = 1900
YEAR_MAX = 2100

# --- patterns ---------------------------------------------------------------------------------

_NB = r"(?<![A-Za-z0-9_$.,/#\-])"  # not inside a word, a number, money or a path
_NA = r"(?![A-Za-z0-9_%]|[.,/]\d|-\d)"  # not followed by more of a word or number
_Y = r"(?P<y>(?:1[89]|2[01])\d{2})"
ZH_YEAR_DIGITS = CJK_POSITIONAL_DIGITS  # the digits of a year written 二零二四
_CJK_YEAR = rf"(?P<zy>[{ZH_YEAR_DIGITS}]{{4}})"
# "may" is matched as the capitalised "May" only: the modal verb is far more common.
# Month names are matched capitalised or upper case (the patterns are case-sensitive, which is
# also several times faster in `regex` than IGNORECASE).
MONTH_FORMS = tuple(
    form for m in sorted(MONTHS, key=len, reverse=True) for form in (m.capitalize(), m.upper())
)
_MONTH_ALT = "|".join(MONTH_FORMS)
_MON = rf"(?P<mon>{_MONTH_ALT})\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
# Parts of a year written before it in words ("the end of", "Mid"): lower case, or with a capital.
PART_FORMS = tuple(
    form
    for w in sorted(YEAR_PART_WORDS, key=len, reverse=True)
    if not regex.match(r"^\d?[hq]\d?$", w)
    for form in (w, w[0].upper() + w[1:])
)
_PART_ALT = "|".join(regex.escape(form).replace(r"\ ", "[ ]+") for form in PART_FORMS)
# The words that can stand right before a DATE_RE year and its spaces: a month, the last word
# of a part of a year, an ordinal suffix (July 4th 2024) and the H of "1H 2024".
WORDS_BEFORE_DATE_YEAR = frozenset(
    [*MONTH_FORMS, *(form.split()[-1] for form in PART_FORMS), "st", "nd", "rd", "th", "H"]
)
DASHES = "-‐‑‒–—"  # the dashes between years (2024–25) and in "mid-2024"
_DASH = f"[{DASHES}]"
_YEAR = r"(?:1[89]|2[01])\d{2}"  # 1800-2199; callers narrow to YEAR_MIN..YEAR_MAX
_ORD = r"(?:st|nd|rd|th)?"
_ZH_DIGIT = f"[{ZH_YEAR_DIGITS}]"
_ZH_NUM = rf"[{CJK_PLAIN_DIGITS}十]{{1,3}}"  # a count of units: 兩, 五, 三十

# Full and partial English and numeric dates. One pattern, alternatives named by form.
DATE_RE = regex.compile(
    rf"""
    {_NB}
    (?:
      (?P<iso>(?P<iso_y>{_YEAR})-(?P<iso_m>[01]?\d)-(?P<iso_d>[0-3]?\d))
    | (?P<dmy_num>(?P<n_d>[0-3]?\d)[/.](?P<n_m>[01]?\d)[/.](?P<n_y>{_YEAR}))
    | (?P<mdy>(?P<a_mon>{_MONTH_ALT})\.?[ ]{{1,2}}(?P<a_d>[0-3]?\d){_ORD},?
        [ ]{{1,2}}(?P<a_y>\d{{4}}))
    | (?P<dmy>(?P<b_d>[0-3]?\d){_ORD}[ ]{{1,2}}(?:of[ ]+)?(?P<b_mon>{_MONTH_ALT})\.?,?
        [ ]{{1,2}}(?P<b_y>\d{{4}}))
    | (?P<my>(?P<c_mon>{_MONTH_ALT})\.?,?[ ]{{1,2}}(?:of[ ]+)?(?P<c_y>\d{{4}}))
    | (?P<part>(?P<p_word>{_PART_ALT})(?:[ ]{{1,2}}|-)(?P<p_y>\d{{4}}))
    | (?P<hq>(?P<hq_word>H[12]|Q[1-4]|[12]H)[ ]?(?P<hq_y>\d{{4}}))
    )
    {_NA}
    """,
    regex.VERBOSE,
)

# Chinese dates: 2024年7月4日, 二零二四年七月, 2024年下半年, 2024年底.
DATE_ZH_RE = regex.compile(
    rf"""
    (?<![\d{CJK_POSITIONAL_DIGITS}十])
    (?:(?P<y>\d{{4}})|{_CJK_YEAR})[ ]?年
    (?:
      [ ]?(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])[ ]?月
      (?:[ ]?(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])
        [ ]?[日號号])?
    | (?P<part>上半年|下半年|年初|年中|年底|年末|初|底|末|中(?!\p{{Han}})|第[一二三四1-4]季)(?:度)?
    )?
    """,
    regex.VERBOSE,
)


def _alternation(words: Iterable[str]) -> str:
    """``words`` as a regex alternation in the given order, a space matching one space."""
    return "|".join(regex.escape(word).replace(r"\ ", "[ ]") for word in words)


_FY_ALT = _alternation(FISCAL_YEAR_PREFIXES)
# The words between the two years of "between 2020 and 2025" and "from 2020 to 2025".
BETWEEN_LINK = "and"
FROM_LINKS = ("to", "until", "till", "through")
# Fiscal years and year ranges: 2024-25, 2024/25, FY2024-25, 2024‑25, 2024-2025, 2024至25年度,
# 二零二四至二五年度, 2020 to 2025, between 2020 and 2025.
PERIOD_RE = regex.compile(
    rf"""
    {_NB}
    (?:
      (?P<fy>{_FY_ALT})[ ]?)?
    (?:
      (?P<y1>{_YEAR})
      (?P<sep>[ ]?(?:{_DASH}|/)[ ]?|至|到)
      (?P<y2>\d{{4}}|\d{{2}})(?!\d)
    | (?P<zy1>{_ZH_DIGIT}{{4}})(?:至|到|/|{_DASH})(?P<zy2>{_ZH_DIGIT}{{2}}(?:{_ZH_DIGIT}{{2}})?)
    | (?P<between>between)[ ]+(?P<b1>{_YEAR})[ ]+{BETWEEN_LINK}[ ]+(?P<b2>{_YEAR})
    | (?P<from>from)[ ]+(?P<f1>{_YEAR})[ ]+(?:{"|".join(FROM_LINKS)})[ ]+(?P<f2>{_YEAR})
    )
    (?P<nd>[ ]?(?:年度|財政年度|财政年度))?
    (?![A-Za-z0-9_%]|[.,]\d|-\d)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A plain year used as a date: "2023 survey", "in 2014", "(2024)", "2030+".
YEAR_RE = regex.compile(rf"{_NB}{_Y}(?P<plus>\+)?(?![A-Za-z0-9_%]|[.,/]\d|{_DASH}\d|年)")

_COUNT_ALT = "|".join(sorted(COUNT_WORDS_EN, key=len, reverse=True))
_UNIT_ALT = "|".join(RELATIVE_UNITS_EN)
_PREP_ALT = _alternation(RELATIVE_PREPOSITIONS_EN)
_DIR_ALT = _alternation(RELATIVE_DIRECTIONS_EN)
_VAGUE_ALT = _alternation(VAGUE_COUNT_FORMS_EN)
# "within the next two years", "over the past five years", "in the coming years",
# "this year", "last year", "this week", "in recent years".
RELATIVE_EN_RE = regex.compile(
    rf"""
    (?=[iowdftlnIOWDFTLN])                          # cheap first-letter filter
    (?<![A-Za-z0-9_])
    (?:
      (?P<prep>{_PREP_ALT})[ ]+the[ ]+
        (?P<dir>{_DIR_ALT})[ ]+
        (?:(?P<n>{_COUNT_ALT}|\d{{1,3}})|(?P<vague>{_VAGUE_ALT}))[ ]+
        (?P<unit>{_UNIT_ALT})s?
    | (?P<within>within)[ ]+(?P<wn>{_COUNT_ALT}|\d{{1,3}})[ ]+(?P<wunit>{_UNIT_ALT})s?
    | (?P<recent>(?:in|over)[ ]+(?:recent|the[ ]+coming)[ ]+years)
    | (?P<which>this|last|next)[ ]+(?P<cunit>year|month|week)
    )
    \b
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_CAL_ZH = "|".join(sorted(CALENDAR_ZH, key=len, reverse=True))
_REL_UNIT_ZH = "|".join(sorted(RELATIVE_UNITS_ZH, key=len, reverse=True))
# Words before a count of units (未來兩年內, 過去五年), in the order tried; 過去 looks back.
RELATIVE_DIRECTIONS_ZH = ("未來", "未来", "今後", "今后", "過去", "过去", "往後", "往后")
RECENT_YEARS_ZH = ("近年來", "近年来", "近年")
# The characters every RELATIVE_ZH_RE match starts with.
RELATIVE_ZH_FIRST_CHARS = "".join(
    sorted({w[0] for w in (*CALENDAR_ZH, *RELATIVE_DIRECTIONS_ZH, *RECENT_YEARS_ZH)})
)
# 今年, 去年, 未來兩年內, 過去五年, 近年.
RELATIVE_ZH_RE = regex.compile(
    rf"""
    (?P<cal>{_CAL_ZH})(?!度)
    | (?P<zdir>{"|".join(RELATIVE_DIRECTIONS_ZH)})(?P<zn>{_ZH_NUM}|\d{{1,3}})
      [ ]?(?P<zunit>{_REL_UNIT_ZH})(?P<nei>內|内)?
    | (?P<zrecent>{"|".join(RECENT_YEARS_ZH)})
    """,
    regex.VERBOSE,
)

_ANCHOR_EN = "|".join(
    regex.escape(w).replace(r"\ ", "[ ]+") for w in sorted(ANCHORS_BEFORE_EN, key=len, reverse=True)
)
ANCHOR_BEFORE_EN_RE = regex.compile(rf"(?<![A-Za-z0-9_])(?P<cue>{_ANCHOR_EN})[ ]+\Z", regex.I)
ANCHOR_BEFORE_ZH_RE = regex.compile(
    rf"(?P<cue>{'|'.join(sorted(ANCHORS_BEFORE_ZH, key=len, reverse=True))})[ ]?\Z"
)
ANCHOR_AFTER_ZH_RE = regex.compile(
    rf"[ ]?(?P<cue>{'|'.join(sorted(ANCHORS_AFTER_ZH, key=len, reverse=True))})"
)
_CTX = "|".join(sorted(PERIOD_CONTEXTS, key=len, reverse=True))
CONTEXT_AFTER_RE = regex.compile(rf"[ ]{{0,2}}(?P<ctx>{_CTX})(?![A-Za-z0-9_])", regex.IGNORECASE)
_COUNT_NOUN_ALT = "|".join(regex.escape(w) for w in COUNT_NOUNS)
COUNT_NOUN_AFTER_RE = regex.compile(
    rf"[ ]{{1,2}}(?:{_COUNT_NOUN_ALT})\b|[ ]?[名家間间個个位人宗項项元萬万億亿%]",
    regex.IGNORECASE,
)
_NOT_YEAR = "|".join(regex.escape(w) for w in NOT_YEAR_BEFORE)
NOT_YEAR_BEFORE_RE = regex.compile(rf"(?:{_NOT_YEAR})[ ]?\Z", regex.IGNORECASE)

# parse_period's "A to B" split: lazy left side, so it is quadratic in the worst case; it runs on
# one short expression only, at most dates.MAX_PERIOD_CHARS characters.
RANGE_SPLIT_RE = regex.compile(
    r"""
    between[ ]+(?P<a>.+?)[ ]+and[ ]+(?P<b>.+)
    | (?:from[ ]+)?(?P<c>.+?)[ ]*(?:[ ]to[ ]|[ ]until[ ]|至|到)[ ]*(?P<d>.+)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# --- anchors: where the detailed patterns are tried ---------------------------------------------
# Every match of DATE_RE, PERIOD_RE, YEAR_RE and RELATIVE_EN_RE holds a cheap *anchor* and starts
# within a bounded *lead* before it, where a *starts* pattern (the pattern's own look-behind and
# first characters) matches; the scanner tries the detailed pattern only there (see
# _scanning.anchored_matches), which gives exactly the matches of a whole-text finditer. The
# leads count non-space characters, since these patterns allow "[ ]+", and are derived from the
# same words the patterns are built from; tests/test_dates.py checks the longest forms.

# Four or more digits: every DATE_RE, PERIOD_RE (Arabic form) and YEAR_RE match holds a year.
YEAR_DIGITS_RE = regex.compile(r"\d{4,}")
# The same runs in a text whose every digit is one of 0-9: an ASCII class is read without a
# Unicode property look-up per character, about three times faster.
ASCII_YEAR_DIGITS_RE = regex.compile(r"[0-9]{4,}")
# Four or more Chinese digits: PERIOD_RE's 二零二四至二五.
CJK_YEAR_DIGITS_RE = regex.compile(rf"{_ZH_DIGIT}{{4,}}")


def _non_space(words: Iterable[str]) -> int:
    """The most non-space characters in one of ``words``."""
    return max(len(word.replace(" ", "")) for word in words)


_LONGEST_MONTH = _non_space(MONTHS) + len(".")
_LONGEST_DAY = len("31st")
# Most non-space characters before the year in a DATE_RE match, by form: part ("the second
# quarter of-"), dmy ("31st of September.,"), mdy ("September. 31st,"), my ("September.,of"),
# hq ("Q3"), dmy_num ("31/12/"); iso starts with its year.
DATE_LEAD = max(
    _non_space(YEAR_PART_WORDS) + len("-"),
    _LONGEST_DAY + len("of") + _LONGEST_MONTH + len(","),
    _LONGEST_MONTH + _LONGEST_DAY + len(","),
    _LONGEST_MONTH + len(",of"),
    len("Q3"),
    len("31/12/"),
)
_DATE_FIRST = "".join(
    sorted({form[0] for form in _MONTH_ALT.split("|")} | {form[0] for form in _PART_ALT.split("|")})
)
DATE_STARTS_RE = regex.compile(rf"{_NB}(?=[\dHQ{_DATE_FIRST}])")

# Most non-space characters before the first year in a PERIOD_RE match: a fiscal-year prefix,
# then "between" or "from".
PERIOD_LEAD = _non_space(FISCAL_YEAR_PREFIXES) + _non_space(("between", "from"))
PERIOD_STARTS_RE = regex.compile(rf"{_NB}(?=[\dfb〇零○一二三四五六七八九])", regex.IGNORECASE)

# The unit word that closes every RELATIVE_EN_RE match (case-insensitive by hand; only k has
# another case-insensitive form, the Kelvin sign).
RELATIVE_EN_ANCHOR_RE = regex.compile(
    r"[yY][eE][aA][rR]|[mM][oO][nN][tT][hH]|[wW][eE][eE][kK\u212a]|[dD][aA][yY]"
)
# Most non-space characters before the unit in a RELATIVE_EN_RE match: a preposition, "the",
# a direction word and a count ("within the following couple of").
RELATIVE_EN_LEAD = (
    _non_space(RELATIVE_PREPOSITIONS_EN)
    + len("the")
    + _non_space(RELATIVE_DIRECTIONS_EN)
    + _non_space([*COUNT_WORDS_EN, *VAGUE_COUNT_FORMS_EN, "999"])
)
RELATIVE_EN_STARTS_RE = regex.compile(r"(?<![A-Za-z0-9_])(?=[iowdftln])", regex.IGNORECASE)
