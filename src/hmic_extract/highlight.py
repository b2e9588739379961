"""Where every item came from: highlight images of PDF pages, and an HTML review page.

An analyst checks at a glance what was taken and what was missed. Pages are
rendered by the PDF loader; this module only draws. Boxes enclose the whole
item (its sub-items too) with a margin, labels stand outside the text column,
one colour per kind, and each page carries a legend.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import ImageDraw, ImageFont

from hmic_extract.errors import OutputError, UnsupportedFormatError
from hmic_extract.models import Location, Record
from hmic_extract.options import Options
from hmic_extract.write import write_atomic

# One colour per kind (the Tableau 10 palette: distinct, and legible on white).
COLOURS = {
    "section": (150, 150, 150),
    "question": (31, 119, 180),
    "area_for_improvement": (255, 127, 14),
    "recommendation": (44, 160, 44),
    "cause_of_concern": (214, 39, 40),
}
LEGEND = {
    "section": "section",
    "question": "core question",
    "area_for_improvement": "area for improvement",
    "recommendation": "recommendation",
    "cause_of_concern": "cause of concern",
}
DEFAULT_DPI = 150  # legible labels and body text; about 150 kB a page
MARGIN = 3.0  # points between an item's text and its box: the box never touches a glyph
LABEL_SIZE = 9.0  # points: a label reads as small print beside body text
LABEL_GAP = 2.0  # points between a box and its label


@dataclass(frozen=True, slots=True)
class Mark:
    """One box to draw: its page, box in PDF points, label, kind, and the anchor its entry
    in a review page links to."""

    page: int
    bbox: tuple[float, float, float, float]
    label: str
    kind: str
    anchor: str


def _boxes(location: Location) -> Iterator[tuple[int, tuple[float, float, float, float]]]:
    if location.boxes:
        for box in location.boxes:
            yield box.page, (box.bbox[0], box.bbox[1], box.bbox[2], box.bbox[3])
    elif location.page is not None and location.bbox is not None:
        b = location.bbox
        yield location.page, (b[0], b[1], b[2], b[3])


@dataclass(frozen=True, slots=True)
class Entry:
    """A located part of the record: what a review page lists and links to its place."""

    anchor: str
    label: str
    kind: str
    text: str
    location: Location


def entries(record: Record) -> list[Entry]:
    """Every section, question and item of a record, in reading order of the record.

    An item's anchor is its ``item_id`` ("afi-3"), as in the CSV and the SQLite store.
    """
    from hmic_extract.export import item_id, items_of

    found = [
        Entry(f"section-{index}", section.kind, "section", section.heading, section.location)
        for index, section in enumerate(record.sections, start=1)
    ]
    found += [
        Entry(f"q-{index}", _question_tag(q.number), "question", q.text, q.location)
        for index, q in enumerate(record.core_questions, start=1)
    ]
    for kind, question, position, item in items_of(record):
        number = question.number if question is not None else item.question
        under = f"{_question_tag(number)} " if number is not None else ""
        anchor = item_id(kind, position)
        label = f"{under}{anchor.split('-')[0].upper()} {anchor.split('-')[1]}"
        found.append(Entry(anchor, label, kind, item.text, item.location))
    return found


def _question_tag(number: int | None) -> str:
    return f"Q{number}" if number is not None else "Q"


def marks(record: Record) -> list[Mark]:
    """Every located section, question and item of a record, as boxes to draw."""
    return [
        Mark(page, box, entry.label, entry.kind, entry.anchor)
        for entry in entries(record)
        for page, box in _boxes(entry.location)
    ]


def marks_by_page(record: Record) -> dict[int, list[Mark]]:
    """The record's marks, page by page."""
    by_page: dict[int, list[Mark]] = {}
    for mark in marks(record):
        by_page.setdefault(mark.page, []).append(mark)
    return by_page


def _font(pixels: int) -> Any:
    """A scalable font at ``pixels`` (Pillow's bundled one), or its bitmap font before 10.1."""
    try:
        return ImageFont.load_default(size=pixels)
    except TypeError:
        return ImageFont.load_default()


def _draw_page(image: Any, page_marks: list[Mark], scale: float) -> None:
    """Boxes with a margin; item labels in the left margin, section labels in the right one
    (falling back inside the page edge), and a legend in the bottom right corner."""
    draw = ImageDraw.Draw(image)
    font = _font(max(8, round(LABEL_SIZE * scale)))
    width = image.size[0]
    # sections first, so item boxes are drawn over the section boxes they sit in
    for mark in sorted(page_marks, key=lambda m: m.kind != "section"):
        colour = COLOURS[mark.kind]
        x0, top, x1, bottom = (value * scale for value in mark.bbox)
        pad = MARGIN * scale
        outline = 1 if mark.kind == "section" else max(2, round(scale))
        draw.rectangle((x0 - pad, top - pad, x1 + pad, bottom + pad), outline=colour, width=outline)
        left, upper, right, lower = draw.textbbox((0, 0), mark.label, font=font)
        label_width, label_height = right - left + 4, lower - upper + 4
        gap = (MARGIN + LABEL_GAP) * scale
        if mark.kind == "section":
            x = min(x1 + gap, width - label_width)
        else:
            x = max(x0 - gap - label_width, 0)
        y = max(top - pad, 0)
        draw.rectangle((x, y, x + label_width, y + label_height), fill=colour)
        draw.text((x + 2 - left, y + 2 - upper), mark.label, fill=(255, 255, 255), font=font)
    _draw_legend(draw, font, image.size, scale)


