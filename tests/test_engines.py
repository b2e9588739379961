"""The two PDF engines read the same documents into the same records."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.helpers import differences, record_of

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
