"""find_money's shortcuts and derived tables give what the patterns they stand in for give.

The scanner answers the common cases (no currency before a number, a lone "$", no word after it
that ``post`` reads) with string tests instead of a regex call, and derives its pre-filters from
the same tables as the patterns. Each is checked here against the plain pattern, on generated
text made of the pieces that matter.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import hkpolicy as hk
from hkpolicy import _money_patterns as _p
from hkpolicy._lexicon import MONEY_HALFWIDTH
from hkpolicy._money_candidates import PreParts, post_is_empty, pre_parts
from hkpolicy._money_lexer import folded, halfwidth, number_spans, tokens
from hkpolicy.money import DEFAULT_CURRENCY, find_money, money_unit_of

PATS = _p.PATTERNS


# Pieces that can make or break a currency, cue or gap before a number, or a word after it.
PIECES = [
    "$", "HK", "U.S.", "S", "A", "NT", " ", "\t", "\n", "~", "about ", "approx.", "over", "約",
    "港元", "HKD", ":", "1", "(", ",", ".", "-", "a", "%", "萬", "million", "per year",
    "or more", "€", "\u00a0", "ſ", "K", "\u200d", "\u0301", "\u2014", "～", "\u3000", "￥",
    "¥", "£", "\u2013", "·", "approx", "Kong", "..", "5.", "\n\n",
]  # fmt: skip
# What often stands right before or after a number.
BEFORE_NUMBER = ["$", "HK$", "US$", "S$", "U.S.$", "A$", " $", "$ ", "$:", "~", "", "HKD "]
AFTER_NUMBER = ["$", " $", "$ ", "-$", "$1", "$ 2", " - $", "港元", " million", "", "%", "€5"]


@st.composite
def around_a_number(draw: st.DrawFn) -> tuple[str, int, int]:
    """A text with a number in it, and the number's start and end."""
    before = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=5)))
    before += draw(st.sampled_from(BEFORE_NUMBER))
    number = draw(st.sampled_from(["1", "25", "3.5", "1,000"]))
    after = draw(st.sampled_from(AFTER_NUMBER))
    after += "".join(draw(st.lists(st.sampled_from(PIECES), max_size=5)))
    return before + number + after, len(before), len(before) + len(number)


def _reference_pre(t: str, lo: int, s: int) -> PreParts | None:
    """What the scanner used before the shortcuts: the leftmost match of ``pre`` ending at s."""
    found = PATS.pre.search(t, lo, s)
    assert found is not None  # pre can always match the empty string at s
    cur = found.group("cur") or ""
    cue = found.group("cue") or ""
    if not cur and not cue:
        return None
    return PreParts(
        found.start("cur") if cur else s,
        cur,
        found.start("cue") if cue else s,
        found.end("cue") if cue else s,
        cue,
    )


_PRE_MEMO: dict[str, PreParts | None] = {}


@settings(max_examples=1000, deadline=None)
@given(around_a_number(), st.data())
def test_pre_parts_equal_the_pre_search(case: tuple[str, int, int], data: st.DataObject) -> None:
    text, s, _ = case
    for lo in {0, max(0, s - _p.PRE_WINDOW), data.draw(st.integers(0, s))}:
        expected = _reference_pre(text, lo, s)
        assert pre_parts(text, lo, s, PATS) == expected, (text, lo, s)
        # one memo across examples: a window read in one text is read so in every other
        assert pre_parts(text, lo, s, PATS, _PRE_MEMO) == expected, (text, lo, s)


@settings(max_examples=1000, deadline=None)
@given(around_a_number())
def test_post_is_empty_only_where_post_matches_nothing(case: tuple[str, int, int]) -> None:
    text, _, e = case
    stop = min(len(text), e + _p.POST_WINDOW)
    if post_is_empty(text, e, stop, PATS.post_first_words):
        found = PATS.post.match(text, e, stop)
        assert found is None or found.end() == e, (text, e, found)


def test_lone_dollar_shortcut_cases() -> None:
    # Checked by hand: each "$" here is the whole currency, with nothing before it that could
    # extend it to "HK$" or "U.S.$" or add a cue.
    for text, s in [("$1", 1), ("($5 million)", 2), ("1$2", 2), ("x;$3", 3), ("$1$2", 3)]:
        assert pre_parts(text, 0, s, PATS) == (s - 1, "$", s, s, "")
    # And where the shortcut must not fire: the regex reads a longer currency or a cue.
    assert pre_parts("HK$1", 0, 3, PATS) == (0, "HK$", 3, 3, "")
    assert pre_parts("U.S.$1", 0, 5, PATS) == (0, "U.S.$", 5, 5, "")
    assert pre_parts("~$1", 0, 2, PATS) == (1, "$", 0, 1, "~")
    assert pre_parts("about $1", 0, 7, PATS) == (6, "$", 0, 5, "about")


