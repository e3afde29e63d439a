"""The bundled corpus: catalog metadata, byte-exact texts, integrity checks, and queries."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest

import hkpolicy
from hkpolicy import CorpusIntegrityError, Document, load_corpus
from hkpolicy.corpus import CATALOG_NAME, seeds_directory
from tests.conftest import SEEDS_DIR

SEED_IDS = [
    "000_56fccd0001a48a86",
    "001_15282a374d849cd7",
    "002_1e5589fc73223463",
    "003_3e9965c52c1f6ff9",
    "004_d8a9956017bf6413",
]


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    return target


def test_five_documents_in_catalog_order() -> None:
    corpus = load_corpus()
    assert corpus.ids == tuple(SEED_IDS)
    assert len(corpus) == 5


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_text_is_the_seed_file_exactly(doc_id: str) -> None:
    document = load_corpus()[doc_id]
    raw = (SEEDS_DIR / f"{doc_id}.txt").read_bytes()
    assert document.text == raw.decode("utf-8")
    assert document.sha256 == hashlib.sha256(raw).hexdigest()


def test_catalog_metadata_comes_from_the_text() -> None:
    corpus = load_corpus()
    scmp = corpus["004_d8a9956017bf6413"]
    assert (scmp.publisher, scmp.author, scmp.title_assigned) == (
        "South China Morning Post",
        "Wency Chen",
        False,
    )
    assert scmp.title is not None and scmp.title in scmp.text
    assert corpus["000_56fccd0001a48a86"].author == "Admin"
    assert (
        corpus["001_15282a374d849cd7"].title == corpus["001_15282a374d849cd7"].text.split("\n")[0]
    )
    # No seed states its publication date: none is invented.
    assert all(d.published is None for d in corpus.documents)
    # Titles the text lacks are assigned, flagged, and not claimed to be in the text.
    for doc_id in ("000_56fccd0001a48a86", "002_1e5589fc73223463", "003_3e9965c52c1f6ff9"):
        assert corpus[doc_id].title_assigned
    assert {d.language for d in corpus.documents} == {"en"}
    assert {d.default_currency for d in corpus.documents} == {"HKD"}


def test_catalog_ids_are_file_stems() -> None:
    catalog = json.loads((SEEDS_DIR / CATALOG_NAME).read_text(encoding="utf-8"))
    for entry in catalog["documents"]:
        assert entry["file"] == f"{entry['id']}.txt"


def test_loading_is_cached() -> None:
    assert load_corpus() is load_corpus()


def test_lookup_by_unknown_id_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="no document 'nope'.*000_56fccd0001a48a86"):
        load_corpus()["nope"]


def test_bundled_directory_is_found() -> None:
    assert seeds_directory().joinpath(CATALOG_NAME).is_file()


def test_load_from_a_copy_elsewhere(seed_copy: Path) -> None:
    copied = load_corpus(seed_copy)
    assert [d.text for d in copied.documents] == [d.text for d in load_corpus().documents]


def test_changed_byte_is_caught(seed_copy: Path) -> None:
    victim = seed_copy / f"{SEED_IDS[3]}.txt"
    data = bytearray(victim.read_bytes())
    data[100] ^= 0x01
    victim.write_bytes(bytes(data))
    with pytest.raises(CorpusIntegrityError) as caught:
        load_corpus(seed_copy)
    error = caught.value
    assert error.file_name == victim.name
    assert victim.name in str(error)
    assert error.expected_sha256 is not None and error.expected_sha256 in str(error)
    assert error.actual_sha256 is None
    assert hashlib.sha256(bytes(data)).hexdigest() not in str(error)


def test_missing_file_is_caught(seed_copy: Path) -> None:
    (seed_copy / f"{SEED_IDS[1]}.txt").unlink()
    with pytest.raises(CorpusIntegrityError, match=f"{SEED_IDS[1]}.txt.*missing"):
        load_corpus(seed_copy)


def test_extra_file_is_caught(seed_copy: Path) -> None:
    (seed_copy / "999_extra.txt").write_text("stray", encoding="utf-8")
    with pytest.raises(CorpusIntegrityError, match="999_extra.txt.*not listed"):
        load_corpus(seed_copy)


def test_missing_directory_is_an_integrity_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusIntegrityError, match="does not exist"):
        load_corpus(tmp_path / "absent")


def test_broken_catalog_is_an_integrity_error(seed_copy: Path) -> None:
    (seed_copy / CATALOG_NAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(CorpusIntegrityError, match="not a valid catalog"):
        load_corpus(seed_copy)


def test_summary_reports_pending_extractors_honestly() -> None:
    corpus = load_corpus()
    summary = corpus.summary()
    assert [d["id"] for d in summary["documents"]] == SEED_IDS
    for name in corpus.pending:
        if name in summary["facts"]:
            assert summary["facts"][name] is None
            assert getattr(corpus, name) == ()
    assert summary["pending_extractors"] == list(corpus.pending)


def test_document_from_user_text() -> None:
    text = "The Budget allocates $3 billion.\nBy Jane Lee"
    document = Document.from_text(text, id="budget", published=dt.date(2024, 2, 28))
    assert document.sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert [b.kind for b in document.boilerplate] == ["byline"]
    assert document.in_boilerplate(35, 40)
    assert not document.in_boilerplate(0, 10)


def test_word_count_counts_cjk_characters() -> None:
    assert Document.from_text("創新科技 fund 2024").word_count == 6


def test_package_exports_the_corpus_lazily() -> None:
    assert hkpolicy.load_corpus is load_corpus
    assert "load_corpus" in dir(hkpolicy)
