"""Money: the :class:`Money` value, :func:`parse_money` for one expression, :func:`find_money`.

A Money is an exact Decimal amount in full units of an ISO 4217 currency, with the qualifier and
per-period the text gave it. Owns reading money as Hong Kong texts write it (HK$24 billion,
HKD 200m, 357.72億港元, a Budget Speech's bare "$", 五千萬元, "HK$24 billion (US$3.07 billion)"),
the linked-rate check of such pairs, and :meth:`Money.to` (pint loads only when it is called).

A currency is never guessed silently: a bare ``$`` or 元 takes the currency of its context (a
"(港幣,下同)" declaration, the bracketed half of a pair) or the caller's ``default_currency``, and
each :class:`MoneyMention` says where its currency came from (``currency_source``).

>>> m = parse_money("exceeding HK$200 million a year")
>>> m.amount, m.currency, m.qualifier.value, m.per
(Decimal('200000000'), 'HKD', 'more_than', 'year')
>>> str(parse_money("$3 billion", default_currency="HKD"))
'HKD 3,000,000,000'
"""

from __future__ import annotations

import bisect
import decimal
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import regex
from pydantic import field_validator, model_validator

from . import _money_patterns as _p
from . import _values
from ._numerals import EXACT, canonical, parse_arabic, parse_cjk_number
from .errors import (
    CurrencyMismatchError,
    MentionLimitError,
    ParseError,
    QualifierError,
    UnknownCurrencyError,
)
from .spans import (
    Qualifier,
    Record,
    ScanResult,
    Span,
    check_max_mentions,
    check_optional_str,
    check_ranges,
    check_text,
    disjoint_ranges,
    mention_limit,
    trusted_builder,
)

__all__ = [
    "DEFAULT_CURRENCY",
    "KNOWN_CURRENCIES",
    "PEG_BAND",
    "CurrencySource",
    "Money",
    "MoneyMention",
    "MoneyScan",
    "PegCheck",
    "Per",
    "detect_currency",
    "find_money",
    "money_unit_of",
    "parse_money",
    "read_unit",
]


def __dir__() -> list[str]:
    return __all__


# ISO 4217 codes the library recognises in text and accepts on a Money.
KNOWN_CURRENCIES: frozenset[str] = frozenset(
    {"HKD", "USD", "CNY", "EUR", "GBP", "JPY", "SGD", "TWD", "MOP", "AUD", "CAD", "CHF", "KRW"}
)

# NOTE: keep in sync with find_money's and extract's default: the currency of a bare $ or 元.
DEFAULT_CURRENCY = "HKD"

# The linked exchange rate's convertibility band, HKD per USD.
PEG_BAND: tuple[Decimal, Decimal] = (Decimal("7.75"), Decimal("7.85"))

Per = Literal["year", "month", "week", "day"]
CurrencySource = Literal["symbol", "code", "word", "context", "default"]
PegCheck = Literal["consistent", "inconsistent"]

# How str(Money) writes each qualifier; parse_money reads these back.
_QUALIFIER_WORDS: dict[Qualifier, str] = {
    Qualifier.APPROXIMATELY: "about",
    Qualifier.AT_LEAST: "at least",
    Qualifier.MORE_THAN: "more than",
    Qualifier.UP_TO: "up to",
    Qualifier.LESS_THAN: "less than",
}


class Money(Record, _values.OrderedByValue):
    """An amount of money, exact, in full units: ``HK$24 billion`` is ``24000000000 HKD``.

    ``str(money)`` writes a form :func:`parse_money` reads back to an equal Money:

    >>> m = parse_money("up to HK$500,000")
    >>> str(m), parse_money(str(m)) == m
    ('up to HKD 500,000', True)
    """

    amount: Decimal
    """The amount in full units of ``currency`` (the lower bound when ``qualifier`` is range)."""
    currency: str
    """ISO 4217 code, e.g. ``"HKD"``."""
    qualifier: Qualifier = Qualifier.EXACT
    """How the amount bounds the true value ("up to", "over", ...)."""
    amount_max: Decimal | None = None
    """Upper bound of a range ("HK$1-5 million"); set exactly when ``qualifier`` is range."""
    per: Per | None = None
    """The period of a rate ("HK$200 million a year" is per year); None for a one-off amount."""

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        code = value.strip().upper()
        if code not in KNOWN_CURRENCIES:
            raise UnknownCurrencyError(
                value,
                f"Unknown currency: {value!r} (known: {', '.join(sorted(KNOWN_CURRENCIES))})",
            )
        return code

    @field_validator("amount", "amount_max")
    @classmethod
    def _finite(cls, value: Decimal | None) -> Decimal | None:
        if value is None:
            return None
        if not value.is_finite():
            raise ValueError(f"amount must be a finite number, got {value!r}")
        if value.is_zero():
            return value.copy_abs()  # -0 is 0: "HKD -0" is not money
        if value < 0:
            raise ValueError(f"amount must not be negative, got {value!r}")
        return value

    @model_validator(mode="after")
    def _range_is_ordered(self) -> Money:
        if self.amount_max is not None and self.amount_max < self.amount:
            raise ValueError(f"amount_max {self.amount_max} is below amount {self.amount}")
        if (self.amount_max is not None) != (self.qualifier is Qualifier.RANGE):
            raise ValueError("amount_max is set exactly when the qualifier is range")
        return self

    @classmethod
    def fromstring(
        cls,
        text: str,
        *,
        default_currency: str | None = DEFAULT_CURRENCY,
        scale: int | Decimal | None = None,
    ) -> Money:
        """The same as :func:`parse_money`, as a constructor."""
        return _parse(text, default_currency=default_currency, scale=scale)

    @property
    def amount_float(self) -> float:
        """The amount as a float, for plotting; all arithmetic here stays Decimal."""
        return float(self.amount)

    def to(self, currency: str, *, rate: Decimal | str | int | None = None) -> Money:
        """This money in ``currency``: HKD and USD through the linked rate, others need ``rate``.

        The linked rate comes from a pint registry built from ``data/currency.txt``, under the
        explicit ``linked_rate`` context (7.80 HKD per USD); the arithmetic is Decimal, never
        float:

        - USD to HKD multiplies by 7.80 and is always exact;
        - HKD to USD divides by 7.80 and is exact whenever the quotient terminates
          (HK$7.8 billion is US$1 billion exactly). Otherwise it is rounded half-even to 28
          significant digits, or to 12 decimal places when that keeps more digits (amounts of
          10**16 and over): HK$1 is USD 0.1282051282051282051282051282.

        ``rate`` is how many units of ``currency`` one unit of this money's currency buys, as a
        ``Decimal``, ``int`` or ``str``; the product is exact, and no registry is needed. A
        ``float`` is refused: ``0.1`` is not one tenth.

        :raises TypeError: ``currency`` is not a str, or ``rate`` is a float (or another type).
        :raises ValueError: ``rate`` is not a positive finite number.
        :raises UnknownCurrencyError: ``currency`` is unknown, or no rate is known for the pair.
        :raises AmountOverflowError: the amount or the result has 1000 digits or more (see
            :data:`hkpolicy.units.MAX_CONVERSION_DIGITS`).

        >>> parse_money("US$3.07 billion").to("HKD").amount
        Decimal('23946000000')
        >>> parse_money("HK$7.8 billion").to("USD").amount
        Decimal('1000000000')
        >>> parse_money("HK$100").to("EUR", rate="0.118").amount
        Decimal('11.8')
        """
        if not isinstance(currency, str):
            raise TypeError(f"currency must be a str, got {type(currency).__name__}")
        factor = None if rate is None else _conversion_rate(rate)
        target = currency.strip().upper()
        if target not in KNOWN_CURRENCIES:
            raise UnknownCurrencyError(currency)
        if target == self.currency and factor is None:
            return self
        from . import units

        if factor is not None:
            exact_rate = factor

            def convert(value: Decimal) -> Decimal:
                units.check_convertible(value)
                result = units.multiply(value, exact_rate)
                units.check_convertible(result)
                return canonical(result)

        else:

            def convert(value: Decimal) -> Decimal:
                return canonical(units.convert_amount(value, self.currency, target))

        return self.model_copy(
            update={
                "amount": convert(self.amount),
                "currency": target,
                "amount_max": None if self.amount_max is None else convert(self.amount_max),
            }
        )

    # --- value behaviour: formatting, arithmetic and ordering -----------------------------
    # Amounts stay Decimal throughout; float() is a derived convenience. Different currencies
    # never combine implicitly (CurrencyMismatchError), and a qualifier is carried through by
    # the rules of hkpolicy._values or the operation raises QualifierError.

    def __str__(self) -> str:
        return self.__format__(",f")

    def __format__(self, spec: str) -> str:
        """``format(money, ",.0f")``: ``spec`` formats each number as for a Decimal; the
        currency, qualifier and period are written as by ``str``. An empty spec is ``str``.

        >>> format(parse_money("HK$24.5 billion").to("USD"), ",.2f")
        'USD 3,141,025,641.03'
        """
        spec = spec or ",f"
        text = f"{self.currency} {format(self.amount, spec)}"
        if self.qualifier is Qualifier.RANGE and self.amount_max is not None:
            text += f" to {self.currency} {format(self.amount_max, spec)}"
        elif self.qualifier in _QUALIFIER_WORDS:
            text = f"{_QUALIFIER_WORDS[self.qualifier]} {text}"
        if self.per is not None:
            text += f" per {self.per}"
        return text

    def __float__(self) -> float:
        """The amount as a float, for plotting (a range has two numbers: it raises)."""
        if self.qualifier is Qualifier.RANGE:
            raise QualifierError(f"float() of a range is ambiguous: {self}; use .amount_max too")
        return float(self.amount)

    def _same_kind(self, other: Money, operation: str) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatchError(str(self), str(other), operation, self.currency)
        if self.per != other.per:
            raise QualifierError(
                f"Cannot {operation} {self} and {other}: "
                "amounts per different periods (or a rate and a one-off amount)"
            )

    def _with(self, qualifier: Qualifier, low: Decimal, high: Decimal) -> Money:
        if low < 0:
            raise ValueError(f"a Money is never negative; the result would be {low}")
        ranged = qualifier is Qualifier.RANGE
        return self.model_copy(
            update={"amount": low, "qualifier": qualifier, "amount_max": high if ranged else None}
        )

    @property
    def _high(self) -> Decimal:
        return self.amount if self.amount_max is None else self.amount_max

    def __add__(self, other: object) -> Money:
        """Same currency and period: ``HKD 5 + HKD 3 == HKD 8``; ``0 + money`` is money, so
        ``sum()`` works. Qualifiers combine as ``hkpolicy._values`` documents ("up to" plus
        "up to" is "up to"; ranges add end to end) or the sum raises QualifierError.

        >>> str(sum([parse_money("HK$5 million"), parse_money("up to HK$3 million")]))
        'up to HKD 8,000,000'
        """
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        if not isinstance(other, Money):
            return NotImplemented
        self._same_kind(other, "add")
        qualifier = _values.sum_qualifier(self.qualifier, other.qualifier, f"{self} and {other}")
        return self._with(
            qualifier,
            canonical(self.amount + other.amount),
            canonical(self._high + other._high),
        )

    __radd__ = __add__

    def __sub__(self, other: object) -> Money:
        """Same currency and period, and never below zero (a Money is not negative). Taking
        an exact amount shifts the qualified one; taking a bound from an exact amount turns the
        bound over ("HKD 10 - up to HKD 3" is "at least HKD 7")."""
        if not isinstance(other, Money):
            return NotImplemented
        self._same_kind(other, "subtract")
        shown = f"{other} from {self}"
        qualifier = _values.difference_qualifier(self.qualifier, other.qualifier, shown)
        low = canonical(self.amount - other._high)
        high = canonical(self._high - other.amount)
        return self._with(qualifier, low, high)

    def __mul__(self, factor: object) -> Money:
        """``money * 3`` or ``money * Decimal("1.5")``: exact; a float factor raises TypeError."""
        value = _values.multiplier(factor, f"{self} * {factor!r}")
        return self._with(
            self.qualifier, _values.times(self.amount, value), _values.times(self._high, value)
        )

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Money | Decimal:
        """``money / 4`` is a Money; ``money / money`` (same currency, both exact) a Decimal
        ratio. Quotients keep 28 significant digits (exact when they fit)."""
        if isinstance(other, Money):
            self._same_kind(other, "divide")
            if self.qualifier is not Qualifier.EXACT or other.qualifier is not Qualifier.EXACT:
                raise QualifierError(f"Cannot divide {self} by {other}: both must be exact")
            return _values.divided(self.amount, other.amount)
        value = _values.multiplier(other, f"{self} / {other!r}")
        return self._with(
            self.qualifier,
            _values.divided(self.amount, value),
            _values.divided(self._high, value),
        )

    def _ordered(self, other: object) -> tuple[Decimal, Decimal] | None:
        """Exact amounts of one currency compare by amount; other pairs raise (see above).

        >>> parse_money("HK$2 billion") > parse_money("HK$500 million")
        True
        """
        if not isinstance(other, Money):
            return None
        self._same_kind(other, "compare")
        if self.qualifier is not Qualifier.EXACT or other.qualifier is not Qualifier.EXACT:
            raise QualifierError(
                f"Cannot order {self} and {other}: only exact amounts have an order"
            )
        return self.amount, other.amount

    # --- end of value behaviour ------------------------------------------------------------


