"""load_document: HTML pages and PDF papers in, readable text out, every span traced back.

The HTML pages are written here; the PDFs are generated in the tests with reportlab (Chinese
text through its built-in 'STSong-Light' CID font, which needs no font file). All figures and
sentences are made up in the shapes of government releases and papers.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import hkpolicy as hk
from hkpolicy.cli import main
from hkpolicy.corpus import Document
from hkpolicy.documents import load_document
from hkpolicy.errors import DocumentError, HKPolicyError, MissingExtraError

selectolax_lexbor = pytest.importorskip(
    "selectolax.lexbor", reason="needs the html extra: pip install -e '.[html]'"
)

# ---------------------------------------------------------------------------------------------
# HTML

RELEASE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Funding approved under research schemes</title>
  <link rel="canonical" href="https://www.info.gov.hk/gia/general/202403/01/P2024030100100.htm">
</head>
<body>
  <div id="top-menu"><a href="/">Home</a> <a href="/tc/P2024030100101.htm">繁體版</a></div>
  <nav><ul><li>Press Releases</li><li>Archive</li></ul></nav>
  <span id="PRHeadlineSpan">Funding approved under research schemes</span>
  <span id="pressrelease">
    The Innovation and Technology Commission announced today (March 1) that
    HK$520 million was approved under two schemes.<br><br>
    The Government will set aside $2 billion for the <b>Innovation and Technology Fund</b>
    in 2024-25.<br><br>
    <table>
      <thead>
        <tr><th>Scheme</th><th>Projects</th><th>Funds Approved</th></tr>
        <tr><th></th><th></th><th>(HK$ million)</th></tr>
      </thead>
      <tbody>
        <tr><td>Partnership Research Programme</td><td>96</td><td>402.7</td></tr>
        <tr><td>Enterprise Support Scheme</td><td>41</td><td>118.3</td></tr>
      </tbody>
    </table>
    <br>Ends/Friday, March 1, 2024<br>Issued at HKT 15:00
  </span>
  <footer class="site-footer">Important notices | Privacy policy | 2024</footer>
</body>
</html>
"""

RELEASE_ZH = """<html lang="zh-HK"><head><title>研究計劃批出資助</title></head><body>
<div class="breadcrumb">首頁 &gt; 新聞公報</div>
<main>
<h1>研究計劃批出資助</h1>
<p>政府今日宣布，為創新及科技基金預留二十億港元。</p>
<table>
<tr><th>計劃</th><th>批出款額（百萬港元）</th></tr>
<tr><td>合作研究計劃</td><td>402.7</td></tr>
</table>
<p>完<br>2024年3月1日（星期五）</p>
<a href="/en/P2024030100100.htm">English</a>
</main></body></html>
"""


def element_text(html: str, path: str) -> str:
    """The text content of the element at a CSS path, read independently of the loader."""
    node = selectolax_lexbor.LexborHTMLParser(html).css_first(path)
    assert node is not None, path
    return str(node.text(deep=True))


def assert_traces_back(html: str, doc: Document, start: int, end: int) -> None:
    """Every run of ``text[start:end]`` is the same characters in its element's text content."""
    origins = doc.locate((start, end))
    assert origins, (start, end)
    pieces = []
    for origin in origins:
        assert origin.element is not None and origin.offset is not None
        source = element_text(html, origin.element)
        piece = doc.text[origin.start : origin.end]
        assert source[origin.offset : origin.offset + len(piece)] == piece
        pieces.append(piece)
    assert "".join(pieces).replace(" ", "") in doc.text[start:end].replace(" ", "")


@pytest.fixture(scope="module")
def release() -> Document:
    return load_document(RELEASE.encode("utf-8"), id="release")


def test_html_main_content_drops_navigation_menus_and_footer(release: Document) -> None:
    text = release.text
    assert text.startswith("The Innovation and Technology Commission announced today")
    for furniture in ("Home", "Press Releases", "Archive", "Privacy policy", "繁體版"):
        assert furniture not in text
    assert "HK$520 million was approved under two schemes." in text
    assert release.source_format == "html" and release.source == "<bytes>"


