"""Funding facts: each failure pattern of real text, pinned with sentences written for these
tests, in English, Traditional and Simplified Chinese. Every expected value was checked by
hand against its sentence."""

from __future__ import annotations

from decimal import Decimal

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import hkpolicy as hk
from hkpolicy import _funding_cues
from hkpolicy.dates import FiscalYear
from hkpolicy.facts import Funding, assemble_funding, assemble_funding_facts


def _facts(text: str) -> list[Funding]:
    return list(hk.extract(text).funding)


def _one(text: str) -> Funding:
    facts = _facts(text)
    assert len(facts) == 1, (text, facts)
    return facts[0]


# (text, amount as written, purpose expected, cue words expected among the fact's cues)
PURPOSE_EXAMPLES = [
    (
        "The Government will allocate HK$4 billion to help universities build new laboratories.",
        "HK$4 billion",
        "help universities build new laboratories",
        {"allocate", "to help"},
    ),
    (
        "We will reserve $500 million to enhance the training of data scientists.",
        "$500 million",
        "enhance the training of data scientists",
        {"reserve", "to enhance"},
    ),
    (
        "政府會撥款三千萬元推動本地芯片設計的發展。",
        "三千萬元",
        "推動本地芯片設計的發展",
        {"撥款", "推動"},
    ),
    ("政府预留100亿元用于建设新的数据中心。", "100亿元", "建设新的数据中心", {"预留", "用于"}),
    ("政府將投放20億元設立一所新的研究院。", "20億元", "設立一所新的研究院", {"投放", "設立"}),
]


@pytest.mark.parametrize(
    ("text", "amount", "purpose", "cue_words"),
    PURPOSE_EXAMPLES,
    ids=[c[0] for c in PURPOSE_EXAMPLES],
)
def test_purpose_phrases_make_facts_with_their_cues(
    text: str, amount: str, purpose: str, cue_words: set[str]
) -> None:
    fact = _one(text)
    assert fact.amount_span is not None and fact.amount_span.text == amount
    assert fact.purpose == purpose
    assert fact.purpose_span is not None and fact.purpose_span.text == purpose
    assert cue_words <= {c.text for c in fact.cues}
    assert fact.target_span == fact.purpose_span  # no entity named: the purpose is the target


def test_cue_vocabulary_is_data_in_three_scripts() -> None:
    verbs = set(_funding_cues.FUNDING_VERBS)
    assert {"allocat", "撥款", "拨款", "預留", "预留"} <= verbs
    assert {"用於", "用于", "推動", "推动"} <= set(_funding_cues.PURPOSE_CUES_ZH)
    assert {"該計劃", "该计划", "the scheme"} <= set(_funding_cues.REFERENCE_WORDS)


@pytest.mark.parametrize(
    ("text", "initiative", "reference"),
    [
        (
            "The Innovation and Technology Fund was launched in 1999. "
            "We will set aside $50 million for the Fund next year.",
            "itf",
            "the Fund",
        ),
        ("政府推出「創科生活基金」。該基金獲撥款5億元。", "new:創科生活基金", "該基金"),
        ("政府推出“新型工业加速计划”。该计划的资助额上限为2亿元。", "nias", "该计划"),
    ],
    ids=["en the Fund", "zh-Hant 該基金", "zh-Hans 该计划"],
)
def test_references_resolve_to_the_scheme_named_earlier(
    text: str, initiative: str, reference: str
) -> None:
    fact = _one(text)
    assert fact.initiative == initiative
    assert fact.reference is not None and fact.reference.text == reference
    assert fact.purpose is None  # "for the Fund" names the fund, it is not a use


def test_a_reference_is_not_resolved_past_an_unnamed_scheme() -> None:
    text = "政府推出「創科生活基金」。政府亦會推出一個培育計劃。該計劃獲撥款5億元。"
    fact = _one(text)
    assert fact.initiative is None
    assert fact.purpose == "該計劃"


def test_respectively_pairs_amounts_and_targets_in_order() -> None:
    text = (
        "The Government will provide HK$8 billion and HK$2 billion for the Innovation and "
        "Technology Fund and the Technology Voucher Programme respectively."
    )
    first, second = _facts(text)
    assert (first.amount.amount, first.initiative) == (Decimal("8000000000"), "itf")
    assert (second.amount.amount, second.initiative) == (Decimal("2000000000"), "tvp")
    assert second.purpose is None
    assert "respectively" in {c.text for c in second.cues}


def test_each_item_of_a_chinese_list_keeps_its_own_target() -> None:
    text = "撥款包括20億元注資創新及科技基金、5億元興建新的數據中心。"
    first, second = _facts(text)
    assert first.initiative == "itf"
    assert second.initiative is None and second.purpose == "興建新的數據中心"


def test_under_the_subhead_of_takes_the_named_scheme() -> None:
    fact = _one(
        "HK$120 million will be provided under the subhead of the Technology Voucher Programme."
    )
    assert fact.initiative == "tvp"


@pytest.mark.parametrize(
    "text",
    [
        "InvestHK said 1,234 companies received HK$5.6m last year.",
        "投資推廣署表示，去年有200間公司獲得共5億元資助。",
    ],
)
def test_the_body_quoted_is_not_the_recipient(text: str) -> None:
    fact = _one(text)
    assert fact.institution is None
    assert fact.recipient is None


