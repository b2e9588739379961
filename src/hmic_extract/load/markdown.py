"""Markdown loader: a real CommonMark parser (markdown-it-py) turned into blocks.

Headings keep their level, list items their nesting depth and marker, table
rows their cells; emphasis is dropped from the text but kept as style, since
templates italicise questions and embolden labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import ClassVar

from markdown_it import MarkdownIt
from markdown_it.token import Token

from hmic_extract.blocks import (
    CITED_MIN_WORDS,
    PLAIN,
    Block,
    BlockKind,
    LoadedDocument,
    Location,
    Style,
)
from hmic_extract.cues import names_section
from hmic_extract.load.grid import cell_blocks, grid_tables, pipe_tables

_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# Stands for a soft line break until the loader decides whether the next line
# starts a list item of its own (pandoc-style "a." items CommonMark does not know).
_SOFT_BREAK = "\x00"
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
# Pandoc's bracketed spans with attributes ("[Cause of concern]{.underline}"):
# the text is kept, the attributes are not content.
_PANDOC_SPAN = re.compile(r"\[([^\[\]\n]+)\]\{[^{}\n]*\}")


@dataclass
class _Segment:
    """A paragraph, heading or list item inside HTML, with how much of it is emphasised."""

    kind: BlockKind
    depth: int
    row: int  # which table row it sits in (-1 outside tables)
    text: list[str] = field(default_factory=list)
    bold: int = 0
    italic: int = 0


class _Html(HTMLParser):
    """Table rows and the paragraphs, headings and list items of a block of HTML.

    GitHub markdown keeps tables with complex cells as HTML; a one-column table
    is a box around ordinary content (a boxed form), read as that content.
    """

    _STARTS: ClassVar[dict[str, BlockKind]] = {
        "p": BlockKind.PARAGRAPH,
        "li": BlockKind.LIST_ITEM,
        "th": BlockKind.HEADING,
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.segments: list[_Segment] = []
        self.lists = 0
        self.bold = 0
        self.italic = 0

    def _segment(self, kind: BlockKind) -> None:
        row = len(self.rows) - 1 if self.cell is not None else -1
        self.segments.append(_Segment(kind, max(self.lists - 1, 0), row))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag in ("br", "p") and self.cell:
            self.cell.append("\n")
        if tag in ("ul", "ol"):
            self.lists += 1
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        if tag in self._STARTS or re.fullmatch(r"h[1-6]", tag) or tag == "td":
            kind = self._STARTS.get(
                tag, BlockKind.HEADING if tag[0] == "h" else BlockKind.PARAGRAPH
            )
            self._segment(kind)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None
        elif tag in ("ul", "ol"):
            self.lists = max(self.lists - 1, 0)
        elif tag in ("strong", "b"):
            self.bold = max(self.bold - 1, 0)
        elif tag in ("em", "i"):
            self.italic = max(self.italic - 1, 0)

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        if not data.strip():
            return
        if not self.segments:
            self._segment(BlockKind.PARAGRAPH)
        segment = self.segments[-1]
        segment.text.append(data)
        visible = len(data.strip())
        segment.bold += visible if self.bold else 0
        segment.italic += visible if self.italic else 0


def _html_blocks(content: str, location: Location) -> list[Block]:
    """Blocks from a block of HTML: table rows, or (in a one-column table, or outside
    tables) its paragraphs, headings and list items; comments and markup dropped."""
    parser = _Html()
    parser.feed(content)
    parser.close()
    boxed = bool(parser.rows) and all(len(row) <= 1 for row in parser.rows)
    blocks: list[Block] = []
    row_at: dict[int, int] = {}  # a row's index in ``blocks``
    # two-cell rows read as a label over its content: the first piece, then the rest
    unfolded: dict[int, list[Block]] = {}
    for segment in parser.segments:
        text = " ".join("".join(segment.text).split())
        if not text:
            continue
        if segment.row < 0 or boxed:
            blocks.append(_segment_block(segment, text, location))
            continue
        cells = parser.rows[segment.row] if segment.row < len(parser.rows) else []
        if len(cells) == 2:
            reading = unfolded.setdefault(segment.row, [])
            heading = Block(BlockKind.HEADING, text, location, level=2)
            reading.append(_segment_block(segment, text, location) if reading else heading)
        if segment.row not in row_at and any(cell.strip() for cell in cells):
            row_at[segment.row] = len(blocks)
            blocks.append(
                Block(
                    BlockKind.TABLE_ROW,
                    "\n".join(cell for cell in cells if cell.strip()),
                    location,
                    cells=tuple(cells),
                )
            )
    for row, reading in unfolded.items():
        if row in row_at:
            blocks[row_at[row]] = replace(blocks[row_at[row]], unfolded=tuple(reading))
    return blocks


def _segment_block(segment: _Segment, text: str, location: Location) -> Block:
    letters = len("".join(segment.text).strip())
    style = Style(bold=segment.bold >= letters > 0, italic=segment.italic >= letters > 0)
    marker = "•" if segment.kind is BlockKind.LIST_ITEM else ""
    return Block(
        segment.kind,
        text,
        location,
        depth=segment.depth,
        marker=marker,
        style=style,
        level=3 if segment.kind is BlockKind.HEADING else 0,
    )


# Pandoc's simple and multiline tables: a rule under the header with one dash
# run per column, and (multiline) full-width rules above and below.
_COLUMN_RULE = re.compile(r"^\s*-{3,}(?: +-{3,})+\s*$")
_FULL_RULE = re.compile(r"^\s*-{3,}\s*$")
# Pandoc's hard line break inside a cell: a backslash ending the line (not an
# escaped backslash).
_HARD_BREAK = re.compile(r"(?<!\\)\\$")
# A multiline table's header is at most this many lines.
_HEADER_LINES = 3
# A markdown backslash escape ("1\\." in a table cell), undone in lifted lines.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|'\"])")
# A wrapped line that starts with one of these markers is a list item of its own.
_LINE_MARKER = re.compile(
    r"^\s*(?:\(?[a-z]\)|[a-z]\.|\(?[ivx]{1,4}\)|[ivx]{1,4}\.|\(?\d{1,2}[.)]|[•▪◦o\-–*+])\s+\S"
)


def _split_lines(text: str, line_styles: list[Style]) -> list[tuple[str, Style, int]]:
    """Text split where a soft-wrapped line starts a list marker, or where emphasis
    changes from one whole line to the next ("**Core question 1**" then "*How …?*"
    with no blank line between), around a line that names a section, and after a
    numbered question; other breaks become spaces. Each piece comes with the
    number of its first line within ``text``."""
    pieces: list[tuple[str, Style, int]] = []
    previous: Style | None = None
    after_heading = False
    for number, (line, style) in enumerate(zip(text.split(_SOFT_BREAK), line_styles, strict=False)):
        emphasis_changes = (
            previous is not None and style != previous and (style != PLAIN or previous != PLAIN)
        )
        heading = names_section(line)  # "For Office Use Only" run on
        after_question = bool(pieces) and _is_numbered_question(pieces[-1][0])
        starts = (
            bool(_LINE_MARKER.match(line))
            or emphasis_changes
            or heading
            or after_heading
            or after_question
        )
        after_heading = heading
        if pieces and not starts:
            joined, joined_style, first = pieces[-1]
            merged_style = joined_style if joined_style == style else PLAIN
            pieces[-1] = (f"{joined} {line}", merged_style, first)
        else:
            pieces.append((line, style, number))
        previous = style
    return pieces


def _is_numbered_question(piece: str) -> bool:
    """ "4) How effective is …?": what follows it on the next line is not the question."""
    return bool(_LINE_MARKER.match(piece)) and piece.rstrip(" *_”’\"'").endswith("?")


def _inline_text(token: Token) -> tuple[str, Style, list[Style]]:
    """The plain text of an inline token, whether all of it is bold or italic, and the
    same for each of its soft-wrapped lines."""
    parts: list[str] = []
    bold_depth = italic_depth = 0
    plain_chars = bold_chars = italic_chars = 0
    line_counts = [[0, 0, 0]]  # per line: visible, bold, italic characters
    for child in token.children or []:
        if child.type == "strong_open":
            bold_depth += 1
        elif child.type == "strong_close":
            bold_depth -= 1
        elif child.type == "em_open":
            italic_depth += 1
        elif child.type == "em_close":
            italic_depth -= 1
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
            visible = len(child.content.strip())
            plain_chars += visible
            bold_chars += visible if bold_depth else 0
            italic_chars += visible if italic_depth else 0
            counts = line_counts[-1]
            counts[0] += visible
            counts[1] += visible if bold_depth else 0
            counts[2] += visible if italic_depth else 0
        elif child.type == "softbreak":
            parts.append(_SOFT_BREAK)
            line_counts.append([0, 0, 0])
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
        elif child.type == "html_inline" and _HTML_BREAK.match(child.content):
            parts.append("\n")
    text = "".join(parts)
    style = Style(
        bold=plain_chars > 0 and bold_chars == plain_chars,
        italic=plain_chars > 0 and italic_chars == plain_chars,
    )
    line_styles = [
        Style(bold=visible > 0 and bold == visible, italic=visible > 0 and italic == visible)
        for visible, bold, italic in line_counts
    ]
    return text, style, line_styles


def _location(token: Token) -> Location:
    start, end = token.map if token.map else (0, 1)
    return Location(None, start + 1, max(start + 1, end))


def _grid_tables(text: str) -> tuple[str, list[Block]]:
    """Pandoc's grid tables and psql's tables, which CommonMark does not know, as blocks.

    Each table's lines are blanked in the text handed to the parser (so line
    numbers stay true). A one-column table is a box around content, read as
    markdown in its own right; any other gives a table row per row.
    """
    lines = text.split("\n")
    blocks: list[Block] = []
    # psql's tables ("-----+-----" under the header) are no GFM table: read them here;
    # a "|---|---|" table is the parser's own
    psql = [table for table in pipe_tables(lines) if "+" in lines[table.start + 1]]
    for table in [*grid_tables(lines), *psql]:
        for row in table.rows:
            content = (
                cell_blocks(load_markdown(row.inners[-1]).blocks, row.first)
                if table.columns <= 2
                else []
            )
            if table.columns == 1:
                blocks.extend(content)
            else:
                cells = tuple(_inline_plain(cell) for cell in row.cells)
                at = Location(None, row.first + 1, row.last + 1)
                label = Block(BlockKind.HEADING, cells[0], at, level=2)
                blocks.append(
                    Block(
                        BlockKind.TABLE_ROW,
                        "\n".join(cell for cell in cells if cell),
                        at,
                        cells=cells,
                        # a layout table's row: a section's name, then the section
                        unfolded=(label, *content) if table.columns == 2 else (),
                    )
                )
        for number in range(table.start, table.end):
            lines[number] = ""
    return "\n".join(lines), blocks


def _pandoc_tables(text: str) -> tuple[str, list[Block]]:
    """Pandoc's simple and multiline tables, lifted out as laid-out lines.

    CommonMark reads them as paragraphs; handed on as LINE blocks (columns of
    spaces kept), normalise reads them like any plain-text table.
    """
    lines = text.split("\n")
    lifted: list[Block] = []
    for index, line in enumerate(lines):
        if not _COLUMN_RULE.match(line) or index == 0 or not lines[index - 1].strip():
            continue
        start = index - 1
        # A multiline table opens with a full-width rule above its column titles,
        # which may wrap ("Area for" / "improvement"): the table starts there.
        for above in range(index - 1, max(index - 1 - _HEADER_LINES, -1), -1):
            if _FULL_RULE.match(lines[above]):
                start = above
                break
            if not lines[above].strip():
                break
        end = index + 1
        closing = _FULL_RULE.match(lines[start]) is not None
        while end < len(lines):
            if closing and _FULL_RULE.match(lines[end]):
                end += 1
                break
            if not closing and not lines[end].strip():
                break
            end += 1
        blank_run = 0
        for number in range(start, end):
            row = lines[number].rstrip()
            if not row.strip():
                blank_run += 1
                continue
            indent = len(row) - len(row.lstrip())
            if _HARD_BREAK.search(row):
                row = row[:-1].rstrip()  # a cell's line break, not part of its text
            lifted.append(
                Block(
                    BlockKind.LINE,
                    _ESCAPED.sub(r"\1", row.strip()),
                    Location(None, number + 1, number + 1),
                    indent=float(indent),
                    right=float(len(row)),
                    gap_before=float(blank_run),
                )
            )
            blank_run = 0
        for number in range(start, end):
            lines[number] = ""
    return "\n".join(lines), lifted


def _is_lazy(source_lines: list[str], number: int) -> bool:
    """Whether a source line inside a list item starts at the margin (not indented)."""
    return 0 <= number < len(source_lines) and not source_lines[number][:1].isspace()


def _inline_plain(text: str) -> str:
    """A table cell's markdown as plain text, line by line (emphasis and escapes undone)."""
    lines = []
    for line in text.split("\n"):
        tokens = _PARSER.parseInline(line) if line.strip() else []
        lines.append(_inline_text(tokens[0])[0] if tokens else "")
    return "\n".join(lines).strip()


