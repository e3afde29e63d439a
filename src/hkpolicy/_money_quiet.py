"""Character tests that stand in for the money patterns next to a number.

Owns the shortcuts of the money scanner (:mod:`hkpolicy._money_candidates`): most numbers have
nothing before them that ``pre`` can read and nothing after them that ``post`` can read, and a
look at a character or a word says so without a regex call (:func:`pre_is_empty`,
:func:`post_is_empty`); a number with neither, and no currency but a lone "$", is read with no
pattern at all (:func:`plain_start`, :func:`plain_end`). tests/test_money_shortcuts.py checks
each against the patterns it stands in for.
"""

from __future__ import annotations

from . import _money_patterns as _p

__all__ = [
    "ASCII_SPACE",
    "ENDS_NO_PREFIX",
    "MYRIAD_YI",
    "PERCENT_FRACTION_TAIL",
    "POST_STOP",
    "PRE_STOP",
    "currency_alone",
    "ends_nothing",
    "is_han",
    "no_amount_marks",
    "plain_end",
    "plain_start",
    "post_is_empty",
    "pre_is_empty",
]


def __dir__() -> list[str]:
    return __all__


# --- before a number ----------------------------------------------------------------------------

# ASCII characters no cue, currency or gap of ``pre`` can end with (letters, "$", "~", ".",
# ":" and white space are looked at more closely); see pre_is_empty.
PRE_STOP = frozenset(
    ch for ch in map(chr, range(128)) if not ch.isalpha() and ch not in "$~.: \t\n\r\f\v"
)
ASCII_SPACE = " \t\n\r\f\v"


def pre_is_empty(t: str, lo: int, s: int, final_words: frozenset[str]) -> bool:
    """True when ``pre`` searched in ``t[lo:s]`` can only give its empty match at ``s``.

    ``pre`` ends at ``s`` with a currency (then white space and a colon) or a cue (then a gap of
    white space and Han). Walking back over ASCII white space and one colon, a non-empty match
    needs the character reached to end a currency or cue: a letter ending one of
    ``final_words``, "$", "~", a non-ASCII character, or a "." after such a letter (no
    currency ends with a dot; a cue may: "approx."). Anything else rules it out, and so does a
    Han character that ends no cue or currency when no cue can end before it (see
    _gap_only).
    """
    i = s - 1
    while i >= lo and t[i] in ASCII_SPACE:
        i -= 1
    if i >= lo and t[i] == ":":
        i -= 1
        while i >= lo and t[i] in ASCII_SPACE:
            i -= 1
    if i < lo:
        return True
    ch = t[i]
    if ch in PRE_STOP:
        return True
    if ch == ".":  # only a cue ends with a dot ("approx."): its word is looked at
        if i == lo or (t[i - 1].isascii() and not t[i - 1].isalpha()):
            return True
        i -= 1
        ch = t[i]
    if not ch.isascii():
        if ends_nothing(ch):
            return True  # a zero-width joiner, a combining accent, a dash: no currency or cue
        return _gap_only(t, lo, i, _p.PATTERNS.pre_letters)
    if not ch.isalpha():
        return False
    j = i
    while j >= lo and t[j].isascii() and t[j].isalpha():
        j -= 1
    if j >= lo and not t[j].isascii():
        return False  # "ſome": regex case folding may read it as a cue
    if j < lo and lo > 0 and t[lo - 1].isalpha():
        return False  # the word runs on before the window
    return t[j + 1 : i + 1].lower() not in final_words