def test_dollar_digit_run_is_every_amount() -> None:
    found = find_money("$1$22$3", default_currency="HKD")
    assert [(m.span.text, str(m.money.amount)) for m in found] == [
        ("$1", "1"),
        ("$22", "22"),
        ("$3", "3"),
    ]


PLAIN_PIECES = [
    *PIECES, "1", "25", "3.5", "$1", "$2", "e", "E", "+", "_", "x", "2024-", "\u0301", "分之",
    "億", "萬", "%", "人", "年", "/year", "annual ", "$ ", "1e5", ";", "(", ")", "\n", "五",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PLAIN_PIECES), max_size=14).map("".join))
def test_plain_numbers_read_as_the_full_reading_reads_them(text: str) -> None:
    """Numbers with nothing around them to read skip the patterns (plain_start, plain_end): the
    candidates equal those of the full reading of every number."""
    from hkpolicy import _money_candidates as candidates

    fast = candidates.candidates(text, [])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(candidates, "plain_start", lambda t, s, lo, words: -1)
        assert candidates.candidates(text, []) == fast, text


RANGE_PIECES = [
    "1", "25", "2024", " ", "-", " to ", " and ", "至", "HK$", "$", "US$", " million", "億",
    "5萬", "元", ",", "between ", "about ", "(", ")", "\u2013", "~", "五", "人", "%",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(RANGE_PIECES), max_size=14).map("".join))
def test_lone_bare_numbers_left_out_change_no_amount(text: str) -> None:
    """find_money leaves out bare numbers with no currency on either side early
    (iter_candidates): every amount, range, cue and pair is what keeping them gives."""
    from hkpolicy import _money_build, _money_candidates

    found = _money_build.build(text, "HKD", [], False, None)

    def keeping(t: str, skip: list[tuple[int, int]], lowered: str | None = None,
                *, keep_bare: bool = True) -> Iterator[object]:  # fmt: skip
        return _money_candidates.iter_candidates(t, skip, lowered, keep_bare=True)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_money_build, "iter_candidates", keeping)
        assert _money_build.build(text, "HKD", [], False, None) == found, text


# --- pre-filters derived from the tables --------------------------------------------------------

WORD_PIECES = [
    "one", "Two", "THREE", "forty", "-", "five", " ", "  ", "\n", "and", "a", "half", "quarter",
    "quarters", "hundred", "thousand", "million", "ſeven", "ſix", "K", "İ", "x", "1", "some",
    "often", "a ", "A ", "tens", "$", "ninety", ".",
]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=12).map("".join))
def test_number_word_runs_equal_the_words_pattern(text: str) -> None:
    spans, word_starts = tokens(text)
    runs = [span for span in spans if span[0] in word_starts]
    assert runs == [m.span() for m in PATS.words.finditer(text)], text


# Full-width forms halfwidth converts and others it leaves (＋, Ａ), next to what money reads.
HALFWIDTH_PIECES = [*MONEY_HALFWIDTH.chars, "＋", "－", "Ａ", "１２", "港元", "HK$", "5", " ", "é"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(HALFWIDTH_PIECES), max_size=8).map("".join))
def test_halfwidth_equals_the_full_conversion(text: str) -> None:
    """Skipping the conversion when no full-width form it converts is present changes nothing."""
    assert halfwidth(text) == text.translate(MONEY_HALFWIDTH.table), text


def test_halfwidth_converts_each_full_width_form_alone() -> None:
    for char in MONEY_HALFWIDTH.chars:
        assert halfwidth(f"港幣{char}") == "港幣" + MONEY_HALFWIDTH.table[ord(char)]


