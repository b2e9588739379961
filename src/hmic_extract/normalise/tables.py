"""Normalise, text tables: item tables laid out with spaces, read as table rows.

Two layouts are read: pdftotext's (columns of spaces, rows not marked) and
pandoc's simple and multiline tables (dashed rules that give each column's
extent, rows separated by blank lines).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from hmic_extract.blocks import Block, BlockKind
from hmic_extract.normalise.glyphs import TERMINAL
from hmic_extract.vocabulary import is_item_table_header, is_number_column

# A table rule: dashes, in one run or one run per column.
_RULE = re.compile(r"^-{3,}(?: +-{3,})*$")
_PIECE = re.compile(r"\S+(?: \S+)*")


@dataclass
class _Row:
    first: Block
    last: Block
    cells: list[list[str]] = field(default_factory=list)


def _raw(line: Block) -> str:
    """The line as printed, its indentation restored."""
    return " " * int(line.indent) + line.text


def _pieces(line: Block) -> list[tuple[int, str]]:
    """A text line's pieces between column gaps, each with the column it starts at."""
    return [(int(line.indent) + m.start(), m.group(0)) for m in _PIECE.finditer(line.text)]


def _by_starts(line: Block, starts: Sequence[int]) -> list[list[str]]:
    """Each piece of the line under the column it starts in."""
    cells: list[list[str]] = [[] for _ in starts]
    for start, text in _pieces(line):
        column = max((i for i, s in enumerate(starts) if s <= start + 1), default=0)
        cells[column].append(text)
    return cells


def _by_spans(line: Block, spans: Sequence[tuple[int, int]]) -> list[list[str]]:
    """The line cut at the columns' extents (a pandoc table's rule gives them)."""
    raw = _raw(line)
    return [[part] if (part := raw[start:end].strip()) else [] for start, end in spans]


def _is_table_line(line: Block, header: Block) -> bool:
    return line.kind is BlockKind.LINE and line.sheet == header.sheet


def text_tables(lines: Sequence[Block]) -> list[Block]:
    """Item tables laid out in plain text (columns of spaces) read as table rows.

    The header row ("Recommendation   Response   Owner") gives the columns, or
    the dashed rule under it does. Without rules, a row ends where its first
    cell ends a sentence and the next line starts the first cell again; with
    rules, a blank line ends a row and a full-width rule ends the table.
    """
    out: list[Block] = []
    index = 0
    while index < len(lines):
        header = lines[index]
        wrapped: int | None = None
        # a header has columns: two spaces at least (the cheap test first)
        if header.kind is BlockKind.LINE and header.location.bbox is None and "  " in header.text:
            wrapped = 0 if is_item_table_header(header.text) else _wrapped_header(lines, index)
        if wrapped is None:
            out.append(header)
            index += 1
            continue
        header_lines = lines[index : index + 1 + wrapped]
        index += 1 + wrapped
        rule = lines[index] if index < len(lines) else None
        spans: list[tuple[int, int]] = []
        if rule is not None and _is_table_line(rule, header) and _RULE.match(rule.text):
            spans = [
                (int(rule.indent) + m.start(), int(rule.indent) + m.end() + 1)
                for m in re.finditer(r"-+", rule.text)
            ]
            index += 1
        starts = [start for start, _ in _pieces(header)]
        header_cells = [" ".join(cell) for cell in _columns_of(header_lines, spans, starts)]
        out.append(_table_row(header, header_cells, header_lines[-1]))
        # Rows numbered in their first column start wherever a number is printed.
        numbered = bool(header_cells) and is_number_column(header_cells[0])
        rows: list[_Row] = []
        new_row = True
        while index < len(lines):
            line = lines[index]
            if not _is_table_line(line, header):
                break
            if spans and _RULE.match(line.text):
                index += 1
                if " " not in line.text.strip():
                    break  # the closing rule
                continue
            if line.gap_before >= 1:
                if not spans:
                    break
                new_row = True  # a multiline table separates its rows by blank lines
            cells = _by_spans(line, spans) if spans else _by_starts(line, starts)
            if not spans and rows:
                first_ended = numbered or bool(TERMINAL.search(" ".join(rows[-1].cells[0])))
                new_row = bool(cells[0]) and first_ended
            if new_row or not rows:
                rows.append(_Row(line, line, cells))
                new_row = False
            else:
                for column, parts in enumerate(cells):
                    rows[-1].cells[column].extend(parts)
                rows[-1].last = line
            index += 1
        out.extend(
            _table_row(row.first, ["\n".join(parts) for parts in row.cells], row.last)
            for row in rows
        )
    return out


def _columns_of(
    lines: Sequence[Block], spans: Sequence[tuple[int, int]], starts: Sequence[int]
) -> list[list[str]]:
    """The pieces of some lines under each column, line after line."""
    columns: list[list[str]] = [[] for _ in (spans or starts)]
    for line in lines:
        for column, parts in enumerate(
            _by_spans(line, spans) if spans else _by_starts(line, starts)
        ):
            columns[column].extend(parts)
    return columns


# A header's titles wrap onto at most this many more lines ("Area for" / "improvement").
_HEADER_WRAPS = 2


def _wrapped_header(lines: Sequence[Block], index: int) -> int | None:
    """How many lines below ``lines[index]`` finish its column titles, when together
    they head an item table ("No.  Area for  Force response" over "improvement");
    None when they do not. A title's rest leaves the first column empty."""
    header = lines[index]
    starts = [start for start, _ in _pieces(header)]
    if len(starts) < 2:
        return None
    for wraps in range(1, _HEADER_WRAPS + 1):
        rest = lines[index + wraps] if index + wraps < len(lines) else None
        if rest is None or not _is_table_line(rest, header) or rest.gap_before >= 1:
            return None
        if _by_starts(rest, starts)[0]:
            return None  # the first column goes on: a row, not a title's rest
        titles = _columns_of(lines[index : index + wraps + 1], (), starts)
        if is_item_table_header("  ".join(" ".join(title) for title in titles)):
            return wraps
    return None


def _table_row(first: Block, cells: list[str], last: Block) -> Block:
    return Block(
        BlockKind.TABLE_ROW,
        "\n".join(cell for cell in cells if cell),
        first.location.span(last.location),
        cells=tuple(cells),
    )
