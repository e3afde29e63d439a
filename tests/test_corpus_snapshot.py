"""The whole corpus extraction, rendered one item per line and pinned in a reviewed snapshot.

The snapshot (tests/snapshots/corpus_extraction.txt) was reviewed line by line against the seed
texts; its header says by whom and when. To see a change, run this test: it fails with a diff.
To accept a reviewed change, set HKPOLICY_UPDATE_SNAPSHOTS=1, run it, and review the diff again.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import hkpolicy as hk
from hkpolicy.extraction import Extraction

SNAPSHOT = Path(__file__).parent / "snapshots" / "corpus_extraction.txt"
HEADER_END = "# ---- end of header ----"


def _at(span: hk.Span) -> str:
    return f"{span.start}-{span.end} {span.text!r}"


def render(extraction: Extraction) -> list[str]:
    lines = []
    for m in extraction.money:
        cue = f" cue={m.cue.text!r}" if m.cue else ""
        pair = f" paired={m.paired} peg={m.peg}" if m.paired else ""
        lines.append(f"money {_at(m.span)} = {m.money}{cue} source={m.currency_source}{pair}")
    for p in extraction.percentages:
        direction = f" direction={p.direction}" if p.direction else ""
        lines.append(f"percent {_at(p.span)} = {p.percentage}{direction}")
    for d in extraction.dates:
        lines.append(
            f"date {_at(d.span)} = {d.kind} {d.value} precision={d.precision} anchor={d.anchor}"
            f" resolved={d.resolved}"
        )
    for t in extraction.tables:
        header = " | ".join(c.text for c in t.header)
        lines.append(f"table lines={t.lines[0]}-{t.lines[1]} rows={len(t.rows)} header=[{header}]")
    for i in extraction.institutions:
        forms = ", ".join(f"{s.start}:{s.text!r}" for s in i.mentions)
        lines.append(f"institution {i.id} registered={i.registered} [{forms}]")
    for i in extraction.initiatives:
        forms = ", ".join(f"{s.start}:{s.text!r}" for s in i.mentions)
        lines.append(f"initiative {i.id} owner={i.owner} registered={i.registered} [{forms}]")
    for f in extraction.funding:
        lines.append(
            f"funding {f.amount} converted={f.converted} peg={f.peg_check}"
            f" initiative={f.initiative} institution={f.institution} role={f.role}"
            f" purpose={f.purpose!r} period={f.period}"
        )
    for s in extraction.sector_stats:
        lines.append(
            f"sector_stat {s.source} {_at(s.span)} sector={s.sector!r} metric={s.metric!r}"
            f" value={s.value} year={s.year} credited={s.source_institution}"
        )
    for u in extraction.unparsed:
        lines.append(f"unparsed {_at(u.span)} reason={u.reason}")
    return lines


def current() -> list[str]:
    corpus = hk.load_corpus()
    lines = []
    for document, extraction in zip(corpus.documents, corpus.extractions, strict=True):
        lines.append(f"== {document.id}")
        lines.extend(render(extraction))
    return lines


def test_corpus_extraction_matches_the_reviewed_snapshot() -> None:
    text = SNAPSHOT.read_text(encoding="utf-8")
    header, _, body = text.partition(HEADER_END + "\n")
    assert "reviewed" in header.lower(), "the snapshot must keep its reviewed-by note"
    got = current()
    if os.environ.get("HKPOLICY_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(header + HEADER_END + "\n" + "\n".join(got) + "\n", encoding="utf-8")
    expected = body.splitlines()
    diff = "\n".join(difflib.unified_diff(expected, got, "snapshot", "now", lineterm=""))
    assert got == expected, f"corpus extraction changed; review this diff:\n{diff}"
