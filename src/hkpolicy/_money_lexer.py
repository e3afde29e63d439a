"""Reading the pieces of a money expression: number tokens, their values, currency surfaces.

Owns the half-width folding of the characters money reads, the lexer that finds every number
token and English number-word run in a text, the readers that turn one token into an exact
Decimal, and :func:`currency_mark`, which names the currency a surface form ("HK$", 港幣,
"dollars") writes. Everything here works on one token or one short surface: no context.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Literal, NamedTuple, cast

import regex

from . import _money_patterns as _p
from ._lexicon import MONEY_HALFWIDTH, currency_of
from ._numerals import EXACT, canonical, parse_arabic, parse_cjk_number

__all__ = [
    "HAS_CJK",
    "CurrencyMark",
    "NumberReading",
    "Tokens",
    "currency_mark",
    "folded",
    "half_unit",
    "halfwidth",
    "number_spans",
    "read_number",
    "read_words",
    "tokens",
]


def __dir__() -> list[str]:
    return __all__


def halfwidth(text: str) -> str:
    """``text`` with full-width digits, point, $, % and ～ as ASCII (same length); ``text``
    itself when it holds none of them (most texts)."""
    return MONEY_HALFWIDTH(text)


# --- tokens ------------------------------------------------------------------------------------


class Tokens(NamedTuple):
    """Where numbers are written in a text."""

    spans: list[tuple[int, int]]
    """``(start, end)`` of every number token and English number-word run, in order."""
    word_starts: frozenset[int]
    """The starts of the number-word runs among them."""


_SEPARATORS = frozenset(",.'\u00a0\u202f")


def _joined_runs(t: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with the pieces of one long run joined again. The number pattern cuts a run
    after MAX_TOKEN_PIECES pieces, so only a token at least that long can be followed by a piece
    of itself; a token the cut did not end never touches the next one and is never one
    separator away from it (a separator before a digit belongs to the token)."""
    if all(end - start <= _p.MAX_TOKEN_PIECES for start, end in spans):
        return spans
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and (
            start == joined[-1][1] or (start == joined[-1][1] + 1 and t[start - 1] in _SEPARATORS)
        ):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


# Characters after which a number may go on past its run: a separator before a digit ("1,234"),
# a space before a group of three ("3 250 000 €").
_GOES_ON = frozenset(",.'\u00a0\u202f\x20")
# The first character outside the Basic Multilingual Plane.
_ASTRAL = "\U00010000"


def _is_whole_run(t: str, at: int, stop: int) -> bool:
    """True when the number pattern, matched at ``at``, is sure to match the run ``t[at:stop]``
    exactly (see number_spans): the run starts in the BMP, so with a digit or numeral; it is
    not cut at MAX_TOKEN_PIECES; and it is not followed by a character outside the BMP, nor
    by a separator or space and then what may be a digit (the run may go on, or be the "3" of
    "3 250 000 €"). Conservative: any non-ASCII character after the separator sends the run
    to the pattern."""
    if stop - at > _p.MAX_TOKEN_PIECES or t[at] >= _ASTRAL:
        return False
    if stop < len(t) and t[stop] >= _ASTRAL:
        return False  # may be a digit going on with the run
    if stop + 1 >= len(t) or t[stop] not in _GOES_ON:
        return True
    after = t[stop + 1]
    return not ("0" <= after <= "9" or not after.isascii())


def number_spans(t: str, number: regex.Pattern[str]) -> list[tuple[int, int]]:
    """``[m.span() for m in number.finditer(t)]``, found faster: ``number`` is tried only in
    the runs of _money_patterns.number_starts, at each position finditer would try (from the
    end of the last match on), and at a "." right before a run (".75"). A match starts at
    every digit or numeral it is tried at; most runs are a whole match and take no call (see
    _is_whole_run); a match stops short of its run's end only at MAX_TOKEN_PIECES pieces."""
    spans: list[tuple[int, int]] = []
    match = number.match
    pos = 0
    for run in _p.number_starts().finditer(t):
        at, stop = run.span()
        if at > pos and t[at - 1] == ".":
            m = match(t, at - 1)
            if m is not None:
                spans.append(m.span())
                pos = m.end()
        if at >= pos and _is_whole_run(t, at, stop):
            spans.append((at, stop))
            pos = stop
            continue
        at = max(at, pos)
        while at < stop:
            m = match(t, at)
            if m is None:
                at += 1  # 點, or a character outside the BMP that is no digit
                continue
            spans.append(m.span())
            at = pos = m.end()
    return spans


