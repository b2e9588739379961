"""Grid tables ("+----+----+" borders, "| cell | cell |" rows), as pandoc writes them.

Both the markdown and the plain-text loader meet them; this module finds them
and cuts them into rows and cells, and each loader turns those into blocks.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace

from hmic_extract.blocks import Block, Location

BORDER = re.compile(r"^\s*\+[-=:+]{3,}\+\s*$")
ROW = re.compile(r"^\s*\|.*\|\s*$")


@dataclass(frozen=True, slots=True)
class GridRow:
    """One row: its first and last line (0-based) and each cell's lines."""

    first: int
    last: int
    cells: tuple[str, ...]  # a cell's lines joined by newlines, blank lines kept as breaks
    inners: tuple[str, ...]  # each cell's lines as printed, dedented, for re-reading

    @property
    def inner(self) -> str:
        """The first cell as printed: a one-column table's content."""
        return self.inners[0]


@dataclass(frozen=True, slots=True)
class GridTable:
    start: int  # first line (the top border), 0-based
    end: int  # one past the last line
    columns: int
    rows: tuple[GridRow, ...]


def _cell_text(parts: list[str]) -> str:
    """A cell's text; a table nested in it (a grid of options) read column by column."""
    nested = grid_tables(parts) if any(BORDER.match(part) for part in parts) else []
    if not nested:
        return "\n".join(parts).strip()
    texts: list[str] = []
    position = 0
    for table in nested:
        texts.append("\n".join(parts[position : table.start]).strip())
        texts.extend(row.cells[column] for column in range(table.columns) for row in table.rows)
        position = table.end
    texts.append("\n".join(parts[position:]).strip())
    return "\n\n".join(text for text in texts if text)


def _row(lines: Sequence[str], numbers: list[int], spans: list[tuple[int, int]]) -> GridRow:
    cells = []
    for a, b in spans:
        parts = [lines[n][a + 1 : b].strip() if len(lines[n]) > a else "" for n in numbers]
        cells.append(_cell_text(parts))
    inners = tuple(
        textwrap.dedent("\n".join(lines[n][a + 1 : b].rstrip() for n in numbers)) for a, b in spans
    )
    return GridRow(numbers[0], numbers[-1], tuple(cells), inners)


def grid_tables(lines: Sequence[str]) -> list[GridTable]:
    """Every grid table in ``lines``, with its rows cut at the top border's column edges."""
    tables: list[GridTable] = []
    index = 0
    while index < len(lines):
        if not BORDER.match(lines[index]):
            index += 1
            continue
        border = lines[index]
        spans = list(itertools.pairwise(i for i, char in enumerate(border) if char == "+"))
        start = index
        rows: list[GridRow] = []
        numbers: list[int] = []
        index += 1
        while index < len(lines) and (ROW.match(lines[index]) or BORDER.match(lines[index])):
            if BORDER.match(lines[index]):
                if numbers:
                    rows.append(_row(lines, numbers, spans))
                numbers = []
            else:
                numbers.append(index)
            index += 1
        if rows:
            tables.append(GridTable(start, index, len(spans), tuple(rows)))
    return tables


# A rule under a header of bar-separated columns: "-----+------+----" or "---|---|---"
# (psql, and markdown pipe tables typed without outer bars).
PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?(?:\s*[+|]\s*:?-{3,}:?)+\s*\|?\s*$")


def _pipe_cells(line: str, columns: int, *, outer: bool) -> list[str] | None:
    """A line's cells when it has exactly ``columns`` bar-separated cells, else None.
    With ``outer`` bars (the rule has them) the first and last bars edge the row;
    without, a line opening on a bar has an empty first cell."""
    inner = line.strip()
    if outer:
        inner = inner.removeprefix("|").removesuffix("|")
    cells = [cell.strip() for cell in inner.split("|")]
    return cells if len(cells) == columns else None


def pipe_tables(lines: Sequence[str]) -> list[GridTable]:
    """Tables of bar-separated columns under a header and a rule of dashes, without a
    grid's "+----+" borders. A row whose first cell is empty continues the row above
    (a cell's text wrapped onto the next line)."""
    tables: list[GridTable] = []
    index = 1
    while index < len(lines):
        if not PIPE_RULE.match(lines[index]):
            index += 1
            continue
        outer = lines[index].strip().startswith("|")
        columns = len(re.split(r"[+|]", lines[index].strip().strip("|")))
        header = _pipe_cells(lines[index - 1], columns, outer=outer)
        if header is None or columns < 2:
            index += 1
            continue
        rows = [GridRow(index - 1, index - 1, tuple(header), tuple(header))]
        cursor = index + 1
        while (
            cursor < len(lines)
            and (cells := _pipe_cells(lines[cursor], columns, outer=outer)) is not None
        ):
            previous = rows[-1]
            if not cells[0] and len(rows) > 1:
                joined = tuple(
                    f"{old} {new}".strip() for old, new in zip(previous.cells, cells, strict=True)
                )
                rows[-1] = GridRow(previous.first, cursor, joined, joined)
            else:
                rows.append(GridRow(cursor, cursor, tuple(cells), tuple(cells)))
            cursor += 1
        if len(rows) > 1:
            tables.append(GridTable(index - 1, cursor, columns, tuple(rows)))
        index = cursor
    return tables


def cell_blocks(blocks: Sequence[Block], lines: int) -> list[Block]:
    """Blocks read from a cell's own text, placed at the cell's lines in the document;
    the first stands apart from what came before, as the table's border sets it apart."""
    return [
        replace(
            block,
            location=Location(
                None, block.location.line_start + lines, block.location.line_end + lines
            ),
            gap_before=max(block.gap_before, 1.0) if index == 0 else block.gap_before,
        )
        for index, block in enumerate(blocks)
    ]
