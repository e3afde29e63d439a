"""Percentages: :class:`Percentage`, :func:`parse_percentage` and :func:`find_percentages`.

Owns every way Hong Kong texts write a share or a change as a percentage: ``42%``, ``42 %``,
``42％``, ``6.7 per cent``, ``+21 %``, ``-2.914%``, ``80%+``, ranges (``40-45%``, ``40% to 45%``,
``between 40 and 45 per cent``), percentage points (``2 percentage points``, ``2pp``,
``2個百分點``), ``百分之四十二``, ``百分之4.5``, ``千分之2.4`` and 成 (``七成`` = 70 %,
``三成半`` = 35 %), with the qualifier words in English and Chinese (approximately, over, 約, 逾).

Not percentages, on purpose: discounts written with 折 (``八折`` = pay 80 % of the price). A 折
figure is a price ratio, not a share of anything, and reading 七折 as "70 %" would invert a 30 %
cut; the scanner never reports them (see ``NOT_PERCENT_MARKERS`` in ``_percent_patterns.py``).

Scanning never raises on any text and has no time limit: every pattern is tried near a cheap
anchor on a bounded window, so the cost is linear and the result a function of the text alone.
Should anything unexpected stop a scan, the mentions found so far are returned, with the reason
in the result's ``warnings`` (a :class:`~hkpolicy.spans.ScanResult`), also logged on the
``hkpolicy.percent`` logger (not a Python warning, so callers running with ``-W error`` still
get their results).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Literal, NamedTuple

import regex
from pydantic import field_validator, model_validator

from . import _percent_patterns as P
from . import _values
from ._numerals import EXACT, canonical, parse_cjk_number, to_halfwidth
from ._percent_cues import (
    DIRECTION_WINDOW,
    QUALIFIER_WINDOW,
    Direction,
    cue_may_end_before,
    cue_may_start_after,
    direction_of,
    qualifier_before,
    qualifier_may_end_before,
    qualifier_window,
)
from ._percent_numbers import (
    cheng_value,
    cjk_or_arabic,
    in_scientific_notation,
    read_number,
    with_k,
)
from ._scanning import (
    AnchoredPattern,
    GroupNumbers,
    anchored_matches,
    ascii_folded,
    has_fullwidth,
    longest_first,
    new_span,
)
from .errors import MentionLimitError, ParseError, QualifierError, UnitMismatchError
from .spans import (
    Qualifier,
    Record,
    ScanResult,
    Span,
    check_max_mentions,
    check_optional_str,
    check_ranges,
    check_text,
    collecting_warnings,
    construct_trusted,
    mention_limit,
)

__all__ = [
    "Direction",
    "PercentMention",
    "PercentUnit",
    "Percentage",
    "find_percentages",
    "parse_percentage",
]


def __dir__() -> list[str]:
    return __all__


logger = logging.getLogger("hkpolicy.percent")

PercentUnit = Literal["percent", "percentage_point"]


class Percentage(Record, _values.OrderedByValue):
    """A share or a change, exact: ``value=Decimal("42")`` means 42 %.

    >>> Percentage(value=Decimal("42"), qualifier="approximately")
    Percentage(value=Decimal('42'), qualifier=Qualifier.APPROXIMATELY)
    >>> str(parse_percentage("between 40 and 45 per cent"))
    '40% to 45%'
    """

    value: Decimal
    """The number as written: 42 for "42%" (the lower bound when ``qualifier`` is range)."""
    qualifier: Qualifier = Qualifier.EXACT
    """How the value bounds the true value ("approximately 42%")."""
    value_max: Decimal | None = None
    """Upper bound of a range ("40-45%"); None otherwise."""
    unit: PercentUnit = "percent"
    """Percent, or percentage points ("2 percentage points"), which are never mixed up."""

    @field_validator("value", "value_max")
    @classmethod
    def _finite(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and not value.is_finite():
            raise ValueError(f"percentage must be a finite number, got {value!r}")
        return value

    @model_validator(mode="after")
    def _range_is_consistent(self) -> Percentage:
        if (self.qualifier is Qualifier.RANGE) != (self.value_max is not None):
            raise ValueError("value_max is set exactly when the qualifier is 'range'")
        if self.value_max is not None and self.value_max < self.value:
            raise ValueError(f"value_max {self.value_max} is below value {self.value}")
        return self

    @classmethod
    def fromstring(cls, text: str) -> Percentage:
        """One percentage expression, the whole of ``text`` (surrounding spaces allowed).

        Grammar: ``[qualifier] number unit [post-qualifier]`` or a range
        ``[between] number [unit] (-|to|and|至) number unit``, where unit is one of %, ％,
        per cent, percent, percentage points, pp, 個百分點, or the number is written
        百分之N / N成. See the module docstring for the full list of forms.

        :raises ParseError: when ``text`` is not exactly one percentage.
        :raises TypeError: when ``text`` is not a str.
        """
        check_text("parse_percentage", text)
        mentions = _scan(text, doc_id=None, skip=(), detect_direction=False)
        stripped_start = len(text) - len(text.lstrip())
        stripped_end = len(text.rstrip())
        if not mentions:
            raise ParseError(
                f"Invalid percentage: {text!r}",
                text,
                (stripped_start, max(stripped_start, stripped_end)),
                hint="expected a number with %, per cent, percentage points, 百分之 or 成",
            )
        first = mentions[0]
        if len(mentions) > 1 or (first.span.start, first.span.end) != (
            stripped_start,
            stripped_end,
        ):
            uncovered = (
                (stripped_start, first.span.start)
                if first.span.start > stripped_start
                else (first.span.end, stripped_end)
            )
            raise ParseError(
                f"Invalid percentage: {text!r}",
                text,
                uncovered,
                hint="unexpected text around the percentage",
            )
        return first.percentage

    # --- value behaviour: formatting, float and ordering ------------------------------------
    # Values stay Decimal; float() is a derived convenience. Percent and percentage points never
    # compare (UnitMismatchError); only exact values have an order (QualifierError otherwise).

    def __str__(self) -> str:
        return self.__format__("")

    def __format__(self, spec: str) -> str:
        """``format(p, ".1f")``: ``spec`` formats each number as for a Decimal; the unit and
        qualifier are written as by ``str``. An empty spec is ``str``.

        >>> format(parse_percentage("about 42.25%"), ".1f")
        'approximately 42.2%'
        """
        spec = spec or "f"
        unit = "%" if self.unit == "percent" else " percentage points"
        if self.value_max is not None:
            low, high = format(self.value, spec), format(self.value_max, spec)
            if self.unit == "percent":
                return f"{low}% to {high}%"
            return f"between {low} and {high} percentage points"
        number = f"{format(self.value, spec)}{unit}"
        if self.qualifier is Qualifier.EXACT:
            return number
        return f"{_QUALIFIER_WORDS[self.qualifier]} {number}"

    def __float__(self) -> float:
        """The value as a float (42.0 for 42 %), for plotting; a range raises."""
        if self.qualifier is Qualifier.RANGE:
            raise QualifierError(f"float() of a range is ambiguous: {self}; use .value_max too")
        return float(self.value)

    def _ordered(self, other: object) -> tuple[Decimal, Decimal] | None:
        """Exact values in the same unit compare by value.

        >>> parse_percentage("12.5%") < parse_percentage("13%")
        True
        """
        if not isinstance(other, Percentage):
            return None
        if self.unit != other.unit:
            raise UnitMismatchError(f"Cannot compare {self} and {other}: percent and points")
        if self.qualifier is not Qualifier.EXACT or other.qualifier is not Qualifier.EXACT:
            raise QualifierError(
                f"Cannot order {self} and {other}: only exact values have an order"
            )
        return self.value, other.value

    # --- end of value behaviour ------------------------------------------------------------


# The words str() writes for each qualifier; each is also a cue the scanner reads back.
_QUALIFIER_WORDS: dict[Qualifier, str] = {
    Qualifier.APPROXIMATELY: "approximately",
    Qualifier.AT_LEAST: "at least",
    Qualifier.MORE_THAN: "more than",
    Qualifier.UP_TO: "up to",
    Qualifier.LESS_THAN: "less than",
}


def parse_percentage(text: str) -> Percentage:
    """One percentage expression, the whole of ``text`` (surrounding spaces allowed).

    Grammar: ``[qualifier] number unit [post-qualifier]`` or a range
    ``[between] number [unit] (-|to|and|至) number unit``, where unit is one of %, ％,
    per cent, percent, percentage points, pp, 個百分點, or the number is written
    百分之N / N成. See the module docstring for the full list of forms.

    :raises ParseError: when ``text`` is not exactly one percentage (the message quotes it).

    >>> parse_percentage("approximately 42%")
    Percentage(value=Decimal('42'), qualifier=Qualifier.APPROXIMATELY)
    """
    return Percentage.fromstring(text)


class PercentMention(Record):
    """A percentage found in a text, with where it came from and what the text says about it."""

    percentage: Percentage
    """The value, qualifier and unit."""
    span: Span
    """The whole expression, qualifier words included: "approximately 42%"."""
    qualifier_span: Span | None = None
    """The qualifier cue ("approximately", 逾, the "+" of "80%+"); None when exact."""
    direction: Direction | None = None
    """increase or decrease, only where the text says so ("grew by", "fell", 上升, 減少)."""
    direction_span: Span | None = None
    """The words that gave the direction; None without one."""

    @property
    def value(self) -> Decimal:
        """Shortcut for ``percentage.value``."""
        return self.percentage.value

    @property
    def qualifier(self) -> Qualifier:
        """Shortcut for ``percentage.qualifier``."""
        return self.percentage.qualifier


def find_percentages(
    text: str,
    *,
    doc_id: str | None = None,
    skip: Iterable[tuple[int, int]] = (),
    max_mentions: int | None = None,
) -> ScanResult[PercentMention]:
    """Every percentage in ``text``, in order, never overlapping. Never raises on any text: the
    result's ``warnings`` say why a scan stopped early (see :class:`~hkpolicy.spans.ScanResult`).
    A wrong argument raises ``TypeError``; more than ``max_mentions`` percentages raise
    :class:`~hkpolicy.errors.MentionLimitError` before any is built.

    ``skip`` holds ``(start, end)`` ranges (boilerplate, say) where nothing is reported.

    >>> [str(m.percentage) for m in find_percentages("逾三成 and about 42% rose 2pp")]
    ['more than 30%', 'approximately 42%', '2 percentage points']
    """
    check_text("find_percentages", text)
    check_optional_str("find_percentages", "doc_id", doc_id)
    ranges = check_ranges("find_percentages", "skip", skip)
    limit = check_max_mentions("find_percentages", max_mentions)
    with collecting_warnings() as warnings:
        try:
            found = _scan(text, doc_id=doc_id, skip=ranges, detect_direction=True, limit=limit)
        except MentionLimitError:
            raise
        except Exception as error:  # a scanner never raises: say why, in the result and the log
            logger.exception("find_percentages failed on a text of %d characters", len(text))
            warnings.append(f"percentage scan stopped: {type(error).__name__}: {error}")
            found = []
    return ScanResult(found, warnings)


# --- scanning ---------------------------------------------------------------------------------


class _Candidate(NamedTuple):
    """A percentage a pattern read, before overlapping candidates are resolved."""

    start: int
    end: int
    percentage: Percentage


def _new_mention(
    *,
    percentage: Percentage,
    span: Span,
    qualifier_span: Span | None,
    direction: Direction | None,
    direction_span: Span | None,
) -> PercentMention:
    """``PercentMention(...)`` from values valid by construction, built without validation."""
    return construct_trusted(
        PercentMention,
        {
            "percentage": percentage,
            "span": span,
            "qualifier_span": qualifier_span,
            "direction": direction,
            "direction_span": direction_span,
        },
    )


# A full-width comma between full-width digits with exactly three after it is a digit group
# ("９，９９９"); elsewhere it separates clauses and is left alone. One character for one, and
# linear (fixed-width look-arounds). It starts with the comma itself, which `regex` finds fast.
_FULLWIDTH_GROUP_RE = regex.compile(r"，(?<=[０-９]，)(?=[０-９]{3}(?![０-９]))")


def _scan(
    text: str,
    *,
    doc_id: str | None,
    skip: tuple[tuple[int, int], ...],
    detect_direction: bool,
    limit: int | None = None,
) -> list[PercentMention]:
    half = to_halfwidth(_FULLWIDTH_GROUP_RE.sub(",", text)) if has_fullwidth(text) else text
    candidates: list[_Candidate] = []
    candidates += _latin(half)
    candidates += _cjk_fraction(half)
    candidates += _cjk_points(half)
    candidates += _cjk_cheng(half)
    candidates = [c for c in candidates if not in_scientific_notation(half, c.start, c.end)]
    chosen = longest_first(candidates, len(half), skip)
    mention_limit("percentage", limit, len(chosen))
    mentions = []
    for start, end, pct in chosen:
        lowest = start - DIRECTION_WINDOW if start > DIRECTION_WINDOW else 0
        cue_before = cue_may_end_before(half, start, lowest)
        cue_after = cue_may_start_after(half, end)
        if cue_before or cue_after:
            cues = (cue_before, cue_after)
            mentions.append(_mention(text, half, start, end, pct, doc_id, detect_direction, cues))
        else:  # no cue can stand next to it: the mention is the number alone
            span = new_span(text, start, end, doc_id)
            mentions.append(
                _new_mention(
                    percentage=pct,
                    span=span,
                    qualifier_span=None,
                    direction=None,
                    direction_span=None,
                )
            )
    return mentions


def _exact(value: Decimal, unit: PercentUnit) -> Percentage:
    """``Percentage(value=value, unit=unit)``; valid by construction (a finite number read)."""
    return _shared_exact(str(value), unit)


def _qualified(pct: Percentage, qualifier: Qualifier) -> Percentage:
    """``pct.model_copy(update={"qualifier": qualifier})`` for an exact ``pct`` of
    :func:`_shared_exact` (every candidate that is no range): one shared record per value, unit
    and qualifier, so a text dense with "about 10%" needs no garbage-collected model per
    mention."""
    return _shared_qualified(str(pct.value), pct.unit, qualifier)


@functools.lru_cache(maxsize=1024)
def _shared_qualified(value: str, unit: PercentUnit, qualifier: Qualifier) -> Percentage:
    """What ``model_copy`` makes of ``_shared_exact(value, unit)`` with ``qualifier``: the same
    values in the same order, and the same fields set (tests/test_scan_shortcuts.py)."""
    return construct_trusted(
        Percentage,
        {"value": Decimal(value), "qualifier": qualifier, "value_max": None, "unit": unit},
        ("value", "unit", "qualifier"),
    )


@functools.lru_cache(maxsize=1024)
def _shared_exact(value: str, unit: PercentUnit) -> Percentage:
    """One exact Percentage per value and unit, shared by every candidate and mention stating
    it: Percentages are frozen, and a text dense with "10%" needs no garbage-collected model per
    number. Keyed by the value's text (``Decimal(str(d))`` gives ``d`` back, exponent
    included), since "1" and "1.0" are equal Decimals that print differently."""
    return construct_trusted(
        Percentage,
        {"value": Decimal(value), "qualifier": Qualifier.EXACT, "value_max": None, "unit": unit},
        ("value", "unit"),
    )


def _pct(lo: Decimal, hi: Decimal | None, unit: PercentUnit) -> Percentage | None:
    if hi is None:
        return _exact(lo, unit)
    if hi < lo:
        return None
    return construct_trusted(
        Percentage,
        {"value": lo, "qualifier": Qualifier.RANGE, "value_max": hi, "unit": unit},
        ("value", "value_max", "qualifier", "unit"),
    )


# What can stand before the number of a LATIN_PERCENT_RE match and still be part of it: a range
# separator or a sign, as a character ("-", "~", "+") or a word ("to", "minus", "between");
# words lower case. Chinese ones (至, 負) are letters outside ASCII, which _latin_floor keeps.
_EXTENDING_FORMS = [form.strip() for form in (*P.RANGE_SEPARATORS, *P.SIGN_FORMS)]
_EXTENDING_CHARS = frozenset(form for form in _EXTENDING_FORMS if not form.isalpha())
_EXTENDING_WORDS = frozenset([*(f for f in _EXTENDING_FORMS if f.isalpha()), "between"])


def _latin_start(half: str, anchor: int) -> int | None:
    """Where a LATIN_PERCENT_RE match holding the unit at ``anchor`` must start, where cheap to
    tell: a unit right after ASCII digits (and at most a space), with no other digit, sign,
    separator or "between" before them, belongs to a match that starts at those digits (none
    starts inside them: the pattern's look-behind forbids an ASCII digit, "." or "," before its
    start). Otherwise None."""
    i = anchor - 1
    if i >= 0 and half[i] == " ":
        i -= 1
    if i < 0 or not "0" <= half[i] <= "9":
        return None
    while i >= 0 and ("0" <= half[i] <= "9" or half[i] in ".,"):
        i -= 1
    if i >= 0 and half[i].isdecimal():  # the look-behind allows a start after other digits
        return None
    first = i + 1
    while i >= 0 and half[i] == " ":
        i -= 1
    if i < 0:
        return first
    if half[i] in _EXTENDING_CHARS:
        return None
    if half[i].isalpha():
        start = i
        while start > 0 and half[start - 1].isalpha():
            start -= 1
        word = half[start : i + 1]
        if not word.isascii() or word.lower() in _EXTENDING_WORDS:
            return None
    return first


_LATIN = AnchoredPattern(
    P.LATIN_PERCENT_RE,
    P.LATIN_ANCHOR_RE,
    P.LATIN_STARTS_RE,
    P.LATIN_LEAD,
    barrier=P.LATIN_BARRIER_RE,
    sole_start=_latin_start,
    quick=P.LATIN_QUICK_RE,
)
_CJK_POINTS = AnchoredPattern(
    P.CJK_POINTS_RE,
    P.CJK_POINTS_ANCHOR_RE,
    P.CJK_POINTS_STARTS_RE,
    P.CJK_POINTS_LEAD,
    barrier=P.CJK_POINTS_BARRIER_RE,
    lookahead=0,  # CJK_POINTS_STARTS_RE looks ahead at one character
)


# LATIN_ANCHOR_RE in two cheap searches: "%" in the text, and the p of "per cent", "pct", "pp"
# and "p.p." in the text folded to lower-case ASCII bytes (p, e, r, c, n and t fold to no
# character outside ASCII), after a digit or a space; a "?" there stands for a character outside
# ASCII, which only a digit (\d) passes.
_PERCENT_SIGN_RE = regex.compile("%")
# (The standard library's re runs this bytes pattern several times faster than `regex`.)
_FOLDED_P_UNIT_RE = re.compile(rb"p(?<=[0-9 ?]p)(?=er ?cent|ct|p|\.p\.)")
_DIGIT_RE = regex.compile(r"\d")


def _latin_anchors(half: str) -> list[tuple[int, int]]:
    """Exactly the spans of ``LATIN_ANCHOR_RE.finditer(half)``, in order."""
    anchors = [m.span() for m in _PERCENT_SIGN_RE.finditer(half)]
    if "p" not in half and "P" not in half:
        return anchors
    folded = ascii_folded(half)
    units = [
        m.span()
        for m in _FOLDED_P_UNIT_RE.finditer(folded)
        if folded[m.start() - 1] != 63 or _DIGIT_RE.match(half, m.start() - 1)  # 63: "?"
    ]
    return sorted(anchors + units) if units else anchors


_QUICK = P.LATIN_QUICK_RE


# The patterns' group numbers: a group read by name costs a look-up per call.
_LATIN_G = GroupNumbers(P.LATIN_PERCENT_RE)
_QUICK_LO = P.LATIN_QUICK_RE.groupindex["lo"]
_FRACTION_G = GroupNumbers(P.CJK_FRACTION_RE)
_POINTS_G = GroupNumbers(P.CJK_POINTS_RE)
_CHENG_G = GroupNumbers(P.CJK_CHENG_RE)
_QUALIFIER_BEFORE_G = GroupNumbers(P.QUALIFIER_BEFORE_RE)
_QUALIFIER_AFTER_G = GroupNumbers(P.QUALIFIER_AFTER_RE)


def _latin(half: str) -> Iterator[_Candidate]:
    g = _LATIN_G
    for m in anchored_matches(_LATIN, half, _latin_anchors(half)):
        if m.re is _QUICK:  # "42%": one number and its percent sign, nothing more
            pct = _percentage_of(m.group(_QUICK_LO), "percent")
            if pct is not None:
                yield _Candidate(m.start(), m.end(), pct)
            continue
        pp, lo_text, hi_text = m.group(g.pp, g.lo, g.hi)
        unit: PercentUnit = "percentage_point" if pp else "percent"
        if hi_text is None:
            pct = _percentage_of(lo_text, unit)
            if pct is not None:
                yield _Candidate(m.start(g.lo), m.end(), pct)
        else:
            yield from _latin_pair(half, m, lo_text, hi_text, unit)


@functools.lru_cache(maxsize=4096)  # tokens repeat ("10", "2.5"); Percentages are frozen
def _percentage_of(token: str, unit: PercentUnit) -> Percentage | None:
    """The exact Percentage a number token states, or None when it is unreadable."""
    value = read_number(token)
    return None if value is None else _exact(value, unit)


def _latin_pair(
    half: str, m: regex.Match[str], lo_text: str, hi_text: str, unit: PercentUnit
) -> Iterator[_Candidate]:
    """The candidates of a LATIN_PERCENT_RE match with two numbers: a range ("40-45%",
    "between 40 and 45 per cent"), or two figures ("from 40% to 45%", "40% and 45%")."""
    lo = read_number(lo_text)
    hi = read_number(hi_text)
    if hi is None:
        return
    if lo is None:  # "x to 45%" with an unreadable x: keep the 45%
        yield _Candidate(m.start(_LATIN_G.hi), m.end(), _exact(hi, unit))
        return
    between = m.group(_LATIN_G.between) is not None
    lo_pp, lo_pct = m.group(_LATIN_G.lo_pp, _LATIN_G.lo_pct)
    lo_unit: PercentUnit | None = "percentage_point" if lo_pp else "percent" if lo_pct else None
    is_range = (
        (m.group(_LATIN_G.dash).lower() != "and" or between)
        and lo_unit in (None, unit)
        and not _preceded_by_from(half, m.start())
        and hi >= lo
    )
    if is_range:
        pct = _pct(lo, hi, unit)
        if pct:
            yield _Candidate(m.start() if between else m.start(_LATIN_G.lo), m.end(), pct)
        return
    # Not a range ("from 40% to 45%" is a change, "40% and 45%" two figures): keep the parts.
    if lo_unit is not None:
        lo_end = m.end(_LATIN_G.lo_pp if lo_pp else _LATIN_G.lo_pct)
        yield _Candidate(m.start(_LATIN_G.lo), lo_end, _exact(lo, lo_unit))
    yield _Candidate(m.start(_LATIN_G.hi), m.end(), _exact(hi, unit))


_FROM_RE = regex.compile(r"(?<![\w-])(?:from|由|從|从)[ ]{0,2}\Z", regex.IGNORECASE)


def _preceded_by_from(half: str, start: int) -> bool:
    return _FROM_RE.search(half, max(0, start - 8), start) is not None


def _cjk_fraction(half: str) -> Iterator[_Candidate]:
    for m in P.CJK_FRACTION_RE.finditer(half):
        denominator = P.DENOMINATORS.get("".join(m.group(_FRACTION_G.den).split()))
        lo = cjk_or_arabic(m.group(_FRACTION_G.lo))
        hi = cjk_or_arabic(m.group(_FRACTION_G.hi)) if m.group(_FRACTION_G.hi) else None
        if denominator is None or lo is None or (m.group(_FRACTION_G.hi) and hi is None):
            continue
        scale = Decimal(100) / Decimal(denominator)  # exact: denominators are powers of ten
        lo = canonical(EXACT.multiply(with_k(lo, m.group(_FRACTION_G.lo_k)), scale))
        if m.group(_FRACTION_G.sign):
            lo = canonical(EXACT.minus(lo)) if lo else lo
        hi = canonical(EXACT.multiply(hi, scale)) if hi is not None else None
        pct = _pct(lo, hi, "percent")
        if pct:
            yield _Candidate(m.start(), m.end(), pct)


def _cjk_points(half: str) -> Iterator[_Candidate]:
    for m in anchored_matches(_CJK_POINTS, half):
        lo = cjk_or_arabic(m.group(_POINTS_G.lo))
        hi = cjk_or_arabic(m.group(_POINTS_G.hi)) if m.group(_POINTS_G.hi) else None
        if lo is None or (m.group(_POINTS_G.hi) and hi is None):
            continue
        lo = with_k(lo, m.group(_POINTS_G.lo_k))
        if m.group(_POINTS_G.sign):
            lo = canonical(EXACT.minus(lo)) if lo else lo
        pct = _pct(lo, hi, "percentage_point")
        if pct:
            yield _Candidate(m.start(), m.end(), pct)


def _cjk_cheng(half: str) -> Iterator[_Candidate]:
    for m in P.CJK_CHENG_RE.finditer(half):
        num = cheng_value(m.group(_CHENG_G.num))
        if num is None:
            continue
        value = EXACT.multiply(num, 10)
        tail = m.group(_CHENG_G.tail)
        if tail:
            value = EXACT.add(value, Decimal(5) if tail == "半" else parse_cjk_number(tail) or 0)
        value = canonical(value)
        if m.group(_CHENG_G.lo):
            lo = cheng_value(m.group(_CHENG_G.lo))
            if lo is None or tail:
                continue
            pct = _pct(canonical(EXACT.multiply(lo, 10)), value, "percent")
        else:
            pct = _pct(value, None, "percent")
        if pct:
            yield _Candidate(m.start(), m.end(), pct)


def _mention(
    text: str,
    half: str,
    start: int,
    end: int,
    pct: Percentage,
    doc_id: str | None,
    detect_direction: bool,
    cues: tuple[bool, bool],
) -> PercentMention:
    """The mention of ``pct`` at ``[start, end)`` with its qualifier and direction cues, where
    ``cues`` says whether one may end before it and whether one may start after it."""
    qualifier_span: Span | None = None
    cue_before, cue_after = cues
    if pct.qualifier is not Qualifier.RANGE and (cue_before or cue_after):
        before = None
        if cue_before and qualifier_may_end_before(half, start):
            before = P.QUALIFIER_BEFORE_RE.search(half, qualifier_window(half, start), start)
        after = None
        if cue_after:
            after = P.QUALIFIER_AFTER_RE.match(half, end, min(len(half), end + QUALIFIER_WINDOW))
        if before is not None:
            en, zh = before.group(_QUALIFIER_BEFORE_G.en, _QUALIFIER_BEFORE_G.zh)
            cue = en or zh
            cue_start = before.start(_QUALIFIER_BEFORE_G.en if en else _QUALIFIER_BEFORE_G.zh)
            qualifier = qualifier_before(cue)
            qualifier_span = new_span(text, cue_start, cue_start + len(cue), doc_id)
            pct = _qualified(pct, qualifier)
            start = cue_start
        elif after is not None:
            q_start, q_end = after.span(_QUALIFIER_AFTER_G.q)
            cue = half[q_start:q_end]
            qualifier = P.QUALIFIERS_AFTER[" ".join(cue.lower().split())]
            qualifier_span = new_span(text, q_start, q_end, doc_id)
            pct = _qualified(pct, qualifier)
            end = q_end
    direction: Direction | None = None
    direction_span: Span | None = None
    if detect_direction and (cue_before or cue_after):
        found = direction_of(half, start, end)
        if found is not None:
            direction, (cue_start, cue_end) = found
            direction_span = new_span(text, cue_start, cue_end, doc_id)
    return _new_mention(
        percentage=pct,
        span=new_span(text, start, end, doc_id),
        qualifier_span=qualifier_span,
        direction=direction,
        direction_span=direction_span,
    )