# A conversion rate has at most this many digits, and an exponent within as many places: rates
# are written with a handful of digits, and a bound keeps the exact product small.
_MAX_RATE_DIGITS = 100


def _conversion_rate(rate: object) -> Decimal:
    """``rate`` as an exact, positive, finite Decimal; a float is a TypeError."""
    if isinstance(rate, bool) or not isinstance(rate, (Decimal, int, str)):
        hint = ""
        if isinstance(rate, float):
            hint = f" (a float is not exact: pass Decimal('{rate!r}') or '{rate!r}')"
        raise TypeError(
            f"rate must be a Decimal, int or str, got {type(rate).__name__} {rate!r}{hint}"
        )
    try:
        factor = Decimal(rate.strip() if isinstance(rate, str) else rate)
    except decimal.InvalidOperation:
        raise ValueError(f"rate must be a number, got {rate!r}") from None
    if not factor.is_finite() or factor <= 0:
        raise ValueError(f"rate must be a positive finite number, got {rate!r}")
    if (
        len(factor.as_tuple().digits) > _MAX_RATE_DIGITS
        or abs(factor.adjusted()) > _MAX_RATE_DIGITS
    ):
        raise ValueError(
            f"rate must have at most {_MAX_RATE_DIGITS} digits and an exponent within "
            f"{_MAX_RATE_DIGITS}, got {rate!r}"
        )
    return factor


class MoneyMention(Record):
    """One money expression found in text, with where it is and where its currency came from."""

    money: Money
    """The value read."""
    span: Span
    """The amount expression ("HK$200 million"), without the qualifier cue or period words."""
    cue: Span | None = None
    """The qualifier cue word ("exceeding", 最高), when there is one."""
    currency_source: CurrencySource
    """symbol (HK$), code (HKD), word (港元, "Hong Kong dollars"), context (a declaration, a
    pair, ¥ read from the language around it) or default (a bare $/元 given the default)."""
    paired_index: int | None = None
    """Index, in the same result list, of the other-currency amount this one is bracketed with."""
    paired: Money | None = None
    """That other-currency amount ("HK$24 billion (US$3.07 billion)")."""
    peg: PegCheck | None = None
    """For an HKD/USD pair: whether the implied rate can lie in the 7.75-7.85 band, allowing for
    the rounding of both figures as written. None when there is no such pair."""


class MoneyScan(ScanResult[MoneyMention]):
    """What :func:`find_money` returns: a :class:`~hkpolicy.spans.ScanResult` of mentions.

    ``complete`` is False when the scan stopped early (an unexpected error, or ``max_mentions``
    reached with ``on_limit="stop"``); the list then holds what was found before it stopped,
    and ``warnings`` says why.
    """


# --- reading numbers -------------------------------------------------------------------------

_WS_DASH_RUN = regex.compile(r"[\s-]+")
_WS_DASH = regex.compile(r"[\s-]")
_WS_RUN = regex.compile(r"\s+")
_WS_DOT = regex.compile(r"[\s.]")
_CLOSE_BRACKET = regex.compile(r"\s*[)）]")

# Full-width digits, point and signs to ASCII, one for one. The full-width comma is left alone:
# in Chinese text "，" separates clauses, never digit groups (NOTE: differs from _numerals).
_HALFWIDTH = str.maketrans("０１２３４５６７８９．＄％～", "0123456789.$%~")
# NOTE: keep in sync with _HALFWIDTH. Most text has none of these, and one search is far cheaper
# than str.translate over the whole text.
_FULLWIDTH_CHAR = re.compile("[０-９．＄％～]")


