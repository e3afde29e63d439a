"""The package's imports go one way, down a declared order of layers, and no module reaches into
another module's private names.

Every module under ``src/hkpolicy`` is parsed with :mod:`ast` and every import of an hkpolicy
module is counted wherever it is written: at the top, inside a function, or under
``TYPE_CHECKING`` (a type-only import is still a dependency a reader has to follow).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "hkpolicy"

# The layers, bottom to top. A module may import modules of its own layer or of a lower one.
# A name ending in "." stands for every module of that package (and the package itself).
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "foundations",
        frozenset(
            {
                "errors",
                "_version",
                "_lexicon",
                "_numerals",
                "_html",
                "_sentences",
                "_date_patterns",
                "_table_scanner",
                "_funding_cues",
                "_text",
                "entities.hans",
                "data",
                "_outputs",
            }
        ),
    ),
    ("spans and units", frozenset({"spans", "units"})),
    (
        "value models",
        frozenset(
            {
                "_values",
                "_money_patterns",
                "_money_lexer",
                "_money_units",
                "_money_quiet",
                "_money_candidates",
                "_money_build",
                "_percent_patterns",
                "_percent_numbers",
                "_percent_cues",
                "_scanning",
                "_date_values",
            }
        ),
    ),
    (
        "scanners",
        frozenset(
            {
                "money",
                "percent",
                "dates",
                "_date_scan",
                "abbrev",
                "boilerplate",
                "language",
                "tables",
                "_table_cells",
                "_sector_stat",
                "text_tables",
                "entities.",
                "documents.origin",
                "documents._source",
                "documents._builder",
                "documents.html",
                "documents.pdf",
            }
        ),
    ),
    (
        "facts",
        frozenset(
            {
                "facts",
                "_funding",
                "_funding_context",
                "_funding_period",
                "_funding_purpose",
                "_funding_records",
                "_funding_refusals",
                "_funding_targets",
                "_funding_text",
                "_funding_units",
                "_prose_stats",
                "_table_funding",
            }
        ),
    ),
    ("extraction", frozenset({"extraction"})),
    (
        "documents",
        frozenset({"_document", "documents", "_sources", "_catalog", "_rows", "_summary"}),
    ),
    (
        "collections of documents",
        frozenset(
            {
                "corpus",
                "_frames",
                "store",
                "_store_layout",
                "_store_rows",
                "_store_db",
                "_store_index",
                "parallel",
                "dask",
                "schema",
            }
        ),
    ),
    (
        "command line and package",
        frozenset({"cli", "_cli_commands", "_cli_records", "_cli_text", "__main__", ""}),
    ),
)

# Imports allowed to break the rules: (importer, imported, private name or "" for a layer
# breach). Empty, and it may only stay so: a new entry needs a reason written beside it.
ALLOWED_BREACHES: frozenset[tuple[str, str, str]] = frozenset()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(module: str) -> Iterator[tuple[str, str]]:
    """``(imported module, name)`` for every hkpolicy import in ``module``, anywhere in it;
    ``name`` is empty for ``import x``. Importing a submodule counts as importing that module."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".") if package else []
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module and (node.module + ".").startswith("hkpolicy."):
                target = node.module.removeprefix("hkpolicy").lstrip(".")
            else:
                continue
            for alias in node.names:
                submodule = f"{target}.{alias.name}".lstrip(".")
                if submodule in MODULES:
                    yield submodule, ""
                else:
                    yield target, alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if (alias.name + ".").startswith("hkpolicy."):
                    yield alias.name.removeprefix("hkpolicy").lstrip("."), ""


GRAPH = {
    module: {target for target, _ in _imports(module) if target in MODULES and target != module}
    for module in MODULES
}


def _layer(module: str) -> int:
    for number, (_, members) in enumerate(LAYERS):
        if module in members or any(
            member.endswith(".") and (module + ".").startswith(member) for member in members
        ):
            return number
    raise AssertionError(f"hkpolicy.{module} is in no layer: add it to LAYERS")


def _cycles() -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        for target in sorted(GRAPH[module]):
            if target not in order:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], order[target])
        if low[module] == order[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in order:
            visit(module)
    return found


def test_the_graph_sees_imports_inside_functions_and_type_checking_blocks() -> None:
    assert "_document" in GRAPH["documents"]  # imported inside load_document
    assert "extraction" in GRAPH["_store_rows"]  # imported under TYPE_CHECKING
    assert "entities.hans" in GRAPH["language"]  # imported as a submodule


def test_no_import_cycles_between_modules() -> None:
    assert _cycles() == []


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        _layer(module)


@pytest.mark.parametrize("module", sorted(MODULES), ids=lambda m: m or "hkpolicy")
def test_imports_go_to_the_same_layer_or_below(module: str) -> None:
    upward = [
        f"{module} ({LAYERS[_layer(module)][0]}) imports {target} ({LAYERS[_layer(target)][0]})"
        for target in sorted(GRAPH[module])
        if _layer(target) > _layer(module) and (module, target, "") not in ALLOWED_BREACHES
    ]
    assert upward == []


@pytest.mark.parametrize("module", sorted(MODULES), ids=lambda m: m or "hkpolicy")
def test_no_private_names_imported_from_another_module(module: str) -> None:
    private = [
        f"{module} imports {name} from {target}"
        for target, name in _imports(module)
        if name.startswith("_")
        and not (name.startswith("__") and name.endswith("__"))
        and (module, target, name) not in ALLOWED_BREACHES
    ]
    assert private == []


def test_every_allowed_breach_still_happens() -> None:
    """An entry fixed elsewhere leaves the list, so the list only shrinks."""
    seen = {(m, t, n) for m in MODULES for t, n in _imports(m) if n.startswith("_")}
    seen |= {(m, t, "") for m in MODULES for t in GRAPH[m] if _layer(t) > _layer(m)}
    assert sorted(ALLOWED_BREACHES - seen) == []
