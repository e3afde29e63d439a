"""The line scanner behind :func:`hkpolicy.tables.find_tables`: GFM pipe tables as plain offsets.

Owns the structural half of table reading: which lines form a table, where every cell's trimmed
content starts and ends, and each column's alignment. It builds no models and reads no values;
:mod:`hkpolicy.tables` does that. Two regular expressions over the whole text find the lines worth
visiting (a line above a possible delimiter row, a possible code fence); every other step is a
left-to-right walk over one line with ``str.find`` and slicing, so the scan is linear in the
text's length.

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

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, compress
from operator import add
from typing import NamedTuple

import regex

__all__ = [
    "MAX_AUTOCOMPLETED_CELLS",
    "RawCell",
    "RawTable",
    "line_bounds",
    "line_starts_and_ends",
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
    """``(start, end)`` of each line's content, without its ``\n`` or ``\r\n`` ending."""
    return list(zip(*line_starts_and_ends(text), strict=True))


def line_starts_and_ends(text: str) -> tuple[list[int], list[int]]:
    """:func:`line_bounds` as two lists, each line's start and each line's end (no tuple per
    line: a text's lines are many, and the scan reads a few of them)."""
    lines = text.split("\n")
    lengths = list(map(len, lines))
    # Each line starts one past the end of the one before: running sums of (length + 1).
    starts = list(accumulate(map((1).__add__, lengths[:-1]), initial=0))
    ends = list(map(add, starts, lengths))
    if "\r" in text:
        for number, line in enumerate(lines):
            if line.endswith("\r"):
                ends[number] -= 1
    return starts, ends


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
    starts: Sequence[int], ends: Sequence[int], skip: Iterable[tuple[int, int]]
) -> list[bool]:
    """Per line, whether it overlaps one of the ``skip`` character ranges (``starts`` and
    ``ends``: each line's bounds).

    Line starts and ends both increase down the text, so the lines a range meets are one run,
    found by two bisections; ranges taken in order of their starts mark each line once."""
    flags = [False] * len(starts)
    ranges = sorted((start, end) for start, end in skip if end > start)
    if not ranges:
        return flags
    # An empty line still occupies its position: it ends one past its start.
    occupied = list(map(max, ends, map((1).__add__, starts)))
    marked = 0  # lines before this one are marked already, or no later range can reach them
    for start, end in ranges:
        first = max(bisect_right(occupied, start), marked)
        last = bisect_left(starts, end)
        if last > first:
            flags[first:last] = [True] * (last - first)
            marked = last
    return flags


# A line that may be a delimiter row (only "|", "-", ":" and spaces, with a "-"), found by the
# line break before it; and a line that may open or close a code fence.
_DELIMITER_AFTER_RE = regex.compile(r"\n[ \t\r|:\-]*-[ \t\r|:\-]*(?![^\n])")
_FENCE_AFTER_RE = regex.compile(r"\n[ \t]*[`~]")


def _lines_to_visit(text: str, starts: Sequence[int], skipped: list[bool]) -> list[int]:
    """The lines the scan must look at, in order: each line above a possible delimiter row, each
    possible code fence, and each skipped line (it closes a fence). No table starts at any other
    line, and none changes the scan's state. ``starts`` holds each line's start."""
    numbers = {0}
    numbers.update(bisect_right(starts, m.start()) - 1 for m in _DELIMITER_AFTER_RE.finditer(text))
    if "`" in text or "~" in text:  # a fence line holds one of them: else there is none
        numbers.update(bisect_right(starts, m.start()) for m in _FENCE_AFTER_RE.finditer(text))
    numbers.update(compress(range(len(skipped)), skipped))
    return sorted(numbers)


def _fence_after(
    text: str, start: int, end: int, fence: tuple[str, int] | None
) -> tuple[str, int] | None:
    """The open code fence after the line ``[start, end)``: ``fence`` closed by the line, a fence
    it opens, or ``fence`` unchanged."""
    first = text[start:end].lstrip(_SPACE)[:1]
    if fence is not None:
        char, run = fence
        if first == char:
            indent, offset = _indent(text, start, end)
            body = text[offset:end]
            if indent < 4 and body.startswith(char * run) and not body.strip(char + _SPACE):
                return None
        return fence
    if first in ("`", "~"):
        indent, offset = _indent(text, start, end)
        return _fence(text[offset:end]) if indent < 4 else None
    return None


def _maybe_delimiter(line: str) -> bool:
    """A cheap filter: only ``|``, ``-``, ``:`` and spaces, with at least one ``-``."""
    return "-" in line and not line.strip(" \t\r|:-")


def _may_be_header(text: str, starts: Sequence[int], ends: Sequence[int], number: int) -> bool:
    """Line ``number`` is paragraph text (never blank, indented code, a quote, heading or list
    item) followed by a line that may be a delimiter row."""
    if number + 1 >= len(starts):
        return False
    if not _maybe_delimiter(text[starts[number + 1] : ends[number + 1]]):
        return False
    indent, offset = _indent(text, starts[number], ends[number])
    body = text[offset : ends[number]]
    return bool(body.strip(_SPACE)) and indent < 4 and not _starts_block(body)


def scan_tables(
    text: str, *, strict: bool = False, skip: Iterable[tuple[int, int]] = ()
) -> Iterator[RawTable]:
    """Every GFM pipe table in ``text``, as offsets, in order; lines overlapping ``skip`` are
    not read. Tables come one at a time, so a caller that builds each as it comes leaves no
    list of every table's offsets for the garbage collector to walk."""
    starts, ends = line_starts_and_ends(text)
    skipped = _skipped_lines(starts, ends, skip)
    fence: tuple[str, int] | None = None
    resume = 0
    for number in _lines_to_visit(text, starts, skipped):
        if number < resume:
            continue
        if skipped[number]:
            fence = None
            continue
        in_fence = fence is not None
        fence = _fence_after(text, starts[number], ends[number], fence)
        if in_fence or fence is not None or not _may_be_header(text, starts, ends, number):
            continue
        table = _table_at(text, starts, ends, skipped, number, strict=strict)
        if table is not None:
            yield table
            resume = table.end_line


def _table_at(
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    skipped: Sequence[bool],
    number: int,
    *,
    strict: bool,
) -> RawTable | None:
    """The table whose header is line ``number``, or None when the next line is no delimiter row."""
    if number + 1 >= len(starts) or skipped[number + 1]:
        return None
    d_start, d_end = starts[number + 1], ends[number + 1]
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
    h_start, h_end = starts[number], ends[number]
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
    while last < len(starts) and not skipped[last]:
        r_start, r_end = starts[last], ends[last]
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
