"""Plain-text loader: decoding, line ends, and one LINE block per physical line."""

from __future__ import annotations

import re

from hmic_extract.blocks import Block, BlockKind, LoadedDocument, Location
from hmic_extract.errors import UndecodableTextError, UnsupportedFormatError
from hmic_extract.load.grid import GridTable, cell_blocks, grid_tables, pipe_tables

# Control characters other than tab, line ends and form feed mean binary data.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Enough markdown structure to read a file as markdown: ATX headings, pipe
# tables, emphasis around a whole line, or task-list boxes.
_MARKDOWN_SIGNS = re.compile(
    r"^(?:#{1,6}\s+\S|\|.*\|\s*$|\s*[-*+]\s+\[[ xX]\]\s|\*\*[^*\n]+\*\*\s*$|\*[^*\n]+\*\s*$|"
    r"\s*<(?:table|thead|tbody)\b[^>]*>\s*$)",  # GitHub markdown keeps complex tables as HTML
    re.M,
)
_GRID_BORDER = re.compile(r"^\s*\+[-=:+]{3,}\+\s*$", re.M)
_GRID_CELL_EDGE = re.compile(r"^\s*\|\s*|\s*\|\s*$", re.M)
# Where a column of a laid-out line starts: after a run of two or more spaces, or after
# a dotted leader ("Published ........ 2 May 2019").
_COLUMN_START = re.compile(r"(?<=\S) {2,}(?=\S)| ?\.{4,} +(?=\S)")


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 codec ``data`` is written in when it has no BOM, or None.

    Text in a Latin script written as UTF-16 has a zero byte in every other
    position (the high byte of each character), odd positions for little-endian
    and even ones for big-endian; other text and binary data do not.
    """
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    half = len(sample) // 2
    zero_even, zero_odd = sample[0::2].count(0), sample[1::2].count(0)
    if zero_odd > 0.7 * half and zero_even < 0.05 * half:
        return "utf-16-le"
    if zero_even > 0.7 * half and zero_odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> str:
    """Text of ``data``: BOMs honoured, UTF-16 without one recognised, UTF-8 tried,
    Windows-1252 as the fallback.

    Line ends are normalised to ``\\n``; form feeds (page breaks) are kept.
    """
    codec = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_without_bom(data)
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise UndecodableTextError(f"invalid UTF-16 text ({exc.reason})") from exc
    elif data.startswith(b"\xef\xbb\xbf"):
        try:
            text = data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UndecodableTextError(f"invalid UTF-8 text ({exc.reason})") from exc
    elif _BINARY_BYTES.search(data[:65536]):
        raise UnsupportedFormatError("binary data, not a document")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise UndecodableTextError("neither UTF-8 nor Windows-1252 text") from exc
    if _BINARY.search(text[:65536]):
        raise UnsupportedFormatError("binary data, not a document")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_markdown(text: str) -> bool:
    """Whether the text carries markdown structure worth parsing as markdown.

    Grid-table rows ("| cell | cell |") are not counted: pandoc's plain text
    has them too.
    """
    sample = text[:200_000]
    if _GRID_BORDER.search(sample):
        sample = _GRID_CELL_EDGE.sub("", sample)  # what the cells hold, bars aside
        return len([m for m in _MARKDOWN_SIGNS.finditer(sample) if m.group(0)[0] != "|"]) >= 2
    return len(_MARKDOWN_SIGNS.findall(sample)) >= 2


def _at(line: int) -> Location:
    return Location(None, line, line)


def _grid_blocks(table: GridTable) -> list[Block]:
    """A grid table's rows as table rows; a one-column table (a box) as its content."""
    blocks: list[Block] = []
    for row in table.rows:
        content = (
            [] if table.columns > 2 else cell_blocks(load_text(row.inners[-1]).blocks, row.first)
        )
        if table.columns == 1:
            blocks.extend(content)
            continue
        at = Location(None, row.first + 1, row.last + 1)
        # the row read as a section's name over the section (the role stage decides)
        label = Block(BlockKind.HEADING, row.cells[0], at, level=2, inferred=True)
        blocks.append(
            Block(
                BlockKind.TABLE_ROW,
                "\n".join(cell for cell in row.cells if cell),
                at,
                cells=row.cells,
                unfolded=(label, *content) if table.columns == 2 else (),
            )
        )
    return blocks


# An e-mail's quoting ("> By 30 September 2019, …", "> > …"): the marks, and the
# one space after them.
_QUOTE_MARKS = re.compile(r"^(\s*(?:>\s?)+)")


def _unquoted(line: str) -> str:
    """A line without an e-mail's quote marks, each mark a space: the quoted text keeps
    its place as an indented block, and a line of marks alone is a blank line."""
    found = _QUOTE_MARKS.match(line)
    return line if found is None else " " * len(found.group(1)) + line[found.end() :]


def load_text(text: str) -> LoadedDocument:
    """One LINE block per non-blank line; normalise groups them into paragraphs.

    Grid tables, and bar-separated tables under a rule of dashes, become table rows
    (or, one column wide, their content).
    """
    blocks: list[Block] = []
    blank_run = 0
    sheet = 0
    raw_lines = [_unquoted(line) for line in text.split("\n")]
    tables = {table.start: table for table in (*pipe_tables(raw_lines), *grid_tables(raw_lines))}
    skip_to = 0
    for number, raw in enumerate(raw_lines, start=1):
        if number - 1 < skip_to:
            sheet += raw.count("\f")
            continue
        if (table := tables.get(number - 1)) is not None:
            sheet += raw.count("\f")
            blocks.extend(_grid_blocks(table))
            skip_to = table.end
            blank_run = 1
            continue
        parts = raw.split("\f")
        if not "".join(parts).strip():
            sheet += len(parts) - 1
            blank_run += 1
            continue
        # A page break inside a line (pages joined without a line end) ends it there.
        for page_part, part in enumerate(parts):
            sheet += 1 if page_part else 0
            line = part.expandtabs(8).rstrip()
            if not line.strip():
                continue
            indent = len(line) - len(line.lstrip())
            columns = (indent, *(m.end() for m in _COLUMN_START.finditer(line, indent)))
            blocks.append(
                Block(
                    BlockKind.LINE,
                    line.strip(),
                    Location(None, number, number),
                    indent=float(indent),
                    right=float(len(line)),
                    gap_before=float(blank_run),
                    sheet=sheet,
                    columns=tuple(float(c) for c in columns),
                )
            )
            blank_run = 0
    return LoadedDocument("text", tuple(blocks), None)
