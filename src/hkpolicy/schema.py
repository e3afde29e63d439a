"""The JSON Schema of everything hkpolicy writes as JSON: :func:`json_schema`.

Owns the shapes of the command line's JSON outputs and the rules that make the schema a
contract rather than a description:

- ``extract``: ``hkpolicy extract FILE --format json`` (an :class:`~hkpolicy.extraction.Extraction`,
  plus ``converted`` when ``--currency`` is given);
- ``record``: one line of ``hkpolicy extract FILE --format jsonl``;
- ``summary``: ``hkpolicy summary --json`` (``hkpolicy --json``), :meth:`Corpus.summary`;
- ``export``: ``corpus.json`` from ``hkpolicy export --format json``, :meth:`Corpus.to_json`.

Every property the output always carries is required, no other property is allowed, and
exact numbers (amounts, percentages) are decimal strings: ``42``, a missing field or a float
amount fail validation.
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from pydantic import ConfigDict
from pydantic.json_schema import GenerateJsonSchema, models_json_schema
from pydantic_core import core_schema

from ._outputs import OUTPUTS
from ._summary import DECIMAL_PATTERN, DecimalText, IsoDate, Summary
from .corpus import Corpus
from .extraction import Extraction
from .spans import Record

__all__ = [
    "DECIMAL_PATTERN",
    "OUTPUTS",
    "ExtractRecord",
    "Summary",
    "json_schema",
]


def __dir__() -> list[str]:
    return __all__


# --- hkpolicy extract --format json / jsonl ---------------------------------------------------

RecordType = Literal[
    "money", "percentage", "date", "institution", "initiative", "funding", "sector_stat", "unparsed"
]


class ExtractRecord(Record):
    """One line of ``hkpolicy extract --format jsonl`` (one row of ``--format csv``): a mention
    or fact with its span and typed values. A value that does not apply to the type is null."""

    model_config = ConfigDict(title="ExtractRecord")

    type: RecordType
    start: int
    """Character offset where the span starts in the input text."""
    end: int
    """Character offset where the span ends."""
    text: str
    """The characters of the span."""
    value: str
    """The value as the table format shows it."""
    amount: DecimalText | None
    """Money: the amount (lower bound of a range); percentage: the value."""
    amount_max: DecimalText | None
    """Upper bound of a range."""
    currency: str | None
    """ISO 4217 code, for money and funding; "%" or "pp" for a percentage."""
    qualifier: str | None
    per: str | None
    converted_amount: DecimalText | None
    """The amount in ``--currency`` (the text's paired figure, or at the linked rate 7.80)."""
    converted_currency: str | None
    conversion_note: Literal["no rate", "too large to convert"] | None
    """Why an amount asked for in ``--currency`` has no converted value."""
    id: str | None
    """Institution or initiative id."""
    name: str | None
    initiative: str | None
    institution: str | None
    period: str | None
    """A date, fiscal year or range as text."""
    period_start: IsoDate | None
    """First day of the date, fiscal year or range."""
    period_end: IsoDate | None
    """Last day of the date, fiscal year or range."""


class _Contract(GenerateJsonSchema):
    """Pydantic's schema generator, with Decimal written as a decimal string pattern."""

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> dict[str, Any]:
        return {"type": "string", "pattern": DECIMAL_PATTERN}


def _required_everywhere(definitions: dict[str, Any]) -> None:
    """Mark every property required: ``model_dump_json`` writes every field, default or not."""
    for definition in definitions.values():
        properties = definition.get("properties")
        if definition.get("type") == "object" and properties:
            definition["required"] = list(properties)


def _extract_output(extraction: dict[str, Any]) -> dict[str, Any]:
    """The definition of ``hkpolicy extract --format json``: the Extraction's, with the
    ``converted`` list ``--currency`` adds."""
    extract = copy.deepcopy(extraction)
    extract["title"] = "ExtractOutput"
    extract["description"] = (
        "hkpolicy extract --format json: the Extraction, and with --currency the amounts "
        "converted to that currency."
    )
    extract["properties"]["converted"] = {
        "type": "array",
        "description": "With --currency: each money mention and funding fact whose amount "
        "has a value in that currency (the text's own figure or the linked rate 7.80).",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["type", "start", "end", "money", "note"],
            "properties": {
                "type": {"enum": ["money", "funding"]},
                "start": {"type": "integer"},
                "end": {"type": "integer"},
                "money": {"anyOf": [{"$ref": "#/$defs/Money"}, {"type": "null"}]},
                "note": {
                    "description": "Why money is null: no rate for the pair, or an amount "
                    "too large to convert.",
                    "enum": ["no rate", "too large to convert", None],
                },
            },
        },
    }
    return extract


def json_schema(output: str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of hkpolicy's JSON output.

    ``output`` is one of ``"extract"``, ``"record"``, ``"summary"`` or ``"export"`` (see the
    module docstring) for that output alone; None for a schema any of them validates against.
    Every model is under ``$defs``.

    :raises ValueError: ``output`` is not one of those names.

    >>> schema = json_schema("summary")
    >>> schema["$ref"], "Summary" in schema["$defs"]
    ('#/$defs/Summary', True)
    """
    if output is not None and output not in OUTPUTS:
        raise ValueError(f"Unknown output {output!r}: expected one of {', '.join(OUTPUTS)}")
    _, schema = models_json_schema(
        [
            (Corpus, "serialization"),
            (Extraction, "serialization"),
            (Summary, "serialization"),
            (ExtractRecord, "serialization"),
        ],
        title="hkpolicy",
        schema_generator=_Contract,
    )
    definitions: dict[str, Any] = schema["$defs"]
    extract = _extract_output(definitions["Extraction"])
    definitions["ExtractOutput"] = extract
    _required_everywhere(definitions)
    extract["required"] = [name for name in extract["properties"] if name != "converted"]
    result: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "hkpolicy",
    }
    if output is None:
        result["description"] = "Any JSON output of hkpolicy: " + ", ".join(OUTPUTS) + "."
        result["anyOf"] = [{"$ref": f"#/$defs/{name}"} for name in OUTPUTS.values()]
    else:
        result["description"] = definitions[OUTPUTS[output]].get("description", "")
        result["$ref"] = f"#/$defs/{OUTPUTS[output]}"
    result["$defs"] = definitions
    return result
