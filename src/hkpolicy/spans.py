"""Provenance and the small value types every other module shares.

Owns :class:`Record` (the frozen pydantic base of every public model), :class:`Span` (the characters
a fact came from), :class:`Qualifier` (the closed set of bounds a number can carry) and
:class:`ScanResult` (the list a scanner returns, with its warnings about an incomplete scan).
Imports nothing from hkpolicy but :mod:`hkpolicy.errors`.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import enum
import json
import json.decoder
import json.scanner
import logging
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    model_validator,
)

from .errors import MentionLimitError

__all__ = [
    "Qualifier",
    "Record",
    "ScanResult",
    "Span",
    "TakenCharacters",
    "check_date",
    "check_max_mentions",
    "check_optional_str",
    "check_ranges",
    "check_text",
    "collecting_warnings",
    "construct_trusted",
    "disjoint_ranges",
    "mention_limit",
    "warn",
]


def __dir__() -> list[str]:
    return __all__


# Tuples longer than this are shown as a count in reprs, so a notebook cell stays readable.
MAX_REPR_ITEMS = 3


class _Elided:
    def __init__(self, count: int) -> None:
        self.count = count

    def __repr__(self) -> str:
        return f"<{self.count} items>"


_RecordT = TypeVar("_RecordT", bound="Record")


class Record(BaseModel):
    """Base of every public model: frozen, strict about unknown fields, documented per field.

    Its repr shows only the fields that differ from their defaults, and long tuples as a count.
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        use_attribute_docstrings=True,
        ser_json_inf_nan="strings",
    )

    def __dir__(self) -> list[str]:
        """Fields, properties and methods of the model, and pydantic's v2 API (``model_*``);
        pydantic's deprecated v1 names (``dict``, ``json``, ``parse_obj``, ...) are left out."""
        names = set(type(self).model_fields)
        for klass in type(self).__mro__:
            if klass is BaseModel:
                break
            names.update(name for name in vars(klass) if not name.startswith("_"))
        names.update(name for name in dir(BaseModel) if name.startswith("model_"))
        names.discard("model_config")
        return sorted(names)

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        for name, field in type(self).model_fields.items():
            if not field.repr:
                continue
            value = self.__dict__.get(name)
            if not field.is_required() and value == field.default:
                continue
            if isinstance(value, tuple) and len(value) > MAX_REPR_ITEMS:
                value = _Elided(len(value))
            yield name, value

    # A Python str may hold lone surrogates (text decoded with errors="surrogateescape", say),
    # which pydantic's JSON writer and reader both refuse. Such a model is written through the
    # json module instead: non-ASCII characters as themselves, each surrogate code point as a
    # \udXXX escape. Standard JSON reads two adjacent escapes \ud800\udfff as ONE character
    # (U+103FF), so it cannot tell them from that character; the writer therefore marks such
    # JSON with LONE_SURROGATES_KEY, and the reader then takes every surrogate escape as one
    # code point. Unmarked JSON (anyone else's) is read by the standard rule. Everything else
    # takes pydantic's path unchanged.

    def model_dump_json(self, *, indent: int | None = None, **kwargs: Any) -> str:
        """JSON of the model (pydantic's ``model_dump_json``). A model holding a str with a lone
        surrogate is written with ``\\udXXX`` escapes and marked with
        :data:`LONE_SURROGATES_KEY`, so :meth:`model_validate_json` reads back every str
        exactly."""
        try:
            return super().model_dump_json(indent=indent, **kwargs)
        except ValueError as error:  # pydantic_core.PydanticSerializationError
            if "surrogates not allowed" not in str(error):
                raise
        data = {LONE_SURROGATES_KEY: True, **self.model_dump(mode="json", **kwargs)}
        separators = (",", ": ") if indent is not None else (",", ":")
        text = json.dumps(data, indent=indent, ensure_ascii=False, separators=separators)
        # Outside strings JSON is ASCII, so every surrogate here is inside a string.
        return _SURROGATE_CHAR.sub(lambda m: f"\\u{ord(m[0]):04x}", text)

    @classmethod
    def model_validate_json(
        cls: type[_RecordT], json_data: str | bytes | bytearray, **kwargs: Any
    ) -> _RecordT:
        """The model from JSON (pydantic's ``model_validate_json``), including JSON that
        :meth:`model_dump_json` wrote for a str with lone surrogates."""
        try:
            return super().model_validate_json(json_data, **kwargs)
        except ValidationError as error:
            text = json_data
            if not isinstance(text, str):
                text = bytes(text).decode("utf-8", "replace")
            if f'"{LONE_SURROGATES_KEY}"' in text:
                try:
                    data = _LONE_SURROGATE_DECODER.decode(text)
                except ValueError:
                    raise error from None
                if isinstance(data, dict) and data.pop(LONE_SURROGATES_KEY, None) is True:
                    return cls.model_validate(data, **kwargs)
            invalid = any(e["type"] == "json_invalid" for e in error.errors())
            if not (invalid and _SURROGATE_ESCAPE.search(text)):
                raise
            try:
                data = json.loads(text)  # standard JSON with a lone surrogate escape
            except ValueError:
                raise error from None  # invalid for another reason too: pydantic's own error
        return cls.model_validate(data, **kwargs)