def test_html_metadata_date_language_and_twin(release: Document) -> None:
    assert release.title == "Funding approved under research schemes"
    assert release.published == dt.date(2024, 3, 1)
    assert release.language == "en"
    assert release.url == "https://www.info.gov.hk/gia/general/202403/01/P2024030100100.htm"
    assert release.twin_url == "https://www.info.gov.hk/tc/P2024030100101.htm"
    assert release.publisher == "Hong Kong SAR Government"


def test_html_table_becomes_a_typed_table_with_its_header_unit(release: Document) -> None:
    (table,) = release.extract().tables
    assert [c.text for c in table.header] == ["Scheme", "Projects", "Funds Approved (HK$ million)"]
    assert [[c.text for c in row] for row in table.rows] == [
        ["Partnership Research Programme", "96", "402.7"],
        ["Enterprise Support Scheme", "41", "118.3"],
    ]
    money = table.rows[1][2].money
    assert money is not None and (money.amount, money.currency) == (Decimal("118300000"), "HKD")
    assert table.rows[0][1].number == Decimal("96")


def test_html_cell_spans_lead_back_to_the_td(release: Document) -> None:
    (table,) = release.extract().tables
    cell = table.rows[0][2]
    (origin,) = release.locate(cell.span)
    assert origin.element is not None and origin.element.endswith(
        "span:nth-child(4) > table:nth-child(6) > tbody:nth-child(2) > tr:nth-child(1)"
        " > td:nth-child(3)"
    )
    assert element_text(RELEASE, origin.element) == "402.7" and origin.offset == 0
    header = release.locate(table.header[2].span)
    assert [element_text(RELEASE, o.element or "") for o in header] == [
        "Funds Approved",
        "(HK$ million)",
    ]


def test_html_funding_facts_from_prose_and_table_rows_trace_back(release: Document) -> None:
    result = release.extract()
    by_initiative = {f.initiative: f for f in result.funding}
    assert by_initiative["prp"].amount.amount == Decimal("402700000")
    assert by_initiative["ess"].amount.amount == Decimal("118300000")
    itf = by_initiative["itf"]
    assert itf.amount.amount == Decimal("2000000000") and str(itf.period) == "2024-25"
    for fact in result.funding:
        assert fact.span.text == release.text[fact.span.start : fact.span.end]
        assert_traces_back(RELEASE, release, fact.span.start, fact.span.end)
    # The amount in the prose: its characters come from the pressrelease span's own text.
    assert itf.amount_span is not None
    (origin,) = release.locate(itf.amount_span)
    assert origin.element is not None and origin.element.endswith(
        "body:nth-child(2) > span:nth-child(4)"
    )
    source = element_text(RELEASE, origin.element)
    assert source[origin.offset or 0 :].startswith("$2 billion")


def test_html_collapsed_whitespace_still_maps_exactly(release: Document) -> None:
    start = release.text.index("announced today")
    end = release.text.index("two schemes") + len("two schemes")
    assert_traces_back(RELEASE, release, start, end)
    origins = release.locate((start, end))
    assert len(origins) == 2  # the source line break became a space: two runs


def test_chinese_release_language_date_twin_and_table() -> None:
    doc = Document.from_html(
        RELEASE_ZH.encode("utf-8"), id="zh", url="https://www.info.gov.hk/tc/x.htm"
    )
    assert doc.language == "zh-Hant"
    assert doc.published == dt.date(2024, 3, 1)
    assert doc.twin_url == "https://www.info.gov.hk/en/P2024030100100.htm"
    assert "首頁" not in doc.text and doc.text.startswith("研究計劃批出資助")
    result = doc.extract()
    (table,) = result.tables
    money = table.rows[0][1].money
    assert money is not None and money.amount == Decimal("402700000")
    assert [(f.initiative, f.amount.amount) for f in result.funding if f.span.text == "402.7"] == [
        ("prp", Decimal("402700000"))
    ]
    start = doc.text.index("創新及科技基金")
    assert_traces_back(RELEASE_ZH, doc, start, start + 7)


def test_a_layout_table_is_read_as_text_not_as_a_table() -> None:
    article = "The Fund supports research. " * 20
    page = (
        "<html><body><table><tr><td>Menu</td><td><p>" + article + "</p>"
        "<table><tr><th>Scheme</th><th>Projects</th></tr><tr><td>Incu-Tech</td><td>40</td></tr>"
        "</table></td></tr></table></body></html>"
    )
    doc = load_document(page.encode("utf-8"))
    assert doc.text.startswith("Menu\n\nThe Fund supports research.")
    (table,) = doc.extract().tables  # only the data table inside the layout cell
    assert [c.text for c in table.header] == ["Scheme", "Projects"]


