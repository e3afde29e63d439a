"""`import hkpolicy` stays light: no pint, no dateutil parser, no pandas, no corpus read."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["pint", "dateutil.parser", "pandas", "hkpolicy.corpus"]


def test_import_does_not_load_heavy_modules() -> None:
    code = (
        "import json, sys; import hkpolicy; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hkpolicy", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"hkpolicy {__import__('hkpolicy').__version__}"


def test_py_typed_ships() -> None:
    from importlib import resources

    assert resources.files("hkpolicy").joinpath("py.typed").is_file()


def test_version_matches_installed_metadata() -> None:
    from importlib.metadata import version

    import hkpolicy

    assert hkpolicy.__version__ == version("hkpolicy")


def test_every_public_name_resolves() -> None:
    import hkpolicy

    lazy = hkpolicy._LAZY
    assert sorted([*lazy, "__version__"]) == sorted(hkpolicy.__all__)
    for name in hkpolicy.__all__:
        assert getattr(hkpolicy, name) is not None, name
