"""Documents as users have them: :func:`load_document` reads text, Markdown, HTML and PDF files.

Owns the readers of each format, which sit beside the corpus and above the parsers: a loader
turns a file into a :class:`~hkpolicy.corpus.Document` (built in :mod:`hkpolicy._document`)
whose ``text`` is the readable text (tables written as GFM pipe tables, so
:func:`hkpolicy.extract` reads their typed cells) and whose ``origins`` map every run of that
text back to the source: the HTML element and its character range, or the PDF page and bounding
box. No parser knows about HTML or PDF.

HTML needs the ``html`` extra (selectolax), PDF the ``pdf`` extra (pdfplumber); both are imported
only when such a file is read, so ``import hkpolicy`` stays light.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ._source import MAX_DOCUMENT_BYTES
from .origin import Origin, locate

if TYPE_CHECKING:
    from .._document import Document

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
    # The builder lives with Document, and that module imports this package's readers: it
    # is imported on the first call, once this package has finished loading.
    from .._document import load_document as build

    return build(
        source,
        format=format,
        id=id,
        url=url,
        password=password,
        max_bytes=max_bytes,
        **metadata,
    )
