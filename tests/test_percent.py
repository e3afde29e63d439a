"""Tests for hkpolicy.percent: parse_percentage, find_percentages, Percentage round trips.

Every sentence below was written for these tests in the forms Hong Kong texts use; every expected
value was checked by hand against its sentence. Seed expectations come from reading the seeds.
"""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hkpolicy import percent
from hkpolicy._scanning import AnchoredPattern, anchored_matches
from hkpolicy.errors import ParseError
from hkpolicy.percent import Percentage, find_percentages, parse_percentage
from hkpolicy.spans import Qualifier
from tests.conftest import seed_text

Q = Qualifier


class Example(NamedTuple):
    text: str
    value: str
    qualifier: Qualifier = Q.EXACT
    value_max: str | None = None
    unit: str = "percent"
    reason: str = ""


# One expression per row: parse_percentage must read the whole text to this value.
PERCENT_EXAMPLES = [
    Example("42%", "42", reason="plain"),
    Example("42 %", "42", reason="space before the sign"),
    Example("42％", "42", reason="full-width sign"),
    Example("４２％", "42", reason="full-width digits and sign"),
    Example("6.7 per cent", "6.7", reason="HK Government style"),
    Example("6.7 percent", "6.7"),
    Example("+21 %", "21", reason="explicit plus sign"),
    Example("-2.914%", "-2.914", reason="negative change keeps its sign"),
    Example("−3%", "-3", reason="Unicode minus"),
    Example("80%+", "80", Q.AT_LEAST, reason="trailing plus is at least"),
    Example("80% or more", "80", Q.AT_LEAST),
    Example("40-45%", "40", Q.RANGE, "45", reason="hyphen range"),
    Example("40–45%", "40", Q.RANGE, "45", reason="en dash range"),
    Example("40% to 45%", "40", Q.RANGE, "45"),
    Example("between 40 and 45 per cent", "40", Q.RANGE, "45"),
    Example("2 percentage points", "2", unit="percentage_point"),
    Example("1 percentage point", "1", unit="percentage_point"),
    Example("0.5pp", "0.5", unit="percentage_point"),
    Example("0.5 ppt", "0.5", unit="percentage_point"),
    Example("2.5個百分點", "2.5", unit="percentage_point", reason="traditional"),
    Example("三个百分点", "3", unit="percentage_point", reason="simplified"),
    Example("百分之四十二", "42"),
    Example("百分之4.5", "4.5"),
    Example("百分之一百", "100"),
    Example("百分之二十至三十", "20", Q.RANGE, "30"),
    Example("千分之二點四", "0.24", reason="per mille"),
    Example("七成", "70"),
    Example("三成半", "35"),
    Example("半成", "5"),
    Example("九成九", "99"),
    Example("四至五成", "40", Q.RANGE, "50"),
    Example("approximately 42%", "42", Q.APPROXIMATELY),
    Example("about 15 per cent", "15", Q.APPROXIMATELY),
    Example("nearly 60%", "60", Q.APPROXIMATELY),
    Example("at least 30%", "30", Q.AT_LEAST),
    Example("over 30%", "30", Q.MORE_THAN),
    Example("more than 2 percentage points", "2", Q.MORE_THAN, unit="percentage_point"),
    Example("up to 50%", "50", Q.UP_TO),
    Example("less than 5%", "5", Q.LESS_THAN),
    Example("約42%", "42", Q.APPROXIMATELY),
    Example("逾三成", "30", Q.MORE_THAN),
    Example("超過50%", "50", Q.MORE_THAN),
    Example("近四成", "40", Q.APPROXIMATELY),
    Example("不足一成", "10", Q.LESS_THAN),
    Example("八成以上", "80", Q.MORE_THAN),
    Example("八成或以上", "80", Q.AT_LEAST),
    Example("twenty per cent", "20", reason="number words"),
    Example("one hundred and five percent", "105"),
    Example("minus five percent", "-5"),
    Example("負3.9%", "-3.9"),
]

_inputs = [e.text for e in PERCENT_EXAMPLES]
assert len(_inputs) == len(set(_inputs)), "duplicate inputs in PERCENT_EXAMPLES"


