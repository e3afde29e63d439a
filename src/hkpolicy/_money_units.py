"""Units of money as table headers write them: "HK$ million", "(港幣百萬元)", "$'000".

Owns :func:`read_unit` (one header unit to a currency and a scale), :func:`money_unit_of` (the
unit a whole header sets) and :func:`is_unit_label`, with which the money scanner tells a unit
standing alone ("(港幣百萬元)") from an amount; and the reading of the scale word after an
amount ("$47 billion", 500億): :func:`scale_after`, :func:`scale_alone`; and the cents after
a whole amount ("15 dollars 50", 五元三毛): :func:`cents_after`.
"""

from __future__ import annotations

import functools
from decimal import Decimal

import regex

from . import _money_patterns as _p
from ._lexicon import header_unit
from ._money_lexer import read_words
from ._money_quiet import post_is_empty
from ._numerals import EXACT, canonical, parse_cjk_number

__all__ = [
    "SCALE_CHARS",
    "cents_after",
    "is_unit_label",
    "money_unit_of",
    "read_unit",
    "scale_after",
    "scale_alone",
    "scale_factor",
]


def __dir__() -> list[str]:
    return __all__


# Chinese scale characters: a token made only of them ("百萬") names a scale, not a figure.
SCALE_CHARS = frozenset("十百千萬万億亿兆")


def scale_factor(word: str) -> Decimal | None:
    """The factor of the scale word ``word`` after an amount (lower case, no spaces or dashes:
    "million", 億), as a Decimal; None for a word of no scale."""
    factor = _p.MONEY_SCALES.get(word)
    return None if factor is None else _factor(factor)


@functools.lru_cache(maxsize=64)
def _factor(factor: int) -> Decimal:
    """``Decimal(factor)``, made once per factor: scales are few, Decimals immutable."""
    return Decimal(factor)


# --- scales after an amount ---------------------------------------------------------------

_WS_DASH = regex.compile(r"[\s-]")


def scale_after(post: regex.Match[str], is_words: bool) -> tuple[Decimal, int, bool] | None:
    """``(scale, end, cjk_amount)`` of the scale word ``post`` read ("million", 億), if any; a
    second scale ("HK$5 million" written "5 HK$ million") counts only when there is no first."""
    name = "scale" if post.group("scale") else "scale2"
    written = post.group(name)
    if not written:
        return None
    core = written.strip()  # " billion": no pattern call to take the space out
    word = (core if core.isalpha() else _WS_DASH.sub("", written)).lower()
    factor = scale_factor(word)
    if factor is None:
        return None
    return factor, post.end(name), not is_words and word[-1] in _p.CJK_SCALE_UNITS


def scale_alone(t: str, e: int, stop: int, is_words: bool,
                 pats: _p.Patterns) -> tuple[Decimal, int, bool] | None:  # fmt: skip
    """What scale_after reads in ``post.match(t, e, stop)`` where ``post`` reads a scale and
    nothing after it ("$47 billion for"), found without ``post``: its first group is matched
    alone (Patterns.post_scale), and post_is_empty says no other group can start where it
    ends. ``post`` matches its groups in turn, each may match nothing, so its match is that
    one. None when ``post`` may read more, or reads no scale."""
    scaled = pats.post_scale.match(t, e, stop)
    if scaled is None or scaled.end() == e:
        return None
    if not post_is_empty(t, scaled.end(), stop, pats.post_first_words):
        return None
    return scale_after(scaled, is_words)


# --- cents after an amount ----------------------------------------------------------------

_MINOR_STOP = regex.compile(r"\s*(?:\d|[$€£¥￥%])")
# Characters after a whole amount looked at for its cents, and after the cents for what rules
# them out: bounded windows.
_MINOR_WINDOW = 40
_CENT = Decimal("0.01")


def cents_after(t: str, end: int, n: int, value: Decimal) -> tuple[Decimal, int] | None:
    """``(value with cents, end)`` when cents follow a whole amount at ``end``, else None."""
    if value != value.to_integral_value():
        return None
    match = _p.PATTERNS.minor.match(t, end, min(n, end + _MINOR_WINDOW))
    if match is None:
        return None
    raw = match.group("minor")
    unit = match.group("unit")
    if raw.isdigit():
        minor = Decimal(raw)
    elif raw in "一二兩两三四五六七八九":
        if not unit:
            return None
        minor = Decimal(parse_cjk_number(raw) or 0)
    else:
        words = read_words(raw)
        if words is None:
            return None
        minor = words
    if unit:
        step = Decimal(
            _p.EN_MINOR_UNITS.get(unit.lower()) or _p.CJK_MINOR_UNITS.get(unit) or "0.01"
        )
    else:
        step = _CENT
        after = _p.PATTERNS.post.match(t, match.end(), min(n, match.end() + _MINOR_WINDOW))
        if after is not None and (after.group("cur") or after.group("scale")):
            return None
        if _MINOR_STOP.match(t, match.end(), min(n, match.end() + 4)):
            return None
    part = EXACT.multiply(minor, step)
    if minor >= 100 or part >= 1:
        return None
    return canonical(EXACT.add(value, part)), match.end()


