"""The two PDF engines read the same documents into the same records."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.helpers import engine_differences, flatten, pdf_from_objects, record_of

# Every PDF kept as a fixture: generated, LibreOffice's, and markdown -> Word -> PDF.
PDFS = sorted(SAMPLES.parent.rglob("*.pdf"))


@pytest.mark.parametrize(
    "pdf",
    [*PDFS, "rendered"],
    ids=lambda p: f"{p.parent.name}/{p.name}" if isinstance(p, Path) else str(p),
)
def test_pdfium_and_pdfplumber_give_the_same_record(
    pdf: Path | str, rendered: dict[str, Path]
) -> None:
    path = rendered["pdf"] if pdf == "rendered" else Path(pdf)
    assert engine_differences(path) == []
    assert any(key.endswith(".bbox[0]") for key in flatten(record_of(path)))


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_fake_bold_is_read_once(tmp_path: Path, engine: str) -> None:
    """Regression: text drawn twice a hair apart (fake bold) must not double its letters."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for offset in (0.0, 0.15):
        pdf.text(20 + offset, 30, "FINDINGS")
    path = tmp_path / "fake-bold.pdf"
    pdf.output(str(path))
    from hmic_extract.load import load_bytes
    from hmic_extract.options import Options

    [line] = load_bytes(path.read_bytes(), options=Options(engine=engine)).blocks
    assert line.text == "FINDINGS"


def _pdf_with_content(stream: bytes) -> bytes:
    """A one-page PDF (Helvetica as /F1) whose page draws ``stream``."""
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_gaps_inside_one_text_object_are_read_as_spaces_and_columns(engine: str) -> None:
    """Words spaced by TJ offsets (no space characters, as TeX writes them) read as
    words, and a wide offset in the same object as a column gap."""
    from hmic_extract.load import load_bytes
    from hmic_extract.options import Options

    stream = (
        b"BT /F1 11 Tf 72 700 Td [(Areas)-300(for)-300(improvement)] TJ ET\n"
        b"BT /F1 11 Tf 72 680 Td [(Date)-300(of)-300(Inspection)-12000(May)-300(2017)] TJ ET\n"
        b"BT /F1 11 Tf 72 660 Td (Force response) Tj ET\n"
    )
    blocks = load_bytes(_pdf_with_content(stream), options=Options(engine=engine)).blocks
    assert [block.text for block in blocks] == [
        "Areas for improvement",
        "Date of Inspection  May 2017",
        "Force response",
    ]
    assert len(blocks[1].columns) == 2


def _form_with_drawn_boxes(path: Path) -> None:
    """A details form whose boxes are drawn as paths (as Word prints form fields), one
    crossed through; and a list whose bullets are filled squares."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(20, 20)
    pdf.cell(0, 6, "Type of inspection:")
    for index, (label, ticked) in enumerate([("National", False), ("Thematic", True)]):
        x = 65 + index * 40
        pdf.rect(x, 21, 3.5, 3.5)  # stroked, unfilled: a box
        if ticked:
            pdf.line(x + 0.7, 21.7, x + 2.8, 23.8)
            pdf.line(x + 2.8, 21.7, x + 0.7, 23.8)
        pdf.set_xy(x + 5, 20)
        pdf.cell(30, 6, label)
    pdf.rect(20, 33, 2, 2, style="F")  # a filled square: a bullet, not a box
    pdf.set_xy(25, 31)
    pdf.cell(0, 6, "The force should improve its crime recording.")
    pdf.output(str(path))


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_boxes_drawn_as_paths_are_read_as_boxes(tmp_path: Path, engine: str) -> None:
    from hmic_extract.load import load_bytes
    from hmic_extract.options import Options

    path = tmp_path / "form.pdf"
    _form_with_drawn_boxes(path)
    texts = [b.text for b in load_bytes(path.read_bytes(), options=Options(engine=engine)).blocks]
    assert texts == [
        "Type of inspection:  ☐ National  ☒ Thematic",
        "The force should improve its crime recording.",
    ]
