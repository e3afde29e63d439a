"""Money: parse_money, find_money, pairs and the peg check, context, round trips, errors.

Every sentence here is written for this suite in the forms Hong Kong texts use; each expected
value was worked out by hand from the sentence.
"""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hkpolicy.errors import ParseError, UnknownCurrencyError
from hkpolicy.money import Money, MoneyMention, find_money, money_unit_of, parse_money
from hkpolicy.spans import Qualifier

from .conftest import seed_text

D = Decimal
Q = Qualifier


def one(text: str, **kwargs: object) -> tuple[str, Money, str]:
    found = find_money(text, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0].span.text, found[0].money, found[0].currency_source


# --- the seeds --------------------------------------------------------------------------------


def test_seed_003_amounts() -> None:
    text = seed_text("003")
    found = find_money(text)
    assert [(m.span.text, m.money.amount, m.money.currency) for m in found] == [
        ("HK$200 million", D("200000000"), "HKD"),
        ("HK$10 billion", D("10000000000"), "HKD"),
        ("HK$500,000", D("500000"), "HKD"),
    ]
    exceeding, fund, grant = found
    assert exceeding.money.qualifier is Q.MORE_THAN and exceeding.money.per == "year"
    assert exceeding.cue is not None and exceeding.cue.text == "exceeding"
    assert fund.money.qualifier is Q.EXACT and fund.money.per is None
    assert grant.money.qualifier is Q.UP_TO and grant.cue is not None
    assert grant.cue.text == "up to"
    assert all(text[m.span.start : m.span.end] == m.span.text for m in found)


def test_seed_004_pair_is_consistent() -> None:
    text = seed_text("004")
    hkd, usd = find_money(text, doc_id="004")
    assert (hkd.money.amount, hkd.money.currency) == (D("24000000000"), "HKD")
    assert (usd.money.amount, usd.money.currency) == (D("3070000000"), "USD")
    assert hkd.paired_index == 1 and usd.paired_index == 0
    assert hkd.paired == usd.money and usd.paired == hkd.money
    assert hkd.peg == usd.peg == "consistent"
    assert hkd.span.doc_id == "004" and hkd.span.text == "HK$24 billion"


@pytest.mark.parametrize("stem", ["000", "001", "002"])
def test_seeds_without_money_give_nothing(stem: str) -> None:
    assert find_money(seed_text(stem)) == []


# --- forms ------------------------------------------------------------------------------------

FORMS = [
    ("HK$24 billion", "24000000000", "HKD", "symbol"),
    ("HK$500,000", "500000", "HKD", "symbol"),
    ("HK$1.5bn", "1500000000", "HKD", "symbol"),
    ("HK$100 mn", "100000000", "HKD", "symbol"),
    ("HK$100k", "100000", "HKD", "symbol"),
    ("HK$93.7B", "93700000000", "HKD", "symbol"),
    ("HK$2-billion", "2000000000", "HKD", "symbol"),
    ("HK$ 10.05 billion", "10050000000", "HKD", "symbol"),
    ("hk $ 10.05 billion", "10050000000", "HKD", "symbol"),
    ("HKD 200m", "200000000", "HKD", "code"),
    ("HKD15,000,000", "15000000", "HKD", "code"),
    ("US$3.07 billion", "3070000000", "USD", "symbol"),
    ("USD 5 million", "5000000", "USD", "code"),
    ("RMB1.5 billion", "1500000000", "CNY", "code"),
    ("1.5 billion yuan", "1500000000", "CNY", "word"),
    ("S$2 million", "2000000", "SGD", "symbol"),
    ("SGD 2 million", "2000000", "SGD", "code"),
    ("NT$300 million", "300000000", "TWD", "symbol"),
    ("TWD 3,000", "3000", "TWD", "code"),
    ("MOP$10,000", "10000", "MOP", "symbol"),
    ("€5 million", "5000000", "EUR", "symbol"),
    ("£3 million", "3000000", "GBP", "symbol"),
    ("200 million Hong Kong dollars", "200000000", "HKD", "word"),
    ("$3 billion Hong Kong dollars", "3000000000", "HKD", "word"),
    ("10-billion-Hong Kong dollar", "10000000000", "HKD", "word"),
    ("26 million U.S. dollars", "26000000", "USD", "word"),
    ("$3 billion", "3000000000", "HKD", "default"),
    ("50億港元", "5000000000", "HKD", "word"),
    ("50億港幣", "5000000000", "HKD", "word"),
    ("50億港币", "5000000000", "HKD", "word"),
    ("50億元", "5000000000", "HKD", "default"),
    ("3億美元", "300000000", "USD", "word"),
    ("5億人民幣", "500000000", "CNY", "word"),
    ("5億人民币", "500000000", "CNY", "word"),
    ("5萬新加坡元", "50000", "SGD", "word"),
    ("5萬新元", "50000", "SGD", "word"),
    ("11億6,400萬元", "1164000000", "HKD", "default"),
    ("$3.96億", "396000000", "HKD", "default"),
    ("357.72億港元", "35772000000", "HKD", "word"),
    ("五十五億元", "5500000000", "HKD", "default"),
    ("五千萬元", "50000000", "HKD", "default"),
    ("一千億元", "100000000000", "HKD", "default"),
    ("５０億元", "5000000000", "HKD", "default"),
]


