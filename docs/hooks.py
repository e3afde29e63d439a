"""mkdocs hooks for the hkpolicy site (listed under ``hooks:`` in mkdocs.yml).

1. Docstrings carry doctests, which Markdown would read as nested block quotes, and whose
   ``[...]`` output mkdocs-autorefs would take for cross-references (a strict-mode failure). A
   small Markdown preprocessor fences each doctest block as ``pycon`` code, and turns Sphinx
   roles (``:class:`Money```) into inline code. It is added to every Markdown instance,
   mkdocstrings' included; fenced blocks already in a page are left alone.
2. The example pages show the PNG of examples/plot_sectors.py. If
   docs/examples/sector_adoption.png is absent (it is not committed), the plot is rendered in
   memory with docs/gen_example_outputs.py and added to the site as a generated file.
"""

from __future__ import annotations

import re
from typing import Any

import gen_example_outputs
from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

_FENCE_RE = re.compile(r"^(\s*)(`{3,}|~{3,})")
_DOCTEST_RE = re.compile(r"^(\s*)>>>(?: |$)")
_ROLE_RE = re.compile(r":(?:py:)?(?:class|func|meth|mod|attr|exc|data|obj):`(~?)!?([^`]+)`")


def _role_as_code(match: re.Match[str]) -> str:
    """``:class:`~a.b.C``` shows as ``C``, as Sphinx would; otherwise the name as written."""
    name = match.group(2).rsplit(".", 1)[-1] if match.group(1) else match.group(2)
    return f"`{name}`"


class _DoctestPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence: str | None = None
        i = 0
        while i < len(lines):
            line = lines[i]
            opening = _FENCE_RE.match(line)
            if fence is not None:
                if (
                    opening
                    and opening.group(2)[0] == fence[0]
                    and len(opening.group(2)) >= len(fence)
                ):
                    fence = None
                out.append(line)
                i += 1
                continue
            if opening:
                fence = opening.group(2)
                out.append(line)
                i += 1
                continue
            doctest = _DOCTEST_RE.match(line)
            if doctest is None:
                out.append(_ROLE_RE.sub(_role_as_code, line))
                i += 1
                continue
            indent = doctest.group(1)
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i].removeprefix(indent))
                i += 1
            if out and out[-1].strip():
                out.append("")
            out += [f"{indent}```pycon", *(indent + b for b in block), f"{indent}```", ""]
        return out


class DoctestExtension(Extension):
    """Fence doctest blocks as ``pycon`` code; show Sphinx roles as inline code."""

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's method name
        # After whitespace normalisation (30), before the fenced-code preprocessor (25).
        md.preprocessors.register(_DoctestPreprocessor(md), "hkpolicy_doctest", 27)


@event_priority(100)  # before mkdocstrings reads the extension list
def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    config.markdown_extensions.append(DoctestExtension())  # type: ignore[arg-type]
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if files.get_file_from_path(gen_example_outputs.PLOT_URI) is None:
        try:
            png = gen_example_outputs.sector_plot_png()
        except RuntimeError as error:
            raise PluginError(str(error)) from error
        files.append(File.generated(config, gen_example_outputs.PLOT_URI, content=png))
    return files