@pytest.mark.parametrize("example", PERCENT_EXAMPLES, ids=_inputs)
def test_parse_percentage(example: Example) -> None:
    pct = parse_percentage(example.text)
    expected = Percentage(
        value=Decimal(example.value),
        qualifier=example.qualifier,
        value_max=Decimal(example.value_max) if example.value_max else None,
        unit=example.unit,  # type: ignore[arg-type]
    )
    assert pct == expected, example.reason
    assert Percentage.fromstring(example.text) == pct


@pytest.mark.parametrize("example", PERCENT_EXAMPLES, ids=_inputs)
def test_str_round_trips(example: Example) -> None:
    pct = parse_percentage(example.text)
    assert parse_percentage(str(pct)) == pct


def test_percentage_points_are_not_percent() -> None:
    assert parse_percentage("2 percentage points") != parse_percentage("2%")
    assert str(parse_percentage("2pp")) == "2 percentage points"


# Texts with no percentage at all.
NOT_PERCENTAGES = [
    ("全場八折", "a 折 discount is a price ratio, not a share"),
    ("貨品一律七五折", "75折 discount"),
    ("打對折", "half-price discount"),
    ("政策一成不變", "一成不變 is an idiom (unchanging)"),
    ("公司一成立便聘請了十名員工", "一成立 means 'once set up'"),
    ("五百分之二", "not 百分之二: 五百分之二 is 2/500"),
    ("%", "a sign with no number"),
    ("https://example.hk/search?q=30%25%2020%", "URL escapes"),
    ("百分之二三十", "二三十 is a vague 'twenty or thirty', not a number"),
    ("2024成", "a 成 number above 十 is not a share"),
]


@pytest.mark.parametrize(("text", "reason"), NOT_PERCENTAGES, ids=[t for t, _ in NOT_PERCENTAGES])
def test_not_percentages(text: str, reason: str) -> None:
    assert find_percentages(text) == [], reason


def test_parse_error_quotes_input_and_marks_it() -> None:
    with pytest.raises(ParseError) as info:
        parse_percentage("%")
    assert str(info.value) == (
        "Invalid percentage: '%'\n"
        "    '%'\n"
        "     ^ expected a number with %, per cent, percentage points, 百分之 or 成"
    )
    assert info.value.source == "%"
    again = pickle.loads(pickle.dumps(info.value))
    assert str(again) == str(info.value)


def test_parse_error_marks_extra_text() -> None:
    with pytest.raises(ParseError) as info:
        parse_percentage("42% of firms")
    assert info.value.span == (3, 12)
    assert "'42% of firms'" in str(info.value)


def test_parse_error_on_two_percentages() -> None:
    with pytest.raises(ParseError):
        parse_percentage("42% and 43%")


def test_parse_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="Invalid percentage"):
        parse_percentage("八折")


def test_range_model_is_consistent() -> None:
    with pytest.raises(ValueError, match="value_max"):
        Percentage(value=Decimal(5), value_max=Decimal(6))
    with pytest.raises(ValueError, match="below"):
        Percentage(value=Decimal(6), value_max=Decimal(5), qualifier=Q.RANGE)


# --- scanning free text -----------------------------------------------------------------------


def test_find_in_a_sentence_with_spans_and_cues() -> None:
    text = "Some 2,100 firms took part; about 42% of them use AI, up from 35% in 2023."
    mentions = find_percentages(text, doc_id="d1")
    assert [m.span.text for m in mentions] == ["about 42%", "35%"]
    first = mentions[0]
    assert first.qualifier is Q.APPROXIMATELY
    assert first.qualifier_span is not None and first.qualifier_span.text == "about"
    assert first.span.doc_id == "d1"
    assert text[first.span.start : first.span.end] == first.span.text


DIRECTION_EXAMPLES = [
    ("Exports grew by 6.7 per cent", "increase", "grew"),
    ("Unemployment fell to 2.9%", "decrease", "fell"),
    ("Costs were reduced by about 12%", "decrease", "reduced"),
    ("Retail sales were up 3% in May", "increase", "up"),
    ("a 5% increase in applications", "increase", "increase"),
    ("本地生產總值上升了百分之2.2", "increase", "上升"),
    ("失業率下降0.2個百分點", "decrease", "下降"),
    ("申請數目減少三成", "decrease", "減少"),
    ("About 42% of firms use AI", None, None),
    ("Adoption stands at 58%", None, None),
]


