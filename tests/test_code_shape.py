"""The shape the code keeps: modules a reader can hold, functions that fit on a screen, and no
vocabulary or field order kept in step by hand."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import hkpolicy

PACKAGE = Path(hkpolicy.__file__).resolve().parent
SOURCES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 700
MAX_FUNCTION_LINES = 60


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("path", SOURCES, ids=_name)
def test_no_module_is_longer_than_the_limit(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{_name(path)} has {lines} lines"


@pytest.mark.parametrize("path", SOURCES, ids=_name)
def test_no_function_is_longer_than_the_limit(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    too_long = [
        (node.name, node.lineno, node.end_lineno - node.lineno + 1)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert too_long == []


@pytest.mark.parametrize("path", SOURCES, ids=_name)
def test_nothing_is_kept_in_step_by_hand_or_generated_with_exec(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert "keep in sync" not in source.lower()
    calls = [
        node.func.id
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    ]
    assert "exec" not in calls and "eval" not in calls
