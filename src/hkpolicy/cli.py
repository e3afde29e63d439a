"""The ``hkpolicy`` command. The only module that prints.

``main(argv)`` returns the exit code: 0 on success, 1 for bad input (a one-line message on
stderr that quotes the problem), 2 for a usage error (argparse's convention), and
:data:`EXIT_INCOMPLETE` (3) when a scan stopped early: the output is still written, with one
warning line on stderr per scan, but a script or a nightly job can tell it from a complete one.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import datetime as dt
import io
import json
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ._version import __version__
from .errors import HKPolicyError

if TYPE_CHECKING:
    from ._document import Document
    from .extraction import Extraction
    from .facts import Funding
    from .money import Money
    from .spans import Span

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
# NOTE: keep in sync with hkpolicy.schema.OUTPUTS (a test checks).
SCHEMA_OUTPUTS = ("extract", "record", "summary", "export")
# Widest text cell of the extract table, in terminal columns (a CJK character takes two).
TEXT_COLUMNS = 48


class InputError(HKPolicyError):
    """The file or text given on the command line cannot be read."""


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
    _add_index_parser(commands)
    return parser


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


# --- summary --------------------------------------------------------------------------------


def _format_summary(summary: dict[str, Any], out: TextIO) -> None:
    documents = summary["documents"]
    out.write(f"hkpolicy {__version__}: bundled seed corpus, {len(documents)} documents\n\n")
    rows: list[tuple[str, ...]] = [
        ("id", "words", "boilerplate", "published", "publisher / author", "title")
    ]
    for d in documents:
        byline = " / ".join(x for x in (d["publisher"], d["author"]) if x) or "-"
        title = (d["title"] or "-") + (" [assigned]" if d["title_assigned"] else "")
        rows.append(
            (
                d["id"],
                str(d["words"]),
                str(d["boilerplate_spans"]),
                d["published"] or "-",
                byline,
                title,
            )
        )
    _write_rows(rows, out, indent="")
    out.write("\nfacts:\n")
    for name, count in summary["facts"].items():
        shown = "not extracted yet" if count is None else str(count)
        out.write(f"  {name.replace('_', ' ')}: {shown}\n")
    if summary["pending_extractors"]:
        pending = ", ".join(summary["pending_extractors"])
        out.write(f"\nextractors not yet in this release: {pending}\n")
    if summary["funding"]:
        out.write("\nfunding (US$ at the linked rate 7.80 unless written in the text):\n")
        rows = [("doc", "amount as written", "HK$", "US$", "initiative / institution", "period")]
        for f in summary["funding"]:
            who = " / ".join(x for x in (f["initiative"], f["institution"]) if x) or "-"
            usd = _grouped(f["usd"]) + ("" if f["usd_as_written"] else "*")
            row = (f["doc_id"][:3], f["amount"], _grouped(f["hkd"]), usd, who, f["period"] or "-")
            rows.append(row)
        _write_rows(rows, out)
        out.write("  * converted by hkpolicy; the others are the text's own figures\n")
    if summary["sector_stats"]:
        out.write("\nsector statistics:\n")
        rows = [("doc", "sector", "metric", "value", "year", "source")]
        for s in summary["sector_stats"]:
            source = s["source_institution"] or s["source"]
            year = str(s["year"] or "-")
            rows.append((s["doc_id"][:3], s["sector"], s["metric"], s["value"], year, source))
        _write_rows(rows, out)
    if summary["top_institutions"]:
        out.write("\ntop institutions:\n")
        rows = [("id", "name", "mentions", "documents")]
        for i in summary["top_institutions"]:
            rows.append((i["id"], i["name"], str(i["mentions"]), str(i["documents"])))
        _write_rows(rows, out)


def _grouped(number: str | None) -> str:
    if number is None:
        return "-"
    whole, dot, fraction = number.partition(".")
    return f"{int(whole):,}" + (dot + fraction if dot else "")


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _write_rows(rows: Sequence[Sequence[str]], out: TextIO, *, indent: str = "  ") -> None:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row[:-1])]
        out.write(indent + "  ".join([*cells, row[-1]]).rstrip() + "\n")


def _summary(as_json: bool, out: TextIO) -> int:
    from . import corpus

    summary = corpus.load_corpus().summary()
    if as_json:
        json.dump(summary, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _format_summary(summary, out)
    return 0


# --- extract --------------------------------------------------------------------------------


# Exit status of ``extract`` when a scan stopped early (its warnings are on stderr).
EXIT_INCOMPLETE = 3


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


def _extract(args: argparse.Namespace, out: TextIO) -> int:
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
        out.write(_extraction_json(extraction, args.currency) + "\n")
    elif args.format in ("jsonl", "csv"):
        _write_typed_records(_typed_records(extraction, args.currency), args.format, out)
    else:
        records = extraction.to_records(currency=args.currency)
        rows = [("type", "where", "text", "value")]
        for r in records:
            value = r["value"] + (f" = {r['converted']}" if r.get("converted") else "")
            rows.append((r["type"], f"{r['start']}-{r['end']}", _clipped(r["text"]), value))
        out.write(f"{doc_id} (language: {args.lang}): {len(records)} items\n")
        _write_rows(rows, out)
    return status


def _clipped(text: str, columns: int = TEXT_COLUMNS) -> str:
    """``text`` cut to ``columns`` terminal columns (display width), with "..." if cut."""
    if _width(text) <= columns:
        return text
    kept, used = [], 3
    for char in text:
        used += _width(char)
        if used > columns:
            break
        kept.append(char)
    return "".join(kept) + "..."


# --- typed output of extract: json with --currency, jsonl and csv ----------------------------

# The columns of ``extract --format csv`` and the keys of each jsonl line.
# NOTE: keep in sync with hkpolicy.schema.ExtractRecord (a test checks).
RECORD_COLUMNS = (
    "type", "start", "end", "text", "value",
    "amount", "amount_max", "currency", "qualifier", "per",
    "converted_amount", "converted_currency", "conversion_note",
    "id", "name", "initiative", "institution",
    "period", "period_start", "period_end",
)  # fmt: skip


# Why an amount asked for in --currency has no converted value.
NO_RATE = "no rate"  # only HKD and USD are linked
TOO_LARGE = "too large to convert"  # AmountOverflowError


def _in_currency(money: Money, currency: str | None) -> tuple[Money | None, str | None]:
    """``money`` in ``currency`` at the linked rate, or why not (a note); ``(None, None)`` when
    no currency is asked for or it is the money's own."""
    from .errors import AmountOverflowError

    if currency is None or money.currency == currency:
        return None, None
    if {money.currency, currency} != {"HKD", "USD"}:
        return None, NO_RATE
    try:
        return money.to(currency), None
    except AmountOverflowError:
        return None, TOO_LARGE