@pytest.mark.parametrize(
    ("text", "direction", "cue"), DIRECTION_EXAMPLES, ids=[t for t, *_ in DIRECTION_EXAMPLES]
)
def test_direction_only_where_the_text_says_so(
    text: str, direction: str | None, cue: str | None
) -> None:
    (mention,) = find_percentages(text)
    assert mention.direction == direction
    assert (mention.direction_span.text if mention.direction_span else None) == cue


def test_from_to_is_a_change_not_a_range() -> None:
    mentions = find_percentages("The share rose from 40% to 45% last year.")
    assert [(m.span.text, m.value, m.qualifier) for m in mentions] == [
        ("40%", Decimal(40), Q.EXACT),
        ("45%", Decimal(45), Q.EXACT),
    ]


def test_skip_ranges_report_nothing_inside() -> None:
    text = "Advertisement: 50% off! Adoption reached 58%."
    assert [m.span.text for m in find_percentages(text)] == ["50%", "58%"]
    assert [m.span.text for m in find_percentages(text, skip=[(0, 23)])] == ["58%"]


# --- the seeds ------------------------------------------------------------------------------

# Seed 003, read by hand: six figures in prose and ten table cells (Adoption Rate and Expected
# Growth for five industries) = 16. "HK$200 million", "1,500 technology
# companies", "5,000 AI professionals" and "GPT-4" are not percentages.
SEED_003 = [
    ("approximately 42%", "42", Q.APPROXIMATELY, None),  # HKPC 2023 survey
    ("35%", "35", Q.EXACT, None),  # "another 35% plan to integrate"
    ("approximately 23%", "23", Q.APPROXIMATELY, None),  # financial services share of GDP
    ("approximately 40%", "40", Q.APPROXIMATELY, "decrease"),  # "reducing analysis time by"
    ("58%", "58", Q.EXACT, None),  # Financial Services adoption
    ("42%", "42", Q.EXACT, None),  # Financial Services expected growth
    ("47%", "47", Q.EXACT, None),  # Creative Arts & Media
    ("65%", "65", Q.EXACT, None),
    ("36%", "36", Q.EXACT, None),  # Education
    ("53%", "53", Q.EXACT, None),
    ("28%", "28", Q.EXACT, None),  # Healthcare
    ("48%", "48", Q.EXACT, None),
    ("41%", "41", Q.EXACT, None),  # Retail & E-commerce
    ("57%", "57", Q.EXACT, None),
    ("approximately 30%", "30", Q.APPROXIMATELY, None),  # Science Park/Cyberport AI share
    ("68%", "68", Q.EXACT, "increase"),  # "has grown by 68% since 2020"
]


def test_seed_003_all_sixteen_percentages() -> None:
    text = seed_text("003")
    mentions = find_percentages(text, doc_id="003")
    got = [(m.span.text, str(m.value), m.qualifier, m.direction) for m in mentions]
    assert got == [(t, v, q, d) for t, v, q, d in SEED_003]
    assert len(mentions) == 16
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.span.text


@pytest.mark.parametrize("stem", ["000", "001", "002", "004"])
def test_no_percentages_in_other_seeds(stem: str) -> None:
    assert find_percentages(seed_text(stem)) == []


# --- properties -------------------------------------------------------------------------------

_decimals = st.decimals(
    allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9, places=6
)


@st.composite
def percentages(draw: st.DrawFn) -> Percentage:
    unit = draw(st.sampled_from(["percent", "percentage_point"]))
    qualifier = draw(st.sampled_from(list(Qualifier)))
    value = draw(_decimals)
    if qualifier is Q.RANGE:
        upper = draw(_decimals.filter(lambda v: v >= value))
        return Percentage(value=value, value_max=upper, qualifier=qualifier, unit=unit)
    return Percentage(value=value, qualifier=qualifier, unit=unit)


@settings(max_examples=500)
@given(percentages())
def test_property_str_round_trips(pct: Percentage) -> None:
    assert parse_percentage(str(pct)) == pct


