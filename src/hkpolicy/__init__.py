"""hkpolicy: Hong Kong technology-policy text as typed, traceable objects.

Re-exports the public API. Heavy pieces (pint, dateutil's parser, the corpus, pandas) load on
first use, so ``import hkpolicy`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .dates import FiscalYear
from .entities import Initiative, Institution
from .errors import CorpusIntegrityError, HKPolicyError, ParseError, UnknownCurrencyError
from .facts import Funding, SectorStat
from .money import Money
from .percent import Percentage
from .spans import Qualifier, Span
from .tables import Cell, Table

if TYPE_CHECKING:
    from .corpus import Corpus, Document, load_corpus

__all__ = [
    "Cell",
    "Corpus",
    "CorpusIntegrityError",
    "Document",
    "FiscalYear",
    "Funding",
    "HKPolicyError",
    "Initiative",
    "Institution",
    "Money",
    "ParseError",
    "Percentage",
    "Qualifier",
    "SectorStat",
    "Span",
    "Table",
    "UnknownCurrencyError",
    "__version__",
    "load_corpus",
]

# Names served lazily from a submodule on first access (dateutil/__init__.py does the same).
_LAZY = {"Corpus": "corpus", "Document": "corpus", "load_corpus": "corpus"}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'hkpolicy' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module_name}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
