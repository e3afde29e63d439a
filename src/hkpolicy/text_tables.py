"""Tables written as plain text: :func:`find_text_tables` for aligned and flattened tables.

Owns the reading of tables that lost their markup when a page or a PDF was copied into text: a
header line of column names, then rows of a label followed by numbers::

    Scheme                           Projects   Amount Approved
    Partnership Research Programme         96             402.7

or the same flattened to single spaces ("Scheme Projects Amount Approved" / "Partnership Research
Programme 96 402.7"). The result is the :class:`~hkpolicy.tables.Table` of Markdown tables, with
typed cells and header units, and a ``confidence`` saying how the columns were found.

A table is reported only where its columns are unambiguous:

- every row is a label (with a letter or a Chinese character) followed by the same number ``k``
  of values (numbers, percentages, placeholders such as "-"), and there are at least
  :data:`MIN_ROWS` rows (one row is enough when the header is aligned or its names are known);
- the header line splits into exactly ``k + 1`` column names, by the first rule that works:
  runs of two or more spaces or a tab (:data:`ALIGNED_CONFIDENCE`); single spaces, when it has
  exactly ``k + 1`` words (:data:`WORDS_CONFIDENCE`); or, from the right, ``k`` known column
  names from :data:`COLUMN_NAMES`, each with an optional "(unit)" (:data:`KNOWN_NAMES_CONFIDENCE`).

Any other shape gives nothing: a guess at columns would put numbers under the wrong header. The
scan is one pass over the lines, linear in the text's length, and never raises on a ``str``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from itertools import islice
from typing import NamedTuple

import regex

from ._table_cells import CellReader
from ._table_scanner import RawCell, RawTable
from .spans import Span, disjoint_ranges
from .tables import Table, build_table

__all__ = [
    "ALIGNED_CONFIDENCE",
    "COLUMN_NAMES",
    "KNOWN_NAMES_CONFIDENCE",
    "MIN_ROWS",
    "WORDS_CONFIDENCE",
    "find_text_tables",
    "with_text_tables",
]


def __dir__() -> list[str]:
    return __all__


# Confidence of a table by how its header was split into columns (see the module docstring).
ALIGNED_CONFIDENCE = 0.9
WORDS_CONFIDENCE = 0.8
KNOWN_NAMES_CONFIDENCE = 0.7
# Taken off a table with a single row: one line of numbers is weaker evidence of a table.
SINGLE_ROW_PENALTY = 0.1
# Rows a table needs when its header is split by counting words (prose lines can look like rows).
MIN_ROWS = 2
# Longest header and label, in words: longer lines are prose, not table lines.
MAX_HEADER_WORDS = 16
MAX_LABEL_WORDS = 12
# Widest table read: more value columns than this is a run of numbers, not a table.
MAX_COLUMNS = 12

# Column names tables of funding and statistics use, lower case; a name may be followed by a
# parenthesised unit in the header ("Funds Approved (HK$ million)").
COLUMN_NAMES = frozenset(
    {
        "projects", "no. of projects", "number of projects", "applications",
        "no. of applications", "number of applications", "approved projects",
        "amount", "amount approved", "approved amount", "funds approved", "funding approved",
        "funding", "grant", "grants", "grant amount", "amount granted", "budget", "expenditure",
        "actual expenditure", "estimate", "revised estimate", "original estimate", "allocation",
        "share", "percentage", "growth", "change", "adoption rate", "rate", "total", "number",
        "no.", "count", "companies", "enterprises", "startups", "start-ups", "beneficiaries",
        "recipients", "value", "year", "employment", "jobs",
        "項目數目", "項目數量", "項目", "申請數目", "批出款額", "核准款額", "資助金額", "撥款",
        "金額", "預算", "開支", "實際開支", "預算開支", "修訂預算", "百分比", "比率", "增長",
        "數目", "總額", "项目数目", "项目数量", "批出款额", "核准款额", "资助金额", "拨款",
        "金额", "预算", "开支", "数目", "总额", "增长",
    }
)  # fmt: skip

# One value cell: a number (grouped, decimal, signed), a percentage, an accounting negative, or
# a placeholder for no value.
_VALUE_RE = regex.compile(
    r"""
    (?:
        [-+−]?                                  # sign
        (?:\d{1,3}(?:,\d{3})++|\d++)             # 1,234 or 1234
        (?:\.\d++)?                              # decimals
        %?                                       # percentage
      | \((?:\d{1,3}(?:,\d{3})++|\d++)(?:\.\d++)?\)   # accounting negative (82.9)
      | -|–|—|n/a|N/A|N\.A\.|\.\.
    )
    """,
    regex.VERBOSE,
)
_TOKEN_RE = regex.compile(r"\S+")
_LAST_TOKEN_RE = regex.compile(r"\S+", regex.REVERSE)
_LABEL_CHAR_RE = regex.compile(r"[\p{L}]")
_ALIGNED_SPLIT_RE = regex.compile(r"\S+(?: \S+)*+")  # words joined by single spaces
_SENTENCE_END = (".", "。", "!", "?", "！", "？", ";", "；", ":", "：", ",", "，")
# Sorts after every (start, end) pair with the same start, for the bisection in _overlaps.
_AFTER_ANY_END = 2**63
_YEAR_RE = regex.compile(r"(?:19|20)\d\d(?:[-/–](?:\d\d|\d{4}))?")


class _Row(NamedTuple):
    """A line read as a label and values: absolute offsets of the label and of each value."""

    label: tuple[int, int]
    values: list[tuple[int, int]]


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN_RE.finditer(text, start, end)]


def _row(text: str, start: int, end: int) -> _Row | None:
    """The line as a label followed by values, or None."""
    # A longer line is no row: reading one token past the limit is enough to tell.
    found = _TOKEN_RE.finditer(text, start, end)
    tokens = [m.span() for m in islice(found, MAX_LABEL_WORDS + MAX_COLUMNS + 1)]
    if len(tokens) < 2 or len(tokens) > MAX_LABEL_WORDS + MAX_COLUMNS:
        return None
    split = len(tokens)
    while split > 0 and _VALUE_RE.fullmatch(text, tokens[split - 1][0], tokens[split - 1][1]):
        split -= 1
    values = tokens[split:]
    label = tokens[:split]
    if not values or not label or len(values) > MAX_COLUMNS or len(label) > MAX_LABEL_WORDS:
        return None
    label_text = text[label[0][0] : label[-1][1]]
    if not _LABEL_CHAR_RE.search(label_text) or label_text.endswith(_SENTENCE_END):
        return None
    if all(not any(c.isdigit() for c in text[a:b]) for a, b in values):
        return None  # only placeholders: "Scheme A -" is no row of numbers
    return _Row((label[0][0], label[-1][1]), values)


# Last characters a row can end with: a digit, a percent sign, the ")" of an accounting
# negative, or the end of a placeholder ("-", "n/a", "N.A.", ".."). A cheap test that turns
# most lines away before any regular expression runs.
_ROW_END_CHARS = frozenset("0123456789%)-–—aA.")
# How a value token ending in a, A or "." ends: the placeholders of _VALUE_RE.
_LETTER_VALUE_ENDS = ("n/a", "N/A", "N.A.", "..")
# The blanks _line_row trims from a line's end.
_TRAILING_BLANKS = " \t\u3000"
# What the last character of a row's line can be, before its blanks are trimmed.
_LINE_END_CHARS = _ROW_END_CHARS | frozenset(_TRAILING_BLANKS)
# The same, or the "\r" of a "\r\n" line break (which is no part of the line).
_LINE_OR_CR_END_CHARS = _LINE_END_CHARS | {"\r"}


def _line_row(text: str, start: int, end: int) -> _Row | None:
    """The line as a row, or None; a line with a pipe belongs to the pipe-table reader.

    A row ends with a value, so a line whose last word is none (a sentence ending in "2024.")
    is turned away with two regular-expression calls, before it is split into words."""
    while end > start and text[end - 1] in _TRAILING_BLANKS:
        end -= 1
    if end <= start or text[end - 1] not in _ROW_END_CHARS:
        return None
    if text[end - 1] in "aA." and not text.endswith(_LETTER_VALUE_ENDS, start, end):
        return None  # a word or a sentence's full stop, no "n/a", "N.A." or ".."
    last = _LAST_TOKEN_RE.search(text, start, end)
    if last is None or not _VALUE_RE.fullmatch(text, last.start(), end):
        return None
    if text.find("|", start, end) != -1:
        return None
    return _row(text, start, end)


def _is_year_row(text: str, row: _Row) -> bool:
    return all(_YEAR_RE.fullmatch(text, a, b) for a, b in row.values)


def _unit_groups(text: str, tokens: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Tokens with each parenthesised group ("(HK$", "million)") merged into one token."""
    groups: list[tuple[int, int]] = []
    open_at: int | None = None
    for start, end in tokens:
        word = text[start:end]
        if open_at is None and word[:1] in "(（" and not word.endswith((")", "）")):
            open_at = start
            continue
        if open_at is not None:
            if word.endswith((")", "）")):
                groups.append((open_at, end))
                open_at = None
            continue
        groups.append((start, end))
    if open_at is not None:
        groups.append((open_at, tokens[-1][1]))
    return groups


