"""Documents and the corpus: :class:`Document`, :class:`Corpus` and :func:`load_corpus`.

Owns reading a seed directory (the bundled ``seeds/`` or a copy of it anywhere on disk): the
catalog, the byte-exact texts, their checksums, and each document's boilerplate spans.

The bundled seeds are found with :mod:`importlib.resources`: in a wheel they are package data
under ``hkpolicy/_seeds``; in an editable install or a source checkout, where no copy is made, they
are read in place from ``seeds/`` at the repository root.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field

from .boilerplate import Boilerplate, find_boilerplate
from .entities import Initiative, Institution
from .errors import CorpusIntegrityError
from .facts import Funding, SectorStat
from .money import KNOWN_CURRENCIES
from .spans import Record
from .tables import Table

if TYPE_CHECKING:  # importlib.resources.abc is 3.11+
    from importlib.abc import Traversable

__all__ = ["CATALOG_NAME", "Corpus", "Document", "load_corpus", "seeds_directory"]


def __dir__() -> list[str]:
    return __all__


CATALOG_NAME = "catalog.json"

# Fact collections a corpus can hold, and whether their extractor has landed in this release.
EXTRACTORS: Mapping[str, bool] = {
    "money": False,
    "percentages": False,
    "dates": False,
    "tables": False,
    "institutions": False,
    "initiatives": False,
    "funding": False,
    "sector_stats": False,
}


class Document(Record):
    """One text with its metadata. ``text`` is exactly the source, so every span stays valid."""

    id: str
    """Identifier; for a seed, its file name without ``.txt``."""
    title: str | None = None
    """The title: from the text where it has one, otherwise assigned (see ``title_assigned``)."""
    title_assigned: bool = False
    """True when the text has no title and ``title`` is a descriptive one given by the catalog."""
    publisher: str | None = None
    """The publisher, where the text says so."""
    author: str | None = None
    """The author, where the text says so."""
    published: dt.date | None = None
    """The publication date, only where the text supports one; never invented."""
    language: str = "en"
    """The main language, as a BCP 47 tag ("en", "zh-Hant")."""
    default_currency: str = "HKD"
    """The currency of a bare ``$`` or 元 in this document."""
    sha256: str
    """SHA-256 of the UTF-8 bytes of ``text``."""
    notes: str | None = None
    """How the metadata was established from the text."""
    boilerplate: tuple[Boilerplate, ...] = ()
    """Stretches that are not article text; extractors skip them."""
    text: str = Field(repr=False)
    """The full text, exactly as in the source file."""

    @classmethod
    def from_text(cls, text: str, *, id: str = "text", **metadata: Any) -> Document:
        """A Document for any text a user brings, with its checksum and boilerplate computed.

        >>> doc = Document.from_text("Advertisement\\nThe Fund has HK$10 billion.", id="note")
        >>> doc.word_count, [b.kind for b in doc.boilerplate]
        (6, ['advertisement'])
        """
        return cls(
            id=id,
            text=text,
            sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
            boilerplate=tuple(find_boilerplate(text, doc_id=id)),
            **metadata,
        )

    @property
    def word_count(self) -> int:
        """Whitespace-separated words, counting each CJK character as a word."""
        words = 0
        for token in self.text.split():
            cjk = sum(1 for char in token if "\u3400" <= char <= "\u9fff")
            words += cjk + (1 if len(token) > cjk else 0)
        return words

    @property
    def boilerplate_ranges(self) -> tuple[tuple[int, int], ...]:
        """``(start, end)`` of each boilerplate span, the form scanners take as ``skip=``."""
        return tuple((item.span.start, item.span.end) for item in self.boilerplate)

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a boilerplate span."""
        return any(s < end and start < e for s, e in self.boilerplate_ranges)

    def __repr__(self) -> str:
        return f"Document(id={self.id!r}, title={self.title!r}, words={self.word_count})"

    __str__ = __repr__


class Corpus(Record):
    """Documents plus the facts extracted from them, merged across documents."""

    documents: tuple[Document, ...]
    """The documents, in catalog order."""
    institutions: tuple[Institution, ...] = ()
    """Institutions named anywhere in the corpus, one per id, with every mention."""
    initiatives: tuple[Initiative, ...] = ()
    """Initiatives named anywhere in the corpus, one per id, with every mention."""
    funding: tuple[Funding, ...] = ()
    """Funding facts from every document."""
    sector_stats: tuple[SectorStat, ...] = ()
    """Sector statistics from every document's tables and prose."""
    tables: tuple[Table, ...] = ()
    """Tables from every document."""
    pending: tuple[str, ...] = ()
    """Fact collections whose extractor has not landed yet; they are empty, not missing facts."""

    def __getitem__(self, doc_id: str) -> Document:
        for document in self.documents:
            if document.id == doc_id:
                return document
        known = ", ".join(d.id for d in self.documents)
        raise KeyError(f"no document {doc_id!r} in the corpus (ids: {known})")

    def __len__(self) -> int:
        return len(self.documents)

    def __contains__(self, doc_id: object) -> bool:
        return any(document.id == doc_id for document in self.documents)

    @property
    def ids(self) -> tuple[str, ...]:
        """Document ids, in order."""
        return tuple(document.id for document in self.documents)

    def summary(self) -> dict[str, Any]:
        """A JSON-ready overview: each document's metadata and size, and the fact counts."""
        counts: dict[str, int | None] = {
            name: (None if name in self.pending else len(getattr(self, name, ())))
            for name in ("funding", "sector_stats", "tables", "institutions", "initiatives")
        }
        return {
            "documents": [
                {
                    "id": d.id,
                    "title": d.title,
                    "title_assigned": d.title_assigned,
                    "publisher": d.publisher,
                    "author": d.author,
                    "published": d.published.isoformat() if d.published else None,
                    "language": d.language,
                    "words": d.word_count,
                    "boilerplate_spans": len(d.boilerplate),
                }
                for d in self.documents
            ],
            "facts": counts,
            "pending_extractors": list(self.pending),
        }