# YAML front matter, as static-site generators put above a page: "---", lines of
# "key: value" (or list items, indented or blank lines), then "---" or "...".
_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\n(?P<body>(?:(?:[\w-]+[ \t]*:.*|[ \t]+.*|-[ \t].*|[ \t]*)\n){1,60}?)"
    r"(?:---|\.\.\.)[ \t]*(?:\n|\Z)"
)


def _without_front_matter(text: str) -> str:
    """The text with its YAML front matter blanked (its lines kept, so that line
    numbers still point into the file): page metadata, not the document."""
    found = _FRONT_MATTER.match(text)
    if found is None:
        return text
    return "\n" * found.group(0).count("\n") + text[found.end() :]


def load_markdown(text: str) -> LoadedDocument:
    """Blocks of a markdown document, in source order."""
    text = _without_front_matter(text)
    cited = _emphasised(text)
    text = _PANDOC_SPAN.sub(r"\1", text)
    text, grid_rows = _grid_tables(text)
    text, table_lines = _pandoc_tables(text)
    grid_rows += table_lines
    tokens = _PARSER.parse(text)
    source_lines = text.split("\n")
    blocks: list[Block] = []
    depth = -1  # list nesting: -1 outside any list
    item_markers: list[str] = []
    item_open: list[bool] = []  # per open list item: its first paragraph not yet emitted
    heading_level = 0
    row: list[str] = []
    row_token: Token | None = None
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif kind == "list_item_open":
            marker = f"{token.info}{token.markup}" if token.info else token.markup
            item_markers.append(marker)
            item_open.append(True)
        elif kind == "list_item_close":
            item_markers.pop()
            item_open.pop()
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "tr_open":
            row, row_token = [], token
        elif kind == "tr_close" and row_token is not None:
            if any(cell.strip() for cell in row):
                blocks.append(
                    Block(
                        BlockKind.TABLE_ROW,
                        "\n".join(c for c in row if c.strip()),
                        _location(row_token),
                        cells=tuple(row),
                    )
                )
            row_token = None
        elif kind == "html_block":
            blocks.extend(_html_blocks(token.content, _location(token)))
        elif kind == "inline":
            content, style, line_styles = _inline_text(token)
            parent = tokens[index - 1]
            if row_token is not None:
                row.append(content.replace(_SOFT_BREAK, " "))
            elif heading_level:
                blocks.append(
                    Block(
                        BlockKind.HEADING,
                        content.replace(_SOFT_BREAK, " "),
                        _location(parent),
                        level=heading_level,
                        style=style,
                    )
                )
                heading_level = 0
            elif not content.strip(_SOFT_BREAK + " \t"):
                continue
            else:
                pieces = _split_lines(content, line_styles)
                starts_item = bool(item_open and item_open[-1])
                nested_depth = depth + 1 if item_markers else 0
                first_line = parent.map[0] if parent.map else None
                outside = False
                for position, (piece, piece_style, line_number) in enumerate(pieces):
                    # A question or an emphasised line at the margin, run into a list
                    # item (a lazy continuation), is outside the list, as is what follows.
                    outside = outside or (
                        position > 0
                        and bool(item_markers)
                        and first_line is not None
                        and _is_lazy(source_lines, first_line + line_number)
                        and (_is_numbered_question(piece) or piece_style != PLAIN)
                    )
                    if outside:
                        nested_depth = depth_here = 0
                    else:
                        depth_here = max(depth, 0)
                    if position == 0 and starts_item:
                        item_open[-1] = False
                        kind, text, marker, level = (
                            BlockKind.LIST_ITEM,
                            piece,
                            item_markers[-1],
                            depth,
                        )
                    elif _LINE_MARKER.match(piece):
                        marker, _, text = piece.strip().partition(" ")
                        kind, level = BlockKind.LIST_ITEM, nested_depth
                    else:
                        kind, text, marker, level = BlockKind.PARAGRAPH, piece, "", depth_here
                    blocks.append(
                        Block(
                            kind,
                            text.strip(),
                            _location(parent),
                            depth=level,
                            marker=marker,
                            style=style if len(pieces) == 1 else piece_style,
                        )
                    )
    if grid_rows:
        blocks = sorted([*blocks, *grid_rows], key=lambda b: b.location.line_start)
    return LoadedDocument("markdown", tuple(blocks), None, cited=cited)


# Text set in italics inside a line: "*Title*" or "_Title_", not "**bold**".
_EMPHASIS = re.compile(
    r"(?<![*\w])\*(?![*\s])(?P<star>[^*\n]{3,200}?)(?<!\s)\*(?![*\w])|"
    r"(?<![_\w])_(?![_\s])(?P<underscore>[^_\n]{3,200}?)(?<!\s)_(?![_\w])"
)


def _emphasised(text: str) -> tuple[str, ...]:
    """Spans the text sets in italics, as titles a sentence may cite ("HMICFRS
    published *PEEL 2023–25: …*")."""
    found = []
    for match in _EMPHASIS.finditer(text):
        span = " ".join((match["star"] or match["underscore"]).split())
        if len(span.split()) >= CITED_MIN_WORDS:
            found.append(span)
    return tuple(found)