def _split_header(
    text: str, start: int, end: int, columns: int, rows: int
) -> tuple[list[tuple[int, int]], float] | None:
    """The header line cut into ``columns`` names, with the confidence of the cut."""
    line = text[start:end]
    if not line.strip() or line.rstrip().endswith(_SENTENCE_END):
        return None
    tokens = _tokens(text, start, end)
    if len(tokens) > MAX_HEADER_WORDS:
        return None
    aligned = [(m.start(), m.end()) for m in _ALIGNED_SPLIT_RE.finditer(text, start, end)]
    if len(aligned) == columns and (columns > 1) and ("  " in line.strip() or "\t" in line):
        return aligned, ALIGNED_CONFIDENCE
    if len(tokens) == columns and rows >= MIN_ROWS:
        return tokens, WORDS_CONFIDENCE
    groups = _unit_groups(text, tokens)
    names: list[tuple[int, int]] = []
    right = len(groups)
    for _ in range(columns - 1):
        unit_end = right
        if right > 0 and text[groups[right - 1][0]] in "(（":
            right -= 1  # "(HK$ million)" belongs to the name before it
        for size in (4, 3, 2, 1):
            if right - size < 1:
                continue
            first, last = groups[right - size], groups[right - 1]
            phrase = " ".join(text[first[0] : last[1]].lower().split())
            if phrase in COLUMN_NAMES:
                names.append((first[0], groups[unit_end - 1][1]))
                right -= size
                break
        else:
            return None
    if right < 1:
        return None
    names.append((groups[0][0], groups[right - 1][1]))
    names.reverse()
    return names, KNOWN_NAMES_CONFIDENCE


