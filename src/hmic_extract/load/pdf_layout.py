"""What every PDF engine hands on: visual lines with geometry and style, as LINE blocks.

Both engines (pdfplumber and pdfium) reduce a page to :class:`PdfLine` s; this
module turns them into blocks the same way, so the engines differ only in how
they read a page.
"""

from __future__ import annotations

import functools
import itertools
import statistics
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from hmic_extract.blocks import Block, BlockKind, LoadedDocument, Location, Style
from hmic_extract.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from hmic_extract.options import Options
from hmic_extract.vocabulary import CHECKED, TICK_MARK, TYPED_BOX, UNCHECKED

# A horizontal gap wider than this many font sizes separates columns on one line
# (label | value in a details form); it becomes two spaces in the text.
COLUMN_GAP = 1.2
# Font-name parts that mean a bold face ("Arial-BoldMT", "LiberationSans-Bold").
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


def font_style(fontname: str) -> tuple[bool, bool]:
    """(bold, italic) from a PDF font name, subset prefix ("ABCDEF+") ignored."""
    name = fontname.rsplit("+", maxsplit=1)[-1].casefold()
    bold = any(mark in name for mark in _BOLD_NAMES)
    italic = "italic" in name or "oblique" in name
    return bold, italic


class PdfLine(NamedTuple):
    """One visual line of a page, in PDF points with the origin at the top left.

    Named tuples, not dataclasses, for the per-line and per-word carriers: a
    page makes dozens, and a tuple is built several times faster.
    """

    text: str  # words joined by a space, columns (wide gaps) by two spaces
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the largest font size on the line
    bold: bool  # most of the line's characters are bold
    italic: bool
    columns: tuple[float, ...]  # where each column starts: the line's start, then after gaps
    cells: tuple[str, ...] = ()  # a row of an item table, one text per cell


# Words whose tops differ by less than this fraction of the font size share a line;
# one more than _OFF_LINE off the line's top may belong to the next line instead.
_SAME_LINE = 0.5
_OFF_LINE = 0.25
# Words closer than this many font sizes touch: one word in two fonts, no space.
_TOUCHING = 0.02


