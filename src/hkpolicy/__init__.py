"""hkpolicy: Hong Kong technology-policy text as typed, traceable objects.

Re-exports the public API. Every name loads from its submodule on first access (the way
dateutil's package does), so ``import hkpolicy`` costs almost nothing and never imports pint,
dateutil's parser, pandas or the corpus.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .corpus import Corpus, Document, load_corpus
    from .dates import FiscalYear
    from .entities import Initiative, Institution
    from .errors import CorpusIntegrityError, HKPolicyError, ParseError, UnknownCurrencyError
    from .facts import Funding, SectorStat
    from .money import Money
    from .percent import Percentage
    from .spans import Qualifier, Span
    from .tables import Cell, Table

# Public name -> the submodule that defines it.
_LAZY = {
    "Cell": "tables",
    "Corpus": "corpus",
    "CorpusIntegrityError": "errors",
    "Document": "corpus",
    "FiscalYear": "dates",
    "Funding": "facts",
    "HKPolicyError": "errors",
    "Initiative": "entities",
    "Institution": "entities",
    "Money": "money",
    "ParseError": "errors",
    "Percentage": "percent",
    "Qualifier": "spans",
    "SectorStat": "facts",
    "Span": "spans",
    "Table": "tables",
    "UnknownCurrencyError": "errors",
    "load_corpus": "corpus",
}

__all__ = sorted([*_LAZY, "__version__"])


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'hkpolicy' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module_name}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
