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
- **Reading.** Every file goes through :func:`hkpolicy.load_document` (``.txt`` and ``.md`` as
  UTF-8 text, ``.html``/``.htm`` and ``.pdf`` with the ``html`` and ``pdf`` extras), so a
  document of a folder is the document ``load_document`` gives, with the folder's id. Its
  language is the loader's (detected from the text, or a page's declaration), and a page
  declared Chinese is made ``zh-Hans`` or ``zh-Hant`` by the characters it is written in.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ._document import Document, load_document
from .errors import CorpusIntegrityError, DocumentError
from .language import detect_language

__all__ = [
    "DOCUMENT_SUFFIXES",
    "LOADER_SUFFIXES",
    "TEXT_SUFFIXES",
    "Source",
    "discover",
    "read_source",
    "walk_directory",
]

TEXT_SUFFIXES = frozenset({".txt", ".md"})
"""Read here as UTF-8 text."""
LOADER_SUFFIXES = frozenset({".html", ".htm", ".pdf"})
"""Read by the document loaders (the ``html`` and ``pdf`` extras)."""
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | LOADER_SUFFIXES
"""Every suffix a directory walk or a glob picks up."""


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

    :raises DocumentError: ``directory`` is not a directory.
    :raises CorpusIntegrityError: a file under it resolves to a place outside it.
    """
    root = Path(directory)
    if not root.is_dir():
        raise DocumentError(str(directory), f"not a directory: {str(directory)!r}")
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

    :raises DocumentError: a path does not exist, or a named file is of a type hkpolicy does not
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
                raise DocumentError(
                    name, f"{name!r} is not a document hkpolicy reads (suffixes: {suffixes})"
                )
            found.append((Path(name), None))
        else:
            raise DocumentError(name, f"no such file or directory: {name!r}")
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
            raise DocumentError(
                str(file), f"{str(file)!r} is not under the root {str(base)!r}"
            ) from error
        known = sources.get(doc_id)
        if known is not None and os.path.realpath(known.path) != os.path.realpath(file):
            raise DocumentError(str(file), f"two files get the id {doc_id!r}: pass root= to tell")
        sources.setdefault(doc_id, Source(id=doc_id, path=str(file)))
    return sorted(sources.values(), key=lambda source: source.id)


def _common_root(folders: Sequence[Path]) -> Path:
    if not folders:
        return Path(".")
    return Path(os.path.commonpath([os.path.abspath(folder) for folder in folders]))


def file_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 of the file's bytes, read in blocks (the same as ``Document.source_sha256``)."""
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_LOADER_FORMAT = {"txt": "text", "md": "markdown", "html": "html", "htm": "html", "pdf": "pdf"}


def read_source(source: Source) -> Document:
    """The :class:`Document` of one file, through :func:`hkpolicy.load_document`, with the
    source's id; the language is the loader's, with a Chinese page's script read from its
    characters (:func:`hkpolicy.language.detect_language`).

    :raises DocumentError: the file cannot be read as its format.
    :raises MissingExtraError: an HTML or PDF file needs an extra that is not installed.
    """
    document = load_document(source.path, format=_LOADER_FORMAT[source.format], id=source.id)
    if not document.language.startswith("zh"):
        return document
    # The page said Chinese (a bare "zh" reads as zh-Hant); its characters say which script.
    detected = detect_language(document.text)
    if detected.startswith("zh") and detected != document.language:
        return document.model_copy(update={"language": detected})
    return document