def _overlaps(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``[start, end)`` meets one of ``ranges`` (sorted and disjoint): one bisection."""
    index = bisect.bisect_right(ranges, (start, _AFTER_ANY_END)) - 1
    if index >= 0 and ranges[index][1] > start:
        return True
    return index + 1 < len(ranges) and ranges[index + 1][0] < end


def find_text_tables(
    text: str,
    *,
    doc_id: str | None = None,
    skip: Iterable[Span | tuple[int, int]] = (),
    default_currency: str | None = None,
) -> list[Table]:
    """Tables written as aligned or flattened plain text, each with its ``confidence``.

    Lines overlapping a ``skip`` range (boilerplate, a pipe table already read) and lines with a
    pipe are not read. ``default_currency`` is what a bare "$" or 元 in a header means.
    Never raises on any ``str``.

    >>> table, = find_text_tables("Scheme Projects Amount Approved\\n"
    ...                           "Partnership Research Programme 96 402.7\\n"
    ...                           "Enterprise Support Scheme 12 88.0")
    >>> [c.text for c in table.header], table.rows[0][2].number, table.confidence
    (['Scheme', 'Projects', 'Amount Approved'], Decimal('402.7'), 0.7)
    """
    if not isinstance(text, str):
        return []
    ranges = disjoint_ranges(
        (s.start, s.end) if isinstance(s, Span) else (s[0], s[1]) for s in skip
    )
    lines = _row_lines(text)
    # The lines that are rows, in order: only they can start a table.
    row_numbers = sorted(lines)
    scan = _Scan(text, lines, ranges, doc_id, CellReader(default_currency))
    tables: list[Table] = []
    position = bisect.bisect_left(row_numbers, 1)
    while position < len(row_numbers):
        index = row_numbers[position]
        first = _first_row(scan, index)
        following = index + 1
        if first is not None:
            last = _run_end(lines, index, len(first.values))
            if last in lines:
                # A row with another number of values: a value is missing somewhere, so which
                # column each number belongs to is a guess. No table.
                following = last + 1
            else:
                table = _table(scan, index - 1, last)
                if table is not None:
                    tables.append(table)
                # After a table, or past the run when there is none: no table can start inside
                # it (each of its lines is a row, and a row is no header), which keeps the scan
                # linear.
                following = last + 1 if table is not None else last
        position = bisect.bisect_left(row_numbers, following, position + 1)
    return tables


class _Line(NamedTuple):
    """A line read as a row: where its content starts and ends (without the line break and a
    "\r" before it), and the row."""

    start: int
    end: int
    row: _Row


def _row_lines(text: str) -> dict[int, _Line]:
    """The lines that read as rows, by line number (0-based). A row's line ends with one of
    _ROW_END_CHARS before any trailing blanks: only such lines are read; the others cost one
    character test each, and no offsets are kept for them."""
    lines: dict[int, _Line] = {}
    start = 0
    for number, raw in enumerate(text.split("\n")):
        line_start = start
        start += len(raw) + 1
        if not raw or raw[-1] not in _LINE_OR_CR_END_CHARS:
            continue
        end = line_start + len(raw)
        if raw[-1] == "\r":
            end -= 1  # the line's content ends before the "\r" of "\r\n"
            if end == line_start or text[end - 1] not in _LINE_END_CHARS:
                continue
        row = _line_row(text, line_start, end)
        if row is not None:
            lines[number] = _Line(line_start, end, row)
    return lines


def _bounds_before(text: str, start: int) -> tuple[int, int]:
    """``(start, end)`` of the content of the line before the one starting at ``start`` (> 0):
    without its line break and a "\r" before it."""
    end = start - 1  # the "\n" that ends it
    line_start = text.rfind("\n", 0, end) + 1
    if end > line_start and text[end - 1] == "\r":
        end -= 1
    return line_start, end


class _Scan(NamedTuple):
    """One scan of a text: the lines that read as rows, and what the tables need."""

    text: str
    lines: Mapping[int, _Line]
    skip: Sequence[tuple[int, int]]
    doc_id: str | None
    reader: CellReader


def _first_row(scan: _Scan, index: int) -> _Row | None:
    """Line ``index`` as the first row of a table, or None: it must be a row, under a possible
    header (a line with no pipe that is no row, or is a row of years: "Scheme 2023 2024")."""
    line = scan.lines.get(index)
    if line is None:
        return None
    header_start, header_end = _bounds_before(scan.text, line.start)
    header = scan.lines.get(index - 1)
    if "|" in scan.text[header_start:header_end] or (
        header is not None and not _is_year_row(scan.text, header.row)
    ):
        return None
    return line.row


def _run_end(lines: Mapping[int, _Line], index: int, width: int) -> int:
    """The line after the run of rows from ``index`` with ``width`` values each."""
    last = index + 1
    while True:
        following = lines.get(last)
        if following is None or len(following.row.values) != width:
            return last
        last += 1


def _table(scan: _Scan, header_line: int, end_line: int) -> Table | None:
    """The table of the header at ``header_line`` and the rows (every line) up to
    ``end_line``, or None."""
    text, lines = scan.text, scan.lines
    rows = [lines[number].row for number in range(header_line + 1, end_line)]
    header_start, header_end = _bounds_before(text, lines[header_line + 1].start)
    table_end = lines[end_line - 1].end
    if _overlaps(scan.skip, header_start, table_end):
        return None
    columns = len(rows[0].values) + 1
    split = _split_header(text, header_start, header_end, columns, len(rows))
    if split is None:
        return None
    names, confidence = split
    if len(rows) < MIN_ROWS:
        if confidence == WORDS_CONFIDENCE:
            return None
        confidence = round(confidence - SINGLE_ROW_PENALTY, 2)
    raw = RawTable(
        header=[RawCell(s, e) for s, e in names],
        rows=[[RawCell(*r.label), *(RawCell(s, e) for s, e in r.values)] for r in rows],
        alignments=[None] * columns,
        start=header_start,
        end=table_end,
        first_line=header_line,
        end_line=end_line,
    )
    return build_table(text, raw, doc_id=scan.doc_id, reader=scan.reader, confidence=confidence)


def with_text_tables(
    text: str,
    tables: Sequence[Table],
    *,
    doc_id: str | None,
    skip: Sequence[tuple[int, int]],
    currency: str | None,
) -> list[Table]:
    """``tables`` (pipe tables) and the plain-text tables outside them, in text order."""
    taken = [*skip, *((t.span.start, t.span.end) for t in tables)]
    found = find_text_tables(text, doc_id=doc_id, skip=taken, default_currency=currency)
    if not found:
        return list(tables)
    return sorted([*tables, *found], key=lambda table: table.span.start)
