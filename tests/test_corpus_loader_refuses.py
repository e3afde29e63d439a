"""What the corpus loader refuses: catalogs written to read files outside their directory, to
learn a file's checksum, to exhaust memory, to crash the loader with malformed JSON, or to
change a document's metadata unnoticed.

The catalog digest is computed here from its documented definition (canonical JSON, keys
sorted, no whitespace, UTF-8), not with the library's helper, so the format itself is pinned.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import hkpolicy
from hkpolicy import CorpusIntegrityError, load_corpus
from tests.conftest import SEEDS_DIR

CATALOG = "catalog.json"


def digest_of(catalog: dict[str, Any]) -> str:
    content = {key: value for key, value in catalog.items() if key != "digest"}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def read_catalog(directory: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((directory / CATALOG).read_text(encoding="utf-8"))
    return data


def write_catalog(directory: Path, catalog: dict[str, Any], *, seal: bool = True) -> None:
    catalog = dict(catalog)
    catalog["catalog_version"] = 2
    if seal:
        catalog["digest"] = digest_of(catalog)
    (directory / CATALOG).write_text(json.dumps(catalog, indent=2), encoding="utf-8")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A copy of the seeds in a folder of its own, with a secret file beside it."""
    target = tmp_path / "corpus" / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    (tmp_path / "corpus" / "secret.txt").write_bytes(b"a secret the catalog must not reach\n")
    return target


def first_entry(directory: Path) -> dict[str, Any]:
    entry: dict[str, Any] = read_catalog(directory)["documents"][0]
    return entry


def load_error(directory: Path, **options: Any) -> CorpusIntegrityError:
    with pytest.raises(CorpusIntegrityError) as caught:
        load_corpus(directory, **options)
    return caught.value


# --- paths stay inside the directory ----------------------------------------------------------


def add_entry(directory: Path, file: str, sha256: str) -> None:
    catalog = read_catalog(directory)
    entry = {**first_entry(directory), "id": "intruder", "file": file, "sha256": sha256}
    catalog["documents"].append(entry)
    write_catalog(directory, catalog)


@pytest.mark.parametrize(
    "file",
    [
        "../secret.txt",
        "../../corpus/secret.txt",
        "sub/../../secret.txt",
        "./000_56fccd0001a48a86.txt",
        "sub/file.txt",
        "..\\secret.txt",
        "C:secret.txt",
        "",
        ".",
        "..",
        CATALOG,
    ],
)
def test_a_file_that_is_not_a_plain_name_in_the_directory_is_refused(
    corpus_dir: Path, file: str
) -> None:
    secret = (corpus_dir.parent / "secret.txt").read_bytes()
    add_entry(corpus_dir, file, sha(secret))
    error = load_error(corpus_dir)
    assert '"id": "intruder"' in str(error), "the message quotes the offending entry"


def test_an_absolute_path_is_refused_even_with_the_right_checksum(corpus_dir: Path) -> None:
    secret = corpus_dir.parent / "secret.txt"
    add_entry(corpus_dir, str(secret), sha(secret.read_bytes()))
    error = load_error(corpus_dir)
    assert str(secret) in str(error) and "name of a file in the directory" in str(error)


def test_a_system_file_is_never_loaded_as_a_document(corpus_dir: Path) -> None:
    target = Path("/etc/hostname")
    if not target.is_file():
        pytest.skip("no /etc/hostname on this machine")
    add_entry(corpus_dir, "../" * 12 + "etc/hostname", sha(target.read_bytes()))
    load_error(corpus_dir)


def test_a_symlink_out_of_the_directory_is_refused(corpus_dir: Path) -> None:
    secret = corpus_dir.parent / "secret.txt"
    (corpus_dir / "link.txt").symlink_to(secret)
    add_entry(corpus_dir, "link.txt", sha(secret.read_bytes()))
    error = load_error(corpus_dir)
    assert error.file_name == "link.txt"
    assert "resolves outside" in str(error)


