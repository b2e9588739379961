"""Grid tables ("+----+----+" borders, "| cell | cell |" rows), as pandoc writes them.

Both the markdown and the plain-text loader meet them; this module finds them
and cuts them into rows and cells, and each loader turns those into blocks.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

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
