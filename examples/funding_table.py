"""Load the bundled corpus and print its funding facts in HK$ and US$.

    python examples/funding_table.py

US$ figures come from the text where it gives them (a news report's "HK$24 billion (US$3.07
billion)"); otherwise they are converted at the linked exchange rate, 7.80 HKD per USD.
"""

from __future__ import annotations

from decimal import Decimal

import hkpolicy as hk


def usd(fact: hk.Funding) -> tuple[Decimal, str]:
    if fact.converted is not None and fact.converted.currency == "USD":
        return fact.converted.amount, "as written"
    return fact.amount.to("USD").amount, "at 7.80"


def main() -> None:
    corpus = hk.load_corpus()
    print(f"{'HK$':>16}  {'US$':>14}  {'':10}  {'bound':<10} what")
    for fact in corpus.funding:
        hkd = fact.amount.to("HKD").amount
        dollars, how = usd(fact)
        what = fact.initiative or fact.institution or "-"
        if fact.purpose:
            what += f": {fact.purpose}"
        if fact.period is not None:
            what += f" ({fact.period})"
        bound = fact.amount.qualifier.value + (f"/{fact.amount.per}" if fact.amount.per else "")
        print(f"{hkd:>16,.0f}  {dollars:>14,.0f}  {how:10}  {bound:<10} {what}")


if __name__ == "__main__":
    main()
