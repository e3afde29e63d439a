"""Build an institution - initiative - funding table from the corpus and save it as CSV.

    python examples/funding_csv.py [OUTPUT.csv]

One row per funding fact, with the initiative's and institution's registry names beside their
ids, and the source sentence for checking.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import hkpolicy as hk

COLUMNS = [
    "doc_id", "institution", "institution_name", "role", "initiative", "initiative_name",
    "amount_hkd", "qualifier", "per", "period", "purpose", "sentence",
]  # fmt: skip


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else Path("funding.csv")
    corpus = hk.load_corpus()
    registry = hk.load_registry()
    names = {e.id: e.name for e in (*corpus.institutions, *corpus.initiatives)}
    with output.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for fact in corpus.funding:
            writer.writerow(
                {
                    "doc_id": fact.span.doc_id,
                    "institution": fact.institution or "",
                    "institution_name": names.get(fact.institution or "", ""),
                    "role": fact.role or "",
                    "initiative": fact.initiative or "",
                    "initiative_name": names.get(fact.initiative or "", ""),
                    "amount_hkd": str(fact.amount.to("HKD").amount),
                    "qualifier": fact.amount.qualifier.value,
                    "per": fact.amount.per or "",
                    "period": "" if fact.period is None else str(fact.period),
                    "purpose": fact.purpose or "",
                    "sentence": fact.span.text,
                }
            )
    known = len(registry.institutions)
    print(f"saved {output} ({len(corpus.funding)} rows; registry of {known} institutions)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
