"""Normalise, text tables: item tables laid out with spaces, read as table rows."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hmic_extract.blocks import Block, BlockKind
from hmic_extract.normalise.glyphs import TERMINAL
from hmic_extract.vocabulary import ITEM_TABLE_HEADER


def _chunks(line: Block) -> list[tuple[float, str]]:
    """A text line's pieces between column gaps, each with the column it starts at."""
    return [
        (line.indent + match.start(), match.group(0))
        for match in re.finditer(r"\S+(?: \S+)*", line.text)
    ]


def text_tables(lines: Sequence[Block]) -> list[Block]:
    """Item tables laid out in plain text (columns of spaces) read as table rows.

    The header row ("Recommendation   Response   Owner") gives the columns; each
    later line's pieces go to the column they start in; a row ends where its
    first cell ends a sentence and the next line starts the first cell again.
    """
    out: list[Block] = []
    index = 0
    while index < len(lines):
        header = lines[index]
        if (
            header.kind is not BlockKind.LINE
            or header.location.bbox is not None
            or not ITEM_TABLE_HEADER.match(header.text)
        ):
            out.append(header)
            index += 1
            continue
        starts = [start for start, _ in _chunks(header)]
        out.append(_table_row(header, [text for _, text in _chunks(header)], header))
        rows: list[tuple[Block, Block, list[list[str]]]] = []
        index += 1
        while index < len(lines):
            line = lines[index]
            if (
                line.kind is not BlockKind.LINE
                or line.gap_before >= 1
                or line.sheet != header.sheet
            ):
                break
            cells: list[list[str]] = [[] for _ in starts]
            for start, text in _chunks(line):
                column = max((i for i, s in enumerate(starts) if s <= start + 1), default=0)
                cells[column].append(text)
            first_ended = bool(rows) and bool(TERMINAL.search(" ".join(rows[-1][2][0])))
            if not rows or (cells[0] and first_ended):
                rows.append((line, line, cells))
            else:
                first, _, row = rows[-1]
                for column, parts in enumerate(cells):
                    row[column].extend(parts)
                rows[-1] = (first, line, row)
            index += 1
        out.extend(
            _table_row(first, [" ".join(parts) for parts in row], last) for first, last, row in rows
        )
    return out


def _table_row(first: Block, cells: list[str], last: Block) -> Block:
    return Block(
        BlockKind.TABLE_ROW,
        "\n".join(cell for cell in cells if cell),
        first.location.span(last.location),
        cells=tuple(cells),
    )
