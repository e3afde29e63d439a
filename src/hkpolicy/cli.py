"""The ``hkpolicy`` command. The only module that prints.

``main(argv)`` returns the exit code: 0 on success, 1 for bad input (a one-line message on
stderr that quotes the problem), 2 for a usage error (argparse's convention), and
:data:`EXIT_INCOMPLETE` (3) when a scan stopped early: the output is still written, with one
warning line on stderr per scan, but a script or a nightly job can tell it from a complete one.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from ._cli_commands import EXIT_INCOMPLETE as EXIT_INCOMPLETE
from ._cli_commands import (
    run_catalog,
    run_export,
    run_extract,
    run_index,
    run_schema,
    run_summary,
)
from ._cli_records import RECORD_COLUMNS as RECORD_COLUMNS
from ._outputs import OUTPUTS
from ._version import __version__
from .errors import HKPolicyError

__all__ = ["main"]


def __dir__() -> list[str]:
    return __all__


EXAMPLES = """\
examples:
  hkpolicy                                   summary of the bundled seed corpus
  hkpolicy summary --json                    the same, as JSON
  hkpolicy extract speech.txt                amounts, percentages, dates and bodies in a file
  hkpolicy extract release.html              the same from an HTML page or a PDF paper
  pbpaste | hkpolicy extract - --currency USD --format json
  hkpolicy export --format csv out/          the corpus facts as CSV files
  hkpolicy schema > hkpolicy.schema.json     JSON Schema of the output
  hkpolicy catalog archive/                  seal a directory of .txt files for load_corpus
  hkpolicy index archive/ --db facts.duckdb --jobs 2
                                             an archive's facts into DuckDB, incrementally
"""

FORMATS = ("table", "json", "jsonl", "csv")
SCHEMA_OUTPUTS = tuple(OUTPUTS)
"""The outputs ``hkpolicy schema`` can describe one at a time (:data:`hkpolicy.schema.OUTPUTS`)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hkpolicy",
        description="Hong Kong technology-policy text analytics.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"hkpolicy {__version__}")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    summary = commands.add_parser("summary", help="summarise the bundled corpus (the default)")
    summary.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON instead of text"
    )
    _add_extract_parser(commands)
    _add_corpus_parsers(commands)
    _add_index_parser(commands)
    return parser


def _add_extract_parser(commands: Any) -> None:
    extract = commands.add_parser(
        "extract",
        help="extract facts from a text file or standard input",
        epilog="example: hkpolicy extract budget.txt --currency USD",
    )
    extract.add_argument(
        "file",
        help="a .txt, .md, .html, .htm or .pdf file, a device or pipe such as /dev/stdin, "
        "or - for text on standard input",
    )
    extract.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="output format: table; json (the Extraction); jsonl or csv (one typed row per item)",
    )
    extract.add_argument(
        "--encoding",
        default=None,
        help="read FILE as plain text in this encoding, any Python codec name (big5, "
        "gb18030, ...); default: UTF-8, or an HTML page's declared charset",
    )
    extract.add_argument(
        "--currency",
        choices=("HKD", "USD"),
        type=str.upper,
        default=None,
        help="also show every HKD/USD amount in this currency, at the linked rate 7.80",
    )
    extract.add_argument(
        "--lang",
        choices=("en", "zh", "auto"),
        default="auto",
        help="the text's language, recorded on the output; both languages are always read",
    )
    extract.add_argument(
        "--default-currency", default="HKD", help="currency of a bare $ or 元 (default HKD)"
    )


def _add_corpus_parsers(commands: Any) -> None:
    export = commands.add_parser("export", help="write the corpus facts to a directory")
    export.add_argument("directory", help="where to write (created if missing)")
    export.add_argument("--format", choices=("json", "csv"), default="json")

    schema = commands.add_parser("schema", help="print the JSON Schema of hkpolicy's output")
    schema.add_argument(
        "output",
        nargs="?",
        choices=SCHEMA_OUTPUTS,
        help="one output only: extract (--format json), record (a jsonl line), summary "
        "(summary --json) or export (corpus.json); default: a schema any of them validates",
    )

    catalog = commands.add_parser(
        "catalog",
        help="write (or check) the catalog.json of a directory of .txt files",
        epilog="the catalog's digest covers every entry; edit metadata, then run this to reseal",
    )
    catalog.add_argument("directory", help="a directory of UTF-8 .txt files")
    catalog.add_argument(
        "--check", action="store_true", help="load the directory against its catalog; write nothing"
    )


def _add_index_parser(commands: Any) -> None:
    index = commands.add_parser(
        "index",
        help="extract a folder of documents into a facts database (DuckDB), incrementally",
        epilog="example: hkpolicy index archive/ --db facts.duckdb --jobs 2",
    )
    index.add_argument(
        "paths", nargs="+", help="directories, files or quoted glob patterns ('a/**/*.txt')"
    )
    index.add_argument(
        "--db", default="facts.duckdb", help="the DuckDB store (default: facts.duckdb)"
    )
    index.add_argument(
        "--jobs", type=int, default=1, help="worker processes that extract (default: 1)"
    )
    index.add_argument("--root", default=None, help="directory the document ids are relative to")
    index.add_argument(
        "--format",
        choices=("duckdb", "parquet"),
        default="duckdb",
        help="parquet: also write every table as Parquet to --out",
    )
    index.add_argument("--out", default=None, help="directory for --format parquet")
    index.add_argument(
        "--prune", action="store_true", help="drop stored documents whose file is gone"
    )
    index.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar: auto shows it only when stdout and stderr are terminals",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    with _tolerant_streams():
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    out = sys.stdout
    try:
        if args.command == "extract":
            return run_extract(args, out)
        if args.command == "export":
            return run_export(args, out)
        if args.command == "schema":
            return run_schema(args.output, out)
        if args.command == "catalog":
            return run_catalog(args, out)
        if args.command == "index":
            return run_index(args, out)
        return run_summary(bool(args.json), out)
    except HKPolicyError as error:
        message = str(error).splitlines()[0]
        print(f"hkpolicy: error: {message}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader (e.g. `head`) closed the pipe: stop quietly
        _silence_stdout()
        return 0


@contextlib.contextmanager
def _tolerant_streams() -> Iterator[None]:
    """While the command runs, let stdout and stderr write any text: a character the terminal's
    encoding lacks (PYTHONIOENCODING=ascii, a cp1252 console) is written as a backslash escape.
    The streams' error handlers are restored afterwards, so calling :func:`main` from Python
    leaves the process as it found it."""
    changed = []
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")
            changed.append(stream)
    try:
        yield
    finally:
        for stream in changed:
            stream.reconfigure(errors="strict")


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
