"""Reading numbers as Hong Kong texts write them: exact, shared by every parser.

Reads numbers with the vocabulary of :mod:`hkpolicy._lexicon` (full-width digits, Chinese
numerals and their units, English scale words; re-exported here under the same names) and owns
the functions that turn one number token into an exact :class:`~decimal.Decimal`:

- :func:`to_halfwidth` maps full-width digits and signs to ASCII one character for one, so spans
  found in the converted text are valid in the original;
- :func:`parse_arabic` reads ``"1,234.5"`` (and rejects malformed grouping such as ``"9,9,9"``);
- :func:`parse_cjk_number` reads ``"五十五億"``, ``"11億6,400萬"``, ``"3.96億"``, ``"二零二四"``;
- :func:`canonical` gives the plain form (no exponent) used for every amount the library returns.

Arithmetic runs in :data:`EXACT`, a decimal context that raises rather than rounds.
Nothing here raises on malformed tokens: the readers return None and callers decide.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

from ._lexicon import (
    CJK_BIG_UNITS,
    CJK_DECIMAL_POINTS,
    CJK_DIGITS,
    CJK_SMALL_UNITS,
    EN_SCALES,
    NUMBER_HALFWIDTH,
)

__all__ = [
    "CJK_BIG_UNITS",
    "CJK_DIGITS",
    "CJK_SMALL_UNITS",
    "EN_SCALES",
    "EXACT",
    "FULLWIDTH_TO_ASCII",
    "canonical",
    "parse_arabic",
    "parse_cjk_number",
    "scaled",
    "to_halfwidth",
]


def __dir__() -> list[str]:
    return __all__


# Exact arithmetic: precision enough for any token; Inexact raises instead of rounding.
EXACT = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.Inexact, decimal.Overflow, decimal.DivisionByZero],
)

FULLWIDTH_TO_ASCII: dict[int, str] = NUMBER_HALFWIDTH.table
"""The ``str.translate`` table of :func:`to_halfwidth`: full-width digits, point, percent, signs
and dollar to ASCII (:data:`hkpolicy._lexicon.NUMBER_HALFWIDTH`)."""


def to_halfwidth(text: str) -> str:
    """Full-width digits and signs as ASCII, keeping every other character and every offset.

    >>> to_halfwidth("４２％")
    '42%'
    """
    return NUMBER_HALFWIDTH(text)


_ONE = Decimal(1)


def canonical(value: Decimal) -> Decimal:
    """``value`` without an exponent or trailing fractional zeros: ``2.4E+10`` -> ``24000000000``.

    >>> canonical(Decimal("2.4E+10")), canonical(Decimal("1.50"))
    (Decimal('24000000000'), Decimal('1.5'))
    """
    if not value.is_finite():
        return value
    if value == 0:
        return Decimal(0)  # also -0
    if value == value.to_integral_value(context=EXACT):
        # quantize stays linear in the digits; Decimal(int(value)) is quadratic on long runs.
        return value.quantize(_ONE, context=EXACT)
    return value.normalize(EXACT)


def scaled(value: Decimal, factor: int | Decimal) -> Decimal:
    """``value * factor``, exactly, in canonical form."""
    return canonical(EXACT.multiply(value, Decimal(factor)))


def parse_arabic(token: str) -> Decimal | None:
    """An Arabic numeral with optional thousands commas and decimals; None if malformed.

    Grouping must be regular: ``"1,234,567.89"`` is read, ``"9,9,9"`` and ``"1,23"`` are not.
    Full-width digits are accepted.

    >>> parse_arabic("15,000,000"), parse_arabic("10.05"), parse_arabic("9,9,9")
    (Decimal('15000000'), Decimal('10.05'), None)
    """
    text = to_halfwidth(token).strip()
    if not text:
        return None
    integer, dot, fraction = text.partition(".")
    if dot and (not fraction.isascii() or not fraction.isdigit()):
        return None
    if "," in integer:
        groups = integer.split(",")
        head, tail = groups[0], groups[1:]
        if not (1 <= len(head) <= 3 and head.isdigit()):
            return None
        if any(len(group) != 3 or not group.isdigit() for group in tail):
            return None
        integer = "".join(groups)
    if not integer:
        integer = "0" if dot else ""
    if not integer.isascii() or not integer.isdigit():
        return None
    return canonical(Decimal(f"{integer}.{fraction}" if dot else integer))


def _is_arabic_char(char: str) -> bool:
    return char.isascii() and (char.isdigit() or char in ",.")


def parse_cjk_number(token: str) -> Decimal | None:
    """A number written with Chinese numerals, units, or Arabic digits mixed with units.

    Reads 五十五億, 五千萬, 一千億, 三萬五千, 一百零五, 三點五, 11億6,400萬, 3.96億, and digit
    strings such as 二零二四 (2024). Returns None for anything else.

    >>> parse_cjk_number("11億6,400萬"), parse_cjk_number("五十五億"), parse_cjk_number("二零二四")
    (Decimal('1164000000'), Decimal('5500000000'), Decimal('2024'))
    """
    text = to_halfwidth(token).strip()
    if not text:
        return None
    # A run of digits alone is positional: 二零二四 = 2024.
    if len(text) > 1 and all(char in CJK_DIGITS for char in text):
        return Decimal("".join(str(CJK_DIGITS[char]) for char in text))
    # 三點五 = 3.5: the part after the point is a digit string.
    for point in CJK_DECIMAL_POINTS:
        if point in text:
            whole, _, fraction = text.partition(point)
            if not fraction or not all(char in CJK_DIGITS for char in fraction):
                return None
            whole_value = parse_cjk_number(whole) if whole else Decimal(0)
            if whole_value is None:
                return None
            digits = "".join(str(CJK_DIGITS[char]) for char in fraction)
            return canonical(EXACT.add(whole_value, Decimal(f"0.{digits}")))
    return _compose(text)


def _compose(text: str) -> Decimal | None:
    total = Decimal(0)  # sections already closed by a myriad unit
    section = Decimal(0)  # value below the current myriad unit
    number: Decimal | None = None  # the digit or Arabic number waiting for its unit
    last_big: int | None = None
    seen_any = False
    index = 0
    while index < len(text):
        char = text[index]
        if _is_arabic_char(char):
            end = index
            while end < len(text) and _is_arabic_char(text[end]):
                end += 1
            if number is not None:
                return None
            number = parse_arabic(text[index:end])
            if number is None:
                return None
            index = end
            seen_any = True
            continue
        if char in CJK_DIGITS:
            if number is not None and number != 0 and CJK_DIGITS[char] != 0:
                return None  # two digits with no unit between them: not a composed number
            number = Decimal(CJK_DIGITS[char])
        elif char in CJK_SMALL_UNITS:
            multiplier = number if number is not None else Decimal(1)
            section = EXACT.add(section, EXACT.multiply(multiplier, CJK_SMALL_UNITS[char]))
            number = None
        elif char in CJK_BIG_UNITS:
            unit = CJK_BIG_UNITS[char]
            chunk = EXACT.add(section, number if number is not None else Decimal(0))
            if chunk == 0 and total == 0:
                chunk = Decimal(1)
            if last_big is not None and unit > last_big:
                total = EXACT.multiply(EXACT.add(total, chunk), unit)  # 一萬億 = 10^12
            else:
                total = EXACT.add(total, EXACT.multiply(chunk, unit))
            last_big = unit if last_big is None else max(last_big, unit)
            section = Decimal(0)
            number = None
        else:
            return None
        seen_any = True
        index += 1
    if not seen_any:
        return None
    result = EXACT.add(EXACT.add(total, section), number if number is not None else Decimal(0))
    return canonical(result)
