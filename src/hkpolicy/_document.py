"""One document: :class:`Document`, its text with metadata and provenance, and
:func:`load_document`, which builds one from a text, Markdown, HTML or PDF file.

Sits above :func:`~hkpolicy.extraction.extract` (a document extracts itself) and beneath
everything that handles documents in numbers: the corpus, the facts store, the DataFrames and
the workers. The readers of each format (:mod:`hkpolicy.documents.html`,
:mod:`hkpolicy.documents.pdf`) hand back text and origins; this module turns them into a
Document. HTML and PDF readers are imported only when such a file is read, so their extras stay
optional.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from typing import Any, Literal

from pydantic import Field

from .boilerplate import Boilerplate, find_boilerplate
from .documents._source import MAX_DOCUMENT_BYTES, decode_text, detect_format, read_source
from .documents.origin import Origin, locate
from .extraction import Extraction, extract
from .language import detect_language
from .spans import Record, Span

__all__ = ["Document", "load_document"]


def __dir__() -> list[str]:
    return __all__


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
    """The main language, as a BCP 47 tag ("en", "zh-Hant", "zh-Hans"); detected from the text
    by :func:`hkpolicy.language.detect_language` unless the catalog or the caller gives it."""
    default_currency: str = "HKD"
    """The currency of a bare ``$`` or 元 in this document."""
    sha256: str
    """SHA-256 of the UTF-8 bytes of ``text``."""
    notes: str | None = None
    """How the metadata was established from the text."""
    boilerplate: tuple[Boilerplate, ...] = ()
    """Stretches that are not article text; extractors skip them."""
    text: str = Field(repr=False)
    """The full text, exactly as in the source file (for HTML and PDF, the text the loader read
    from it; ``origins`` maps it back)."""
    source_format: Literal["text", "markdown", "html", "pdf"] | None = None
    """The format of the file the text was loaded from; None for a text given directly."""
    source: str | None = None
    """The path (or ``<bytes>``) the document was loaded from."""
    source_sha256: str | None = None
    """SHA-256 of the loaded file's bytes (``sha256`` is of ``text``)."""
    url: str | None = None
    """Where the page was published, where the page or the caller says so."""
    twin_url: str | None = None
    """The same release in the other language (Chinese/English twin), where the page links it."""
    origins: tuple[Origin, ...] = Field(default=(), repr=False)
    """Where each run of ``text`` came from: HTML element and character range, or PDF page and
    bounding box; sorted, not overlapping. Empty for text and Markdown (the text is the source)."""
    warnings: tuple[str, ...] = ()
    """What the loader could not read (pages without text, a page limit reached)."""

    @classmethod
    def from_text(cls, text: str, *, id: str = "text", **metadata: Any) -> Document:
        """A Document for any text a user brings, with its checksum and boilerplate computed.

        >>> doc = Document.from_text("Advertisement\\nThe Fund has HK$10 billion.", id="note")
        >>> doc.word_count, [b.kind for b in doc.boilerplate], doc.language
        (6, ['advertisement'], 'en')
        """
        metadata.setdefault("language", detect_language(text))
        return cls(
            id=id,
            text=text,
            sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
            boilerplate=tuple(find_boilerplate(text, doc_id=id)),
            **metadata,
        )

    @classmethod
    def from_html(
        cls, source: str | os.PathLike[str] | bytes, *, id: str | None = None, **options: Any
    ) -> Document:
        """A Document from an HTML file path or HTML bytes (needs the ``html`` extra); see
        :func:`hkpolicy.load_document` for the options.

        :raises DocumentError: the page cannot be read or has no main content.
        """
        return load_document(source, format="html", id=id, **options)

    @classmethod
    def from_pdf(
        cls, source: str | os.PathLike[str] | bytes, *, id: str | None = None, **options: Any
    ) -> Document:
        """A Document from a PDF file path or PDF bytes (needs the ``pdf`` extra); see
        :func:`hkpolicy.load_document` for the options.

        :raises DocumentError: the file is malformed, encrypted or has no text layer.
        """
        return load_document(source, format="pdf", id=id, **options)

    def locate(self, span: Span | tuple[int, int]) -> tuple[Origin, ...]:
        """Where ``span`` (a Span or ``(start, end)`` into ``text``) came from in the source file:
        for HTML each element and character range, for PDF each page with one box covering the
        words or cells. Empty for a text or Markdown file, whose offsets are the file's own.
        """
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        return locate(self.origins, start, end)

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

    def extract(self) -> Extraction:
        """Every mention and fact in this document, with spans into ``text``."""
        return extract(
            self.text,
            doc_id=self.id,
            default_currency=self.default_currency,
            published=self.published,
            boilerplate=self.boilerplate,
        )

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a boilerplate span."""
        return any(s < end and start < e for s, e in self.boilerplate_ranges)

    def __repr__(self) -> str:
        return f"Document(id={self.id!r}, title={self.title!r}, words={self.word_count})"

    __str__ = __repr__


def load_document(
    source: str | os.PathLike[str] | bytes,
    *,
    format: str | None = None,
    id: str | None = None,
    url: str | None = None,
    password: str | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    **metadata: Any,
) -> Document:
    """A :class:`Document` from a file path or bytes; the options are those of
    :func:`hkpolicy.documents.load_document`, whose documentation this follows."""
    read = read_source(source, max_bytes=max_bytes)
    fmt = detect_format(read, format)
    doc_id = id or (read.path.stem if read.path is not None else "document")
    found: dict[str, Any]
    if fmt == "html":
        from .documents.html import read_html

        page = read_html(read, url=url)
        text, origins, found, warnings = page.text, page.origins, page.metadata, page.warnings
    elif fmt == "pdf":
        from .documents.pdf import read_pdf

        paper = read_pdf(read, password=password)
        text, origins, found, warnings = paper.text, paper.origins, paper.metadata, paper.warnings
    else:
        text, origins, found, warnings = decode_text(read), [], {}, []
        if url is not None:
            found["url"] = url
    fields = {k: v for k, v in found.items() if v is not None}
    fields.update(metadata)
    if "language" not in fields:
        fields["language"] = detect_language(text)
    return Document(
        id=doc_id,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        source_format=fmt,
        source=read.name,
        source_sha256=hashlib.sha256(read.data).hexdigest(),
        origins=tuple(origins),
        warnings=tuple(warnings),
        **_with_boilerplate(text, doc_id, fields),
    )


def _with_boilerplate(text: str, doc_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    fields.setdefault("boilerplate", tuple(find_boilerplate(text, doc_id=doc_id)))
    return fields
