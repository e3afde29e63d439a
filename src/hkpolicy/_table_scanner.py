"""The line scanner behind :func:`hkpolicy.tables.find_tables`: GFM pipe tables as plain offsets.

Owns the structural half of table reading: which lines form a table, where every cell's trimmed
content starts and ends, and each column's alignment. It builds no models and reads no values;
:mod:`hkpolicy.tables` does that. It uses no regular expressions: every step is a left-to-right
walk over one line with ``str.find`` and slicing, so the whole scan is linear in the text's length.

The rules are those of the GFM spec, section "Tables (extension)" (GFM 0.29, cmark-gfm), read
together with markdown-it-py's ``rules_block/table.py`` for the details the prose leaves open:

- a table is a header line followed by a delimiter row with the same number of cells;
  the header is the last line of a paragraph, so a table can interrupt a paragraph;
- leading and trailing pipes are optional; a pipe preceded by a backslash is part of the cell,
  also inside inline code;
- the delimiter row's cells are ``:?-+:?``, which set each column's alignment;
- body rows with fewer cells are padded with empty cells, extra cells are dropped;
- the table ends at a blank line or at the start of another block (block quote, ATX heading,
  fenced code, thematic break, list item, HTML block) or at a line indented by four columns.

One departure, on by default: a body line with no unescaped pipe ends the table (``strict=False``).
Scraped texts glue prose under a table with no blank line; strict GFM makes that prose a row.

Not handled (documented gaps): tables inside block quotes or list items, lines inside raw HTML
blocks, and a lone ``\\r`` as a line ending (only ``\\n`` and ``\\r\\n`` end lines).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

__all__ = [
    "MAX_AUTOCOMPLETED_CELLS",
    "RawCell",
    "RawTable",
    "line_bounds",
    "scan_tables",
]


def __dir__() -> list[str]:
    return __all__


# Padding short rows creates cells that are not in the text: a 100,000-column header followed by
# 100,000 one-cell rows would build 10^10 cells from 400 kB. Like markdown-it (same name, same
# value), a table ends once it has padded this many cells, so output stays linear in the input.
MAX_AUTOCOMPLETED_CELLS = 0x10000

# Block-level HTML tag names that open an HTML block able to end a table (CommonMark type 6).
HTML_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption",
        "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset",
        "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend",
        "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option",
        "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "title", "tr", "track", "ul",
    }
)  # fmt: skip
# CommonMark type 1: raw-text elements.
HTML_RAW_TAGS = ("script", "pre", "style", "textarea")

_SPACE = " \t"


class RawCell(NamedTuple):
    """One cell as offsets: ``text[start:end]`` is its trimmed content as written."""

    start: int
    end: int


class RawTable(NamedTuple):
    """One table as offsets into the scanned text."""

    header: list[RawCell]
    rows: list[list[RawCell]]
    alignments: list[str | None]
    start: int
    end: int
    first_line: int
    end_line: int


def line_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line's content, without its ``\\n`` or ``\\r\\n`` ending."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        bounds.append((start, end - 1 if line.endswith("\r") else end))
        start = end + 1
    return bounds


def _indent(text: str, start: int, end: int) -> tuple[int, int]:
    """(columns of leading indentation, offset of the first non-space) of one line."""
    columns = 0
    pos = start
    while pos < end:
        char = text[pos]
        if char == " ":
            columns += 1
        elif char == "\t":
            columns += 4 - columns % 4
        else:
            break
        pos += 1
    return columns, pos


def _fence(line: str) -> tuple[str, int] | None:
    """(fence character, run length) when ``line`` (indent removed) opens a code fence."""
    if not line or line[0] not in "`~":
        return None
    char = line[0]
    run = len(line) - len(line.lstrip(char))
    if run < 3 or (char == "`" and "`" in line[run:]):
        return None
    return char, run


def _is_thematic_break(line: str) -> bool:
    if not line or line[0] not in "-*_":
        return False
    char = line[0]
    count = 0
    for c in line:
        if c == char:
            count += 1
        elif c not in _SPACE:
            return False
    return count >= 3


def _is_list_item(line: str) -> bool:
    if line[:1] in ("-", "+", "*"):
        return len(line) == 1 or line[1] in _SPACE
    digits = 0
    while digits < len(line) and digits < 10 and line[digits].isascii() and line[digits].isdigit():
        digits += 1
    if not 1 <= digits <= 9 or digits >= len(line) or line[digits] not in ".)":
        return False
    rest = line[digits + 1 : digits + 2]
    return rest == "" or rest in _SPACE


def _is_atx_heading(line: str) -> bool:
    hashes = len(line) - len(line.lstrip("#"))
    return 1 <= hashes <= 6 and (hashes == len(line) or line[hashes] in _SPACE)


def _is_html_block_start(line: str) -> bool:
    if not line.startswith("<"):
        return False
    if line.startswith(("<!--", "<?", "<![CDATA[")):
        return True
    if len(line) > 2 and line[1] == "!" and line[2].isascii() and line[2].isalpha():
        return True
    lowered = line[1:].lower()
    if any(
        lowered.startswith(tag) and lowered[len(tag) : len(tag) + 1] in ("", " ", "\t", ">")
        for tag in HTML_RAW_TAGS
    ):
        return True
    name = lowered[1:] if lowered.startswith("/") else lowered
    length = 0
    while length < len(name) and length < 12 and name[length].isascii() and name[length].isalnum():
        length += 1
    tail = name[length : length + 2]
    return name[:length] in HTML_BLOCK_TAGS and (tail[:1] in ("", " ", "\t", ">") or tail == "/>")


# First characters of every block start that can end a table (a cheap filter for rows).
_BLOCK_START_CHARS = frozenset(">#`~-*_+<0123456789")


def _starts_block(line: str) -> bool:
    """True when ``line`` (indent of at most three columns removed) opens a non-paragraph block."""
    return line[:1] in _BLOCK_START_CHARS and (
        line.startswith(">")
        or _is_atx_heading(line)
        or _fence(line) is not None
        or _is_thematic_break(line)
        or _is_list_item(line)
        or _is_html_block_start(line)
    )


def _has_unescaped_pipe(text: str, start: int, end: int) -> bool:
    pos = text.find("|", start, end)
    while pos != -1:
        if pos == start or text[pos - 1] != "\\":
            return True
        pos = text.find("|", pos + 1, end)
    return False


def _split_row(text: str, start: int, end: int) -> list[RawCell]:
    """The cells of one row line: trimmed offsets between unescaped pipes.

    A blank cell gets an empty range where its content would start (just after its opening pipe).
    """
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    lead = start < end and text[start] == "|"
    if lead:
        start += 1
    # A trailing pipe counts unless a backslash escapes it; right after a leading pipe it can't.
    trail = end > start and text[end - 1] == "|" and (end - 1 == start or text[end - 2] != "\\")
    if trail:
        end -= 1
    if start == end:
        # "||" holds one empty cell; "|" and a blank line hold none.
        return [RawCell(start, start)] if lead and trail else []
    cells: list[RawCell] = []
    cell_start = start
    pos = text.find("|", start, end)
    while True:
        while pos != -1 and pos > start and text[pos - 1] == "\\":
            pos = text.find("|", pos + 1, end)
        cell_end = end if pos == -1 else pos
        a, b = cell_start, cell_end
        while a < b and text[a] in _SPACE:
            a += 1
        while b > a and text[b - 1] in _SPACE:
            b -= 1
        cells.append(RawCell(a, b) if a < b else RawCell(cell_start, cell_start))
        if pos == -1:
            return cells
        cell_start = pos + 1
        pos = text.find("|", cell_start, end)


def _delimiter_alignments(
    text: str, start: int, end: int, cells: Sequence[RawCell]
) -> list[str | None] | None:
    """Alignments when the line's cells are all ``:?-+:?``; None when it is not a delimiter row."""
    alignments: list[str | None] = []
    for cell in cells:
        content = text[cell.start : cell.end]
        left = content.startswith(":")
        right = len(content) > 1 and content.endswith(":")
        core = content[int(left) : len(content) - int(right)]
        if not core or core.strip("-"):
            return None
        alignments.append(
            "center" if left and right else "left" if left else "right" if right else None
        )
    return alignments