def is_han(ch: str) -> bool:
    """``ch`` is in the CJK Unified Ideographs or their Extension A (the Han characters of
    Chinese text), which no case folding relates to any other character."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _gap_only(t: str, lo: int, i: int, letters: frozenset[str]) -> bool:
    """True when ``pre`` searched in ``t[lo:]`` cannot end at ``t[i]``: a Han character not in
    ``letters`` (Patterns.pre_letters, every letter outside ASCII that ``pre`` writes), so it
    ends no cue or currency and could only be part of the gap after a cue, of at most two Han
    characters (``cue_gap``). That needs a cue to end right before the gap: at ``i - 1``, or
    at ``i - 2`` when ``t[i - 1]`` is a Han character of the gap too. No cue ends with a Han
    character outside ``letters``, a digit, or an ASCII sign but "$", "~", ".", ":"; white
    space before the gap may follow a cue, so it rules out nothing."""
    if not is_han(t[i]) or t[i] in letters:
        return False
    j = i - 1
    if j >= lo and is_han(t[j]) and t[j] not in letters:
        j -= 1
    if j < lo:
        return True
    ch = t[j]
    if ch.isascii():
        return ch in PRE_STOP
    if is_han(ch):
        return ch not in letters
    return ends_nothing(ch)


# The non-ASCII signs of the current ``pre`` and ``post`` patterns, by the patterns' identity
# (callers may rebuild them with compile_patterns).
_SIGNS: dict[int, frozenset[str]] = {}


def ends_nothing(ch: str) -> bool:
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


# ASCII characters that end no symbol prefix ("HK", "U.S."), cue ("approx.", "~") or cue gap:
# a "$" right after one of them (or at the window's start) is a currency on its own.
ENDS_NO_PREFIX = frozenset("0123456789$(),;:|[]{}<>=+*/&#@!?%'\"-_")


# --- after a number -----------------------------------------------------------------------------

# ASCII characters no part of ``post`` can start with, after white space and one hyphen.
POST_STOP = frozenset(ch for ch in map(chr, range(128)) if not ch.isalpha() and ch not in "$/-")


def post_is_empty(t: str, e: int, stop: int, first_words: frozenset[str]) -> bool:
    """True when ``post`` matched at ``e`` (up to ``stop``) can only match the empty string.

    Every group of ``post`` starts, after white space and at most one hyphen, with one of its
    Han words (Patterns.post_han_words: a scale, currency, cue or period word), a currency
    sign, "/" (/year) or an ASCII word from ``first_words`` (a scale, code, currency word,
    "or", a period word): any other ASCII word, Han character or ASCII character rules it out.
    """
    i = e
    while i < stop and t[i] in ASCII_SPACE:
        i += 1
    if i < stop and t[i] == "-":
        i += 1
        while i < stop and t[i] in ASCII_SPACE:
            i += 1
    if i >= stop or t[i] in POST_STOP:
        return True
    if t[i] == "$":  # a currency only when no number follows: "$5$6" is two amounts
        j = i + 2 if i + 2 < stop and t[i + 1] in ASCII_SPACE else i + 1
        return j < stop and "0" <= t[j] <= "9"
    if not t[i].isascii():
        if ends_nothing(t[i]):
            return True  # a zero-width joiner, a combining accent, a dash: no scale or currency
        return is_han(t[i]) and not t.startswith(_p.PATTERNS.post_han_words, i)
    if not t[i].isalpha():
        return False
    j = i
    while j < stop and t[j].isascii() and t[j].isalpha():
        j += 1
    if j < stop and t[j].isalpha():
        return False  # "yeſ": regex case folding may read more of the word
    return t[i:j].lower() not in first_words


def currency_alone(t: str, e: int, stop: int, pats: _p.Patterns) -> tuple[str, int] | None:
    """``(currency, end)`` where ``post``, matched at ``e`` (up to ``stop``), reads a Chinese
    currency word (or 円) right there and nothing after it, as in 500億元推動; else None.

    ``post`` matches its optional groups in turn. Its scale group is asked (post_scale); its
    currency group, at a Han character, can only read one of Patterns.post_han_currencies (its
    other alternatives are ASCII, and its gap matches nothing before a Han character), the
    first that matches in the order given; post_is_empty says no later group can start where
    the currency ends."""
    if e >= stop or not is_han(t[e]):
        return None
    tried = pats.post_han_currencies.get(t[e])
    if tried is None:
        return None
    scaled = pats.post_scale.match(t, e, stop)
    if scaled is not None and scaled.end() > e:
        return None
    for word in tried:
        end = e + len(word)
        if end <= stop and t.startswith(word, e):
            return (word, end) if post_is_empty(t, end, stop, pats.post_first_words) else None
    return None


# --- numbers with nothing around them to read --------------------------------------------------

# 億 and 亿: after a space, the number may go on ("27 億 8,000 萬"; see _money_candidates).
MYRIAD_YI = "億亿"
# What follows the 百 of 百分之 ("per hundred"): never money (see _money_candidates).
PERCENT_FRACTION_TAIL = ("分之", "份之")
_FRACTION_FIRST = frozenset(tail[0] for tail in PERCENT_FRACTION_TAIL)


def no_amount_marks(pats: _p.Patterns) -> frozenset[str]:
    """Characters that, right after a number, may make it no amount whatever stands before it
    (_is_no_amount of _money_candidates): the one-character branches of ``not_money_after``
    ("12%", 2019年), and the first of 分之 (the 百 of 百分之). None is white space, a digit or
    億, so a number right before one does not go on past it ("27 億 8,000 萬")."""
    return pats.not_money_chars | _FRACTION_FIRST


def plain_start(t: str, s: int, lo: int, final_words: frozenset[str]) -> int:
    """Where the amount of the number at ``s`` starts when nothing before it needs a pattern:
    at ``s`` (``pre`` reads nothing, see pre_is_empty) or at a lone "$" (as pre_parts reads
    it); -1 when the full reading must look: a "$" after a prefix, a letter, digit or "_"
    right before the number (a word or a code), or "e+" / "e-" (an exponent). ``lo`` starts
    the window pre_parts would search."""
    if s == 0:
        return 0
    p = t[s - 1]
    if p == "$":
        return s - 1 if s > lo and (s - 1 == lo or t[s - 2] in ENDS_NO_PREFIX) else -1
    if (
        p.isascii()
        and (p.isalnum() or p in "_+-")
        and (p not in "+-" or (s >= 2 and t[s - 2] in "eE"))
    ):
        return -1
    return s if pre_is_empty(t, lo, s, final_words) else -1


def plain_end(
    t: str, e: int, n: int, not_first: frozenset[str], first_words: frozenset[str]
) -> bool:
    """True when nothing after the number ending at ``e`` can be read: ``post`` reads nothing
    (see post_is_empty), and nothing makes the number no amount (_is_no_amount of
    _money_candidates: %, a counter, an exponent, 分之) or carries it on ("27 億")."""
    if e == n:
        return True
    q = t[e]
    if q in "eE" or (q == " " and e + 1 < n and t[e + 1] in MYRIAD_YI):
        return False
    if q in _FRACTION_FIRST and t.startswith(PERCENT_FRACTION_TAIL, e):
        return False
    i = e
    while i < n and t[i] in ASCII_SPACE:
        i += 1
    if i < n and (t[i] in not_first or (not t[i].isascii() and t[i].isspace())):
        return False
    return post_is_empty(t, e, min(n, e + _p.POST_WINDOW), first_words)