def _halfwidth(text: str) -> str:
    return text.translate(_HALFWIDTH) if _FULLWIDTH_CHAR.search(text) else text


# Groupings other than Hong Kong's "1,234.5", all linear (possessive): "1.144.000",
# "1'049,95", "1 298,00" (no-break space), and a decimal comma "205,68".
_GROUPED = regex.compile(
    r"(?P<int>\d{1,3}(?P<sep>[.'\u00a0\u202f\x20])\d{3}(?:(?P=sep)\d{3})*+)(?:,(?P<frac>\d++))?"
)
_DECIMAL_COMMA = regex.compile(r"(?P<int>\d++),(?P<frac>\d{1,2})")
# Arabic digits with Chinese scales, ending in a myriad scale: 500億, 5,000萬, 3千萬, 11億6,400萬.
_ARABIC_WITH_CJK_SCALE = regex.compile(r"(?:\d[\d.,]*+[十百千]*+[萬万億亿兆]++)++")
# Chinese numerals with a figure and 億 (十億, 三億五千萬, 兩百億): an amount like "500億". Amounts
# of 萬 alone are not read this way: 千萬, 萬一 and 十萬火急 are words.
_CJK_NUMERALS_WITH_YI = regex.compile(
    r"[〇一二兩两三四五六七八九十百千]++[億亿兆][〇一二兩两三四五六七八九十百千萬万]*+"
)
# Characters before an amount searched for a count word (_p.COUNT_WORDS_BEFORE).
_COUNT_CUE_WINDOW = 6
_CJK_TAIL = regex.compile(r"(?P<num>[\d.,]++)(?P<unit>[十百千萬万億亿兆]++)")
_HAS_CJK = regex.compile(r"[零〇一二兩两三四五六七八九十百千萬万億亿兆點点]")


def _read_arabic(token: str) -> Decimal | None:
    value = parse_arabic(token)
    if value is not None:
        return value
    match = _GROUPED.fullmatch(token) or _DECIMAL_COMMA.fullmatch(token)
    if match is None:
        return None
    digits = match.group("int")
    for sep in ".'\u00a0\u202f ":
        digits = digits.replace(sep, "")
    frac = match.group("frac")
    return canonical(Decimal(f"{digits}.{frac}" if frac else digits))


# Tokens repeat (years, round sums), so their readings are cached; the values are immutable.
_READ_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=_READ_CACHE_SIZE)
def _read_number(token: str) -> tuple[Decimal, Decimal] | None:
    """``(value, scale)`` of one number token, the value canonical; the scale is a trailing 億/萬
    when split off."""
    if token.isascii() or not _HAS_CJK.search(token):
        value = _read_arabic(token)
        return None if value is None else (canonical(value), Decimal(1))
    tail = _CJK_TAIL.fullmatch(token)
    if tail is not None:
        head = _read_arabic(tail.group("num"))
        unit = parse_cjk_number("一" + tail.group("unit"))
        if head is not None and unit is not None:
            return canonical(head), unit
    value = parse_cjk_number(token)
    return None if value is None else (canonical(value), Decimal(1))


@functools.lru_cache(maxsize=_READ_CACHE_SIZE)
def _read_words(phrase: str) -> Decimal | None:
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


def _half_unit(value: Decimal, scale: Decimal) -> Decimal:
    """Half the place value of the last digit written: "3.07 billion" -> 0.005 billion."""
    if value == 0:
        return Decimal(0)
    exponent = value.normalize(EXACT).as_tuple().exponent
    assert isinstance(exponent, int)
    return EXACT.multiply(EXACT.multiply(Decimal("0.5"), Decimal(1).scaleb(exponent)), scale)


# --- the scanner -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    """One number with what surrounds it, before currencies are resolved."""

    start: int  # the amount expression: currency, number, scale, currency word
    end: int
    ext_start: int  # the whole expression, cue and period words included
    ext_end: int
    value: Decimal
    scale: Decimal
    has_scale: bool
    cjk: bool
    currency: str | None = None  # an ISO code, _p.BARE or _p.YEN
    source: str | None = None  # symbol, code, word
    bare_kind: str = ""  # "dollar" or "yuan" for a bare currency
    prefix: bool = False  # currency written before the number
    cue: Qualifier | None = None
    cue_span: tuple[int, int] | None = None
    per: str | None = None
    amount_max: Decimal | None = None
    half_of: Decimal = Decimal(0)  # the figure whose rounding ``half`` measures
    cjk_amount: bool = False  # Arabic digits with a Chinese scale (500億, 5,000萬)
    counted: bool = False  # a counter follows or a count word precedes: not money (100億張)

    @property
    def amount(self) -> Decimal:
        if self.scale == 1:
            return self.value  # canonical already: every reader returns canonical values
        return canonical(EXACT.multiply(self.value, self.scale))

    @property
    def half(self) -> Decimal:
        """Half the place value of the last digit written, in full units (for the peg check);
        computed on demand: only bracketed pairs need it."""
        return _half_unit(self.half_of, self.scale)


_SENTENCE_END = regex.compile(r"[.!?;。；！？\n]")
_MINOR_STOP = regex.compile(r"\s*(?:\d|[$€£¥￥%])")


@functools.lru_cache(maxsize=1024)
def _symbol_currency(surface: str) -> tuple[str, str, str]:
    """``(currency, source, bare_kind)`` for a currency surface form."""
    compact = _WS_DOT.sub("", surface).upper()
    if compact.startswith("M") and compact[1:] in ("USD", "EUR", "GBP", "HKD"):
        return compact[1:], "code", ""
    if compact in _p.SYMBOLS or surface in _p.SYMBOLS:
        cur = _p.SYMBOLS.get(compact, _p.SYMBOLS.get(surface, _p.BARE))
        return cur, "symbol", "dollar" if cur == _p.BARE else ""
    if compact in _p.CODES:
        return _p.CODES[compact], "code", ""
    if surface in _p.CJK_CURRENCY_WORDS:
        cur = _p.CJK_CURRENCY_WORDS[surface]
        return cur, "word", "yuan" if cur == _p.BARE else ""
    words = _WS_RUN.sub(" ", surface.lower())
    cur = _p.EN_CURRENCY_WORDS.get(words, _p.BARE)
    return cur, "word", "dollar" if cur == _p.BARE else ""


def _bare_or_weaker(currency: str | None) -> bool:
    return currency is None or currency in (_p.BARE, _p.YEN)


def _tokens(t: str) -> tuple[list[tuple[int, int]], frozenset[int]]:
    """``(start, end)`` of every number token and English number-word run, in order, and the
    starts of the word runs.

    Numbers: one ``finditer`` (possessive quantifiers only: linear). Number words: equal to
    ``finditer`` of ``words``, which is slow (a case-blind alternation tried at every position);
    a pre-filter (stdlib ``re`` over the lower-cased text, one fast pass) proposes a superset of
    the places a run can start, and ``words`` is matched there only, skipping proposals inside
    the last run as finditer does.
    """
    pats = _p.PATTERNS
    numbers = [m.span() for m in pats.number.finditer(t)]
    runs: list[tuple[int, int]] = []
    lowered = t.lower()
    if len(lowered) != len(t):  # a character lower-cases to two ("İ"): no pre-filter
        runs.extend(m.span() for m in pats.words.finditer(t))
    else:
        words = pats.words
        pos = 0
        for hit in pats.words_start.finditer(lowered):
            at = hit.start()
            if at < pos:
                continue
            m = words.match(t, at)
            if m is not None:
                runs.append((at, m.end()))
                pos = m.end()
    if not runs:
        return numbers, frozenset()
    return sorted(numbers + runs), frozenset(start for start, _ in runs)


def _candidates(t: str, skip: list[tuple[int, int]]) -> list[_Cand]:
    cands: list[_Cand] = []
    tokens_and_words = _tokens(t)
    skip_starts = [s for s, _ in skip]
    last_end = 0
    n = len(t)
    tokens, word_starts = tokens_and_words
    for s, e in tokens:
        if s < last_end:
            continue
        if skip:
            i = bisect.bisect_right(skip_starts, s) - 1
            if i >= 0 and skip[i][1] > s:
                continue
        cand = _one_candidate(t, s, e, s in word_starts, last_end, n)
        if cand is None:
            continue
        cands.append(cand)
        last_end = cand.ext_end
    return cands