def _skipped_lines(
    bounds: Sequence[tuple[int, int]], skip: Iterable[tuple[int, int]]
) -> list[bool]:
    """Per line, whether it overlaps one of the ``skip`` character ranges (a sweep, linear)."""
    flags = [False] * len(bounds)
    ranges = sorted((s, e) for s, e in skip if e > s)
    if not ranges:
        return flags
    index = 0
    for number, (start, end) in enumerate(bounds):
        line_end = max(end, start + 1)  # an empty line still occupies its position
        while index < len(ranges) and ranges[index][1] <= start:
            index += 1
        probe = index
        while probe < len(ranges) and ranges[probe][0] < line_end:
            if ranges[probe][1] > start:
                flags[number] = True
                break
            probe += 1
    return flags


def _maybe_delimiter(line: str) -> bool:
    """A cheap filter: only ``|``, ``-``, ``:`` and spaces, with at least one ``-``."""
    return "-" in line and not line.strip(" \t\r|:-")


def scan_tables(
    text: str, *, strict: bool = False, skip: Iterable[tuple[int, int]] = ()
) -> list[RawTable]:
    """Every GFM pipe table in ``text``, as offsets; lines overlapping ``skip`` are not read."""
    bounds = line_bounds(text)
    skipped = _skipped_lines(bounds, skip)
    tables: list[RawTable] = []
    fence: tuple[str, int] | None = None
    number = 0
    count = len(bounds)
    while number < count:
        start, end = bounds[number]
        if skipped[number]:
            fence = None
            number += 1
            continue
        line = text[start:end]
        first = line.lstrip(_SPACE)[:1]
        if fence is not None:
            char, run = fence
            if first == char:
                indent, offset = _indent(text, start, end)
                body = text[offset:end]
                if indent < 4 and body.startswith(char * run) and not body.strip(char + _SPACE):
                    fence = None
            number += 1
            continue
        if first in ("`", "~"):
            indent, offset = _indent(text, start, end)
            opened = _fence(text[offset:end]) if indent < 4 else None
            if opened is not None:
                fence = opened
                number += 1
                continue
        # Most lines are not followed by a delimiter row: rule them out before anything else.
        if number + 1 >= count or not _maybe_delimiter(
            text[bounds[number + 1][0] : bounds[number + 1][1]]
        ):
            number += 1
            continue
        indent, offset = _indent(text, start, end)
        body = text[offset:end]
        # A header is paragraph text: never blank, indented code, a quote, heading or list item.
        if not body.strip(_SPACE) or indent >= 4 or _starts_block(body):
            number += 1
            continue
        table = _table_at(text, bounds, skipped, number, strict=strict)
        if table is None:
            number += 1
            continue
        tables.append(table)
        number = table.end_line
    return tables


