"""examples/quickstart.ipynb: it runs top to bottom without an error, and its saved cells and
outputs are what examples/make_notebook.py generates.

Needs the ``notebook`` extra (nbclient, nbformat, ipykernel) and pandas; skipped without them.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NOTEBOOK = EXAMPLES / "quickstart.ipynb"
NEEDED = ("nbclient", "nbformat", "ipykernel", "pandas")
MISSING = [name for name in NEEDED if importlib.util.find_spec(name) is None]

pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason=f"the notebook needs {', '.join(MISSING)}: pip install -e '.[notebook,pandas]'",
)


def pin_python3_kernel(directory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make kernel ``python3`` this interpreter, whatever kernelspecs the machine has installed.

    A kernelspec under ``$JUPYTER_PATH`` takes precedence over the user's, the environment's and
    the system's, so the notebook always runs on the Python (and the hkpolicy) under test.
    IPython's profile goes to ``directory`` too, so nothing is written to the home directory.
    """
    spec = directory / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    kernel = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (hkpolicy tests)",
        "language": "python",
    }
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(directory / "jupyter"))
    monkeypatch.setenv("IPYTHONDIR", str(directory / "ipython"))


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("make_notebook", EXAMPLES / "make_notebook.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_saved_notebook_matches_its_generator_and_has_outputs() -> None:
    import nbformat

    saved = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(saved)
    built = _generator().build()
    assert [(c.cell_type, c.source) for c in saved.cells] == [
        (c.cell_type, c.source) for c in built.cells
    ], "quickstart.ipynb is out of date: run python examples/make_notebook.py"
    for cell in saved.cells:
        if cell.cell_type == "code":
            assert cell.outputs, f"no saved output for cell {cell.source[:40]!r}"
            assert all(o.output_type != "error" for o in cell.outputs), cell.source


# jupyter_client and zmq may warn about their own set-up (event loops, platform dirs); only
# warnings from those packages are let through, every other warning still fails the test.
@pytest.mark.filterwarnings("ignore::DeprecationWarning:jupyter_client")
@pytest.mark.filterwarnings("ignore::DeprecationWarning:jupyter_core")
@pytest.mark.filterwarnings("ignore::DeprecationWarning:zmq")
@pytest.mark.filterwarnings("ignore::RuntimeWarning:zmq")
def test_notebook_executes_without_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nbformat
    from nbclient import NotebookClient

    pin_python3_kernel(tmp_path, monkeypatch)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # Raises CellExecutionError, naming the cell and the traceback, on any error.
    NotebookClient(
        notebook,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(
        str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs
    )
    for expected in ("Corpus(documents=5", "reading_time", "HKD 1,500,000,000", "創新科技署"):
        assert expected in text, expected
