"""The neutral carrier between loading and understanding.

Every loader turns its format into a tuple of :class:`Block`; every stage after
the loaders sees only blocks, never pdfplumber objects, docx paragraphs or
markdown tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class BlockKind(StrEnum):
    """What a block is, as far as the layout tells."""

    LINE = "line"  # one physical line; only loaders emit these, normalise groups them
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"


class Role(StrEnum):
    """What a block does in the response, as the role stage (``roles.py``) decides."""

    SECTION = "section"  # opens a section; ``cue`` is its kind
    GROUP_LABEL = "group_label"  # names the kind of the items after it; ``cue`` is that kind
    LEAD_IN = "lead_in"  # a sentence ending on a colon that announces items of ``cue``'s kind
    NOTE = "note"  # says a question has no items ("No areas for improvement")
    FORM = "form"  # a form's row: it holds a checkbox
    PROSE = "prose"  # a numbered paragraph of prose ("3.2 Inspectors found …"): never an item
    QUOTE = "quote"  # an attributed quotation, or a paragraph continuing one: never an item
    SALUTATION = "salutation"  # a letter's "Dear …,": the commissioner's words follow
    BODY = "body"  # anything else: the readers decide (questions, items, statements)


Box = tuple[float, float, float, float]


def _union(first: Box | None, second: Box) -> Box:
    if first is None:
        return second
    return (
        min(first[0], second[0]),
        min(first[1], second[1]),
        max(first[2], second[2]),
        max(first[3], second[3]),
    )


@dataclass(frozen=True, slots=True)
class Location:
    """Where a block sits in its source: page (None for text) and 1-based lines.

    ``bbox`` is the box on ``page`` (PDF points: x0, top, x1, bottom); a block
    that runs over a page break also lists one box per page in ``boxes``.
    """

    page: int | None
    line_start: int
    line_end: int
    bbox: Box | None = None
    boxes: tuple[tuple[int, Box], ...] = ()

    def page_boxes(self) -> tuple[tuple[int, Box], ...]:
        """Every (page, box) this location covers."""
        if self.boxes:
            return self.boxes
        if self.page is not None and self.bbox is not None:
            return ((self.page, self.bbox),)
        return ()

    def span(self, other: Location) -> Location:
        """The location covering this one and a later one."""
        line_end = max(self.line_end, other.line_end)
        if self.page == other.page and not self.boxes and not other.boxes:
            if self.bbox is None or other.bbox is None:
                return Location(self.page, self.line_start, line_end, self.bbox or other.bbox)
            return Location(self.page, self.line_start, line_end, _union(self.bbox, other.bbox))
        boxes: dict[int, Box] = dict(self.page_boxes())
        for page, box in other.page_boxes():
            boxes[page] = _union(boxes.get(page), box)
        bbox = boxes.get(self.page) if self.page is not None else None
        return Location(
            self.page,
            self.line_start,
            line_end,
            bbox,
            tuple(sorted(boxes.items())) if len(boxes) > 1 else (),
        )


@dataclass(frozen=True, slots=True)
class Style:
    """Typography a loader could see; used to tell headings and questions apart."""

    bold: bool = False
    italic: bool = False
    size: float = 0.0  # font size relative to the document's body text (1.0 = body)


PLAIN = Style()


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of document structure with its text and provenance.

    Checkboxes are carried inline in ``text`` as ☒ (checked) and ☐ (unchecked),
    whatever the source used (Wingdings glyphs, ``[X]``, task lists, content
    controls), so one parser reads them for every format.
    """

    kind: BlockKind
    text: str
    location: Location
    depth: int = 0  # list nesting, 0 for top-level items
    marker: str = ""  # the list marker as printed ("•", "1)", "a)"), removed from text
    level: int = 0  # heading level where the source states one (markdown #, Word Heading N)
    style: Style = PLAIN
    indent: float = 0.0  # LINE only: left edge (characters for text, points for PDF)
    right: float = 0.0  # LINE only: right edge, same unit
    gap_before: float = 0.0  # LINE only: blank space above, in line heights
    sheet: int = 0  # LINE only: physical page (form-feed pages in text), for page furniture
    columns: tuple[float, ...] = ()  # LINE only: where each column of a form row starts
    cells: tuple[str, ...] = field(default_factory=tuple)  # TABLE_ROW only
    # A two-column row (a table's, or a form row's in a text or PDF layout) read as a
    # label over its content: the label as a heading, then the content's own blocks.
    # Loaders report both readings; the role stage takes this one (normalising it then)
    # where the label names a section (a response laid out as one table: "Findings" |
    # the findings).
    unfolded: tuple[Block, ...] = ()
    # a heading normalise inferred from a plain-text line's look, not one the source
    # marked as such (markdown #, a Word heading style, a PDF's type): its rank is a guess
    inferred: bool = False
    role: Role = Role.BODY  # set by the role stage
    cue: str | None = None  # the section or item kind the role names


# Words a span set apart in running text must hold to be cited as a title, not an
# emphasised word.
CITED_MIN_WORDS = 2


@dataclass(frozen=True, slots=True)
class LoadedDocument:
    """What a loader returns: the blocks plus facts about the source itself."""

    format: str  # pdf | text | markdown | docx | odt | rtf | html
    blocks: tuple[Block, ...]
    pages: int | None
    # a web page's own date from its metadata (the response's, not the report's):
    # extraction falls back on it only when the text dates nothing
    page_date: date | None = None
    # titles the source set apart in running text (a web page's <cite> or <em>): a
    # report named in a sentence, where no form or heading gives its title
    cited: tuple[str, ...] = ()
    # the document's footnotes and endnotes, in order: asides kept apart from the body,
    # so a note is never read into an item or a response
    notes: tuple[str, ...] = ()


def span_of(blocks: Sequence[Block]) -> Location:
    """The location covering a non-empty run of blocks."""
    location = blocks[0].location
    for block in blocks[1:]:
        location = location.span(block.location)
    return location
