"""HTML pages to documents: main content, tables, metadata, and the map back to each element.

Owns :func:`read_html`. The page is parsed with selectolax (its Lexbor backend); the main content
is chosen and cleaned by the rules below, kept as data so callers can extend them:

1. the content root is the first of :data:`CONTENT_SELECTORS` that holds text (``main``,
   ``[role=main]``, one ``article``, the government press release body ...), else ``body``;
2. inside it, :data:`SKIPPED_TAGS`, :data:`SKIPPED_ROLES`, hidden elements, and elements whose
   ``class`` or ``id`` has a word from :data:`SKIPPED_NAME_WORDS` ("nav", "menu", "footer",
   "breadcrumb" ...) are dropped with everything inside them;
3. block elements end a line, paragraphs and headings end a paragraph, ``<br>`` ends a line;
4. each ``<table>`` is written as a GFM pipe table (header rows merged, multi-line cells joined),
   so the usual table reader types its cells and applies header units such as "HK$ million".

Every run of text keeps an :class:`~hkpolicy.documents.origin.Origin`: the CSS path of the
element it came from and where it starts in that element's text content. Nothing outside the
given bytes is read: links, images, stylesheets and scripts are never fetched.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlparse

import regex

from ..errors import DocumentError
from ._builder import CellText, Loaded, TextBuilder, is_unit_row
from ._source import Source, decode_text, require

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = [
    "CONTENT_SELECTORS",
    "SKIPPED_NAME_WORDS",
    "SKIPPED_ROLES",
    "SKIPPED_TAGS",
    "read_html",
]


def __dir__() -> list[str]:
    return __all__


# Where the main content is, most specific first. The Hong Kong Government's press releases keep
# their body in #pressrelease; a headline sits outside it and is taken from the page title.
CONTENT_SELECTORS = (
    "main",
    "[role=main]",
    "#pressrelease",
    "article",
    "#content",
    "#main-content",
    "#maincontent",
    "#main",
    ".content",
)

# Elements never part of the main content, with everything inside them.
SKIPPED_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "canvas", "nav", "aside", "footer",
        "form", "button", "select", "textarea", "input", "iframe", "menu", "dialog", "object",
        "embed", "head", "title", "meta", "link",
    }
)  # fmt: skip
# ARIA landmarks and widgets that are navigation or page furniture.
SKIPPED_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "menu", "menubar", "search", "complementary", "dialog"}
)
# Words in a class or id (split on spaces, "-" and "_") that mark page furniture.
SKIPPED_NAME_WORDS = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "sidebar",
        "share", "sharing", "social", "cookie", "cookies", "skip", "skiplink", "pagination",
        "pager", "related", "subscribe", "banner", "toolbar", "lang", "langbar", "header",
    }
)  # fmt: skip

# Elements that start and end a line of their own.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
        "header", "hr", "li", "main", "ol", "pre", "section", "ul", "tr", "caption", "center",
    }
)  # fmt: skip
# Elements followed by a blank line.
PARAGRAPH_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"})

# The language links of a bilingual page: the twin's anchor text.
TWIN_LINK_TEXTS = frozenset(
    {"中文", "繁體", "繁體版", "繁", "繁體中文", "简体", "簡體", "简体版", "簡體版", "简", "簡",
     "english", "eng", "en"}
)  # fmt: skip

# A page may give its own date in these meta tags, first found wins.
DATE_META = (
    "article:published_time",
    "date",
    "dcterms.issued",
    "dcterms.date",
    "dc.date",
    "dc.date.issued",
    "pubdate",
    "publishdate",
)

# The close of a government press release: "Ends/Friday, March 1, 2024" or
# "完\n2024年3月1日（星期五）".
_ENDS_EN_RE = regex.compile(
    r"\bEnds\s*/\s*(?:[A-Z][a-z]+day\s*,\s*)?(?P<date>[A-Z][a-z]+\s+\d{1,2}\s*,\s*\d{4})"
)
_ENDS_ZH_RE = regex.compile(
    r"完\s*/?\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
)
_ISO_DATE_RE = regex.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_NAME_SPLIT_RE = regex.compile(r"[\s_-]+")


def read_html(source: Source, *, url: str | None = None) -> Loaded:
    """The main content of an HTML page as text with origins, and the page's metadata.

    :raises DocumentError: the page has no main content (no text outside navigation, menus and
        page furniture).
    :raises MissingExtraError: selectolax (the ``html`` extra) is not installed.
    """
    lexbor = require(
        "selectolax.lexbor", extra="html", package="selectolax", feature="Reading HTML"
    )
    markup = decode_text(source, html=True)
    tree: LexborHTMLParser = lexbor.LexborHTMLParser(markup)
    root = _content_root(tree)
    if root is None:
        raise DocumentError(
            source.name, f"{source.name!r} has no main content: the page has no body"
        )
    reader = _Reader(tree)
    builder = TextBuilder()
    reader.walk(root, builder)
    text, origins = builder.build()
    if not text.strip():
        raise DocumentError(
            source.name,
            f"{source.name!r} has no main content: no text outside navigation, menus and footers",
        )
    metadata = _metadata(tree, text, url)
    return Loaded(text, origins, metadata, reader.warnings)


# ---------------------------------------------------------------------------------------------
# Main content


def _skipped(node: LexborNode) -> bool:
    tag = node.tag or ""
    if tag in SKIPPED_TAGS:
        return True
    attributes = node.attributes
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    role = (attributes.get("role") or "").lower()
    if role in SKIPPED_ROLES:
        return True
    style = (attributes.get("style") or "").replace(" ", "").lower()
    if "display:none" in style:
        return True
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
    words = set(_NAME_SPLIT_RE.split(names)) - {""}
    if words & SKIPPED_NAME_WORDS:
        # A page header that holds the headline is content ("header" class around an h1).
        return not (
            words <= {"header", "page", "article", "entry", "post"} and node.css_first("h1")
        )
    return False


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    for selector in CONTENT_SELECTORS:
        found = [n for n in tree.css(selector) if n.text(deep=True).strip()]
        if selector == "article" and len(found) > 1:
            continue  # a list of teasers, not one article: fall back to the body
        if found:
            return found[0]
    return tree.body


class _Reader:
    """Walks the content root once, without recursion (pages nest deeply)."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree
        self.warnings: list[str] = []
        self._lengths: dict[int, int] = {}
        self._paths: dict[int, str] = {}
        self._positions: dict[int, dict[int, int]] = {}

    # Length of each element's text content, computed bottom-up once.
    def _length(self, node: LexborNode) -> int:
        known = self._lengths.get(node.mem_id)
        if known is not None:
            return known
        order: list[LexborNode] = []
        stack = [node]
        while stack:
            current = stack.pop()
            order.append(current)
            stack.extend(c for c in current.iter(include_text=True) if c.is_element_node)
        for current in reversed(order):
            total = 0
            for child in current.iter(include_text=True):
                if child.is_text_node:
                    total += len(child.text(deep=False))
                elif child.is_element_node:
                    total += self._lengths[child.mem_id]
            self._lengths[current.mem_id] = total
        return self._lengths[node.mem_id]

    def path(self, node: LexborNode) -> str:
        """The CSS path of an element: ``tag:nth-child(k)`` steps from ``html``."""
        known = self._paths.get(node.mem_id)
        if known is not None:
            return known
        chain: list[LexborNode] = []  # the node and its ancestors whose path is not known yet
        current: LexborNode | None = node
        while current is not None and current.is_element_node and current.mem_id not in self._paths:
            chain.append(current)
            current = current.parent
        for element in reversed(chain):
            parent = element.parent
            if parent is None or not parent.is_element_node:
                self._paths[element.mem_id] = element.tag or "*"
                continue
            positions = self._positions.get(parent.mem_id)
            if positions is None:  # every sibling's position at once: linear in the siblings
                positions = {
                    child.mem_id: number
                    for number, child in enumerate(parent.iter(include_text=False), 1)
                }
                self._positions[parent.mem_id] = positions
            step = f"{element.tag}:nth-child({positions[element.mem_id]})"
            self._paths[element.mem_id] = f"{self._paths[parent.mem_id]} > {step}"
        return self._paths[node.mem_id]

    def walk(self, root: LexborNode, builder: TextBuilder) -> None:
        """Write ``root``'s content into ``builder``."""
        self._length(root)
        # Events: ("open", node) writes a node and queues its children; ("close", tag) ends it.
        stack: list[tuple[str, Any]] = [("open", root)]
        while stack:
            event, item = stack.pop()
            if event == "close":
                if item in PARAGRAPH_TAGS:
                    builder.paragraph_break()
                elif item in BLOCK_TAGS:
                    builder.line_break()
                elif item in ("td", "th"):
                    builder.space()
                continue
            if event == "text":
                element, text, offset = item
                builder.add(text, element=element, offset=offset)
                continue
            node: LexborNode = item
            tag = node.tag or ""
            if node is not root and _skipped(node):
                continue
            if tag == "br":
                builder.line_break()
                continue
            if tag == "table" and not builder.inline and not _is_layout_table(node):
                self._table(node, builder)
                continue
            if tag in PARAGRAPH_TAGS:
                builder.paragraph_break()
            elif tag in BLOCK_TAGS:
                builder.line_break()
            stack.append(("close", tag))
            stack.extend(reversed(self._children(node)))

    def _children(self, node: LexborNode) -> list[tuple[str, Any]]:
        events: list[tuple[str, Any]] = []
        offset = 0
        path: str | None = None
        for child in node.iter(include_text=True):
            if child.is_text_node:
                text = child.text(deep=False)
                if text.strip():
                    path = path or self.path(node)
                    events.append(("text", (path, text, offset)))
                offset += len(text)
            elif child.is_element_node:
                events.append(("open", child))
                offset += self._lengths.get(child.mem_id, 0) or self._length(child)
        return events

    def _cell(self, node: LexborNode) -> CellText:
        builder = TextBuilder(inline=True)
        self.walk(node, builder)
        text, origins = builder.build()
        return CellText(text, origins)

    def _table(self, table: LexborNode, builder: TextBuilder) -> None:
        rows: list[tuple[bool, list[CellText]]] = []  # (header row?, cells)
        for row in _rows(table):
            cells: list[CellText] = []
            all_th = True
            in_head = row.parent is not None and row.parent.tag == "thead"
            for cell in row.iter(include_text=False):
                if cell.tag not in ("td", "th") or _skipped(cell):
                    continue
                all_th = all_th and cell.tag == "th"
                content = self._cell(cell)
                span = _colspan(cell)
                cells.append(content)
                # A header spanning columns names each; a body cell fills the first of them.
                cells.extend([content if cell.tag == "th" or in_head else CellText()] * (span - 1))
            if cells:
                rows.append((in_head or all_th, cells))
        if not rows:
            return
        caption = table.css_first("caption")
        if caption is not None and not _skipped(caption):
            builder.paragraph_break()
            self.walk(caption, builder)
            builder.paragraph_break()
        header_rows = 1
        while header_rows < len(rows) and rows[header_rows][0] and rows[0][0]:
            header_rows += 1
        # A row of units under the header ("(HK$ million)") belongs to the header.
        while header_rows < len(rows) and is_unit_row(rows[header_rows][1]):
            header_rows += 1
        header = _merged_header([cells for _, cells in rows[:header_rows]])
        builder.add_table(header, [cells for _, cells in rows[header_rows:]])