LONE_SURROGATES_KEY = "__lone_surrogates__"
"""The key that marks JSON written for a str with lone surrogates: in it, every ``\\udXXX``
escape is one code point, even where two of them would form a UTF-16 pair."""

# A JSON escape of a surrogate code point, \uD800-\uDFFF (any case).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE_CHAR = re.compile("[\ud800-\udfff]")
# One JSON string escape: \uXXXX or a one-character escape.
_JSON_ESCAPE = re.compile(r'\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))')
_SIMPLE_ESCAPES = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}


def _unescape(match: re.Match[str]) -> str:
    return chr(int(match[1], 16)) if match[1] else _SIMPLE_ESCAPES[match[2]]


def _scan_string_keeping_surrogates(text: str, end: int, strict: bool = True) -> tuple[str, int]:
    """json's ``scanstring``, except that an escaped surrogate pair stays two code points."""
    # typeshed omits json.decoder.scanstring and json.scanner.py_make_scanner (both public).
    value, after = json.decoder.scanstring(text, end, strict)  # type: ignore[attr-defined]
    raw = text[end : after - 1]
    if "\\u" in raw and _SURROGATE_ESCAPE.search(raw):
        # Escapes are matched left to right, so "\\\\ud800" is a backslash and "ud800".
        value = _JSON_ESCAPE.sub(_unescape, raw)
    return value, after


class _LoneSurrogateDecoder(json.JSONDecoder):
    """Reads string values with :func:`_scan_string_keeping_surrogates` (object keys are field
    names, read the standard way)."""

    def __init__(self) -> None:
        super().__init__()
        self.parse_string = _scan_string_keeping_surrogates
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]


_LONE_SURROGATE_DECODER = _LoneSurrogateDecoder()

R = TypeVar("R", bound=Record)

_new = object.__new__
# The setters of BaseModel's four instance slots, taken from its class dictionary once: a
# descriptor's __set__ skips the attribute look-up that object.__setattr__ makes per call.
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


# One fields set per Record class and field names given to construct_trusted: a few dozen.
_FIELDS_SETS: dict[tuple[type[Record], tuple[str, ...]], set[str]] = {}
# The set naming every field of a Record class, shared by every model built with all fields.
_ALL_FIELDS: dict[type[Record], set[str]] = {}