# What a number token is made of and what may stand next to one: digits of other scripts
# (Arabic-Indic, a mathematical digit and a Garay digit outside the BMP, an emoji that is none),
# numerals, separators, the spaces of "3 250 000 €", a lone ".".
NUMBER_PIECES = [
    "1", "25", "999", "1234", "0", "\u0661", "\U0001d7ce", "\U00010d40", "\U0001f600", "一",
    "十", "百", "萬", "億", "點", "点", ",", ".", "'", "\u00a0", "\u202f", " ", "€", "£", "EUR",
    "EURO", "$", "a", "-", "\u200d", "%", "\n",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_PIECES), max_size=16).map("".join))
def test_number_spans_equal_the_number_pattern(text: str) -> None:
    found = [m.span() for m in PATS.number.finditer(text)]
    assert number_spans(text, PATS.number) == found, text


def test_number_spans_cut_long_runs_as_the_pattern_does() -> None:
    for unit in ("9", "9,", "1.", "一", "1點", "\U0001d7ce"):
        text = unit * (3 * _p.MAX_TOKEN_PIECES)
        assert number_spans(text, PATS.number) == [m.span() for m in PATS.number.finditer(text)]


def test_number_starts_hold_every_digit_the_number_pattern_reads() -> None:
    """Every character of the BMP the number pattern reads as a token starts a run."""
    chars = [chr(c) for c in (*range(0xD800), *range(0xE000, 0x10000))]
    digits = [c for c in chars if PATS.number.fullmatch(c)]
    assert {"0", "9", "\u0661", "一", "兆"} <= set(digits)
    assert all(_p.number_starts().fullmatch(c) for c in digits)


NOT_MONEY_SAMPLES = ["%", "％", "per cent", "Percent", "PER CENT", "個百分點", "人", "項", "年"]


def test_not_money_first_holds_the_first_character_of_every_branch() -> None:
    for fragment in _p.NOT_MONEY_AFTER:
        first = fragment.removeprefix("(?:")[0]
        assert {first.lower(), first.upper()} <= PATS.not_money_first, fragment
    for sample in NOT_MONEY_SAMPLES:
        assert PATS.not_money_after.match(" " + sample), sample
        assert sample[0] in PATS.not_money_first, sample


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="%％pPeErRcCnNt 個百分點人民項目年a", max_size=8))
def test_not_money_after_starts_only_where_the_first_characters_say(text: str) -> None:
    found = PATS.not_money_after.match(text)
    if found is not None:
        assert text.lstrip()[:1] in PATS.not_money_first, text


def test_every_known_currency_is_named_by_a_code_and_every_table_names_a_known_one() -> None:
    assert set(_p.CODES.values()) == _p.KNOWN_CURRENCIES
    for table in (_p.SYMBOLS, _p.EN_CURRENCY_WORDS, _p.CJK_CURRENCY_WORDS):
        assert set(table.values()) <= _p.KNOWN_CURRENCIES | {_p.BARE, _p.YEN}
    assert _p.YUAN_LOCAL <= _p.KNOWN_CURRENCIES
    assert DEFAULT_CURRENCY in _p.KNOWN_CURRENCIES


def test_every_scanner_defaults_to_the_same_currency() -> None:
    for function in (hk.find_money, hk.parse_money, money_unit_of, hk.extract):
        default = inspect.signature(function).parameters["default_currency"].default
        assert default == DEFAULT_CURRENCY, function.__name__


def test_period_words_before_an_amount_are_found_by_the_pre_filter() -> None:
    from hkpolicy import _money_candidates as candidates

    for word in _p.PER_BEFORE_EN:
        assert candidates._PER_BEFORE_MARK.search(word.upper()), word
        assert PATS.per_before.search(f"{word} funding "), word
    for word in _p.PER_BEFORE_ZH:
        assert candidates._PER_BEFORE_MARK.search(word), word
        assert PATS.per_before.search(f"{word}撥款"), word


def test_period_words_match_case_blind_only_their_own_letters() -> None:
    """The folded text (lower-cased, same length) holds a period word exactly where the
    case-blind pre-filter finds one in the text: no character outside ASCII matches one of
    their letters case-blind ("K" would match "k", "ſ" would match "s")."""
    every = "".join(chr(c) for c in (*range(0xD800), *range(0xE000, 0x110000)))
    letters = {ch for word in (*_p.PER_BEFORE_EN, *_p.PER_BEFORE_ZH) for ch in word}
    for letter in letters:
        for ch in re.findall(re.escape(letter), every, re.IGNORECASE):
            assert ch.lower() == letter.lower(), (letter, ch)