def test_news_page_metadata_from_json_ld() -> None:
    page = b"""<html lang="en-GB"><head><title>Site | Story</title>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "Fund backs 96 projects", "datePublished": "2024-03-02T08:00:00+08:00",
    "author": [{"@type": "Person", "name": "A. Reporter"}],
    "publisher": {"@type": "Organization", "name": "Daily Paper"}}</script>
    <script type="application/ld+json">{not json</script></head>
    <body><article><p>The Fund backs 96 projects.</p></article></body></html>"""
    doc = load_document(page)
    assert (doc.title, doc.published, doc.author, doc.publisher, doc.language) == (
        "Fund backs 96 projects",
        dt.date(2024, 3, 2),
        "A. Reporter",
        "Daily Paper",
        "en",
    )


def test_html_from_a_file_path_and_charset(tmp_path: Path) -> None:
    page = tmp_path / "release.htm"
    page.write_bytes(
        # A page declared Big5 carries HKSCS characters (嘅), as Hong Kong pages do.
        (
            '<html><head><meta charset="big5"></head><body><p>科技券計劃嘅申請</p></body></html>'
        ).encode("big5hkscs")
    )
    doc = load_document(page)
    assert (doc.id, doc.text, doc.source) == ("release", "科技券計劃嘅申請", str(page))


def test_html_with_no_main_content_is_a_typed_error() -> None:
    page = b"<html><body><nav>Home | About</nav><footer>Copyright</footer></body></html>"
    with pytest.raises(DocumentError, match="has no main content") as caught:
        load_document(page)
    assert caught.value.source == "<bytes>"
    assert "'<bytes>'" in str(caught.value)
    assert isinstance(pickle.loads(pickle.dumps(caught.value)), DocumentError)


def test_html_nothing_outside_the_page_is_read() -> None:
    page = (
        b'<html><head><link rel="stylesheet" href="file:///etc/passwd"></head><body><main>'
        b'<img src="/etc/passwd"><iframe src="file:///etc/hosts"></iframe><p>Text only.</p>'
        b"</main></body></html>"
    )
    assert load_document(page).text == "Text only."


# ---------------------------------------------------------------------------------------------
# PDF


reportlab = pytest.importorskip("reportlab", reason="the PDF tests write PDFs with reportlab")
pytest.importorskip("pdfplumber", reason="needs the pdf extra: pip install -e '.[pdf]'")


