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
    from .abbrev import Abbreviation, find_abbreviations
    from .corpus import Corpus, Document, load_corpus
    from .dates import (
        DateMention,
        DateRange,
        FiscalYear,
        PartialDate,
        RelativePeriod,
        find_dates,
        find_periods,
        parse_date,
        parse_period,
    )
    from .entities import (
        EntityMention,
        Initiative,
        Institution,
        Registry,
        find_initiatives,
        find_institutions,
        load_registry,
        recognize_entities,
    )
    from .errors import CorpusIntegrityError, HKPolicyError, ParseError, UnknownCurrencyError
    from .facts import Funding, SectorStat
    from .money import Money, MoneyMention, find_money, parse_money
    from .percent import Percentage, PercentMention, find_percentages, parse_percentage
    from .spans import Qualifier, Span
    from .tables import Cell, Table

# Public name -> the submodule that defines it.
_LAZY = {
    "Abbreviation": "abbrev",
    "Cell": "tables",
    "Corpus": "corpus",
    "CorpusIntegrityError": "errors",
    "Document": "corpus",
    "EntityMention": "entities",
    "DateMention": "dates",
    "DateRange": "dates",
    "FiscalYear": "dates",
    "PartialDate": "dates",
    "RelativePeriod": "dates",
    "find_dates": "dates",
    "find_periods": "dates",
    "parse_date": "dates",
    "parse_period": "dates",
    "Funding": "facts",
    "HKPolicyError": "errors",
    "Initiative": "entities",
    "Institution": "entities",
    "Money": "money",
    "MoneyMention": "money",
    "ParseError": "errors",
    "Percentage": "percent",
    "PercentMention": "percent",
    "find_percentages": "percent",
    "parse_percentage": "percent",
    "Qualifier": "spans",
    "Registry": "entities",
    "SectorStat": "facts",
    "Span": "spans",
    "Table": "tables",
    "UnknownCurrencyError": "errors",
    "find_abbreviations": "abbrev",
    "find_initiatives": "entities",
    "find_institutions": "entities",
    "find_money": "money",
    "load_corpus": "corpus",
    "load_registry": "entities",
    "parse_money": "money",
    "recognize_entities": "entities",
}

__all__ = [
    "Abbreviation",
    "Cell",
    "Corpus",
    "CorpusIntegrityError",
    "DateMention",
    "DateRange",
    "Document",
    "EntityMention",
    "FiscalYear",
    "Funding",
    "HKPolicyError",
    "Initiative",
    "Institution",
    "Money",
    "MoneyMention",
    "ParseError",
    "PartialDate",
    "PercentMention",
    "Percentage",
    "Qualifier",
    "Registry",
    "RelativePeriod",
    "SectorStat",
    "Span",
    "Table",
    "UnknownCurrencyError",
    "__version__",
    "find_abbreviations",
    "find_dates",
    "find_initiatives",
    "find_institutions",
    "find_money",
    "find_percentages",
    "find_periods",
    "load_corpus",
    "load_registry",
    "parse_date",
    "parse_money",
    "parse_percentage",
    "parse_period",
    "recognize_entities",
]


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'hkpolicy' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module_name}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
