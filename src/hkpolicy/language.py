"""The language of a text: English, Traditional Chinese or Simplified Chinese.

:func:`detect_language` counts characters: a text whose letters are mostly Han is Chinese, and
its script is decided by the characters that exist in only one of the two scripts (學 and 学,
計 and 计), drawn from the Simplified -> Traditional map the entity registry is built with
(:mod:`hkpolicy.entities.hans`). A text with neither Han characters nor Latin letters is "und".

>>> detect_language("The Innovation and Technology Fund")
'en'
>>> detect_language("創新及科技基金資助大學"), detect_language("创新及科技基金资助大学")
('zh-Hant', 'zh-Hans')
"""

from __future__ import annotations

import functools
from typing import Literal

__all__ = ["Language", "detect_language"]

Language = Literal["en", "zh-Hant", "zh-Hans", "und"]
"""A BCP 47 tag: ``en``, ``zh-Hant``, ``zh-Hans``, or ``und`` (undetermined)."""

_SAMPLE = 20_000
"""Characters read from the start of a long text: enough to decide, and linear in any case."""


@functools.cache
def _script_chars() -> tuple[frozenset[str], frozenset[str]]:
    from .entities.hans import hans_chars

    table = hans_chars()
    return frozenset(table), frozenset(table.values())


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def detect_language(text: str) -> Language:
    """``"zh-Hans"``, ``"zh-Hant"`` or ``"en"`` for ``text`` (``"und"`` when it has no letters).

    Chinese when Han characters are at least a fifth of the letters (a Chinese release quotes
    English names, not the other way round); then Simplified when it holds more characters
    unique to Simplified than unique to Traditional. Never raises on a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"detect_language() takes a str, not {type(text).__name__}: {text!r}")
    sample = text[:_SAMPLE]
    han = [ch for ch in sample if _is_han(ch)]
    latin = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    if not han and not latin:
        return "und"
    if len(han) * 4 < latin:
        return "en"
    simplified, traditional = _script_chars()
    hans = sum(1 for ch in han if ch in simplified)
    hant = sum(1 for ch in han if ch in traditional)
    return "zh-Hans" if hans > hant else "zh-Hant"
