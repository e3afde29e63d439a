"""Files a user brings, before they are documents: finding them, naming them, reading them.

Owns the rules shared by :meth:`Corpus.from_directory`, :meth:`Corpus.from_paths`, the facts
store and the Dask path, so that each gives the same document the same id and the same text:

- **Which files.** Documents are the files whose suffix is in :data:`DOCUMENT_SUFFIXES`
  (case-insensitive). A directory walk and a glob leave other files alone (an archive folder holds
  images and indexes too); a path named explicitly with another suffix is an error.
- **Ids.** A document's id is its path relative to the root, POSIX-style, *with* its suffix:
  ``2024/04/budget.txt``. With the suffix, ``speech.txt`` and ``speech.pdf`` cannot collide, and
  the id of a file never depends on which other files sit beside it, so it is stable from one run
  of an index to the next and on any operating system.
- **Nothing outside.** A directory walk does not descend into symlinked directories, and a file
  (or a symlink) whose real location is outside the directory raises
  :class:`~hkpolicy.errors.CorpusIntegrityError` rather than being read.
- **Reading.** ``.txt`` and ``.md`` are UTF-8 (a byte-order mark is dropped). The language is
  detected from the text.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .errors import CorpusIntegrityError, HKPolicyError

if TYPE_CHECKING:
    from .corpus import Document

__all__ = [
    "DOCUMENT_SUFFIXES",
    "LOADER_SUFFIXES",
    "TEXT_SUFFIXES",
    "Source",
    "SourceError",
    "detect_language",
    "discover",
    "read_source",
]

TEXT_SUFFIXES = frozenset({".txt", ".md"})
"""Read here as UTF-8 text."""
LOADER_SUFFIXES = frozenset({".html", ".htm", ".pdf"})
"""Read by the document loaders (the ``html`` and ``pdf`` extras)."""
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | LOADER_SUFFIXES
"""Every suffix a directory walk or a glob picks up."""

# A text is Chinese when Han characters outnumber Latin letters by this factor or more: an
# English release quoting a Chinese name stays English, a Chinese one citing "AI" stays Chinese.
HAN_OVER_LATIN = 1
# Characters whose Simplified and Traditional forms differ, common in policy text. A text with
# more of the right-hand (Simplified) set than the left-hand one is zh-Hans.
_TRADITIONAL = frozenset("這們國為會發與學經業資萬億個來對說時網數據產實現區調開關務總")
_SIMPLIFIED = frozenset("这们国为会发与学经业资万亿个来对说时网数据产实现区调开关务总")


class SourceError(HKPolicyError, ValueError):
    """A path given as a document cannot be read as one: missing, not a file, of a type hkpolicy
    does not read, or not UTF-8. ``source`` is the path as given, quoted in the message."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(message)
        self.source = source
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (SourceError, (self.source, self.message))


@dataclass(frozen=True)
class Source:
    """One file to read as a document: where it is and the id it gets."""

    id: str
    """The path relative to the root, POSIX-style, with its suffix."""
    path: str
    """The file's path as found (absolute when the root was given absolute)."""

    @property
    def format(self) -> str:
        """The lower-case suffix without its dot: ``txt``, ``md``, ``html``, ``htm``, ``pdf``."""
        return PurePosixPath(self.id).suffix.lower().lstrip(".")


