"""PDF papers to documents: text in reading order, tables, and the page and box of every word.

Owns :func:`read_pdf`, built on pdfplumber (pdfminer.six underneath). Each page is read as:

1. tables, found by pdfplumber's ruling-line strategy, each written as a GFM pipe table
   (a cell's lines joined, a units row such as "(HK$ million)" merged into the header), so the
   usual table reader types its cells and applies the header's unit to the cells below;
2. the words outside the tables, grouped into lines by their vertical position and ordered top to
   bottom, left to right; the lines of a paragraph are joined with spaces (none between Chinese
   characters), and a gap wider than :data:`PARAGRAPH_GAP` line heights starts a new paragraph;
   a line with a gap wider than :data:`COLUMN_GAP` between two words is a row of a table drawn
   without rules and keeps its own line, its columns two spaces apart, for
   :func:`hkpolicy.text_tables.find_text_tables`.

Lines repeated at the top or bottom of at least half the pages (digits aside: "LC Paper No.
CB(1)12/24-25", "- 2 -") and lone page numbers there are running headers and footers: they are
left out, each named in a warning. A page whose text ends mid-sentence runs on into the next.

Every word (every character of a Chinese run, which has no spaces to split it) and every table
cell keeps an :class:`~hkpolicy.documents.origin.Origin` with its 1-based page and bounding box.
Two-column layouts are read line by line across both columns.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
from collections.abc import Sequence
from typing import Any

import regex

from ..errors import DocumentError
from ._builder import CellText, Loaded, TextBuilder, is_unit_row
from ._source import Source, require
from .html import normalise_language
from .origin import Origin

__all__ = ["COLUMN_GAP", "MAX_PDF_PAGES", "PARAGRAPH_GAP", "read_pdf"]


def __dir__() -> list[str]:
    return __all__


# Pages read at most: a paper runs to hundreds, and each page costs layout analysis.
MAX_PDF_PAGES = 5000
# Words whose tops differ by at most this many points stand on one line.
LINE_TOLERANCE = 3.0
# A vertical gap wider than this many line heights between two lines starts a new paragraph.
PARAGRAPH_GAP = 0.9
# A horizontal gap wider than this many line heights between two words separates columns: the
# line is a row of a table drawn without rules. It keeps its own line, its columns two spaces
# apart, so find_text_tables reads it as an aligned table.
COLUMN_GAP = 1.5

_PDF_DATE_RE = regex.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_CJK_RE = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")


def read_pdf(source: Source, *, password: str | None = None) -> Loaded:
    """The text of a PDF in reading order, with tables, origins and metadata.

    :raises DocumentError: the file is not a readable PDF, is encrypted (and no ``password`` or a
        wrong one was given), or has no text layer at all (a scan).
    :raises MissingExtraError: pdfplumber (the ``pdf`` extra) is not installed.
    """
    pdfplumber = require("pdfplumber", extra="pdf", package="pdfplumber", feature="Reading PDF")
    name = source.name
    try:
        pdf = pdfplumber.open(io.BytesIO(source.data), password=password or "")
    except Exception as error:  # pdfminer raises many types for one bad file
        raise _open_error(name, error) from error
    with pdf:
        try:
            return _read(pdf, name)
        except DocumentError:
            raise
        except Exception as error:
            raise DocumentError(
                name, f"{name!r} is not a readable PDF: {type(error).__name__}: {error}"
            ) from error


def _open_error(name: str, error: Exception) -> DocumentError:
    # pdfplumber wraps pdfminer's error (PDFPasswordIncorrect, PDFSyntaxError) as its argument.
    inner = error.args[0] if error.args and isinstance(error.args[0], Exception) else None
    if inner is not None:
        error = inner
    kind = type(error).__name__
    if "Password" in kind or "Encryption" in kind or "encrypt" in str(error).lower():
        return DocumentError(
            name, f"{name!r} is an encrypted PDF: pass password= to read it ({kind})"
        )
    return DocumentError(name, f"{name!r} is not a readable PDF: {kind}: {error}")


def _read(pdf: Any, name: str) -> Loaded:
    builder = TextBuilder()
    warnings: list[str] = []
    pages = pdf.pages
    if len(pages) > MAX_PDF_PAGES:
        warnings.append(f"only the first {MAX_PDF_PAGES} of {len(pages)} pages were read")
        pages = pages[:MAX_PDF_PAGES]
    empty_pages: list[int] = []
    images = 0
    read: list[tuple[int, list[_Block]]] = []
    for number, page in enumerate(pages, 1):
        images += len(page.images)
        if not page.chars:
            empty_pages.append(number)
            continue
        read.append((number, _blocks(page)))
    dropped, running = _running_lines(read)
    ended_with_text = False
    for number, blocks in read:
        kept = [block for index, block in enumerate(blocks) if (number, index) not in dropped]
        ended_with_text = _write_page(kept, number, builder, continues=ended_with_text)
    text, origins = builder.build()
    if not text.strip():
        reason = "it holds only images (a scan?)" if images else "it has no text"
        raise DocumentError(name, f"{name!r} has no text layer: {reason}; run OCR on it first")
    if empty_pages:
        listed = ", ".join(str(n) for n in empty_pages[:20])
        warnings.append(f"pages without text (scanned or blank), not read: {listed}")
    for line, count in running.items():
        warnings.append(f"running header or footer left out on {count} pages: {line!r}")
    return Loaded(text, origins, _metadata(pdf, text), warnings)


# One block of a page in reading order: (top, 0 for a line of words or 1 for a table, item).
_Block = tuple[float, int, Any]

# A line that is only a page number: "2", "- 2 -", "Page 2 of 9", "第2頁".
_PAGE_NUMBER_RE = regex.compile(
    r"(?:-\s*)?\d{1,4}(?:\s*-)?|(?i:page|p\.)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?|第\s*\d{1,4}\s*頁"
)
# Characters that end a sentence; a page whose last line ends otherwise runs on to the next.
_SENTENCE_END = frozenset(".。!！?？:：;；")


def _line_text(words: Sequence[dict[str, Any]]) -> str:
    return " ".join(str(w["text"]) for w in words)


def _running_lines(
    pages: Sequence[tuple[int, list[_Block]]],
) -> tuple[set[tuple[int, int]], dict[str, int]]:
    """The first and last lines of pages that repeat on at least half of them (digits aside),
    and lone page numbers there: ``(page, block index)`` pairs to leave out, and each repeated
    line (digits as "#") with the number of pages it was left out on."""
    if len(pages) < 2:
        return set(), {}
    edges: list[tuple[int, int, str, str]] = []  # (page, block index, text, key)
    counts: dict[str, int] = {}
    for number, blocks in pages:
        lines = [index for index, block in enumerate(blocks) if block[1] == 0]
        keys = set()
        for index in sorted({lines[0], lines[-1]} if lines else set()):
            text = _line_text(blocks[index][2])
            key = regex.sub(r"\d+", "#", " ".join(text.split()))
            edges.append((number, index, text, key))
            keys.add(key)
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    threshold = max(2, (len(pages) + 1) // 2)
    dropped: set[tuple[int, int]] = set()
    running: dict[str, int] = {}
    for number, index, text, key in edges:
        if counts[key] >= threshold:
            dropped.add((number, index))
            running[key] = running.get(key, 0) + 1
        elif _PAGE_NUMBER_RE.fullmatch(text.strip()):
            dropped.add((number, index))
    return dropped, running


def _blocks(page: Any) -> list[_Block]:
    """The page's lines of words (outside tables) and its tables, top to bottom."""
    tables = [t for t in page.find_tables() if t.rows]
    boxes = [t.bbox for t in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    words = page.filter(outside_tables).extract_words(keep_blank_chars=False, return_chars=True)
    blocks: list[_Block] = []
    for line in _lines(words):
        blocks.append((min(w["top"] for w in line), 0, line))
    for table in tables:
        blocks.append((table.bbox[1], 1, table))
    blocks.sort(key=lambda block: (block[0], block[1]))
    return blocks


def _write_page(
    blocks: Sequence[_Block], number: int, builder: TextBuilder, *, continues: bool
) -> bool:
    """Write one page's blocks; True when it ends with a line of text. A page whose first line
    follows text that ended mid-sentence (``continues``) carries the paragraph on."""
    previous_bottom: float | None = None
    previous_height = 0.0
    previous_columns = False
    ended_with_text = False
    for position, (_, kind, item) in enumerate(blocks):
        if kind == 1:
            _table(item, number, builder)
            previous_bottom = None
            ended_with_text = False
            continue
        top = min(w["top"] for w in item)
        bottom = max(w["bottom"] for w in item)
        height = bottom - top
        gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(item)]
        columns = any(gap > COLUMN_GAP * height for gap in gaps)
        wide_gap = previous_bottom is not None and top - previous_bottom > PARAGRAPH_GAP * max(
            previous_height, height
        )
        if position == 0 and continues and not columns and builder.last not in _SENTENCE_END:
            builder.space()  # the sentence runs on from the page before
        elif previous_bottom is None or wide_gap:
            builder.paragraph_break()
        elif columns or previous_columns:
            builder.line_break()  # a table without rules: one line per row
        else:
            builder.space()
        for index, word in enumerate(item):
            if index and columns and gaps[index - 1] > COLUMN_GAP * height:
                builder.column_gap()
            builder.space()
            if _CJK_RE.search(word["text"]) and word.get("chars"):
                # Chinese runs have no spaces: one box per character keeps spans precise.
                for char in word["chars"]:
                    builder.add(char["text"], page=number, bbox=_box(char))
            else:
                builder.add(word["text"], page=number, bbox=_box(word))
        previous_bottom, previous_height, previous_columns = bottom, height, columns
        ended_with_text = not columns
    return ended_with_text