def test_the_source_fund_is_the_funder_not_the_target() -> None:
    fact = _one("政府從創新及科技基金撥出5億元推行科技券計劃。")
    assert fact.initiative == "tvp"
    assert fact.funder == "itf"


# (text, reason, cue)
NOT_FUNDING_EXAMPLES = [
    ("企業可以低至每月900元租用共享工作間。", "price", "低至"),
    ("香港2022年研發總開支為300億元。", "statistic", "研發總開支"),
    ("初创企业去年的融资总额达50亿元。", "fundraising", "融资"),
    ("The start-up now has a valuation of US$2 billion.", "valuation", "valuation"),
    ("申請項目的項目總成本最少為1億元。", "threshold", "項目總成本"),
    ("R&D expenditure in Hong Kong reached HK$30 billion in 2022.", "statistic", "R&D expenditure"),
]


@pytest.mark.parametrize(
    ("text", "reason", "cue"), NOT_FUNDING_EXAMPLES, ids=[c[0] for c in NOT_FUNDING_EXAMPLES]
)
def test_money_that_is_not_funding_is_kept_with_its_reason(
    text: str, reason: str, cue: str
) -> None:
    ex = hk.extract(text)
    assert ex.funding == ()
    assert len(ex.money) == 1
    assert [(r.reason, r.cue.text) for r in ex.not_funding] == [(reason, cue)]
    assert ex.not_funding[0].amount_span == ex.money[0].span


def test_a_ceiling_beside_a_larger_amount_is_a_field_not_a_fact() -> None:
    fact = _one(
        "The Technology Voucher Programme provides HK$1 billion, with each project up to a "
        "subsidy ceiling of $30 million."
    )
    assert fact.amount.amount == Decimal("1000000000")
    assert fact.ceiling is not None and fact.ceiling.amount == Decimal("30000000")
    assert fact.ceiling_span is not None and fact.ceiling_span.text == "$30 million"


@pytest.mark.parametrize(
    ("text", "amount", "per"),
    [
        ("每家企业每年最多获150万元资助。", Decimal("1500000"), "year"),
        ("每間公司每年最多獲150萬元資助。", Decimal("1500000"), "year"),
        ("The scheme will double to $8 million the annual funding ceiling per company.",
         Decimal("8000000"), "year"),
    ],
)  # fmt: skip
def test_a_ceiling_amount_keeps_its_rate(text: str, amount: Decimal, per: str) -> None:
    fact = _one(text)
    assert fact.amount.amount == amount
    assert fact.ceiling is not None and fact.ceiling.amount == amount
    assert fact.per == per


@pytest.mark.parametrize(
    ("text", "period", "written"),
    [
        (
            "In his 2019-20 Budget, the Financial Secretary set aside $2 billion for the "
            "Technology Voucher Programme.",
            2019,
            "2019-20 Budget",
        ),
        ("由2024/25年度起，政府每年預留3億元資助大學科研。", 2024, "2024/25年度起"),
        ("研资局表示,2023/24年度的资助总额约为1.5亿元,用于资助六个项目。", 2023, "2023/24年度"),
    ],
)
def test_the_period_comes_from_the_sentence(text: str, period: int, written: str) -> None:
    fact = _one(text)
    assert isinstance(fact.period, FiscalYear) and fact.period.start_year == period
    assert fact.period_span is not None and fact.period_span.text == written


def test_the_period_comes_from_the_heading_above() -> None:
    text = "2025/26年度撥款\n\n政府會撥款2億元推動人工智能研究。"
    fact = _one(text)
    assert isinstance(fact.period, FiscalYear) and fact.period.start_year == 2025


# Two amounts, two fiscal years, one sentence: each amount takes the year of its own part.
TWO_YEARS_IN_ONE_SENTENCE = [
    "The Government will allocate HK$300 million to the Cyberport Incubation Programme in "
    "2025-26, and HK$500 million to the Innovation and Technology Fund in 2026-27.",
    "In 2025-26, $300 million will go to Cyberport, and in 2026-27, $500 million to the "
    "Science Park.",
    "政府會在2025-26年度向數碼港撥款3億元，並在2026-27年度向科學園撥款5億元。",
    "政府会在2025-26年度向数码港拨款3亿元，并在2026-27年度向科学园拨款5亿元。",
]


@pytest.mark.parametrize("text", TWO_YEARS_IN_ONE_SENTENCE)
def test_each_amount_takes_the_fiscal_year_of_its_own_part_of_the_sentence(text: str) -> None:
    periods = [f.period.start_year for f in _facts(text) if isinstance(f.period, FiscalYear)]
    assert periods == [2025, 2026], text


def test_a_year_stated_once_holds_for_every_amount_after_it() -> None:
    text = (
        "In 2025-26 the Government will allocate $300 million to Cyberport and $500 million "
        "to the Science Park."
    )
    periods = [f.period.start_year for f in _facts(text) if isinstance(f.period, FiscalYear)]
    assert periods == [2025, 2025]


def test_the_year_of_a_policy_address_is_not_the_period() -> None:
    fact = _one("行政長官在2023年施政報告中提出撥款100億元推動新型工業。")
    assert fact.period is None


def test_the_budget_and_the_policy_address_are_never_targets() -> None:
    fact = _one("《財政預算案》預留100億元推動生命健康科技。")
    assert fact.initiative is None
    assert fact.purpose == "推動生命健康科技"