@pytest.mark.parametrize(("text", "amount", "currency", "source"), FORMS)
def test_forms(text: str, amount: str, currency: str, source: str) -> None:
    span, money, found_source = one(f"The Government will provide {text} for the scheme.")
    assert span == text
    assert (money.amount, money.currency, found_source) == (D(amount), currency, source)
    assert parse_money(text, default_currency="HKD") == money


def test_budget_speech_bare_dollar_takes_document_currency() -> None:
    text = "I have earmarked $3 billion for the Frontier Technology Research Support Scheme."
    assert one(text)[1:] == (Money(amount=D("3000000000"), currency="HKD"), "default")
    assert one(text, default_currency="USD")[1].currency == "USD"
    assert find_money(text, default_currency=None) == []


def test_yen_sign_reads_from_context() -> None:
    assert one("The robot cost ¥3 million in Osaka.")[1].currency == "JPY"
    assert one("項目涉及¥300萬。")[1].currency == "CNY"


CUES = [
    ("over HK$1 million", Q.MORE_THAN, "over"),
    ("more than HK$1 million", Q.MORE_THAN, "more than"),
    ("exceeding HK$1 million", Q.MORE_THAN, "exceeding"),
    ("超過50億元", Q.MORE_THAN, "超過"),
    ("逾50億元", Q.MORE_THAN, "逾"),
    ("up to HK$1 million", Q.UP_TO, "up to"),
    ("a maximum of HK$1 million", Q.UP_TO, "a maximum of"),
    ("a ceiling of HK$1 million", Q.UP_TO, "a ceiling of"),
    ("as much as HK$1 million", Q.UP_TO, "as much as"),
    ("最高可獲50萬元", Q.UP_TO, "最高"),
    ("上限50萬元", Q.UP_TO, "上限"),
    ("高達50億元", Q.UP_TO, "高達"),
    ("at least HK$1 million", Q.AT_LEAST, "at least"),
    ("not less than HK$1 million", Q.AT_LEAST, "not less than"),
    ("minimum HK$1 million", Q.AT_LEAST, "minimum"),
    ("不少於50萬元", Q.AT_LEAST, "不少於"),
    ("低至5萬元", Q.AT_LEAST, "低至"),
    ("about HK$1 million", Q.APPROXIMATELY, "about"),
    ("around HK$1 million", Q.APPROXIMATELY, "around"),
    ("approximately HK$1 million", Q.APPROXIMATELY, "approximately"),
    ("nearly HK$1 million", Q.APPROXIMATELY, "nearly"),
    ("some HK$1 million", Q.APPROXIMATELY, "some"),
    ("~HK$1 million", Q.APPROXIMATELY, "~"),
    ("約50億元", Q.APPROXIMATELY, "約"),
    ("less than HK$1 million", Q.LESS_THAN, "less than"),
    ("HK$5 million or more", Q.AT_LEAST, "or more"),
]


