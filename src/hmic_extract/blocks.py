"""The neutral carrier between loading and understanding.

Every loader turns its format into a tuple of :class:`Block`; every stage after
the loaders sees only blocks, never pdfplumber objects, docx paragraphs or
markdown tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    """What a block is, as far as the layout tells."""

    LINE = "line"  # one physical line; only loaders emit these, normalise groups them
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a block sits in its source: page (None for text) and 1-based lines."""

    page: int | None
    line_start: int
    line_end: int
    bbox: tuple[float, float, float, float] | None = None

    def span(self, other: Location) -> Location:
        """The location covering this one and a later one."""
        bbox = self.bbox
        if bbox is not None and other.bbox is not None and other.page == self.page:
            bbox = (
                min(bbox[0], other.bbox[0]),
                min(bbox[1], other.bbox[1]),
                max(bbox[2], other.bbox[2]),
                max(bbox[3], other.bbox[3]),
            )
        return Location(self.page, self.line_start, max(self.line_end, other.line_end), bbox)


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
    cells: tuple[str, ...] = field(default_factory=tuple)  # TABLE_ROW only


@dataclass(frozen=True, slots=True)
class LoadedDocument:
    """What a loader returns: the blocks plus facts about the source itself."""

    format: str  # pdf | text | markdown | docx
    blocks: tuple[Block, ...]
    pages: int | None


def span_of(blocks: Sequence[Block]) -> Location:
    """The location covering a non-empty run of blocks."""
    location = blocks[0].location
    for block in blocks[1:]:
        location = location.span(block.location)
    return location
