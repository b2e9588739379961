"""A word processor's two-cell table row read the other way: its label over its content.

Shared by the Word and OpenDocument readers, which both read a cell's body with the
same calls they use for the document's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from hmic_extract.blocks import Block, BlockKind, Location, Style


class BodyReader(Protocol):
    """A reader that appends blocks as it reads and counts body positions."""

    blocks: list[Block]
    position: int


def label_over_content(
    reader: BodyReader, label: str, row: Location, read_content: Callable[[], None]
) -> tuple[Block, ...]:
    """The row as a heading (its one-line label) over the content cell's own blocks:
    the reading the role stage takes if the label names a section. The reader's
    blocks and positions are left as they were; the cell's blocks stand at their
    row's position (positions count body paragraphs and rows)."""
    heading = Block(BlockKind.HEADING, label, row, level=2, style=Style(bold=True))
    kept, position, reader.blocks = reader.blocks, reader.position, []
    try:
        read_content()
        return (heading, *(replace(block, location=row) for block in reader.blocks))
    finally:
        reader.blocks, reader.position = kept, position
