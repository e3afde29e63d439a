"""Reading the numbers of a percentage (private): Arabic, English words, Chinese numerals.

Owns the readers :mod:`hkpolicy.percent` applies to the number groups of its patterns. Each
returns an exact :class:`~decimal.Decimal`, or None for a token it cannot read; none raises.
Also :func:`in_scientific_notation`, which tells the exponent of "1e-4" from a number.
"""

from __future__ import annotations

import functools
from decimal import Decimal

import regex

from . import _percent_patterns as P
from ._lexicon import CJK_DECIMAL_POINTS
from ._numerals import EXACT, canonical, parse_arabic, parse_cjk_number

__all__ = [
    "cheng_value",
    "cjk_number",
    "cjk_or_arabic",
    "english_number",
    "in_scientific_notation",
    "read_number",
    "with_k",
]


_MINUS_SIGNS = sorted(P.MINUS_SIGNS, key=len, reverse=True)


@functools.lru_cache(maxsize=4096)  # tokens repeat ("10", "2.5"); Decimals are immutable
def read_number(token: str) -> Decimal | None:
    """An Arabic, English-word or Chinese number with an optional sign; None if unreadable."""
    text = token.strip()
    negative = False
    lower = text.lower()
    for sign in _MINUS_SIGNS:
        if lower.startswith(sign):
            negative, text = True, text[len(sign) :].strip()
            break
    else:
        if text.startswith("+"):
            text = text[1:].strip()
    value = parse_arabic(text)
    if value is None:
        value = english_number(text)
    if value is None:
        value = cjk_number(text)
    if value is None:
        return None
    return canonical(EXACT.minus(value)) if negative and value else value


def english_number(text: str) -> Decimal | None:
    """English number words up to the hundreds ("one hundred and five", "twenty-two")."""
    words = regex.split(r"[ -]+", text.lower())
    known = (*P.EN_ONES, *P.EN_TENS, P.EN_HUNDRED, "and")
    if not words or not all(w in known for w in words):
        return None
    total, current, last = 0, 0, ""
    for word in words:
        if word == "and":
            if last != P.EN_HUNDRED:
                return None
        elif word == P.EN_HUNDRED:
            if current == 0 and last != "":
                return None
            current = (current or 1) * 100
        elif word in P.EN_TENS:
            if current % 100:
                return None
            current += P.EN_TENS[word]
        else:
            if current % 10 or (last in P.EN_ONES):
                return None
            current += P.EN_ONES[word]
        last = word
    total += current
    return Decimal(total)


def cjk_number(token: str) -> Decimal | None:
    """A Chinese numeral with spaces removed; a dangling 點 at the end is dropped."""
    text = "".join(token.split())
    if text and text[-1] in CJK_DECIMAL_POINTS:
        text = text[:-1]
    return parse_cjk_number(text) if text else None


def with_k(value: Decimal, k: str | None) -> Decimal:
    """``value`` times a thousand when the text wrote a "k" after it ("2.4k")."""
    return canonical(EXACT.multiply(value, 1000)) if k else value


def cjk_or_arabic(token: str | None) -> Decimal | None:
    """An Arabic or Chinese number; None for None or an unreadable token."""
    if token is None:
        return None
    value = parse_arabic(token)
    return value if value is not None else cjk_number(token)


def cheng_value(token: str) -> Decimal | None:
    """The number before or in a 成 figure (半 is a half); None above ``CHENG_MAX``."""
    value = Decimal("0.5") if token == "半" else cjk_or_arabic(token)
    if value is None or value > P.CHENG_MAX:
        return None
    return value


def in_scientific_notation(text: str, start: int, end: int) -> bool:
    """True when the number in ``text[start:end]`` is the exponent of "1e-4": its first digit
    follows a digit and an "e" (with an optional sign). Such text is no percentage."""
    if start and text[start - 1] not in "eE+-" and text[start].isdigit():
        return False  # the commonest case: a digit first, after no "e" and no sign
    first = start
    while first < end and not text[first].isdigit():
        first += 1
    before = text[max(0, first - 3) : first]
    return len(before) >= 2 and (
        (before[-1] in "eE" and before[-2].isdigit())
        or (len(before) == 3 and before[-1] in "+-" and before[-2] in "eE" and before[0].isdigit())
    )
