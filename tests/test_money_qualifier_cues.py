"""Money qualifiers: the cue words that bound an amount, in English, Traditional and Simplified
Chinese, right before the amount, a few words before it, or after it.

Every sentence is written for this suite; each expected value was worked out by hand.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hkpolicy import _money_build
from hkpolicy import _money_patterns as _p
from hkpolicy.money import find_money
from hkpolicy.spans import Qualifier

D = Decimal
Q = Qualifier


def only(text: str) -> tuple[str, str, Qualifier, str | None]:
    """(span text, amount, qualifier, cue text) of the one amount in ``text``."""
    (m,) = find_money(text)
    cue = None if m.cue is None else m.cue.text
    if m.cue is not None:
        assert text[m.cue.start : m.cue.end] == m.cue.text
    return m.span.text, str(m.money.amount), m.money.qualifier, cue


# (text, span, amount, qualifier, cue) with the cue right before the amount.
NEAR = [
    # English
    ("The fund will put an estimated HK$800 million into new labs.",
     "HK$800 million", "800000000", Q.APPROXIMATELY, "an estimated"),
    ("Costs are estimated at HK$12 million.", "HK$12 million", "12000000", Q.APPROXIMATELY,
     "estimated at"),
    ("The grant comes close to $3 million.", "$3 million", "3000000", Q.APPROXIMATELY,
     "close to"),
    ("Each start-up may get no more than HK$1.5 million.", "HK$1.5 million", "1500000",
     Q.UP_TO, "no more than"),
    ("a voucher not exceeding $40,000 per firm", "$40,000", "40000", Q.UP_TO, "not exceeding"),
    ("Awards reach as high as HK$2 million.", "HK$2 million", "2000000", Q.UP_TO, "as high as"),
    ("Funding of at most HK$600,000 is available.", "HK$600,000", "600000", Q.UP_TO, "at most"),
    ("Investors put in upwards of US$90 million.", "US$90 million", "90000000", Q.MORE_THAN,
     "upwards of"),
    # Traditional Chinese
    ("每間機構最多可獲80萬元資助。", "80萬元", "800000", Q.UP_TO, "最多"),
    ("研究院每年最多獲150萬元。", "150萬元", "1500000", Q.UP_TO, "最多"),
    ("企業須投入最少3億元。", "3億元", "300000000", Q.AT_LEAST, "最少"),
    ("資助額不多於600萬元。", "600萬元", "6000000", Q.UP_TO, "不多於"),
    ("每個項目不超過50萬元。", "50萬元", "500000", Q.UP_TO, "不超過"),
    ("投資額不低於2億元。", "2億元", "200000000", Q.AT_LEAST, "不低於"),
    ("總開支接近9億元。", "9億元", "900000000", Q.APPROXIMATELY, "接近"),
    ("政府共投放近45億元。", "45億元", "4500000000", Q.APPROXIMATELY, "近"),
    ("計劃為業界帶來過百億元的投資。", "百億元", "10000000000", Q.MORE_THAN, "過"),
    ("估值高於30億美元。", "30億美元", "3000000000", Q.MORE_THAN, "高於"),
    # Simplified Chinese
    ("每家企业最多可获80万元资助。", "80万元", "800000", Q.UP_TO, "最多"),
    ("资助额不多于600万元。", "600万元", "6000000", Q.UP_TO, "不多于"),
    ("每个项目不超过50万元。", "50万元", "500000", Q.UP_TO, "不超过"),
    ("总开支约12亿元。", "12亿元", "1200000000", Q.APPROXIMATELY, "约"),
    ("企业须投入最少一亿元资金。", "一亿元", "100000000", Q.AT_LEAST, "最少"),
    ("为业界带来过百亿元投资。", "百亿元", "10000000000", Q.MORE_THAN, "过"),
    ("估值多于5亿美元。", "5亿美元", "500000000", Q.MORE_THAN, "多于"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "amount", "qualifier", "cue"), NEAR)
def test_cue_right_before_the_amount(
    text: str, span: str, amount: str, qualifier: Qualifier, cue: str
) -> None:
    assert only(text) == (span, amount, qualifier, cue)


def test_negated_cue_is_not_its_positive() -> None:
    # 不多於 is "not more than" (a ceiling), never 多於 "more than"; likewise "no more than".
    assert only("上限為不多於200萬元")[2] is Q.UP_TO
    assert only("a cap of no more than HK$3 million")[2] is Q.UP_TO
    assert only("a sum not less than HK$3 million")[2] is Q.AT_LEAST


# Chinese cue characters that end another word: no qualifier.
NOT_CUES = [
    ("立法會通過5億元撥款。", "5億元", "500000000"),  # 通過: passed
    ("立法会通过5亿元拨款。", "5亿元", "500000000"),
    ("兩間公司簽訂合約金額8億元。", "8億元", "800000000"),  # 合約: contract
    ("門檻由3億元調低至1.5億元。", "1.5億元", "150000000"),  # 調低至: lowered to
    ("门槛由3亿元调低至1.5亿元。", "1.5亿元", "150000000"),
    ("政府最近撥款7億元。", "7億元", "700000000"),  # 最近: recently
    ("近日撥款6億元。", "6億元", "600000000"),  # 近日: lately (近 must be attached)
    ("該基金曾投資過8億元。", "8億元", "800000000"),  # 過 after a verb: "has invested"
    ("该基金曾投资过8亿元。", "8亿元", "800000000"),
]


@pytest.mark.parametrize(("text", "span", "amount"), NOT_CUES)
def test_cue_characters_inside_other_words_are_no_cue(text: str, span: str, amount: str) -> None:
    found = find_money(text)
    last = found[-1]
    assert (last.span.text, str(last.money.amount)) == (span, amount)
    assert last.money.qualifier is Q.EXACT and last.cue is None


# (text, span, qualifier, cue): the cue stands a few words before the amount, same clause.
FAR = [
    ("Firms get a maximum subsidy of $350,000 each.", "$350,000", Q.UP_TO, "maximum"),
    ("The scheme raises the funding ceiling per applicant under both of its streams to "
     "HK$4 million.", "HK$4 million", Q.UP_TO, "ceiling"),
    ("a minimum investment by the company of HK$20 million", "HK$20 million", Q.AT_LEAST,
     "minimum"),
    ("該計劃的最高資助額為60萬元。", "60萬元", Q.UP_TO, "最高"),
    ("最高資助額為項目開支的一半或800萬元,以較低者為準。", "800萬元", Q.UP_TO, "最高"),
    ("政府的資助額上限為每間企業 3 億港元。", "3 億港元", Q.UP_TO, "上限"),
    ("该计划的最高资助额为60万元。", "60万元", Q.UP_TO, "最高"),
    ("资助总额上限为每家企业 3 亿港元。", "3 亿港元", Q.UP_TO, "上限"),
    ("企业须至少自行投入2亿港元。", "2亿港元", Q.AT_LEAST, "至少"),
    ("The Government will cap the subsidy at $1.2 million.", "$1.2 million", Q.UP_TO, "cap"),
    ("每間初創最多可獲撥款80萬元。", "80萬元", Q.UP_TO, "最多"),
    ("每间初创最多可获拨款80万元。", "80万元", Q.UP_TO, "最多"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "qualifier", "cue"), FAR)
def test_cue_a_few_words_before_the_amount(
    text: str, span: str, qualifier: Qualifier, cue: str
) -> None:
    got_span, _, got_qualifier, got_cue = only(text)
    assert (got_span, got_qualifier, got_cue) == (span, qualifier, cue)


# A far cue does not reach across a clause, another amount, a number in English, or a gap
# that does not lead to the amount; a superlative (最高的) is no ceiling.
FAR_BLOCKED = [
    "The maximum was set last year, and the fund received HK$5 million.",
    "up to 3 years of support worth $1 million",
    "The ceiling rose sharply while the fund spent HK$5 million.",
    "全港最高的大廈耗資30億元。",
    "全港最高的大厦耗资30亿元。",
    "最多3個月免租,另撥款75萬元。",
    "最多人申請的計劃獲撥款5億元。",  # 的: "the most applied-for scheme"
    "最多人申请的计划获拨款5亿元。",
    "最高法院判令該公司賠償5億元。",  # a name: the Supreme Court
    "最高人民法院判令该公司赔偿5亿元。",
    # "at least" and "up to" away from the amount are adverbs, not bounds
    "At least for now the scheme offers grants of $50,000.",
    "It is up to the board whether to approve the grant of HK$3 million.",
]


@pytest.mark.parametrize("text", FAR_BLOCKED)
def test_far_cue_stops_at_clauses_and_other_words(text: str) -> None:
    (m,) = find_money(text)
    assert m.money.qualifier is Q.EXACT and m.cue is None


def test_far_cue_takes_only_the_first_amount_after_it() -> None:
    text = "最高可獲50萬元資助及20萬元獎金"
    first, second = find_money(text)
    assert first.money.qualifier is Q.UP_TO and first.cue is not None
    # the second amount has the first between it and the cue
    assert second.money.qualifier is Q.EXACT and second.cue is None


def test_near_cue_wins_over_far_cue() -> None:
    (m,) = find_money("the maximum grant is about HK$2 million")
    assert (m.money.qualifier, m.cue and m.cue.text) == (Q.APPROXIMATELY, "about")


# (text, qualifier, cue) with the cue after the amount.
AFTER = [
    ("估值在20億美元以上", Q.MORE_THAN, "以上"),
    ("估值在20億美元及以上", Q.AT_LEAST, "及以上"),
    ("估值在20亿美元或以上", Q.AT_LEAST, "或以上"),
    ("每項資助在10萬元或以下", Q.UP_TO, "或以下"),
    ("projects of HK$5 million and above", Q.AT_LEAST, "and above"),
    ("grants of HK$100,000 or below", Q.UP_TO, "or below"),
]


@pytest.mark.parametrize(("text", "qualifier", "cue"), AFTER)
def test_cue_after_the_amount(text: str, qualifier: Qualifier, cue: str) -> None:
    _, _, got_qualifier, got_cue = only(text)
    assert (got_qualifier, got_cue) == (qualifier, cue)


def test_cue_tables_keep_to_the_closed_set() -> None:
    tables = [_p.QUALIFIER_CUES, _p.POST_QUALIFIER_CUES, _p.FAR_QUALIFIER_CUES]
    assert all(isinstance(q, Qualifier) for table in tables for q in table.values())
    assert set(_p.QUALIFIER_CUES) >= _p.ATTACHED_CUES
    assert set(_p.CUE_NOT_AFTER) <= set(_p.QUALIFIER_CUES)


# --- cost ---------------------------------------------------------------------------------------

_CUE_BITS = st.sampled_from(
    [*_p.FAR_QUALIFIER_CUES, "MAXIMUM", "Ceiling", "ſ", "İ", "K", " ", "的", "為", "$", "5", "x"]
)


@given(st.lists(_CUE_BITS | st.text(max_size=3), max_size=12).map("".join))
@settings(max_examples=300, deadline=None)
def test_far_cue_prefilter_never_hides_a_cue(window: str) -> None:
    # The literal pre-filter is a superset of where the far-cue pattern can match.
    if _p.PATTERNS.far_cue.search(window):
        assert _money_build.FAR_CUE_MARK.search(window.lower())


def test_far_cue_looks_at_a_bounded_window(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each amount looks back at most FAR_CUE_WINDOW_EN characters and never past the amount
    # before it, so the pass is linear in the text.
    seen: list[tuple[int, int]] = []
    real = _money_build.far_cue

    def spy(t: str, lo: int, hi: int, **options: str | None) -> object:
        seen.append((lo, hi))
        return real(t, lo, hi, **options)

    monkeypatch.setattr(_money_build, "far_cue", spy)
    text = ("The maximum " + "word " * 60 + "of HK$5 million. ") * 50
    found = find_money(text)
    assert len(found) == len(seen) == 50
    assert all(hi - lo <= _p.FAR_CUE_WINDOW_EN for lo, hi in seen)
    # the cue is 300 characters back: out of reach
    assert all(m.money.qualifier is Q.EXACT for m in found)