def test_a_funding_verb_alone_makes_a_fact_without_a_target() -> None:
    fact = _one("I have set aside over HK$50 billion in this budget.")
    assert fact.initiative is None and fact.institution is None and fact.purpose is None
    assert "set aside" in {c.text for c in fact.cues}


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        (
            "Venture capital investment in the city grew from HK$2 billion in 2015 to about "
            "HK$30 billion last year.",
            [("HK$2 billion", "statistic"), ("HK$30 billion", "statistic")],
        ),
        (
            "研發開支由2015年的100億元增至2022年的300億元。",
            [("100億元", "statistic"), ("300億元", "statistic")],
        ),
        ("企業首100萬元的合資格研發開支可獲300%扣稅。", [("100萬元", "tax")]),
    ],
)
def test_both_ends_of_a_change_and_tax_deductions_are_not_funding(
    text: str, reasons: list[tuple[str, str]]
) -> None:
    ex = hk.extract(text)
    assert ex.funding == ()
    assert [(r.amount_span.text, r.reason) for r in ex.not_funding] == reasons


def test_a_funding_verb_after_a_statistic_starts_a_funding_statement() -> None:
    fact = _one("政府為企業的研發開支提供額外扣稅，以及向創新及科技基金注資50億元。")
    assert fact.initiative == "itf"


@pytest.mark.parametrize(
    "text", ["研資局每年資助額數以十億元計。", "| 項目 | 資助金額(港幣百萬元) |"]
)
def test_vague_amounts_and_header_units_make_no_fact(text: str) -> None:
    assert hk.extract(text).funding == ()


def test_an_item_naming_nothing_takes_the_initiative_of_its_sentence() -> None:
    fact = _one(
        "The committee reviewed the applications for the Technology Voucher Programme in each "
        "year, and whether each approved applicant was granted $50,000."
    )
    assert fact.initiative == "tvp"


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("政府會向合資格的小型企業提供最多20萬元資助。", "合資格的小型企業"),
        ("政府会向合资格的小型企业提供最多20万元资助。", "合资格的小型企业"),
        ("首批十個項目的資助總額超過5億元。", "首批十個項目"),
        ("首批十个项目的资助总额超过5亿元。", "首批十个项目"),
    ],
)
def test_what_is_funded_can_stand_before_the_amount(text: str, purpose: str) -> None:
    assert _one(text).purpose == purpose


def test_a_time_is_not_what_a_total_is_of() -> None:
    assert _one("根據研資局的資料，去年的資助總額約為12億元。").purpose is None


@pytest.mark.parametrize(
    "text",
    [
        "創新及科技局局長表示，政府會撥款10億元推動人工智能研究。",
        "创新及科技局局长表示，政府会拨款10亿元推动人工智能研究。",
    ],
)
def test_a_bureau_in_a_speakers_title_is_not_the_recipient(text: str) -> None:
    fact = _one(text)
    assert fact.institution is None
    assert fact.purpose is not None and fact.purpose.startswith(("推動", "推动"))


def test_a_bracketed_note_on_the_amount_is_neither_an_item_nor_a_purpose() -> None:
    fact = _one("政府將撥款100億港元(備注:約為90億元人民幣)推行新型工業加速計劃。")
    assert fact.initiative == "nias"
    assert fact.purpose is None or "人民幣" not in fact.purpose


@pytest.mark.parametrize(
    "text",
    [
        "政府向立法會申請注資50億元予香港科技園公司。",
        "政府向立法会申请注资50亿元予香港科技园公司。",
    ],
)
def test_the_body_asked_for_money_is_not_its_recipient(text: str) -> None:
    fact = _one(text)
    assert (fact.institution, fact.role, fact.recipient) == ("hkstp", "recipient", "hkstp")


def test_the_field_an_amount_is_spent_on_can_precede_it() -> None:
    assert _one("政府在人工智能研究上的港幣30億元預算獲得通過。").purpose == "人工智能研究"


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("政府將推行科技券計劃，其中撥款5,000萬元資助中小企業。", "資助中小企業"),
        ("政府将推行科技券计划，其中拨款5,000万元资助中小企业。", "资助中小企业"),
    ],
)
def test_an_item_takes_the_scheme_its_sentence_named_first(text: str, purpose: str) -> None:
    fact = _one(text)
    assert (fact.initiative, fact.purpose) == ("tvp", purpose)


def test_a_pronoun_speaker_leaves_the_body_named_before_it() -> None:
    fact = _one("對於早前成立的香港科技園公司，他表示將撥款一億元支援初創企業。")
    assert fact.institution == "hkstp"


def test_the_body_whose_meeting_it_was_is_neither_funder_nor_recipient() -> None:
    fact = _one("議員出席立法會資訊科技及廣播事務委員會會議，關注整體撥款預算為3億元的電腦系統。")
    assert fact.institution is None and fact.funder is None


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        (
            "政府預留30億元發展香港科技園公司的新大樓。立法會早前撥出當中的5億元。",
            "hkstp",
        ),
        (
            "The Government will inject $3 billion into HKSTP. Members asked whether $3 billion "
            "would be enough.",
            "hkstp",
        ),
    ],
    ids=["part of an earlier amount", "the same amount again"],
)
def test_an_amount_that_repeats_or_is_part_of_an_earlier_one_takes_its_target(
    text: str, institution: str
) -> None:
    second = _facts(text)[-1]
    assert second.institution == institution