def _box(obj: dict[str, Any] | Sequence[float]) -> tuple[float, float, float, float]:
    if isinstance(obj, dict):
        values = (obj["x0"], obj["top"], obj["x1"], obj["bottom"])
    else:
        values = (obj[0], obj[1], obj[2], obj[3])
    x0, top, x1, bottom = (float(v) for v in values)
    # Rounded outward to 1/100 point, so the box still holds every character it stands for.
    return (
        math.floor(x0 * 100) / 100,
        math.floor(top * 100) / 100,
        math.ceil(x1 * 100) / 100,
        math.ceil(bottom * 100) / 100,
    )


def _lines(words: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into lines (tops within LINE_TOLERANCE), each line left to right."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _table(table: Any, number: int, builder: TextBuilder) -> None:
    texts = table.extract()
    rows: list[list[CellText]] = []
    for row, row_texts in zip(table.rows, texts, strict=False):
        cells = []
        for box, text in zip(row.cells, row_texts, strict=False):
            cells.append(_cell(text or "", number, box))
        rows.append(cells)
    if not rows:
        return
    header_rows = 1
    while header_rows < len(rows) and is_unit_row(rows[header_rows]):
        header_rows += 1
    header = rows[0]
    for extra in rows[1:header_rows]:
        header = [h.joined(e) for h, e in zip(header, extra, strict=False)]
    builder.add_table(header, rows[header_rows:])


def _cell(text: str, number: int, box: Sequence[float] | None) -> CellText:
    """A cell's lines joined (a space between words, none between Chinese characters); one origin
    with the cell's box covers it."""
    cell = CellText()
    for line in text.splitlines():
        part = " ".join(line.split()).replace("|", "\\|")
        cell = cell.joined(CellText(part))
    if cell.text and box is not None:
        cell.origins = [Origin(start=0, end=len(cell.text), page=number, bbox=_box(box))]
    return cell


def _metadata(pdf: Any, text: str) -> dict[str, Any]:
    info = {str(k).lower(): v for k, v in (pdf.metadata or {}).items()}

    def field(*keys: str) -> str | None:
        for key in keys:
            value = info.get(key)
            if isinstance(value, bytes):
                value = value.decode("utf-8", "replace")
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None

    # The file's creation date is not a publication date: it is kept in the notes only.
    created = None
    raw_date = field("creationdate")
    if raw_date:
        match = _PDF_DATE_RE.match(raw_date)
        if match and match[2] and match[3]:
            try:
                created = dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                created = None
    language = None
    try:
        from pdfminer.pdftypes import resolve1

        lang = resolve1(pdf.doc.catalog.get("Lang"))
        if isinstance(lang, bytes):
            language = normalise_language(lang.decode("latin-1"))
    except Exception:  # a malformed catalog entry is no reason to refuse the text
        language = None
    if language is None:
        sample = text[:5000]
        language = "zh-Hant" if len(_CJK_RE.findall(sample)) > len(sample) * 0.2 else "en"
    return {
        "title": field("title"),
        "author": field("author"),
        "language": language,
        "notes": f"PDF file created {created.isoformat()}" if created else None,
    }
