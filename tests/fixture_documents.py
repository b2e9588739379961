"""Render the seed response as PDF, Word and plain text, from code, for tests and samples.

The content is the seed markdown (tests/fixtures/samples/*.md); the form's
checkbox states, which the markdown conversion lost, are set here. The PDF
has bold headings, bullets and nested bullets, italic numbered questions, a
running header and "Page N of M" footers; the text rendering is Windows-1252
with CRLF line ends. Run as a script to refresh the bundled samples.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "samples" / "cleveland-peel-effectiveness-2016.md"

# The form as the published PDF shows it (the markdown lost the box states).
DETAILS = (
    ("Title of Inspection", "PEEL: Effectiveness 2016"),
    ("Date Inspection Published", "2 March 2017"),
)
TYPES = (
    ("Cleveland Specific", False),
    ("Follow Up", False),
    ("Partner Inspection", False),
    ("National", True),
    ("Thematic", False),
)
QUOTED = True
OFFICE_USE = (
    ("Response forwarded to Home Office", True),
    ("Response published on PCC website", False),
)


@dataclass(frozen=True)
class Piece:
    """One unit of the seed's body: heading, paragraph, question or bullet."""

    kind: str  # heading | paragraph | question | bullet
    text: str
    depth: int = 0
    number: int = 0


def seed_body() -> list[Piece]:
    """The seed from its executive summary to its PCC response, as pieces."""
    pieces: list[Piece] = []
    started = False
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip().replace("**", "")
        if line.startswith("### EXECUTIVE SUMMARY"):
            started = True
        if not started or not line.strip():
            continue
        if line.strip() == "For Office Use Only":
            break
        heading = re.match(r"^#{2,3}\s+(.*)$", line)
        question = re.match(r"^(?:-\s+)?\*?(\d)\)\s+\*?(.*?)\*?$", line.strip())
        bullet = re.match(r"^(\s*)-\s?(.*)$", line)
        if heading:
            pieces.append(Piece("heading", heading.group(1)))
        elif question:
            pieces.append(Piece("question", question.group(2), number=int(question.group(1))))
        elif bullet:
            pieces.append(Piece("bullet", bullet.group(2), depth=1 if bullet.group(1) else 0))
        else:
            pieces.append(Piece("paragraph", line.strip()))
    return pieces


TITLE = "RESPONSE BY THE PCC TO HMIC INSPECTIONS OF CLEVELAND POLICE"


def _box(checked: bool) -> str:
    return "[X]" if checked else "[ ]"


