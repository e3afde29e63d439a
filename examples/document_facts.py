"""Funding facts from HTML pages and PDF papers, each traced back to where it stands.

python examples/document_facts.py release.html paper.pdf

Needs the html and pdf extras: pip install 'hkpolicy[html,pdf]' (in a checkout:
pip install -e ".[html,pdf]"). For each file it prints the document's metadata, its tables, and
every funding fact with the element (HTML) or the page and box (PDF) its amount came from.
"""

from __future__ import annotations

import sys

import hkpolicy as hk


def where(document: hk.Document, span: hk.Span) -> str:
    """The place in the original file a span came from."""
    origins = document.locate(span)
    if not origins:
        return f"characters {span.start}-{span.end}"
    first = origins[0]
    if first.page is not None and first.bbox is not None:
        x0, top, x1, bottom = first.bbox
        return f"page {first.page} at ({x0:.0f}, {top:.0f}, {x1:.0f}, {bottom:.0f})"
    tail = (first.element or "").split(" > ")[-3:]
    return f"<{' > '.join(tail)}> characters {first.offset}-{(first.offset or 0) + len(span.text)}"


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for path in paths:
        try:
            document = hk.load_document(path)
        except hk.HKPolicyError as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 1
        result = document.extract()
        print(
            f"{document.id}: {document.source_format}, {document.language}, "
            f"published {document.published or 'unknown'}, {len(result.tables)} tables, "
            f"{len(result.funding)} funding facts"
        )
        if document.twin_url:
            print(f"  twin: {document.twin_url}")
        for warning in document.warnings:
            print(f"  warning: {warning}")
        for fact in result.funding:
            who = fact.initiative or fact.institution or fact.purpose
            span = fact.amount_span or fact.span
            print(f"  {fact.amount} -> {who}: {span.text!r} from {where(document, span)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
