"""Loaders: format sniffing from bytes, text decoding, markdown structure."""

from __future__ import annotations

import contextlib
import gzip
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hmic_extract.blocks import Block, BlockKind, LoadedDocument
from hmic_extract.errors import EmptyInputError, UnsupportedFormatError
from hmic_extract.load import load_bytes, sniff_format
from hmic_extract.load.markdown import load_markdown
from hmic_extract.load.text import decode_text, load_text
from hmic_extract.options import Options


def test_format_is_told_by_content_not_name() -> None:
    assert sniff_format(b"%PDF-1.7\n...") == "pdf"
    assert sniff_format(b"## Heading\n\n- a\n- b\n\n| x | y |\n") == "markdown"
    assert sniff_format(b"Plain words on a line.\nAnother line.\n") == "text"


def test_zip_must_hold_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(UnsupportedFormatError, match="not a Word or OpenDocument text document"):
        sniff_format(buffer.getvalue())


def test_binary_and_empty_inputs_are_refused() -> None:
    with pytest.raises(EmptyInputError):
        sniff_format(b"")
    with pytest.raises(UnsupportedFormatError, match="gzip"):
        sniff_format(gzip.compress(b"hello"))


@pytest.mark.parametrize(
    "encoded",
    [
        "Caf\u00e9 \u2018Good\u2019\r\nnext".encode(),
        b"\xef\xbb\xbf" + "Caf\u00e9 \u2018Good\u2019\r\nnext".encode(),
        "Caf\u00e9 \u2018Good\u2019\r\nnext".encode("utf-16"),
        # Word's "Unicode text" and .NET write UTF-16 that a reader may get without its BOM.
        "Caf\u00e9 \u2018Good\u2019\r\nnext".encode("utf-16-le"),
        "Caf\u00e9 \u2018Good\u2019\r\nnext".encode("utf-16-be"),
        "Caf\u00e9 \u2018Good\u2019\rnext".encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le", "utf-16-be", "cp1252-cr"],
)
def test_text_encodings_and_line_ends(encoded: bytes) -> None:
    assert decode_text(encoded) == "Caf\u00e9 \u2018Good\u2019\nnext"


def test_markdown_front_matter_is_not_the_document() -> None:
    """Regression: a static site's YAML front matter became the document's title."""
    loaded = load_markdown(
        '---\ntitle: "PCC response"\ndate: 2017-03-10\ntags:\n  - peel\n---\n\n'
        "# RESPONSE\n\nText.\n"
    )
    [heading, paragraph] = loaded.blocks
    assert (heading.kind, heading.text, heading.location.line_start) == (
        BlockKind.HEADING,
        "RESPONSE",
        8,
    )
    assert paragraph.text == "Text."


def test_a_rule_opening_markdown_is_not_front_matter() -> None:
    loaded = load_markdown("---\n\n# Title\n\nNot: front matter\n\n---\n")
    assert [b.text for b in loaded.blocks] == ["Title", "Not: front matter"]


def test_text_lines_keep_indent_and_blank_lines() -> None:
    loaded = load_text("Title\n\n   indented line\n\fnext page\n")
    lines = loaded.blocks
    assert [b.text for b in lines] == ["Title", "indented line", "next page"]
    assert lines[1].indent == 3
    assert lines[1].gap_before == 1
    assert lines[2].sheet == 1
    assert lines[1].location.line_start == 3


def test_markdown_blocks_keep_structure() -> None:
    loaded = load_markdown(
        "# Title\n\nSome *emphasised* text.\n\n- item\n  - sub item\n\n1) first\n\n"
        "| a | b |\n|---|---|\n| c | d |\n"
    )
    kinds = [(b.kind, b.text, b.depth) for b in loaded.blocks]
    assert kinds[0] == (BlockKind.HEADING, "Title", 0)
    assert kinds[1] == (BlockKind.PARAGRAPH, "Some emphasised text.", 0)
    assert (BlockKind.LIST_ITEM, "item", 0) in kinds
    assert (BlockKind.LIST_ITEM, "sub item", 1) in kinds
    numbered = next(b for b in loaded.blocks if b.text == "first")
    assert numbered.marker == "1)"
    rows = [b for b in loaded.blocks if b.kind is BlockKind.TABLE_ROW]
    assert [r.cells for r in rows] == [("a", "b"), ("c", "d")]
    assert loaded.blocks[1].location.line_start == 3


@given(st.text())
def test_loading_arbitrary_text_never_raises_unexpectedly(text: str) -> None:
    with contextlib.suppress(UnsupportedFormatError, EmptyInputError):
        load_bytes(text.encode("utf-8"), options=Options())


def test_word_checkboxes_of_every_kind(tmp_path: object) -> None:
    """Glyph boxes, Wingdings symbols and legacy FORMCHECKBOX fields all read as ☒/☐."""
    from pathlib import Path

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from hmic_extract.load.docx import load_docx

    document = docx.Document()
    document.add_paragraph("☒ National")
    symbol = document.add_paragraph()
    symbol._p.append(
        parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>')
    )
    symbol.add_run(" Thematic")
    legacy = document.add_paragraph()
    legacy._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"><w:ffData>'
            '<w:checkBox><w:sizeAuto/><w:default w:val="0"/><w:checked/></w:checkBox>'
            "</w:ffData></w:fldChar></w:r>"
        )
    )
    legacy.add_run("Follow Up")
    path = Path(str(tmp_path)) / "boxes.docx"
    document.save(str(path))
    from hmic_extract.normalise import normalise

    texts = [b.text for b in normalise(load_docx(path.read_bytes()).blocks)]
    assert texts == ["☒ National", "☒ Thematic", "☒ Follow Up"]