# ASCII characters no cue, currency or gap of ``pre`` can end with (letters, "$", "~", ".",
# ":" and white space are looked at more closely); see _pre_is_empty.
_PRE_STOP = frozenset(
    ch for ch in map(chr, range(128)) if not ch.isalpha() and ch not in "$~.: \t\n\r\f\v"
)
_ASCII_SPACE = " \t\n\r\f\v"


def _pre_is_empty(t: str, lo: int, s: int, final_words: frozenset[str]) -> bool:
    """True when ``pre`` searched in ``t[lo:s]`` can only give its empty match at ``s``.

    ``pre`` ends at ``s`` with a currency (then white space and a colon) or a cue (then a gap of
    white space and Han). Walking back over ASCII white space and one colon, a non-empty match
    needs the character reached to end a currency or cue: a letter ending one of
    ``final_words``, "$", "~", "." or a non-ASCII character. Anything else rules it out.
    """
    i = s - 1
    while i >= lo and t[i] in _ASCII_SPACE:
        i -= 1
    if i >= lo and t[i] == ":":
        i -= 1
        while i >= lo and t[i] in _ASCII_SPACE:
            i -= 1
    if i < lo:
        return True
    ch = t[i]
    if ch in _PRE_STOP:
        return True
    if not ch.isascii() and _ends_nothing(ch):
        return True  # a zero-width joiner, a combining accent, a dash: no currency or cue
    if not (ch.isascii() and ch.isalpha()):
        return False
    j = i
    while j >= lo and t[j].isascii() and t[j].isalpha():
        j -= 1
    if j >= lo and not t[j].isascii():
        return False  # "ſome": regex case folding may read it as a cue
    if j < lo and lo > 0 and t[lo - 1].isalpha():
        return False  # the word runs on before the window
    return t[j + 1 : i + 1].lower() not in final_words


def _ends_nothing(ch: str) -> bool:
    """True for a non-ASCII ``ch`` that no part of ``pre`` can end with and no part of ``post``
    can start with: not a letter (Han, or one that case-folds to ASCII), not white space, and
    not a sign written in either pattern (€, £, ¥, ￥). Zero-width joiners, combining accents
    and punctuation are such characters: a text dense with them needs no regex call per number.
    """
    if ch.isalpha() or ch.isspace():
        return False
    pats = _p.PATTERNS
    signs = _SIGNS.get(id(pats))
    if signs is None:
        signs = frozenset(
            c
            for c in pats.pre.pattern + pats.post.pattern
            if not c.isascii() and not c.isalpha() and not c.isspace()
        )
        _SIGNS.clear()
        _SIGNS[id(pats)] = signs
    return ch not in signs


# The non-ASCII signs of the current ``pre`` and ``post`` patterns, by the patterns' identity
# (callers may rebuild them with compile_patterns).
_SIGNS: dict[int, frozenset[str]] = {}


# ASCII characters no part of ``post`` can start with, after white space and one hyphen.
_POST_STOP = frozenset(ch for ch in map(chr, range(128)) if not ch.isalpha() and ch not in "$/-")


def _post_is_empty(t: str, e: int, stop: int, first_words: frozenset[str]) -> bool:
    """True when ``post`` matched at ``e`` (up to ``stop``) can only match the empty string.

    Every group of ``post`` starts, after white space and at most one hyphen, with a Han
    character, a currency sign, "/" (/year) or an ASCII word from ``first_words`` (a scale,
    code, currency word, "or", a period word): any other ASCII word or character rules it out.
    """
    i = e
    while i < stop and t[i] in _ASCII_SPACE:
        i += 1
    if i < stop and t[i] == "-":
        i += 1
        while i < stop and t[i] in _ASCII_SPACE:
            i += 1
    if i >= stop or t[i] in _POST_STOP:
        return True
    if t[i] == "$":  # a currency only when no number follows: "$5$6" is two amounts
        j = i + 2 if i + 2 < stop and t[i + 1] in _ASCII_SPACE else i + 1
        return j < stop and "0" <= t[j] <= "9"
    if not t[i].isascii() and _ends_nothing(t[i]):
        return True  # a zero-width joiner, a combining accent, a dash: no scale or currency
    if not (t[i].isascii() and t[i].isalpha()):
        return False
    j = i
    while j < stop and t[j].isascii() and t[j].isalpha():
        j += 1
    if j < stop and t[j].isalpha():
        return False  # "yeſ": regex case folding may read more of the word
    return t[i:j].lower() not in first_words


def _may_follow(t: str, e: int, n: int, first: frozenset[str]) -> bool:
    """False when the first character after ``e`` and ASCII white space is not in ``first``
    (and is ASCII), so a pattern starting with white space then one of ``first`` cannot match."""
    i = e
    while i < n and t[i] in _ASCII_SPACE:
        i += 1
    return i < n and (t[i] in first or (not t[i].isascii() and t[i].isspace()))


# Necessary for ``per_before``: one of these in the window ("annually" holds "annual"); stdlib
# ``re`` finds a literal alternation fastest. NOTE: keep in sync with _money_patterns' per_before.
_PER_BEFORE_MARK = re.compile("annual|yearly|monthly|每", re.IGNORECASE)


# What follows the 百 of 百分之 ("per hundred"): never money, and cheaper to rule out first.
PERCENT_FRACTION_TAIL = ("分之", "份之")


def _in_scientific_notation(t: str, s: int, e: int, n: int) -> bool:
    """True when the number ``t[s:e]`` is the mantissa or exponent of "1e30" / "2.5E-3"."""
    if (
        e + 1 < n
        and t[e] in "eE"
        and (t[e + 1].isdigit() or (t[e + 1] in "+-" and e + 2 < n and t[e + 2].isdigit()))
    ):
        return True
    if s < 2 or t[s - 1] not in "eE+-":
        return False
    before = t[max(0, s - 3) : s]
    return (before[-1] in "eE" and before[-2].isdigit()) or (
        len(before) == 3 and before[-1] in "+-" and before[-2] in "eE" and before[0].isdigit()
    )


# ASCII characters that end no symbol prefix ("HK", "U.S."), cue ("approx.", "~") or cue gap:
# a "$" right after one of them (or at the window's start) is a currency on its own.
_ENDS_NO_PREFIX = frozenset("0123456789$(),;:|[]{}<>=+*/&#@!?%'\"-_")

# What ``pre`` found before a number: (currency start, currency, cue start, cue end, cue).
_PreParts = tuple[int, str, int, int, str]


def _pre_parts(t: str, lo: int, s: int, pats: _p.Patterns) -> _PreParts | None:
    """The currency and cue ``pre.search(t, lo, s)`` finds before the number at ``s``, or None
    when it finds neither. Equal to that search (tests/test_scan_shortcuts.py), with the
    two commonest cases answered without a regex call: no currency or cue can end at ``s``
    (see _pre_is_empty), and a lone "$" (as in "($5 million)" or "$1$2").

    Every call looks at most ``PRE_WINDOW`` characters, so each is bounded and the scan stays
    linear in the text (see _money_patterns).
    """
    if s > lo and t[s - 1] == "$" and (s - 1 == lo or t[s - 2] in _ENDS_NO_PREFIX):
        return s - 1, "$", s, s, ""
    if _pre_is_empty(t, lo, s, pats.pre_final_words):
        return None
    back = pats.pre_reversed.search(t, lo, s)
    if back is None or back.start() >= s:
        return None
    pre = pats.pre.match(t, back.start(), s)
    if pre is None:
        return None
    cur = pre.group("cur") or ""
    cue = pre.group("cue") or ""
    return (
        pre.start("cur") if cur else s,
        cur,
        pre.start("cue") if cue else s,
        pre.end("cue") if cue else s,
        cue,
    )


def _post_match(t: str, e: int, stop: int, pats: _p.Patterns) -> regex.Match[str] | None:
    """``post.match(t, e, stop)`` when it can match more than the empty string, else None.

    Bounded by ``POST_WINDOW`` characters (see _pre_parts)."""
    if _post_is_empty(t, e, stop, pats.post_first_words):
        return None
    post = pats.post.match(t, e, stop)
    return None if post is None or post.end() == e else post


