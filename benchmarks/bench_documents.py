"""load_document and find_text_tables: speed and scaling of the HTML, PDF and plain-text readers.

Run: ``python -m benchmarks.bench_documents``. Prints one line per measurement and asserts nothing
about time. Needs the ``html`` and ``pdf`` extras, and reportlab (the ``test`` extra) to write the
PDFs; a missing one is reported as such.

Measured:

- HTML: a release-shaped page (prose paragraphs, a table of approvals, menus and a footer)
  repeated to 0.1 and 1 MB, through ``load_document``, with the 1 MB / 0.1 MB time ratio
  (about 10 means linear);
- PDF: a generated paper of 10 and 40 pages (prose and a ruled table per page), seconds per page;
- plain text: flattened tables between prose lines at 1 and 10 MB through ``find_text_tables``,
  with the ratio.
"""

from __future__ import annotations

import gc
import importlib.util
import io
import json
import time
from typing import Any

from benchmarks._harness import megabytes, sized

SECTION = (
    "<p>The Government will set aside $2 billion for the Innovation and Technology Fund in "
    "2024-25, and the Commission approved 96 projects under the Partnership Research Programme."
    "</p><table><tr><th>Scheme</th><th>Projects</th><th>Funds Approved (HK$ million)</th></tr>"
    "<tr><td>Partnership Research Programme</td><td>96</td><td>402.7</td></tr>"
    "<tr><td>Enterprise Support Scheme</td><td>41</td><td>118.3</td></tr></table>\n"
)
FLATTENED = (
    "Approvals in the year are set out below.\n"
    "Scheme Projects Funds Approved (HK$ million)\n"
    "Partnership Research Programme 96 402.7\n"
    "Enterprise Support Scheme 41 118.3\n\n"
)


def _page(size_mb: float) -> bytes:
    body = sized(SECTION, size_mb)
    body = body[: body.rfind("</table>") + len("</table>")]
    return (
        "<html lang='en'><head><title>Release</title></head><body><nav>Home | Archive</nav>"
        f"<main>{body}</main><footer>Important notices</footer></body></html>"
    ).encode()


def _pdf(pages: int) -> bytes:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    style = ParagraphStyle("en", fontName="Helvetica", fontSize=11, leading=14)
    story: list[Any] = []
    for _ in range(pages):
        story.append(
            Paragraph("The Government will set aside HK$2 billion for the Fund. " * 8, style)
        )
        story.append(
            Table(
                [["Scheme", "Projects", "Funds Approved (HK$ million)"],
                 ["Partnership Research Programme", "96", "402.7"]],
                style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]),
            )
        )  # fmt: skip
        story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(story)
    return buffer.getvalue()


def _seconds(fn: Any, arg: Any) -> float:
    gc.collect()
    started = time.perf_counter()
    fn(arg)
    return time.perf_counter() - started


def _missing(*modules: str) -> list[str]:
    return [m for m in modules if importlib.util.find_spec(m) is None]


def run() -> list[dict[str, object]]:
    """Every measurement as a dict: ``{"measure", "library", ...figures}``."""
    from hkpolicy.documents import load_document
    from hkpolicy.text_tables import find_text_tables

    results: list[dict[str, object]] = []
    if _missing("selectolax"):
        results.append({"measure": "available", "library": "selectolax", "installed": False})
    else:
        times = {}
        for size in (0.1, 1.0):
            page = _page(size)
            times[size] = _seconds(load_document, page)
            results.append(
                {
                    "measure": "throughput",
                    "library": "hkpolicy.load_document (html)",
                    "megabytes": round(len(page) / 1e6, 2),
                    "seconds": round(times[size], 3),
                    "mb_per_s": round(len(page) / 1e6 / times[size], 2),
                }
            )
        results.append(
            {
                "measure": "scaling",
                "library": "hkpolicy.load_document (html)",
                "ratio_1mb_0.1mb": round(times[1.0] / times[0.1], 1),
            }
        )
    if _missing("pdfplumber", "reportlab"):
        missing = ", ".join(_missing("pdfplumber", "reportlab"))
        results.append({"measure": "available", "library": missing, "installed": False})
    else:
        for pages in (10, 40):
            data = _pdf(pages)
            elapsed = _seconds(load_document, data)
            results.append(
                {
                    "measure": "throughput",
                    "library": "hkpolicy.load_document (pdf)",
                    "pages": pages,
                    "seconds": round(elapsed, 3),
                    "seconds_per_page": round(elapsed / pages, 4),
                }
            )
    text_times = {}
    for size in (1, 10):
        text = sized(FLATTENED, size)
        text_times[size] = _seconds(find_text_tables, text)
        results.append(
            {
                "measure": "throughput",
                "library": "hkpolicy.find_text_tables",
                "megabytes": round(megabytes(text), 2),
                "seconds": round(text_times[size], 3),
                "mb_per_s": round(megabytes(text) / text_times[size], 2),
            }
        )
    results.append(
        {
            "measure": "scaling",
            "library": "hkpolicy.find_text_tables",
            "ratio_10mb_1mb": round(text_times[10] / text_times[1], 1),
        }
    )
    return results


def main() -> None:
    for result in run():
        print(json.dumps(result, ensure_ascii=False))  # a benchmark script prints its figures


if __name__ == "__main__":
    main()
