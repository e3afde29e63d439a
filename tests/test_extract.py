"""extract() and the corpus facts: the seeds' funding and sector statistics, provenance of every
span, lossless numbers, queries and exports."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hkpolicy as hk
from hkpolicy.extraction import Extraction, extract
from hkpolicy.schema import json_schema

SEED_003 = "003_3e9965c52c1f6ff9"
SEED_004 = "004_d8a9956017bf6413"


@pytest.fixture(scope="module")
def corpus() -> hk.Corpus:
    return hk.load_corpus()


# --- the four Funding facts in the seeds, read by hand -----------------------------------------


def test_four_funding_facts(corpus: hk.Corpus) -> None:
    assert len(corpus.funding) == 4
    hkust, itf, subsidy, budget = corpus.funding

    # "an annual research funding exceeding HK$200 million specifically for AI-related projects"
    assert hkust.amount.amount == Decimal("200000000")
    assert hkust.amount.qualifier is hk.Qualifier.MORE_THAN
    assert hkust.amount.per == "year"
    assert (hkust.institution, hkust.role, hkust.purpose) == (
        "hkust",
        "recipient",
        "AI-related projects",
    )

    # "including the HK$10 billion Innovation and Technology Fund"
    assert itf.amount == hk.Money(amount=Decimal("10000000000"), currency="HKD")
    assert itf.initiative == "itf"

    # "the "AI Subsidy Scheme," providing matching grants of up to HK$500,000 for small and
    # medium enterprises" launched by the Office of the Government Chief Information Officer
    assert subsidy.amount.amount == Decimal("500000")
    assert subsidy.amount.qualifier is hk.Qualifier.UP_TO
    assert (subsidy.initiative, subsidy.institution, subsidy.role) == (
        "ai_subsidy_scheme",
        "ogcio",
        "owner",
    )
    assert subsidy.purpose == "small and medium enterprises adopting AI solutions"

    # "initiatives backed by HK$24 billion (US$3.07 billion) in the 2024-2025 budget"
    assert budget.amount == hk.Money(amount=Decimal("24000000000"), currency="HKD")
    assert budget.converted == hk.Money(amount=Decimal("3070000000"), currency="USD")
    assert budget.peg_check == "consistent"
    assert isinstance(budget.period, hk.FiscalYear) and budget.period.start_year == 2024
    assert budget.purpose == "innovation and technology initiatives"
    assert [f.span.doc_id for f in corpus.funding] == [SEED_003] * 3 + [SEED_004]


def test_sector_stats_from_tables_and_prose(corpus: hk.Corpus) -> None:
    table = [s for s in corpus.sector_stats if s.source == "table"]
    prose = [s for s in corpus.sector_stats if s.source == "text"]
    assert [(s.sector, s.metric, str(s.value), s.year) for s in table] == [
        ("Financial Services", "Adoption Rate", "58%", None),
        ("Financial Services", "Expected Growth", "42%", 2024),
        ("Creative Arts & Media", "Adoption Rate", "47%", None),
        ("Creative Arts & Media", "Expected Growth", "65%", 2024),
        ("Education", "Adoption Rate", "36%", None),
        ("Education", "Expected Growth", "53%", 2024),
        ("Healthcare", "Adoption Rate", "28%", None),
        ("Healthcare", "Expected Growth", "48%", 2024),
        ("Retail & E-commerce", "Adoption Rate", "41%", None),
        ("Retail & E-commerce", "Expected Growth", "57%", 2024),
    ]
    assert [(s.sector, str(s.value), s.year, s.source_institution) for s in prose] == [
        ("local enterprises", "approximately 42%", 2023, "hkpc"),
        ("local enterprises", "35%", 2023, "hkpc"),
        ("financial services industry", "approximately 23%", None, None),
        ("technology companies", "approximately 30%", None, None),
        ("AI-focused startups in Hong Kong", "68%", 2023, "investhk"),
    ]
    assert prose[2].metric == "contribution to Hong Kong's GDP"
    assert prose[4].metric == "growth in number since 2020"


def test_a_firms_own_result_is_not_a_sector_statistic(corpus: hk.Corpus) -> None:
    # "reducing analysis time by approximately 40%" (HSBC) stays a plain percentage.
    forty = [p for p in corpus.extraction(SEED_003).percentages if p.span.text.endswith("40%")]
    assert len(forty) == 1
    assert all(s.span != forty[0].span for s in corpus.sector_stats)


def test_institutions_merge_across_documents(corpus: hk.Corpus) -> None:
    hkust = corpus.institution("hkust")
    assert sorted({m.doc_id for m in hkust.mentions}) == [
        "000_56fccd0001a48a86",
        "001_15282a374d849cd7",
        SEED_003,
    ]
    assert len(hkust.mentions) == 2 + 2 + 11
    assert len({i.id for i in corpus.institutions}) == len(corpus.institutions)


# --- provenance: every span in the corpus is the document's text at that span -------------------


def _spans(extraction: Extraction) -> list[hk.Span]:
    spans: list[hk.Span] = []
    spans += [m.span for m in extraction.money] + [m.cue for m in extraction.money if m.cue]
    spans += [p.span for p in extraction.percentages]
    spans += [d.span for d in extraction.dates]
    for table in extraction.tables:
        spans.append(table.span)
        spans += [cell.span for row in (table.header, *table.rows) for cell in row]
    spans += [s for e in (*extraction.institutions, *extraction.initiatives) for s in e.mentions]
    spans += [f.span for f in extraction.funding] + [
        f.amount_span for f in extraction.funding if f.amount_span
    ]
    spans += [s.span for s in extraction.sector_stats]
    spans += [u.span for u in extraction.unparsed] + [b.span for b in extraction.boilerplate]
    return spans


def test_every_span_matches_its_document(corpus: hk.Corpus) -> None:
    checked = 0
    for document, extraction in zip(corpus.documents, corpus.extractions, strict=True):
        for span in _spans(extraction):
            assert span.doc_id == document.id
            assert document.text[span.start : span.end] == span.text
            checked += 1
    assert checked > 200


def _digits_accounted_for(text: str, extraction: Extraction) -> list[int]:
    """Offsets of digits that lie in no mention, fact, table cell or unparsed number."""
    covered = bytearray(len(text))
    for span in _spans(extraction):
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    return [i for i, char in enumerate(text) if char.isdigit() and not covered[i]]


def test_no_number_in_the_seeds_is_lost(corpus: hk.Corpus) -> None:
    for document, extraction in zip(corpus.documents, corpus.extractions, strict=True):
        assert _digits_accounted_for(document.text, extraction) == [], document.id


# Paragraphs of our own, full of numbers in awkward places.
ADVERSARIAL_PARAGRAPHS = [
    "Version 3.2.1 of the app, released on 1.1.2024, had 9,9,9 bugs and 4G support.",
    "Call 2123 4567 or visit Room 1208, 12/F, 88 Queensway, before 5pm on 3 May.",
    "The fund (ref. no. 2024/ITF/0091) gave HK$HK$3 to 1,000 firms, 12 of them twice.",
    "第3期計劃共有1,200間公司參加，其中45間獲資助100萬元，另有2025年的新措施。",
    "Items: 1) 42 2) 17.5 3) -8 and (((7))) in 10000000000000000000000 rows.",
]


@pytest.mark.parametrize("text", ADVERSARIAL_PARAGRAPHS)
def test_no_number_in_adversarial_paragraphs_is_lost(text: str) -> None:
    extraction = extract(text)
    assert _digits_accounted_for(text, extraction) == []
    for span in _spans(extraction):
        assert text[span.start : span.end] == span.text


# --- unparsed numbers carry a reason --------------------------------------------------------------


UNPARSED_REASONS = [
    ("Models such as GPT-4 are used.", "4", "version"),
    ("The park houses 1,500 technology companies.", "1,500", "count"),
    ("  1. Government Initiatives:", "1", "enumeration"),
    ("該中心有30名研究人員。", "30", "count"),
    ("AI Strategy version 2.0 is planned.", "2.0", "version"),
]


@pytest.mark.parametrize(("text", "token", "reason"), UNPARSED_REASONS)
def test_unparsed_reasons(text: str, token: str, reason: str) -> None:
    found = {(u.span.text, u.reason) for u in extract(text).unparsed}
    assert (token, reason) in found


def test_numbers_in_boilerplate_are_reported_not_dropped() -> None:
    text = "Reading Time:2 minutes\nThe Fund has HK$1 billion."
    extraction = extract(text)
    assert [(u.span.text, u.reason) for u in extraction.unparsed] == [("2", "boilerplate")]
    assert [m.span.text for m in extraction.money] == ["HK$1 billion"]


# --- text of our own, in the forms Hong Kong texts use ------------------------------------------


BUDGET_PARAGRAPH = (
    "In 2025-26, I will earmark $3 billion for the Research, Academic and Industry Sectors "
    "One-plus Scheme. The Innovation and Technology Commission will also provide up to $500 "
    "million a year for the Technology Voucher Programme."
)


def test_budget_speech_paragraph() -> None:
    extraction = extract(BUDGET_PARAGRAPH)
    amounts = [(str(f.amount), f.initiative, f.period) for f in extraction.funding]
    assert amounts[0] == ("HKD 3,000,000,000", "raise_plus", hk.FiscalYear(start_year=2025))
    second = extraction.funding[1]
    assert (second.amount.qualifier, second.amount.per) == (hk.Qualifier.UP_TO, "year")
    assert second.initiative == "tvp"
    assert (second.institution, second.role) == ("itc", "owner")


def test_published_date_resolves_relative_times() -> None:
    text = "About 35% of firms plan to adopt AI within the next two years."
    unresolved = extract(text).dates
    resolved = extract(text, published=dt.date(2024, 3, 1)).dates
    assert [d.resolved for d in unresolved] == [False]
    assert [d.resolved for d in resolved] == [True]


# --- queries and exports -------------------------------------------------------------------------


def test_queries(corpus: hk.Corpus) -> None:
    assert [f.amount.amount for f in corpus.facts_in(hk.FiscalYear(start_year=2024))] == [
        Decimal("24000000000")
    ]
    assert corpus.facts_in(2023) == []
    assert sorted(corpus.funding_by_initiative()) == ["ai_subsidy_scheme", "itf"]
    about_hkust = corpus.facts_about("hkust")
    assert [type(f).__name__ for f in about_hkust] == ["Funding"]
    assert [s.sector for s in corpus.facts_about("hkpc")] == ["local enterprises"] * 2


def test_corpus_json_round_trip(corpus: hk.Corpus) -> None:
    again = hk.Corpus.model_validate_json(corpus.to_json())
    assert again == corpus
    assert again.to_json() == corpus.to_json()


def test_extraction_json_round_trip() -> None:
    extraction = extract(BUDGET_PARAGRAPH, doc_id="budget")
    assert Extraction.model_validate_json(extraction.model_dump_json()) == extraction


def test_json_schema_validates_the_corpus_json(corpus: hk.Corpus) -> None:
    schema = json_schema()
    assert {"Corpus", "Extraction", "Funding", "Money", "SectorStat", "Span"} <= set(
        schema["$defs"]
    )
    money = schema["$defs"]["Money"]["properties"]
    assert "full units" in money["amount"]["description"]
    json.dumps(schema)  # serialisable as it is


def test_frames(corpus: hk.Corpus) -> None:
    pytest.importorskip("pandas")
    frames = corpus.to_frames()
    funding = frames["funding"]
    assert list(funding["amount"]) == [
        Decimal("200000000"), Decimal("10000000000"), Decimal("500000"), Decimal("24000000000")
    ]  # fmt: skip
    assert funding["amount_float"].iloc[3] == 24e9
    assert {"doc_id", "start", "end", "text"} <= set(funding.columns)
    assert len(frames["sector_stats"]) == 15
    for name, frame in frames.items():
        for row in frame.itertuples():
            assert corpus[row.doc_id].text[row.start : row.end] == row.text, name


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_extract_never_raises_and_spans_are_valid(text: str) -> None:
    extraction = extract(text)
    for span in _spans(extraction):
        assert text[span.start : span.end] == span.text


def test_chinese_release_grant_to_a_body_makes_it_the_recipient() -> None:
    (fact,) = extract("政府會向香港科技園公司撥款100億元，推動創科發展。").funding
    assert (str(fact.amount), fact.institution, fact.role) == (
        "HKD 10,000,000,000",
        "hkstp",
        "recipient",
    )


def test_each_clause_keeps_its_own_body() -> None:
    first, second = extract(BUDGET_PARAGRAPH).funding
    assert (first.initiative, first.institution) == ("raise_plus", None)
    assert first.span.text.endswith("One-plus Scheme.")
    assert second.span.text.startswith("The Innovation and Technology Commission")


def test_scientific_notation_is_ambiguous_not_money() -> None:
    extraction = extract("It costs HK$1e30 in total and fell 1e-4% only.")
    assert extraction.money == () and extraction.percentages == ()
    assert [(u.span.text, u.reason) for u in extraction.unparsed] == [
        ("1", "ambiguous"), ("30", "ambiguous"), ("1", "ambiguous"), ("4", "ambiguous")
    ]  # fmt: skip


def test_unparsed_numbers_are_built_like_validated_models() -> None:
    from tests.trusted_records import assert_built_like_validated

    result = hk.extract("The report listed 42 sites and GPT-4.", doc_id="d")
    assert [(u.span.text, u.reason) for u in result.unparsed] == [("42", "count"), ("4", "version")]
    for number in result.unparsed:
        assert_built_like_validated(number)


def test_a_ten_megabyte_run_of_separated_digits_is_one_unparsed_number() -> None:
    # The tokeniser repeats character classes, never a group, so one run of millions of
    # "9," costs memory for the run only (a repeated group ran out of memory here).
    from hkpolicy.extraction import _unparsed

    text = "9," * 5_000_000
    unparsed = _unparsed(text, [], [], "d")
    assert [(u.span.start, u.span.end, u.reason) for u in unparsed] == [
        (0, len(text) - 1, "unknown")
    ]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("1,,2", ["1", "2"]),
        ("1.2.3.", ["1.2.3"]),
        ("a 1.,2 b", ["1", "2"]),
        ("3,000,,", ["3,000"]),
        ("１２，３", ["１２", "３"]),
    ],
)
def test_unparsed_numbers_are_digits_joined_by_single_separators(
    text: str, numbers: list[str]
) -> None:
    assert [u.span.text for u in hk.extract(text).unparsed] == numbers