def test_a_symlink_loop_is_refused(corpus_dir: Path) -> None:
    (corpus_dir / "loop.txt").symlink_to(corpus_dir / "loop.txt")
    add_entry(corpus_dir, "loop.txt", "0" * 64)
    error = load_error(corpus_dir)
    assert error.file_name == "loop.txt" and "cannot be resolved" in str(error)


def test_a_symlinked_catalog_out_of_the_directory_is_refused(corpus_dir: Path) -> None:
    outside = corpus_dir.parent / "catalog-elsewhere.json"
    shutil.move(corpus_dir / CATALOG, outside)
    (corpus_dir / CATALOG).symlink_to(outside)
    error = load_error(corpus_dir)
    assert "resolves outside" in str(error)


def test_a_symlink_within_the_directory_is_followed(corpus_dir: Path) -> None:
    catalog = read_catalog(corpus_dir)
    entry = catalog["documents"][0]
    (corpus_dir / "texts").mkdir()
    shutil.move(corpus_dir / entry["file"], corpus_dir / "texts" / entry["file"])
    (corpus_dir / entry["file"]).symlink_to(Path("texts") / entry["file"])
    assert len(load_corpus(corpus_dir)) == 5


def test_a_fifo_is_not_read(corpus_dir: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(corpus_dir / "pipe.txt")
    add_entry(corpus_dir, "pipe.txt", "0" * 64)
    error = load_error(corpus_dir)
    assert error.file_name == "pipe.txt"


# --- no message reports a file's checksum -----------------------------------------------------


def test_a_wrong_checksum_is_not_answered_with_the_right_one(corpus_dir: Path) -> None:
    secret = (corpus_dir / "000_56fccd0001a48a86.txt").read_bytes()
    catalog = read_catalog(corpus_dir)
    catalog["documents"][0]["sha256"] = "0" * 64
    write_catalog(corpus_dir, catalog)
    error = load_error(corpus_dir)
    assert sha(secret) not in str(error) and sha(secret) not in repr(error)
    assert error.actual_sha256 is None
    assert str(error) == (
        "Seed file '000_56fccd0001a48a86.txt' does not match catalog.json: "
        f"expected sha256 {'0' * 64}, got different bytes"
    )


def test_an_unlisted_file_is_named_without_its_checksum(corpus_dir: Path) -> None:
    (corpus_dir / "999_extra.txt").write_bytes(b"stray")
    error = load_error(corpus_dir)
    assert error.file_name == "999_extra.txt"
    assert sha(b"stray") not in str(error) and error.actual_sha256 is None


# --- a size limit, read in bounded chunks -----------------------------------------------------


def test_a_file_over_the_size_limit_is_refused(corpus_dir: Path) -> None:
    sizes = {p.name: p.stat().st_size for p in corpus_dir.glob("*.txt")}
    limit = sorted(sizes.values())[2]
    error = load_error(corpus_dir, max_file_bytes=limit)
    assert f"over the limit of {limit:,} bytes" in str(error)
    assert sizes[error.file_name] > limit
    assert load_corpus(corpus_dir, max_file_bytes=max(sizes.values())).ids


def test_the_default_size_limit_is_a_documented_constant(corpus_dir: Path) -> None:
    from hkpolicy.corpus import MAX_FILE_BYTES

    assert MAX_FILE_BYTES == 32 * 1024 * 1024
    big = corpus_dir / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no 32 MB written
    add_entry(corpus_dir, "big.txt", "0" * 64)
    error = load_error(corpus_dir)
    assert error.file_name == "big.txt" and "over the limit" in str(error)


def test_files_are_hashed_in_bounded_chunks(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hkpolicy import _catalog

    monkeypatch.setattr(_catalog, "READ_CHUNK_BYTES", 1000)
    seen: list[int] = []
    real_fdopen = os.fdopen

    class Counting:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Counting:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def fileno(self) -> int:
            return int(self.handle.fileno())

        def read(self, size: int) -> bytes:
            data: bytes = self.handle.read(size)
            seen.append(size)
            return data

    monkeypatch.setattr(_catalog.os, "fdopen", lambda *a, **k: Counting(real_fdopen(*a, **k)))
    load_corpus(corpus_dir)
    assert seen and set(seen) == {1000}


# --- a malformed catalog is always a CorpusIntegrityError that quotes the entry ----------------

Edit = Callable[[dict[str, Any]], None]


def set_field(key: str, value: Any) -> Edit:
    def edit(catalog: dict[str, Any]) -> None:
        catalog["documents"][1][key] = value

    return edit


def drop_field(key: str) -> Edit:
    def edit(catalog: dict[str, Any]) -> None:
        del catalog["documents"][1][key]

    return edit


def replace_entry(value: Any) -> Edit:
    def edit(catalog: dict[str, Any]) -> None:
        catalog["documents"][1] = value

    return edit


def repeat_entry(**changes: Any) -> Edit:
    def edit(catalog: dict[str, Any]) -> None:
        catalog["documents"].append({**copy.deepcopy(catalog["documents"][1]), **changes})

    return edit


# (name, edit, text the message must quote)
MALFORMED: list[tuple[str, Edit, str]] = [
    ("id is a number", set_field("id", 17), '"id": 17'),
    ("id is empty", set_field("id", ""), '"id": ""'),
    ("file is a list", set_field("file", ["a.txt"]), '"file": ["a.txt"]'),
    ("file is null", set_field("file", None), '"file": null'),
    ("sha256 is a number", set_field("sha256", 12345), "got 12345"),
    ("sha256 is short", set_field("sha256", "abc"), "got 'abc'"),
    ("title is an object", set_field("title", {"a": 1}), 'got {"a": 1}'),
    ("title_assigned is a string", set_field("title_assigned", "yes"), '"yes"'),
    ("published is a bad date", set_field("published", "2024-13-45"), "2024-13-45"),
    ("published is a number", set_field("published", 20240101), "20240101"),
    ("published is not ISO", set_field("published", "4 July 2024"), "4 July 2024"),
    ("currency is unknown", set_field("default_currency", "XYZ"), "XYZ"),
    ("currency is a number", set_field("default_currency", 5), "got 5"),
    ("language is an object", set_field("language", {}), "got {}"),
    ("unknown field", set_field("publshed", "2024-01-01"), "publshed"),
    ("id missing", drop_field("id"), "001_15282a374d849cd7.txt"),
    ("file missing", drop_field("file"), "001_15282a374d849cd7"),
    ("sha256 missing", drop_field("sha256"), "001_15282a374d849cd7"),
    ("entry is a string", replace_entry("001.txt"), '"001.txt"'),
    ("entry is null", replace_entry(None), "null"),
    ("entry is a list", replace_entry(["id", "file"]), '["id", "file"]'),
    ("entry is a number", replace_entry(3), "entry 1"),
    ("duplicate id", repeat_entry(file="copy.txt"), '"copy.txt"'),
    ("duplicate file", repeat_entry(id="copy"), '"copy"'),
    ("duplicate entry", repeat_entry(), "repeats the id"),
    ("nested title", set_field("title", [[[["deep"]]]]), "deep"),
    ("lone surrogate", set_field("author", "\udcff"), "lone surrogate"),
]


@pytest.mark.parametrize(("name", "edit", "quoted"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_a_malformed_entry_is_an_integrity_error_quoting_it(
    corpus_dir: Path, name: str, edit: Edit, quoted: str
) -> None:
    catalog = read_catalog(corpus_dir)
    edit(catalog)
    write_catalog(corpus_dir, catalog)  # sealed: the entry itself is what is refused
    error = load_error(corpus_dir)
    assert error.file_name == CATALOG
    assert "is not a valid catalog" in str(error), name
    assert quoted in str(error), f"{name}: the message quotes the entry"


TOP_LEVEL: list[tuple[str, str, str]] = [
    ("a list", "[]", "top level must be an object"),
    ("a string", '"catalog"', "top level must be an object"),
    ("documents missing", '{"catalog_version": 2, "digest": "%s"}', "'documents' must be a list"),
    (
        "documents an object",
        '{"catalog_version": 2, "documents": {}, "digest": "%s"}',
        "'documents' must be a list",
    ),
    (
        "version a string",
        '{"catalog_version": "2", "documents": [], "digest": "%s"}',
        "'catalog_version' must be 2",
    ),
    (
        "unknown field",
        '{"catalog_version": 2, "documents": [], "extra": 1, "digest": "%s"}',
        "unknown top-level field 'extra'",
    ),
    (
        "duplicate key",
        '{"catalog_version": 2, "documents": [], "documents": [], "digest": "%s"}',
        "duplicate key 'documents'",
    ),
    ("NaN", '{"catalog_version": NaN, "documents": [], "digest": "%s"}', "NaN"),
    (
        "lone surrogate",
        '{"catalog_version": 2, "description": "\\ud800", "documents": [], "digest": "%s"}',
        "'description' must be a string of Unicode text",
    ),
    ("not JSON", "{not json", "Expecting property name"),
    ("not UTF-8", "\udcff", "utf-8"),
    ("deep nesting", '{"documents": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
]


@pytest.mark.parametrize(("name", "text", "quoted"), TOP_LEVEL, ids=[t[0] for t in TOP_LEVEL])
def test_a_malformed_catalog_is_an_integrity_error(
    corpus_dir: Path, name: str, text: str, quoted: str
) -> None:
    for path in corpus_dir.glob("*.txt"):
        path.unlink()
    if "%s" in text:
        text = text % ("0" * 64)
    (corpus_dir / CATALOG).write_bytes(text.encode("utf-8", "surrogateescape"))
    error = load_error(corpus_dir)
    assert error.file_name == CATALOG
    assert quoted in str(error), name


def test_a_catalog_over_its_size_limit_is_refused(corpus_dir: Path) -> None:
    from hkpolicy._catalog import MAX_CATALOG_BYTES

    with (corpus_dir / CATALOG).open("ab") as handle:
        handle.truncate(MAX_CATALOG_BYTES + 1)
    assert "over the limit" in str(load_error(corpus_dir))


# --- the catalog itself is covered by the integrity check --------------------------------------


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("default_currency", "USD"),
        ("published", "2024-07-04"),
        ("title", "A title of someone else's choosing"),
        ("author", None),
        ("title_assigned", False),
        ("notes", "edited"),
    ],
)
def test_edited_metadata_is_caught(corpus_dir: Path, key: str, value: Any) -> None:
    catalog = read_catalog(corpus_dir)
    catalog["documents"][0][key] = value
    write_catalog(corpus_dir, catalog, seal=False)
    error = load_error(corpus_dir)
    assert "does not match its digest" in str(error)
    assert error.file_name == CATALOG


def test_a_removed_entry_and_its_file_are_caught(corpus_dir: Path) -> None:
    catalog = read_catalog(corpus_dir)
    gone = catalog["documents"].pop(2)
    (corpus_dir / gone["file"]).unlink()
    write_catalog(corpus_dir, catalog, seal=False)
    assert "does not match its digest" in str(load_error(corpus_dir))


def test_a_duplicated_entry_is_caught_sealed_or_not(corpus_dir: Path) -> None:
    for seal in (False, True):
        catalog = read_catalog(corpus_dir)
        catalog["documents"].append(copy.deepcopy(catalog["documents"][0]))
        write_catalog(corpus_dir, catalog, seal=seal)
        load_error(corpus_dir)


def test_reordered_entries_are_caught(corpus_dir: Path) -> None:
    catalog = read_catalog(corpus_dir)
    catalog["documents"].reverse()
    write_catalog(corpus_dir, catalog, seal=False)
    assert "does not match its digest" in str(load_error(corpus_dir))


def test_a_catalog_without_a_digest_is_refused_with_how_to_seal_it(corpus_dir: Path) -> None:
    catalog = read_catalog(corpus_dir)
    del catalog["digest"]
    catalog["catalog_version"] = 1
    (corpus_dir / CATALOG).write_text(json.dumps(catalog), encoding="utf-8")
    error = load_error(corpus_dir)
    assert "has no digest" in str(error) and "hkpolicy catalog" in str(error)


def test_a_resealed_edit_loads_from_a_directory_but_not_against_a_pinned_digest(
    corpus_dir: Path,
) -> None:
    pinned = read_catalog(corpus_dir)["digest"]
    assert load_corpus(corpus_dir, digest=pinned).ids
    catalog = read_catalog(corpus_dir)
    catalog["documents"][0]["default_currency"] = "USD"
    write_catalog(corpus_dir, catalog)
    assert load_corpus(corpus_dir)[catalog["documents"][0]["id"]].default_currency == "USD"
    error = load_error(corpus_dir, digest=pinned)
    assert f"expected digest {pinned}" in str(error)
    assert digest_of(catalog) not in str(error)


def test_the_bundled_catalog_is_pinned_in_the_package(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hkpolicy import corpus as corpus_module

    catalog = read_catalog(SEEDS_DIR)
    assert corpus_module.SEEDS_DIGEST == catalog["digest"] == digest_of(catalog)
    tampered = read_catalog(corpus_dir)
    tampered["documents"][0]["published"] = "2020-01-01"
    write_catalog(corpus_dir, tampered)  # resealed in place, as an attacker would
    monkeypatch.setattr(corpus_module, "seeds_directory", lambda: corpus_dir)
    with pytest.raises(CorpusIntegrityError, match="is not the catalog expected"):
        corpus_module._bundled_corpus.__wrapped__()


# --- writing a catalog --------------------------------------------------------------------------


def test_write_catalog_seals_a_directory_of_texts(tmp_path: Path) -> None:
    from hkpolicy.corpus import catalog_digest, write_catalog

    (tmp_path / "b.txt").write_text("HK$2 million for schools.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("About 42% of firms.", encoding="utf-8")
    path = write_catalog(tmp_path)
    catalog = read_catalog(tmp_path)
    assert path == tmp_path.resolve() / CATALOG
    assert [e["id"] for e in catalog["documents"]] == ["a", "b"]
    assert catalog["digest"] == digest_of(catalog) == catalog_digest(catalog)
    corpus = load_corpus(tmp_path, digest=catalog["digest"])
    assert corpus["b"].text == "HK$2 million for schools."


def test_write_catalog_keeps_metadata_and_reseals_changes(corpus_dir: Path) -> None:
    from hkpolicy.corpus import write_catalog

    before = read_catalog(corpus_dir)
    write_catalog(corpus_dir)
    assert read_catalog(corpus_dir) == before  # the bundled catalog is already sealed
    (corpus_dir / "005_new.txt").write_text("HK$1 billion.", encoding="utf-8")
    (corpus_dir / "000_56fccd0001a48a86.txt").unlink()
    write_catalog(corpus_dir)
    after = read_catalog(corpus_dir)
    assert [e["id"] for e in after["documents"]] == [e["id"] for e in before["documents"][1:]] + [
        "005_new"
    ]
    assert after["documents"][-1]["sha256"] == sha(b"HK$1 billion.")
    assert after["documents"][0] == before["documents"][1]
    assert load_corpus(corpus_dir).ids[-1] == "005_new"


def test_write_catalog_upgrades_a_version_1_catalog(corpus_dir: Path) -> None:
    from hkpolicy.corpus import write_catalog

    catalog = read_catalog(corpus_dir)
    del catalog["digest"]
    catalog["catalog_version"] = 1
    (corpus_dir / CATALOG).write_text(json.dumps(catalog), encoding="utf-8")
    write_catalog(corpus_dir)
    assert read_catalog(corpus_dir)["digest"] == hkpolicy.corpus.SEEDS_DIGEST


def test_the_catalog_command_writes_and_checks(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from hkpolicy.cli import main

    (corpus_dir / "005_new.txt").write_text("HK$1 billion.", encoding="utf-8")
    assert main(["catalog", str(corpus_dir), "--check"]) == 1
    assert "005_new.txt" in capsys.readouterr().err
    assert main(["catalog", str(corpus_dir)]) == 0
    assert "6 documents" in capsys.readouterr().out
    assert main(["catalog", str(corpus_dir), "--check"]) == 0
    assert read_catalog(corpus_dir)["digest"] in capsys.readouterr().out