def _cue_in_other_word(t: str, start: int, cue: str) -> bool:
    """True when the Chinese cue at ``start`` ends another word: 合約, 通過, 最近."""
    before = _p.CUE_NOT_AFTER.get(cue)
    return before is not None and start > 0 and t[start - 1] in before


def _one_candidate(t: str, s: int, e: int, is_words: bool, last_end: int, n: int) -> _Cand | None:
    # Every pattern here runs on a bounded window next to the number (_pre_parts).
    pats = _p.PATTERNS
    if not is_words:
        e = _spaced_myriads_end(t, s, e, n)
    token = t[s:e] if is_words or " " not in t[s:e] else _WS_RUN.sub("", t[s:e])
    if not is_words and _is_vague(t, s, token):
        return None  # 數十萬元, 數以億元計: no amount is stated
    if not is_words and _in_scientific_notation(t, s, e, n):
        return None  # "1e30": a mantissa or an exponent alone would be a wrong amount
    if t.startswith(PERCENT_FRACTION_TAIL, e):
        return None  # 百分之…: a percentage (the 百 of 百分之 is read as a number otherwise)
    # Not money when a %, per cent or counter follows (checked first: it is the cheapest).
    if _may_follow(t, e, n, pats.not_money_first) and pats.not_money_after.match(
        t, e, min(n, e + 12)
    ):
        return None
    if is_words:
        words_value = _read_words(token)
        if words_value is None:
            return None
        read: tuple[Decimal, Decimal] | None = (words_value, Decimal(1))
    else:
        read = _read_number(token)
    if read is None:
        return None
    value, cjk_scale = read
    pre = _pre_parts(t, max(last_end, s - _p.PRE_WINDOW), s, pats)
    start = ext_start = s
    cjk = not is_words and not token.isascii() and _HAS_CJK.search(token) is not None
    # start, end, ext_start, ext_end, value, scale, has_scale, cjk (positional: the hot path)
    cand = _Cand(s, e, s, e, value, cjk_scale, cjk_scale != 1, cjk)
    if cjk:
        cand.cjk_amount = (
            _ARABIC_WITH_CJK_SCALE.fullmatch(token) is not None
            or _CJK_NUMERALS_WITH_YI.fullmatch(token) is not None
        )
    if pre is not None and pre[1]:
        cand.currency, cand.source, cand.bare_kind = _symbol_currency(pre[1])
        cand.prefix = True
        start = ext_start = pre[0]
    elif s > 0 and t[s - 1].isascii() and (t[s - 1].isalnum() or t[s - 1] == "_"):
        return None  # part of a word or code: "A2021", "COVID19"
    if (
        pre is not None
        and pre[4]
        and not _cue_in_other_word(t, pre[2], pre[4])
        and (pre[4] not in _p.ATTACHED_CUES or not t[pre[3] : pre[0]].strip())
        and (pre[4] not in _p.ROUND_FIGURE_CUES or token[0] in _SCALE_CHARS)
    ):
        cand.cue = _p.QUALIFIER_CUES.get(_WS_RUN.sub(" ", pre[4].lower()), Qualifier.APPROXIMATELY)
        cand.cue_span = (pre[2], pre[3])
        ext_start = pre[2]
    post = _post_match(t, e, min(n, e + _p.POST_WINDOW), pats)
    end = ext_end = e
    if post is not None:
        for name in ("scale", "scale2"):
            if post.group(name) and not (name == "scale2" and post.group("scale")):
                word = _WS_DASH.sub("", post.group(name)).lower()
                factor = _p.MONEY_SCALES.get(word)
                if factor is not None and not cand.has_scale:
                    cand.scale = Decimal(factor)
                    cand.has_scale = True
                    end = post.end(name)
                    if not is_words and word[-1] in _p.CJK_SCALE_UNITS:
                        cand.cjk_amount = True  # "500 億"
        cur = post.group("cur")
        if cur:
            post_cur, post_source, post_kind = _symbol_currency(cur)
            if cur.upper().startswith("M") and cur[1:].upper() in _p.CODES and not cand.has_scale:
                cand.scale, cand.has_scale = Decimal(10**6), True
            takes = _bare_or_weaker(cand.currency) or post_cur == cand.currency
            if takes and not (post_cur == _p.BARE and cand.currency is not None):
                cand.currency, cand.source, cand.bare_kind = post_cur, post_source, post_kind
                cand.prefix = cand.prefix and post_cur == _p.BARE
            end = max(end, post.end("cur"))
            if post.group("scale2"):
                end = max(end, post.end("scale2"))
        ext_end = end
        if post.group("postcue"):
            cue_word = _WS_RUN.sub(" ", post.group("postcue").lower())
            if cand.cue is None:
                cand.cue = _p.POST_QUALIFIER_CUES[cue_word]
                cand.cue_span = (post.start("postcue"), post.end("postcue"))
            ext_end = post.end("postcue")
        if post.group("per"):
            cand.per = _p.PER_WORDS.get(_WS_RUN.sub(" ", post.group("per").lower()))
            ext_end = post.end("per")
    # "15 dollars 50", 五元三毛: cents after a currency written after a whole number.
    if post is not None and post.group("cur") and cand.currency is not None and not cand.has_scale:
        minor = _minor(t, end, n, value)
        if minor is not None:
            cand.value, end = minor
            ext_end = max(ext_end, end)
    if cand.per is None:
        anchor = ext_start
        window_start = max(last_end, anchor - 40)
        if _PER_BEFORE_MARK.search(t, window_start, anchor):
            for stop in _SENTENCE_END.finditer(t, window_start, anchor):
                window_start = stop.end()
            before = pats.per_before.search(t, window_start, anchor)
            if before is not None:
                cand.per = _p.PER_WORDS.get(before.group("per").lower())
    if is_words and value < 1 and not cand.has_scale:
        return None  # "a quarter" alone is not an amount; "a quarter million" is
    if cand.cjk and cand.currency is None and (cand.has_scale or cand.cjk_amount):
        # "500億" with no currency is money unless it is a count: a counter follows
        # ("100億張"), or a count word just precedes ("人口約750萬", "第500萬").
        preceding = t[max(0, ext_start - _COUNT_CUE_WINDOW) : ext_start]
        cand.counted = bool(
            pats.count_after.match(t, end, min(n, end + 12))
            or any(word in preceding for word in _p.COUNT_WORDS_BEFORE)
        )
    if cand.currency is not None and _is_unit_label(t, start, end, token, is_words):
        return None  # "(港幣百萬元)", "(HK$ thousand)": the unit of a column, not an amount
    cand.start, cand.end, cand.ext_start, cand.ext_end = start, end, ext_start, max(ext_end, end)
    cand.half_of = value
    return cand


# "27 億 8,000 萬", "27 億 8 千萬": a myriad amount written with spaces (or "27億 8,000萬"); the
# lexer stops at the first space. Bounded: the tail is a few digits and one 萬.
_SPACED_MYRIAD = regex.compile(
    r"(?P<yi>\x20?[億亿])?\x20?\d{1,4}+(?:,\d{3})?+(?:\.\d{1,4}+)?+\x20?(?:[千百十]\x20?)?[萬万]"
    r"(?![萬万億亿])"
)
_SPACED_MYRIAD_WINDOW = 24
_YI = "億亿"


def _spaced_myriads_end(t: str, s: int, e: int, n: int) -> int:
    """The end of the number at ``s`` when "27 億 8,000 萬" spreads it over several tokens."""
    if e >= n or not (
        t[e - 1] in _YI or t[e] in _YI or (t[e] == " " and e + 1 < n and t[e + 1] in _YI)
    ):
        return e
    m = _SPACED_MYRIAD.match(t, e, min(n, e + _SPACED_MYRIAD_WINDOW))
    if m is None or not (m.group("yi") or t[e - 1] in _YI) or " " not in m.group(0):
        return e
    return m.end()


# Words before a bare Chinese scale that make the amount vague: 數十萬元 (some hundreds of
# thousands), 幾億, 數以十億元計.
_VAGUE_BEFORE = ("數以", "数以", "數", "数", "幾", "几")
_SCALE_CHARS = frozenset("十百千萬万億亿兆")


def _is_vague(t: str, s: int, token: str) -> bool:
    return token[0] in _SCALE_CHARS and t.endswith(_VAGUE_BEFORE, max(0, s - 2), s)