def folded(t: str) -> str | None:
    """``t.lower()`` when it has the length of ``t`` (so each character lower-cases to one, at
    the same offset), else None ("İ" lower-cases to two). Case-blind pre-filters search it with
    case-sensitive literals, which stdlib ``re`` finds fastest."""
    lowered = t.lower()
    return lowered if len(lowered) == len(t) else None


def tokens(t: str, lowered: str | None = None) -> Tokens:
    """Every number token and English number-word run of ``t``; ``lowered`` is ``folded(t)``
    when the caller has it.

    Numbers: see number_spans. Number words: equal to ``finditer`` of ``words``, which is slow
    (a case-blind alternation tried at every position); a pre-filter (stdlib ``re`` over the
    lower-cased text, one fast pass) proposes a superset of the places a run can start, and
    ``words`` is matched there only, skipping proposals inside the last run as finditer does.
    A proposal the pre-filter's own last match covers ("a half": the space before "half") is
    inside the run ``words`` reads there, or ``words`` fails at it as well.
    """
    pats = _p.PATTERNS
    numbers = _joined_runs(t, number_spans(t, pats.number))
    runs: list[tuple[int, int]] = []
    if lowered is None:
        lowered = folded(t)
    if lowered is None:  # a character lower-cases to two ("İ"): no pre-filter
        runs.extend(m.span() for m in pats.words.finditer(t))
    else:
        words = pats.words
        pos = 0
        first = words.match(t, 0)  # the pre-filter proposes places after a character only
        if first is not None:
            runs.append((0, first.end()))
            pos = first.end()
        for hit in pats.words_start.finditer(lowered):
            at = hit.start() + 1  # a match proposes the place after its non-letter
            if at < pos:
                continue
            m = words.match(t, at)
            if m is not None:
                runs.append((at, m.end()))
                pos = m.end()
    if not runs:
        return Tokens(numbers, frozenset())
    return Tokens(sorted(numbers + runs), frozenset(start for start, _ in runs))


# --- numbers -----------------------------------------------------------------------------------

# Groupings other than Hong Kong's "1,234.5", all linear (possessive): "1.144.000",
# "1'049,95", "1 298,00" (no-break space), and a decimal comma "205,68".
_GROUPED = regex.compile(
    r"(?P<int>\d{1,3}(?P<sep>[.'\u00a0\u202f\x20])\d{3}(?:(?P=sep)\d{3})*+)(?:,(?P<frac>\d++))?"
)
_GROUP_SEPARATORS = ".'\u00a0\u202f "
_DECIMAL_COMMA = regex.compile(r"(?P<int>\d++),(?P<frac>\d{1,2})")
_CJK_TAIL = regex.compile(r"(?P<num>[\d.,]++)(?P<unit>[十百千萬万億亿兆]++)")
HAS_CJK = regex.compile(r"[零〇一二兩两三四五六七八九十百千萬万億亿兆點点]")
"""Any Chinese numeral or scale character: a token holding one is read as Chinese."""
_WS_DASH_RUN = regex.compile(r"[\s-]+")


class NumberReading(NamedTuple):
    """The value of one number token."""

    value: Decimal
    """The figure, canonical."""
    scale: Decimal
    """A trailing 億/萬 split off the figure ("3.96億" is 3.96 and 10**8), else 1."""


