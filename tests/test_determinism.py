"""Same input, same output: a result depends on the text and the arguments, never on the clock,
the machine's load or the process's other threads; and a library call changes no process state.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import hkpolicy as hk
from hkpolicy.extraction import extract
from tests.adversarial import CASES, build

SRC = Path(hk.__file__).resolve().parent
# Each adversarial input at this size: large enough that every scanner does real work.
SIZE = 8_000
# Seconds a thread holds the GIL before another may take it, while the busy threads run.
SWITCH_INTERVAL = 1e-5


@pytest.fixture
def busy_threads() -> Iterator[None]:
    """Four Python threads spinning in this process (they take the GIL in turns with the scan).

    The scan gives up the GIL at every regex call and then waits for a spinning thread to reach
    its switch interval; at the default 5 ms that wait, not the scan, would set the test's length
    (minutes, depending on the machine). A short interval keeps every thread busy and the test
    short; the interval is put back afterwards."""
    stop = threading.Event()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)

    def spin() -> None:
        while not stop.is_set():
            pass

    threads = [threading.Thread(target=spin, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        yield
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        sys.setswitchinterval(interval)


def _json_of_every_input() -> dict[str, str]:
    return {name: extract(build(name, SIZE), doc_id="d").model_dump_json() for name in CASES}


@pytest.fixture(scope="module")
def quiet_results() -> dict[str, str]:
    return _json_of_every_input()


def test_extract_gives_byte_identical_json_with_four_busy_threads(
    quiet_results: dict[str, str], busy_threads: None
) -> None:
    busy = _json_of_every_input()
    for name in CASES:
        assert busy[name] == quiet_results[name], name
    assert all('"warnings":[]' in result for result in busy.values())


# --- no clock, no time limit -------------------------------------------------------------------

CLOCKS = ("perf_counter", "monotonic", "time", "process_time", "perf_counter_ns", "monotonic_ns")


@pytest.fixture
def clock_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every read of a clock through the ``time`` module from now on."""
    reads: list[str] = []
    for name in CLOCKS:
        real: Callable[[], Any] = getattr(time, name)

        def reading(_name: str = name, _real: Callable[[], Any] = real) -> Any:
            reads.append(_name)
            return _real()

        monkeypatch.setattr(time, name, reading)
    return reads


SCANS: dict[str, Callable[[str], Any]] = {
    "extract": lambda text: extract(text, doc_id="d"),
    "find_money": hk.find_money,
    "find_percentages": hk.find_percentages,
    "find_dates": hk.find_dates,
    "find_periods": hk.find_periods,
    "find_tables": hk.find_tables,
    "recognize_entities": hk.recognize_entities,
    "find_abbreviations": hk.find_abbreviations,
}


@pytest.mark.parametrize("scan", list(SCANS))
def test_no_scan_reads_a_clock(scan: str, clock_reads: list[str]) -> None:
    text = build("one_long_line", 5_000) + "\n| a | b |\n|---|---|\n| 1% | HK$2 |\n"
    SCANS[scan](text)
    assert clock_reads == []


def test_no_pattern_is_given_a_time_limit() -> None:
    # A regex ``timeout=`` makes a result depend on the machine's speed and load.
    offenders = [
        f"{path.relative_to(SRC)}:{number}"
        for path in sorted(SRC.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "timeout=" in line.replace(" ", "")
    ]
    assert offenders == []


# --- no process-wide state ---------------------------------------------------------------------


@pytest.fixture
def gc_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every call that changes the cyclic collector's state, from now on."""
    calls: list[str] = []
    for name in ("disable", "enable", "freeze", "unfreeze", "set_threshold"):
        real: Callable[..., Any] = getattr(gc, name)

        def changing(*args: Any, _name: str = name, _real: Callable[..., Any] = real) -> Any:
            calls.append(_name)
            return _real(*args)

        monkeypatch.setattr(gc, name, changing)
    return calls


def test_a_long_scan_leaves_the_garbage_collector_alone(gc_calls: list[str]) -> None:
    text = build("one_long_line", 150_000)  # long enough for any "pause on long texts" rule
    for scan in SCANS.values():
        scan(text)
    assert gc_calls == []
