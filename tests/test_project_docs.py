"""The project's own pages: the API reference covers every public name once, grouped by task and
starting with what users call; the architecture page covers every module; the license,
changelog and contributing guide exist and agree with the package metadata."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
REFERENCE_PAGES = [DOCS / "api.md", *sorted((DOCS / "reference").glob("*.md"))]
PACKAGE = ROOT / "src" / "hkpolicy"
# The public modules: each top-level module and package not named with "_" (hkpolicy.money,
# hkpolicy.documents). A package's own modules are covered through what its __init__ exports.
PUBLIC_MODULES = sorted(
    p.stem if p.is_file() else p.name
    for p in PACKAGE.iterdir()
    if not p.name.startswith("_")
    and (p.suffix == ".py" or (p / "__init__.py").is_file())
    and p.name != "data"
)
BOX_COLUMNS = 72
ENTRY_RE = re.compile(r"^::: (hkpolicy\.[\w.]+)$", re.MULTILINE)

# What a new user calls first, in the order the reference's first page documents it.
FIRST_CALLS = [
    "hkpolicy.extraction.extract",
    "hkpolicy.parallel.extract_many",
    "hkpolicy.corpus.load_corpus",
    "hkpolicy.documents.load_document",
    "hkpolicy.money.parse_money",
    "hkpolicy.percent.parse_percentage",
]


def _entries() -> list[str]:
    return [e for page in REFERENCE_PAGES for e in ENTRY_RE.findall(page.read_text("utf-8"))]


def _resolve(path: str) -> object:
    module_name, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module_name), name)


def _public_callables() -> dict[int, str]:
    """id() of every public function and class -> the first name it is exported under (a
    re-export, such as hkpolicy.documents.Origin, is the same object as its original)."""
    found: dict[int, str] = {}
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(f"hkpolicy.{module_name}")
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            ours = getattr(value, "__module__", "").startswith("hkpolicy")
            if ours and (inspect.isclass(value) or callable(value)):
                found.setdefault(id(value), f"hkpolicy.{module_name}.{name}")
    return found


def test_every_public_function_and_class_has_one_reference_entry() -> None:
    entries = _entries()
    documented = [id(_resolve(entry)) for entry in entries]
    duplicated = sorted(
        {e for e, i in zip(entries, documented, strict=True) if documented.count(i) > 1}
    )
    assert not duplicated, f"documented twice: {duplicated}"
    public = _public_callables()
    missing = sorted(name for key, name in public.items() if key not in set(documented))
    assert not missing, f"no API reference entry: {missing}"


def test_the_reference_starts_with_what_users_call() -> None:
    first_page = ENTRY_RE.findall((DOCS / "api.md").read_text("utf-8"))
    assert first_page[: len(FIRST_CALLS)] == FIRST_CALLS
    assert "hkpolicy.money.find_money" in first_page
    assert all("Document" not in entry for entry in first_page)


def test_reference_pages_are_in_the_navigation_grouped_by_task() -> None:
    nav = (ROOT / "mkdocs.yml").read_text("utf-8")
    for page in REFERENCE_PAGES:
        assert str(page.relative_to(DOCS)) in nav, page.name
    for page in ("architecture.md", "changelog.md", "contributing.md", "license.md"):
        assert page in nav


def test_home_page_code_fits_its_box() -> None:
    # Rendered at 1280 pixels, a code box on the home page shows about 77 monospace columns: the
    # first command (70) fits, the second (90, before it was split) overflowed.
    page = (DOCS / "index.md").read_text("utf-8")
    for block in re.findall(r"```\w*\n(.*?)```", page, re.DOTALL):
        for line in block.splitlines():
            assert len(line) <= BOX_COLUMNS, line


def test_architecture_page_has_a_picture_and_a_paragraph_per_module() -> None:
    page = (DOCS / "architecture.md").read_text("utf-8")
    assert "```text" in page  # the flow, drawn
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    modules += sorted(f"{p.name}/" for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    paragraphs = page.split("## The modules", 1)[1]
    missing = [name for name in modules if f"`{name}`" not in paragraphs]
    assert not missing, f"no paragraph names {missing}"


def test_license_changelog_and_contributing_exist_and_agree_with_the_metadata() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    license_text = (ROOT / "LICENSE").read_text("utf-8")
    assert project["license"] == "MIT"
    assert license_text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in license_text
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert "## Unreleased" in changelog
    version = importlib.import_module("hkpolicy").__version__
    assert f"## {version}" in changelog
    contributing = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    assert 'pip install -e ".[test]"' in contributing
    sdist = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["hatch"]
    assert {"LICENSE", "CHANGELOG.md", "CONTRIBUTING.md"} <= set(
        sdist["build"]["targets"]["sdist"]["include"]
    )


@pytest.mark.parametrize("page", ["changelog.md", "contributing.md", "license.md"])
def test_project_pages_on_the_site_include_the_files(page: str) -> None:
    text = (DOCS / page).read_text("utf-8")
    assert re.search(r'--8<-- "(CHANGELOG\.md|CONTRIBUTING\.md|LICENSE)"', text)
