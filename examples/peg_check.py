"""Convert amounts under the linked exchange rate and flag pairs that disagree with it.

    python examples/peg_check.py

Checks every HK$/US$ pair in the bundled corpus and in a few sentences of our own, one of them
deliberately wrong, and converts single amounts both ways at 7.80 HKD per USD.
"""

from __future__ import annotations

import hkpolicy as hk

OWN_SENTENCES = (
    "The company raised HK$780 million (US$100 million) from investors.",
    "A new fund of HK$5 billion (US$900 million) was announced.",  # 5e9 / 9e8 = 5.56: off-peg
    "The scheme offers up to HK$1 million per project.",
)


def main() -> None:
    corpus = hk.load_corpus()
    texts = [(d.id, d.text) for d in corpus.documents] + [
        (f"own-{i}", s) for i, s in enumerate(OWN_SENTENCES)
    ]
    for doc_id, text in texts:
        for mention in hk.find_money(text, doc_id=doc_id):
            if mention.paired is not None and mention.money.currency == "HKD":
                rate = mention.money.amount / mention.paired.amount
                flag = "OK " if mention.peg == "consistent" else "OFF"
                print(
                    f"{flag} {doc_id}: {mention.span.text} / {mention.paired} "
                    f"implies {rate:.3f} HKD per USD ({mention.peg})"
                )
            elif mention.paired is None:
                other = "USD" if mention.money.currency == "HKD" else "HKD"
                converted = mention.money.to(other)
                print(
                    f"    {doc_id}: {mention.money} = {converted.currency} {converted.amount:,.2f}"
                )


if __name__ == "__main__":
    main()