@pytest.mark.parametrize(("text", "qualifier", "cue"), CUES)
def test_qualifier_cues(text: str, qualifier: Qualifier, cue: str) -> None:
    (mention,) = find_money(text)
    assert mention.money.qualifier is qualifier
    assert mention.cue is not None and mention.cue.text == cue
    assert text[mention.cue.start : mention.cue.end] == cue


RANGES = [
    ("HK$1 million to HK$5 million", "1000000", "5000000"),
    ("between $2 million and $5 million", "2000000", "5000000"),
    ("HK$1-5 million", "1000000", "5000000"),
    ("500億至900億元", "50000000000", "90000000000"),
]


@pytest.mark.parametrize(("text", "low", "high"), RANGES)
def test_ranges(text: str, low: str, high: str) -> None:
    (mention,) = find_money(text)
    money = mention.money
    assert (money.qualifier, money.amount, money.amount_max) == (Q.RANGE, D(low), D(high))
    assert money.currency == "HKD"


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("a subsidy of HK$3,000 a month", "month"),
        ("HK$200 million per year", "year"),
        ("annual funding of HK$200 million", "year"),
        ("每年撥款50億元", "year"),
        ("每月5,000元", "month"),
    ],
)
def test_periods(text: str, per: str) -> None:
    assert one(text)[1].per == per


def test_a_year_earlier_is_not_a_period() -> None:
    assert one("Revenue reached HK$5 billion a year earlier.")[1].per is None


def test_pair_with_bracketed_bare_dollar_is_usd() -> None:
    hkd, usd = find_money("The fund was HK$10 billion ($1.28 billion) at launch.")
    assert (usd.money.currency, usd.currency_source) == ("USD", "context")
    assert hkd.peg == "consistent"


def test_pair_outside_the_band_is_inconsistent() -> None:
    hkd, usd = find_money("a grant of HK$24 billion (US$2 billion)")
    assert hkd.peg == usd.peg == "inconsistent"


def test_chinese_pair_with_cue_in_brackets() -> None:
    hkd, usd = find_money("240億港元（約30.7億美元）")
    assert usd.money.qualifier is Q.APPROXIMATELY and hkd.paired_index == 1
    assert hkd.peg == "consistent"


def test_declaration_sets_currency_of_bare_chinese_amounts() -> None:
    text = "政府預留(港幣,下同)500億推動創科，另撥5,000萬予數碼港，並資助100億張相片的數碼化。"
    found = find_money(text, default_currency=None)
    assert [(m.span.text, m.money.amount, m.currency_source) for m in found] == [
        ("500億", D("50000000000"), "context"),
        ("5,000萬", D("50000000"), "context"),
    ]
    assert all(m.money.currency == "HKD" for m in found)


def test_declaration_overrides_default_for_yuan() -> None:
    assert one("（以人民幣計，下同）撥款300億元。")[1:] == (
        Money(amount=D("30000000000"), currency="CNY"),
        "context",
    )


@pytest.mark.parametrize(
    "text",
    [
        "In 2024, 10 billion images were labelled.",
        "The 2024-25 Budget was delivered in 2024.",
        "Adoption rose to 42% and then 58 per cent.",
        "Call 2123 4567 for version 2.0 of the form.",
        "共有100億張相片。",
        "9,9,9,9,9 dollars",
    ],
)
def test_not_money(text: str) -> None:
    assert find_money(text) == []


def test_skip_ranges() -> None:
    text = "Subscribe for HK$5 a month. The fund is HK$10 billion."
    found = find_money(text, skip=[(0, 27)])
    assert [m.span.text for m in found] == ["HK$10 billion"]


def test_table_header_unit() -> None:
    assert money_unit_of("Funding (HK$ million)") == ("HKD", D(1000000))
    assert money_unit_of("(億元)") == ("HKD", D(100000000))
    assert money_unit_of("Name") is None
    assert parse_money("1,234.5", default_currency="HKD", scale=10**6).amount == D("1234500000")


