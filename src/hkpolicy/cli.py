"""The ``hkpolicy`` command. The only module that prints.

``main(argv)`` returns the exit code: 0 on success, 1 when the input or the corpus is bad (a
one-line message on stderr quoting the problem), 2 for a usage error (argparse's convention).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from . import __version__
from .errors import HKPolicyError

__all__ = ["main"]


def __dir__() -> list[str]:
    return __all__


EXAMPLES = """\
examples:
  hkpolicy                 summary of the bundled seed corpus
  hkpolicy summary --json  the same, as JSON
  python -m hkpolicy       the same as hkpolicy
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hkpolicy",
        description="Hong Kong technology-policy text analytics.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"hkpolicy {__version__}")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    summary = commands.add_parser(
        "summary", help="summarise the bundled corpus (the default command)"
    )
    summary.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON instead of text"
    )
    return parser


def _format_summary(summary: dict[str, Any], out: TextIO) -> None:
    documents = summary["documents"]
    out.write(f"hkpolicy {__version__}: bundled seed corpus, {len(documents)} documents\n\n")
    rows = [("id", "words", "boilerplate", "published", "publisher / author", "title")]
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
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        out.write("  ".join([*cells, row[-1]]).rstrip() + "\n")
    out.write("\nfacts:\n")
    for name, count in summary["facts"].items():
        shown = "not extracted yet" if count is None else str(count)
        out.write(f"  {name.replace('_', ' ')}: {shown}\n")
    if summary["pending_extractors"]:
        pending = ", ".join(summary["pending_extractors"])
        out.write(f"\nextractors not yet in this release: {pending}\n")


def _summary(as_json: bool, out: TextIO) -> int:
    from .corpus import load_corpus

    summary = load_corpus().summary()
    if as_json:
        json.dump(summary, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _format_summary(summary, out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _summary(bool(args.json), sys.stdout)
    except HKPolicyError as error:
        message = str(error).splitlines()[0]
        print(f"hkpolicy: error: {message}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader (e.g. `head`) closed the pipe: stop quietly
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