def _table_at(
    text: str,
    bounds: Sequence[tuple[int, int]],
    skipped: Sequence[bool],
    number: int,
    *,
    strict: bool,
) -> RawTable | None:
    """The table whose header is line ``number``, or None when the next line is no delimiter row."""
    if number + 1 >= len(bounds) or skipped[number + 1]:
        return None
    d_start, d_end = bounds[number + 1]
    d_indent, d_first = _indent(text, d_start, d_end)
    if d_indent >= 4 or d_first >= d_end or text[d_first] not in "|-:":
        return None
    delimiter = _split_row(text, d_start, d_end)
    if not delimiter:
        return None
    alignments = _delimiter_alignments(text, d_start, d_end, delimiter)
    if alignments is None:
        return None
    # One column with no pipe on either line is a setext heading ("Title\n---"), not a table.
    h_start, h_end = bounds[number]
    if len(alignments) == 1 and not (
        _has_unescaped_pipe(text, d_start, d_end) or _has_unescaped_pipe(text, h_start, h_end)
    ):
        return None
    header = _split_row(text, h_start, h_end)
    if len(header) != len(alignments):
        return None
    width = len(header)
    rows: list[list[RawCell]] = []
    autocompleted = 0
    last = number + 2
    table_end = d_end
    while last < len(bounds) and not skipped[last]:
        r_start, r_end = bounds[last]
        r_indent, r_first = _indent(text, r_start, r_end)
        line = text[r_first:r_end]
        if not line.strip(_SPACE) or r_indent >= 4 or _starts_block(line):
            break
        if not strict and not _has_unescaped_pipe(text, r_first, r_end):
            break
        cells = _split_row(text, r_start, r_end)
        if len(cells) < width:
            autocompleted += width - len(cells)
            if autocompleted > MAX_AUTOCOMPLETED_CELLS:
                break
            pad = RawCell(r_end, r_end)
            cells.extend([pad] * (width - len(cells)))
        elif len(cells) > width:
            del cells[width:]
        rows.append(cells)
        table_end = r_end
        last += 1
    return RawTable(header, rows, alignments, h_start, table_end, number, last)
