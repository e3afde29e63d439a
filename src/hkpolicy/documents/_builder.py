"""The text a loader writes and its origin map, built together so they cannot drift apart.

Owns whitespace collapsing (runs of spaces, tabs and line breaks inside a block become one
space, and an origin is cut wherever that happens), block and paragraph breaks, and the rendering
of a table as a GFM pipe table, so :func:`hkpolicy.tables.find_tables` reads it with the same
typed cells and header units as any Markdown table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import regex

from ..spans import construct_trusted
from .origin import Origin

__all__ = ["CellText", "Loaded", "TextBuilder", "is_unit_row"]


def __dir__() -> list[str]:
    return __all__


# A run of characters that maps linearly onto the source: words joined by single spaces.
_LINEAR_RUN_RE = regex.compile(r"\S+(?: \S+)*+")
_CJK_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f\uff00-\uffef]")


def _is_cjk(char: str) -> bool:
    return bool(char) and _CJK_RE.match(char) is not None


class Loaded(NamedTuple):
    """What a loader read: the text and its origins, the metadata found, the warnings."""

    text: str
    origins: list[Origin]
    metadata: dict[str, Any]
    warnings: list[str]


class CellText:
    """The text of one table cell and its origins (offsets relative to the cell text)."""

    def __init__(self, text: str = "", origins: Sequence[Origin] = ()) -> None:
        self.text = text
        self.origins = list(origins)

    def joined(self, other: CellText) -> CellText:
        """This cell's text, a space (none between two CJK characters), then ``other``'s."""
        if not other.text:
            return self
        if not self.text:
            return other
        glue = "" if _is_cjk(self.text[-1]) and _is_cjk(other.text[0]) else " "
        shift = len(self.text) + len(glue)
        moved = [
            o.model_copy(update={"start": o.start + shift, "end": o.end + shift})
            for o in other.origins
        ]
        return CellText(self.text + glue + other.text, [*self.origins, *moved])


class TextBuilder:
    """Appends text with its origins; ``inline`` mode (table cells) turns breaks into spaces and
    escapes pipes so the cell cannot split a GFM row."""

    def __init__(self, *, inline: bool = False) -> None:
        self.inline = inline
        self._parts: list[str] = []
        self._length = 0
        self._last = ""  # the last character written
        self._pending_space = False
        self.origins: list[Origin] = []

    # -- writing ---------------------------------------------------------------------------

    def _write(self, text: str, origin: dict[str, Any] | None = None) -> None:
        if not text:
            return
        if origin is not None:
            # Built from checked parts (offsets computed here, fields from a loader).
            self.origins.append(
                construct_trusted(
                    Origin,
                    {
                        "start": self._length,
                        "end": self._length + len(text),
                        "element": origin.get("element"),
                        "offset": origin.get("offset"),
                        "page": origin.get("page"),
                        "bbox": origin.get("bbox"),
                    },
                )
            )
        self._parts.append(text)
        self._length += len(text)
        self._last = text[-1]

    def _space_if_pending(self, next_char: str) -> None:
        between_cjk = _is_cjk(self._last) and _is_cjk(next_char)
        if self._pending_space and self._length and self._last not in "\n " and not between_cjk:
            self._write(" ")
        self._pending_space = False

    def add(self, raw: str, **origin: Any) -> None:
        """Source text, whitespace collapsed; ``origin`` fields (``element`` and ``offset`` of
        ``raw``'s first character, or ``page`` and ``bbox``) are kept for each linear run."""
        if not raw:
            return
        offset = origin.pop("offset", None)
        position = 0
        for match in _LINEAR_RUN_RE.finditer(raw):
            if match.start() > position:
                self._pending_space = True
            self._space_if_pending(match.group()[0])
            fields = dict(origin)
            if offset is not None:
                fields["offset"] = offset + match.start()
            self._write_run(match.group(), fields)
            position = match.end()
        if position < len(raw):
            self._pending_space = True

    def _write_run(self, run: str, fields: dict[str, Any]) -> None:
        if not self.inline or "|" not in run:
            self._write(run, fields or None)
            return
        # A pipe in a cell is written "\|": the backslash maps to nothing, the pipe to itself.
        start = 0
        for index, char in enumerate(run):
            if char == "|":
                self._write_piece(run, start, index, fields)
                self._write("\\")
                self._write_piece(run, index, index + 1, fields)
                start = index + 1
        self._write_piece(run, start, len(run), fields)

    def _write_piece(self, run: str, start: int, end: int, fields: dict[str, Any]) -> None:
        if start >= end:
            return
        piece = dict(fields)
        if "offset" in piece:
            piece["offset"] += start
        self._write(run[start:end], piece or None)

    def column_gap(self) -> None:
        """Two spaces between the columns of a table written as aligned text."""
        self._pending_space = False
        if self._length and self._last not in "\n":
            self._write("  ")

    @property
    def last(self) -> str:
        """The last character written ("" before anything)."""
        return self._last

    def space(self) -> None:
        """A word break (collapsed with any other whitespace)."""
        self._pending_space = True

    def line_break(self) -> None:
        """End the current line (a space in inline mode)."""
        if self.inline:
            self._pending_space = True
            return
        self._pending_space = False
        if self._length and self._last != "\n":
            self._write("\n")

    def paragraph_break(self) -> None:
        """A blank line before what follows (a space in inline mode)."""
        if self.inline:
            self._pending_space = True
            return
        self.line_break()
        if self._length and not "".join(self._parts[-2:]).endswith("\n\n"):
            self._write("\n")

    def splice(self, cell: CellText) -> None:
        """Append a finished cell's text with its origins moved into place."""
        shift = self._length
        self._parts.append(cell.text)
        self._length += len(cell.text)
        if cell.text:
            self._last = cell.text[-1]
        self.origins.extend(
            o.model_copy(update={"start": o.start + shift, "end": o.end + shift})
            for o in cell.origins
        )

    def cell(self) -> CellText:
        """The text written so far, as a cell (inline builders)."""
        return CellText("".join(self._parts), self.origins)

    def add_table(self, header: Sequence[CellText], rows: Sequence[Sequence[CellText]]) -> None:
        """A GFM pipe table, a blank line before and after it."""
        width = max([len(header), *(len(row) for row in rows)])
        if width == 0:
            return
        self.paragraph_break()
        self._pending_space = False
        padded_header = [*header, *[CellText()] * (width - len(header))]
        self._row(padded_header)
        self._write("|" + "|".join([" --- "] * width) + "|\n")
        for row in rows:
            self._row([*row, *[CellText()] * (width - len(row))])
        self._write("\n")

    def _row(self, cells: Sequence[CellText]) -> None:
        self._write("|")
        for cell in cells:
            self._write(" ")
            self.splice(cell)
            self._write(" |")
        self._write("\n")

    # -- result ----------------------------------------------------------------------------

    def build(self) -> tuple[str, list[Origin]]:
        """The text (trailing whitespace removed) and its origins, in text order."""
        text = "".join(self._parts).rstrip()
        origins = [o for o in self.origins if o.start < len(text)]
        return text, origins


def is_unit_row(cells: Sequence[CellText]) -> bool:
    """True for a row under a table header that only states units: "(HK$ million)", "(%)"."""
    texts = [c.text.strip() for c in cells if c.text.strip()]
    return bool(texts) and all(
        t[:1] in "(（" and t[-1:] in ")）" and not any(ch.isdigit() for ch in t.replace("000", ""))
        for t in texts
    )