# A cell holding more text than this is page layout (a column of an old table-based page).
MAX_DATA_CELL_CHARS = 400


def _is_layout_table(table: LexborNode) -> bool:
    """True for a table used to lay out a page, read as ordinary blocks: it says so
    (role="presentation"), holds another table, or has a cell as long as an article."""
    if (table.attributes.get("role") or "").lower() in ("presentation", "none"):
        return True
    if any(inner.mem_id != table.mem_id for inner in table.css("table")):
        return True
    return any(len(cell.text(deep=True)) > MAX_DATA_CELL_CHARS for cell in table.css("td, th"))


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows (thead, tbody, tfoot or bare), not those of tables nested in it."""
    rows: list[LexborNode] = []
    for child in table.iter(include_text=False):
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child.iter(include_text=False) if r.tag == "tr")
    return rows


# Widest colspan honoured: a hostile colspan=100000 must not build 100,000 cells.
MAX_COLSPAN = 64


def _colspan(cell: LexborNode) -> int:
    value = (cell.attributes.get("colspan") or "1").strip()
    return min(MAX_COLSPAN, int(value)) if value.isdigit() and int(value) > 0 else 1


def _merged_header(rows: Sequence[Sequence[CellText]]) -> list[CellText]:
    width = max(len(row) for row in rows)
    merged = [CellText() for _ in range(width)]
    for row in rows:
        previous: CellText | None = None
        for index, cell in enumerate(row):
            if previous is not None and cell is previous:
                merged[index] = merged[index].joined(cell)
                continue
            merged[index] = merged[index].joined(cell)
            previous = cell
    return merged


# ---------------------------------------------------------------------------------------------
# Metadata


def _meta(tree: LexborHTMLParser, *names: str) -> str | None:
    for node in tree.css("meta"):
        attributes = node.attributes
        key = (attributes.get("name") or attributes.get("property") or "").lower()
        if key in names:
            content = (attributes.get("content") or "").strip()
            if content:
                return content
    return None


def _language(tree: LexborHTMLParser, text: str) -> str:
    html = tree.css_first("html")
    declared = (html.attributes.get("lang") if html is not None else None) or _meta(
        tree, "language", "content-language", "og:locale", "dc.language"
    )
    if declared:
        return normalise_language(declared)
    from ..language import detect_language

    return detect_language(text)


def normalise_language(tag: str) -> str:
    """A page's language tag as the corpus writes it: "en", "zh-Hant" or "zh-Hans"."""
    lowered = tag.strip().replace("_", "-").lower()
    if lowered.startswith("zh"):
        if any(part in lowered for part in ("hans", "-cn", "-sg", "chs")):
            return "zh-Hans"
        return "zh-Hant"
    return lowered.split("-")[0] or "en"


