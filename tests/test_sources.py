"""Corpus.from_directory and Corpus.from_paths: which files, which ids, nothing read outside."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hkpolicy._sources import discover, walk_directory
from hkpolicy.corpus import Corpus
from hkpolicy.errors import CorpusIntegrityError, DocumentError


def _write(folder: Path, relative: str, text: str = "The Fund has HK$1 million.") -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_directory_ids_are_relative_posix_paths_with_suffix(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt")
    _write(tmp_path, "2024/04/a.md")
    _write(tmp_path, "2024/04/a.txt")  # same stem, another suffix: its own document
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    corpus = Corpus.from_directory(tmp_path)
    assert corpus.ids == ("2024/04/a.md", "2024/04/a.txt", "b.txt")
    assert corpus["b.txt"].text == "The Fund has HK$1 million."
    assert corpus.extraction("2024/04/a.md").money[0].span.doc_id == "2024/04/a.md"


def test_ids_do_not_depend_on_neighbouring_files(tmp_path: Path) -> None:
    _write(tmp_path, "x/one.txt")
    before = Corpus.from_directory(tmp_path).ids
    _write(tmp_path, "x/one.md")
    assert set(before) <= set(Corpus.from_directory(tmp_path).ids)


def test_glob_ids_start_after_the_fixed_part(tmp_path: Path) -> None:
    _write(tmp_path, "archive/2024/a.txt")
    _write(tmp_path, "archive/2025/b.txt")
    _write(tmp_path, "archive/2025/c.md")
    sources = discover(str(tmp_path / "archive" / "**" / "*.txt"))
    assert [s.id for s in sources] == ["2024/a.txt", "2025/b.txt"]


def test_explicit_files_take_ids_from_root(tmp_path: Path) -> None:
    first = _write(tmp_path, "a/one.txt")
    second = _write(tmp_path, "a/b/two.txt")
    assert [s.id for s in discover([first, second])] == ["b/two.txt", "one.txt"]
    assert [s.id for s in discover([second], root=tmp_path)] == ["a/b/two.txt"]


def test_a_named_file_of_another_type_is_refused(tmp_path: Path) -> None:
    image = tmp_path / "chart.png"
    image.write_bytes(b"\x89PNG")
    with pytest.raises(DocumentError, match=r"'.*chart\.png' is not a document hkpolicy reads"):
        Corpus.from_paths(image)


def test_a_missing_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file or directory: '.*nothing.txt'"):
        Corpus.from_paths(tmp_path / "nothing.txt")


def test_text_that_is_not_utf8_is_refused_with_its_path(tmp_path: Path) -> None:
    (tmp_path / "big5.txt").write_bytes("創新".encode("big5"))
    with pytest.raises(DocumentError, match=r"'.*big5\.txt' is not UTF-8 text \(byte 0\)"):
        Corpus.from_directory(tmp_path)


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfHK$1 million")
    assert Corpus.from_directory(tmp_path)["bom.txt"].text == "HK$1 million"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_a_symlink_out_of_the_directory_is_not_read(tmp_path: Path) -> None:
    secret = _write(tmp_path, "outside/secret.txt", "HK$9 million")
    archive = tmp_path / "archive"
    _write(archive, "inside.txt")
    (archive / "leak.txt").symlink_to(secret)
    with pytest.raises(CorpusIntegrityError, match="points outside"):
        Corpus.from_directory(archive)
    with pytest.raises(CorpusIntegrityError, match="points outside"):
        Corpus.from_paths(str(archive / "*.txt"))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_a_symlinked_directory_is_not_entered(tmp_path: Path) -> None:
    _write(tmp_path, "outside/secret.txt")
    archive = tmp_path / "archive"
    _write(archive, "inside.txt")
    (archive / "more").symlink_to(tmp_path / "outside", target_is_directory=True)
    assert [s.id for s in walk_directory(archive)] == ["inside.txt"]


def test_html_goes_through_the_document_loader(tmp_path: Path) -> None:
    pytest.importorskip("selectolax", reason="the html extra is not installed")
    page = "<html lang='zh'><body><nav>主頁</nav><p>政府撥款10億元予數碼港。</p></body></html>"
    (tmp_path / "release.html").write_text(page, encoding="utf-8")
    simplified = page.replace("撥款10億元予數碼港", "拨款10亿元予数码港")
    (tmp_path / "simplified.htm").write_text(simplified, encoding="utf-8")
    corpus = Corpus.from_directory(tmp_path)
    release = corpus["release.html"]
    assert (release.text, release.source_format, release.language) == (
        "政府撥款10億元予數碼港。",
        "html",
        "zh-Hant",
    )
    assert corpus["simplified.htm"].language == "zh-Hans"
    money = corpus.extraction("release.html").money[0]
    assert (money.span.text, money.money.amount) == ("10億元", 1_000_000_000)


def test_a_file_outside_the_root_is_refused(tmp_path: Path) -> None:
    first = _write(tmp_path, "a/x.txt")
    second = _write(tmp_path, "b/x.txt")
    with pytest.raises(DocumentError, match=r"'.*b/x\.txt' is not under the root '.*a'"):
        discover([first, second], root=tmp_path / "a")


def test_a_file_named_twice_is_one_document(tmp_path: Path) -> None:
    path = _write(tmp_path, "a/x.txt")
    sources = discover([tmp_path / "a", path, tmp_path / "a" / "." / "x.txt"], root=tmp_path)
    assert [s.id for s in sources] == ["a/x.txt"]
