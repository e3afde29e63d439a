"""Reading what a user hands to a loader: a path or bytes, size-checked before a byte is read.

Owns the size limit, the regular-file check (a FIFO or device would block forever), format
detection from the suffix or the first bytes, text decoding, and the import of optional
dependencies with an error that names the extra to install.
"""

from __future__ import annotations

import importlib
import os
import stat
from pathlib import Path
from types import ModuleType
from typing import Literal

import regex

from ..errors import DocumentError, MissingExtraError

__all__ = [
    "FORMATS",
    "MAX_DOCUMENT_BYTES",
    "Format",
    "Source",
    "decode_text",
    "detect_format",
    "read_source",
    "require",
]


def __dir__() -> list[str]:
    return __all__


Format = Literal["text", "markdown", "html", "pdf"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "html", "pdf")

# The largest file a loader reads (100 MiB). A bigger file is refused from its size on disk,
# before it is opened: a policy paper is a few MB; a 500 MB "document" is a mistake or an attack,
# and parsing it would hold the process for minutes. Pass ``max_bytes`` to raise the limit.
MAX_DOCUMENT_BYTES = 100 * 2**20

# File name suffix -> format.
SUFFIXES: dict[str, Format] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf",
}  # fmt: skip

# Declared charsets read as the superset pages in Hong Kong and the Mainland really use (as
# browsers do): Big5 pages carry HKSCS characters, GB2312 pages GBK/GB18030 ones.
SUPERSET_ENCODINGS = {"big5": "big5hkscs", "gb2312": "gb18030", "gbk": "gb18030"}

# How far into the bytes the format sniffing and the HTML charset declaration are looked for.
SNIFF_BYTES = 2048
_HTML_START_RE = regex.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", regex.I | regex.S
)
_CHARSET_RE = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", regex.I)


class Source:
    """The bytes of one input and the name errors quote (the path, or ``<bytes>``)."""

    def __init__(self, data: bytes, name: str, path: Path | None) -> None:
        self.data = data
        self.name = name
        self.path = path


def read_source(source: str | os.PathLike[str] | bytes, *, max_bytes: int) -> Source:
    """The bytes of ``source`` (a path or the bytes themselves).

    :raises DocumentError: no such file, not a regular file, or larger than ``max_bytes``.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > max_bytes:
            raise DocumentError(
                "<bytes>",
                f"Document of {len(data):,} bytes is larger than the limit of {max_bytes:,} bytes",
            )
        return Source(data, "<bytes>", None)
    if not isinstance(source, str | os.PathLike):
        raise TypeError(f"load_document() takes a path or bytes, not {type(source).__name__}")
    path = Path(source)
    name = str(path)
    try:
        info = path.stat()
    except OSError as error:
        raise DocumentError(name, f"Cannot read {name!r}: {error.strerror or error}") from error
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(name, f"Cannot read {name!r}: not a regular file")
    if info.st_size > max_bytes:
        raise DocumentError(
            name,
            f"{name!r} is {info.st_size:,} bytes, larger than the limit of {max_bytes:,} bytes "
            "(pass max_bytes= to read it anyway)",
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as error:
        raise DocumentError(name, f"Cannot read {name!r}: {error.strerror or error}") from error
    if len(data) > max_bytes:
        raise DocumentError(name, f"{name!r} is larger than the limit of {max_bytes:,} bytes")
    return Source(data, name, path)


def detect_format(source: Source, requested: str | None) -> Format:
    """The format asked for, else the file suffix's, else a guess from the first bytes."""
    if requested is not None:
        key = requested.lower().lstrip(".")
        aliases: dict[str, Format] = {"txt": "text", "md": "markdown", "htm": "html"}
        fmt = aliases.get(key, key)
        if fmt not in FORMATS:
            raise ValueError(f"Unknown document format {requested!r}: expected one of {FORMATS}")
        return fmt
    head = source.data[:SNIFF_BYTES]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if source.path is not None and source.path.suffix.lower() in SUFFIXES:
        return SUFFIXES[source.path.suffix.lower()]
    if _HTML_START_RE.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return "text"


def decode_text(source: Source, *, html: bool = False) -> str:
    """The bytes as text: UTF-8 (a BOM dropped), or an HTML page's declared charset.

    :raises DocumentError: the bytes are not valid in that encoding.
    """
    data = source.data
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif html:
        declared = _CHARSET_RE.search(data[:SNIFF_BYTES])
        if declared:
            encoding = declared.group(1).decode("ascii").lower()
            encoding = SUPERSET_ENCODINGS.get(encoding, encoding)
    try:
        return data.decode(encoding)
    except LookupError:
        return _utf8(source, data)
    except UnicodeDecodeError as error:
        what = "UTF-8 text" if encoding in ("utf-8", "utf8") else f"valid {encoding}"
        raise DocumentError(
            source.name, f"{source.name!r} is not {what} (byte {error.start})"
        ) from error


def _utf8(source: Source, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(
            source.name, f"{source.name!r} is not UTF-8 text (byte {error.start})"
        ) from error


def require(module: str, *, extra: str, package: str, feature: str) -> ModuleType:
    """Import an optional dependency.

    :raises MissingExtraError: it is not installed; the message names the extra.
    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError(extra, package, feature) from error