def test_word_text_boxes_are_read_once_as_blocks_of_their_own() -> None:
    """Regression: a text box's text was glued to its anchor paragraph, twice (Word
    keeps a VML copy of every drawing for old readers)."""

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    lines = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in ("Box one.", "Box two."))
    box = f"<w:txbxContent>{lines}</w:txbxContent>"
    document = docx.Document()
    anchor = document.add_paragraph("Anchor.")
    anchor._p.append(
        parse_xml(
            f'<w:r {nsdecls("w", "wp", "a")} xmlns:v="urn:schemas-microsoft-com:vml" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
            f"<a:graphic><a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>"
            "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    document.add_paragraph("After.")
    texts = [b.text for b in _docx_blocks(document)]
    assert texts == ["Anchor.", "Box one.", "Box two.", "After."]


def test_markdown_lines_run_together_are_told_apart() -> None:
    """Regression: with no blank lines, labels, questions and a closing heading were
    swallowed into the paragraph before them."""
    from hmic_extract.normalise import normalise

    loaded = load_markdown(
        "In inspecting the force, HMIC asked two questions:\n"
        "**1)** *How effective is the force at investigating crime?*\n"
        "- The force should improve supervision.\n"
        "**Core question 2**\n"
        "*How well does the force protect the vulnerable?*\n"
        "No areas for improvement.\n"
        "For Office Use Only\n"
        "Response forwarded to Home Office\n"
    )
    texts = [(b.kind, b.text) for b in normalise(loaded.blocks)]
    assert texts == [
        (BlockKind.PARAGRAPH, "In inspecting the force, HMIC asked two questions:"),
        (BlockKind.LIST_ITEM, "How effective is the force at investigating crime?"),
        (BlockKind.LIST_ITEM, "The force should improve supervision."),
        (BlockKind.PARAGRAPH, "Core question 2"),
        (BlockKind.PARAGRAPH, "How well does the force protect the vulnerable?"),
        (BlockKind.PARAGRAPH, "No areas for improvement."),
        (BlockKind.PARAGRAPH, "For Office Use Only"),
        (BlockKind.PARAGRAPH, "Response forwarded to Home Office"),
    ]


def test_pandoc_spans_and_grid_cell_emphasis_are_plain_text() -> None:
    """Regression: pandoc's "[text]{.underline}" spans and emphasis inside grid-table
    cells reached the record as markup."""
    loaded = load_markdown(
        "[Cause of concern]{.underline}\n\n"
        "+---------------------+-----------------+\n"
        "| **Inspection name** | *PEEL* \\[2016\\] |\n"
        "+---------------------+-----------------+\n"
    )
    assert loaded.blocks[0].text == "Cause of concern"
    rows = [b.cells for b in loaded.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == [("Inspection name", "PEEL [2016]")]


NESTED_GRID = """\
+---------------------+------------------------------+
| Type of Inspection: | +-------------+------------+ |
|                     | | ☐ Force     | ☒ National | |
|                     | | Specific    |            | |
|                     | |             | ☐ Thematic | |
|                     | | ☐ Follow Up |            | |
|                     | +=============+============+ |
|                     | +-------------+------------+ |
+---------------------+------------------------------+
"""


@pytest.mark.parametrize("loader", [load_text, load_markdown], ids=["text", "markdown"])
def test_a_table_nested_in_a_grid_cell_is_read_column_by_column(
    loader: Callable[[str], LoadedDocument],
) -> None:
    """Regression: pandoc writes Word's nested option tables as a grid inside a grid
    cell; its borders and bars reached the cell text and the options were lost."""
    rows = [b.cells for b in loader(NESTED_GRID).blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == [
        ("Type of Inspection:", "☐ Force\nSpecific\n\n☐ Follow Up\n\n☒ National\n\n☐ Thematic")
    ]


def test_a_question_run_into_a_list_item_leaves_the_list() -> None:
    """Regression: with no blank lines, "**4)** *How …?*" after a bullet was a lazy
    continuation of it, read as a point of that bullet with the next line joined on;
    sub-points written at the margin stay points."""
    from hmic_extract.normalise import normalise

    loaded = load_markdown(
        "- The force should record missing children\n"
        "across two lines.\n"
        "1. The force should:\n"
        "a) review its process;\n"
        "**4)** *How effective is the force at tackling serious and organised crime?*\n"
        "Not inspected in 2017. No areas for improvement.\n"
    )
    assert [(b.kind, b.text[:24], b.depth) for b in normalise(loaded.blocks)] == [
        (BlockKind.LIST_ITEM, "The force should record ", 0),
        (BlockKind.LIST_ITEM, "The force should:", 0),
        (BlockKind.LIST_ITEM, "review its process;", 1),
        (BlockKind.LIST_ITEM, "How effective is the for", 0),
        (BlockKind.PARAGRAPH, "Not inspected in 2017. N", 0),
    ]


def _numbered_document(levels: list[tuple[str, str]]) -> object:
    """A Word document with one numbering definition: (format, text) per level."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering.append(
        parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvls}</w:abstractNum>')
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    return document


def _numbered(document: object, text: str, level: int = 0) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph = document.add_paragraph(text)  # type: ignore[attr-defined]
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
        )
    )


def test_word_numbering_that_prints_labels_and_parent_numbers() -> None:
    """Regression: "%1.%2" took the item's own counter twice ("2.2" for 3.2), and
    numbering printing a label ("Recommendation %1:") lost what the item is."""

    document = _numbered_document([("decimal", "Recommendation %1:"), ("decimal", "%1.%2")])
    for number in range(1, 4):
        _numbered(document, f"By 31 March 2020, the force should do task {number}.")
    _numbered(document, "a point of the third;", level=1)
    _numbered(document, "and another.", level=1)
    blocks = _docx_blocks(document)
    assert [(b.marker, b.text[:30]) for b in blocks] == [
        ("•", "Recommendation 1: By 31 March "),
        ("•", "Recommendation 2: By 31 March "),
        ("•", "Recommendation 3: By 31 March "),
        ("3.1", "a point of the third;"),
        ("3.2", "and another."),
    ]


def test_word_items_numbered_as_afis_are_areas_for_improvement(tmp_path: object) -> None:
    """Regression: items numbered "AFI %1" by Word under a question that had
    recommendations before them were read as recommendations."""
    from pathlib import Path

    from tests.helpers import record_of

    document = _numbered_document([("decimal", "AFI %1")])
    document.add_heading("Findings", level=2)  # type: ignore[attr-defined]
    document.add_heading("Question 1: How effective is the force?", level=3)  # type: ignore[attr-defined]
    document.add_paragraph("Recommendations")  # type: ignore[attr-defined]
    document.add_paragraph("The force should publish a plan.", style="List Bullet")  # type: ignore[attr-defined]
    _numbered(document, "The force should improve its training.")
    _numbered(document, "The force should review its data.")
    document.add_heading("PCC response", level=2)  # type: ignore[attr-defined]
    document.add_paragraph("I welcome the report.")  # type: ignore[attr-defined]
    path = Path(str(tmp_path)) / "response.docx"
    document.save(str(path))  # type: ignore[attr-defined]
    record = record_of(path, accept_unrecognised=True)
    [question] = record["core_questions"]
    assert [a["text"] for a in question["areas_for_improvement"]] == [
        "The force should improve its training.",
        "The force should review its data.",
    ]
    assert [r["text"] for r in record["recommendations"]] == ["The force should publish a plan."]


def test_a_page_break_inside_a_line_ends_the_line() -> None:
    """Regression: pages joined by a bare form feed ("Page 1\\f1. How well …") ran the
    footer and the next page's first line together."""
    from hmic_extract.load.text import load_text

    blocks = load_text("The end of page one.\nPage 1\f1. How well does the force?\n").blocks
    assert [(b.text, b.sheet) for b in blocks] == [
        ("The end of page one.", 0),
        ("Page 1", 0),
        ("1. How well does the force?", 1),
    ]
    assert blocks[2].location.line_start == 2


def test_word_tracked_changes_read_as_the_final_text() -> None:
    """Regression: text moved elsewhere (w:moveFrom) was read at its old place too."""

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def change(tag: str, inner: str) -> object:
        return parse_xml(
            f'<w:{tag} {nsdecls("w")} w:id="1" w:author="a" w:date="2019-01-01T00:00:00Z">'
            f"<w:r>{inner}</w:r></w:{tag}>"
        )

    document = docx.Document()
    paragraph = document.add_paragraph("The force should ")
    paragraph._p.append(change("del", "<w:delText>never </w:delText>"))
    paragraph._p.append(change("ins", "<w:t>always </w:t>"))
    paragraph._p.append(change("moveFrom", "<w:t>act. </w:t>"))
    paragraph._p.append(change("moveTo", "<w:t>review its data.</w:t>"))
    [block] = _docx_blocks(document)
    assert block.text == "The force should always review its data."


def test_a_word_layout_table_of_sections(tmp_path: object) -> None:
    """Regression: a response laid out as one table (a section's name beside its
    content) had no sections: the findings and responses were read as table rows.
    A form's rows stay rows."""
    from pathlib import Path

    import docx

    from tests.helpers import record_of

    document = docx.Document()
    document.add_paragraph().add_run("RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF EXAMPLE POLICE")
    table = document.add_table(rows=0, cols=2)

    def row(label: str, *paragraphs: str) -> None:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, paragraphs[0]
        for text in paragraphs[1:]:
            style = "List Bullet" if text.startswith("The force should") else None
            cells[1].add_paragraph(text, style=style)

    row("Title of Inspection", "PEEL: Police effectiveness 2017")
    row("Date Inspection Published", "22 March 2018")
    row("Overall Judgement", "HMICFRS judged Example Police to be good.")
    row(
        "Findings",
        "Question 1: How effective is the force at preventing crime?",
        "Areas for improvement:",
        "The force should improve its use of problem-solving.",
        "The force should evaluate its neighbourhood work.",
    )
    row("PCC Response", "Police and Crime Commissioner Ann Example said: “I welcome it.”")
    path = Path(str(tmp_path)) / "table.docx"
    document.save(str(path))
    record = record_of(path)
    assert [s["kind"] for s in record["sections"]] == [
        "overall_judgement",
        "findings",
        "pcc_response",
    ]
    assert record["inspection"]["title"] == "PEEL: Police effectiveness 2017"
    assert record["judgement"]["grade"] == "Good"
    assert [len(q["areas_for_improvement"]) for q in record["core_questions"]] == [2]
    assert record["commissioner"] == "Ann Example"


def _docx_blocks(document: object) -> tuple[Block, ...]:
    """The blocks the Word loader reads from a python-docx document, saved in memory."""
    from hmic_extract.load.docx import load_docx

    data = io.BytesIO()
    document.save(data)  # type: ignore[attr-defined]
    return load_docx(data.getvalue()).blocks


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_label_centred_beside_a_two_line_value(tmp_path: Path, engine: str) -> None:
    """Regression: a web page printed to PDF centres a table's cells vertically, so a
    label falls between its value's two lines ("Essex Police Crime Data Integrity
    inspection" / "Report title" / "2019"): the title lost its first line."""
    from fpdf import FPDF

    from hmic_extract.pipeline import extract_bytes

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.text(20, 20, "RESPONSE TO HMICFRS: CRIME DATA INTEGRITY")
    pdf.text(20, 32, "Inspection details")
    pdf.set_font("Helvetica", "", 11)
    pdf.text(60, 42, "Essex Police Crime Data Integrity inspection")  # value, line 1
    pdf.text(20, 44.5, "Report title")  # the label, centred between the value's lines
    pdf.text(60, 47, "2019")  # value, line 2
    pdf.text(20, 56, "Date published")
    pdf.text(60, 56, "6 August 2019")
    pdf.set_font("Helvetica", "B", 14)
    pdf.text(20, 70, "PCC response")
    pdf.set_font("Helvetica", "", 11)
    pdf.text(20, 80, "The Police and Crime Commissioner for Essex welcomed the report.")
    path = tmp_path / "centred.pdf"
    pdf.output(str(path))
    record = extract_bytes(
        path.read_bytes(), path=path.name, options=Options(engine=engine, accept_unrecognised=True)
    )
    assert record.inspection.title == "Essex Police Crime Data Integrity inspection 2019"
    assert record.inspection.published is not None
    assert record.inspection.published.isoformat() == "2019-08-06"


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_word_set_high_joins_the_line_it_is_nearest(tmp_path: Path, engine: str) -> None:
    """Regression: a box glyph whose font sets it a little high ("☐" before
    "Thematic" on a value's second line) was within reach of the label centred
    above it, and was read into the label's line instead of its own."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 12)
    pdf.text(150, 200, "Durham Specific Follow Up Partner Inspection")  # value, line 1
    pdf.text(40, 207.5, "Type of Inspection:")  # label, centred between the two
    pdf.text(150, 215, "National")  # value, line 2 ...
    pdf.text(200, 213, "Mark")  # ... with a word set 2 pt high
    pdf.text(232, 215, "Thematic")
    path = tmp_path / "high.pdf"
    pdf.output(str(path))
    loaded = load_bytes(path.read_bytes(), options=Options(engine=engine))
    assert [block.text for block in loaded.blocks] == [
        "Type of Inspection:  Durham Specific Follow Up Partner Inspection National Mark Thematic"
    ]