class Word(NamedTuple):
    """A word as a PDF engine reads it: text, box (points, top-left origin) and font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool


Box = tuple[float, float, float, float]  # x0, top, x1, bottom in points

# A drawn checkbox: a square path this many points a side (Word prints a form
# field's box about 8 to 11 points wide), its sides equal within the tolerance.
_BOX_SIDE = (5.0, 16.0)
_BOX_SQUARE = 1.5
# A stroke inside a box, clear of its edges by this much, is a tick or a cross.
_BOX_INSET = 0.8


def drawn_boxes(outlines: Sequence[Box], shapes: Sequence[Box]) -> list[Word]:
    """Checkboxes drawn as paths, as words of one glyph: ☒ where a stroke is drawn
    inside the square (a tick or cross), ☐ where none is. ``outlines`` are the paths
    stroked and not filled (a filled square is a bullet), ``shapes`` every path."""
    low, high = _BOX_SIDE
    squares = [
        shape
        for shape in outlines
        if low <= shape[2] - shape[0] <= high
        and low <= shape[3] - shape[1] <= high
        and abs((shape[2] - shape[0]) - (shape[3] - shape[1])) <= _BOX_SQUARE
    ]
    # a stroke of a cross may be as square as a box: a square inside another is a mark
    boxes = [box for box in squares if not any(_inside(box, other) for other in squares)]
    words = []
    for x0, top, x1, bottom in boxes:
        ticked = any(_inside(shape, (x0, top, x1, bottom)) for shape in shapes)
        glyph = CHECKED if ticked else UNCHECKED
        words.append(Word(glyph, x0, x1, top, bottom, bottom - top, False, False))
    return words


def _inside(shape: Box, box: Box) -> bool:
    """Whether a shape lies within a box, clear of its edges."""
    return (
        shape[0] >= box[0] + _BOX_INSET
        and shape[2] <= box[2] - _BOX_INSET
        and shape[1] >= box[1] + _BOX_INSET
        and shape[3] <= box[3] - _BOX_INSET
    )


def visual_lines(words: list[Word]) -> Iterator[list[Word]]:
    """Words grouped into visual lines, top to bottom, each line left to right.

    A word within reach of the line being read still starts the next one when the
    word after it, out of that line's reach, is nearer: a box glyph set a little
    high beside "National ☐ Thematic" belongs to that line, not to the label
    centred between it and the line above.
    """
    ordered = sorted(words, key=lambda w: (round(w.top), w.x0))
    current: list[Word] = []
    for index, word in enumerate(ordered):
        if current:
            size = max(word.size, 1.0)
            distance = abs(word.top - current[0].top)
            if distance > _SAME_LINE * size or (
                distance > _OFF_LINE * size and _nearer_next_line(ordered, index, current[0])
            ):
                yield sorted(current, key=lambda w: w.x0)
                current = []
        current.append(word)
    if current:
        yield sorted(current, key=lambda w: w.x0)


# A page set in two text columns: the gutter between them is this wide at least (points),
# seen in this many lines, with this share of them holding prose on both sides (a
# sentence's last word or two may stand alone), and this share of the right column's
# lines starting at its edge (the others indented: bullets, sub-items).
_GUTTER_MIN = 12.0
_COLUMN_LINES = 6
_COLUMN_SHARE = 0.5
# A column's line holds this many words: prose, not a form's label or a table's cell.
_COLUMN_WORDS = 3


def _wide_gaps(line: Sequence[Word]) -> list[tuple[float, float]]:
    return [
        (before.x1, word.x0)
        for before, word in itertools.pairwise(line)
        if word.x0 - before.x1 >= max(_GUTTER_MIN, 1.5 * word.size)
    ]


def _word_count(words: Sequence[Word]) -> int:
    """Words as a reader counts them (an engine's word may be a run of several)."""
    return sum(len(word.text.split()) for word in words)


def _gutter(lines: Sequence[Sequence[Word]]) -> float | None:
    """Where a page's two text columns part: an x that a wide gap covers in many lines,
    each with prose on both sides and that gap its only one, the right column's lines
    starting at one edge. A form's labels and values, or a table's several columns,
    are no text columns."""
    gaps = [(index, gap) for index, line in enumerate(lines) for gap in _wide_gaps(line)]
    if len(gaps) < _COLUMN_LINES:
        return None

    def covering(x: float) -> int:
        return sum(1 for _, (a, b) in gaps if a < x < b)

    middle = max(((start + end) / 2 for _, (start, end) in gaps), key=covering)
    if covering(middle) < _COLUMN_LINES:
        return None
    split = [
        ([w for w in lines[i] if w.x1 <= middle], [w for w in lines[i] if w.x0 >= middle], i)
        for i, (a, b) in gaps
        if a < middle < b
    ]
    prose = [
        (left, right)
        for left, right, index in split
        if _word_count(left) >= _COLUMN_WORDS
        and _word_count(right) >= _COLUMN_WORDS
        and len(_wide_gaps(lines[index])) == 1
    ]
    if len(prose) < max(_COLUMN_LINES, _COLUMN_SHARE * len(split)):
        return None
    edge = min(right[0].x0 for _, right in prose)
    aligned = sum(1 for _, right in prose if abs(right[0].x0 - edge) <= _SAME_COLUMN)
    return middle if aligned >= _COLUMN_SHARE * len(prose) else None


def _in_columns(lines: list[list[Word]]) -> list[list[Word]]:
    """A page's lines in reading order: where the page is set in two text columns, each
    band between lines that run across the gutter (a masthead, a headline) is read
    down its left column, then down its right."""
    middle = _gutter(lines)
    if middle is None:
        return lines
    ordered: list[list[Word]] = []
    left: list[list[Word]] = []
    right: list[list[Word]] = []
    for line in lines:
        left_part = [word for word in line if word.x1 <= middle]
        right_part = [word for word in line if word.x0 >= middle]
        across = any(word.x0 < middle < word.x1 for word in line) or (
            # words on both sides with no gutter between them: one line across the page
            left_part and right_part and not any(a < middle < b for a, b in _wide_gaps(line))
        )
        if across:
            ordered += left + right + [line]
            left, right = [], []
            continue
        if left_part:
            left.append(left_part)
        if right_part:
            right.append(right_part)
    return ordered + left + right


def in_reading_order(
    pages: list[list[PdfLine]], words: Sequence[list[list[Word]]], ruled: Sequence[bool]
) -> list[list[PdfLine]]:
    """Pages set in two text columns read column by column (``words``: each page's
    visual lines). A page whose drawn cells or prose table gave table rows is a table's,
    whose columns are read as its rows."""
    out = []
    for lines, page_words, grid in zip(pages, words, ruled, strict=True):
        if grid or any(line.cells for line in lines):
            out.append(lines)
            continue
        ordered = _in_columns(page_words)
        out.append(lines if ordered is page_words else [pdf_line(line) for line in ordered])
    return out


def _nearer_next_line(ordered: Sequence[Word], index: int, first: Word) -> bool:
    """Whether ``ordered[index]``, within reach of the line ``first`` starts, is
    nearer the first word after it that is out of that line's reach."""
    word = ordered[index]
    for following in itertools.islice(ordered, index + 1, None):
        if abs(following.top - first.top) > _SAME_LINE * max(following.size, 1.0):
            return abs(following.top - word.top) < abs(word.top - first.top)
    return False


def _columns(line: list[Word]) -> tuple[float, ...]:
    """Where each column of the line starts: its first word, and after each wide gap."""
    starts = [line[0].x0]
    for before, word in itertools.pairwise(line):
        if word.x0 - before.x1 > COLUMN_GAP * word.size:
            starts.append(word.x0)
    return tuple(starts)


def _line_text(line: list[Word]) -> str:
    """Words joined by a space, by two at a column gap, by nothing where they touch.

    Words touch where a font changes inside a word ("‘Good’" bold, "." not).
    """
    parts = [line[0].text]
    for before, word in itertools.pairwise(line):
        gap = word.x0 - before.x1
        if gap > COLUMN_GAP * word.size:
            parts.append("  ")
        elif gap > _TOUCHING * word.size:
            parts.append(" ")
        parts.append(word.text)
    return "".join(parts)


# Column starts this close (points) are one column on two lines.
_SAME_COLUMN = 3.0


def _with_wrapped_cells(line: PdfLine, following: PdfLine) -> str | None:
    """A row's text with the next line's cells added to the columns they start in
    ("Area for" over "improvement"), or None when the next line is not its rest."""
    cells = line.text.split("  ")
    if len(cells) != len(line.columns):
        return None
    merged = dict(zip(line.columns, cells, strict=True))
    for start, cell in zip(following.columns, following.text.split("  "), strict=False):
        column = next((c for c in line.columns if abs(c - start) <= _SAME_COLUMN), None)
        if column is None:
            return None
        merged[column] = f"{merged[column]} {cell}"
    return "  ".join(merged.values())


# A table of prose holds this many words in the columns after its first, over the
# page's lines laid out in columns: items beside their responses, not a form's values.
_TABLE_PROSE_WORDS = 12


def has_prose_table(lines: Sequence[PdfLine]) -> bool:
    """Whether a page shows a table of prose: lines set in columns with sentences
    beyond the first ("What HMICFRS said | What we are doing"), or two rows in the
    same three or more columns ("Recommendation | Response | Owner"), which
    line-by-line reading would interleave. Read from the layout alone; a form's rows
    (boxes or marks to tick, short values) do not count. What the table holds is the
    readers' to say."""
    words = 0
    seen: set[tuple[int, ...]] = set()
    for line in lines:
        if len(line.columns) < 2 or _form_row(line):
            continue
        first, rest = line.text.split("  ", 1)
        columns = line.columns
        if len(first.strip()) <= _MARKER_WIDTH:
            columns = columns[1:]  # a list's bullet or number, then its item: one column
            if len(columns) < 2:
                continue
            rest = rest.split("  ", 1)[1] if "  " in rest else ""
        words += len(rest.split())
        if len(columns) >= 3:
            starts = tuple(round(x / _SAME_COLUMN) for x in columns)
            if starts in seen:
                return True
            seen.add(starts)
    return words >= _TABLE_PROSE_WORDS


# A table's cell drawn as a rectangle of its own is at least this big (points): no
# checkbox, rule or bullet is.
_CELL_WIDTH, _CELL_HEIGHT = 30.0, 10.0


def cell_grid(shapes: Sequence[Box]) -> bool:
    """Whether a page's paths draw a table's cells as rectangles: two columns at least,
    two cells each (how a table made by a PDF library prints, where its text lines
    may not meet side by side)."""
    columns: dict[int, int] = {}
    for x0, top, x1, bottom in shapes:
        if x1 - x0 >= _CELL_WIDTH and bottom - top >= _CELL_HEIGHT:
            column = round(x0 / _SAME_COLUMN)
            columns[column] = columns.get(column, 0) + 1
    return sum(1 for cells in columns.values() if cells >= 2) >= 2


def _form_row(line: PdfLine) -> bool:
    """A row of a form: boxes to tick, or a mark in a column of its own."""
    return (
        CHECKED in line.text
        or UNCHECKED in line.text
        or bool(TYPED_BOX.search(line.text))  # "[X]", before normalise draws it as a glyph
        or _ends_with_mark(line)
    )


def _ends_with_mark(line: PdfLine) -> bool:
    """Whether a line's last column holds only a mark ("Partner Inspection  X")."""
    return len(line.columns) >= 2 and bool(TICK_MARK.match(line.text.rsplit("  ", 1)[-1]))


# A list's marker is this wide at most ("•", "12.", "(a)"): a column of its own by the
# gap after it, but no table's.
_MARKER_WIDTH = 4


def pdf_line(line: list[Word]) -> PdfLine:
    """One visual line as the engine-neutral PdfLine; style by the majority of its letters."""
    if len(line) == 1:  # the common case with PDFium, whose runs hold whole lines
        [word] = line
        return PdfLine(
            text=word.text,
            x0=word.x0,
            x1=word.x1,
            top=word.top,
            bottom=word.bottom,
            size=word.size,
            bold=word.bold,
            italic=word.italic,
            columns=(word.x0,),
        )
    weights = [len(w.text) - w.text.count(" ") for w in line]
    chars = sum(weights)
    return PdfLine(
        text=_line_text(line),
        x0=line[0].x0,
        x1=max(w.x1 for w in line),
        top=min(w.top for w in line),
        bottom=max(w.bottom for w in line),
        size=max(w.size for w in line),
        bold=sum(n for n, w in zip(weights, line, strict=True) if w.bold) > chars / 2,
        italic=sum(n for n, w in zip(weights, line, strict=True) if w.italic) > chars / 2,
        columns=_columns(line),
    )


def with_table_rows(
    lines: Sequence[PdfLine],
    rows: Sequence[tuple[tuple[float, float, float, float], tuple[str, ...]]],
) -> list[PdfLine]:
    """A page's lines with those inside a table replaced by the table's rows.

    ``rows`` are (bbox, cells) in reading order; lines whose middle falls inside
    the table's box go, and the rows take the place of the first of them.
    """
    if not rows:
        return list(lines)
    x0 = min(box[0] for box, _ in rows)
    top = min(box[1] for box, _ in rows)
    x1 = max(box[2] for box, _ in rows)
    bottom = max(box[3] for box, _ in rows)
    table_lines = [
        PdfLine(
            text="  ".join(cells),
            x0=box[0],
            x1=box[2],
            top=box[1],
            bottom=box[3],
            size=0.0,
            bold=False,
            italic=False,
            columns=(box[0],),
            cells=cells,
        )
        for box, cells in rows
    ]
    out: list[PdfLine] = []
    placed = False
    for line in lines:
        middle = (line.top + line.bottom) / 2
        inside = top <= middle <= bottom and line.x0 >= x0 - 1 and line.x1 <= x1 + 1
        if not inside:
            out.append(line)
        elif not placed:
            out.extend(table_lines)
            placed = True
    return out if placed else [*out, *table_lines]


def check_page_count(count: int, options: Options) -> None:
    """Refuse a PDF with no pages or more pages than allowed, the same way for every engine."""
    if count == 0:
        raise CorruptDocumentError("the PDF has no pages")
    if count > options.max_pages:
        raise UnsupportedFormatError(
            f"{count} pages is over the limit of {options.max_pages} (--max-pages)"
        )


def password_error(options: Options) -> EncryptedDocumentError:
    """The error for a PDF that will not open without (the right) password."""
    reason = "wrong password" if options.password else "needs a password (use --password)"
    return EncryptedDocumentError(f"the PDF is encrypted and {reason}")


# A label this far (points) left of its value's column is beside it.
_LABEL_GAP = 5.0


def _between(above: PdfLine, label: PdfLine, below: PdfLine) -> bool:
    """Whether ``label`` is a table cell's label centred beside a two-line value: it
    ends left of the value's column and straddles the value's two lines."""
    return (
        len(above.columns) == len(label.columns) == len(below.columns) == 1
        and not (above.cells or label.cells or below.cells)
        and abs(above.x0 - below.x0) <= _SAME_COLUMN
        and label.x1 < above.x0 - _LABEL_GAP
        and label.top < above.bottom
        and label.bottom > below.top
    )


def _centred_labels(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """A page's lines with each label centred beside a two-line value read as one
    row with it, as a label printed on the value's first line is.

    Cells are centred vertically in tables of web pages printed to PDF: the label
    "Report title" falls between "Xshire Police Crime Data Integrity inspection" and
    "2019", on a line of its own, and the value's lines are split around it.
    """
    out: list[PdfLine] = []
    index = 0
    while index < len(lines):
        if 0 < index < len(lines) - 1 and _between(
            lines[index - 1], lines[index], lines[index + 1]
        ):
            above, label, below = out.pop(), lines[index], lines[index + 1]
            out.append(
                PdfLine(
                    text=f"{label.text}  {above.text} {below.text}",
                    x0=label.x0,
                    x1=max(above.x1, below.x1),
                    top=above.top,
                    bottom=below.bottom,
                    size=max(above.size, label.size, below.size),
                    bold=above.bold and below.bold,
                    italic=above.italic and below.italic,
                    columns=(label.x0, above.x0),
                )
            )
            index += 2
            continue
        out.append(lines[index])
        index += 1
    return out


# Unmarked options follow the last marked one for this many lines at most.
_OPTIONS_AFTER = 2
# An option's label is a few words; a longer line is prose.
_OPTION_MAX_WORDS = 8


def _marked_options(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """A form's options ticked with a mark in a column of their own ("Partner
    Inspection  X") as boxes: the mark as ☒, and an option printed at the same place
    without it, between marked ones or just after them, as ☐ (how a Word form laid out
    as a table prints its ticks)."""
    marked = [index for index, line in enumerate(lines) if _ends_with_mark(line)]
    if not marked:
        return list(lines)
    out = list(lines)
    for position, index in enumerate(marked):
        line = lines[index]
        option = line.columns[-2]
        out[index] = line._replace(text=f"{line.text[:-1]}{CHECKED}")
        stop = marked[position + 1] if position + 1 < len(marked) else index + 1 + _OPTIONS_AFTER
        for other in range(index + 1, min(stop, len(lines))):
            candidate = lines[other]
            if (
                other not in marked
                and abs(candidate.columns[-1] - option) <= _SAME_COLUMN
                and len(candidate.text.split()) <= _OPTION_MAX_WORDS
                and CHECKED not in candidate.text
                and UNCHECKED not in candidate.text
            ):
                out[other] = candidate._replace(text=f"{candidate.text}  {UNCHECKED}")
    return out


def line_blocks(pages: Sequence[Sequence[PdfLine]]) -> LoadedDocument:
    """LINE blocks for every line of every page, numbered through the document."""
    sizes = [line.size for lines in pages for line in lines if not line.cells]
    if not sizes:
        raise NoTextLayerError("the PDF has no text layer (a scan?); OCR is not built in")
    body_size = statistics.median(sizes) or 1.0
    blocks: list[Block] = []
    line_number = 0
    style = functools.cache(Style)  # a document has a handful of styles and many lines
    for number, lines in enumerate(pages, start=1):
        previous_bottom: float | None = None
        for line in _centred_labels(_marked_options(lines)):
            line_number += 1
            height = max(line.bottom - line.top, 1.0)
            gap = 0.0 if previous_bottom is None else max(line.top - previous_bottom, 0.0) / height
            previous_bottom = line.bottom
            if line.cells:
                blocks.append(
                    Block(
                        BlockKind.TABLE_ROW,
                        "\n".join(cell for cell in line.cells if cell.strip()),
                        Location(
                            number,
                            line_number,
                            line_number,
                            (line.x0, line.top, line.x1, line.bottom),
                        ),
                        cells=line.cells,
                    )
                )
                continue
            blocks.append(
                Block(
                    BlockKind.LINE,
                    line.text,
                    Location(
                        number, line_number, line_number, (line.x0, line.top, line.x1, line.bottom)
                    ),
                    style=style(line.bold, line.italic, round(line.size / body_size, 3)),
                    indent=line.x0,
                    right=line.x1,
                    gap_before=gap,
                    sheet=number,
                    columns=line.columns,
                )
            )
    return LoadedDocument("pdf", tuple(blocks), len(pages))