PERIOD_PIECES = ["annual", "Annually", "YEARLY", "monthly", "每年", "每月", "ΑΣ", "İ", " ", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PERIOD_PIECES), max_size=8).map("".join), st.data())
def test_period_word_pre_filter_on_folded_text_equals_it_on_the_text(
    text: str, data: st.DataObject
) -> None:
    from hkpolicy import _money_candidates as candidates

    lowered = folded(text)
    if lowered is None:
        return
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    old = candidates._PER_BEFORE_MARK.search(text, lo, hi)
    new = candidates._PER_BEFORE_LOWER.search(lowered, lo, hi)
    assert (old is None) == (new is None), (text, lo, hi)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(_p.SYMBOLS)), st.sampled_from(["", " "]))
def test_every_symbol_is_read_on_either_side_of_the_figure(symbol: str, space: str) -> None:
    """The symbols before and after a number both come from SYMBOLS: none is read on one side
    only ("500 AU$" as "AU$500")."""
    before = find_money(f"Fee: {symbol}500 each", default_currency="HKD")
    after = find_money(f"Fee: 500{space}{symbol} each", default_currency="HKD")
    assert [m.money for m in before] == [m.money for m in after], symbol
    assert len(before) == 1, symbol


# --- Han characters next to a number ----------------------------------------------------------

# Han characters that end a cue or currency, start a scale, currency, cue or period word, or
# neither (月, 之, 分, 推): what pre_is_empty and post_is_empty tell apart without a pattern.
HAN_PIECES = [
    "月", "日", "日元", "之", "分之", "份之", "年", "於", "每日", "每", "以上", "以", "留", "可",
    "為", "最高", "最", "港", "港元", "元", "円", "預計", "約", "超過", "過", "近", "百", "億",
    "萬", "人", "人民幣", "撥款", "新加坡", " ", "\u3000", "，", "5", "$", "HK$", "about ", "%",
]  # fmt: skip


@st.composite
def han_around_a_number(draw: st.DrawFn) -> tuple[str, int, int]:
    """A text with Han characters around a number, and the number's start and end."""
    before = "".join(draw(st.lists(st.sampled_from(HAN_PIECES), max_size=5)))
    number = draw(st.sampled_from(["1", "25", "3.5", "1,000"]))
    after = "".join(draw(st.lists(st.sampled_from(HAN_PIECES), max_size=4)))
    return before + number + after, len(before), len(before) + len(number)


@settings(max_examples=1500, deadline=None)
@given(han_around_a_number(), st.data())
def test_pre_parts_equal_the_pre_search_next_to_han(
    case: tuple[str, int, int], data: st.DataObject
) -> None:
    text, s, _ = case
    for lo in {0, max(0, s - _p.PRE_WINDOW), data.draw(st.integers(0, s))}:
        assert pre_parts(text, lo, s, PATS) == _reference_pre(text, lo, s), (text, lo, s)


@settings(max_examples=1500, deadline=None)
@given(han_around_a_number())
def test_post_is_empty_next_to_han_only_where_post_matches_nothing(
    case: tuple[str, int, int],
) -> None:
    text, _, e = case
    stop = min(len(text), e + _p.POST_WINDOW)
    if post_is_empty(text, e, stop, PATS.post_first_words):
        found = PATS.post.match(text, e, stop)
        assert found is None or found.end() == e, (text, e, found)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from([*HAN_PIECES, "2024-", "e", "-", "+", "1e-", "27 ", "百"]),
                max_size=12).map("".join))  # fmt: skip
def test_numbers_next_to_han_read_as_the_full_reading_reads_them(text: str) -> None:
    """The plain-number path and the numbers left out as no amount (no_amount_marks)
    give the candidates of the full reading of every number."""
    from hkpolicy import _money_candidates as candidates

    fast = candidates.candidates(text, [])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(candidates, "plain_start", lambda t, s, lo, words: -1)
        patch.setattr(candidates, "no_amount_marks", lambda pats: frozenset())
        assert candidates.candidates(text, []) == fast, text


# Every Han character: the CJK Unified Ideographs and their Extension A (_money_quiet.is_han).
HAN = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000))]


def test_is_han_holds_exactly_the_han_blocks() -> None:
    from hkpolicy._money_quiet import is_han

    assert all(is_han(ch) for ch in HAN)
    assert not any(is_han(chr(c)) for c in (0x33FF, 0x4DC0, 0x4DFF, 0xA000, 0x3000, 0xFF05))


