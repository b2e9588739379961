"""Highlight images: every extracted item boxed and labelled on its PDF page.

An analyst checks at a glance what was taken and what was missed. Pages are
rendered by the PDF loader; this module only draws.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageDraw

from hmic_extract.errors import OutputError, UnsupportedFormatError
from hmic_extract.models import Location, Record
from hmic_extract.options import Options

# Colours by what was extracted: sections are context, items are the answers.
COLOURS = {
    "section": (150, 150, 150),
    "question": (31, 119, 180),
    "area_for_improvement": (255, 127, 14),
    "recommendation": (44, 160, 44),
    "cause_of_concern": (214, 39, 40),
}
RESOLUTION = 100  # dots per inch: legible text, small files


@dataclass(frozen=True, slots=True)
class Mark:
    """One box to draw: its page, box in PDF points, label and kind."""

    page: int
    bbox: tuple[float, float, float, float]
    label: str
    kind: str


def _boxes(location: Location) -> Iterator[tuple[int, tuple[float, float, float, float]]]:
    if location.boxes:
        for box in location.boxes:
            yield box.page, (box.bbox[0], box.bbox[1], box.bbox[2], box.bbox[3])
    elif location.page is not None and location.bbox is not None:
        b = location.bbox
        yield location.page, (b[0], b[1], b[2], b[3])


def marks(record: Record) -> list[Mark]:
    """Every located section, question and item of a record, as boxes to draw."""
    found: list[Mark] = []

    def add(location: Location, label: str, kind: str) -> None:
        found.extend(Mark(page, box, label, kind) for page, box in _boxes(location))

    for section in record.sections:
        add(section.location, section.kind, "section")
    for question in record.core_questions:
        tag = f"Q{question.number}" if question.number is not None else "Q"
        add(question.location, tag, "question")
        for index, item in enumerate(question.areas_for_improvement, start=1):
            add(item.location, f"{tag} AFI {index}", "area_for_improvement")
    for kind, items, tag in (
        ("area_for_improvement", record.areas_for_improvement, "AFI"),
        ("recommendation", record.recommendations, "REC"),
        ("cause_of_concern", record.causes_of_concern, "COC"),
    ):
        for index, item in enumerate(items, start=1):
            under = f"Q{item.question} " if item.question is not None else ""
            add(item.location, f"{under}{tag} {index}", kind)
    return found


def write_highlights(data: bytes, record: Record, out_dir: Path, *, options: Options) -> list[Path]:
    """One PNG per page with every extracted item boxed and labelled; the paths written."""
    if record.source.format != "pdf":
        raise UnsupportedFormatError("highlight images need a PDF input")
    from hmic_extract.load.pdf import page_images

    scale = RESOLUTION / 72
    by_page: dict[int, list[Mark]] = {}
    for mark in marks(record):
        by_page.setdefault(mark.page, []).append(mark)
    stem = Path(record.source.path).name
    written = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write to {out_dir}: {exc.strerror}") from exc
    for number, image in page_images(data, resolution=RESOLUTION, options=options):
        draw = ImageDraw.Draw(image)
        for mark in by_page.get(number, []):
            colour = COLOURS[mark.kind]
            x0, top, x1, bottom = (value * scale for value in mark.bbox)
            width = 1 if mark.kind == "section" else 2
            draw.rectangle((x0 - 2, top - 2, x1 + 2, bottom + 2), outline=colour, width=width)
            label_top = max(top - 12, 0)
            text_box = draw.textbbox((x0, label_top), mark.label)
            draw.rectangle(text_box, fill=colour)
            draw.text((x0, label_top), mark.label, fill=(255, 255, 255))
        path = out_dir / f"{stem}.page-{number:03}.png"
        try:
            image.save(path, format="PNG")
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror}") from exc
        written.append(path)
    return written
