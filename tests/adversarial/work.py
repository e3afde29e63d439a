"""Count the work a scan does, so a test can prove it linear without looking at a clock.

Two counts, both functions of the input alone:

- ``regex_chars``: characters handed to the ``regex``/``re`` engine by hkpolicy's code. A
  whole-text pass (``finditer``, ``sub``, ``findall``, ``split``) counts the range it covers; a
  ``search`` counts the characters from where it starts to where it stops (the end of its match,
  or its ``endpos``: the positions the engine tries), from the far end for a reverse pattern; a
  ``match`` counts the characters it matched. Every call counts one more, so ``regex_calls``
  needs no separate figure. A scan that searches the rest of the text from every mention, or a
  window that grows with the text, shows up here as work per character growing with the size.
- ``py_calls``: Python function calls (``sys.setprofile``), for loops written in Python.

:func:`install` must run before hkpolicy is imported: it wraps ``regex.compile``/``re.compile``
(and the module-level ``regex``/``re`` functions) for callers inside hkpolicy only, so every
pattern hkpolicy compiles, at import or later, is a :class:`CountingPattern`. Run it in a fresh
interpreter: ``python -m tests.adversarial.work SIZE[,SIZE...] NAME[,NAME...] [SCANNER...]``
prints one JSON line per input, size and scanner (see :func:`main`).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

import regex

__all__ = ["METER", "CountingPattern", "Meter", "install", "main", "measure"]


class Meter:
    """The running totals of one measurement."""

    def __init__(self) -> None:
        self.regex_chars = 0
        self.py_calls = 0

    def reset(self) -> None:
        self.regex_chars = 0
        self.py_calls = 0


METER = Meter()


def _bounds(string: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[int, int]:
    size = len(string)
    pos = args[0] if len(args) > 0 else kwargs.get("pos")
    endpos = args[1] if len(args) > 1 else kwargs.get("endpos")
    pos = 0 if pos is None else max(0, min(size, pos))
    endpos = size if endpos is None else max(0, min(size, endpos))
    return pos, max(pos, endpos)


class CountingPattern:
    """A compiled pattern that adds the characters each call examines to :data:`METER`."""

    __slots__ = ("_pattern", "_reverse")

    def __init__(self, pattern: Any) -> None:
        self._pattern = pattern
        self._reverse = (
            bool(getattr(pattern, "flags", 0) & regex.REVERSE)
            if isinstance(pattern, regex.Pattern)
            else False
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)

    def __repr__(self) -> str:
        return f"CountingPattern({self._pattern!r})"

    def _anchored(self, method: str, string: Any, args: Any, kwargs: Any) -> Any:
        m = getattr(self._pattern, method)(string, *args, **kwargs)
        METER.regex_chars += 1 + (m.end() - m.start() if m is not None else 0)
        return m

    def match(self, string: Any, *args: Any, **kwargs: Any) -> Any:
        return self._anchored("match", string, args, kwargs)

    def fullmatch(self, string: Any, *args: Any, **kwargs: Any) -> Any:
        return self._anchored("fullmatch", string, args, kwargs)

    def search(self, string: Any, *args: Any, **kwargs: Any) -> Any:
        m = self._pattern.search(string, *args, **kwargs)
        pos, endpos = _bounds(string, args, kwargs)
        if self._reverse:
            METER.regex_chars += 1 + endpos - (m.start() if m is not None else pos)
        else:
            METER.regex_chars += 1 + (m.end() if m is not None else endpos) - pos
        return m

    def _whole(self, method: str, string: Any, args: Any, kwargs: Any) -> Any:
        pos, endpos = _bounds(string, args, kwargs)
        METER.regex_chars += 1 + endpos - pos
        return getattr(self._pattern, method)(string, *args, **kwargs)

    def finditer(self, string: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        return self._whole("finditer", string, args, kwargs)  # type: ignore[no-any-return]

    def findall(self, string: Any, *args: Any, **kwargs: Any) -> Any:
        return self._whole("findall", string, args, kwargs)

    def split(self, string: Any, *args: Any, **kwargs: Any) -> Any:
        METER.regex_chars += 1 + len(string)
        return self._pattern.split(string, *args, **kwargs)

    def sub(self, repl: Any, string: Any, *args: Any, **kwargs: Any) -> Any:
        METER.regex_chars += 1 + len(string)
        return self._pattern.sub(repl, string, *args, **kwargs)

    def subn(self, repl: Any, string: Any, *args: Any, **kwargs: Any) -> Any:
        METER.regex_chars += 1 + len(string)
        return self._pattern.subn(repl, string, *args, **kwargs)


def _from_hkpolicy(depth: int = 2) -> bool:
    name = sys._getframe(depth).f_globals.get("__name__", "")
    return isinstance(name, str) and (name == "hkpolicy" or name.startswith("hkpolicy."))


_MODULE_FUNCTIONS = ("match", "fullmatch", "search", "finditer", "findall", "split", "sub", "subn")


def _wrap_module(module: Any) -> None:
    compile_ = module.compile

    def counting_compile(pattern: Any, flags: Any = 0, *args: Any, **kwargs: Any) -> Any:
        compiled = compile_(pattern, flags, *args, **kwargs)
        return CountingPattern(compiled) if _from_hkpolicy() else compiled

    module.compile = counting_compile
    for name in _MODULE_FUNCTIONS:
        original = getattr(module, name)

        def function(
            *args: Any, _name: str = name, _original: Callable[..., Any] = original, **kwargs: Any
        ) -> Any:
            if not _from_hkpolicy():
                return _original(*args, **kwargs)
            flags = kwargs.pop("flags", 0)
            pattern, rest = args[0], args[1:]
            compiled = CountingPattern(compile_(pattern, flags))
            return getattr(compiled, _name)(*rest, **kwargs)

        setattr(module, name, function)


def install() -> None:
    """Count every pattern hkpolicy compiles from now on. Call before importing hkpolicy."""
    if any(name == "hkpolicy" or name.startswith("hkpolicy.") for name in sys.modules):
        raise RuntimeError("install() must run before hkpolicy is imported")
    _wrap_module(regex)
    _wrap_module(re)


def _profile(frame: Any, event: str, arg: Any) -> None:
    if event == "call":
        METER.py_calls += 1


def measure(function: Callable[[str], Any], text: str) -> dict[str, int]:
    """The work ``function(text)`` does: ``regex_chars`` and ``py_calls``."""
    METER.reset()
    sys.setprofile(_profile)
    try:
        function(text)
    finally:
        sys.setprofile(None)
    return {"regex_chars": METER.regex_chars, "py_calls": METER.py_calls}


def _prose_sector_stats(text: str) -> Any:
    """extract()'s prose sector-statistics step alone: its inputs are built, then the meter is
    reset, so only the step's own work counts."""
    from hkpolicy._sentences import SentenceIndex
    from hkpolicy.dates import find_dates
    from hkpolicy.facts import prose_sector_stats
    from hkpolicy.percent import find_percentages

    percentages = find_percentages(text)
    dates = find_dates(text)
    sentences = SentenceIndex(text)
    METER.reset()
    return prose_sector_stats(text, percentages, dates, [], sentences)


def main(argv: list[str]) -> int:
    """Print ``{"input", "size", "scanner", "regex_chars", "py_calls"}`` per measurement."""
    install()
    from tests.adversarial import CASES, build
    from tests.adversarial.checks import SCANNERS

    steps = {**SCANNERS, "prose_sector_stats": _prose_sector_stats}

    sizes = [int(size) for size in argv[0].split(",")]
    names = list(CASES) if argv[1] == "all" else argv[1].split(",")
    scanners = argv[2:] or ["extract"]
    for scanner in scanners:  # warm up: registries and lazily built patterns
        steps[scanner]("HK$1 (ITF) 42% 2024-25 forty per cent\n| a |\n|---|\n| 1 |")
    for name in names:
        for size in sizes:
            text = build(name, size)
            for scanner in scanners:
                work = measure(steps[scanner], text)
                record = {"input": name, "size": len(text), "scanner": scanner, **work}
                sys.stdout.write(json.dumps(record) + "\n")
                sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