_PIECES = [
    *"0123456789%％,.-+ \n()百分之點点成半折個个至到一二三四五六七八九十約逾近",
    "percent", "per cent", "percentage points", "pp", "between ", " and ", " to ",
    "approximately ", "over ", "grew by ", "fell ", "上升", "減少", "以上", "HK$", "twenty ",
]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(max_size=60))
def test_property_scanner_never_raises_and_spans_are_valid(text: str) -> None:
    # _scan is the scanner without find_percentages' last-resort guard, so an exception here is
    # a real bug rather than one the guard would hide.
    mentions = percent._scan(text, doc_id=None, skip=(), detect_direction=True)
    assert mentions == find_percentages(text)
    last_end = 0
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.span.text
        assert m.span.start >= last_end
        last_end = m.span.end


# --- anchored scanning gives exactly what a whole-text scan gives --------------------------------

_SCAN_PIECES = [
    "42", "4.5", "1,234", "2024", "٤٢", " ", "  ", "%", "％", " per cent", " percent", "pp",
    " percentage points", "p.p.", "-", "–", " to ", " and ", "between ", "negative ", "minus ",
    "seventeen", "twenty-two", "one hundred and five", "百分之", "四十二", "個百分點", "百分點",
    "七成", "至", "，", "。", "(", "x", "the", "approximately ", "逾", "rose ", "ſeven", "\n",
]  # fmt: skip


def _whole_text_spans(pattern: object, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("spec", [percent._LATIN, percent._CJK_POINTS], ids=["latin", "points"])
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_SCAN_PIECES), max_size=40))
def test_anchored_scan_equals_whole_text_scan(spec: AnchoredPattern, pieces: list[str]) -> None:
    text = "".join(pieces)
    found = [m.span() for m in anchored_matches(spec, text)]
    assert found == _whole_text_spans(spec.pattern, text)


_ANCHOR_PIECES = [
    *_SCAN_PIECES, " PER CENT", "Per Cent", " PerCent", "Pct", " pP", "PP", "P.p.", "p.P.", "?",
    "?pp", "٤pp", "人pct", "\u212a", "ſ", "pe", "rcent",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(_ANCHOR_PIECES), max_size=30))
def test_latin_anchors_are_the_anchor_pattern_spans(pieces: list[str]) -> None:
    # The scanner finds LATIN_ANCHOR_RE's spans with two cheaper searches; they must agree.
    from hkpolicy import _percent_patterns as pp

    text = "".join(pieces)
    expected = [m.span() for m in pp.LATIN_ANCHOR_RE.finditer(text)]
    assert percent._latin_anchors(text) == expected


_QUICK_PIECES = [
    "4", "42", "1234567890", "٤", "%", "％", " ", "  ", "   ", "-", "–", "~", "to", "TO", "and",
    "至", "到", "points", " Points", "p", "P", "x", "ſ", "\u212a", "\u0130", ".", ",", "|", "(",
    "受", "+", "e", "1e", "between ", "$",
]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(pieces=st.lists(st.sampled_from(_QUICK_PIECES), max_size=16))
def test_quick_latin_match_is_the_full_patterns_match(pieces: list[str]) -> None:
    # Wherever the quick pattern matches, the full pattern matches the same characters, with
    # the same number and a percent unit, and no second number: the scanner trusts it.
    from hkpolicy import _percent_patterns as pp

    text = "".join(pieces)
    for position in range(len(text)):
        quick = pp.LATIN_QUICK_RE.match(text, position)
        if quick is None:
            continue
        full = pp.LATIN_PERCENT_RE.match(text, position)
        assert full is not None, (text, position)
        assert full.span() == quick.span(), (text, position)
        assert full.group("lo", "pct", "pp", "hi") == (quick.group("lo"), "%", None, None)


@pytest.mark.parametrize(
    "text",
    [
        # The longest prefix before a unit (LATIN_LEAD): both numbers of seven words.
        "between negative seventeen and seventeen and seventeen and seventeen and seventeen and"
        " seventeen and seventeen and negative seventeen and seventeen and seventeen and"
        " seventeen and seventeen and seventeen and seventeen per cent",
        "1,234,567,890,123,456,789.123456789012 - 1,234,567,890,123,456,789.123456789012 pp",
        "負一 百 二 十 三 至 一 百 二 十 五 個 百 分 點",
    ],
)
def test_anchored_scan_reaches_the_longest_forms(text: str) -> None:
    for spec in (percent._LATIN, percent._CJK_POINTS):
        found = [m.span() for m in anchored_matches(spec, text)]
        assert found == _whole_text_spans(spec.pattern, text)


