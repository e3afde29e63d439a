"""The corpus as users reach for it: iterate and index its documents, ask about institutions,
initiatives and periods by any of their names, and get DataFrames with honest dtypes."""

from __future__ import annotations

import pickle
from decimal import Decimal as D

import pytest

import hkpolicy as hk
from hkpolicy import Document, FiscalYear


@pytest.fixture(scope="module")
def corpus() -> hk.Corpus:
    return hk.load_corpus()


def test_iterating_a_corpus_yields_its_documents(corpus: hk.Corpus) -> None:
    documents = list(corpus)
    assert all(isinstance(d, Document) for d in documents)
    assert [d.id for d in documents] == list(corpus.ids)
    assert len(corpus) == len(documents) == 5


def test_documents_by_position_and_by_id(corpus: hk.Corpus) -> None:
    assert corpus[0].id == "000_56fccd0001a48a86"
    assert corpus[-1] is corpus["004_d8a9956017bf6413"]
    with pytest.raises(IndexError):
        corpus[5]
    with pytest.raises(hk.UnknownQueryError, match="no document 'nope' in the corpus") as info:
        corpus["nope"]
    assert isinstance(info.value, KeyError)


# The seed 003 credits "more than HK$200 million a year" to HKUST; checked against the text.
HKUST_FUNDING = ["more than HKD 200,000,000 per year"]


@pytest.mark.parametrize(
    "query",
    ["hkust", "HKUST", "The Hong Kong University of Science and Technology", "香港科技大學"],
)
def test_facts_about_accepts_ids_names_and_acronyms(corpus: hk.Corpus, query: str) -> None:
    assert [str(f.amount) for f in corpus.facts_about(query)] == HKUST_FUNDING
    assert corpus.institution(query).id == "hkust"


def test_facts_about_an_initiative(corpus: hk.Corpus) -> None:
    assert [str(f.amount) for f in corpus.facts_about("Innovation and Technology Fund")] == [
        "HKD 10,000,000,000"
    ]


@pytest.mark.parametrize("ask", ["facts_about", "institution"])
def test_unknown_names_raise_quoting_the_query(corpus: hk.Corpus, ask: str) -> None:
    with pytest.raises(hk.UnknownQueryError) as info:
        getattr(corpus, ask)("nonsense")
    assert "'nonsense'" in str(info.value)
    assert info.value.query == "nonsense"
    assert str(pickle.loads(pickle.dumps(info.value))) == str(info.value)


@pytest.mark.parametrize("period", ["2024-25", "2024/25", "FY2024-25", 2024, "2024"])
def test_facts_in_accepts_years_and_fiscal_year_strings(
    corpus: hk.Corpus, period: str | int
) -> None:
    # Seed 004: HK$24 billion in the 2024-2025 budget.
    assert [f.amount.amount for f in corpus.facts_in(period)] == [D("24000000000")]


def test_facts_in_a_known_period_with_no_funding_is_empty(corpus: hk.Corpus) -> None:
    assert corpus.facts_in("2019-20") == []
    assert corpus.facts_in(FiscalYear(start_year=2024)) == corpus.facts_in("2024-25")


@pytest.mark.parametrize("period", ["soon", "2020 to 2025"])
def test_facts_in_an_unreadable_period_raises(corpus: hk.Corpus, period: str) -> None:
    with pytest.raises(hk.UnknownQueryError, match=repr(period)):
        corpus.facts_in(period)


def test_frames_year_is_nullable_int_and_conversions_are_filled(corpus: hk.Corpus) -> None:
    pytest.importorskip("pandas")
    frames = corpus.to_frames()
    years = frames["sector_stats"]["year"]
    assert str(years.dtype) == "Int64"
    assert years.isna().any() and set(years.dropna()) == {2023, 2024}
    funding = frames["funding"]
    summary = corpus.summary()["funding"]
    # Every funding row the summary shows in US$ has its converted amount in the frame.
    shown = [row["usd"] for row in summary]
    assert all(shown) and funding["converted_amount"].notna().all()
    for amount, currency, usd in zip(
        funding["converted_amount"], funding["converted_currency"], shown, strict=True
    ):
        assert currency == "USD"
        assert str(amount.quantize(D(1))) == usd
    assert funding["converted_as_written"].tolist() == [False, False, False, True]