# English number words that name a scale, as a unit header writes it: "(HK$ thousand)".
_SCALE_WORDS = frozenset({"thousand", "hundred"})
# What may stand on either side of a unit label: a bracket, a table cell's pipe, a line's end.
_UNIT_OPEN = "(（|\n"
_UNIT_CLOSE = ")）|\n"
# A label that introduces a unit, before a colon: "(單位：港幣百萬元)", "Unit: HK$ thousand".
_UNIT_LABEL = regex.compile(r"(?:單位|单位|(?<![A-Za-z])units?)\s*[:：]\s*\Z", regex.IGNORECASE)


def _is_unit_label(t: str, start: int, end: int, token: str, is_words: bool) -> bool:
    """True when ``t[start:end]`` is a scale with a currency and no figure ("港幣百萬元",
    "HK$ thousand") standing alone in brackets, a table cell or a line, or after "單位：" or
    "Unit:": a unit, not an amount."""
    if is_words:
        if token.lower() not in _SCALE_WORDS:
            return False
    elif not all(ch in _SCALE_CHARS for ch in token):
        return False
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


def _minor(t: str, end: int, n: int, value: Decimal) -> tuple[Decimal, int] | None:
    if value != value.to_integral_value():
        return None
    match = _p.PATTERNS.minor.match(t, end, min(n, end + 40))  # bounded window
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
        words = _read_words(raw)
        if words is None:
            return None
        minor = words
    if unit:
        step = Decimal(
            _p.EN_MINOR_UNITS.get(unit.lower()) or _p.CJK_MINOR_UNITS.get(unit) or "0.01"
        )
    else:
        step = Decimal("0.01")
        after = _p.PATTERNS.post.match(t, match.end(), min(n, match.end() + 40))
        if after is not None and (after.group("cur") or after.group("scale")):
            return None
        if _MINOR_STOP.match(t, match.end(), min(n, match.end() + 4)):
            return None
    part = EXACT.multiply(minor, step)
    if minor >= 100 or part >= 1:
        return None
    return canonical(EXACT.add(value, part)), match.end()


def _merge_ranges(t: str, cands: list[_Cand]) -> list[_Cand]:
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if b is not None and a.per is None and _can_join(t, a, b):
            inherit = not a.has_scale and b.has_scale and not b.prefix  # "HK$1-5 million"
            scale = b.scale if inherit else a.scale
            if canonical(EXACT.multiply(a.value, scale)) <= b.amount:
                if inherit:
                    a.scale, a.has_scale = b.scale, True
                    a.half_of = a.value
                weaker = a.currency is None or (_bare_or_weaker(a.currency) and not b.prefix)
                if weaker and (a.currency is None or b.currency not in (None, _p.BARE)):
                    a.currency, a.source, a.bare_kind = b.currency, b.source, b.bare_kind
                a.amount_max = b.amount
                if a.cue is not Qualifier.RANGE:
                    a.cue_span = None  # "about HK$1-2 million": the range is what is kept
                a.cue = Qualifier.RANGE
                a.per = b.per
                a.end, a.ext_end = b.end, b.ext_end
                out.append(a)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _can_join(t: str, a: _Cand, b: _Cand) -> bool:
    if a.currency is None and b.currency is None:
        return False
    if not (_bare_or_weaker(a.currency) or _bare_or_weaker(b.currency) or a.currency == b.currency):
        return False
    if b.cue is not None or b.ext_start <= a.end:
        return False  # a connector ("-", "to", 至) must stand between them
    gap = _p.PATTERNS.connector.fullmatch(t, a.end, b.ext_start)
    if gap is None:
        return False
    if "and" in gap.group(0).lower() and a.cue is not Qualifier.RANGE:
        return False
    if a.currency is None and not (a.has_scale or b.has_scale):
        return False
    return not (b.currency is None and not b.has_scale and a.has_scale)


@dataclass(slots=True)
class _Resolved:
    cand: _Cand
    currency: str
    source: CurrencySource


_HAN = regex.compile(r"\p{Han}")


def _resolve(
    t: str,
    cands: list[_Cand],
    default: str | None,
    declarations: list[tuple[int, str]],
    allow_bare_numbers: bool,
) -> tuple[list[_Resolved], list[_Cand]]:
    """Currencies for candidates; returns the resolved ones and those left without one."""
    decl_ends = [end for end, _ in declarations]
    resolved: list[_Resolved] = []
    unresolved: list[_Cand] = []
    for c in cands:
        i = bisect.bisect_right(decl_ends, c.start) - 1
        declared = declarations[i][1] if i >= 0 else None
        cur = c.currency
        if cur is not None and cur not in (_p.BARE, _p.YEN):
            resolved.append(_Resolved(c, cur, c.source))  # type: ignore[arg-type]
        elif cur == _p.YEN:
            near = t[max(0, c.start - 20) : c.end + 20]
            if default == "JPY" or (default != "CNY" and not _HAN.search(near)):
                resolved.append(_Resolved(c, "JPY", "context"))
            else:
                resolved.append(_Resolved(c, "CNY", "context"))
        elif cur == _p.BARE:
            if declared is not None:
                resolved.append(_Resolved(c, declared, "context"))
            elif c.bare_kind == "yuan" and default is not None and default not in _p.YUAN_LOCAL:
                resolved.append(_Resolved(c, "CNY", "word"))
            elif default is not None:
                resolved.append(_Resolved(c, default, "default"))
            else:
                unresolved.append(c)
        elif declared is not None and c.cjk and c.has_scale and not c.counted:
            resolved.append(_Resolved(c, declared, "context"))
        elif declared is not None and c.cjk_amount and not c.counted:
            resolved.append(_Resolved(c, declared, "context"))  # 11億6,400萬 after (港幣,下同)
        elif c.cjk_amount and not c.counted and default is not None and c.value > 0:
            resolved.append(_Resolved(c, default, "default"))  # "500億" in HK text
        elif allow_bare_numbers and default is not None:
            resolved.append(_Resolved(c, default, "default"))
    return resolved, unresolved


def _declarations(t: str) -> list[tuple[int, str]]:
    out = []
    for m in _p.PATTERNS.declaration.finditer(t):
        cur = _p.CJK_CURRENCY_WORDS.get(m.group("cur"), _p.BARE)
        if cur != _p.BARE:
            out.append((m.end(), cur))
    return out


# Where a far cue's clause ends: no cue reaches across these.
_CLAUSE_BREAK = regex.compile(r"[,;.!?\n，、；。！？]")
_EN_GAP_BLOCK = regex.compile(r"[\d$€£¥￥]")
_EN_GAP_END = regex.compile(
    rf"(?:(?<![A-Za-z])(?:{'|'.join(_p.FAR_CUE_LINKS)})|:)\s*\Z", regex.IGNORECASE
)


def _far_cues(t: str, resolved: list[_Resolved]) -> None:
    """Give a qualifier to amounts whose cue stands a few words before them in the same clause,
    with no amount between: "a maximum subsidy of $200,000", 最高資助額為50萬元 (see
    FAR_QUALIFIER_CUES). A cue right before the amount has been read already and wins."""
    prev_end = 0
    for r in resolved:
        c = r.cand
        if c.cue is None and c.amount_max is None:
            found = _far_cue(t, max(prev_end, c.ext_start - _p.FAR_CUE_WINDOW_EN), c.ext_start)
            if found is not None:
                c.cue, c.cue_span = found
        prev_end = max(prev_end, c.ext_end)


# Necessary for a far cue: the first three characters of one, searched in the lower-cased
# window (stdlib ``re`` finds a case-sensitive literal alternation fastest, and most amounts
# have no cue before them). Derived from FAR_QUALIFIER_CUES, whose English cues are ASCII.
_FAR_CUE_MARK = re.compile("|".join(sorted({re.escape(c[:3]) for c in _p.FAR_QUALIFIER_CUES})))


def _ties_far_cue_zh(gap: str) -> bool:
    """Does the text between a Chinese far cue and the amount tie them (FAR_CUE_GAP_START_ZH)?"""
    gap = gap.strip()
    if not gap or any(noun in gap for noun in _p.FAR_CUE_AMOUNT_NOUNS_ZH):
        return True
    return gap[0] in _p.FAR_CUE_GAP_START_ZH and "的" not in gap