def test_pre_reads_no_letter_outside_ascii_but_those_it_writes() -> None:
    """pre_letters holds every non-ASCII letter ``pre`` writes, so every last letter of its
    Chinese cues and currencies; the one way ``pre`` reads another is the Han gap after a cue
    (``\\p{Han}{0,2}``): its only escapes are \\s, \\p{Han} and \\Z, and its character classes
    hold ASCII ranges and single signs."""
    source = PATS.pre.pattern
    assert set(re.findall(r"\\p\{\w+\}|\\[A-Za-z]", source)) == {r"\s", r"\p{Han}", r"\Z"}
    assert source.count(r"\p{Han}") == 1
    for cls in re.findall(r"(?<!\\)\[(.*?)(?<!\\)\]", source):
        for low, high in re.findall(r"(.)-(.)", cls):
            assert low.isascii() and high.isascii(), cls
    for cue in _p.QUALIFIER_CUES:
        assert cue.isascii() or cue[-1] in PATS.pre_letters, cue
    for word in _p.CJK_CURRENCY_WORDS:
        assert word[-1] in PATS.pre_letters, word


def _nonempty(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """``pattern`` matching at least one character."""
    return regex.compile(pattern.pattern + r"(?<=[\s\S])", pattern.flags)


def test_post_starts_a_han_character_only_with_its_han_words() -> None:
    """``post`` reads a Han character first only where one of post_han_words starts: no other
    Han character can begin a match (checked on every one, with partial matching), and along
    each word no other character can continue one."""
    post = _nonempty(PATS.post)
    words = PATS.post_han_words
    firsts = {word[0] for word in words}
    for ch in HAN:
        if ch not in firsts:
            assert post.match(ch, partial=True) is None, ch
    written = {ch for ch in PATS.post.pattern if not ch.isascii()} | {"月", "之", "x", " "}
    prefixes = {word[:k] for word in words for k in range(1, len(word))}
    for prefix in prefixes:
        if prefix.startswith(words):
            continue  # a whole word is read already
        for ch in written:
            longer = prefix + ch
            if longer.startswith(words) or longer in prefixes:
                continue
            assert post.match(longer, partial=True) is None, longer


def test_no_amount_marks_make_a_number_no_amount_and_end_it() -> None:
    from hkpolicy._money_quiet import PERCENT_FRACTION_TAIL, no_amount_marks

    for ch in PATS.not_money_chars:
        assert PATS.not_money_after.match(ch), ch
        assert find_money(f"HK$5{ch}", default_currency="HKD") == [], ch
    for ch in no_amount_marks(PATS):
        assert not (ch.isspace() or ch.isdigit() or ch in "億亿萬万"), ch
    assert {"%", "年", "張"} <= PATS.not_money_chars
    assert {tail[0] for tail in PERCENT_FRACTION_TAIL} <= no_amount_marks(PATS)


def _assert_same_candidates_without(text: str, shortcut: str) -> None:
    """The candidates of ``text`` equal those read with ``shortcut`` of _money_candidates never
    answering (the full pattern after every number)."""
    from hkpolicy import _money_candidates as candidates

    fast = candidates.candidates(text, [])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(candidates, shortcut, lambda *args: None)
        assert candidates.candidates(text, []) == fast, text


# --- a scale and nothing after it ---------------------------------------------------------------

SCALE_PIECES = [
    " million", " billion", "m", "bn", " mn", " - million", "-million", " thouſand", " MILLION",
    " millions", " thousand", " dollars", " HKD", "HK$", " or more", " a year", " per annum",
    " for", " (", ")", "$", "$5", " 萬", "萬", "港元", "元", "\n", " ", "m.", " mil", "k", "b",
    " and", " to", "/year", "-", "e", "%", " cents", " 50",
]  # fmt: skip


@st.composite
def scale_after_a_number(draw: st.DrawFn) -> tuple[str, int]:
    """A text with a number and what may follow it, and the number's end."""
    before = draw(st.sampled_from(["", "HK$", "$", "about ", "US$", "約"]))
    number = draw(st.sampled_from(["5", "47", "3.5", "1,000", "fifty"]))
    after = "".join(draw(st.lists(st.sampled_from(SCALE_PIECES), max_size=5)))
    return before + number + after, len(before) + len(number)


@settings(max_examples=1500, deadline=None)
@given(scale_after_a_number())
def test_scale_alone_is_what_post_reads(case: tuple[str, int]) -> None:
    """Where scale_alone answers, ``post`` reads that scale and nothing after it."""
    from hkpolicy._money_units import scale_after, scale_alone

    text, e = case
    stop = min(len(text), e + _p.POST_WINDOW)
    alone = scale_alone(text, e, stop, False, PATS)
    if alone is None:
        return
    post = PATS.post.match(text, e, stop)
    assert post is not None and post.end() == alone[1], (text, post)
    assert not any(post.group(name) for name in ("cur", "scale2", "postcue", "per")), text
    assert scale_after(post, False) == alone, text


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from([*SCALE_PIECES, "5", "47", "HK$", "US$", "about "]),
                max_size=12).map("".join))  # fmt: skip