def _draw_legend(draw: Any, font: Any, size: tuple[int, int], scale: float) -> None:
    width, height = size
    rows = list(LEGEND.items())
    line = round(LABEL_SIZE * scale * 1.5)
    swatch = round(LABEL_SIZE * scale)
    text_width = max(draw.textlength(text, font=font) for _, text in rows)
    box_width = round(swatch + 3 * LABEL_GAP * scale + text_width)
    # the bottom right corner: clear of the text column and of section labels, beside
    # (not over) a centred page number
    x0 = width - box_width - round(4 * scale)
    y0 = height - line * len(rows) - 4 - round(4 * scale)
    draw.rectangle(
        (x0, y0, x0 + box_width, y0 + line * len(rows) + 4),
        fill=(255, 255, 255),
        outline=(120, 120, 120),
    )
    for index, (kind, text) in enumerate(rows):
        y = y0 + 4 + index * line
        x = x0 + round(LABEL_GAP * scale)
        draw.rectangle((x, y, x + swatch, y + swatch), fill=COLOURS[kind])
        draw.text((x + swatch + round(LABEL_GAP * scale), y), text, fill=(0, 0, 0), font=font)


def _highlighted_pages(
    data: bytes,
    record: Record,
    *,
    dpi: int,
    options: Options,
    by_page: dict[int, list[Mark]] | None = None,
) -> Iterator[tuple[int, Any]]:
    """Each PDF page drawn with its marks (``by_page``, when the caller has them)."""
    if record.source.format != "pdf":
        raise UnsupportedFormatError(
            f"highlight images need a PDF input, not {record.source.format}"
        )
    from hmic_extract.load.pdf import page_images

    by_page = by_page if by_page is not None else marks_by_page(record)
    for number, image in page_images(data, resolution=dpi, options=options):
        _draw_page(image, by_page.get(number, []), dpi / 72)
        yield number, image


def write_highlights(
    data: bytes, record: Record, out_dir: Path, *, dpi: int = DEFAULT_DPI, options: Options
) -> list[Path]:
    """One PNG per page with every extracted item boxed and labelled; the paths written."""
    stem = Path(record.source.path).name
    written = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write to {out_dir}: {exc.strerror}") from exc
    for number, image in _highlighted_pages(data, record, dpi=dpi, options=options):
        path = out_dir / f"{stem}.page-{number:03}.png"
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        write_atomic(path, buffer.getvalue())
        written.append(path)
    return written


_REVIEW_STYLE = """
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; display: flex; height: 100vh; }
#source { flex: 3; overflow: auto; background: #666; padding: 12px; }
#record { flex: 2; overflow: auto; padding: 12px 18px; }
.page { position: relative; margin: 0 auto 12px; background: #fff; }
.page img { display: block; width: 100%; }
.box { position: absolute; border: 2px solid transparent; }
.box:target, .box.on { border-color: #000; background: rgba(255, 230, 0, .25); }
pre { background: #fff; margin: 0; padding: 8px; white-space: pre-wrap; }
.line { display: block; }
.line:target, .line.on { background: #ffe680; }
.no { color: #999; display: inline-block; width: 4em; user-select: none; }
.entry { display: block; padding: 4px 6px; margin: 2px 0; border-left: 6px solid;
         color: inherit; text-decoration: none; }
.entry:hover { background: #f3f3f3; }
.tag { font-weight: bold; margin-right: .4em; }
"""

_REVIEW_SCRIPT = """
document.querySelectorAll('.entry').forEach(function (entry) {
  entry.addEventListener('click', function () {
    document.querySelectorAll('.on').forEach(function (e) { e.classList.remove('on'); });
    document.querySelectorAll('[data-for="' + entry.dataset.anchor + '"]')
      .forEach(function (e) { e.classList.add('on'); });
  });
});
"""


def _colour(kind: str) -> str:
    red, green, blue = COLOURS[kind]
    return f"#{red:02x}{green:02x}{blue:02x}"


