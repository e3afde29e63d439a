"""Reliability: no scanner crashes, hangs or loses a number, on any ``str``.

Five parts, each a section below:

1. Property tests (hypothesis) over text built from Hong Kong money, percentage, date and table
   syntax mixed with noise: every scanner returns, every span it reports is a true slice of the
   text, ``parse_*(str(x)) == x`` for Money and Percentage, and every public model survives JSON.
2. Regression tests for what the fuzzers and these tests found, named by the behaviour they pin.
3. The adversarial corpus (tests/adversarial) run through every scanner: valid spans, no digit
   lost. Its cost is counted by tests/test_linear_cost.py; no test here reads a clock.
4. Lossless extraction: every digit lies in a mention, a fact, a table or an ``unparsed`` entry.
5. Clear errors: the exact text of each, pickling, corpus integrity, huge and tiny values.

Example counts are moderate by default; ``HKPOLICY_FUZZ=long`` selects the ``hkpolicy-long``
hypothesis profile (at least 100,000 examples per property) and runs every adversarial input
through every public scanner at 1 MB.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import hkpolicy as hk
from hkpolicy._numerals import EXACT
from hkpolicy.boilerplate import find_boilerplate
from hkpolicy.extraction import extract
from hkpolicy.money import KNOWN_CURRENCIES
from hkpolicy.spans import Qualifier
from tests.adversarial import CASES, MB
from tests.adversarial.checks import (
    DOC,
    SCANNERS,
    assert_spans_valid,
    assert_tables_valid,
    lost_digits,
)
from tests.conftest import REPO, SEEDS_DIR

# --- hypothesis profiles ---------------------------------------------------------------------

LONG = os.environ.get("HKPOLICY_FUZZ", "").strip().lower() == "long"
# Every property runs at least this many examples in long mode.
LONG_EXAMPLES = 100_000

settings.register_profile(
    "hkpolicy-ci",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile(
    "hkpolicy-long",
    settings.get_profile("hkpolicy-ci"),
    max_examples=LONG_EXAMPLES,
)
PROFILE = "hkpolicy-long" if LONG else "hkpolicy-ci"


def examples(ci: int) -> settings:
    """Settings from the active profile: ``ci`` examples by default, the long count otherwise.

    The profile is applied per test (not loaded globally) so other test files keep their own.
    """
    return settings(settings.get_profile(PROFILE), max_examples=LONG_EXAMPLES if LONG else ci)


# --- strategies --------------------------------------------------------------------------------

# Pieces of the syntax the scanners read, so random joins reach their deep paths.
MONEY_BITS = (
    "HK$", "HK $", "hk$", "US$", "U.S.$", "$", "＄", "S$", "NT$", "MOP$", "€", "£", "¥", "￥",
    "HKD", "USD", "RMB", "MUSD", "港元", "港幣", "人民幣", "美元", "元", "圓", "蚊",
    "Hong Kong dollars", "dollars", "cents", "仙", "毫", "角",
    "million", "billion", "trillion", "bn", "mn", "m", "k", "b", "億", "亿", "萬", "万", "千萬",
    "百萬", "up to ", "about ", "over ", "at least ", "not less than ", "less than ", "between ",
    "exceeding ", "some ", "~", "超過", "約", "逾", "最高", "不少於", "少於", "左右", "以上",
    " or more", "(港幣,下同)", "（以港元計，下同）", " a year", " per month", "每年", "/yr",
    " annually", "annual ",
)  # fmt: skip
PERCENT_BITS = (
    "%", "％", " %", " per cent", " percent", " percentage points", "pp", "個百分點", "百分之",
    "千分之", "成", "半", "七成半", "百分點", "%+", "+", "-", "−", "minus ", "rose ", "fell ",
    "上升", "下降", "approximately ", "nearly ",
)  # fmt: skip
DATE_BITS = (
    "2024-25", "2024/25", "2024-2025", "2024–25", "FY2024", "FY 2024/25", "財政年度", "年度",
    "2024年", "二〇二四年", "年", "月", "日", "3月", "by 2030", "in late 2024", "Q3 2024",
    "1 April 2024", "April", "within the next two years", "去年", "近年", "the 2024-2025 budget",
    "04/07/2024", "2024-07-04", "from 2020 to 2025",
)  # fmt: skip
TABLE_BITS = (
    "|", "| ", " |", "\\|", "|---|", "| --- | --: |", ":--", "--:", ":-:", "-", "`", "``",
    "**", "\n", "\r\n", "    ", "> ", "# ", "```", "~~~", "- ", "1. ", "<div>", "(%)",
    "(HK$ million)", "($m)", "(億元)", "('000)", "High", "Medium-High", "n/a", "—",
)  # fmt: skip
ENTITY_BITS = (
    "Innovation and Technology Fund", "ITF", "HKUST", "HKSTP", "Cyberport", "OGCIO",
    "Innovation and Technology Commission (ITC)", "創新科技署", "香港科技園公司", "（科技園公司）",
    '"AI Subsidy Scheme"', "the Government", "Advertisement\n", "By Admin\n", "Photo: HKPC\n",
    "...\n", "…", "香港AI", "Hong\u0100\u00a0Kong", "Reading time: 3 min\n",
)  # fmt: skip
PUNCTUATION_BITS = (
    " ", "  ", "\u00a0", "\u202f", "\u3000", "\t", ",", "，", ".", "。", "；", ";", "'", "(",
    ")", "（", "）", "[", "]", "、", "e", "E", "a", "and", "to", "至", "/", "\x00", "\x1b",
    "\u200b", "\ufeff", "\u0301", "\ud800", "\udfff", "\U0001f600",
)  # fmt: skip
CJK_NUMERALS = "零〇一二兩两三四五六七八九十百千萬万億亿兆點点"
FULLWIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")

fragments = st.sampled_from(
    MONEY_BITS + PERCENT_BITS + DATE_BITS + TABLE_BITS + ENTITY_BITS + PUNCTUATION_BITS
)
plain_numbers = st.one_of(
    st.integers(0, 10**15).map(str),
    st.integers(0, 10**15).map(lambda n: f"{n:,}"),
    st.decimals(min_value=0, max_value=10**9, places=4).map(lambda d: f"{d:f}"),
    st.decimals(min_value=0, max_value=10**9, places=2).map(lambda d: f"{d:,f}"),
    st.integers(1900, 2100).map(str),
    st.text(CJK_NUMERALS, min_size=1, max_size=8),
    st.sampled_from(["1.144.000", "1'049,95", "1 298,00", "205,68", ".75", "3.07", "0.0001"]),
)
numbers = st.one_of(
    plain_numbers,
    plain_numbers.map(lambda s: s.translate(FULLWIDTH)),
    # up to 10,000 digits, random ones or one repeated
    st.integers(1, 10_000).map(lambda k: "9" * k),
    st.tuples(st.integers(0, 2**64), st.integers(1, 10_000)).map(
        lambda t: (str(t[0]) * (t[1] // len(str(t[0])) + 1))[: t[1]]
    ),
    st.sampled_from(["٣٤", "१२३", "²", "½", "Ⅻ", "①"]),  # other scripts' digits and numbers
)
# Any code point, lone surrogates and control characters included.
any_char = st.one_of(
    st.characters(codec=None), st.characters(categories=["Cs", "Cc", "Cf", "Co", "Cn"])
)
noise = st.text(any_char, max_size=12)
nested = st.tuples(st.integers(1, 5_000), st.sampled_from(["(", "（", "[", "(("])).map(
    lambda t: t[1] * t[0] + "HK$1 million" + ")" * t[0]
)
long_lines = st.tuples(
    st.one_of(fragments, numbers.filter(lambda s: len(s) < 20)), st.integers(50, 4_000)
).map(lambda t: t[0] * t[1])


@st.composite
def tables(draw: st.DrawFn) -> str:
    """A GFM-ish pipe table, sometimes malformed: ragged rows, bad delimiters, escapes."""
    width = draw(st.integers(1, 5))
    cell = st.one_of(
        fragments, numbers.filter(lambda s: len(s) < 30), noise, st.just(""), st.just("\\|")
    )

    def row(cells: int) -> str:
        items = draw(st.lists(cell, min_size=cells, max_size=cells))
        lead, trail = draw(st.booleans()), draw(st.booleans())
        return ("| " if lead else "") + " | ".join(items) + (" |" if trail else "")

    delimiter_cells = draw(st.integers(max(1, width - 1), width + 1))
    delimiter = (
        "|"
        + "|".join(
            draw(st.sampled_from(["---", ":--", "--:", ":-:", "-", " --- ", "-x-", ""]))
            for _ in range(delimiter_cells)
        )
        + "|"
    )
    body = [row(draw(st.integers(0, width + 2))) for _ in range(draw(st.integers(0, 6)))]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join([row(width), delimiter, *body])


hk_text = st.lists(
    st.one_of(fragments, fragments, numbers, noise, tables(), nested, long_lines), max_size=40
).map("".join)
# Plain text, and text of the shapes above: the search covers both.
any_text = st.one_of(st.text(any_char), hk_text)


# --- invariants (shared with the runner and fuzz/: tests/adversarial/checks.py) -------------


def assert_json_round_trip(model: BaseModel) -> None:
    """``model_validate_json(model_dump_json())`` is equal, and dumps to the identical text."""
    dumped = model.model_dump_json()
    again = type(model).model_validate_json(dumped)
    assert again == model
    assert again.model_dump_json() == dumped


# --- 1. property tests ---------------------------------------------------------------------------

PUBLIC_SCANNERS = sorted(set(SCANNERS) - {"extract"})


@pytest.mark.parametrize("name", PUBLIC_SCANNERS)
def test_scanners_never_raise_and_spans_are_valid(name: str) -> None:
    scan = SCANNERS[name]

    @examples(100)
    @given(any_text)
    def check(text: str) -> None:
        found = scan(text)
        assert_spans_valid(text, found, DOC)
        if name == "find_tables":
            assert isinstance(found, list)
            assert_tables_valid(text, found)

    check()


@examples(100)
@given(any_text)
@example("HK$24 billion (US$3.07 billion)\n| a | b |\n|---|---|\n| 1 | 2% |\n")
def test_extract_never_raises_spans_are_valid_and_it_survives_json(text: str) -> None:
    extraction = extract(text, doc_id=DOC)
    assert_spans_valid(text, extraction, DOC)
    assert_tables_valid(text, list(extraction.tables))
    assert_json_round_trip(extraction)  # lone surrogates too: see test_lone_surrogate_...


@examples(100)
@given(hk_text)
def test_extract_loses_no_digit_on_generated_text(text: str) -> None:
    extraction = extract(text)
    lost = lost_digits(text, extraction)
    assert not lost, [text[max(0, i - 10) : i + 10] for i in lost[:5]]


amounts = st.one_of(
    st.decimals(min_value=0, max_value=10**15, places=2),
    st.integers(0, 10**30).map(Decimal),
    st.decimals(min_value=0, max_value=10**6, allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal("1E+30"), Decimal("0.01"), Decimal("0.0001"), Decimal(0)]),
)
percent_values = st.one_of(
    st.decimals(min_value=-1000, max_value=10**6, places=4),
    # at most 30 decimals: see test_percentage_with_many_decimals_round_trips
    st.decimals(min_value=-100, max_value=100, places=30),
    st.sampled_from([Decimal("0.0001"), Decimal(0), Decimal(100), Decimal("1E+6")]),
)
PERIODS = (None, "year", "month", "week", "day")


@st.composite
def moneys(draw: st.DrawFn) -> hk.Money:
    amount = draw(amounts)
    qualifier = draw(st.sampled_from(list(Qualifier)))
    # Exact sums: the default context rounds to 28 digits, which can put the bound below 6.1E-28.
    amount_max = EXACT.add(amount, draw(amounts)) if qualifier is Qualifier.RANGE else None
    return hk.Money(
        amount=amount,
        currency=draw(st.sampled_from(sorted(KNOWN_CURRENCIES))),
        qualifier=qualifier,
        amount_max=amount_max,
        per=draw(st.sampled_from(PERIODS)),
    )


@st.composite
def percentages(draw: st.DrawFn) -> hk.Percentage:
    value = draw(percent_values)
    qualifier = draw(st.sampled_from(list(Qualifier)))
    value_max = (
        EXACT.add(value, abs(draw(percent_values))) if qualifier is Qualifier.RANGE else None
    )
    return hk.Percentage(
        value=value,
        qualifier=qualifier,
        value_max=value_max,
        unit=draw(st.sampled_from(["percent", "percentage_point"])),
    )


@examples(600)
@given(moneys())
def test_parse_money_reads_back_str_money(money: hk.Money) -> None:
    assert hk.parse_money(str(money)) == money


@examples(600)
@given(percentages())
def test_parse_percentage_reads_back_str_percentage(pct: hk.Percentage) -> None:
    assert hk.parse_percentage(str(pct)) == pct


@examples(300)
@given(st.one_of(moneys(), percentages()))
def test_values_survive_json(model: hk.Money | hk.Percentage) -> None:
    assert_json_round_trip(model)


# --- 2. regressions found by this suite and the fuzzers -------------------------------------------


def test_boilerplate_seo_pattern_still_finds_glued_words() -> None:
    # Its cost on a long word ("letters") is pinned by tests/test_linear_cost.py.
    assert find_boilerplate("a" * 100_000) == []
    # The pattern still finds what it is for.
    (found,) = find_boilerplate("Hong\u0100\u00a0Kong\u0100\u00a0AI news")
    assert (found.kind, found.span.text) == ("seo_fragment", "Hong\u0100\u00a0Kong\u0100\u00a0AI")


def test_unparsed_token_needs_a_digit() -> None:
    # Its cost on a run of scale characters ("yi_wan_run") is pinned by test_linear_cost.py.
    assert extract("億萬" * 50_000).unparsed == ()
    unparsed = extract("億萬億萬三十億萬。億萬").unparsed
    assert [(u.span.text, u.reason) for u in unparsed] == [("億萬億萬三十億萬", "unknown")]


def test_digits_in_dropped_table_cells_are_unparsed() -> None:
    # GFM drops the cells past the header's width; the table's whole span was counted as taken,
    # so "0" below was in no cell and in no unparsed entry: silently lost.
    text = "HK$\n|---|\nHK$ | 0"
    extraction = extract(text)
    assert [[c.text for c in row] for row in extraction.tables[0].rows] == [["HK$"]]
    assert [(u.span.text, u.span.start) for u in extraction.unparsed] == [("0", 16)]
    assert lost_digits(text, extraction) == []


def test_numbers_in_boilerplate_are_unparsed_with_that_reason() -> None:
    text = "Read 12 more...\n" * 20_000
    assert lost_digits(text, extract(text)) == []
    unparsed = extract("Read 12 more...\nSee 3 more...\nAnd 45 more...\n").unparsed
    assert [(u.span.text, u.reason) for u in unparsed] == [
        ("12", "boilerplate"),
        ("3", "boilerplate"),
        ("45", "boilerplate"),
    ]


def test_amounts_between_boilerplate_lines_are_all_found() -> None:
    text = "HK$1\nAdvertisement\n" * 5_000
    extraction = extract(text)
    assert (len(lost_digits(text, extraction)), len(extraction.money)) == (0, 5_000)


def test_dense_percentages_are_all_chosen() -> None:
    # Cost pinned by test_linear_cost.py ("percent_digit_run").
    assert len(hk.find_percentages("1% 10% " * 20_000)) == 40_000  # two per 7 characters


def test_enumeration_markers_are_recognised() -> None:
    # The "1." list-marker check searched back to the line start with rfind for every number
    # followed by a dot: one long line of "1. " was quadratic (cost: test_linear_cost.py).
    unparsed = extract("1. first\n  2. second and 3. third").unparsed
    assert [(u.span.text, u.reason) for u in unparsed] == [
        ("1", "enumeration"),
        ("2", "enumeration"),
        ("3", "unknown"),
    ]


def test_the_untaken_rest_of_a_number_is_unparsed() -> None:
    # Found by fuzz/ (extract target). A number token that a mention took only in part was
    # skipped whole: the percentage takes "百分之 2024-2024", and the ",2024" after it was lost.
    text = "百分之 2024-2024,2024 now"
    extraction = extract(text)
    assert [p.span.text for p in extraction.percentages] == ["百分之 2024-2024"]
    assert [(u.span.start, u.span.text) for u in extraction.unparsed] == [(14, "2024")]
    assert lost_digits(text, extraction) == []


def test_package_extract_is_the_function_after_a_submodule_import() -> None:
    code = "import hkpolicy.extraction, hkpolicy; print(callable(hkpolicy.extract))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout.strip() == "True"


# --- a scan's warnings -------------------------------------------------------------------------

TIMED_TEXT = "In 2024-25, about 42% of HK$5 billion went to AI; 15% more by March 2026. " * 40


def test_a_complete_scan_has_no_warnings() -> None:
    for scanner in (hk.find_percentages, hk.find_dates, hk.find_periods, hk.find_money):
        found = scanner(TIMED_TEXT)
        assert found.complete and found.warnings == [] and len(found) > 0
    assert extract(TIMED_TEXT).warnings == ()


def test_an_unexpected_error_is_a_warning_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import hkpolicy.percent as percent

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(percent, "_scan", broken)
    found = hk.find_percentages("42%")
    assert list(found) == []
    assert found.warnings == ["percentage scan stopped: RuntimeError: boom"]


# --- 3. the adversarial corpus: valid spans, nothing lost ---------------------------------------

# Cost (work per character, counted) is tests/test_linear_cost.py's; time and memory at 1 and
# 10 MB are benchmarks/bench_adversarial.py's. Here: every input through every public scanner,
# every span a true slice, every digit accounted for.
ADVERSARIAL_SIZE = MB if LONG else 10_000


@pytest.mark.parametrize("name", list(CASES))
def test_adversarial_inputs_give_valid_spans_and_lose_no_digit(name: str) -> None:
    from tests.adversarial import build

    text = build(name, ADVERSARIAL_SIZE)
    for scanner, scan in SCANNERS.items():
        found = scan(text)
        assert_spans_valid(text, found)
        if scanner == "find_tables":
            assert_tables_valid(text, found)
        if scanner == "extract":
            assert_tables_valid(text, found.tables)
            assert lost_digits(text, found) == []
            assert found.warnings == ()


# --- 4. lossless extraction -----------------------------------------------------------------------

# Paragraphs written for this suite, dense with numbers that are not money or percentages.
LOSSLESS_PARAGRAPHS = {
    "versions": "The 3.0 release of the 5G pilot moved to GPT-4 class models in 2Q, on IPv6.",
    "enumeration": "Three steps:\n1. apply online\n2. wait 14 days\n  3. collect the 2nd letter",
    "phone_and_time": "Call 2810 2222 before 10:30 on 31.3.2025, or fax (852) 2123-4567.",
    "ratios": "A 3:1 match, 1/3 of the fund, 2 x 4 metre booths and a 1-in-20 chance.",
    "scientific": "Models with 1e30 FLOPs, 7.5E+3 GPUs and 1.2e-5 error rates are not money.",
    "mixed_scripts": "港深創新及科技園第1期於2024年3月開幕，約1.5萬人，３間實驗室，٣ labs.",
    "chinese_counts": "政府資助30名學生、100億張口罩、5間大學及第十四個五年規劃的3至5年計劃。",
    "table_and_prose": (
        "Results for 2023:\n| Year | Firms | Share (%) |\n|---|---:|---:|\n"
        "| 2022 | 1,204 | 12.5 |\n| 2023 | 1,388 | 13.1 | 99 |\n"
        "The 99 above sits in a cell past the header; 7 more firms came late."
    ),
    "money_neighbours": "HK$ 2024 and US$ in 2025, 42 % of $, the 3rd HK$5m and ¥ 7.",
    "boilerplate": (
        "Advertisement\nRead 12 more stories...\nSee 3 more...\nAnd 45 more...\nBy Admin"
    ),
}


def test_lossless_on_the_seeds() -> None:
    corpus = hk.load_corpus()
    for document, extraction in zip(corpus.documents, corpus.extractions, strict=True):
        lost = lost_digits(document.text, extraction)
        assert not lost, (document.id, [document.text[i - 10 : i + 10] for i in lost[:5]])


@pytest.mark.parametrize("name", sorted(LOSSLESS_PARAGRAPHS))
def test_lossless_on_adversarial_paragraphs(name: str) -> None:
    text = LOSSLESS_PARAGRAPHS[name]
    extraction = extract(text)
    lost = lost_digits(text, extraction)
    assert not lost, [text[max(0, i - 10) : i + 10] for i in lost]


def test_lossless_reasons_on_a_paragraph_checked_by_hand() -> None:
    text = LOSSLESS_PARAGRAPHS["versions"]
    reasons = [(u.span.text, u.reason) for u in extract(text).unparsed]
    # Versions: after a capitalised word and with a dot ("The 3.0"), a letter after ("5G",
    # "2Q"), or a hyphen after a letter ("GPT-4").
    assert reasons[:4] == [("3.0", "version"), ("5", "version"), ("4", "version"),
                           ("2", "version")]  # fmt: skip
    # "IPv6, " has no cue _reason knows (no capital word or "v" before it, no letter after):
    # listed, with a reason, all the same.
    assert reasons[4][0] == "6"


# --- 5. clear errors, integrity, huge and tiny values ---------------------------------------------

ERROR_TEXTS = [
    (
        hk.parse_money,
        "HK$",
        "Invalid money amount: 'HK$'\n    'HK$'\n        ^ expected a number after the currency",
    ),
    (
        hk.parse_money,
        "twelve-ish dollars",
        # a bare "dollars" is HKD by default, so "twelve" is read and the rest is at fault
        "Unexpected text after the amount in 'twelve-ish dollars'\n"
        "    'twelve-ish dollars'\n"
        "           ~~~~~~~~~~~^ not part of a money expression",
    ),
    (
        hk.parse_percentage,
        "%",
        "Invalid percentage: '%'\n"
        "    '%'\n"
        "     ^ expected a number with %, per cent, percentage points, 百分之 or 成",
    ),
    (
        hk.parse_period,
        "2024-23",
        "Invalid fiscal year: '2024-23'\n"
        "    '2024-23'\n"
        "          ~^ expected 25 (the year after 2024)",
    ),
]


@pytest.mark.parametrize(
    ("parse", "source", "expected"), ERROR_TEXTS, ids=[repr(e[1]) for e in ERROR_TEXTS]
)
def test_parse_errors_quote_the_input_and_mark_the_position(
    parse: Callable[[str], object], source: str, expected: str
) -> None:
    with pytest.raises(hk.ParseError) as caught:
        parse(source)
    error = caught.value
    assert str(error) == expected
    assert error.source == source
    assert isinstance(error, ValueError) and isinstance(error, hk.HKPolicyError)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.span, copy.source) == (
        hk.ParseError, expected, error.span, source
    )  # fmt: skip


def test_unknown_currency_is_a_typed_error_naming_the_code() -> None:
    with pytest.raises(hk.UnknownCurrencyError) as caught:
        hk.Money(amount=1, currency="XYZ")
    error = caught.value
    assert str(error) == (
        "Unknown currency: 'XYZ' (known: AUD, CAD, CHF, CNY, EUR, GBP, HKD, JPY, KRW, MOP, SGD, "
        "TWD, USD)"
    )
    assert error.currency == "XYZ"
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


@pytest.mark.parametrize(
    ("model", "fields", "location", "message"),
    [
        (hk.Money, {"amount": "abc", "currency": "HKD"}, ("amount",), "valid decimal"),
        (hk.Money, {"amount": -1, "currency": "HKD"}, ("amount",), "must not be negative"),
        (hk.Money, {"amount": 1, "currency": "HKD", "per": "fortnight"}, ("per",), "'year'"),
        (hk.Money, {"amount": 1, "currency": "HKD", "colour": "red"}, ("colour",), "Extra"),
        (
            hk.Money,
            {"amount": 5, "currency": "HKD", "qualifier": "range", "amount_max": 1},
            (),
            "amount_max 1 is below amount 5",
        ),
        (hk.Percentage, {"value": "NaN"}, ("value",), "finite"),
        (hk.Span, {"start": 3, "end": 1, "text": ""}, (), "0 <= start <= end, got 3, 1"),
        (hk.Span, {"start": 0, "end": 2, "text": "x"}, (), "has length 1"),
        (hk.FiscalYear, {"start_year": 0}, ("start_year",), "greater than or equal to 1"),
    ],
    ids=["decimal", "negative", "per", "extra", "range", "nan", "bounds", "length", "year"],
)
def test_model_validation_errors_name_the_field(
    model: type[BaseModel], fields: dict[str, Any], location: tuple[str, ...], message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        model(**fields)
    (error,) = caught.value.errors()
    assert error["loc"] == location
    assert message in error["msg"]
    assert str(pickle.loads(pickle.dumps(caught.value))) == str(caught.value)


@pytest.mark.parametrize(
    "error",
    [
        hk.HKPolicyError("base"),
        hk.ParseError("Invalid date: 'x'", "x", (0, 1), hint="expected a date"),
        hk.UnknownCurrencyError("XYZ", "Unknown currency: 'XYZ'"),
        hk.CorpusIntegrityError("a.txt", "changed", expected_sha256="0" * 64, actual_sha256=None),
        hk.UnknownQueryError("x", "No institution 'x' in the corpus"),
        hk.UnitMismatchError("Cannot compare 1% and 2 percentage points"),
        hk.CurrencyMismatchError("HKD 1", "USD 1", "add", "HKD"),
        hk.QualifierError("Cannot add up to HKD 1 and at least HKD 1"),
        hk.DocumentError("a.pdf", "'a.pdf' is an encrypted PDF: pass password= to read it"),
        hk.MissingExtraError("pdf", "pdfplumber", "Reading PDF"),
        hk.AmountOverflowError("1E+999999999", 1000),
        hk.MentionLimitError("money", 10, 11),
    ],
    ids=lambda e: type(e).__name__,
)
def test_every_error_class_pickles(error: hk.HKPolicyError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.__dict__ == error.__dict__


def test_every_public_error_class_is_covered_by_the_pickle_test() -> None:
    errors = {name for name in hk.__all__ if name.endswith("Error")}
    assert errors == {
        "HKPolicyError", "ParseError", "UnknownCurrencyError", "CorpusIntegrityError",
        "AmountOverflowError", "DocumentError", "MissingExtraError", "UnknownQueryError",
        "UnitMismatchError", "CurrencyMismatchError", "QualifierError", "MentionLimitError",
    }  # fmt: skip


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    return target


def _catalog_sha(directory: Path, file_name: str) -> str:
    catalog = json.loads((directory / "catalog.json").read_text(encoding="utf-8"))
    (entry,) = [e for e in catalog["documents"] if e["file"] == file_name]
    return str(entry["sha256"])


def test_changed_seed_names_the_file_and_the_expected_checksum(seed_copy: Path) -> None:
    victim = sorted(seed_copy.glob("*.txt"))[2]
    expected = _catalog_sha(seed_copy, victim.name)
    victim.write_bytes(victim.read_bytes() + b"\n")
    with pytest.raises(hk.CorpusIntegrityError) as caught:
        hk.load_corpus(seed_copy)
    error = caught.value
    assert (error.file_name, error.expected_sha256, error.actual_sha256) == (
        victim.name, expected, None
    )  # fmt: skip
    assert str(error) == (
        f"Seed file {victim.name!r} does not match catalog.json: "
        f"expected sha256 {expected}, got different bytes"
    )


def test_missing_seed_names_the_file_and_both_checksums(seed_copy: Path) -> None:
    victim = sorted(seed_copy.glob("*.txt"))[0]
    expected = _catalog_sha(seed_copy, victim.name)
    victim.unlink()
    with pytest.raises(hk.CorpusIntegrityError) as caught:
        hk.load_corpus(seed_copy)
    error = caught.value
    assert (error.file_name, error.expected_sha256, error.actual_sha256) == (
        victim.name, expected, None
    )  # fmt: skip
    assert str(error) == (
        f"Seed file {victim.name!r} is listed in catalog.json but missing from {seed_copy}: "
        f"expected sha256 {expected}, got no file"
    )


def test_extra_seed_names_the_file(seed_copy: Path) -> None:
    extra = seed_copy / "999_extra.txt"
    extra.write_bytes("多餘的文件 HK$1\n".encode())
    with pytest.raises(hk.CorpusIntegrityError) as caught:
        hk.load_corpus(seed_copy)
    error = caught.value
    assert (error.file_name, error.expected_sha256, error.actual_sha256) == (
        "999_extra.txt", None, None
    )  # fmt: skip
    assert str(error) == (
        f"Seed file '999_extra.txt' in {seed_copy} is not listed in catalog.json: "
        f"expected no file, got one"
    )


HUGE_AND_TINY = [
    ("HK$1,000,000,000,000,000,000,000,000,000,000", Decimal("1E+30"), "HKD"),
    ("HK$1000000000000000000 trillion", Decimal("1E+30"), "HKD"),
    ("HK$0.01", Decimal("0.01"), "HKD"),
    ("US$0.01", Decimal("0.01"), "USD"),
]


@pytest.mark.parametrize(("text", "amount", "currency"), HUGE_AND_TINY, ids=lambda v: str(v))
def test_huge_and_tiny_money_stays_exact(text: str, amount: Decimal, currency: str) -> None:
    parsed = hk.parse_money(text)
    assert (parsed.amount, parsed.currency) == (amount, currency)
    assert (
        parsed.amount.as_tuple() == parsed.amount.normalize().as_tuple() or parsed.amount == amount
    )
    (found,) = hk.find_money(f"The fund holds {text} today.")
    assert (found.money, found.span.text) == (parsed, text)
    again = hk.Money.model_validate_json(parsed.model_dump_json())
    assert again == parsed and str(again.amount) == str(parsed.amount)
    assert hk.parse_money(str(parsed)) == parsed


def test_tiny_percentage_stays_exact() -> None:
    pct = hk.parse_percentage("0.0001%")
    assert pct.value == Decimal("0.0001") and str(pct.value) == "0.0001"
    (found,) = hk.find_percentages("Error fell to 0.0001% last year.")
    assert found.percentage == pct and found.span.text == "0.0001%"
    assert hk.Percentage.model_validate_json(pct.model_dump_json()).value == Decimal("0.0001")
    assert json.loads(pct.model_dump_json())["value"] == "0.0001"


def test_huge_money_is_exact_through_json_text() -> None:
    money = hk.Money(amount=Decimal("1E+30"), currency="HKD")
    assert json.loads(money.model_dump_json())["amount"] == "1E+30"
    assert hk.Money.model_validate_json(money.model_dump_json()).amount == 10**30


# --- every public model through JSON --------------------------------------------------------------


def _instances() -> dict[str, list[BaseModel]]:
    """One or more instances of every public model, from the corpus and a text of every kind."""
    found: dict[str, list[BaseModel]] = {}

    def add(obj: object) -> None:
        if isinstance(obj, BaseModel):
            found.setdefault(type(obj).__name__, []).append(obj)
            for name in type(obj).model_fields:
                add(getattr(obj, name))
        elif isinstance(obj, (list, tuple)):
            for item in obj:
                add(item)

    corpus = hk.load_corpus()
    add(corpus)
    text = (
        "創新科技署（創科署） funds HK$5 million, 2024-25, from 2020 to 2025, within the next two "
        "years, in late 2024, up 3 percentage points.\n| A | B (%) |\n|---|---|\n| x | 5 |"
    )
    add(hk.find_abbreviations(text))
    add(hk.find_institutions(text))
    add(hk.find_dates(text, published=__import__("datetime").date(2024, 3, 1)))
    add(hk.find_dates("within the next two years"))
    add(extract(text))
    # Where a loaded HTML or PDF document's characters came from (the loaders' own tests build
    # such documents from real pages and papers).
    add(hk.Origin(start=0, end=5, element="html > body:nth-child(2) > p:nth-child(1)", offset=3))
    add(hk.Origin(start=5, end=9, page=2, bbox=(71.99, 80.5, 288.01, 91.25)))
    return found


def test_every_public_model_survives_json() -> None:
    instances = _instances()
    public = {
        name
        for name in hk.__all__
        if isinstance(getattr(hk, name), type) and issubclass(getattr(hk, name), BaseModel)
    }
    assert public - set(instances) == set(), "a public model has no instance to check"
    for name in sorted(public | {"Boilerplate", "UnparsedNumber"}):
        for model in instances[name][:50]:
            assert_json_round_trip(model)


# --- values at the edges, and a known limit -------------------------------------------------------


def test_percentage_with_many_decimals_round_trips() -> None:
    # The number pattern allowed 12 decimals and 18 integer digits: "1.23456789012345%" was
    # not read, and str(Percentage) of such a value did not parse back. Now 30 and 30.
    pct = hk.Percentage(value=Decimal("1.23456789012345"))
    assert [m.percentage for m in hk.find_percentages("up 1.23456789012345% today")] == [pct]
    assert hk.parse_percentage(str(pct)) == pct
    widest = hk.Percentage(value=Decimal("9" * 30 + "." + "9" * 30))
    assert hk.parse_percentage(str(widest)) == widest
    # Past the limit nothing is read, and the digits are listed as unparsed, not lost.
    text = "up 1." + "2" * 31 + "% today"
    extraction = extract(text)
    assert extraction.percentages == ()
    assert lost_digits(text, extraction) == []


def test_scientific_notation_is_not_read_as_its_mantissa() -> None:
    assert [str(m.money) for m in hk.find_money("It costs HK$1e30 in total.")] in (
        [],
        ["HKD 1,000,000,000,000,000,000,000,000,000,000"],
    )


def test_scientific_percentage_is_not_read_as_its_exponent() -> None:
    assert [str(m.percentage) for m in hk.find_percentages("fell 1e-4% only")] in (
        [],
        ["0.0001%"],
    )


def test_lone_surrogate_survives_json() -> None:
    # pydantic's JSON writer and reader refuse lone surrogates, which a Python str may hold
    # (bytes decoded with errors="surrogateescape"): Record takes the json module's path then.
    document = hk.Document.from_text("HK$5 million \ud800 for AI \udcff, 約5億元", id="x")
    assert_json_round_trip(document)
    dumped = document.model_dump_json()
    assert "\\ud800" in dumped and "\\udcff" in dumped and dumped.encode("utf-8")
    extraction = hk.extract("HK$5 million \udc80 for AI", doc_id="x")
    assert_json_round_trip(extraction)
    assert json.loads(extraction.model_dump_json(indent=2)) == json.loads(
        extraction.model_dump_json()
    )
    # Everything else keeps pydantic's own output: UTF-8, compact.
    plain = hk.Document.from_text("約5億元", id="y")
    assert plain.model_dump_json() == BaseModel.model_dump_json(plain)


def test_json_that_is_invalid_for_another_reason_still_fails() -> None:
    with pytest.raises(ValidationError, match="json_invalid|Invalid JSON"):
        hk.Span.model_validate_json('{"start": 0, "end": 1, "text": "\\ud800"')  # unclosed