def _far_cue(t: str, lo: int, hi: int) -> tuple[Qualifier, tuple[int, int]] | None:
    if not _FAR_CUE_MARK.search(t[lo:hi].lower()):
        return None
    for stop in _CLAUSE_BREAK.finditer(t, lo, hi):
        lo = stop.end()
    last = None
    for m in _p.PATTERNS.far_cue.finditer(t, lo, hi):  # a bounded window
        last = m
    if last is None:
        return None
    cue = last.group(0)
    gap = t[last.end() : hi]
    if cue.isascii():
        if _EN_GAP_BLOCK.search(gap) or not (gap.strip() == "" or _EN_GAP_END.search(gap)):
            return None
    elif (
        hi - last.end() > _p.FAR_CUE_WINDOW_ZH
        or _cue_in_other_word(t, last.start(), cue)
        or t.startswith(("的", "之"), last.end())  # 最高的大廈: "the highest", no ceiling
        or not _ties_far_cue_zh(gap)
    ):
        return None
    qualifier = _p.FAR_QUALIFIER_CUES[_WS_RUN.sub(" ", cue.lower())]
    return qualifier, (last.start(), last.end())


def _peg_check(hkd: _Cand, usd: _Cand) -> PegCheck:
    """Can HKD/USD, each anywhere within the rounding of its written figure, fall in the band?"""
    low, high = PEG_BAND
    h_hi = EXACT.add(hkd.amount, hkd.half)
    h_lo = EXACT.subtract(hkd.amount, hkd.half)
    u_hi = EXACT.add(usd.amount, usd.half)
    u_lo = EXACT.subtract(usd.amount, usd.half)
    # Rates span [h_lo / u_hi, h_hi / u_lo]; compare by cross-multiplying (no division).
    if u_hi <= 0:
        return "inconsistent"
    reaches_low = u_lo <= 0 or h_hi >= EXACT.multiply(low, u_lo)
    reaches_high = h_lo <= EXACT.multiply(high, u_hi)
    return "consistent" if reaches_low and reaches_high else "inconsistent"


def _overlaps(skip: list[tuple[int, int]], skip_starts: list[int], cand: _Cand) -> bool:
    """Does the expression of ``cand`` overlap a ``skip`` range (disjoint and sorted)? Only the
    last range starting before the expression ends can: every earlier one ends before it."""
    i = bisect.bisect_left(skip_starts, cand.ext_end) - 1
    return i >= 0 and skip[i][1] > cand.ext_start


def _build(
    text: str,
    default_currency: str | None,
    skip: Sequence[tuple[int, int]],
    allow_bare_numbers: bool,
    scale: Decimal | None,
) -> tuple[list[_Resolved], list[_Cand], dict[int, int]]:
    t = _halfwidth(text)
    skip_sorted = disjoint_ranges((int(a), int(b)) for a, b in skip)
    cands = _candidates(t, skip_sorted)
    if scale is not None:
        for c in cands:
            if not c.has_scale:
                c.scale, c.has_scale = scale, True
                c.half_of = c.value
    declarations = _declarations(t)
    cands = _merge_ranges(t, cands)
    resolved, unresolved = _resolve(t, cands, default_currency, declarations, allow_bare_numbers)
    if skip_sorted:
        skip_starts = [a for a, _ in skip_sorted]
        resolved = [r for r in resolved if not _overlaps(skip_sorted, skip_starts, r.cand)]
    _far_cues(t, resolved)
    pairs: dict[int, int] = {}
    for i in range(len(resolved) - 1):
        a, b = resolved[i], resolved[i + 1]
        if i in pairs or b.cand.ext_start <= a.cand.ext_end:
            continue  # paired already, or no room for the bracket
        if not _p.PATTERNS.pair_open.fullmatch(t, a.cand.ext_end, b.cand.ext_start):
            continue
        if not _CLOSE_BRACKET.match(t[b.cand.ext_end : b.cand.ext_end + 3]):
            continue
        if b.source == "default" and a.currency == "HKD" and b.cand.bare_kind == "dollar":
            b.currency, b.source = "USD", "context"
        if a.currency != b.currency:
            pairs[i], pairs[i + 1] = i + 1, i
    return resolved, unresolved, pairs


# NOTE: positional, in field order; keep in sync with the models' fields.
_new_money = trusted_builder(Money)  # amount, currency, qualifier, amount_max, per
_new_mention = trusted_builder(MoneyMention)  # money, span, cue, currency_source, paired_index, ...
_new_span = trusted_builder(Span)  # doc_id, start, end, text


# A Money by its amount's text, currency, qualifier and period (no range).
_MoneyKey = tuple[str, str, Qualifier, str | None]


def _money(r: _Resolved, shared: dict[_MoneyKey, Money]) -> Money:
    """The Money of ``r``. One scan's mentions of the same value share one Money from
    ``shared`` (Money is frozen): a text dense with "$1" needs no garbage-collected model per
    amount. Keyed by the amount's text, since "1" and "1.0" are equal Decimals that print
    differently (``Decimal(str(d))`` gives ``d`` back, exponent included)."""
    c = r.cand
    amount = c.amount
    if c.amount_max is not None:
        return _new_money(amount, r.currency, Qualifier.RANGE, canonical(c.amount_max), c.per)
    qualifier = c.cue if c.cue is not None and c.cue is not Qualifier.RANGE else Qualifier.EXACT
    key = (str(amount), r.currency, qualifier, c.per)
    money = shared.get(key)
    if money is None:
        money = shared[key] = _new_money(amount, r.currency, qualifier, None, c.per)
    return money


def find_money(
    text: str,
    *,
    default_currency: str | None = "HKD",
    doc_id: str | None = None,
    skip: Sequence[tuple[int, int]] = (),
    max_mentions: int | None = None,
) -> MoneyScan:
    """Every money expression in ``text``, in order. Never raises on any text.

    ``default_currency`` is the currency of a bare ``$``/元 (HKD for Hong Kong text; None to
    report only amounts whose currency is written or declared). ``skip`` lists ``(start, end)``
    ranges (boilerplate) where nothing is reported. Arabic amounts with a Chinese scale but no
    元 ("500億", "5,000萬", "3.96億") take the currency of a "(港幣,下同)"-style declaration, else
    ``default_currency``, unless they are counts: a counter follows (100億張, 5,000萬人次; see
    ``COUNTERS``) or a count word precedes (人口約750萬, 第100萬). The result is a list of
    :class:`MoneyMention` with a ``warnings`` attribute (see :class:`MoneyScan`).

    ``max_mentions`` bounds the result (and so its memory, about 1.5 KB a mention): a text with
    more amounts raises :class:`~hkpolicy.errors.MentionLimitError` before any is built.

    :raises TypeError: for an argument of the wrong type (``text`` not a str, say).
    :raises UnknownCurrencyError: for a ``default_currency`` hkpolicy does not know.
    :raises MentionLimitError: when the text holds more than ``max_mentions`` amounts.

    >>> [str(m.money) for m in find_money("backed by HK$24 billion (US$3.07 billion) in 2024-25")]
    ['HKD 24,000,000,000', 'USD 3,070,000,000']
    >>> find_money("HK$24 billion (US$3.07 billion)")[0].peg
    'consistent'
    """
    check_text("find_money", text)
    check_optional_str("find_money", "default_currency", default_currency)
    check_optional_str("find_money", "doc_id", doc_id)
    skip = check_ranges("find_money", "skip", skip)
    limit = check_max_mentions("find_money", max_mentions)
    default = _normal_default(default_currency)
    warnings: list[str] = []
    mentions: list[MoneyMention] = []
    try:
        resolved, _, pairs = _build(text, default, skip, False, None)
        mention_limit("money", limit, len(resolved))
        shared: dict[_MoneyKey, Money] = {}
        moneys = [_money(r, shared) for r in resolved]
        for i, r in enumerate(resolved):
            c = r.cand
            j = pairs.get(i)
            peg: PegCheck | None = None
            if j is not None and {r.currency, resolved[j].currency} == {"HKD", "USD"}:
                hkd, usd = (r, resolved[j]) if r.currency == "HKD" else (resolved[j], r)
                peg = _peg_check(hkd.cand, usd.cand)
            cue = None
            if c.cue_span is not None:
                cue_start, cue_end = c.cue_span
                cue = _new_span(doc_id, cue_start, cue_end, text[cue_start:cue_end])
            mentions.append(
                _new_mention(
                    moneys[i],
                    _new_span(doc_id, c.start, c.end, text[c.start : c.end]),
                    cue,
                    r.source,
                    j,
                    None if j is None else moneys[j],
                    peg,
                )
            )
    except MentionLimitError:
        raise
    except Exception as error:  # a scanner never raises: report and return what was found
        warnings.append(f"money scan stopped: {type(error).__name__}: {error}")
    return MoneyScan(mentions, warnings)


