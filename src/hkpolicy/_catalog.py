"""Catalogs of a corpus directory: the format, its digest, reading the texts it lists, and
writing one.

Owns everything the corpus loader trusts a catalog with. A catalog is a file written by
whoever made the directory, so it is read as hostile input: every field is type-checked, every
listed file must be a plain file name inside the directory (after symlinks are resolved), files
are read in bounded chunks up to a size limit, and no message ever reports the checksum of a
file as read (only the one the catalog expects), so a loader cannot be used to learn the hash
of a file it should not read.

The catalog is covered by the integrity check too: its ``digest`` is the SHA-256 of its
canonical serialisation (see :func:`catalog_digest`), so an edited title, date or currency, a
removed or a duplicated entry is caught. :func:`write_catalog` writes (or reseals) the catalog
of a directory of ``.txt`` files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CorpusIntegrityError
from .money import KNOWN_CURRENCIES

__all__ = [
    "CATALOG_NAME",
    "CATALOG_VERSION",
    "MAX_CATALOG_BYTES",
    "MAX_FILE_BYTES",
    "CatalogEntry",
    "build_catalog",
    "catalog_digest",
    "read_catalog",
    "read_listed_file",
    "unlisted_texts",
    "write_catalog",
]


def __dir__() -> list[str]:
    return __all__


CATALOG_NAME = "catalog.json"
CATALOG_VERSION = 2
"""Version 2 catalogs carry a ``digest``; version 1 (no digest) is refused with a hint to reseal."""

MAX_FILE_BYTES = 32 * 1024 * 1024
"""The largest text file the loader reads, in bytes (32 MiB), unless ``max_file_bytes=`` says
otherwise. A policy paper converted to text is rarely over 2 MB; the limit stops a catalog from
pointing the loader at an endless or huge file."""

MAX_CATALOG_BYTES = 16 * 1024 * 1024
"""The largest catalog read (16 MiB: some 50,000 entries with long notes)."""

READ_CHUNK_BYTES = 1024 * 1024
"""Files are read and hashed this many bytes at a time, so a file growing while it is read
cannot take more than the limit plus one chunk of memory."""

MAX_QUOTED_CHARS = 240
"""How much of an offending entry an error message quotes."""

# A file name: no folders, no "." or "..", no characters a path on some system gives meaning to.
_FILE_NAME_RE = re.compile(r"[^/\\:\x00-\x1f\x7f]+")
_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE_RE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# Fields whose text may hold line breaks and tabs.
_FREE_TEXT_FIELDS = frozenset({"title", "notes"})

_TOP_FIELDS = ("catalog_version", "description", "digest", "documents")
# Entry fields in the order write_catalog writes them; True marks the required ones.
_ENTRY_FIELDS: Mapping[str, bool] = {
    "id": True,
    "file": True,
    "title": False,
    "title_assigned": False,
    "publisher": False,
    "author": False,
    "published": False,
    "language": False,
    "default_currency": False,
    "sha256": True,
    "notes": False,
}


@dataclass(frozen=True)
class CatalogEntry:
    """One checked catalog entry: a document's metadata and the checksum of its file."""

    index: int
    id: str
    file: str
    sha256: str
    title: str | None = None
    title_assigned: bool = False
    publisher: str | None = None
    author: str | None = None
    published: dt.date | None = None
    language: str = "en"
    default_currency: str = "HKD"
    notes: str | None = None


def catalog_digest(catalog: Mapping[str, Any]) -> str:
    """The SHA-256 (hex) of a catalog's canonical serialisation: the catalog object without its
    ``digest`` field, as JSON with keys sorted, no whitespace, non-ASCII characters as UTF-8
    (RFC 8785's canonical form, for a catalog holds no floating-point numbers).

    Any tool can produce it: in Python, ``hashlib.sha256(json.dumps(catalog_without_digest,
    sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()``.

    >>> catalog_digest({"catalog_version": 2, "documents": []})[:16]
    '69765cfa876c9091'
    """
    content = {key: value for key, value in catalog.items() if key != "digest"}
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _quote(value: object) -> str:
    try:
        text = json.dumps(value, ensure_ascii=True, sort_keys=False)
    except (TypeError, ValueError, RecursionError):
        text = repr(value)
    if len(text) > MAX_QUOTED_CHARS:
        text = text[: MAX_QUOTED_CHARS - 3] + "..."
    return text


