"""Every exception hkpolicy raises. Imports nothing from hkpolicy.

Each concrete error subclasses :class:`HKPolicyError` and the builtin it resembles, so callers can
catch either (``except ValueError`` keeps working for :class:`ParseError`).
"""

from __future__ import annotations

__all__ = [
    "AmountOverflowError",
    "CorpusIntegrityError",
    "CurrencyMismatchError",
    "DocumentError",
    "HKPolicyError",
    "MentionLimitError",
    "MissingExtraError",
    "ParseError",
    "QualifierError",
    "StoreError",
    "UnitMismatchError",
    "UnknownCurrencyError",
    "UnknownQueryError",
]


def __dir__() -> list[str]:
    return __all__


class HKPolicyError(Exception):
    """Base class of every error raised by hkpolicy."""


class ParseError(HKPolicyError, ValueError):
    """The text given to a ``parse_*`` function is not one expression of the expected kind.

    ``source`` is the whole input and ``span`` the ``(start, end)`` character range at fault.
    ``str(error)`` quotes the input with ``repr`` and marks the range beneath it::

        Invalid money amount: 'HK$'
            'HK$'
                ^ expected a number after the currency
    """

    def __init__(
        self,
        message: str,
        source: str,
        span: tuple[int, int] | None = None,
        *,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.span = span if span is not None else (0, len(source))
        self.hint = hint

    def __str__(self) -> str:
        quoted = repr(self.source)
        lines = [self.message, f"    {quoted}"]
        start, end = self.span
        # repr() adds one quote character and may escape characters; place the marker on the
        # repr of the prefix so it lines up with the quoted source.
        offset = len(repr(self.source[:start])) - 1
        width = max(1, len(repr(self.source[start:end])) - 2)
        marker = " " * (4 + offset) + "~" * (width - 1) + "^"
        if self.hint:
            marker += f" {self.hint}"
        lines.append(marker)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_parse_error, (self.message, self.source, self.span, self.hint))


def _rebuild_parse_error(
    message: str, source: str, span: tuple[int, int], hint: str | None
) -> ParseError:
    return ParseError(message, source, span, hint=hint)


class UnknownCurrencyError(HKPolicyError, KeyError):
    """A currency code or symbol is not one hkpolicy knows, or a conversion has no known rate."""

    def __init__(self, currency: str, message: str | None = None) -> None:
        super().__init__(currency)
        self.currency = currency
        self.message = message or f"Unknown currency: {currency!r}"

    def __str__(self) -> str:  # KeyError would repr() the whole message
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (UnknownCurrencyError, (self.currency, self.message))