def make_pdf(*, encrypt: str | None = None, image_only: bool = False) -> bytes:
    """A two-page paper: English and Chinese prose on page 1, two ruled tables on page 2."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    english = ParagraphStyle("en", fontName="Helvetica", fontSize=11, leading=14)
    chinese = ParagraphStyle("zh", fontName="STSong-Light", fontSize=11, leading=14)
    grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title="Paper for the Finance Committee",
                            author="Panel", encrypt=encrypt)  # fmt: skip
    if image_only:  # a scan: one picture of a page, no text layer
        from PIL import Image as PillowImage  # installed with pdfplumber
        from reportlab.platypus import Image

        png = io.BytesIO()
        PillowImage.new("RGB", (60, 80), "grey").save(png, format="PNG")
        png.seek(0)
        doc.build([Image(png, 300, 400)])
        return buffer.getvalue()
    story = [
        Paragraph(
            "The Government will set aside HK$2 billion for the Innovation and Technology Fund "
            "in 2024-25. This sentence runs long enough to wrap onto a second line of the "
            "paragraph, as papers do.",
            english,
        ),
        Paragraph("政府為創新及科技基金預留20億港元。", chinese),
        PageBreak(),
        Table(
            [
                ["Scheme", "Projects", Paragraph("Funds Approved<br/>(HK$ million)", english)],
                ["Partnership Research Programme", "96", "402.7"],
                [Paragraph("Enterprise Support<br/>Scheme", english), "41", "118.3"],
            ],
            style=TableStyle(grid),
        ),
        Table(
            [["計劃", "批出款額（百萬港元）"], ["合作研究計劃", "55.0"]],
            style=TableStyle([*grid, ("FONTNAME", (0, 0), (-1, -1), "STSong-Light")]),
        ),
    ]
    doc.build(story)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def paper_bytes() -> bytes:
    return make_pdf()


@pytest.fixture(scope="module")
def paper(paper_bytes: bytes) -> Document:
    return Document.from_pdf(paper_bytes, id="paper")


def test_pdf_text_in_reading_order_with_wrapped_lines_joined(paper: Document) -> None:
    assert paper.text.startswith(
        "The Government will set aside HK$2 billion for the Innovation and Technology Fund "
        "in 2024-25. This sentence runs long enough to wrap onto a second line of the "
        "paragraph, as papers do."
    )
    assert "政府為創新及科技基金預留20億港元。" in paper.text
    assert paper.text.index("20億港元") < paper.text.index("| Scheme |")
    assert paper.title == "Paper for the Finance Committee" and paper.author == "Panel"
    assert paper.source_format == "pdf" and paper.warnings == ()


def test_pdf_tables_with_joined_cells_and_header_units(paper: Document) -> None:
    english, chinese = paper.extract().tables
    assert [c.text for c in english.header] == [
        "Scheme",
        "Projects",
        "Funds Approved (HK$ million)",
    ]
    assert [[c.text for c in row] for row in english.rows] == [
        ["Partnership Research Programme", "96", "402.7"],
        ["Enterprise Support Scheme", "41", "118.3"],
    ]
    money = english.rows[0][2].money
    assert money is not None and (money.amount, money.currency) == (Decimal("402700000"), "HKD")
    assert [c.text for c in chinese.header] == ["計劃", "批出款額（百萬港元）"]
    zh_money = chinese.rows[0][1].money
    assert zh_money is not None and zh_money.amount == Decimal("55000000")


def test_pdf_spans_lead_back_to_page_and_box(paper: Document) -> None:
    import pdfplumber

    result = paper.extract()
    itf = next(f for f in result.funding if f.initiative == "itf" and "HK$2" in f.span.text)
    assert itf.amount_span is not None
    (origin,) = paper.locate(itf.amount_span)
    assert origin.page == 1 and origin.bbox is not None
    table_fact = next(f for f in result.funding if f.initiative == "prp" and f.span.text == "402.7")
    (cell_origin,) = paper.locate(table_fact.span)
    assert cell_origin.page == 2 and cell_origin.bbox is not None
    with pdfplumber.open(io.BytesIO(make_pdf())) as pdf:
        words = pdf.pages[0].within_bbox(origin.bbox).extract_text()
        assert words == "HK$2 billion"
        assert pdf.pages[1].within_bbox(cell_origin.bbox).extract_text() == "402.7"
    x0, top, x1, bottom = origin.bbox
    assert 0 <= x0 < x1 <= 595.28 and 0 <= top < bottom <= 841.89


def test_pdf_chinese_prose_funding_traces_to_page_one(paper: Document) -> None:
    result = paper.extract()
    fact = next(f for f in result.funding if "20億港元" in f.span.text)
    assert fact.initiative == "itf" and fact.amount.amount == Decimal("2000000000")
    assert {o.page for o in paper.locate(fact.span)} == {1}
    import pdfplumber

    assert fact.amount_span is not None
    (origin,) = paper.locate(fact.amount_span)
    assert origin.bbox is not None
    with pdfplumber.open(io.BytesIO(make_pdf())) as pdf:
        # Chinese has no spaces: the box is the amount's own characters, not the whole line.
        assert pdf.pages[0].within_bbox(origin.bbox).extract_text() == "20億港元"


def test_load_document_sniffs_pdf_bytes_and_reads_a_path(
    paper_bytes: bytes, tmp_path: Path
) -> None:
    assert load_document(paper_bytes).source_format == "pdf"
    path = tmp_path / "fc-paper.pdf"
    path.write_bytes(paper_bytes)
    doc = hk.load_document(path)
    assert doc.id == "fc-paper" and doc.source == str(path)


def test_encrypted_pdf_is_a_typed_error_unless_the_password_is_given() -> None:
    data = make_pdf(encrypt="secret")
    with pytest.raises(DocumentError, match="encrypted PDF"):
        load_document(data)
    assert "Innovation and Technology Fund" in load_document(data, password="secret").text


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n%garbage that is no PDF\n", b"%PDF-1.4\n" + bytes(range(256)) * 4, b"%PDF-"],
    ids=["garbage", "binary", "header only"],
)
def test_malformed_pdf_is_a_typed_error_quoting_the_path(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert repr(str(path)) in str(caught.value)


def test_image_only_pdf_says_it_has_no_text_layer() -> None:
    data = make_pdf(image_only=True)
    with pytest.raises(DocumentError, match="no text layer: it holds only images"):
        load_document(data)


def test_pdf_table_drawn_without_rules_is_read_as_an_aligned_table() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("Helvetica", 11)
    page.drawString(72, 760, "Approvals in the year are listed below, by scheme, with the")
    page.drawString(72, 746, "number of projects and the funds approved.")
    y = 710
    for label, projects, amount in [
        ("Scheme", "Projects", "Funds Approved (HK$ million)"),
        ("Partnership Research Programme", "96", "402.7"),
        ("Enterprise Support Scheme", "41", "118.3"),
    ]:
        page.drawString(72, y, label)
        page.drawRightString(330, y, projects)
        page.drawRightString(520, y, amount)
        y -= 14
    page.setFont("STSong-Light", 11)
    y -= 20
    for label, amount in [("計劃", "批出款額（百萬港元）"), ("合作研究計劃", "55.0")]:
        page.drawString(72, y, label)
        page.drawRightString(400, y, amount)
        y -= 14
    page.save()
    doc = load_document(buffer.getvalue())
    assert doc.text.startswith(
        "Approvals in the year are listed below, by scheme, with the number of projects and the "
        "funds approved.\n\nScheme  Projects  Funds Approved (HK$ million)\n"
        "Partnership Research Programme  96  402.7\n"
    )
    result = doc.extract()
    assert [t.confidence for t in result.tables] == [0.9, 0.8]  # one row: less sure
    facts = [(f.initiative, f.amount.amount, f.span.text) for f in result.funding]
    assert facts == [
        ("prp", Decimal("402700000"), "402.7"),
        ("ess", Decimal("118300000"), "118.3"),
        ("prp", Decimal("55000000"), "55.0"),
    ]
    assert [o.page for f in result.funding for o in doc.locate(f.span)] == [1, 1, 1]


def test_running_headers_and_page_numbers_go_and_a_sentence_runs_over_the_page() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    body = [
        ["Members are invited to note the following.", "The Government will set aside"],
        ["HK$2 billion for the Innovation and Technology Fund in 2024-25."],
        ["The Panel will be briefed in due course."],
    ]
    for number, lines in enumerate(body, 1):
        page.setFont("Helvetica", 9)
        page.drawString(72, 800, "LC Paper No. CB(1)12/24-25")
        page.drawCentredString(297, 40, f"- {number} -")
        page.setFont("Helvetica", 11)
        for row, line in enumerate(lines):
            page.drawString(72, 740 - 14 * row, line)
        page.showPage()
    page.save()
    doc = load_document(buffer.getvalue())
    assert doc.text == (
        "Members are invited to note the following. The Government will set aside HK$2 billion "
        "for the Innovation and Technology Fund in 2024-25.\n\n"
        "The Panel will be briefed in due course."
    )
    assert doc.warnings == (
        "running header or footer left out on 3 pages: 'LC Paper No. CB(#)#/#-#'",
        "running header or footer left out on 3 pages: '- # -'",
    )
    (fact,) = doc.extract().funding
    assert (fact.initiative, fact.amount.amount) == ("itf", Decimal("2000000000"))
    assert [o.page for o in doc.locate(fact.span)] == [1, 2]  # one box on each page


def test_blank_page_count_is_a_warning_not_an_error() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Patent Application Grant")
    page.showPage()
    page.showPage()  # a page with nothing on it
    page.save()
    doc = load_document(buffer.getvalue())
    assert doc.text == "Patent Application Grant"
    assert doc.warnings == ("pages without text (scanned or blank), not read: 2",)


# ---------------------------------------------------------------------------------------------
# Any file


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:  # a sparse 500 MB file: no bytes written
        handle.truncate(500 * 2**20)
    with pytest.raises(DocumentError, match=r"is 524,288,000 bytes, larger than the limit"):
        load_document(huge)
    with pytest.raises(DocumentError, match="larger than the limit of 10 bytes"):
        load_document(b"0123456789ab", max_bytes=10)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(DocumentError, match="not a regular file"):
        load_document(fifo)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="Cannot read '.*nope.html'"):
        load_document(tmp_path / "nope.html")
    with pytest.raises(DocumentError, match="not a regular file"):
        load_document(tmp_path)


def test_text_and_markdown_files_are_read_as_they_are(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("| Sector | Share (%) |\n|---|---|\n| ICT | 12 |\n", encoding="utf-8")
    doc = load_document(note)
    assert (doc.source_format, doc.origins, doc.locate((0, 3))) == ("markdown", (), ())
    assert doc.extract().tables[0].rows[0][1].percentage is not None
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(DocumentError, match="is not UTF-8 text"):
        load_document(bad)


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="Unknown document format 'docx'"):
        load_document(b"x", format="docx")
    with pytest.raises(TypeError, match="takes a path or bytes"):
        load_document(42)  # type: ignore[arg-type]


def test_missing_extra_names_it_and_both_install_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # import fails as if not installed
    with pytest.raises(MissingExtraError) as caught:
        load_document(b"%PDF-1.4\n")
    message = str(caught.value)
    assert "'pdf' extra" in message
    assert "pip install 'hkpolicy[pdf]'" in message and 'pip install -e ".[pdf]"' in message
    assert isinstance(caught.value, ImportError) and isinstance(caught.value, HKPolicyError)
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)
    with pytest.raises(MissingExtraError, match=r"hkpolicy\[html\]"):
        load_document(b"<html><body>x</body></html>")


def test_document_with_origins_round_trips_through_json(release: Document) -> None:
    assert Document.model_validate_json(release.model_dump_json()) == release


def test_cli_extracts_html_and_pdf_files(
    tmp_path: Path, paper_bytes: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "release.html"
    page.write_text(RELEASE, encoding="utf-8")
    assert main(["extract", str(page), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert '"type": "funding", ' in out and '"text": "402.7"' in out
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(paper_bytes)
    assert main(["extract", str(pdf)]) == 0
    assert "HK$2 billion" in capsys.readouterr().out
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really\n")
    assert main(["extract", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"hkpolicy: error: {str(broken)!r} is not a readable PDF")


def test_deeply_nested_and_wide_html_is_read_without_recursion_or_blow_up() -> None:
    deep = b"<div>" * 3000 + b"Innovation and Technology Fund" + b"</div>" * 3000
    doc = load_document(b"<html><body>" + deep + b"</body></html>")
    assert doc.text == "Innovation and Technology Fund"
    (origin,) = doc.locate((0, 10))
    assert origin.element is not None and origin.element.count("div:nth-child(1)") == 3000
    wide = b'<html><body><table><tr><th colspan="999999">Scheme</th></tr>'
    wide += b"<tr><td>Incu-Tech</td></tr></table></body></html>"
    (table,) = load_document(wide).extract().tables
    assert len(table.header) == 64  # MAX_COLSPAN: a hostile colspan builds a bounded row


def test_html_sector_table_gives_sector_stats_traced_to_their_cells() -> None:
    page = (
        "<html><body><main><p>Adoption by sector in 2024.</p><table>"
        "<tr><th>Industry</th><th>Adoption Rate (%)</th></tr>"
        "<tr><td>Financial Services</td><td>58</td></tr>"
        "<tr><td>Logistics</td><td>31</td></tr></table></main></body></html>"
    )
    doc = load_document(page.encode("utf-8"))
    stats = doc.extract().sector_stats
    assert [(s.sector, s.metric, s.value.value) for s in stats] == [
        ("Financial Services", "Adoption Rate", Decimal("58")),
        ("Logistics", "Adoption Rate", Decimal("31")),
    ]
    (origin,) = doc.locate(stats[1].span)
    assert origin.element is not None and origin.element.endswith(
        "tr:nth-child(3) > td:nth-child(2)"
    )
    assert element_text(page, origin.element) == "31"


@pytest.mark.parametrize("kind", ["html", "pdf"])
def test_origins_are_sorted_disjoint_and_inside_the_text(
    kind: str, release: Document, paper: Document
) -> None:
    doc = release if kind == "html" else paper
    assert doc.origins
    previous_end = 0
    for origin in doc.origins:
        assert previous_end <= origin.start < origin.end <= len(doc.text)
        assert doc.text[origin.start : origin.end].strip() == doc.text[origin.start : origin.end]
        previous_end = origin.end
