"""Generating the Simplified Chinese data from the Traditional, with OpenCC.

The registry's ``name_zh_hans`` and ``aliases_zh_hans`` fields and ``data/hans_chars.json`` are
generated, never edited by hand: after changing the registry's Chinese names or the vocabulary,
run ``python -m hkpolicy.entities.hans_build`` in a checkout (OpenCC comes with the test extra:
``pip install -e ".[test]"``). A test regenerates both and compares. The library reads the
generated data and never needs OpenCC at run time.

OpenCC's ``hk2s`` configuration converts Hong Kong Traditional text to Simplified, phrase by
phrase (創新及科技基金 -> 创新及科技基金, 香港科學園 -> 香港科学园).
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from . import vocabulary

__all__ = ["converter", "hans_chars_text", "main", "registry_text", "with_simplified"]

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def converter() -> Callable[[str], str]:
    """OpenCC's Hong Kong Traditional -> Simplified conversion."""
    try:
        opencc = importlib.import_module("opencc")
    except ImportError as exc:
        raise ImportError(
            "generating the Simplified data needs OpenCC: pip install -e '.[test]' "
            "(or pip install opencc)"
        ) from exc
    convert: Callable[[str], str] = opencc.OpenCC("hk2s").convert
    return convert


def _has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def _with_hans(row: Mapping[str, Any], convert: Callable[[str], str]) -> dict[str, Any]:
    out = {k: v for k, v in row.items() if k not in ("name_zh_hans", "aliases_zh_hans")}
    if row.get("name_zh"):
        out["name_zh_hans"] = convert(row["name_zh"])
    hans = [convert(a) for a in row.get("aliases", ()) if _has_han(a)]
    hans = [h for h in dict.fromkeys(hans) if h not in row.get("aliases", ())]
    if hans:
        out["aliases_zh_hans"] = hans
    return out


def with_simplified(raw: Mapping[str, Any], convert: Callable[[str], str]) -> dict[str, Any]:
    """The registry data with every Simplified field regenerated from the Traditional."""
    return {
        **raw,
        "institutions": [_with_hans(row, convert) for row in raw["institutions"]],
        "initiatives": [_with_hans(row, convert) for row in raw["initiatives"]],
    }


def registry_text(raw: Mapping[str, Any]) -> str:
    """The registry as stored: one entry a line, so a diff shows the entries that changed."""
    lines = ["{", f'  "schema_version": {json.dumps(raw["schema_version"])},']
    for key in ("institutions", "initiatives"):
        rows = [f"    {json.dumps(row, ensure_ascii=False)}" for row in raw[key]]
        lines += [f'  "{key}": [', ",\n".join(rows), "  ]" + ("," if key == "institutions" else "")]
    return "\n".join([*lines, "}"]) + "\n"


def _traditional_text(raw: Mapping[str, Any]) -> Iterable[str]:
    for key in ("institutions", "initiatives"):
        for row in raw[key]:
            yield row.get("name_zh") or ""
            yield from row.get("aliases", ())
    for name in dir(vocabulary):
        if name.isupper():
            value = getattr(vocabulary, name)
            yield repr(getattr(value, "pattern", value))


def hans_chars(raw: Mapping[str, Any], convert: Callable[[str], str]) -> dict[str, str]:
    """Simplified -> Traditional for every Han character of the registry and the vocabulary.
    Where two Traditional characters share a Simplified one, the more frequent wins; a
    Simplified character that is itself used as Traditional is left alone."""
    counts = Counter(ch for text in _traditional_text(raw) for ch in _HAN.findall(text))
    table: dict[str, str] = {}
    for ch, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        simple = convert(ch)
        if len(simple) == 1 and simple != ch and simple not in counts:
            table.setdefault(simple, ch)
    return dict(sorted(table.items()))


def hans_chars_text(table: Mapping[str, str]) -> str:
    """``hans_chars.json`` as stored."""
    body = json.dumps({"chars": table}, ensure_ascii=False, indent=0, sort_keys=True)
    return body + "\n"


def main(argv: list[str] | None = None) -> int:
    """Rewrite ``registry.json`` and ``hans_chars.json`` in this checkout's data directory."""
    del argv
    data = Path(__file__).resolve().parent.parent / "data"
    registry_path = data / "registry.json"
    raw = json.loads(registry_path.read_text(encoding="utf-8"))
    convert = converter()
    updated = with_simplified(raw, convert)
    registry_path.write_text(registry_text(updated), encoding="utf-8")
    table = hans_chars(updated, convert)
    (data / "hans_chars.json").write_text(hans_chars_text(table), encoding="utf-8")
    sys.stderr.write(f"wrote {registry_path} and {data / 'hans_chars.json'}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
