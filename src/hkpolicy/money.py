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

import decimal
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from pydantic import field_validator, model_validator

from . import _money_patterns as _p
from . import _values
from ._money_build import (
    PEG_BAND,
    CurrencySource,
    Paired,
    PegCheck,
    Resolved,
    build,
    build_stream,
    check_one_expression,
    no_amount_error,
    peg_check,
)
from ._money_lexer import currency_mark, halfwidth
from ._money_units import money_unit_of, read_unit
from ._numerals import canonical
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
    construct_trusted,
    mention_limit,
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
KNOWN_CURRENCIES = _p.KNOWN_CURRENCIES
# The currency of a bare $ or 元: the default of find_money, parse_money and extract.
DEFAULT_CURRENCY = _p.DEFAULT_CURRENCY

Per = _p.Per

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
        high = None if self.amount_max is None else self._converted(self.amount_max, target, factor)
        return self.model_copy(
            update={
                "amount": self._converted(self.amount, target, factor),
                "currency": target,
                "amount_max": high,
            }
        )

    def _converted(self, value: Decimal, target: str, rate: Decimal | None) -> Decimal:
        """``value`` of this money's currency in ``target``: times ``rate``, or through the
        linked rate when ``rate`` is None."""
        from . import units

        if rate is None:
            return canonical(units.convert_amount(value, self.currency, target))
        units.check_convertible(value)
        result = units.multiply(value, rate)
        units.check_convertible(result)
        return canonical(result)

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


# --- building the models without validation ---------------------------------------------------
# The scanner's values are valid by construction (exact slices, canonical Decimals, known codes),
# so its models are built with construct_trusted; tests/test_money_builders.py checks each
# builder against validation.


def _new_money(
    *,
    amount: Decimal,
    currency: str,
    qualifier: Qualifier,
    amount_max: Decimal | None,
    per: Per | None,
) -> Money:
    return construct_trusted(
        Money,
        {
            "amount": amount,
            "currency": currency,
            "qualifier": qualifier,
            "amount_max": amount_max,
            "per": per,
        },
    )


def _new_span(*, doc_id: str | None, start: int, end: int, text: str) -> Span:
    return construct_trusted(Span, {"doc_id": doc_id, "start": start, "end": end, "text": text})


def _new_mention(
    *,
    money: Money,
    span: Span,
    cue: Span | None,
    currency_source: CurrencySource,
    paired_index: int | None,
    paired: Money | None,
    peg: PegCheck | None,
) -> MoneyMention:
    return construct_trusted(
        MoneyMention,
        {
            "money": money,
            "span": span,
            "cue": cue,
            "currency_source": currency_source,
            "paired_index": paired_index,
            "paired": paired,
            "peg": peg,
        },
    )


# A Money by its amount's text, currency, qualifier and period (no range).
_MoneyKey = tuple[str, str, Qualifier, str | None]


def _money(r: Resolved, shared: dict[_MoneyKey, Money]) -> Money:
    """The Money of ``r``. One scan's mentions of the same value share one Money from
    ``shared`` (Money is frozen): a text dense with "$1" needs no garbage-collected model per
    amount. Keyed by the amount's text, since "1" and "1.0" are equal Decimals that print
    differently (``Decimal(str(d))`` gives ``d`` back, exponent included)."""
    c = r.cand
    amount = c.amount
    cue = None if c.cue is None else c.cue.qualifier
    if c.amount_max is not None:
        return _new_money(
            amount=amount,
            currency=r.currency,
            qualifier=Qualifier.RANGE,
            amount_max=canonical(c.amount_max),
            per=c.per,
        )
    qualifier = cue if cue is not None and cue is not Qualifier.RANGE else Qualifier.EXACT
    key = (str(amount), r.currency, qualifier, c.per)
    money = shared.get(key)
    if money is None:
        money = shared[key] = _new_money(
            amount=amount, currency=r.currency, qualifier=qualifier, amount_max=None, per=c.per
        )
    return money


