"""The JSON outputs of hkpolicy that have a schema of their own, by name.

Owns :data:`OUTPUTS`, read by :func:`hkpolicy.schema.json_schema` and by the command line's
``hkpolicy schema OUTPUT`` choices; it imports nothing, so the command line starts light.
"""

from __future__ import annotations

__all__ = ["OUTPUTS"]


def __dir__() -> list[str]:
    return __all__


OUTPUTS: dict[str, str] = {
    "extract": "ExtractOutput",
    "record": "ExtractRecord",
    "summary": "Summary",
    "export": "Corpus",
}
"""Each output's name, and the schema definition that is its root."""
