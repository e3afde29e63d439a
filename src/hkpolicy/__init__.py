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
    from .documents import Origin, load_document
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
    from .errors import (
        AmountOverflowError,
        CorpusIntegrityError,
        CurrencyMismatchError,
        DocumentError,
        HKPolicyError,
        MentionLimitError,
        MissingExtraError,
        ParseError,
        QualifierError,
        UnitMismatchError,
        UnknownCurrencyError,
        UnknownQueryError,
    )
    from .extraction import Extraction, UnparsedNumber, extract
    from .facts import Funding, SectorStat
    from .money import Money, MoneyMention, find_money, parse_money
    from .parallel import extract_many
    from .percent import Percentage, PercentMention, find_percentages, parse_percentage
    from .schema import json_schema
    from .spans import Qualifier, ScanResult, Span
    from .store import Facts, open_facts
    from .tables import Cell, ColumnUnit, Level, Table, find_tables, sector_stats_from_table
    from .text_tables import find_text_tables

# Public name -> the submodule that defines it.
_LAZY = {
    "find_text_tables": "text_tables",
    "load_document": "documents",
    "Origin": "documents",
    "MissingExtraError": "errors",
    "DocumentError": "errors",
    "Abbreviation": "abbrev",
    "AmountOverflowError": "errors",
    "Cell": "tables",
    "ColumnUnit": "tables",
    "Corpus": "corpus",
    "CorpusIntegrityError": "errors",
    "CurrencyMismatchError": "errors",
    "DateMention": "dates",
    "DateRange": "dates",
    "Document": "corpus",
    "EntityMention": "entities",
    "Extraction": "extraction",
    "FiscalYear": "dates",
    "Funding": "facts",
    "HKPolicyError": "errors",
    "MentionLimitError": "errors",
    "Initiative": "entities",
    "Institution": "entities",
    "Level": "tables",
    "Money": "money",
    "MoneyMention": "money",
    "ParseError": "errors",
    "PartialDate": "dates",
    "PercentMention": "percent",
    "Percentage": "percent",
    "Qualifier": "spans",
    "QualifierError": "errors",
    "Registry": "entities",
    "RelativePeriod": "dates",
    "ScanResult": "spans",
    "Facts": "store",
    "SectorStat": "facts",
    "Span": "spans",
    "Table": "tables",
    "UnitMismatchError": "errors",
    "UnknownCurrencyError": "errors",
    "UnknownQueryError": "errors",
    "UnparsedNumber": "extraction",
    "extract": "extraction",
    "extract_many": "parallel",
    "find_abbreviations": "abbrev",
    "find_dates": "dates",
    "find_initiatives": "entities",
    "find_institutions": "entities",
    "find_money": "money",
    "find_percentages": "percent",
    "find_periods": "dates",
    "find_tables": "tables",
    "json_schema": "schema",
    "load_corpus": "corpus",
    "load_registry": "entities",
    "open_facts": "store",
    "parse_date": "dates",
    "parse_money": "money",
    "parse_percentage": "percent",
    "parse_period": "dates",
    "recognize_entities": "entities",
    "sector_stats_from_table": "tables",
}

__all__ = [
    "Abbreviation",
    "AmountOverflowError",
    "Cell",
    "ColumnUnit",
    "Corpus",
    "CorpusIntegrityError",
    "CurrencyMismatchError",
    "DateMention",
    "DateRange",
    "Document",
    "DocumentError",
    "EntityMention",
    "Extraction",
    "Facts",
    "FiscalYear",
    "Funding",
    "HKPolicyError",
    "Initiative",
    "Institution",
    "Level",
    "MentionLimitError",
    "MissingExtraError",
    "Money",
    "MoneyMention",
    "Origin",
    "ParseError",
    "PartialDate",
    "PercentMention",
    "Percentage",
    "Qualifier",
    "QualifierError",
    "Registry",
    "RelativePeriod",
    "ScanResult",
    "SectorStat",
    "Span",
    "Table",
    "UnitMismatchError",
    "UnknownCurrencyError",
    "UnknownQueryError",
    "UnparsedNumber",
    "__version__",
    "extract",
    "extract_many",
    "find_abbreviations",
    "find_dates",
    "find_initiatives",
    "find_institutions",
    "find_money",
    "find_percentages",
    "find_periods",
    "find_tables",
    "find_text_tables",
    "json_schema",
    "load_corpus",
    "load_document",
    "load_registry",
    "open_facts",
    "parse_date",
    "parse_money",
    "parse_percentage",
    "parse_period",
    "recognize_entities",
    "sector_stats_from_table",
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