def _mentions(text: str, amounts: Iterable[Paired], doc_id: str | None) -> Iterator[MoneyMention]:
    """The mentions of the resolved amounts of ``text``, with their pairs and peg checks, one at
    a time. A pair's two mentions share their two Moneys."""
    shared: dict[_MoneyKey, Money] = {}
    next_money: Money | None = None  # the Money of this amount, made as the partner of the last
    last_money: Money | None = None
    # The figure, scale and currency of the last amount with no cue, period or range, and its
    # Money: the same objects give the same Money (a figure read from the same token is the
    # same Decimal; the same object prints the same), without making its key.
    plain: tuple[Decimal, Decimal, str, Money] | None = None
    for i, (r, partner, partner_after) in enumerate(amounts):
        c = r.cand
        if next_money is not None:
            money, next_money = next_money, None
        elif c.cue is None and c.per is None and c.amount_max is None:
            if not (
                plain is not None
                and c.value is plain[0]
                and c.scale is plain[1]
                and r.currency == plain[2]
            ):
                plain = (c.value, c.scale, r.currency, _money(r, shared))
            money = plain[3]
        else:
            money = _money(r, shared)
        j: int | None = None
        paired: Money | None = None
        peg: PegCheck | None = None
        if partner is not None:
            if partner_after:
                j, paired = i + 1, _money(partner, shared)
                next_money = paired
            else:
                j, paired = i - 1, last_money
            if {r.currency, partner.currency} == {"HKD", "USD"}:
                hkd, usd = (r, partner) if r.currency == "HKD" else (partner, r)
                peg = peg_check(hkd.cand, usd.cand)
        last_money = money
        cue = None
        if c.cue is not None and c.cue.span is not None:
            cue_start, cue_end = c.cue.span
            cue = _new_span(
                doc_id=doc_id, start=cue_start, end=cue_end, text=text[cue_start:cue_end]
            )
        span = _new_span(doc_id=doc_id, start=c.start, end=c.end, text=text[c.start : c.end])
        yield _new_mention(
            money=money,
            span=span,
            cue=cue,
            currency_source=r.source,
            paired_index=j,
            paired=paired,
            peg=peg,
        )


def find_money(
    text: str,
    *,
    default_currency: str | None = DEFAULT_CURRENCY,
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
        amounts: Iterable[Paired] = build_stream(text, default, skip, False, None, [])
        if limit is not None:  # count them all before building any
            amounts = list(amounts)
            mention_limit("money", limit, len(amounts))
        # Built as the amounts come: the intermediate records die young (see build_stream).
        mentions = list(_mentions(text, amounts, doc_id))
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


def _check_scale(scale: object) -> Decimal | None:
    if scale is None:
        return None
    if isinstance(scale, bool) or not isinstance(scale, (int, Decimal)):
        raise TypeError(
            f"parse_money() argument 'scale' must be an int, a Decimal or None, "
            f"not {type(scale).__name__}"
        )
    if not Decimal(scale).is_finite():
        raise ValueError(f"parse_money() argument 'scale' must be finite, got {scale!r}")
    return Decimal(scale)


def _parse(text: str, *, default_currency: str | None, scale: int | Decimal | None) -> Money:
    check_text("parse_money", text)
    check_optional_str("parse_money", "default_currency", default_currency)
    factor = _check_scale(scale)
    default = _normal_default(default_currency)
    resolved, unresolved, _ = build(text, default, (), True, factor)
    if unresolved and not resolved:
        c = unresolved[0]
        raise ParseError(
            f"No currency for the amount in {text!r}",
            text,
            (c.start, c.end),
            hint="a bare $ or 元 needs default_currency= (HKD for Hong Kong text)",
        )
    if not resolved:
        raise no_amount_error(text)
    check_one_expression(text, resolved)
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
    for match in _p.PATTERNS.currency.finditer(halfwidth(text)):
        currency = currency_mark(match.group(0)).code
        if currency not in (_p.BARE, _p.YEN) and currency in KNOWN_CURRENCIES:
            return currency
    return None