def _malformed(directory: Path, problem: str) -> CorpusIntegrityError:
    return CorpusIntegrityError(
        CATALOG_NAME, f"{CATALOG_NAME} in {directory} is not a valid catalog: {problem}"
    )


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r} in {_quote(dict(pairs))}")
        result[key] = value
    return result


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _confined(directory: Path, name: str) -> Path:
    """``directory / name`` resolved, refused when it resolves outside ``directory`` (a symlink
    out, for example). ``directory`` is already resolved."""
    try:
        resolved = (directory / name).resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        raise CorpusIntegrityError(
            name, f"File {name!r} listed in {CATALOG_NAME} is a symlink that cannot be resolved"
        ) from None
    if not resolved.is_relative_to(directory) or resolved == directory:
        raise CorpusIntegrityError(
            name, f"File {name!r} listed in {CATALOG_NAME} resolves outside {directory}"
        )
    return resolved


def _read_bounded(path: Path, name: str, limit: int, what: str) -> tuple[bytes, str]:
    """The bytes of a regular file and their SHA-256, read in chunks; refused over ``limit``."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise CorpusIntegrityError(
            name, f"{what} {name!r} cannot be read: {error.strerror}"
        ) from error
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise CorpusIntegrityError(name, f"{what} {name!r} is not a regular file")
        if info.st_size > limit:
            raise CorpusIntegrityError(
                name,
                f"{what} {name!r} is {info.st_size:,} bytes, over the limit of {limit:,} bytes",
            )
        digest = hashlib.sha256()
        chunks: list[bytes] = []
        size = 0
        while chunk := handle.read(READ_CHUNK_BYTES):
            size += len(chunk)
            if size > limit:
                raise CorpusIntegrityError(
                    name, f"{what} {name!r} grew past the limit of {limit:,} bytes while read"
                )
            digest.update(chunk)
            chunks.append(chunk)
    return b"".join(chunks), digest.hexdigest()


def _text_field(entry: Mapping[str, Any], key: str, *, required: bool) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value):
        kind = "a non-empty string" if required else "a string or null"
        raise ValueError(f"{key!r} must be {kind}, got {_quote(value)}")
    if _SURROGATE_RE.search(value):
        raise ValueError(f"{key!r} holds a lone surrogate: {value!r}")
    if key not in _FREE_TEXT_FIELDS and _CONTROL_RE.search(value):
        raise ValueError(f"{key!r} holds a control character: {value!r}")
    return value


def _identify(raw: object) -> str:
    """An entry as a message quotes it: its id and file when it is an object, else all of it."""
    if isinstance(raw, dict):
        return _quote({key: raw[key] for key in ("id", "file") if key in raw})
    return _quote(raw)


def _entry(index: int, raw: object) -> CatalogEntry:
    if not isinstance(raw, dict):
        raise ValueError(f"entry {index} must be an object, got {_quote(raw)}")
    try:
        unknown = sorted(set(raw) - set(_ENTRY_FIELDS))
        if unknown:
            raise ValueError(f"unknown field {unknown[0]!r}")
        missing = [key for key, required in _ENTRY_FIELDS.items() if required and key not in raw]
        if missing:
            raise ValueError(f"missing field {missing[0]!r}")
        file = _text_field(raw, "file", required=True) or ""
        if not _FILE_NAME_RE.fullmatch(file) or file in (".", "..") or file == CATALOG_NAME:
            raise ValueError(f"'file' must be the name of a file in the directory, got {file!r}")
        sha256 = _text_field(raw, "sha256", required=True) or ""
        if not _SHA256_RE.fullmatch(sha256):
            raise ValueError(f"'sha256' must be 64 lowercase hex digits, got {sha256!r}")
        title_assigned = raw.get("title_assigned", False)
        if not isinstance(title_assigned, bool):
            raise ValueError(
                f"'title_assigned' must be true or false, got {_quote(title_assigned)}"
            )
        published_text = _text_field(raw, "published", required=False)
        published = None
        if published_text is not None:
            if not _DATE_RE.fullmatch(published_text):
                raise ValueError(f"'published' must be a YYYY-MM-DD date, got {published_text!r}")
            try:
                published = dt.date.fromisoformat(published_text)
            except ValueError as error:
                raise ValueError(f"'published' {published_text!r} is not a date: {error}") from None
        language = _text_field(raw, "language", required=False) or "en"
        if not _LANGUAGE_RE.fullmatch(language):
            raise ValueError(f"'language' must be a BCP 47 tag such as 'zh-Hant', got {language!r}")
        currency = _text_field(raw, "default_currency", required=False) or "HKD"
        if currency not in KNOWN_CURRENCIES:
            raise ValueError(
                f"unknown 'default_currency' {currency!r} "
                f"(known: {', '.join(sorted(KNOWN_CURRENCIES))})"
            )
        return CatalogEntry(
            index=index,
            id=_text_field(raw, "id", required=True) or "",
            file=file,
            sha256=sha256,
            title=_text_field(raw, "title", required=False),
            title_assigned=title_assigned,
            publisher=_text_field(raw, "publisher", required=False),
            author=_text_field(raw, "author", required=False),
            published=published,
            language=language,
            default_currency=currency,
            notes=_text_field(raw, "notes", required=False),
        )
    except ValueError as error:
        raise ValueError(f"entry {index} {_identify(raw)}: {error}") from None


def _parse(directory: Path) -> dict[str, Any]:
    catalog_file = directory / CATALOG_NAME
    if not catalog_file.exists() and not catalog_file.is_symlink():
        raise CorpusIntegrityError(CATALOG_NAME, f"No {CATALOG_NAME} in {directory}")
    path = _confined(directory, CATALOG_NAME)
    data, _ = _read_bounded(path, CATALOG_NAME, MAX_CATALOG_BYTES, "Catalog")
    try:
        catalog = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_reject_constant,
        )
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        problem = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise _malformed(directory, problem) from None
    if not isinstance(catalog, dict):
        raise _malformed(directory, f"the top level must be an object, got {_quote(catalog)}")
    return catalog


def _entries(directory: Path, catalog: Mapping[str, Any]) -> tuple[CatalogEntry, ...]:
    raw_entries = catalog.get("documents")
    if not isinstance(raw_entries, list):
        raise _malformed(directory, f"'documents' must be a list, got {_quote(raw_entries)}")
    entries: list[CatalogEntry] = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    for index, raw in enumerate(raw_entries):
        try:
            entry = _entry(index, raw)
        except (ValueError, RecursionError) as error:
            raise _malformed(directory, str(error)) from None
        for key, seen in (("id", seen_ids), ("file", seen_files)):
            value = getattr(entry, key)
            folded = value.casefold() if key == "file" else value  # case-insensitive disks
            if folded in seen:
                raise _malformed(
                    directory,
                    f"entry {index} {_identify(raw)} repeats the {key} {value!r} "
                    f"of entry {seen[folded]}",
                )
            seen[folded] = index
        entries.append(entry)
    return tuple(entries)


def read_catalog(
    directory: Path, *, expected_digest: str | None = None
) -> tuple[CatalogEntry, ...]:
    """The checked entries of the catalog in ``directory`` (already resolved).

    :raises CorpusIntegrityError: the catalog is missing, malformed, of an old version, does not
        match its own digest, or does not match ``expected_digest``.
    """
    catalog = _parse(directory)
    unknown = sorted(set(catalog) - set(_TOP_FIELDS))
    if unknown:
        raise _malformed(directory, f"unknown top-level field {unknown[0]!r}")
    version = catalog.get("catalog_version")
    if (type(version) is int and version == 1) or "digest" not in catalog:
        raise CorpusIntegrityError(
            CATALOG_NAME,
            f"{CATALOG_NAME} in {directory} has no digest (catalogs before version 2 had "
            f"none): seal it with `hkpolicy catalog {directory}` or "
            f"hkpolicy.corpus.write_catalog()",
        )
    if type(version) is not int or version != CATALOG_VERSION:
        raise _malformed(
            directory, f"'catalog_version' must be {CATALOG_VERSION}, got {_quote(version)}"
        )
    description = catalog.get("description")
    if description is not None and (
        not isinstance(description, str) or _SURROGATE_RE.search(description)
    ):
        raise _malformed(
            directory, f"'description' must be a string of Unicode text, got {_quote(description)}"
        )
    entries = _entries(directory, catalog)
    written = catalog.get("digest")
    if not isinstance(written, str) or not _SHA256_RE.fullmatch(written):
        raise _malformed(
            directory, f"'digest' must be 64 lowercase hex digits, got {_quote(written)}"
        )
    # Only expected digests are quoted: the one written in the catalog, and the caller's.
    if catalog_digest(catalog) != written:
        raise CorpusIntegrityError(
            CATALOG_NAME,
            f"{CATALOG_NAME} in {directory} does not match its digest {written}: an entry was "
            f"edited, added, removed or repeated since it was sealed",
            expected_sha256=written,
        )
    if expected_digest is not None and written != expected_digest:
        raise CorpusIntegrityError(
            CATALOG_NAME,
            f"{CATALOG_NAME} in {directory} is not the catalog expected: "
            f"expected digest {expected_digest}",
            expected_sha256=expected_digest,
        )
    return entries


def read_listed_file(directory: Path, entry: CatalogEntry, *, max_bytes: int) -> str:
    """The text of the file ``entry`` lists, checked against its SHA-256.

    :raises CorpusIntegrityError: the file is missing, outside ``directory``, not a regular
        file, over ``max_bytes``, changed, or not UTF-8.
    """
    name = entry.file
    path = directory / name
    if not path.exists() and not path.is_symlink():
        raise CorpusIntegrityError(
            name,
            f"Seed file {name!r} is listed in {CATALOG_NAME} but missing from {directory}: "
            f"expected sha256 {entry.sha256}, got no file",
            expected_sha256=entry.sha256,
        )
    resolved = _confined(directory, name)
    data, actual = _read_bounded(resolved, name, max_bytes, "Seed file")
    if actual != entry.sha256:
        raise CorpusIntegrityError(
            name,
            f"Seed file {name!r} does not match {CATALOG_NAME}: "
            f"expected sha256 {entry.sha256}, got different bytes",
            expected_sha256=entry.sha256,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusIntegrityError(
            name, f"Seed file {name!r} is not UTF-8 (byte {error.start})"
        ) from None


def unlisted_texts(directory: Path, entries: tuple[CatalogEntry, ...]) -> list[str]:
    """``.txt`` files in ``directory`` that no entry lists, sorted."""
    listed = {entry.file.casefold() for entry in entries}
    return sorted(
        item.name
        for item in directory.iterdir()
        if item.name.endswith(".txt") and item.name.casefold() not in listed
    )


def build_catalog(
    directory: str | os.PathLike[str], *, max_file_bytes: int = MAX_FILE_BYTES
) -> dict[str, Any]:
    """The sealed catalog of ``directory`` as it is now: one entry per ``.txt`` file, with its
    SHA-256 and the catalog's digest.

    Metadata (title, date, currency, ...) of files the existing catalog already lists is kept,
    in its order; new files are appended by name, with their id the file name without
    ``.txt``; entries whose file is gone are dropped. An existing catalog must be well formed
    (of either version), but its checksums and digest are not checked: this is how a changed
    directory is resealed, so look at what changed before calling it.

    :raises CorpusIntegrityError: the existing catalog is malformed, or a file cannot be read.
    """
    root = Path(directory).resolve()
    if not root.is_dir():
        raise CorpusIntegrityError(
            str(directory), f"Corpus directory {str(directory)!r} does not exist"
        )
    old: dict[str, Any] = {}
    kept: list[dict[str, Any]] = []
    if (root / CATALOG_NAME).exists():
        old = _parse(root)
        for entry in _entries(root, old):
            if (root / entry.file).exists():
                kept.append(_entry_json(entry))
    listed = {item["file"] for item in kept}
    for name in sorted(p.name for p in root.iterdir() if p.name.endswith(".txt")):
        if name not in listed:
            kept.append({"id": name.removesuffix(".txt"), "file": name, "sha256": ""})
    for item in kept:
        _, item["sha256"] = _read_bounded(
            _confined(root, item["file"]), item["file"], max_file_bytes, "Seed file"
        )
    description = old.get("description")
    catalog: dict[str, Any] = {"catalog_version": CATALOG_VERSION}
    if isinstance(description, str):
        catalog["description"] = description
    catalog["documents"] = kept
    catalog["digest"] = catalog_digest(catalog)
    return catalog


def _entry_json(entry: CatalogEntry) -> dict[str, Any]:
    values = {
        "id": entry.id,
        "file": entry.file,
        "title": entry.title,
        "title_assigned": entry.title_assigned,
        "publisher": entry.publisher,
        "author": entry.author,
        "published": None if entry.published is None else entry.published.isoformat(),
        "language": entry.language,
        "default_currency": entry.default_currency,
        "sha256": entry.sha256,
        "notes": entry.notes,
    }
    return {key: values[key] for key in _ENTRY_FIELDS}


def write_catalog(
    directory: str | os.PathLike[str], *, max_file_bytes: int = MAX_FILE_BYTES
) -> Path:
    """Write :func:`build_catalog`'s catalog to ``directory/catalog.json`` (replacing it in one
    step) and return its path."""
    catalog = build_catalog(directory, max_file_bytes=max_file_bytes)
    target = Path(directory).resolve() / CATALOG_NAME
    temporary = target.with_name(f".{CATALOG_NAME}.tmp")
    temporary.write_text(json.dumps(catalog, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, target)
    return target