# --- parse_money errors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ("HK$", "Invalid money amount: 'HK$'", "expected a number after the currency"),
        ("twelve-ish dollars", "'twelve-ish dollars'", "money"),
        ("$5", "No currency for the amount in '$5'", "default_currency="),
        ("HK$5 and HK$6", "More than one money amount in 'HK$5 and HK$6'", "find_money"),
    ],
)
def test_parse_errors_quote_input(text: str, message: str, hint: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_money(text, default_currency=None)
    rendered = str(info.value)
    assert message in rendered.splitlines()[0]
    assert repr(text) in rendered.splitlines()[1]
    assert hint in rendered
    copy = pickle.loads(pickle.dumps(info.value))
    assert str(copy) == rendered


def test_unknown_currency() -> None:
    with pytest.raises(UnknownCurrencyError) as info:
        Money(amount=D(1), currency="XYZ")
    assert "XYZ" in str(info.value)
    assert str(pickle.loads(pickle.dumps(info.value))) == str(info.value)


def test_model_rules() -> None:
    with pytest.raises(ValueError, match="range"):
        Money(amount=D(1), currency="HKD", amount_max=D(2))
    with pytest.raises(ValueError, match="negative"):
        Money(amount=D(-1), currency="HKD")


# --- conversion -------------------------------------------------------------------------------


def test_to_usd_under_the_peg() -> None:
    money = Money(amount=D("24e9"), currency="HKD")
    usd = money.to("USD")
    assert usd.currency == "USD"
    assert usd.amount == D("3076923076.923076923076923077")  # 24e9 / 7.80 at 28 digits
    assert Money(amount=D("3.07e9"), currency="USD").to("HKD").amount == D("23946000000")
    assert Money(amount=D("7.8e9"), currency="HKD").to("USD").amount == D("1000000000")


def test_to_without_rate_raises() -> None:
    with pytest.raises(UnknownCurrencyError, match="rate="):
        Money(amount=D(100), currency="HKD").to("EUR")


def test_to_with_rate() -> None:
    eur = Money(amount=D(100), currency="HKD").to("EUR", rate="0.118")
    assert eur == Money(amount=D("11.8"), currency="EUR")


# --- properties -------------------------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=D("1e15"), allow_nan=False, places=4)


@st.composite
def moneys(draw: st.DrawFn) -> Money:
    currency = draw(st.sampled_from(sorted({"HKD", "USD", "CNY", "EUR", "GBP", "JPY", "SGD"})))
    qualifier = draw(st.sampled_from(list(Q)))
    amount = draw(amounts)
    amount_max = None
    if qualifier is Q.RANGE:
        amount_max = amount + draw(amounts)
    per = draw(st.sampled_from([None, "year", "month", "week", "day"]))
    return Money(
        amount=amount, currency=currency, qualifier=qualifier, amount_max=amount_max, per=per
    )


@given(moneys())
@settings(max_examples=300, deadline=None)
def test_str_round_trips(money: Money) -> None:
    assert parse_money(str(money)) == money


@given(
    st.text(
        alphabet=st.sampled_from(list("HK$US$0123456789,.-() 億萬元港約最高million bn年%~")),
        max_size=80,
    )
    | st.text(max_size=80)
)
@settings(max_examples=500, deadline=None)
def test_find_money_never_raises_and_spans_are_exact(text: str) -> None:
    found = find_money(text)
    assert found.complete, found.warnings
    for mention in found:
        assert text[mention.span.start : mention.span.end] == mention.span.text
        if mention.cue is not None:
            assert text[mention.cue.start : mention.cue.end] == mention.cue.text


# --- Chinese scales with no 元 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "amount"),
    [
        ("政府將預留500億推動北部都會區的創科發展。", "500億", "50000000000"),
        ("創新科技署今日宣布，計劃再注資5,000萬予數碼港。", "5,000萬", "50000000"),
        ("項目總開支約3.96億，將於明年完成。", "3.96億", "396000000"),
        ("立法會財務委員會批准撥款11億6,400萬推行計劃。", "11億6,400萬", "1164000000"),
    ],
)
def test_chinese_scale_without_yuan_takes_the_default(text: str, surface: str, amount: str) -> None:
    span, money, source = one(text)
    assert (span, money.amount, money.currency, source) == (surface, D(amount), "HKD", "default")