def _linked_data(tree: LexborHTMLParser) -> dict[str, Any]:
    """The first schema.org article in the page's JSON-LD (news sites put their metadata there):
    ``datePublished``, ``headline``, ``publisher`` and ``author``; ``{}`` when none is readable."""
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text(deep=True))
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data])
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and ("datePublished" in item or "headline" in item):
                return item
    return {}


def _name(value: Any) -> str | None:
    """A JSON-LD person or organisation (a name, an object with one, or a list of them)."""
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() or None if isinstance(value, str) else None


def _date(tree: LexborHTMLParser, text: str, linked: dict[str, Any]) -> dt.date | None:
    published = linked.get("datePublished")
    candidates = [published if isinstance(published, str) else None, _meta(tree, *DATE_META)]
    time = tree.css_first("time[datetime]")
    if time is not None:
        candidates.append(time.attributes.get("datetime"))
    for value in candidates:
        if value:
            match = _ISO_DATE_RE.match(value)
            if match:
                try:
                    return dt.date(int(match[1]), int(match[2]), int(match[3]))
                except ValueError:
                    pass
    ends = _ENDS_EN_RE.search(text)
    if ends:
        try:
            return dt.datetime.strptime(
                " ".join(ends["date"].replace(",", " , ").split()), "%B %d , %Y"
            ).date()
        except ValueError:
            pass
    ends_zh = _ENDS_ZH_RE.search(text)
    if ends_zh:
        try:
            return dt.date(int(ends_zh["y"]), int(ends_zh["m"]), int(ends_zh["d"]))
        except ValueError:
            pass
    return None


