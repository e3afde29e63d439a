"""Plot sector adoption against expected growth from the corpus's sector table; save a PNG.

    pip install "hkpolicy[plot]"        # or, in a checkout of hkpolicy: pip install -e ".[plot]"
    python examples/plot_sectors.py [OUTPUT.png]

Needs the optional ``plot`` extra (matplotlib); without it, says how to install it and exits 1.
Writes sector_adoption.png by default.
"""

from __future__ import annotations

import sys
from pathlib import Path

import hkpolicy as hk

WIDTH_INCHES, HEIGHT_INCHES, DPI = 8, 5, 100  # an 800 x 500 pixel image


def main(argv: list[str]) -> int:
    try:
        import matplotlib
    except ModuleNotFoundError as error:
        if error.name != "matplotlib":
            raise
        print(
            f"error: {hk.MissingExtraError('plot', 'matplotlib', 'plot_sectors.py')}",
            file=sys.stderr,
        )
        return 1

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    output = Path(argv[0]) if argv else Path("sector_adoption.png")
    stats = [s for s in hk.load_corpus().sector_stats if s.source == "table"]
    adoption = {s.sector: float(s.value.value) for s in stats if s.metric == "Adoption Rate"}
    growth = {s.sector: float(s.value.value) for s in stats if s.metric == "Expected Growth"}
    sectors = [name for name in adoption if name in growth]

    figure, axes = plt.subplots(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI)
    axes.scatter([adoption[s] for s in sectors], [growth[s] for s in sectors], s=80)
    for sector in sectors:
        axes.annotate(
            sector, (adoption[sector], growth[sector]), xytext=(6, 4), textcoords="offset points"
        )
    axes.set_xlabel("Generative AI adoption rate (%)")
    axes.set_ylabel("Expected growth in 2024 (%)")
    axes.set_title("Hong Kong sectors: adoption against expected growth (seed 003)")
    axes.grid(alpha=0.3)
    axes.margins(x=0.2, y=0.1)  # room for the labels
    figure.tight_layout()
    figure.savefig(output, dpi=DPI)
    print(f"saved {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