def _read_arabic(token: str) -> Decimal | None:
    value = parse_arabic(token)
    if value is not None:
        return value
    match = _GROUPED.fullmatch(token) or _DECIMAL_COMMA.fullmatch(token)
    if match is None:
        return None
    digits = match.group("int")
    for sep in _GROUP_SEPARATORS:
        digits = digits.replace(sep, "")
    frac = match.group("frac")
    return canonical(Decimal(f"{digits}.{frac}" if frac else digits))


# Tokens repeat (years, round sums), so their readings are cached; the values are immutable.
READ_CACHE_SIZE = 4096

_ONE = Decimal(1)


@functools.lru_cache(maxsize=READ_CACHE_SIZE)
def read_number(token: str) -> NumberReading | None:
    """The reading of one number token (Arabic, Chinese, or Arabic with a Chinese scale)."""
    if token.isascii() or not HAS_CJK.search(token):
        value = _read_arabic(token)
        return None if value is None else NumberReading(canonical(value), _ONE)
    tail = _CJK_TAIL.fullmatch(token)
    if tail is not None:
        head = _read_arabic(tail.group("num"))
        unit = _unit_value(tail.group("unit"))
        if head is not None and unit is not None:
            return NumberReading(canonical(head), unit)
    value = parse_cjk_number(token)
    return None if value is None else NumberReading(canonical(value), _ONE)


@functools.lru_cache(maxsize=64)
def _unit_value(unit: str) -> Decimal | None:
    """The value of the Chinese scale characters after Arabic digits (萬 of "801萬", 千萬):
    few, so each is read once."""
    return parse_cjk_number("一" + unit)


@functools.lru_cache(maxsize=READ_CACHE_SIZE)
def read_words(phrase: str) -> Decimal | None:
    """English number words: "thirteen", "forty-five", "a quarter", "three quarters"."""
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    for word in _WS_DASH_RUN.split(phrase.lower()):
        if word in ("", "and"):
            continue
        if word == "a":
            current = Decimal(1)
        elif word == "half":
            current = (current or Decimal(1)) * Decimal("0.5")
        elif word in ("quarter", "quarters"):
            current = (current or Decimal(1)) * Decimal("0.25")
        elif word == "hundred":
            current = (current or Decimal(1)) * 100
        elif word == "thousand":
            total += (current or Decimal(1)) * 1000
            current = Decimal(0)
        elif word in _p.EN_NUMBER_WORDS:
            current += _p.EN_NUMBER_WORDS[word]
        else:
            return None
        seen = True
    return canonical(total + current) if seen else None


def half_unit(value: Decimal, scale: Decimal) -> Decimal:
    """Half the place value of the last digit written: "3.07 billion" -> 0.005 billion."""
    if value == 0:
        return Decimal(0)
    exponent = value.normalize(EXACT).as_tuple().exponent
    assert isinstance(exponent, int)
    return EXACT.multiply(EXACT.multiply(Decimal("0.5"), Decimal(1).scaleb(exponent)), scale)


# --- currencies --------------------------------------------------------------------------------

MarkSource = Literal["symbol", "code", "word"]
BareKind = Literal["", "dollar", "yuan"]


class CurrencyMark(NamedTuple):
    """The currency a surface form writes, before the context resolves BARE and YEN."""

    code: str
    """An ISO 4217 code, or :data:`~hkpolicy._money_patterns.BARE` / ``YEN``."""
    source: MarkSource
    """How it is written: a symbol (HK$), a code (HKD) or a word (港元, "dollars")."""
    bare_kind: BareKind
    """For a bare currency: "dollar" ($, "dollars") or "yuan" (元); else ""."""


@functools.lru_cache(maxsize=1024)
def currency_mark(surface: str) -> CurrencyMark:
    """The currency of a surface form the money patterns matched ("HK$", "u.s $", 港幣), as
    :func:`hkpolicy._lexicon.currency_of` reads it, typed."""
    reading = currency_of(surface)
    return CurrencyMark(
        reading.currency, cast(MarkSource, reading.source), cast(BareKind, reading.bare_kind)
    )
