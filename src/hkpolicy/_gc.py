"""Pausing Python's cyclic garbage collector while a scan of a long text builds its results.

A scan of a long text builds hundreds of thousands of small frozen models, none of them in a
reference cycle. CPython's full collections still walk the growing heap they form, again and
again: on 1 MB of dense amounts that was about a quarter of :func:`~hkpolicy.find_money`'s
time (``docs/performance.md``). So the public scanners and :func:`~hkpolicy.extract` pause the
collector for texts longer than :data:`PAUSE_GC_ABOVE` characters, as Mercurial does while it
builds large containers.

The collector is resumed when the outermost paused call returns or raises, and only if it was
running when that call began. Reference counting frees memory as usual meanwhile; only cyclic
garbage that other threads make in the meantime waits for the next collection.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["PAUSE_GC_ABOVE", "pausing_gc"]

PAUSE_GC_ABOVE: int | None = 100_000
"""Texts longer than this many characters are scanned with the collector paused; None turns the
pause off (``hkpolicy._gc.PAUSE_GC_ABOVE = None``). Below it the collector's cost is small."""

P = ParamSpec("P")
T = TypeVar("T")


def pausing_gc(scan: Callable[P, T]) -> Callable[P, T]:
    """``scan`` (whose first argument is the text), with the collector paused on long texts."""

    @functools.wraps(scan)
    def paused(*args: P.args, **kwargs: P.kwargs) -> T:
        text = args[0] if args else kwargs.get("text")
        limit = PAUSE_GC_ABOVE
        if limit is None or not isinstance(text, str) or len(text) <= limit or not gc.isenabled():
            return scan(*args, **kwargs)
        gc.disable()
        try:
            return scan(*args, **kwargs)
        finally:
            gc.enable()

    return paused
