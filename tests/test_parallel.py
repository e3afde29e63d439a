"""extract_many: the same results as extract(), in input order, streamed, with or without a pool."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from hkpolicy.corpus import load_corpus
from hkpolicy.extraction import extract
from hkpolicy.parallel import extract_many

SMALL_TEXTS = [
    "The Government will set aside $2 billion for the Innovation and Technology Fund in 2025-26.",
    "政府會預留50億元推動創新科技，預計於2025年7月1日起實施。",
    "About 42% of firms used AI tools in 2024, up 3 percentage points.",
    "",
    "No numbers here at all.",
    "Cyberport will offer grants of up to HK$100,000 per start-up by 2026.",
]


def test_in_process_equals_extract() -> None:
    assert list(extract_many(SMALL_TEXTS, workers=1)) == [extract(t) for t in SMALL_TEXTS]


def test_workers_zero_runs_in_process() -> None:
    assert list(extract_many(SMALL_TEXTS, workers=0)) == [extract(t) for t in SMALL_TEXTS]


def test_default_currency_applies_to_strings() -> None:
    text = "The plan costs $5 million."
    [result] = extract_many([text], workers=1, default_currency="USD")
    assert result == extract(text, default_currency="USD")
    assert result.money[0].money.currency == "USD"


def test_pool_keeps_order_and_equals_sequential_on_the_seeds() -> None:
    documents = load_corpus().documents
    # Documents and plain strings mixed, small batches so several workers share the work.
    items = [*documents, *SMALL_TEXTS, *documents[:2]]
    expected = [item.extract() if not isinstance(item, str) else extract(item) for item in items]
    results = list(extract_many(items, workers=2, chunksize=2))
    assert results == expected
    assert [r.doc_id for r in results[: len(documents)]] == [d.id for d in documents]


def test_document_keeps_its_own_metadata() -> None:
    document = load_corpus().documents[0]
    [result] = extract_many([document], workers=1, default_currency="USD")
    assert result == document.extract()
    assert result.doc_id == document.id


def test_streams_from_an_endless_iterable() -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        for n in itertools.count(1):
            consumed += 1
            yield f"Grant number {n}: HK${n} million."

    stream = extract_many(endless(), workers=2, chunksize=3)
    first = list(itertools.islice(stream, 10))
    stream.close()  # type: ignore[attr-defined]
    assert [r.money[0].money.amount for r in first] == [n * 1_000_000 for n in range(1, 11)]
    # Reading stopped a bounded distance ahead of the consumer.
    assert consumed <= 10 + 2 * 3 * 3 + 3


def test_is_lazy_until_iterated() -> None:
    def exploding() -> Iterator[str]:
        raise AssertionError("read too early")
        yield ""

    extract_many(exploding(), workers=1)
    extract_many(exploding(), workers=2)


@pytest.mark.parametrize(
    ("options", "message"),
    [({"workers": -1}, "workers must be 0 or more"), ({"chunksize": 0}, "chunksize must be 1")],
    ids=["negative workers", "zero chunksize"],
)
def test_rejects_bad_options(options: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        extract_many(SMALL_TEXTS, **options)  # type: ignore[arg-type]


def test_rejects_other_items() -> None:
    with pytest.raises(TypeError, match="got 'bytes'"):
        list(extract_many([b"HK$1"], workers=1))  # type: ignore[list-item]