def _funding_in(fact: Funding, currency: str | None) -> tuple[Money | None, str | None]:
    """A funding amount in ``currency``: the text's own paired figure where it wrote one."""
    if fact.converted is not None and fact.converted.currency == currency:
        return fact.converted, None
    return _in_currency(fact.amount, currency)


def _extraction_json(extraction: Extraction, currency: str | None) -> str:
    """The Extraction's JSON; with ``currency``, a ``converted`` list is added at the end."""
    text = extraction.model_dump_json(indent=2)
    if currency is None:
        return text
    pairs: list[tuple[str, Span, tuple[Money | None, str | None]]] = [
        ("money", m.span, _in_currency(m.money, currency)) for m in extraction.money
    ]
    pairs += [("funding", f.span, _funding_in(f, currency)) for f in extraction.funding]
    items = [
        {
            "type": kind,
            "start": span.start,
            "end": span.end,
            "money": None if target is None else target.model_dump(mode="json"),
            "note": note,
        }
        for kind, span, (target, note) in pairs
        if target is not None or note is not None
    ]
    body = json.dumps(items, indent=2).replace("\n", "\n  ")
    return text[: text.rstrip().rindex("}")].rstrip() + f',\n  "converted": {body}\n}}'


def _money_columns(money: Money, conversion: tuple[Money | None, str | None]) -> dict[str, Any]:
    target, note = conversion
    return {
        "amount": str(money.amount),
        "amount_max": None if money.amount_max is None else str(money.amount_max),
        "currency": money.currency,
        "qualifier": money.qualifier.value,
        "per": money.per,
        "converted_amount": None if target is None else str(target.amount),
        "converted_currency": None if target is None else target.currency,
        "conversion_note": note,
    }


