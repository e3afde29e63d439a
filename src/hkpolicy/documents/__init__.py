"""Documents as users have them: :func:`load_document` reads text, Markdown, HTML and PDF files.

Owns the loaders, which sit beside the corpus and above the parsers: a loader turns a file into a
:class:`~hkpolicy.corpus.Document` whose ``text`` is the readable text (tables written as GFM pipe
tables, so :func:`hkpolicy.extract` reads their typed cells) and whose ``origins`` map every run
of that text back to the source: the HTML element and its character range, or the PDF page and
bounding box. No parser knows about HTML or PDF.

HTML needs the ``html`` extra (selectolax), PDF the ``pdf`` extra (pdfplumber); both are imported
only when such a file is read, so ``import hkpolicy`` stays light.
"""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING, Any

from ._source import MAX_DOCUMENT_BYTES, detect_format, read_source
from .origin import Origin, locate

if TYPE_CHECKING:
    from ..corpus import Document

__all__ = ["MAX_DOCUMENT_BYTES", "Origin", "load_document", "locate"]


def __dir__() -> list[str]:
    return __all__


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
    """A :class:`~hkpolicy.corpus.Document` from a file path or bytes: text, Markdown, HTML or PDF.

    ``format`` ("text", "markdown", "html", "pdf") overrides the guess from the file suffix and
    the first bytes. ``id`` defaults to the file name without its suffix (``document`` for bytes).
    ``url`` is where an HTML page came from (for its twin link; nothing is fetched). ``password``
    opens an encrypted PDF. Files larger than ``max_bytes`` are refused before they are read.
    Other keywords (``title``, ``publisher``, ``published``, ``language``, ``default_currency``)
    override what the loader found.

    :raises DocumentError: the file is missing, too large, not a regular file, malformed,
        encrypted, a scan with no text layer, or an HTML page with no main content.
    :raises MissingExtraError: reading HTML or PDF needs an extra that is not installed.

    >>> doc = load_document(b"<html><body><nav>Home</nav><p>HK$1 million</p></body></html>")
    >>> doc.text, doc.source_format, doc.locate((0, 3))[0].element
    ('HK$1 million', 'html', 'html > body:nth-child(2) > p:nth-child(2)')
    """
    from ..corpus import Document

    read = read_source(source, max_bytes=max_bytes)
    fmt = detect_format(read, format)
    doc_id = id or (read.path.stem if read.path is not None else "document")
    found: dict[str, Any]
    if fmt == "html":
        from .html import read_html

        page = read_html(read, url=url)
        text, origins, found, warnings = page.text, page.origins, page.metadata, page.warnings
    elif fmt == "pdf":
        from .pdf import read_pdf

        paper = read_pdf(read, password=password)
        text, origins, found, warnings = paper.text, paper.origins, paper.metadata, paper.warnings
    else:
        from ._source import decode_text

        text, origins, found, warnings = decode_text(read), [], {}, []
        if url is not None:
            found["url"] = url
    fields = {k: v for k, v in found.items() if v is not None}
    fields.update(metadata)
    if "language" not in fields:
        from ..language import detect_language

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
    from ..boilerplate import find_boilerplate

    fields.setdefault("boilerplate", tuple(find_boilerplate(text, doc_id=doc_id)))
    return fields