class AmountOverflowError(HKPolicyError, OverflowError):
    """An amount is too large, or has too many digits, to convert exactly.

    ``amount`` is the amount as a string and ``limit`` the number of digits allowed.
    """

    def __init__(self, amount: str, limit: int, message: str | None = None) -> None:
        self.amount = amount
        self.limit = limit
        self.message = message or (
            f"Amount too large to convert: {amount!r} has more than {limit} digits"
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (AmountOverflowError, (self.amount, self.limit, self.message))


class MentionLimitError(HKPolicyError, ValueError):
    """A scan found more mentions than the ``max_mentions`` its caller allowed.

    Raised as soon as the count passes the limit, before the mentions are built, so a caller can
    bound the memory a scan of an unknown text takes. ``what`` names the kind of mention,
    ``limit`` the caller's bound and ``count`` the mentions found when the scan stopped (the
    limit plus one: the text may hold more).
    """

    def __init__(self, what: str, limit: int, count: int) -> None:
        super().__init__(what, limit, count)
        self.what = what
        self.limit = limit
        self.count = count

    def __str__(self) -> str:
        return (
            f"Too many {self.what} mentions: found {self.count} with max_mentions={self.limit}"
            " (the text may hold more; raise max_mentions, or split the text)"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (MentionLimitError, (self.what, self.limit, self.count))


class CorpusIntegrityError(HKPolicyError):
    """A corpus no longer matches its catalog (a changed, missing or unlisted file; an edited,
    removed or repeated entry), or its catalog is malformed or points outside its directory.

    ``expected_sha256`` is the checksum (or catalog digest) the catalog or caller expects. The
    loader never reports the checksum of a file as read: ``actual_sha256`` is kept for callers
    that build the error themselves and is None from the loader.
    """

    def __init__(
        self,
        file_name: str,
        message: str,
        *,
        expected_sha256: str | None = None,
        actual_sha256: str | None = None,
    ) -> None:
        super().__init__(message)
        self.file_name = file_name
        self.message = message
        self.expected_sha256 = expected_sha256
        self.actual_sha256 = actual_sha256

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_integrity_error,
            (self.file_name, self.message, self.expected_sha256, self.actual_sha256),
        )


def _rebuild_integrity_error(
    file_name: str, message: str, expected: str | None, actual: str | None
) -> CorpusIntegrityError:
    return CorpusIntegrityError(file_name, message, expected_sha256=expected, actual_sha256=actual)


class UnitMismatchError(HKPolicyError, TypeError):
    """Two values in different units were combined or compared: a percentage and percentage
    points, or (the subclass :class:`CurrencyMismatchError`) two currencies. A ``TypeError``, as
    pint's ``DimensionalityError`` is for quantities of different units."""


class CurrencyMismatchError(UnitMismatchError):
    """Two amounts in different currencies were added, subtracted, divided or compared.

    Convert one first (``a + b.to(a.currency)``); hkpolicy never converts implicitly.
    """

    def __init__(self, left: str, right: str, operation: str, currency: str) -> None:
        self.left = left
        self.right = right
        self.operation = operation
        self.currency = currency
        self.message = (
            f"Cannot {operation} {left} and {right}: different currencies; "
            f"convert one first with .to({currency!r})"
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (CurrencyMismatchError, (self.left, self.right, self.operation, self.currency))


class QualifierError(HKPolicyError, ValueError):
    """An operation on qualified values ("up to", "more than", a range) whose result would
    misstate or drop a qualifier, such as adding an upper bound to a lower bound or ordering
    "about 5%" against "6%"."""


class UnknownQueryError(HKPolicyError, KeyError):
    """A corpus query names no document, institution, initiative or period in the corpus.

    ``query`` is what was asked for; the message quotes it and says what was looked at.
    """

    def __init__(self, query: object, message: str) -> None:
        super().__init__(message)
        self.query = query
        self.message = message

    def __str__(self) -> str:  # KeyError would repr() the whole message
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (UnknownQueryError, (self.query, self.message))


class DocumentError(HKPolicyError, ValueError):
    """A file or byte string given to :func:`hkpolicy.load_document` cannot be read as a document:
    too large, not a regular file, malformed, encrypted, image-only, or with no main content.

    ``source`` names the input (a path, or ``<bytes>``) and is quoted in the message.
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(message)
        self.source = source
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (DocumentError, (self.source, self.message))


class MissingExtraError(HKPolicyError, ImportError):
    """An optional feature needs a package that is not installed; the message names the extra
    and how to install it from PyPI and from a checkout."""

    def __init__(self, extra: str, package: str, feature: str) -> None:
        message = (
            f"{feature} needs the {package!r} package, from hkpolicy's {extra!r} extra: "
            f"pip install 'hkpolicy[{extra}]' (or, in a checkout, pip install -e \".[{extra}]\")"
        )
        super().__init__(message, name=package)
        self.extra = extra
        self.package = package
        self.feature = feature
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (MissingExtraError, (self.extra, self.package, self.feature))


class StoreError(HKPolicyError, ValueError):
    """A facts store cannot be opened or written: missing, of another layout, or a bad argument.
    ``path`` is the store's path, quoted in the message."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (StoreError, (self.path, self.message))
