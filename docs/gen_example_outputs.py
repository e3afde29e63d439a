"""Regenerate the example outputs the docs show: the sector plot from examples/plot_sectors.py.

    python docs/gen_example_outputs.py

writes docs/examples/sector_adoption.png (needs the ``plot`` extra, matplotlib). The docs build
does not need this step: when that file is absent, docs/hooks.py renders the plot in memory and
adds it to the site, so no binary has to be committed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLOT_SCRIPT = ROOT / "examples" / "plot_sectors.py"
PLOT_URI = "examples/sector_adoption.png"  # relative to docs/
PLOT_FILE = ROOT / "docs" / PLOT_URI


def sector_plot_png() -> bytes:
    """Run examples/plot_sectors.py in a temporary directory and return the PNG it saves."""
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "sector_adoption.png"
        result = subprocess.run(
            [sys.executable, str(PLOT_SCRIPT), str(output)],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not output.is_file():
            raise RuntimeError(
                f"{PLOT_SCRIPT.name} failed (exit {result.returncode}); it needs matplotlib, "
                f"pip install 'hkpolicy[plot]' (from a checkout: pip install -e '.[plot]'):\n"
                f"{result.stderr.strip()}"
            )
        return output.read_bytes()


def main() -> int:
    PLOT_FILE.write_bytes(sector_plot_png())
    print(f"wrote {PLOT_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
