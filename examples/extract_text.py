"""Extract facts from your own text: a file given as an argument, or standard input.

python examples/extract_text.py speech.txt
echo 'It sets aside $2 billion for the ITF in 2025-26.' | python examples/extract_text.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from hkpolicy.extraction import extract


def main(argv: list[str]) -> int:
    text = Path(argv[0]).read_text(encoding="utf-8") if argv else sys.stdin.read()
    result = extract(text)
    for mention in result.money:
        print(f"money       {mention.span.text!r:32} {mention.money}")
    for mention in result.percentages:
        print(f"percentage  {mention.span.text!r:32} {mention.percentage}")
    for mention in result.dates:
        print(
            f"date        {mention.span.text!r:32} {mention.kind} {mention.value or '(unresolved)'}"
        )
    for entity in (*result.institutions, *result.initiatives):
        print(f"entity      {entity.mentions[0].text!r:32} {entity.id} ({len(entity.mentions)}x)")
    for fact in result.funding:
        print(f"funding     {fact.amount} -> {fact.initiative or fact.institution or fact.purpose}")
    for number in result.unparsed:
        print(f"unparsed    {number.span.text!r:32} {number.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