def _record_panel(record: Record, links: dict[str, str]) -> str:
    """The record side: details, then every entry linked to its place in the source."""
    details = [
        ("force", record.force),
        ("commissioner", record.commissioner),
        ("chief constable", record.chief_constable),
        ("inspection", record.inspection.title),
        (
            "published",
            record.inspection.published.isoformat() if record.inspection.published else None,
        ),
        ("grade", record.judgement.grade),
        ("previous grade", record.judgement.previous_grade),
    ]
    parts = ["<h2>Record</h2><dl>"]
    for name, value in details:
        parts.append(f"<dt>{name}</dt><dd>{html.escape(value or '–')}</dd>")
    parts.append("</dl>")
    for entry in entries(record):
        target = links.get(entry.anchor)
        where = f'href="#{target}"' if target else ""
        parts.append(
            f'<a class="entry" {where} data-anchor="{entry.anchor}" id="entry-{entry.anchor}" '
            f'style="border-color:{_colour(entry.kind)}">'
            f'<span class="tag">{html.escape(entry.label)}</span>{html.escape(entry.text)}</a>'
        )
    if record.warnings:
        parts.append("<h3>Warnings</h3><ul>")
        parts.extend(
            f"<li><b>{html.escape(w.code)}</b>: {html.escape(w.message)}</li>"
            for w in record.warnings
        )
        parts.append("</ul>")
    return "".join(parts)


def _pdf_panel(
    data: bytes, record: Record, *, dpi: int, options: Options
) -> tuple[str, dict[str, str]]:
    """The PDF's highlighted pages, each mark a linkable box over its place."""
    by_page = marks_by_page(record)
    parts: list[str] = []
    links: dict[str, str] = {}
    scale = dpi / 72
    for number, image in _highlighted_pages(
        data, record, dpi=dpi, options=options, by_page=by_page
    ):
        width, height = image.size
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
        parts.append(f'<div class="page" id="page-{number}" style="max-width:{width}px">')
        parts.append(f'<img alt="page {number}" src="data:image/png;base64,{encoded}">')
        for index, mark in enumerate(by_page.get(number, [])):
            x0, top, x1, bottom = (value * scale for value in mark.bbox)
            pad = MARGIN * scale
            box_id = f"box-{number}-{index}"
            links.setdefault(mark.anchor, box_id)
            style = (
                f"left:{100 * (x0 - pad) / width:.3f}%;top:{100 * (top - pad) / height:.3f}%;"
                f"width:{100 * (x1 - x0 + 2 * pad) / width:.3f}%;"
                f"height:{100 * (bottom - top + 2 * pad) / height:.3f}%"
            )
            label = html.escape(mark.label)
            parts.append(
                f'<a class="box" id="{box_id}" data-for="{mark.anchor}" '
                f'href="#entry-{mark.anchor}" title="{label}" style="{style}"></a>'
            )
        parts.append("</div>")
    return "".join(parts), links


def _text_panel(data: bytes, record: Record) -> tuple[str, dict[str, str]]:
    """A text or markdown source, line by line; each entry links to its first line, and
    every line of an entry is marked as its own."""
    from hmic_extract.load.text import decode_text

    lines = decode_text(data).splitlines()
    owners: dict[int, list[str]] = {}
    links: dict[str, str] = {}
    for entry in entries(record):
        links[entry.anchor] = f"line-{entry.location.line_start}"
        if entry.kind == "section":
            continue  # a section spans pages of lines; marking them hides the items
        for number in range(entry.location.line_start, entry.location.line_end + 1):
            owners.setdefault(number, []).append(entry.anchor)
    parts = ["<pre>"]
    for number, line in enumerate(lines, start=1):
        marked = " ".join(owners.get(number, []))
        data_for = f' data-for="{marked}"' if marked else ""
        parts.append(
            f'<span class="line" id="line-{number}"{data_for}>'
            f'<span class="no">{number}</span>{html.escape(line)}</span>'
        )
    parts.append("</pre>")
    return "".join(parts), links


def review_html(data: bytes, record: Record, *, dpi: int = DEFAULT_DPI, options: Options) -> str:
    """A self-contained review page: the source on the left (PDF pages with every item
    boxed, or text lines), the record on the right, each entry linked to its place."""
    if record.source.format == "pdf":
        source, links = _pdf_panel(data, record, dpi=dpi, options=options)
    elif record.source.format in ("text", "markdown"):
        source, links = _text_panel(data, record)
    else:
        raise UnsupportedFormatError(
            f"a review page needs a PDF, text or markdown input, not {record.source.format} "
            "(its locations count paragraphs, not lines you could see)"
        )
    title = html.escape(record.inspection.title or record.title or record.source.path)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title} — hmic-extract review</title><style>{_REVIEW_STYLE}</style></head>"
        f'<body><div id="source">{source}</div>'
        f'<div id="record"><h1>{title}</h1>{_record_panel(record, links)}</div>'
        f"<script>{_REVIEW_SCRIPT}</script></body></html>\n"
    )


def write_review(
    data: bytes, record: Record, path: Path, *, dpi: int = DEFAULT_DPI, options: Options
) -> None:
    """Write the review page (see :func:`review_html`) to ``path``."""
    write_atomic(path, review_html(data, record, dpi=dpi, options=options))
