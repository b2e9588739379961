"""The two PDF engines read the same documents into the same records."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.helpers import differences, pdf_from_objects, record_of

PDFS = sorted(SAMPLES.glob("*.pdf"))
# Engines take a line's height from different font metrics (pdfminer's and
# PDFium's descent); boxes agree to within this many points.
BOX_TOLERANCE = 4.0


def _split_boxes(record: dict[str, object]) -> tuple[dict[str, object], list[float]]:
    """The record without its box coordinates, and the coordinates in order."""
    from tests.helpers import flatten

    boxes = [value for path, value in flatten(record).items() if re.search(r"\.bbox\[\d\]$", path)]
    return record, [float(v) for v in boxes]


@pytest.mark.parametrize("pdf", [*PDFS, "rendered"], ids=lambda p: getattr(p, "name", str(p)))
def test_pdfium_and_pdfplumber_give_the_same_record(
    pdf: Path | str, rendered: dict[str, Path]
) -> None:
    path = rendered["pdf"] if pdf == "rendered" else Path(pdf)
    fast = record_of(path, engine="pdfium")
    reference = record_of(path, engine="pdfplumber")
    mismatches = [d for d in differences(reference, fast, ignore=("source",)) if ".bbox[" not in d]
    assert mismatches == []
    _, fast_boxes = _split_boxes(fast)
    _, reference_boxes = _split_boxes(reference)
    assert len(fast_boxes) == len(reference_boxes) > 0
    worst = max(abs(a - b) for a, b in zip(fast_boxes, reference_boxes, strict=True))
    assert worst <= BOX_TOLERANCE


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