# --- units as headers write them ----------------------------------------------------------------

_BRACKETED = regex.compile(r"[(（]([^()（）]{1,40})[)）]")


def read_unit(text: str) -> tuple[str | None, int] | None:
    """``(currency, scale)`` of a unit as a table header writes it, else None: the lexicon's
    :func:`~hkpolicy._lexicon.header_unit` with an int scale.

    Grammar: ``[單位：] [currency] [scale] [currency]`` with at least one currency (a symbol,
    code or currency word) and a scale from ``UNIT_SCALES``: "HK$ million", "$'000", "百萬港元",
    "港幣百萬元", "人民幣億元", "(億元)" without its brackets, "Unit: HK$'000". ``currency`` is
    None for a bare "$" or 元, whose currency the caller decides; two different written
    currencies give None.
    :func:`money_unit_of` and the column units of :mod:`hkpolicy.tables` both read headers
    with it, and :func:`~hkpolicy.money.find_money` uses it to tell a unit ("(港幣百萬元)")
    from an amount.

    >>> read_unit("港幣百萬元"), read_unit("百萬港元"), read_unit("億元")
    (('HKD', 1000000), ('HKD', 1000000), (None, 100000000))
    """
    unit = header_unit(text)
    return None if unit is None else (unit[0], int(unit[1]))


def money_unit_of(
    header: str, *, default_currency: str | None = _p.DEFAULT_CURRENCY
) -> tuple[str, Decimal] | None:
    """``(currency, scale)`` a table header such as "HK$ million" or "(億元)" sets; else None.

    The unit is the whole header or a bracketed part of it, read by :func:`read_unit`; a bare
    "$" or 元 takes ``default_currency`` (None: no unit). Use it with
    :func:`~hkpolicy.money.parse_money` on each cell below the header:

    >>> from hkpolicy import parse_money
    >>> unit = money_unit_of("Funding (HK$ million)")
    >>> unit
    ('HKD', Decimal('1000000'))
    >>> parse_money("1,234.5", default_currency=unit[0], scale=unit[1]).amount
    Decimal('1234500000')
    >>> money_unit_of("批准預算 (港幣百萬元)")
    ('HKD', Decimal('1000000'))
    """
    for inner in [*_BRACKETED.findall(header), header]:
        unit = header_unit(inner.strip())
        if unit is None:
            continue
        currency, scale = unit
        if currency is None:
            if default_currency is None:
                return None
            currency = default_currency.strip().upper()
            if currency not in _p.KNOWN_CURRENCIES:
                return None
        return currency, scale
    return None


# English number words that name a scale, as a unit header writes it: "(HK$ thousand)".
_SCALE_WORDS = frozenset({"thousand", "hundred"})
# What may stand on either side of a unit label: a bracket, a table cell's pipe, a line's end.
_UNIT_OPEN = "(（|\n"
_UNIT_CLOSE = ")）|\n"
# A label that introduces a unit, before a colon: "(單位：港幣百萬元)", "Unit: HK$ thousand".
_UNIT_LABEL = regex.compile(r"(?:單位|单位|(?<![A-Za-z])units?)\s*[:：]\s*\Z", regex.IGNORECASE)


def is_unit_label(t: str, start: int, end: int, token: str, is_words: bool) -> bool:
    """True when ``t[start:end]`` is a scale with a currency and no figure ("港幣百萬元",
    "HK$ thousand") standing alone in brackets, a table cell or a line, or after "單位：" or
    "Unit:": a unit, not an amount. ``token`` is the number the scanner read there."""
    if is_words:
        if token.lower() not in _SCALE_WORDS:
            return False
    elif token[0] not in SCALE_CHARS or not all(ch in SCALE_CHARS for ch in token):
        return False  # a figure: most amounts are, and the first character tells
    i = start - 1
    while i >= 0 and t[i] in " \t":
        i -= 1
    j = end
    while j < len(t) and t[j] in " \t":
        j += 1
    opened = (
        i < 0
        or t[i] in _UNIT_OPEN
        or (t[i] in ":：" and _UNIT_LABEL.search(t, max(0, i - 8), start) is not None)
    )
    closed = j >= len(t) or t[j] in _UNIT_CLOSE
    return opened and closed and read_unit(t[start:end]) is not None