def test_numbers_before_a_scale_read_as_the_full_reading_reads_them(text: str) -> None:
    _assert_same_candidates_without(text, "scale_alone")


def test_scale_alone_reads_the_common_cases() -> None:
    from hkpolicy._money_units import scale_alone

    million, billion = Decimal(10**6), Decimal(10**9)
    text = "set aside $47 billion for the fund"
    assert scale_alone(text, 13, len(text), False, PATS) == (billion, 21, False)
    text = "HK$6965 million (US$847 million)"
    assert scale_alone(text, 7, len(text), False, PATS) == (million, 15, False)
    # post reads more: the full pattern decides
    for text in ("5 million dollars", "5 million a year", "5 million or more", "5 million HKD"):
        assert scale_alone(text, 1, len(text), False, PATS) is None, text


# --- a Chinese currency word and nothing after it -----------------------------------------------

CURRENCY_PIECES = [
    "元", "港元", "元人民幣", "人民幣", "新加坡元", "新加坡", "円", "日", "日元", "美金", "推動",
    "，", "以上", "左右", "每年", "每日", "/年", " ", " million", "萬", "千萬", "港", "(", "5",
    "HKD", "$", "或以上", "元三毛",
]  # fmt: skip


@st.composite
def currency_after_a_number(draw: st.DrawFn) -> tuple[str, int]:
    """A text with a number written with a Chinese scale, what follows it, and its end."""
    number = draw(st.sampled_from(["500億", "5,000萬", "801萬", "3.96億", "五億", "5"]))
    after = "".join(draw(st.lists(st.sampled_from(CURRENCY_PIECES), max_size=4)))
    return number + after, len(number)


@settings(max_examples=1500, deadline=None)
@given(currency_after_a_number())
def test_currency_alone_is_what_post_reads(case: tuple[str, int]) -> None:
    """Where currency_alone answers, ``post`` reads that currency and nothing else."""
    from hkpolicy._money_quiet import currency_alone

    text, e = case
    stop = min(len(text), e + _p.POST_WINDOW)
    alone = currency_alone(text, e, stop, PATS)
    if alone is None:
        return
    post = PATS.post.match(text, e, stop)
    assert post is not None and post.end() == alone[1], (text, post)
    assert (post.group("cur"), post.end("cur")) == alone, text
    assert not any(post.group(name) for name in ("scale", "scale2", "postcue", "per")), text


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from([*CURRENCY_PIECES, "500億", "801萬", "五億", "約", "HK$"]),
                max_size=10).map("".join))  # fmt: skip
def test_numbers_before_a_currency_word_read_as_the_full_reading_reads_them(text: str) -> None:
    _assert_same_candidates_without(text, "currency_alone")


def test_post_tries_no_other_currency_at_a_han_character() -> None:
    """The currency group's other alternatives (codes, English words, symbol prefixes) are
    ASCII, so at a Han character only post_han_currencies can match, as currency_alone says."""
    from hkpolicy import _lexicon
    from hkpolicy._money_quiet import currency_alone

    assert all(code.isascii() for code in _p.CODES)
    assert all(word.isascii() for word in _p.EN_CURRENCY_WORDS)
    assert all(prefix.isascii() for prefix in _lexicon.dollar_prefixes())
    assert PATS.post_han_currencies["元"][-1] == "元"  # longest first, as post tries them
    assert PATS.post_han_currencies["円"] == ("円",)
    text = "政府會預留203億元推動創新科技"
    assert currency_alone(text, 9, len(text), PATS) == ("元", 10)
    for text in ("500億元以上", "500億元每日", "500億推動"):
        assert currency_alone(text, 4, len(text), PATS) is None, text
