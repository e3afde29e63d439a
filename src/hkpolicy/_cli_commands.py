"""The commands of ``hkpolicy``, one function each: ``summary``, ``extract``, ``index``,
``export``, ``catalog`` and ``schema``; each takes the parsed arguments and the output stream
and returns the exit code.

Owns reading the command line's input (a file, a device or pipe, standard input, in the encoding
asked for) and :class:`InputError`. The library is imported inside each command, so the command
line starts without loading what the command does not use.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ._cli_records import extraction_json, typed_records, write_typed_records
from ._cli_text import clipped, format_summary, write_rows
from .errors import HKPolicyError

if TYPE_CHECKING:
    from ._document import Document

__all__ = [
    "EXIT_INCOMPLETE",
    "InputError",
    "run_catalog",
    "run_export",
    "run_extract",
    "run_index",
    "run_schema",
    "run_summary",
]


def __dir__() -> list[str]:
    return __all__


# Exit status of ``extract`` when a scan stopped early (its warnings are on stderr).
EXIT_INCOMPLETE = 3


class InputError(HKPolicyError):
    """The file or text given on the command line cannot be read."""


def run_summary(as_json: bool, out: TextIO) -> int:
    from . import corpus

    summary = corpus.load_corpus().summary()
    if as_json:
        json.dump(summary, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        format_summary(summary, out)
    return 0


def _read_input(name: str, encoding: str = "utf-8") -> tuple[str, str]:
    """``(doc_id, text)`` of a file, a device or pipe (/dev/stdin, <(...)), or standard input."""
    if name == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        doc_id = "stdin"
    else:
        path = Path(name)
        if path.is_dir():
            raise InputError(f"{name!r} is a directory: give one file, or - for standard input")
        if not path.exists():
            raise InputError(f"no such file: {name!r}")
        data = path.read_bytes()  # a regular file, or a device or pipe such as /dev/stdin
        doc_id = "stdin" if name == "/dev/stdin" else path.stem
    if isinstance(data, str):
        return doc_id, data
    return doc_id, _decoded(name, data, encoding)


def _decoded(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError as error:
        raise InputError(f"unknown encoding: {encoding!r}") from error
    except UnicodeDecodeError as error:
        shown = "UTF-8" if codecs.lookup(encoding).name == "utf-8" else encoding
        raise InputError(
            f"{name!r} is not {shown} text (byte {error.start}); "
            "name its encoding with --encoding, e.g. --encoding big5"
        ) from error


def _not_a_regular_file(name: str) -> bool:
    """True for a directory, a device or pipe (/dev/stdin), or a missing path: read (or
    refused) by :func:`_read_input`, not by the document loaders."""
    return not Path(name).is_file()


def _read_document(name: str) -> Document:
    """A file as a Document: text and Markdown as they are, HTML and PDF through their loaders
    (chosen by suffix, else by the first bytes)."""
    from .documents import load_document
    from .errors import DocumentError

    if not Path(name).is_file():
        raise InputError(f"no such file: {name!r}")
    try:
        return load_document(name)
    except DocumentError as error:
        if "is not UTF-8 text" not in str(error):
            raise
        raise InputError(
            f"{error}; name its encoding with --encoding, e.g. --encoding big5"
        ) from error


def run_extract(args: argparse.Namespace, out: TextIO) -> int:
    from .extraction import extract

    if args.file == "-" or args.encoding is not None or _not_a_regular_file(args.file):
        doc_id, text = _read_input(args.file, args.encoding or "utf-8")
        extraction = extract(text, doc_id=doc_id, default_currency=args.default_currency)
    else:
        document = _read_document(args.file)
        doc_id = document.id
        for warning in document.warnings:  # pages the loader could not read
            print(f"hkpolicy: warning: {args.file}: {warning}", file=sys.stderr)
        extraction = extract(
            document.text,
            doc_id=doc_id,
            default_currency=args.default_currency,
            published=document.published,
            boilerplate=document.boilerplate,
        )
    for warning in extraction.warnings:  # a scan stopped early: the output is not complete
        print(f"hkpolicy: warning: {warning}", file=sys.stderr)
    status = EXIT_INCOMPLETE if extraction.warnings else 0
    if args.format == "json":
        out.write(extraction_json(extraction, args.currency) + "\n")
    elif args.format in ("jsonl", "csv"):
        write_typed_records(typed_records(extraction, args.currency), args.format, out)
    else:
        records = extraction.to_records(currency=args.currency)
        rows = [("type", "where", "text", "value")]
        for r in records:
            value = r["value"] + (f" = {r['converted']}" if r.get("converted") else "")
            rows.append((r["type"], f"{r['start']}-{r['end']}", clipped(r["text"]), value))
        out.write(f"{doc_id} (language: {args.lang}): {len(records)} items\n")
        write_rows(rows, out)
    return status


def _progress_bar(mode: str) -> Any:
    """A tqdm bar on stderr (documents, MB/s, facts/s), or None when it should stay quiet:
    when stdout or stderr is not a terminal (a pipe, a log file, CI), unless asked for."""
    if mode == "never" or (mode == "auto" and not (sys.stdout.isatty() and sys.stderr.isatty())):
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # the store extra without tqdm: index quietly
        return None
    return tqdm(total=0, unit="doc", file=sys.stderr, dynamic_ncols=True, leave=True)


def run_index(args: argparse.Namespace, out: TextIO) -> int:
    from .store import Progress, index, open_facts

    if args.format == "parquet" and args.out is None:
        raise InputError("--format parquet needs --out DIRECTORY for the Parquet files")
    bar = _progress_bar(args.progress)

    def show(progress: Progress) -> None:
        if bar is None:
            return
        bar.total = progress.total
        bar.update(progress.done - bar.n)
        elapsed = bar.format_dict["elapsed"] or 1e-9
        megabytes = progress.bytes / 1e6 / elapsed
        bar.set_postfix_str(f"{megabytes:.3g} MB/s, {progress.facts / elapsed:,.0f} facts/s")

    try:
        stats = index(
            args.paths, args.db, root=args.root, jobs=args.jobs, prune=args.prune, progress=show
        )
    finally:
        if bar is not None:
            bar.close()
    for path, message in stats.problems:
        print(f"hkpolicy: warning: skipped {path!r}: {message}", file=sys.stderr)
    out.write(f"{args.db}: {stats}\n")
    if args.format == "parquet":
        with open_facts(args.db) as facts:
            written = facts.to_parquet(args.out)
        out.write(f"wrote {len(written)} Parquet tables to {args.out}\n")
    return 1 if stats.failed else 0


def run_export(args: argparse.Namespace, out: TextIO) -> int:
    from ._frames import corpus_rows
    from .corpus import load_corpus

    directory = Path(args.directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot create {args.directory!r}: {error.strerror}") from error
    corpus = load_corpus()
    written = []
    if args.format == "json":
        target = directory / "corpus.json"
        target.write_text(corpus.to_json(indent=2) + "\n", encoding="utf-8")
        written.append(target)
    else:
        for name, rows in corpus_rows(corpus).items():
            target = directory / f"{name}.csv"
            buffer = io.StringIO()
            if rows:
                writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
            target.write_text(buffer.getvalue(), encoding="utf-8")
            written.append(target)
    for path in written:
        out.write(f"wrote {path}\n")
    return 0


def run_catalog(args: argparse.Namespace, out: TextIO) -> int:
    from .corpus import load_corpus, write_catalog

    if not args.check:
        path = write_catalog(args.directory)
        out.write(f"wrote {path}\n")
    documents = len(load_corpus(args.directory))  # checks the catalog before it is read here
    catalog = json.loads(Path(args.directory, "catalog.json").read_text(encoding="utf-8"))
    out.write(f"{documents} documents, catalog digest {catalog['digest']}\n")
    return 0


def run_schema(output: str | None, out: TextIO) -> int:
    from .schema import json_schema

    json.dump(json_schema(output), out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0
