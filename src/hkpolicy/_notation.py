"""Scientific notation around a number token: "1e30", "2.5E-3", "6.02e+23".

Owns the one rule the scanners share for it: a figure that is the mantissa or the exponent of
such a number is not an amount or a percentage on its own. Characters are tested with
``str.isdigit``, as the scanners' tokens are.
"""

from __future__ import annotations

__all__ = ["exponent_follows", "in_scientific_notation", "is_exponent"]


def __dir__() -> list[str]:
    return __all__


def is_exponent(text: str, first: int) -> bool:
    """True when the digit at ``text[first]`` follows a digit and an "e", with an optional sign
    between: the exponent of "1e-4" or "2E5"."""
    before = text[max(0, first - 3) : first]
    return len(before) >= 2 and (
        (before[-1] in "eE" and before[-2].isdigit())
        or (len(before) == 3 and before[-1] in "+-" and before[-2] in "eE" and before[0].isdigit())
    )


def exponent_follows(text: str, end: int) -> bool:
    """True when an exponent starts at ``text[end]``: "e" or "E", an optional sign, a digit."""
    n = len(text)
    if end + 1 >= n or text[end] not in "eE":
        return False
    after = text[end + 1]
    return after.isdigit() or (after in "+-" and end + 2 < n and text[end + 2].isdigit())


def in_scientific_notation(text: str, start: int, end: int) -> bool:
    """True when the number ``text[start:end]`` is the mantissa or the exponent of "1e30"."""
    return exponent_follows(text, end) or (
        start >= 2 and text[start - 1] in "eE+-" and is_exponent(text, start)
    )