def test_chinese_scale_without_yuan_takes_the_given_default() -> None:
    assert one("資助總額為2億。", default_currency="USD")[1].currency == "USD"
    assert find_money("資助總額為2億。", default_currency=None) == []


def test_chinese_scale_without_yuan_keeps_its_cue() -> None:
    found = find_money("基金規模逾500億，為本港最大的創科基金。")
    assert [(m.money.qualifier, m.cue.text if m.cue else None) for m in found] == [
        (Q.MORE_THAN, "逾")
    ]


def test_declaration_covers_mixed_chinese_scales() -> None:
    found = find_money("（以美元計，下同）公司去年收入11億6,400萬。", default_currency="HKD")
    assert [(m.money.amount, m.money.currency, m.currency_source) for m in found] == [
        (D("1164000000"), "USD", "context")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "人工智能模型已處理逾100億張圖像。",
        "計劃預計惠及約5,000萬人次。",
        "全港共有300萬戶家庭受惠。",
        "當局已購置1.2萬台伺服器。",
        "香港人口約750萬，其中不少是科技從業員。",
        "第100萬名訪客今日到訪科學園。",
        "科技園的樓面面積達40萬平方呎。",
        "系統每日處理2萬份申請及5萬宗查詢。",
    ],
)
def test_chinese_scale_counts_are_not_money(text: str) -> None:
    assert find_money(text) == []


def test_counter_does_not_block_a_written_currency() -> None:
    assert one("計劃撥款500萬台幣。")[1] == Money(amount=D("5000000"), currency="TWD")


def test_chinese_scale_without_yuan_in_a_range_with_yuan() -> None:
    found = find_money("政府預留500億至900億元。")
    assert [(m.money.amount, m.money.amount_max) for m in found] == [
        (D("50000000000"), D("90000000000"))
    ]


def test_mentions_built_without_validation_equal_validated_models() -> None:
    found = find_money("約50億元及HK$24 billion (US$3.07 billion)")
    assert len(found) == 3
    for mention in found:
        assert MoneyMention.model_validate(mention.model_dump()) == mention
        assert Money.model_validate(mention.money.model_dump()) == mention.money


def test_issue_10_the_hundred_of_baifenzhi_is_not_money() -> None:
    # 百分之 ("per hundred") introduces a percentage; its 百 must not be read as 100 of a currency.
    assert find_money("開支佔百分之五，較去年的百分之四高。") == []
    assert [str(m.money) for m in find_money("政府撥款百萬元。")] == ["HKD 1,000,000"]


def test_skip_ranges_may_overlap_and_nest() -> None:
    # Boilerplate ranges from several sources can nest: an amount inside the outer range is
    # skipped even where an inner range that starts later ends before it.
    text = "HK$1 then HK$2 then HK$3 then HK$4"
    skip = [(0, 25), (5, 8), (26, 27)]
    assert [m.span.text for m in find_money(text, skip=skip)] == ["HK$4"]
    # An amount whose cue or currency runs into a skipped range is not reported either.
    assert [m.span.text for m in find_money("over HK$5 and HK$6", skip=[(0, 2)])] == ["HK$6"]


@pytest.mark.parametrize("piece", ["9,", "1."])
def test_a_ten_megabyte_run_of_separated_digits_is_scanned_to_the_end(piece: str) -> None:
    # The number pattern repeats its group a bounded number of times, so one run of millions
    # of separated digits no longer exhausts the regex engine's memory (a MemoryError, caught,
    # made the scan stop early with a warning).
    result = find_money(piece * 5_000_000)
    assert result.complete and not result.warnings
    assert list(result) == []


def test_a_number_longer_than_the_token_cap_is_read_whole() -> None:
    text = "$" + "1" * 10_000 + " million"
    (mention,) = find_money(text)
    assert (mention.span.start, mention.span.end) == (0, len(text))
    assert mention.money.amount == Decimal("1" * 10_000 + "0" * 6)
