"""The cyclic garbage collector is paused while a long text is scanned, and only then."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from hkpolicy import _gc
from hkpolicy._gc import pausing_gc

LONG = "x" * (_gc.PAUSE_GC_ABOVE or 0) + "y"


@pausing_gc
def _observe(text: str, *, fail: bool = False) -> bool:
    """Whether the collector runs while the 'scan' does."""
    running = gc.isenabled()
    if fail:
        raise RuntimeError("scan failed")
    return running


@pytest.fixture(autouse=True)
def _collector_running() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_on_a_long_text_and_resumed_after() -> None:
    assert _observe(LONG) is False
    assert gc.isenabled()


def test_left_alone_on_a_short_text() -> None:
    assert _observe("HK$5 million") is True


def test_resumed_when_the_scan_raises() -> None:
    with pytest.raises(RuntimeError):
        _observe(LONG, fail=True)
    assert gc.isenabled()


def test_a_collector_the_caller_stopped_stays_stopped() -> None:
    gc.disable()
    assert _observe(LONG) is False
    assert not gc.isenabled()


def test_nested_scans_resume_it_once_at_the_outermost() -> None:
    @pausing_gc
    def outer(text: str) -> tuple[bool, bool]:
        inner_running = _observe(text)
        return inner_running, gc.isenabled()  # still paused after the inner scan returned

    assert outer(LONG) == (False, False)
    assert gc.isenabled()


def test_the_pause_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_gc, "PAUSE_GC_ABOVE", None)
    assert _observe(LONG) is True


def test_the_public_scanners_pause_it() -> None:
    import hkpolicy as hk

    for scanner in (hk.find_money, hk.find_percentages, hk.find_dates, hk.extract):
        assert getattr(scanner, "__wrapped__", None) is not None, scanner