@pytest.mark.parametrize(
    ("text", "purpose"),
    [("創科署撥款 21間企業分1.2億元", "21間企業"), ("创科署拨款 21间企业分1.2亿元", "21间企业")],
)
def test_those_who_share_an_amount_are_what_it_funds(text: str, purpose: str) -> None:
    assert _one(text).purpose == purpose


@pytest.mark.parametrize(
    "text",
    [
        "政府推出科技券計劃，支援中小企業。每個項目的最高資助額為60萬元。",
        "政府推出科技券计划，支援中小企业。每个项目的最高资助额为60万元。",
        "The Technology Voucher Programme supports small firms. Each project may get a maximum "
        "subsidy of $600,000.",
    ],
)
def test_a_grant_amount_naming_nothing_belongs_to_the_scheme_described(text: str) -> None:
    fact = _one(text)
    assert fact.initiative == "tvp"
    assert fact.ceiling is not None and fact.ceiling.amount == Decimal("600000")


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("財委會本年度批准了30個項目，共涉及約800億元。", "30個項目"),
        ("财委会本年度批准了30个项目，共涉及约800亿元。", "30个项目"),
    ],
)
def test_an_amount_involved_in_approved_items_funds_them(text: str, purpose: str) -> None:
    assert _one(text).purpose == purpose


def test_a_name_nearer_the_previous_amount_is_that_amounts() -> None:
    text = "注資50億元予香港科技園公司 另設新公司發展新田科技城 再撥款30億元"
    first, second = _facts(text)
    assert first.institution == "hkstp"
    assert (second.institution, second.role) == ("san_tin_technopole", None)
    assert first.purpose == "香港科技園公司"


def test_assembly_reads_a_bounded_window_per_amount(monkeypatch: pytest.MonkeyPatch) -> None:
    # One endless line (no sentence end) full of amounts, names and cue words: the names the
    # assembler looks at per amount must not grow with the length of the text.
    from hkpolicy._funding_records import NameIndex

    piece = (
        "政府向香港科技園公司撥款5億元推動創新及科技基金的研究 The Fund will allocate $2 million "
    )
    seen: list[int] = []
    original = NameIndex.between

    def counting(self: NameIndex, bounds: tuple[int, int]) -> list:  # type: ignore[type-arg]
        found = original(self, bounds)
        seen.append(len(found))
        return found

    monkeypatch.setattr(NameIndex, "between", counting)
    per_amount = []
    for repeat in (20, 80):
        seen.clear()
        ex = hk.extract(piece * repeat)
        per_amount.append(sum(seen) / len(ex.money))
    assert per_amount[1] <= per_amount[0] * 1.2, per_amount


def test_assemble_funding_returns_the_facts_of_assemble_funding_facts() -> None:
    from hkpolicy._sentences import SentenceIndex

    text = "政府預留100億元推動生命健康科技。初創企業的融資總額達50億元。"
    ex = hk.extract(text)
    args = (text, ex.money, ex.dates, ex.institutions, ex.initiatives, SentenceIndex(text))
    facts, rejected = assemble_funding_facts(*args)
    assert assemble_funding(*args) == facts == list(ex.funding)
    assert [r.reason for r in rejected] == ["fundraising"]


@pytest.mark.parametrize(
    "text",
    [
        "The Innovation and Technology Commission launched the $500 million Technology Voucher "
        "Programme.",
        "創新科技署推出5億元的科技券計劃。",
        "创新科技署推出5亿元的科技券计划。",
    ],
)
def test_the_bureau_that_launches_a_scheme_owns_and_funds_it(text: str) -> None:
    fact = _one(text)
    assert (fact.initiative, fact.institution, fact.role) == ("tvp", "itc", "owner")
    assert (fact.funder, fact.recipient) == ("itc", None)


@pytest.mark.parametrize(
    "text", ["政府將向香港科技園公司注資100億元。", "政府将向香港科技园公司注资100亿元。"]
)
def test_the_body_after_a_recipient_mark_receives(text: str) -> None:
    fact = _one(text)
    assert (fact.institution, fact.role, fact.recipient) == ("hkstp", "recipient", "hkstp")
    assert {c.text for c in fact.cues} >= {"向"}


PIECES = [
    "HK$5 million", "5億元", "五亿元", "(US$1 million)", "（約1億元人民幣）", "respectively",
    "分別",
    "the Scheme", "該計劃", "该计划", "向", "予", "從", "from the", "under the subhead of",
    "Innovation and Technology Fund", "創新及科技基金", "香港科技園公司", "InvestHK said",
    "低至每月", "研發開支", "扣稅", "數", "增至", "to about", "最高", "ceiling", "每年", "，", "、",
    ";", "。", ". ", "\n", "\n\n", "2024/25年度", "2019-20 Budget", "的", "為", "ſalary", "K",
    "撥款", "allocate", "用於", " ", "「", "」",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=30))
def test_assembly_never_raises_and_keeps_its_spans_exact(pieces: list[str]) -> None:
    text = "".join(pieces)
    ex = hk.extract(text)
    for fact in ex.funding:
        spans = [fact.span, fact.amount_span, fact.target_span, fact.purpose_span, *fact.cues]
        for span in spans:
            if span is not None:
                assert text[span.start : span.end] == span.text
    for rejected in ex.not_funding:
        assert text[rejected.cue.start : rejected.cue.end] == rejected.cue.text