def _normal_default(default_currency: str | None) -> str | None:
    if default_currency is None:
        return None
    code = default_currency.strip().upper()
    if code not in KNOWN_CURRENCIES:
        raise UnknownCurrencyError(default_currency)
    return code


def _parse(text: str, *, default_currency: str | None, scale: int | Decimal | None) -> Money:
    check_text("parse_money", text)
    check_optional_str("parse_money", "default_currency", default_currency)
    if scale is not None and (isinstance(scale, bool) or not isinstance(scale, (int, Decimal))):
        raise TypeError(
            f"parse_money() argument 'scale' must be an int, a Decimal or None, "
            f"not {type(scale).__name__}"
        )
    if scale is not None and not Decimal(scale).is_finite():
        raise ValueError(f"parse_money() argument 'scale' must be finite, got {scale!r}")
    default = _normal_default(default_currency)
    factor = None if scale is None else Decimal(scale)
    resolved, unresolved, _ = _build(text, default, (), True, factor)
    stripped_start = len(text) - len(text.lstrip())
    stripped_end = len(text.rstrip())
    if unresolved and not resolved:
        c = unresolved[0]
        raise ParseError(
            f"No currency for the amount in {text!r}",
            text,
            (c.start, c.end),
            hint="a bare $ or 元 needs default_currency= (HKD for Hong Kong text)",
        )
    if not resolved:
        t = text.translate(_HALFWIDTH)
        if _p.PATTERNS.currency.search(t) and not (
            _p.PATTERNS.number.search(t) or _p.PATTERNS.words.search(t)
        ):
            raise ParseError(
                f"Invalid money amount: {text!r}",
                text,
                (stripped_end, stripped_end),
                hint="expected a number after the currency",
            )
        raise ParseError(
            f"Not a money expression: {text!r}",
            text,
            (stripped_start, stripped_end),
            hint="expected an amount such as HK$24 billion",
        )
    first = resolved[0].cand
    if len(resolved) > 1:
        second = resolved[1].cand
        raise ParseError(
            f"More than one money amount in {text!r}",
            text,
            (second.ext_start, second.ext_end),
            hint="parse_money reads one expression; use find_money for running text",
        )
    if first.ext_start > stripped_start:
        raise ParseError(
            f"Unexpected text before the amount in {text!r}",
            text,
            (stripped_start, first.ext_start),
            hint="not part of a money expression",
        )
    if first.ext_end < stripped_end:
        raise ParseError(
            f"Unexpected text after the amount in {text!r}",
            text,
            (first.ext_end, stripped_end),
            hint="not part of a money expression",
        )
    money = _money(resolved[0], {})
    return Money.model_validate(money.model_dump())


def parse_money(
    text: str,
    *,
    default_currency: str | None = DEFAULT_CURRENCY,
    scale: int | Decimal | None = None,
) -> Money:
    """Parse one money expression; raise :class:`~hkpolicy.errors.ParseError` otherwise.

    Grammar (any order the forms below allow; Chinese and full-width digits included)::

        [cue] [currency] number [scale] [currency] [cents] [post-cue] [period]
        expression (to | - | 至 | and) expression          (a range)

    A bare ``$``, 元 or plain number is in ``default_currency``: HKD, as in :func:`find_money`
    and :func:`~hkpolicy.extraction.extract`, since Hong Kong texts write Hong Kong dollars so.
    Pass ``default_currency=None`` to refuse amounts whose currency is not written. ``scale``
    multiplies numbers that carry no scale word of their own (a table cell under a
    "HK$ million" header: ``parse_money(cell, scale=10**6)``).

    :raises ParseError: ``text`` is not exactly one money expression (the message quotes it).
    :raises UnknownCurrencyError: ``default_currency`` is not a known ISO 4217 code.

    >>> str(parse_money("$5 million"))
    'HKD 5,000,000'
    >>> parse_money("11億6,400萬元").amount
    Decimal('1164000000')
    >>> parse_money("1,234.5", default_currency="HKD", scale=10**6).amount
    Decimal('1234500000')
    """
    return _parse(text, default_currency=default_currency, scale=scale)


def detect_currency(text: str) -> str | None:
    """The first unambiguous currency written in ``text`` (a symbol, code or word), else None.

    A bare ``$``, 元 or ``¥`` is not unambiguous and gives None.

    >>> detect_currency("Price From £ 39.95"), detect_currency("港幣"), detect_currency("$")
    ('GBP', 'HKD', None)
    """
    t = text.translate(_HALFWIDTH)
    for match in _CURRENCY_ANYWHERE.finditer(t):
        currency, _, _ = _symbol_currency(match.group(0))
        if currency not in (_p.BARE, _p.YEN) and currency in KNOWN_CURRENCIES:
            return currency
    return None


_CURRENCY_ANYWHERE = _p.PATTERNS.currency


# --- units: table headers and the like ------------------------------------------------------


def read_unit(text: str) -> tuple[str | None, int] | None:
    """``(currency, scale)`` of a unit as a table header writes it, else None.

    Grammar: ``[單位：] [currency] [scale] [currency]`` with at least one currency (a symbol,
    code or currency word) and a scale from ``UNIT_SCALES``: "HK$ million", "$'000", "百萬港元",
    "港幣百萬元", "人民幣億元", "(億元)" without its brackets, "Unit: HK$'000". ``currency`` is
    None for a bare "$" or 元, whose currency the caller decides; two different written
    currencies give None.
    :func:`money_unit_of` and the column units of :mod:`hkpolicy.tables` both read headers
    with it, and :func:`find_money` uses it to tell a unit ("(港幣百萬元)") from an amount.

    >>> read_unit("港幣百萬元"), read_unit("百萬港元"), read_unit("億元")
    (('HKD', 1000000), ('HKD', 1000000), (None, 100000000))
    """
    if len(text) > _MAX_UNIT_CHARS:
        return None
    return _read_unit(text)


@functools.lru_cache(maxsize=_READ_CACHE_SIZE)
def _read_unit(text: str) -> tuple[str | None, int] | None:
    """:func:`read_unit` of a short text; cached, as headers repeat (the result is immutable)."""
    text = _UNIT_LABEL_PREFIX.sub("", text, count=1)
    m = _p.PATTERNS.unit.fullmatch(_halfwidth(text))
    if m is None or not (m.group("cur") or m.group("cur2")):
        return None
    found = {_symbol_currency(m.group(g))[0] for g in ("cur", "cur2") if m.group(g)}
    written = found - {_p.BARE}
    if len(written) > 1 or not written <= KNOWN_CURRENCIES:
        return None  # "HK$ million US$", or ¥ (yen or yuan) with nothing to decide it
    scale = _p.UNIT_SCALES.get((m.group("scale") or "").lower(), 1)
    return (next(iter(written)) if written else None), scale


# "單位：", "Unit:" before a unit: "(單位：港幣百萬元)".
_UNIT_LABEL_PREFIX = regex.compile(r"\A\s*(?:單位|单位|units?)\s*[:：]", regex.IGNORECASE)
# A unit is a short label; longer text is not read as one (and hostile input costs nothing).
_MAX_UNIT_CHARS = 40
_BRACKETED = regex.compile(r"[(（]([^()（）]{1,40})[)）]")


def money_unit_of(
    header: str, *, default_currency: str | None = "HKD"
) -> tuple[str, Decimal] | None:
    """``(currency, scale)`` a table header such as "HK$ million" or "(億元)" sets; else None.

    The unit is the whole header or a bracketed part of it, read by :func:`read_unit`; a bare
    "$" or 元 takes ``default_currency`` (None: no unit). Use it with :func:`parse_money` on
    each cell below the header:

    >>> unit = money_unit_of("Funding (HK$ million)")
    >>> unit
    ('HKD', Decimal('1000000'))
    >>> parse_money("1,234.5", default_currency=unit[0], scale=unit[1]).amount
    Decimal('1234500000')
    >>> money_unit_of("批准預算 (港幣百萬元)")
    ('HKD', Decimal('1000000'))
    """
    for inner in [*_BRACKETED.findall(header), header]:
        unit = read_unit(inner.strip())
        if unit is None:
            continue
        currency, scale = unit
        if currency is None:
            if default_currency is None:
                return None
            currency = default_currency.strip().upper()
            if currency not in KNOWN_CURRENCIES:
                return None
        return currency, Decimal(scale)
    return None
