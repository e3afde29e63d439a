"""Run scanners on adversarial inputs in this process and report one JSON line per call.

Usage, from the repository root::

    python -m tests.adversarial.runner INPUTS SCANNER[,SCANNER...] BOUND

``INPUTS`` is a JSON object ``{label: expression}``; each expression is evaluated with
:func:`tests.adversarial.build` and :func:`tests.adversarial.repeat` in scope
(``"build('pipes', 1_000_000)"``, ``"'a' * 200_000"``). Each output line is
``{"input", "scanner", "seconds", "count", "spans", "lost", "parts", "warnings"}``: the call's
time, how many items it returned, how many spans were checked (all valid, or the line has
``"error"``), for extract the digits no span covers, and for ``extract+`` the time of each
scanner extract() called. A watchdog ends the process with exit status 3, after a
``{"input", "scanner", "timeout": true}`` line, when one call runs past ``BOUND`` seconds; the
parent keeps its own guard for a call that holds the GIL.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from tests.adversarial import build, repeat
from tests.adversarial.checks import (
    DOC,
    SCANNERS,
    assert_spans_valid,
    assert_tables_valid,
    lost_digits,
)

# The scanners extract() calls, by the names it imports them under.
EXTRACT_PARTS = (
    "find_boilerplate",
    "find_money",
    "find_percentages",
    "find_dates",
    "find_tables",
    "recognize_entities",
)
_parts: dict[str, float] = {}


def _timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _parts[name] = round(time.perf_counter() - started, 3)

    return wrapper


def _extract_timed(text: str) -> Any:
    """extract(), with each scanner it calls timed (reported as ``parts``)."""
    module = sys.modules["hkpolicy.extraction"]
    originals = {name: getattr(module, name) for name in EXTRACT_PARTS}
    _parts.clear()
    try:
        for name, function in originals.items():
            setattr(module, name, _timed(name, function))
        return module.extract(text, doc_id=DOC)
    finally:
        for name, function in originals.items():
            setattr(module, name, function)


# The public scanners; extract() with its parts timed; and extract()'s own last step alone
# (the unparsed-number listing), so a test can bound it without the scanners before it.
STEPS: dict[str, Callable[[str], Any]] = {
    **SCANNERS,
    "extract+": _extract_timed,
    "extract_unparsed": lambda text: sys.modules["hkpolicy.extraction"]._unparsed(
        text, [], [], DOC
    ),
}


def _emit(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def _watchdog(state: dict[str, Any], bound: float) -> None:
    while True:
        time.sleep(0.05)
        label, name, started = state["input"], state["scanner"], state["started"]
        if name is not None and time.perf_counter() - started > bound:
            seconds = round(time.perf_counter() - started, 3)
            _emit({"input": label, "scanner": name, "timeout": True, "seconds": seconds})
            os._exit(3)


def _count(found: Any) -> int:
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], list):
        return len(found[0]) + len(found[1])  # recognize_entities
    if hasattr(found, "unparsed"):
        return len(found.money) + len(found.percentages) + len(found.dates) + len(found.tables)
    return len(found)


def _run(label: str, text: str, name: str, state: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {"input": label, "scanner": name}
    state["started"], state["input"], state["scanner"] = time.perf_counter(), label, name
    try:
        found = STEPS[name](text)
    except Exception:
        state["scanner"] = None
        record["error"] = traceback.format_exc(limit=4)
        return record
    record["seconds"] = round(time.perf_counter() - state["started"], 3)
    state["scanner"] = None
    record["count"] = _count(found)
    record["warnings"] = list(getattr(found, "warnings", ()))
    if name == "extract+":
        record["parts"] = dict(_parts)
    try:
        record["spans"] = assert_spans_valid(text, found)
        if name == "find_tables":
            assert_tables_valid(text, found)
        if name in ("extract", "extract+"):
            assert_tables_valid(text, found.tables)
            record["lost"] = len(lost_digits(text, found))
    except AssertionError as error:
        record["error"] = f"invalid: {error}"
    return record


def main(argv: list[str]) -> int:
    inputs: dict[str, str] = json.loads(argv[0])
    names, bound = argv[1].split(","), float(argv[2])
    for name in names:  # warm up: registries and patterns load outside the timed calls
        STEPS[name]("HK$1 (ITF) 42% 2024-25\n| a |\n|---|\n| 1 |")
    state: dict[str, Any] = {"input": None, "scanner": None, "started": 0.0}
    threading.Thread(target=_watchdog, args=(state, bound), daemon=True).start()
    for label, expression in inputs.items():
        text = eval(expression, {"build": build, "repeat": repeat})
        for name in names:
            _emit(_run(label, text, name, state))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