def test_a_run_of_amounts_with_no_word_between_makes_no_fact() -> None:
    # A row of yearly figures: no statement about any one of them.
    row = "政府撥款予香港科技園公司: " + " | ".join(f"{n}億元" for n in range(1, 11))
    ex = hk.extract(row)
    assert len(ex.money) == 10
    assert ex.funding == ()
    # Seven amounts are still a list a sentence can make facts of.
    short = "政府撥款予香港科技園公司: " + "、".join(f"{n}億元" for n in range(1, 8))
    assert len(hk.extract(short).funding) == 7


def test_an_amount_alone_on_its_line_is_no_fact() -> None:
    text = "政府撥款予香港科技園公司。\nHK$1\n• 2億元\n"
    ex = hk.extract(text)
    assert len(ex.money) == 2 and ex.funding == ()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("A share of the company has a target price of HK$120.", "price"),
        ("The project costs at least HK$300 million to qualify for the scheme.", "threshold"),
        ("GDP contribution of the sector reached HK$200 billion.", "statistic"),
        ("The start-up raised US$50 million in its latest funding round.", "fundraising"),
    ],
)
def test_english_amounts_that_are_not_funding(text: str, reason: str) -> None:
    ex = hk.extract(text)
    assert ex.funding == ()
    assert [r.reason for r in ex.not_funding] == [reason]


def test_a_boost_of_an_amount_for_a_purpose() -> None:
    fact = _one("The universities will get a boost of $2 billion for AI research.")
    assert fact.purpose == "AI research"


@pytest.mark.parametrize(
    "text",
    [
        "司長在立法會宣讀預算案，提出預留50億元推動人工智能研究。",
        "司长在立法会宣读预算案，提出预留50亿元推动人工智能研究。",
        "自創新科技署於2015年成立以來，政府已投放50億元推動人工智能研究。",
    ],
)
def test_the_place_of_a_speech_and_a_founding_date_are_no_parties(text: str) -> None:
    fact = _one(text)
    assert (fact.institution, fact.funder) == (None, None)
    assert fact.purpose is not None and fact.purpose.startswith(("推動", "推动"))


@pytest.mark.parametrize(
    "text",
    [
        "在上年度預留80億元的基礎上，政府今年再預留300億元發展新產業。",
        "在上年度预留80亿元的基础上，政府今年再预留300亿元发展新产业。",
        "政府在這方面已投放20億元。",
    ],
)
def test_a_frame_word_is_never_a_purpose(text: str) -> None:
    first = _facts(text)[0]
    assert first.purpose is None, first


@pytest.mark.parametrize(
    ("text", "initiative_text"),
    [
        ("政府將推出2.5億元的「生物科技加速計劃」。", "生物科技加速計劃"),
        ("政府将推出2.5亿元的“生物科技加速计划”。", "生物科技加速计划"),
        ("政府將推出「生物科技加速計劃」，並撥款2.5億元推行。", "生物科技加速計劃"),
    ],
)
def test_a_purpose_is_never_a_piece_of_the_initiatives_own_name(
    text: str, initiative_text: str
) -> None:
    fact = _one(text)
    assert fact.target_span is not None
    assert fact.target_span.text == initiative_text
    # the whole name where the registry does not know it, never a piece of it
    assert fact.purpose in (None, initiative_text), fact.purpose


@pytest.mark.parametrize(
    ("text", "amount", "purpose"),
    [
        (
            "A further $300 million will promote the use of robotics in elderly care.",
            "$300 million",
            "promote the use of robotics in elderly care",
        ),
        (
            "We set aside $2 billion for the ITF and another $40 million will support studios.",
            "$40 million",
            "support studios",
        ),
        (
            "Of the total, $600 million will go to new research chairs at the universities.",
            "$600 million",
            "new research chairs at the universities",
        ),
    ],
)
def test_an_amount_as_subject_takes_the_object_of_its_verb_as_purpose(
    text: str, amount: str, purpose: str
) -> None:
    fact = next(f for f in _facts(text) if f.amount_span.text == amount)
    assert fact.purpose == purpose


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("The new campus is expected to need well over $15 billion in the end.", "$15 billion"),
        ("整個園區預計最終需要超過150億元資金，政府會適時增撥資源。", "150億元"),
        ("整个园区预计最终需要超过150亿元资金，政府会适时增拨资源。", "150亿元"),
    ],
)
def test_an_estimate_of_what_a_project_needs_is_not_funding(text: str, amount: str) -> None:
    ex = hk.extract(text)
    assert ex.funding == ()
    assert [(r.amount_span.text, r.reason) for r in ex.not_funding] == [(amount, "estimate")]


def test_a_funding_verb_after_an_estimate_starts_a_funding_statement() -> None:
    ex = hk.extract("項目需要大量資金，政府會撥款80億元興建第一期。")
    assert [(f.amount_span.text, f.purpose) for f in ex.funding] == [("80億元", "興建第一期")]