def construct_trusted(
    cls: type[R], values: dict[str, Any], fields_set: Iterable[str] | None = None
) -> R:
    """A ``cls`` holding ``values`` without validation, for values valid by construction.

    The scanners' hot path: it does what ``model_construct`` does for a Record (no aliases,
    extras or private attributes), without that method's per-field alias and default look-ups,
    which make it slower than validation in pydantic 2. ``values`` must name every field in
    declaration order (JSON output follows it, so it then equals the validated model's): write
    the dict once, in a typed keyword-only builder next to the model, and test that builder
    against validation. ``fields_set`` names the fields a validating call would have been given
    (default: all).

    Models built with the same fields share one fields set: Records are frozen, so pydantic
    never changes it in place (``model_copy`` copies it first), and a set per model would be a
    garbage-collected object more per match.
    """
    if fields_set is None:
        shared = _ALL_FIELDS.get(cls)
        if shared is None:
            shared = _ALL_FIELDS.setdefault(cls, set(cls.model_fields))
    else:
        names = tuple(fields_set)
        found = _FIELDS_SETS.get((cls, names))
        shared = found if found is not None else _FIELDS_SETS.setdefault((cls, names), set(names))
    model = _new(cls)
    _set_dict(model, values)
    _set_fields_set(model, shared)
    _set_extra(model, None)
    _set_private(model, None)
    return model


