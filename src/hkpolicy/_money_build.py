"""From money candidates to resolved amounts: ranges, currencies, far cues, pairs, the peg.

Owns the second pass of the money scanner over the candidates of :mod:`hkpolicy._money_candidates`:
two amounts joined by a connector become a range ("HK$1-5 million"); each amount gets its
currency (written, declared by "(港幣,下同)", or the caller's default); a qualifier cue a few
words before an amount reaches it ("a maximum subsidy of $200,000"); an amount followed by its
bracketed other-currency amount is paired, and an HKD/USD pair checked against the linked rate.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Final, Literal, NamedTuple

import regex

from . import _money_patterns as _p
from ._money_candidates import Candidate, Cue, cue_in_other_word, is_weak, iter_candidates
from ._money_lexer import CurrencyMark, folded, halfwidth
from ._numerals import EXACT, canonical
from .errors import ParseError
from .spans import Qualifier, disjoint_ranges

__all__ = [
    "PEG_BAND",
    "Built",
    "CurrencySource",
    "Paired",
    "PegCheck",
    "Resolved",
    "build",
    "build_stream",
    "check_one_expression",
    "no_amount_error",
    "peg_check",
]


def __dir__() -> list[str]:
    return __all__


CurrencySource = Literal["symbol", "code", "word", "context", "default"]
PegCheck = Literal["consistent", "inconsistent"]

# The linked exchange rate's convertibility band, HKD per USD.
PEG_BAND: tuple[Decimal, Decimal] = (Decimal("7.75"), Decimal("7.85"))


# tuple.__new__ makes a NamedTuple from a tuple of its fields in one C call, where calling
# the class runs its generated Python __new__: for the records made once per amount.
_new_tuple = tuple.__new__


class Resolved(NamedTuple):
    """A candidate with its currency decided."""

    cand: Candidate
    currency: str
    """An ISO 4217 code."""
    source: CurrencySource


class Built(NamedTuple):
    """What the money scanner found in one text, in order."""

    resolved: list[Resolved]
    unresolved: list[Candidate]
    """Amounts in a bare currency with no context and no default to decide it."""
    pairs: dict[int, int]
    """Index to index, both ways, of amounts bracketed with their other-currency amount."""


# --- ranges ------------------------------------------------------------------------------------


def _merge_ranges(t: str, cands: Iterable[Candidate]) -> Iterator[Candidate]:
    """Candidates with each "a - b" range made one candidate (see _can_join), one at a time."""
    a: Candidate | None = None  # the candidate that may start a range with the next
    for b in cands:
        if a is None:
            a = b
            continue
        # A connector must stand between the two (_can_join): amounts that touch never join.
        if a.per is None and b.ext_start > a.end and _can_join(t, a, b):
            joined = _joined(a, b)
            if joined is not None:
                yield joined
                a = None
                continue
        yield a
        a = b
    if a is not None:
        yield a


def _joined(a: Candidate, b: Candidate) -> Candidate | None:
    """The range from ``a`` to ``b``, or None when ``a`` exceeds ``b``. A figure without a
    scale takes the scale of the other end ("HK$1-5 million")."""
    inherit = not a.has_scale and b.has_scale and not b.prefix
    scale = b.scale if inherit else a.scale
    if canonical(EXACT.multiply(a.value, scale)) > b.amount:
        return None
    if inherit:
        a = a._replace(scale=b.scale, has_scale=True, half_of=a.value)
    currency = a.currency
    weaker = a.currency is None or (is_weak(a.currency) and not b.prefix)
    if weaker and (a.currency is None or (b.currency is not None and b.currency.code != _p.BARE)):
        currency = b.currency
    # "about HK$1-2 million": the range is what is kept, and its cue span only if it had one.
    span = a.cue.span if a.cue is not None and a.cue.qualifier is Qualifier.RANGE else None
    return a._replace(
        currency=currency,
        amount_max=b.amount,
        cue=Cue(Qualifier.RANGE, span),
        per=b.per,
        end=b.end,
        ext_end=b.ext_end,
    )


def _can_join(t: str, a: Candidate, b: Candidate) -> bool:
    if a.currency is None and b.currency is None:
        return False
    if not (
        is_weak(a.currency)
        or is_weak(b.currency)
        or (
            a.currency is not None and b.currency is not None and a.currency.code == b.currency.code
        )
    ):
        return False
    if b.cue is not None or b.ext_start <= a.end:
        return False  # a connector ("-", "to", 至) must stand between them
    gap = _p.PATTERNS.connector.fullmatch(t, a.end, b.ext_start)
    if gap is None:
        return False
    if "and" in gap.group(0).lower() and (a.cue is None or a.cue.qualifier is not Qualifier.RANGE):
        return False
    if a.currency is None and not (a.has_scale or b.has_scale):
        return False
    return not (b.currency is None and not b.has_scale and a.has_scale)


# --- currencies --------------------------------------------------------------------------------

_HAN = regex.compile(r"\p{Han}")
# Characters on each side of a ¥ amount looked at for Han: 人民幣 text writes ¥ for yuan.
_YEN_CONTEXT = 20


# What _currency_of decides: a currency and its source, None (unresolved) or False (no amount).
_Currency = tuple[str, CurrencySource] | Literal[False] | None
_UNASKED: Final = ("", "default")  # by_mark's default in _resolve: never a stored answer


def _currency_of(
    t: str, c: Candidate, default: str | None, declared: str | None, allow_bare_numbers: bool
) -> _Currency:
    """The currency of ``c``; None when it is bare with nothing to decide it (unresolved);
    False when it is no amount (a bare number)."""
    mark = c.currency
    if mark is not None and mark.code not in (_p.BARE, _p.YEN):
        return mark.code, mark.source
    if mark is not None and mark.code == _p.YEN:
        near = t[max(0, c.start - _YEN_CONTEXT) : c.end + _YEN_CONTEXT]
        if default == "JPY" or (default != "CNY" and not _HAN.search(near)):
            return "JPY", "context"
        return "CNY", "context"
    if mark is not None:  # BARE
        if declared is not None:
            return declared, "context"
        if mark.bare_kind == "yuan" and default is not None and default not in _p.YUAN_LOCAL:
            return "CNY", "word"
        return None if default is None else (default, "default")
    if declared is not None and c.cjk and c.has_scale and not c.counted:
        return declared, "context"
    if declared is not None and c.cjk_amount and not c.counted:
        return declared, "context"  # 11億6,400萬 after (港幣,下同)
    if c.cjk_amount and not c.counted and default is not None and c.value > 0:
        return default, "default"  # "500億" in HK text
    if allow_bare_numbers and default is not None:
        return default, "default"
    return False


def _resolve(
    t: str,
    lowered: str | None,
    cands: Iterable[Candidate],
    default: str | None,
    declarations: list[tuple[int, str]],
    allow_bare_numbers: bool,
    skip: list[tuple[int, int]],
    unresolved: list[Candidate],
) -> Iterator[Resolved]:
    """Currencies for candidates: the resolved ones, one at a time, but those overlapping a
    ``skip`` range (sorted, disjoint), each with the far cue before it (see far_cue); those
    left without a currency are appended to ``unresolved``. One pass: each amount is made once."""
    decl_ends = [end for end, _ in declarations]
    skip_starts = [a for a, _ in skip]
    prev_end = 0  # the end of the last amount given out: no far cue reaches across it
    by_mark: dict[CurrencyMark, _Currency] = {}
    for c in cands:
        if c.currency is None and not (c.cjk_amount or c.has_scale or allow_bare_numbers):
            continue  # a bare number with no Chinese scale: no amount, whatever is declared
        i = bisect.bisect_right(decl_ends, c.start) - 1 if decl_ends else -1
        declared = declarations[i][1] if i >= 0 else None
        mark = c.currency
        if declared is None and mark is not None and mark.code != _p.YEN:
            # Then the mark alone decides (see _currency_of): asked once per mark.
            found = by_mark.get(mark, _UNASKED)
            if found is _UNASKED:
                found = by_mark[mark] = _currency_of(t, c, default, None, allow_bare_numbers)
        else:
            found = _currency_of(t, c, default, declared, allow_bare_numbers)
        if found is None:
            unresolved.append(c)
            continue
        if found is False or (skip and _overlaps(skip, skip_starts, c)):
            continue
        end = c.ext_end
        lo = max(prev_end, c.ext_start - _p.FAR_CUE_WINDOW_EN)
        if c.cue is None and c.amount_max is None and lo < c.ext_start:  # a cue needs room
            cue = far_cue(t, lo, c.ext_start, lowered=lowered)
            if cue is not None:
                c = c._replace(cue=cue)
        yield _new_tuple(Resolved, (c, *found))
        if end > prev_end:
            prev_end = end


def _declarations(t: str) -> list[tuple[int, str]]:
    """``(end, currency)`` of each "(港幣,下同)" declaration, in order."""
    out = []
    for m in _p.PATTERNS.declaration.finditer(t):
        cur = _p.CJK_CURRENCY_WORDS.get(m.group("cur"), _p.BARE)
        if cur != _p.BARE:
            out.append((m.end(), cur))
    return out


# --- qualifier cues a few words before an amount -------------------------------------------
# _resolve gives an amount whose cue stands a few words before it in the same clause, with no
# amount between, the qualifier of that cue: "a maximum subsidy of $200,000", 最高資助額為50萬元
# (see FAR_QUALIFIER_CUES). A cue right before the amount has been read already and wins.

# Where a far cue's clause ends: no cue reaches across these.
_CLAUSE_BREAK = regex.compile(r"[,;.!?\n，、；。！？]")
_EN_GAP_BLOCK = regex.compile(r"[\d$€£¥￥]")
_EN_GAP_END = regex.compile(
    rf"(?:(?<![A-Za-z])(?:{'|'.join(_p.FAR_CUE_LINKS)})|:)\s*\Z", regex.IGNORECASE
)
_WS_RUN = regex.compile(r"\s+")
# Necessary for a far cue: the first three characters of one, searched in the lower-cased
# window (stdlib ``re`` finds a case-sensitive literal alternation fastest, and most amounts
# have no cue before them). Derived from FAR_QUALIFIER_CUES, whose English cues are ASCII.
FAR_CUE_MARK = re.compile("|".join(sorted({re.escape(c[:3]) for c in _p.FAR_QUALIFIER_CUES})))


def _ties_far_cue_zh(gap: str) -> bool:
    """Does the text between a Chinese far cue and the amount tie them (FAR_CUE_GAP_START_ZH)?"""
    gap = gap.strip()
    if not gap or any(noun in gap for noun in _p.FAR_CUE_AMOUNT_NOUNS_ZH):
        return True
    return gap[0] in _p.FAR_CUE_GAP_START_ZH and "的" not in gap


def far_cue(t: str, lo: int, hi: int, *, lowered: str | None = None) -> Cue | None:
    """The far cue in ``t[lo:hi]`` that governs the amount at ``hi``, if any (a bounded window).
    ``lowered`` is ``_money_lexer.folded(t)``, when the caller has it: the pre-filter then
    searches it in place, slicing nothing."""
    if lowered is not None:
        if not FAR_CUE_MARK.search(lowered, lo, hi):
            return None
    elif not FAR_CUE_MARK.search(t[lo:hi].lower()):
        return None
    for stop in _CLAUSE_BREAK.finditer(t, lo, hi):
        lo = stop.end()
    last = None
    for m in _p.PATTERNS.far_cue.finditer(t, lo, hi):
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
        or cue_in_other_word(t, last.start(), cue)
        or t.startswith(("的", "之"), last.end())  # 最高的大廈: "the highest", no ceiling
        or not _ties_far_cue_zh(gap)
    ):
        return None
    qualifier = _p.FAR_QUALIFIER_CUES[_WS_RUN.sub(" ", cue.lower())]
    return Cue(qualifier, (last.start(), last.end()))


# --- pairs and the linked rate -------------------------------------------------------------

_CLOSE_BRACKET = regex.compile(r"\s*[)）]")


# A resolved amount, the amount right before or after it that it is paired with (None when
# unpaired), and whether that partner is the next amount (else the one before). A plain tuple:
# one is made per amount, and a NamedTuple's constructor is a Python call.
Paired = tuple[Resolved, Resolved | None, bool]


def _paired(t: str, resolved: Iterable[Resolved]) -> Iterator[Paired]:
    """Amounts followed by their bracketed other-currency amount: "HK$24 billion (US$3.07
    billion)", one at a time. A bare "$" bracketed after an HKD amount is the US dollar: the
    amount given out says so. One amount is held back until the next decides its pair."""
    a: Resolved | None = None
    a_partner: Resolved | None = None  # the amount before ``a``, when the two are paired
    for b in resolved:
        if a is None:
            a = b
            continue
        b_partner = None
        ac, bc = a.cand, b.cand
        if (
            a_partner is None
            and bc.ext_start > ac.ext_end  # room for the bracket
            and _p.PATTERNS.pair_open.fullmatch(t, ac.ext_end, bc.ext_start)
            and _CLOSE_BRACKET.match(t[bc.ext_end : bc.ext_end + 3])
        ):
            bare_dollar = bc.currency is not None and bc.currency.bare_kind == "dollar"
            if b.source == "default" and a.currency == "HKD" and bare_dollar:
                b = b._replace(currency="USD", source="context")
            if a.currency != b.currency:
                b_partner = a
                yield a, b, True
                a, a_partner = b, b_partner
                continue
        yield a, a_partner, False
        a, a_partner = b, b_partner
    if a is not None:
        yield a, a_partner, False


def peg_check(hkd: Candidate, usd: Candidate) -> PegCheck:
    """Can HKD/USD, each anywhere within the rounding of its written figure, fall in the band?"""
    low, high = PEG_BAND
    h_amount, h_half, u_amount, u_half = hkd.amount, hkd.half, usd.amount, usd.half  # once each
    h_hi = EXACT.add(h_amount, h_half)
    h_lo = EXACT.subtract(h_amount, h_half)
    u_hi = EXACT.add(u_amount, u_half)
    u_lo = EXACT.subtract(u_amount, u_half)
    # Rates span [h_lo / u_hi, h_hi / u_lo]; compare by cross-multiplying (no division).
    if u_hi <= 0:
        return "inconsistent"
    reaches_low = u_lo <= 0 or h_hi >= EXACT.multiply(low, u_lo)
    reaches_high = h_lo <= EXACT.multiply(high, u_hi)
    return "consistent" if reaches_low and reaches_high else "inconsistent"


# --- the whole pass ------------------------------------------------------------------------


def _overlaps(skip: list[tuple[int, int]], skip_starts: list[int], cand: Candidate) -> bool:
    """Does the expression of ``cand`` overlap a ``skip`` range (disjoint and sorted)? Only the
    last range starting before the expression ends can: every earlier one ends before it."""
    i = bisect.bisect_left(skip_starts, cand.ext_end) - 1
    return i >= 0 and skip[i][1] > cand.ext_start


def build(
    text: str,
    default_currency: str | None,
    skip: Sequence[tuple[int, int]],
    allow_bare_numbers: bool,
    scale: Decimal | None,
) -> Built:
    """Every amount of ``text`` (see the module docstring). ``scale`` multiplies figures with
    no scale of their own; ``allow_bare_numbers`` makes a plain number an amount."""
    unresolved: list[Candidate] = []
    resolved: list[Resolved] = []
    pairs: dict[int, int] = {}
    amounts = build_stream(text, default_currency, skip, allow_bare_numbers, scale, unresolved)
    for r, partner, partner_after in amounts:
        if partner is not None:
            i = len(resolved)
            pairs[i] = i + 1 if partner_after else i - 1
        resolved.append(r)
    return Built(resolved, unresolved, pairs)


def build_stream(
    text: str,
    default_currency: str | None,
    skip: Sequence[tuple[int, int]],
    allow_bare_numbers: bool,
    scale: Decimal | None,
    unresolved: list[Candidate],
) -> Iterator[Paired]:
    """The amounts of :func:`build`, in order, one at a time; the candidates left without a
    currency are appended to ``unresolved``. Each pass holds at most one candidate back, so a
    caller that consumes the amounts as they come never holds the intermediate records of a
    whole text: they die young, before the garbage collector walks them again and again."""
    t = halfwidth(text)
    lowered = folded(t)
    skip_sorted = disjoint_ranges((int(a), int(b)) for a, b in skip)
    keep_bare = allow_bare_numbers or scale is not None  # else bare numbers are dropped
    cands: Iterable[Candidate] = iter_candidates(t, skip_sorted, lowered, keep_bare=keep_bare)
    if scale is not None:
        cands = (
            c if c.has_scale else c._replace(scale=scale, has_scale=True, half_of=c.value)
            for c in cands
        )
    declarations = _declarations(t)
    merged = _merge_ranges(t, cands)
    resolved = _resolve(
        t, lowered, merged, default_currency, declarations, allow_bare_numbers, skip_sorted,
        unresolved,
    )  # fmt: skip
    return _paired(t, resolved)


# --- one expression: parse_money's checks ------------------------------------------------------


def no_amount_error(text: str) -> ParseError:
    """The error for a text parse_money finds no amount in: a currency alone, or nothing."""
    stripped_start = len(text) - len(text.lstrip())
    stripped_end = len(text.rstrip())
    t = halfwidth(text)
    if _p.PATTERNS.currency.search(t) and not (
        _p.PATTERNS.number.search(t) or _p.PATTERNS.words.search(t)
    ):
        return ParseError(
            f"Invalid money amount: {text!r}",
            text,
            (stripped_end, stripped_end),
            hint="expected a number after the currency",
        )
    return ParseError(
        f"Not a money expression: {text!r}",
        text,
        (stripped_start, stripped_end),
        hint="expected an amount such as HK$24 billion",
    )


def check_one_expression(text: str, resolved: list[Resolved]) -> None:
    """Raise :class:`~hkpolicy.errors.ParseError` unless the one amount found is all of
    ``text`` but white space."""
    stripped_start = len(text) - len(text.lstrip())
    stripped_end = len(text.rstrip())
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