def test_trusted_models_equal_validated_ones() -> None:
    # find_percentages builds its models without validation; they must be the same objects.
    text = "逾三成 and about 42% rose 2pp, 40-45%"
    mentions = find_percentages(text)
    for m in mentions:
        again = percent.PercentMention.model_validate(m.model_dump())
        assert again == m
        assert repr(again) == repr(m)
        assert hash(m) == hash(again)
    assert mentions[0].span == percent.Span(start=0, end=3, text="逾三成")


def test_percent_builders_make_what_validation_makes() -> None:
    from hkpolicy._scanning import new_span
    from tests.trusted_records import assert_built_like_validated

    exact = percent._exact(Decimal("42.0"), "percent")
    ranged = percent._pct(Decimal(40), Decimal(45), "percentage_point")
    assert ranged is not None
    qualified = percent._qualified(exact, Qualifier.APPROXIMATELY)
    span = new_span("about 42.0% rose", 0, 11, "doc")
    mention = percent._new_mention(
        percentage=qualified,
        span=span,
        qualifier_span=new_span("about 42.0% rose", 0, 5, "doc"),
        direction="increase",
        direction_span=new_span("about 42.0% rose", 12, 16, "doc"),
    )
    for model in (exact, ranged, qualified, span, mention):
        assert_built_like_validated(model)
    assert str(exact.value) == "42.0"  # the exponent is kept, as validation keeps it


# --- the cheap checks before each cue search never rule out a cue the pattern finds -----------

_CUE_PIECES = [
    "up", "down", "UP", "rose", "grew", "increased", "fell", "by", "to", " ", "  ", "   ", "x",
    "approximately", "approx.", "about", "~", "at least", "more than", "some", "ſome", "(", "'",
    "’", "-", "5", "a.", "約", "逾", "增加", "了", "達", "至", "下降", "analysis", "time", "\n",
    "setup", "proof", "of", "the", "nearly", "增長了", "減幅", "為", "约", "咗", "上升至",
    "不少於", "將近", "超過", "近",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=14).map("".join))
def test_cue_checks_never_rule_out_a_cue(before: str) -> None:
    from hkpolicy import _percent_cues as cues
    from hkpolicy import _percent_patterns as pp

    text = before + "5%"
    start = len(before)
    window = max(0, start - cues.DIRECTION_WINDOW)
    if not cues.qualifier_may_end_before(text, start):
        low = max(0, start - cues.QUALIFIER_WINDOW)
        assert pp.QUALIFIER_BEFORE_RE.search(text, low, start) is None
    if cues._word_before(text, start, window) not in cues._ADVERBS:
        assert pp.DIRECTION_ADVERB_EN_RE.search(text, window, start) is None
    if cues._last_non_space(text, start, window) not in cues._ZH_DIRECTION_ENDS:
        assert pp.DIRECTION_BEFORE_ZH_RE.search(text, window, start) is None
    # The qualifier search after a Chinese cue's last character looks only as far back as a
    # Chinese cue reaches.
    low = max(0, start - cues.QUALIFIER_WINDOW)
    whole = pp.QUALIFIER_BEFORE_RE.search(text, low, start)
    found = pp.QUALIFIER_BEFORE_RE.search(text, cues.qualifier_window(text, start), start)
    assert (found and found.span()) == (whole and whole.span())
    # The Chinese direction search looks only at the last characters a match can span.
    near = max(window, start - cues._ZH_DIRECTION_LONGEST)
    whole = pp.DIRECTION_BEFORE_ZH_RE.search(text, window, start)
    found = pp.DIRECTION_BEFORE_ZH_RE.search(text, near, start)
    assert (found and found.span()) == (whole and whole.span())
    if not cues._verb_may_precede(text, start, window):
        assert pp.DIRECTION_BEFORE_EN_RE.search(text, window, start) is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["5", "42", "٢", "x", " ", "-", "to ", "(", "%", "1.5", ","]), max_size=12
    )
)
def test_latin_sole_start_is_where_the_whole_text_scan_starts(pieces: list[str]) -> None:
    text = "".join(pieces) + "7%"
    found = [m.span() for m in anchored_matches(percent._LATIN, text)]
    assert found == _whole_text_spans(percent._LATIN.pattern, text)