def test_a_purpose_cut_before_the_next_amount_drops_its_joining_word() -> None:
    ex = hk.extract("We set aside $2 billion for the ITF and another $40 million for e-sports.")
    assert [(f.amount_span.text, f.initiative, f.purpose) for f in ex.funding] == [
        ("$2 billion", "itf", None),
        ("$40 million", None, "e-sports"),
    ]
    ex = hk.extract(
        "$5 billion will be used on the second phase of the data centre in Tseung Kwan O and "
        "$1 billion will go to the Innovation and Technology Fund."
    )
    assert [(f.amount_span.text, f.purpose, f.initiative) for f in ex.funding] == [
        ("$5 billion", "the second phase of the data centre in Tseung Kwan O", None),
        ("$1 billion", None, "itf"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We will inject $3 billion into the Hong Kong-Shenzhen Innovation & Technology Park.",
        "We will inject $3 billion into the Hong Kong Science & Technology Parks Corporation.",
    ],
)
def test_and_and_ampersand_are_one_name(text: str) -> None:
    fact = _one(text)
    assert fact.institution in {"hsitp", "hkstp"}
    assert fact.target_span is not None and "&" in fact.target_span.text


@pytest.mark.parametrize(
    ("text", "initiative", "institution"),
    [
        ("政府會向策略性創科基金注資30億元。", "sitf", None),
        ("政府会向策略性创科基金注资30亿元。", "sitf", None),
        ("The Government will inject $3 billion into the Strategic I&T Fund.", "sitf", None),
        ("政府會向創科基金注資30億元。", "itf", None),
        ("政府會向港投公司注資300億元。", None, "hkic"),
        ("政府会向港投注资300亿元。", None, "hkic"),
        (
            "We will set aside $1 billion for the Research, Academic and Industry Sectors "
            "One-plus (RAISe+) Scheme.",
            "raise_plus",
            None,
        ),
    ],
)
def test_named_funds_and_bodies_are_told_apart(
    text: str, initiative: str | None, institution: str | None
) -> None:
    fact = _one(text)
    assert (fact.initiative, fact.institution) == (initiative, institution)


@pytest.mark.parametrize("text", ["外商在港投資增加了20億元。", "本港投資者共投入20億元。"])
def test_hong_kong_before_invest_is_not_the_investment_corporation(text: str) -> None:
    assert not any(i.id == "hkic" for i in hk.extract(text).institutions)


def test_the_programme_refers_back_to_the_pilot_of_a_registered_programme() -> None:
    text = (
        "The Pilot Technology Voucher Programme was launched in 2016 with $500 million. "
        "The Programme subsidises each SME up to $600,000."
    )
    facts = _facts(text)
    assert [(f.amount_span.text, f.initiative) for f in facts] == [
        ("$500 million", "tvp"),
        ("$600,000", "tvp"),
    ]
    assert facts[1].reference is not None and facts[1].reference.text == "The Programme"


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("政府已撥出12億元進行擴建工程的設計。", "進行擴建工程的設計"),
        ("政府将拨款6,000万元举办国际创科博览会。", "举办国际创科博览会"),
        ("基金去年投資80億元，其中15億元投向生物科技企業。", "生物科技企業"),
    ],
)
def test_more_chinese_verbs_introduce_a_purpose(text: str, purpose: str) -> None:
    assert _facts(text)[-1].purpose == purpose


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("外商在港投資去年增加至480億元。", "480億元"),
        ("外来直接投资去年达到3,000亿元。", "3,000亿元"),
        ("Foreign direct investment reached $90 billion last year.", "$90 billion"),
    ],
)
def test_investment_into_the_economy_is_a_statistic(text: str, amount: str) -> None:
    ex = hk.extract(text)
    assert ex.funding == ()
    assert [(r.amount_span.text, r.reason) for r in ex.not_funding] == [(amount, "statistic")]


@pytest.mark.parametrize(
    "text",
    [
        "The Technology Voucher Programme approved 210 applications last year. In brief:\n"
        "- $38 million in total went to 150 companies;\n"
        "- a company may receive up to $600,000.",
        "科技券計劃去年批出210宗申請。重點如下：\n"
        "• 合共批出3,800萬元；\n"
        "• 每間公司最多可獲60萬元。",
    ],
)
def test_a_bullet_list_under_a_lead_line_belongs_to_the_scheme_described(text: str) -> None:
    facts = _facts(text)
    assert len(facts) == 2
    assert [f.initiative for f in facts] == ["tvp", "tvp"]


def test_a_bullet_list_without_a_lead_line_takes_no_scheme() -> None:
    text = (
        "The Technology Voucher Programme approved 210 applications.\n- HK$1 billion was set aside."
    )
    assert [f.initiative for f in _facts(text)] == [None]


@pytest.mark.parametrize(
    ("text", "amount", "reason"),
    [
        (
            "The park will fund 20 firms, whose sensors sell for as little as $80 each.",
            "$80",
            "price",
        ),
        ("Tickets to the robotics fair cost $120.", "$120", "price"),
        (
            "The Fund will receive $3 billion, bringing its total to over $35 billion.",
            "$35 billion",
            "statistic",
        ),
    ],
)
def test_prices_and_running_totals_beside_funding_are_not_funding(
    text: str, amount: str, reason: str
) -> None:
    ex = hk.extract(text)
    assert (amount, reason) in [(r.amount_span.text, r.reason) for r in ex.not_funding]
    assert amount not in [f.amount_span.text for f in ex.funding]