def disjoint_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` ranges merged into sorted, disjoint ones; empty ranges cover nothing and
    go. ``[(5, 9), (0, 3), (2, 4), (7, 7)]`` -> ``[(0, 4), (5, 9)]``."""
    merged: list[tuple[int, int]] = []
    last_start = last_end = 0  # the last merged range, while ``merged`` is not empty
    for start, end in sorted(ranges):
        if end <= start:
            continue
        if merged and start <= last_end:
            if end > last_end:
                last_end = end
                merged[-1] = (last_start, end)
        else:
            merged.append((start, end))
            last_start, last_end = start, end
    return merged


class Qualifier(str, enum.Enum):
    """How a number relates to the true value, as the text states it.

    A qualifier is never thrown away: "over HK$30 million" is not "HK$30 million".
    """

    EXACT = "exact"
    """The text states the value plainly."""
    APPROXIMATELY = "approximately"
    """about, around, approximately, nearly, some, ~, 約, 近."""
    AT_LEAST = "at_least"
    """at least, not less than, minimum, 不少於, "80%+"."""
    MORE_THAN = "more_than"
    """over, more than, exceeding, 超過, 逾."""
    UP_TO = "up_to"
    """up to, maximum, ceiling, as much as, 最高, 上限, 高達."""
    LESS_THAN = "less_than"
    """less than, under, below, 少於, 不足."""
    RANGE = "range"
    """A range: the value is the lower bound and a ``*_max`` field holds the upper bound."""

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Qualifier.{self.name}"


class Span(Record):
    """The characters a value came from: ``text == source[start:end]`` of document ``doc_id``."""

    doc_id: str | None = None
    """Id of the document the span points into; None for text a user passed directly."""
    start: int
    """Offset of the first character (0-based, in Python ``str`` indices)."""
    end: int
    """Offset one past the last character."""
    text: str
    """The characters themselves, kept so a span can be checked without the document."""

    @model_validator(mode="after")
    def _check_bounds(self) -> Span:
        if not 0 <= self.start <= self.end:
            raise ValueError(
                f"span bounds must satisfy 0 <= start <= end, got {self.start}, {self.end}"
            )
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text {self.text!r} has length {len(self.text)}, "
                f"but end - start is {self.end - self.start}"
            )
        return self

    @classmethod
    def of(cls, source: str, start: int, end: int, doc_id: str | None = None) -> Span:
        """The span ``source[start:end]``, built without re-validation (the slice is exact)."""
        values = {"doc_id": doc_id, "start": start, "end": end, "text": source[start:end]}
        return construct_trusted(cls, values)

    def with_doc(self, doc_id: str | None) -> Span:
        """The same span, attributed to ``doc_id``."""
        return self.model_copy(update={"doc_id": doc_id})

    def shifted(self, offset: int, doc_id: str | None = None) -> Span:
        """The span moved by ``offset`` characters, e.g. from a sentence into its document."""
        values = {
            "doc_id": doc_id if doc_id is not None else self.doc_id,
            "start": self.start + offset,
            "end": self.end + offset,
            "text": self.text,
        }
        return construct_trusted(Span, values)

    def overlaps(self, other: Span | tuple[int, int]) -> bool:
        """True when the two character ranges share at least one character."""
        start, end = (other.start, other.end) if isinstance(other, Span) else other
        return self.start < end and start < self.end

    def __repr__(self) -> str:
        where = f"{self.doc_id}:" if self.doc_id else ""
        return f"Span({where}{self.start}-{self.end} {self.text!r})"

    def __str__(self) -> str:
        return self.text


class TakenCharacters:
    """Which characters of a text are taken, by a chosen mention or a skipped range: how the
    scanners choose non-overlapping candidates, longest first.

    A byte per character: ``add`` looks at the characters of one candidate only. Kept as sorted
    lists, a candidate was inserted in the middle (candidates come longest first), and that
    insert moved every later range: quadratic on a text dense with mentions of mixed lengths.
    """

    def __init__(self, size: int, ranges: Iterable[tuple[int, int]] = ()) -> None:
        taken = self.taken = bytearray(size + 1)  # one more: an empty candidate at the very end
        for start, end in ranges:
            # Clipped to the text by comparisons: one range per mention can reach this loop.
            if start < 0:
                start = 0
            if end > size:
                end = size
            if start < end:
                taken[start:end] = b"\x01" * (end - start)

    def add(self, start: int, end: int) -> bool:
        """Take ``[start, end)`` unless a character of it is taken already; True when taken.
        An empty candidate counts as taken where the character at its position is."""
        if start >= end:
            return not self.taken[start]
        if self.taken.find(1, start, end) >= 0:
            return False
        self.taken[start:end] = b"\x01" * (end - start)
        return True


# --- scan results and their warnings ----------------------------------------------------------

T = TypeVar("T")


class ScanResult(list[T], Generic[T]):
    """What a ``find_*`` scanner returns: the mentions, in order, plus ``warnings``.

    A scanner never raises on any text, and its result is a function of the text and the
    arguments alone (no time limit: every scan is linear in the text). Should anything
    unexpected happen, it stops, says why in ``warnings`` and returns what it found so far;
    ``complete`` is False then. :func:`hkpolicy.extract` gathers every scanner's warnings in
    ``Extraction.warnings``. A wrong *argument* is the caller's mistake, not the text's: it
    raises at once (``TypeError``, or :class:`~hkpolicy.errors.UnknownCurrencyError`).

    >>> from hkpolicy import find_percentages
    >>> found = find_percentages("about 42% of firms")
    >>> found.complete, found.warnings, len(found)
    (True, [], 1)
    """

    def __init__(self, items: Iterable[T] = (), warnings: Iterable[str] = ()) -> None:
        super().__init__(items)
        self.warnings: list[str] = list(warnings)

    @property
    def complete(self) -> bool:
        """True when the scan ran to the end of the text."""
        return not self.warnings

    def __repr__(self) -> str:
        shown = super().__repr__()
        return (
            f"{type(self).__name__}({shown}, warnings={self.warnings!r})"
            if self.warnings
            else shown
        )


_warnings_sink: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "hkpolicy_scan_warnings", default=None
)


@contextlib.contextmanager
def collecting_warnings() -> Iterator[list[str]]:
    """Collect what :func:`warn` reports in this context (thread- and task-local) into a list;
    a nested collection takes the reports of its own span only."""
    collected: list[str] = []
    token = _warnings_sink.set(collected)
    try:
        yield collected
    finally:
        _warnings_sink.reset(token)


def warn(log: logging.Logger, message: str) -> None:
    """Report that a scan stopped early: logged on ``log``, and added to the warnings of the
    scan under way (see :func:`collecting_warnings`)."""
    log.warning("%s", message)
    sink = _warnings_sink.get()
    if sink is not None:
        sink.append(message)


# --- views of one text that several scanners read ---------------------------------------------

V = TypeVar("V")

_text_views: contextvars.ContextVar[dict[str, tuple[str, object]] | None] = contextvars.ContextVar(
    "hkpolicy_text_views", default=None
)


@contextlib.contextmanager
def sharing_text_views() -> Iterator[None]:
    """Within this context (thread- and task-local), a view of a text that several scanners read
    (:func:`text_view`) is worked out once. Each view holds its last text only, and only until
    the context ends, so nothing outlives the call that opened it."""
    token = _text_views.set({})
    try:
        yield
    finally:
        _text_views.reset(token)


def text_view(name: str, text: str, compute: Callable[[str], V]) -> V:
    """``compute(text)``, remembered under ``name`` for this very ``text`` object inside
    :func:`sharing_text_views`. ``compute`` must be a pure function of the text: whether the
    value is remembered changes the time a call takes, never its result."""
    views = _text_views.get()
    if views is None:
        return compute(text)
    held = views.get(name)
    if held is not None and held[0] is text:  # the view holds its text: an id is never reused
        return held[1]  # type: ignore[return-value]
    value = compute(text)
    views[name] = (text, value)
    return value


# --- arguments checked at the boundary ----------------------------------------------------------
# "Never raises" is a promise about the text: a caller's wrong argument raises at once, naming
# the function and the argument, before any scanning starts.


def check_text(function: str, text: object, name: str = "text") -> str:
    """``text`` when it is a ``str``; else a ``TypeError`` naming ``function`` and ``name``."""
    if not isinstance(text, str):
        raise TypeError(f"{function}() argument {name!r} must be a str, not {type(text).__name__}")
    return text


def check_optional_str(function: str, name: str, value: object) -> str | None:
    """``value`` when it is a ``str`` or None; else a ``TypeError``."""
    if value is not None and not isinstance(value, str):
        raise TypeError(
            f"{function}() argument {name!r} must be a str or None, not {type(value).__name__}"
        )
    return value


def check_date(function: str, name: str, value: object) -> dt.date | None:
    """``value`` when it is a ``datetime.date`` or None; else a ``TypeError``."""
    if value is not None and not isinstance(value, dt.date):
        raise TypeError(
            f"{function}() argument {name!r} must be a datetime.date or None, "
            f"not {type(value).__name__}"
        )
    return value


def check_ranges(function: str, name: str, value: object) -> tuple[tuple[int, int], ...]:
    """``value`` as a tuple of ``(start, end)`` integer pairs; else a ``TypeError``/``ValueError``
    naming the argument and quoting the bad item."""
    if isinstance(value, (list, tuple)) and _exact_int_pairs(value):
        return tuple(value)
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(
            f"{function}() argument {name!r} must be an iterable of (start, end) pairs, "
            f"not {type(value).__name__}"
        )
    ranges: list[tuple[int, int]] = []
    for item in value:
        try:
            start, end = item
            pair = (operator.index(start), operator.index(end))
        except (TypeError, ValueError) as error:
            raise TypeError(
                f"{function}() argument {name!r} must hold (start, end) integer pairs, got {item!r}"
            ) from error
        if isinstance(start, bool) or isinstance(end, bool):
            raise TypeError(
                f"{function}() argument {name!r} must hold (start, end) integer pairs, got {item!r}"
            )
        ranges.append(pair)
    return tuple(ranges)


_FIRST, _SECOND = operator.itemgetter(0), operator.itemgetter(1)


def _exact_int_pairs(items: list[Any] | tuple[Any, ...]) -> bool:
    """True when every item is a tuple of two ``int`` (not bool, not a subclass): the ranges
    the library passes between its own scanners, checked by C-level passes over the items."""
    if not items:
        return True
    if set(map(type, items)) != {tuple} or set(map(len, items)) != {2}:
        return False
    start_types = set(map(type, map(_FIRST, items)))
    end_types = set(map(type, map(_SECOND, items)))
    return start_types == end_types == {int}


def check_max_mentions(function: str, value: object) -> int | None:
    """``value`` when it is None or an int of at least 0; else ``TypeError``/``ValueError``."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(
            f"{function}() argument 'max_mentions' must be an int or None, "
            f"not {type(value).__name__}"
        )
    if value < 0:
        raise ValueError(f"{function}() argument 'max_mentions' must be at least 0, got {value!r}")
    return value


def mention_limit(what: str, limit: int | None, count: int) -> None:
    """Raise :class:`~hkpolicy.errors.MentionLimitError` when ``count`` passes ``limit``."""
    if limit is not None and count > limit:
        raise MentionLimitError(what, limit, count)