def _period_columns(value: object) -> dict[str, Any]:
    """``period``, ``period_start``, ``period_end`` of a date, fiscal year, range or year."""
    from .dates import DateRange, FiscalYear, PartialDate

    if value is None:
        return {}
    if isinstance(value, FiscalYear):
        first, last = value.start, value.end
    elif isinstance(value, PartialDate):
        first, last = value.first_day, value.last_day
    elif isinstance(value, DateRange):
        first, last = value.start.first_day, value.end.last_day
    elif isinstance(value, int):
        first, last = dt.date(value, 1, 1), dt.date(value, 12, 31)
    else:
        return {"period": str(value)}
    return {"period": str(value), "period_start": first.isoformat(), "period_end": last.isoformat()}


def _typed_records(extraction: Extraction, currency: str | None) -> list[dict[str, Any]]:
    """One row per mention or fact, in text order, each with every column of RECORD_COLUMNS."""
    rows: list[dict[str, Any]] = []

    def add(kind: str, span: Span, value: str, **columns: Any) -> None:
        row = dict.fromkeys(RECORD_COLUMNS)
        row.update(type=kind, start=span.start, end=span.end, text=span.text, value=value)
        row.update(columns)
        rows.append(row)

    for m in extraction.money:
        add(
            "money",
            m.span,
            str(m.money),
            **_money_columns(m.money, _in_currency(m.money, currency)),
        )
    for p in extraction.percentages:
        pct = p.percentage
        add(
            "percentage",
            p.span,
            str(pct),
            amount=str(pct.value),
            amount_max=None if pct.value_max is None else str(pct.value_max),
            currency="%" if pct.unit == "percent" else "pp",
            qualifier=pct.qualifier.value,
        )
    for d in extraction.dates:
        shown = f"{d.kind} {d.value if d.value is not None else '(unresolved)'}"
        add("date", d.span, shown, **_period_columns(d.value))
    for kind, entities in (
        ("institution", extraction.institutions),
        ("initiative", extraction.initiatives),
    ):
        for entity in entities:
            for span in entity.mentions:
                add(kind, span, entity.id, id=entity.id, name=entity.name, **{kind: entity.id})
    for f in extraction.funding:
        who = " / ".join(x for x in (f.initiative, f.institution) if x) or (f.purpose or "")
        add(
            "funding",
            f.span,
            f"{f.amount} -> {who}",
            **_money_columns(f.amount, _funding_in(f, currency)),
            initiative=f.initiative,
            institution=f.institution,
            **_period_columns(f.period),
        )
    for s in extraction.sector_stats:
        value = s.value
        add(
            "sector_stat",
            s.span,
            f"{s.sector}: {s.metric} {value}",
            amount=str(value.value),
            amount_max=None if value.value_max is None else str(value.value_max),
            currency="%" if value.unit == "percent" else "pp",
            qualifier=value.qualifier.value,
            name=s.sector,
            institution=s.source_institution,
            **_period_columns(s.year),
        )
    for u in extraction.unparsed:
        add("unparsed", u.span, u.reason)
    rows.sort(key=lambda r: (r["start"], r["type"]))
    return rows


def _write_typed_records(rows: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=RECORD_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


# --- index ----------------------------------------------------------------------------------


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


def _index(args: argparse.Namespace, out: TextIO) -> int:
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


# --- export and schema ----------------------------------------------------------------------


def _export(args: argparse.Namespace, out: TextIO) -> int:
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


def _catalog(args: argparse.Namespace, out: TextIO) -> int:
    from .corpus import load_corpus, write_catalog

    if not args.check:
        path = write_catalog(args.directory)
        out.write(f"wrote {path}\n")
    documents = len(load_corpus(args.directory))  # checks the catalog before it is read here
    catalog = json.loads(Path(args.directory, "catalog.json").read_text(encoding="utf-8"))
    out.write(f"{documents} documents, catalog digest {catalog['digest']}\n")
    return 0


def _schema(output: str | None, out: TextIO) -> int:
    from .schema import json_schema

    json.dump(json_schema(output), out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    with _tolerant_streams():
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    out = sys.stdout
    try:
        if args.command == "extract":
            return _extract(args, out)
        if args.command == "export":
            return _export(args, out)
        if args.command == "schema":
            return _schema(args.output, out)
        if args.command == "catalog":
            return _catalog(args, out)
        if args.command == "index":
            return _index(args, out)
        return _summary(bool(args.json), out)
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
