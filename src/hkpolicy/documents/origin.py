"""Where a document's characters came from: :class:`Origin`, the offset map of a loaded file.

Owns the provenance model a loader leaves on :class:`~hkpolicy.corpus.Document` and the lookup from
a text range back to the source. Imports only :mod:`hkpolicy.spans`, so the corpus can hold
origins without importing any loader.

An HTML origin names the element a run of text came from (a CSS path such as
``body > main:nth-child(2) > p:nth-child(3)``) and where the run starts in that element's text
content (``element.textContent`` in a browser, ``node.text(deep=True)`` in selectolax). A PDF
origin names the 1-based page and the bounding box of one word or one table cell, in PDF points
with pdfplumber's convention: ``(x0, top, x1, bottom)``, the origin at the page's top left.

Inside one origin the map is linear: ``text[start + i]`` came from source character
``offset + i``. Loaders cut origins wherever that would stop being true (collapsed whitespace,
joined lines), so every lookup is exact.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any

from ..spans import Record, Span

__all__ = ["Origin", "locate"]


def __dir__() -> list[str]:
    return __all__


class Origin(Record):
    """One run of ``Document.text`` and the place in the source it came from."""

    start: int
    """First character of the run in ``Document.text``."""
    end: int
    """End of the run in ``Document.text`` (exclusive)."""
    element: str | None = None
    """HTML: CSS path of the element whose text content holds the run."""
    offset: int | None = None
    """HTML: where the run starts in that element's text content."""
    page: int | None = None
    """PDF: the 1-based page number."""
    bbox: tuple[float, float, float, float] | None = None
    """PDF: ``(x0, top, x1, bottom)`` of the word or table cell, in points from the top left."""

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        # Every set field, the box in full (Record shows a 4-tuple as a count).
        for name in type(self).model_fields:
            value = getattr(self, name)
            if value is not None:
                yield name, value


def locate(origins: Sequence[Origin], start: int, end: int) -> tuple[Origin, ...]:
    """The origins of ``text[start:end]``, clipped to it, in text order.

    HTML runs are cut to the range (``offset`` moved with them); PDF runs keep the bounding box of
    the word or cell they touch, merged per page into one box that covers the whole range.
    ``origins`` must be sorted by ``start`` and not overlap (as loaders build them).
    """
    if end < start:
        start, end = end, start
    starts = [o.start for o in origins]
    index = max(0, bisect.bisect_right(starts, start) - 1)
    found: list[Origin] = []
    while index < len(origins) and origins[index].start < max(end, start + 1):
        origin = origins[index]
        index += 1
        if origin.end <= start:
            continue
        low, high = max(start, origin.start), min(end, origin.end)
        if origin.element is not None:
            shift = low - origin.start
            offset = None if origin.offset is None else origin.offset + shift
            found.append(
                origin.model_copy(update={"start": low, "end": max(low, high), "offset": offset})
            )
        elif found and found[-1].page == origin.page and found[-1].bbox and origin.bbox:
            a, b = found[-1].bbox, origin.bbox
            box = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
            found[-1] = found[-1].model_copy(update={"end": max(low, high), "bbox": box})
        else:
            found.append(origin.model_copy(update={"start": low, "end": max(low, high)}))
    return tuple(found)


def locate_span(origins: Sequence[Origin], span: Span | tuple[int, int]) -> tuple[Origin, ...]:
    """:func:`locate` for a :class:`~hkpolicy.spans.Span` or a ``(start, end)`` pair."""
    start, end = (span.start, span.end) if isinstance(span, Span) else span
    return locate(origins, start, end)