def _twin(tree: LexborHTMLParser, language: str, base: str | None) -> str | None:
    """The release in the other language (English for a Chinese page, Chinese for an English
    one): an alternate link, else a language switch link ("中文", "繁體版", "English")."""
    own = language.split("-")[0]
    for node in tree.css("link[rel=alternate][hreflang]"):
        href = node.attributes.get("href")
        other = normalise_language(node.attributes.get("hreflang") or "")
        if href and other.split("-")[0] != own:
            return urljoin(base, href) if base else href
    for node in tree.css("a[href]"):
        label = " ".join(node.text(deep=True).split()).lower()
        declared = node.attributes.get("hreflang") or node.attributes.get("lang")
        if declared:
            other = normalise_language(declared)
        elif label in TWIN_LINK_TEXTS:
            other = "en" if label in ("english", "eng", "en") else "zh"
        else:
            continue
        href = node.attributes.get("href")
        if other.split("-")[0] != own and href and not href.startswith(("#", "javascript:")):
            return urljoin(base, href) if base else href
    return None


def _metadata(tree: LexborHTMLParser, text: str, url: str | None) -> dict[str, Any]:
    canonical = tree.css_first("link[rel=canonical]")
    page_url = (
        url
        or (canonical.attributes.get("href") if canonical is not None else None)
        or _meta(tree, "og:url")
    )
    linked = _linked_data(tree)
    headline = linked.get("headline")
    title_node = tree.css_first("title")
    title = (
        (headline.strip() if isinstance(headline, str) else None)
        or _meta(tree, "og:title", "dc.title")
        or (" ".join(title_node.text(deep=True).split()) if title_node is not None else None)
    )
    if not title:
        heading = tree.css_first("h1")
        title = " ".join(heading.text(deep=True).split()) if heading is not None else None
    language = _language(tree, text)
    publisher = _name(linked.get("publisher")) or _meta(
        tree, "publisher", "og:site_name", "dc.publisher", "dcterms.publisher"
    )
    twin = _twin(tree, language, page_url)
    host = urlparse(page_url or twin or "").netloc.lower()
    if publisher is None and host.endswith("info.gov.hk"):
        publisher = "Hong Kong SAR Government"
    return {
        "title": title or None,
        "author": _name(linked.get("author")) or _meta(tree, "author", "dc.creator"),
        "publisher": publisher,
        "published": _date(tree, text, linked),
        "language": language,
        "url": page_url,
        "twin_url": twin,
    }