def render_pdf(path: Path, *, pages: int | None = None) -> None:
    """The seed as a PDF with header, footers, bullets and a details form.

    With ``pages``, the findings are repeated until the document has about
    that many pages (for benchmarks).
    """
    from fpdf import FPDF

    class Document(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=9)
            self.cell(0, 6, "OFFICIAL", align="C")
            self.ln(10)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Document(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(__import__("datetime").datetime(2017, 3, 2))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(0, 7, TITLE)
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, "INSPECTION DETAILS", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for label, value in DETAILS:
        pdf.cell(70, 6, label)
        pdf.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(70, 6, "Type of Inspection:")
    for index, (label, checked) in enumerate(TYPES):
        if index:
            pdf.cell(70, 6, "")
        pdf.cell(0, 6, f"{_box(checked)} {label}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(100, 6, "Is Cleveland Police quoted in the Report?")
    pdf.cell(0, 6, f"Yes {_box(QUOTED)}   No {_box(not QUOTED)}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    body = seed_body()
    if pages is not None:
        findings = [p for p in body if p.kind in ("question", "bullet")]
        split = next(i for i, p in enumerate(body) if p.text.startswith("FORCE RESPONSE"))
        filler: list[Piece] = []
        while len(filler) < 40 * pages:
            filler += findings
        if pages <= 2:  # the seed itself runs to three pages: keep half its findings
            body = body[: split // 2] + body[split:]
        else:
            body = body[:split] + filler[: 23 * (pages - 3)] + body[split:]
    for piece in body:
        if piece.kind == "heading":
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(0, 7, piece.text, new_x="LMARGIN", new_y="NEXT")
        elif piece.kind == "question":
            pdf.set_font("Helvetica", "I", 11)
            pdf.set_x(pdf.l_margin + 6)
            pdf.multi_cell(0, 6, f"{piece.number})  {piece.text}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif piece.kind == "bullet":
            pdf.set_font("Helvetica", size=11)
            indent = 6 + 8 * piece.depth
            pdf.set_x(pdf.l_margin + indent)
            pdf.cell(6, 6, "•" if piece.depth == 0 else "–")
            pdf.multi_cell(0, 6, piece.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        else:
            pdf.set_font("Helvetica", size=11)
            pdf.multi_cell(0, 6, piece.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, "FOR OFFICE USE ONLY", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for label, checked in OFFICE_USE:
        pdf.cell(120, 6, label)
        pdf.cell(0, 6, _box(checked), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def render_text() -> str:
    """The seed as plain text: underlined headings, wrapped lines, * and o bullets."""
    out = [TITLE, "=" * len(TITLE), "", "INSPECTION DETAILS", "-" * 18, ""]
    for label, value in DETAILS:
        out.append(f"{label + ':':28}{value}")
    options = "   ".join(f"{_box(c)} {label}" for label, c in TYPES[:3])
    out.append(f"{'Type of Inspection:':28}{options}")
    out.append(" " * 28 + "   ".join(f"{_box(c)} {label}" for label, c in TYPES[3:]))
    out.append(
        f"Is Cleveland Police quoted in the Report?   Yes {_box(QUOTED)}   No {_box(not QUOTED)}"
    )
    out.append("")
    for piece in seed_body():
        if piece.kind == "heading":
            out += ["", piece.text, "-" * len(piece.text), ""]
        elif piece.kind == "question":
            out += textwrap.wrap(
                f"{piece.number}) {piece.text}", 72, initial_indent="", subsequent_indent="   "
            )
            out.append("")
        elif piece.kind == "bullet":
            lead = "  * " if piece.depth == 0 else "      o "
            out += textwrap.wrap(
                piece.text, 72, initial_indent=lead, subsequent_indent=" " * len(lead)
            )
            out.append("")
        else:
            out += [*textwrap.wrap(piece.text, 72), ""]
    out += ["FOR OFFICE USE ONLY", "-" * 19, ""]
    out += [f"{label + ':':40}{_box(checked)}" for label, checked in OFFICE_USE]
    return "\r\n".join(out) + "\r\n"


def render_docx(path: Path) -> None:
    """The seed as a Word form: details table, heading styles, list styles, office-use table."""
    import docx

    def box(checked: bool) -> str:
        return "☒" if checked else "☐"

    document = docx.Document()
    title = document.add_paragraph()
    title.add_run(TITLE).bold = True
    document.add_heading("INSPECTION DETAILS", level=2)
    table = document.add_table(rows=0, cols=2)
    for label, value in DETAILS:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    cells = table.add_row().cells
    cells[0].text = "Type of Inspection:"
    cells[1].text = f"{box(TYPES[0][1])} {TYPES[0][0]}"
    for label, checked in TYPES[1:]:
        cells[1].add_paragraph(f"{box(checked)} {label}")
    cells = table.add_row().cells
    cells[0].text = "Is Cleveland Police quoted in the Report?"
    cells[1].text = f"Yes {box(QUOTED)}   No {box(not QUOTED)}"
    for piece in seed_body():
        if piece.kind == "heading":
            document.add_heading(piece.text, level=2)
        elif piece.kind == "question":
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{piece.number}) {piece.text}").italic = True
        elif piece.kind == "bullet":
            document.add_paragraph(
                piece.text, style="List Bullet" if not piece.depth else "List Bullet 2"
            )
        else:
            document.add_paragraph(piece.text)
    document.add_heading("FOR OFFICE USE ONLY", level=2)
    office = document.add_table(rows=0, cols=2)
    for label, checked in OFFICE_USE:
        cells = office.add_row().cells
        cells[0].text, cells[1].text = label, box(checked)
    section = document.sections[0]
    section.footer.paragraphs[0].text = "Page 1"
    document.core_properties.created = __import__("datetime").datetime(2017, 3, 2)
    document.save(str(path))


def render_odt(path: Path) -> None:
    """The seed as LibreOffice would save the Word form: headings with outline levels,
    nested bullet lists, a details table whose inspection types are checkbox controls."""
    from xml.sax.saxutils import escape

    from tests.odf import odt_bytes

    def row(*cells: str) -> str:
        return (
            "<table:table-row>"
            + "".join(f"<table:table-cell>{cell}</table:table-cell>" for cell in cells)
            + "</table:table-row>"
        )

    def para(text: str, style: str = "") -> str:
        attribute = f' text:style-name="{style}"' if style else ""
        return f"<text:p{attribute}>{escape(text)}</text:p>"

    def heading(text: str) -> str:
        return f'<text:h text:outline-level="2">{escape(text)}</text:h>'

    forms, controls = [], {}
    # The inspection types print their label beside the box; the office-use boxes
    # stand in a cell of their own beside the label's.
    boxes = [(label, checked, label) for label, checked in TYPES]
    boxes += [(label, checked, "") for label, checked in OFFICE_USE]
    for index, (label, checked, printed) in enumerate(boxes, start=1):
        state = "checked" if checked else "unchecked"
        forms.append(
            f'<form:checkbox form:id="control{index}" form:label="{escape(printed)}" '
            f'form:current-state="{state}"/>'
        )
        controls[label] = f"control{index}"
    types = "".join(
        f'<text:p><draw:control draw:control="{controls[t]}"/></text:p>' for t, _ in TYPES
    )
    quoted = f"Yes {'☒' if QUOTED else '☐'}   No {'☐' if QUOTED else '☒'}"
    body = [para(TITLE, "Bold"), heading("INSPECTION DETAILS"), "<table:table>"]
    body += [row(para(label), para(value)) for label, value in DETAILS]
    body += [row(para("Type of Inspection:"), types)]
    body += [row(para("Is Cleveland Police quoted in the Report?"), para(quoted)), "</table:table>"]
    open_items = 0  # how deep the bullet list now open is: 0 none, 1 or 2 levels
    for piece in seed_body():
        if piece.kind != "bullet":
            body.append("</text:list-item></text:list>" * open_items)
            open_items = 0
        if piece.kind == "heading":
            body.append(heading(piece.text))
        elif piece.kind == "question":
            body.append(
                f'<text:p><text:span text:style-name="Italic">{piece.number}) '
                f"{escape(piece.text)}</text:span></text:p>"
            )
        elif piece.kind == "bullet":
            level = piece.depth + 1
            if level > open_items:
                body.append(
                    '<text:list text:style-name="Bullets"><text:list-item>' * (level - open_items)
                )
            else:
                body.append("</text:list-item></text:list>" * (open_items - level))
                body.append("</text:list-item><text:list-item>")
            open_items = level
            body.append(para(piece.text))
        else:
            body.append(para(piece.text))
    body.append("</text:list-item></text:list>" * open_items)
    body.append(heading("FOR OFFICE USE ONLY") + "<table:table>")
    for label, _ in OFFICE_USE:
        body.append(
            row(para(label), f'<text:p><draw:control draw:control="{controls[label]}"/></text:p>')
        )
    body.append("</table:table>")
    path.write_bytes(
        odt_bytes(
            "".join(body),
            forms="<form:form>" + "".join(forms) + "</form:form>",
            styles=(
                '<style:style style:name="Bold" style:family="paragraph">'
                '<style:text-properties fo:font-weight="bold"/></style:style>'
                '<text:list-style style:name="Bullets">'
                '<text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
                '<text:list-level-style-bullet text:level="2" text:bullet-char="◦"/>'
                "</text:list-style>"
            ),
            automatic_styles=(
                '<style:style style:name="Italic" style:family="text">'
                '<style:text-properties fo:font-style="italic"/></style:style>'
            ),
        )
    )


def render_rtf() -> str:
    """The seed as Word writes RTF: bold headings, \\listtext bullets, the form as a table."""

    def escape(text: str) -> str:
        text = text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in text)

    def row(*cells: str) -> str:
        edges = "".join(f"\\cellx{3000 * (i + 1)}" for i in range(len(cells)))
        return (
            f"\\trowd{edges}\\pard\\intbl "
            + "".join(f"{escape(c)}\\cell " for c in cells)
            + "\\row\n"
        )

    def box(checked: bool) -> str:
        return "☒" if checked else "☐"

    out = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Calibri;}{\\f1\\fcharset2 Symbol;}}\n"]
    out.append(f"\\pard\\b {escape(TITLE)}\\b0\\par\n\\pard\\b INSPECTION DETAILS\\b0\\par\n")
    out += [row(label, value) for label, value in DETAILS]
    out.append(row("Type of Inspection:", "  ".join(f"{box(c)} {t}" for t, c in TYPES)))
    out.append(
        row(
            "Is Cleveland Police quoted in the Report?", f"Yes {box(QUOTED)}   No {box(not QUOTED)}"
        )
    )
    for piece in seed_body():
        if piece.kind == "heading":
            out.append(f"\\pard\\b {escape(piece.text)}\\b0\\par\n")
        elif piece.kind == "question":
            out.append(f"\\pard\\i {piece.number}) {escape(piece.text)}\\i0\\par\n")
        elif piece.kind == "bullet":
            glyph = "\\u-3913 ?" if piece.depth == 0 else "o"
            out.append(
                f"{{\\listtext\\pard\\plain\\f1 {glyph}\\tab}}\\ls1\\ilvl{piece.depth} "
                f"{escape(piece.text)}\\par\n"
            )
        else:
            out.append(f"\\pard {escape(piece.text)}\\par\n")
    out.append("\\pard\\b FOR OFFICE USE ONLY\\b0\\par\n")
    out += [row(label, box(checked)) for label, checked in OFFICE_USE]
    return "".join(out) + "}\n"


def main() -> None:
    samples = FIXTURES / "samples"
    render_pdf(samples / "cleveland-seed-rendered.pdf")
    render_docx(samples / "cleveland-seed-rendered.docx")
    render_odt(samples / "cleveland-seed-rendered.odt")
    (samples / "cleveland-seed-rendered.txt").write_bytes(render_text().encode("cp1252"))


if __name__ == "__main__":
    main()