def _is_document(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in DOCUMENT_SUFFIXES


def _relative_id(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _check_inside(path: Path, root_real: Path, shown: str) -> None:
    real = Path(os.path.realpath(path))
    if real != root_real and root_real not in real.parents:
        raise CorpusIntegrityError(
            shown,
            f"{shown!r} points outside {str(root_real)!r} (to {str(real)!r}); "
            "hkpolicy reads nothing outside the directory it is given",
        )


def walk_directory(directory: str | os.PathLike[str]) -> list[Source]:
    """Every document file under ``directory``, sorted by id.

    :raises SourceError: ``directory`` is not a directory.
    :raises CorpusIntegrityError: a file under it resolves to a place outside it.
    """
    root = Path(directory)
    if not root.is_dir():
        raise SourceError(str(directory), f"not a directory: {str(directory)!r}")
    root_real = Path(os.path.realpath(root))
    sources = []
    # followlinks=False: a symlinked directory is listed but never entered.
    for folder, subfolders, files in os.walk(root, followlinks=False):
        subfolders.sort()
        for name in files:
            if not _is_document(name):
                continue
            path = Path(folder, name)
            _check_inside(path, root_real, str(path))
            if path.is_file():
                sources.append(Source(id=_relative_id(path, root), path=str(path)))
    return sorted(sources, key=lambda source: source.id)


def _glob_root(pattern: str) -> Path:
    """The directory part of ``pattern`` before its first wildcard."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def discover(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    root: str | os.PathLike[str] | None = None,
) -> list[Source]:
    """The documents named by ``paths``: a glob pattern (``"archive/**/*.txt"``), one path, or
    several. A directory among them is walked; a glob keeps only document files; a file named
    explicitly must be a document. Ids are relative to ``root``: by default the fixed part of a
    glob, else the nearest directory holding every file given.

    :raises SourceError: a path does not exist, or a named file is of a type hkpolicy does not
        read, or two files get the same id.
    """
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    found: list[tuple[Path, Path | None]] = []  # (file, its walk root or None)
    patterns: list[str] = []
    for item in items:
        name = os.fspath(item)
        if glob.has_magic(name):
            patterns.append(name)
            base_real = Path(os.path.realpath(_glob_root(name)))
            for match in sorted(glob.glob(name, recursive=True)):
                if os.path.isfile(match) and _is_document(match):
                    _check_inside(Path(match), base_real, match)
                    found.append((Path(match), None))
        elif os.path.isdir(name):
            found += [(Path(s.path), Path(name)) for s in walk_directory(name)]
        elif os.path.isfile(name):
            if not _is_document(name):
                suffixes = ", ".join(sorted(DOCUMENT_SUFFIXES))
                raise SourceError(
                    name, f"{name!r} is not a document hkpolicy reads (suffixes: {suffixes})"
                )
            found.append((Path(name), None))
        else:
            raise SourceError(name, f"no such file or directory: {name!r}")
    if root is not None:
        base = Path(root)
    elif len(items) == 1 and patterns:
        base = _glob_root(patterns[0])  # one pattern alone: ids start after its fixed part
    else:
        base = _common_root([walk_root or file.parent for file, walk_root in found])
    absolute_base = Path(os.path.abspath(base))
    sources: dict[str, Source] = {}
    for file, _ in found:
        try:
            doc_id = Path(os.path.abspath(file)).relative_to(absolute_base).as_posix()
        except ValueError as error:
            raise SourceError(
                str(file), f"{str(file)!r} is not under the root {str(base)!r}"
            ) from error
        source = Source(id=doc_id, path=str(file))
        if sources.get(doc_id, source).path != source.path:
            raise SourceError(str(file), f"two files get the id {doc_id!r}: pass root= to tell")
        sources[doc_id] = source
    return sorted(sources.values(), key=lambda source: source.id)


def _common_root(folders: Sequence[Path]) -> Path:
    if not folders:
        return Path(".")
    return Path(os.path.commonpath([os.path.abspath(folder) for folder in folders]))


def detect_language(text: str) -> str:
    """``en``, ``zh-Hant`` or ``zh-Hans``: the script most of the letters are written in.

    >>> detect_language("The Fund has HK$10 billion."), detect_language("這個基金有一百億元。")
    ('en', 'zh-Hant')
    >>> detect_language("这个基金有一百亿元。")
    'zh-Hans'
    """
    han = latin = traditional = simplified = 0
    for char in text:
        if "\u3400" <= char <= "\u9fff":
            han += 1
            if char in _TRADITIONAL:
                traditional += 1
            elif char in _SIMPLIFIED:
                simplified += 1
        elif char.isascii() and char.isalpha():
            latin += 1
    if han == 0 or han < latin * HAN_OVER_LATIN:
        return "en"
    return "zh-Hans" if simplified > traditional else "zh-Hant"


def file_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 of the file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_text_file(data: bytes, shown: str) -> str:
    """UTF-8 text of a ``.txt`` or ``.md`` file; a leading byte-order mark is dropped.

    :raises SourceError: the bytes are not UTF-8.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(
            shown, f"{shown!r} is not UTF-8 text (byte {error.start}: {error.reason})"
        ) from error
    return text.removeprefix("\ufeff")


def document_from_bytes(source: Source, data: bytes) -> Document:
    """The :class:`Document` of ``source`` from its bytes, with its id, language and checksum.

    :raises SourceError: the bytes cannot be read as the source's format.
    """
    from .corpus import Document

    if source.format in ("txt", "md"):
        text = read_text_file(data, source.path)
        return Document.from_text(text, id=source.id, language=detect_language(text))
    raise SourceError(
        source.path,
        f"{source.path!r}: reading .{source.format} files needs hkpolicy's document loaders "
        "(hkpolicy.load_document), which this version does not have",
    )


def read_source(source: Source) -> Document:
    """The :class:`Document` of one file.

    :raises SourceError: the file cannot be read, or not as its format.
    """
    try:
        data = Path(source.path).read_bytes()
    except OSError as error:
        raise SourceError(
            source.path, f"cannot read {source.path!r}: {error.strerror or error}"
        ) from error
    return document_from_bytes(source, data)
