"""The documentation site builds with ``mkdocs build --strict``: no broken link, anchor, nav entry
or API reference. Needs the ``docs`` extra, and matplotlib (the ``plot`` extra) for the example
plot the build draws; skipped without them.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NEEDED = {"mkdocs": "docs", "material": "docs", "mkdocstrings_handlers.python": "docs"}
if not (ROOT / "docs" / "examples" / "sector_adoption.png").is_file():
    NEEDED["matplotlib"] = "plot"  # docs/hooks.py draws the plot when no PNG is in docs/


def _missing(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is None
    except ModuleNotFoundError:  # the parent package of a dotted name is absent
        return True


MISSING = sorted(name for name in NEEDED if _missing(name))
EXTRAS = ",".join(sorted({NEEDED[name] for name in MISSING}))


@pytest.mark.skipif(
    bool(MISSING), reason=f"needs {', '.join(MISSING)}: pip install -e '.[{EXTRAS}]'"
)
def test_site_builds_strictly(tmp_path: Path) -> None:
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MPLCONFIGDIR": str(tmp_path / "mpl")}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    png = (site / "examples" / "sector_adoption.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert 'id="hkpolicy.money.find_money"' in api
    # Doctests in docstrings render as highlighted code, not as nested block quotes.
    assert '<span class="gp">&gt;&gt;&gt; </span>' in api
    assert "<blockquote>" not in api
    assert not list(site.rglob("*.py")), "build code was copied into the site"


def _pages_with_examples() -> list[Path]:
    return sorted(p for p in (ROOT / "docs").rglob("*.md") if ">>>" in p.read_text("utf-8"))


@pytest.mark.parametrize("page", _pages_with_examples(), ids=lambda p: p.name)
def test_examples_on_the_pages_run(page: Path) -> None:
    # The ">>>" examples on the documentation pages, as doctests (the README's run with pytest's
    # own --doctest-glob). A page whose output no longer matches the library fails here.
    import doctest

    result = doctest.testfile(
        str(page), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False
    )
    assert result.attempted > 0
    assert result.failed == 0, f"{page.relative_to(ROOT)}: {result.failed} example(s) failed"