@pytest.mark.parametrize(
    "text",
    [
        "科技券計劃已批出約九千宗申請，涉及資助總額約18億元。",
        "政府會將每個項目的資助上限由50萬元提高至70萬元。",
        "政府会将每个项目的资助上限由50万元提高至70万元。",
    ],
)
def test_a_verb_of_sum_or_change_is_never_a_purpose(text: str) -> None:
    assert all(f.purpose is None for f in _facts(text)), _facts(text)


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("政府將推出3億元的「海洋科技起步計劃」。", "海洋科技起步計劃"),
        ("政府将推出3亿元的“海洋科技起步计划”。", "海洋科技起步计划"),
    ],
)
def test_a_quoted_name_right_after_the_amount_is_what_it_funds(text: str, purpose: str) -> None:
    fact = _facts(text)[0]
    assert fact.target_span is not None and fact.target_span.text == purpose


def test_more_english_verbs_introduce_a_purpose() -> None:
    fact = _one("The corporation will set aside $400 million to attract biotech firms.")
    assert fact.purpose == "attract biotech firms"


@pytest.mark.parametrize(
    ("text", "initiative"),
    [
        (
            "Since 2021 the Research Talent Hub has funded 4,000 posts. "
            "The Scheme will receive a further $600 million next year.",
            "rth",
        ),
    ],
)
def test_the_scheme_resolves_to_the_one_initiative_named_whatever_its_kind(
    text: str, initiative: str
) -> None:
    fact = _one(text)
    assert fact.initiative == initiative
    assert fact.reference is not None and fact.reference.text == "The Scheme"


def test_the_scheme_stays_unresolved_between_two_initiatives_of_other_kinds() -> None:
    text = (
        "The Research Talent Hub and the Technology Voucher Programme were reviewed. "
        "The Scheme will receive a further $600 million next year."
    )
    assert _one(text).initiative is None


@pytest.mark.parametrize(
    "text",
    ["數碼港去年為初創企業提供約1.6億元資助。", "数码港去年为初创企业提供约1.6亿元资助。"],
)
def test_the_body_that_provides_the_money_is_its_funder(text: str) -> None:
    fact = _one(text)
    assert (fact.institution, fact.role, fact.funder) == ("cyberport", "funder", "cyberport")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        (
            "The Fund co-invested $900 million, attracting $15 billion from other investors.",
            "$15 billion",
        ),
        ("Start-ups in the park drew $3 billion from private investors last year.", "$3 billion"),
    ],
)
def test_private_money_drawn_in_is_fundraising(text: str, amount: str) -> None:
    ex = hk.extract(text)
    assert (amount, "fundraising") in [(r.amount_span.text, r.reason) for r in ex.not_funding]


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        (
            "Cyberport will spend $350 million upgrading its data centre.",
            "upgrading its data centre",
        ),
        (
            "The Government invested $2 billion building new laboratories.",
            "building new laboratories",
        ),
    ],
)
def test_a_gerund_after_a_spending_verbs_amount_is_its_purpose(text: str, purpose: str) -> None:
    assert _one(text).purpose == purpose


def test_a_gerund_of_time_or_total_is_no_purpose() -> None:
    assert _one("The Government will spend $2 billion during the pandemic.").purpose is None


@pytest.mark.parametrize(
    "text",
    [
        "InnoHK Research Clusters\n\nEach research centre may receive up to $500 million.",
        "科技券計劃\n\n每間企業最多可獲60萬元資助。",
        "科技券计划\n\n每间企业最多可获60万元资助。",
    ],
)
def test_an_amount_naming_nothing_belongs_to_the_initiative_in_its_heading(text: str) -> None:
    assert _one(text).initiative in {"innohk", "tvp"}


def test_a_heading_gives_no_target_to_an_amount_that_is_not_funded() -> None:
    assert _facts("科技券計劃\n\n本地企業去年的平均營運成本為60萬元。") == []


def test_a_heading_names_the_first_paragraph_only() -> None:
    text = (
        "Technology Voucher Programme\n\nThe review ended in May.\n\n"
        "Each company may receive up to $600,000."
    )
    assert [f.initiative for f in _facts(text)] == [None]


def test_every_clause_break_starts_with_one_of_its_marks() -> None:
    # A window holding none of CLAUSE_BREAK_MARKS is taken to hold no clause break.
    from hkpolicy._funding_units import CLAUSE_BREAK_MARKS, CLAUSE_BREAKS

    for branch in CLAUSE_BREAKS:
        first = set(branch[1 : branch.index("]")]) if branch[0] == "[" else {branch[0]}
        assert first <= set(CLAUSE_BREAK_MARKS), branch


def test_funding_and_not_funding_are_built_like_validated_models() -> None:
    from tests.trusted_records import assert_built_like_validated

    text = (
        "政府預留100億元推動生命健康科技。初創企業的融資總額達50億元。"
        "The Government will set aside $2 billion for the Innovation and Technology Fund in "
        "2025-26, up to a ceiling of $30 million per project."
    )
    ex = hk.extract(text)
    assert ex.funding and ex.not_funding
    for fact in (*ex.funding, *ex.not_funding):
        assert_built_like_validated(fact)


def test_sector_stats_from_prose_are_built_like_validated_models() -> None:
    from tests.trusted_records import assert_built_like_validated

    text = (
        "According to the survey, 42% of local enterprises have begun using cloud services. "
        "The logistics industry, which contributes 3% to GDP, is growing."
    )
    stats = hk.extract(text).sector_stats
    assert [(s.sector, s.metric) for s in stats] == [
        ("local enterprises", "have begun using cloud services"),
        ("logistics industry", "contribution to GDP"),
    ]
    for stat in stats:
        assert_built_like_validated(stat)