def seeds_directory() -> Traversable:
    """The bundled seed directory: package data in a wheel, ``seeds/`` in a checkout."""
    package = resources.files("hkpolicy")
    bundled = package.joinpath("_seeds")
    if bundled.is_dir():
        return bundled
    # Editable install or source tree: the canonical texts sit at the repository root.
    checkout = Path(str(package)).resolve().parents[1] / "seeds"
    if checkout.joinpath(CATALOG_NAME).is_file():
        return checkout
    raise CorpusIntegrityError(
        CATALOG_NAME,
        f"The bundled seed corpus is missing: no {CATALOG_NAME} in {bundled} or {checkout}",
    )


def _read_catalog(directory: Traversable) -> list[dict[str, Any]]:
    catalog_file = directory.joinpath(CATALOG_NAME)
    if not catalog_file.is_file():
        raise CorpusIntegrityError(CATALOG_NAME, f"No {CATALOG_NAME} in {directory}")
    try:
        catalog = json.loads(catalog_file.read_text(encoding="utf-8"))
        entries = catalog["documents"]
    except (ValueError, KeyError, TypeError) as error:
        raise CorpusIntegrityError(
            CATALOG_NAME, f"{CATALOG_NAME} in {directory} is not a valid catalog: {error}"
        ) from error
    if not isinstance(entries, list):
        raise CorpusIntegrityError(CATALOG_NAME, f"{CATALOG_NAME}: 'documents' must be a list")
    return entries


def _verified_text(directory: Traversable, entry: Mapping[str, Any]) -> str:
    name = str(entry["file"])
    source = directory.joinpath(name)
    if not source.is_file():
        raise CorpusIntegrityError(
            name, f"Seed file {name!r} is listed in {CATALOG_NAME} but missing from {directory}"
        )
    data = source.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    expected = str(entry["sha256"])
    if actual != expected:
        raise CorpusIntegrityError(
            name,
            f"Seed file {name!r} does not match {CATALOG_NAME}: "
            f"expected sha256 {expected}, got {actual}",
            expected_sha256=expected,
            actual_sha256=actual,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusIntegrityError(name, f"Seed file {name!r} is not UTF-8: {error}") from error


def _load(directory: Traversable) -> Corpus:
    entries = _read_catalog(directory)
    listed = {str(entry.get("file")) for entry in entries}
    extra = sorted(
        item.name
        for item in directory.iterdir()
        if item.name.endswith(".txt") and item.name not in listed
    )
    if extra:
        raise CorpusIntegrityError(
            extra[0], f"Seed file {extra[0]!r} in {directory} is not listed in {CATALOG_NAME}"
        )
    documents = []
    for entry in entries:
        text = _verified_text(directory, entry)
        currency = str(entry.get("default_currency") or "HKD")
        if currency not in KNOWN_CURRENCIES:
            raise CorpusIntegrityError(
                str(entry["file"]), f"{CATALOG_NAME}: unknown default_currency {currency!r}"
            )
        published = entry.get("published")
        documents.append(
            Document(
                id=str(entry["id"]),
                title=entry.get("title"),
                title_assigned=bool(entry.get("title_assigned", False)),
                publisher=entry.get("publisher"),
                author=entry.get("author"),
                published=dt.date.fromisoformat(published) if published else None,
                language=str(entry.get("language") or "en"),
                default_currency=currency,
                sha256=str(entry["sha256"]),
                notes=entry.get("notes"),
                boilerplate=tuple(find_boilerplate(text, doc_id=str(entry["id"]))),
                text=text,
            )
        )
    pending = tuple(name for name, landed in EXTRACTORS.items() if not landed)
    return Corpus(documents=tuple(documents), pending=pending)


@functools.cache
def _bundled_corpus() -> Corpus:
    return _load(seeds_directory())


def load_corpus(directory: str | os.PathLike[str] | None = None) -> Corpus:
    """The bundled seed corpus (cached after the first call), or a seed directory on disk.

    Every file's SHA-256 is checked against the catalog.

    :raises CorpusIntegrityError: a seed file is changed, missing, or not in the catalog.

    >>> corpus = load_corpus()
    >>> len(corpus.documents), corpus["004_d8a9956017bf6413"].publisher
    (5, 'South China Morning Post')
    """
    if directory is None:
        return _bundled_corpus()
    path = Path(directory)
    if not path.is_dir():
        raise CorpusIntegrityError(str(path), f"Seed directory {str(path)!r} does not exist")
    return _load(path)