def test_sector_stat_is_one_class_for_tables_facts_and_the_package() -> None:
    from hkpolicy import _sector_stat, facts, tables

    assert facts.SectorStat is tables.SectorStat is hk.SectorStat is _sector_stat.SectorStat


def test_script_words_find_what_the_whole_pattern_finds() -> None:
    from hkpolicy._funding_text import FUNDING_VERBS

    for text in (
        "The Fund will allocate $2 million and grants",
        "政府撥款5億元，並預留資金",
        "政府向HKSTP撥款5億元 and will invest more",
        "no verb here at all",
    ):
        found = [m.span() for m in FUNDING_VERBS.finditer(text, 0, len(text))]
        whole = [m.span() for m in FUNDING_VERBS.either.finditer(text, 0, len(text))]
        assert found == whole, text
    assert [m.group() for m in FUNDING_VERBS.finditer("allocated; 撥款", 0, 14)] == [
        "allocated",
        "撥款",
    ]


def test_script_words_refuse_a_word_without_a_letter_of_its_script() -> None:
    from hkpolicy._funding_text import ScriptWords

    with pytest.raises(ValueError, match="'&'"):
        ScriptWords(["grant", "&", "撥款"])
    with pytest.raises(ValueError, match="both scripts"):
        ScriptWords(["grant"])


FUNDING_PIECES = [
    "政府", "撥款", "5億元", "為", "推動", "創科", "，", "。", "涉及", "共獲", "分", "在", "上的",
    "向", "給", "資助總額", "香港科技園公司", "The Fund ", "will allocate ", "$2 million ",
    "backed by ", "worth ", "for ", "the programme ", "with ", "up to ", "HK$3 billion", ". ",
    "價格", "price of ", "grant ", "to help SMEs", "2025-26年度", "創新及科技基金", "額",
    "撥款總額", "財政總預算", "的資助額",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FUNDING_PIECES), max_size=24).map("".join))
@example("政府為推動創科預留5億元，並向香港科技園公司撥款3億元。")
@example("The programme, backed by $2 million, will help SMEs.")
@example("首批項目的資助總額為10億元。21企業分1.2億元。")
def test_funding_equal_with_and_without_the_shortcuts(text: str) -> None:
    # The script-split cue scans and the word tests before the purpose forms only skip work.
    from hkpolicy import _funding_purpose, _funding_text

    ex = hk.extract(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            _funding_text.ScriptWords,
            "finditer",
            lambda self, text, low, high: self.either.finditer(text, low, high),
        )
        patch.setattr(_funding_purpose, "_holds", lambda *args: True)
        patch.setattr(_funding_purpose, "_SHARED_BY_ENDS", ("",))
        patch.setattr(_funding_purpose, "_EN_BEFORE_TAIL_RE", regex.compile(""))
        patch.setattr(_funding_purpose, "_EN_TAIL_LAST_WORDS", ("",))
        patch.setattr(_funding_purpose, "_NOT_IN_PHRASE_RE", regex.compile("(?!)", regex.REVERSE))
        plain = hk.extract(text)
    assert (plain.funding, plain.not_funding) == (ex.funding, ex.not_funding), text


def test_the_shortcut_examples_make_facts() -> None:
    # The @example texts above make facts (checked by hand), so the comparison is not empty.
    facts = _facts("政府為推動創科預留5億元，並向香港科技園公司撥款3億元。")
    assert [(f.amount_span and f.amount_span.text, f.institution) for f in facts] == [
        ("5億元", None),
        ("3億元", "hkstp"),
    ]
    assert facts[0].purpose == "推動創科"


# --- drafts are finished as soon as no later amount can read or change them ------------------

SETTLE_PIECES = [
    "The Government will allocate HK$4 billion to the Innovation and Technology Fund. ",
    "HKSTP will receive $200 million, with a ceiling of $30 million per project. ",
    "$8 billion and $2 billion for Cyberport and HKSTP respectively. ",
    "It stressed that $4 billion is not enough. ",
    "政府預留100億元推動生命健康科技，", "獲撥出當中的8億元。", "最高資助額為50萬元。",
    "up to $1 million, ", "Filler words without figures. " * 20, "\n", "; ", ", and ",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SETTLE_PIECES), max_size=30).map("".join))
@example(SETTLE_PIECES[0] + SETTLE_PIECES[8] * 3 + SETTLE_PIECES[3])
def test_finishing_drafts_early_gives_the_facts_of_finishing_them_at_the_end(text: str) -> None:
    from hkpolicy import _funding
    from hkpolicy._sentences import SentenceIndex

    ex = hk.extract(text)
    args = (text, ex.money, ex.dates, ex.institutions, ex.initiatives)
    early = assemble_funding_facts(*args, SentenceIndex(text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_funding, "_finish_settled", lambda *_: None)  # every draft kept to the end
        late = assemble_funding_facts(*args, SentenceIndex(text))
    assert early == late, text


def test_a_repeated_amount_far_on_takes_no_target_from_a_finished_draft() -> None:
    # The repeat stands more than MAX_REFERENCE_DISTANCE after the first amount: the first
    # draft is finished by then, and (as before) the repeat inherits nothing from it.
    first = "The Government will allocate HK$4 billion to the Innovation and Technology Fund. "
    text = (
        first + "Filler words without figures. " * 60 + "It stressed that $4 billion is not enough."
    )
    facts = _facts(text)
    assert [f.initiative for f in facts] == ["itf"]
