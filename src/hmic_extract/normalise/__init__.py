"""Stage 2, normalise: clean glyphs, drop page furniture, rebuild paragraphs and lists.

Loaders of line-based formats (text, PDF) emit one LINE block per physical
line; this stage groups them into headings, paragraphs and list items using
indentation, spacing and markers, so every later stage sees the same kinds of
blocks whatever the input format was. Normalising twice changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from hmic_extract.blocks import Block, BlockKind
from hmic_extract.normalise.furniture import furniture, is_marking, site_chrome
from hmic_extract.normalise.glyphs import clean_text, flatten, split_marker
from hmic_extract.normalise.lines import group_lines
from hmic_extract.vocabulary import CHECKED, ENUMERATOR, TICK_MARK, UNCHECKED

__all__ = ["clean_text", "flatten", "normalise", "split_marker"]


def _promote_marked_paragraph(block: Block) -> Block:
    """A paragraph that starts with a bullet glyph is a list item whose marker was typed."""
    if block.kind is not BlockKind.PARAGRAPH:
        return block
    marker = split_marker(block.text)
    if marker is None or marker.family in ("number", "letter"):
        return block
    return replace(block, kind=BlockKind.LIST_ITEM, text=marker.rest, marker=marker.marker)


def _with_text(block: Block, text: str) -> Block:
    if block.kind is BlockKind.TABLE_ROW and any(TICK_MARK.match(c) for c in block.cells):
        cells = tuple(CHECKED if TICK_MARK.match(c) else clean_text(c) for c in block.cells)
        return replace(block, text="\n".join(c for c in cells if c.strip()), cells=cells)
    return block if text == block.text else replace(block, text=text)


def normalise(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Clean, furniture-free structural blocks (no LINE blocks) in document order."""
    cleaned = [_with_text(b, clean_text(b.text)) for b in blocks]
    lines = [b for b in cleaned if b.kind is BlockKind.LINE]
    if lines:
        dropped = {id(lines[i]) for i in furniture(lines)}
        texts = [line for line in lines if line.text.strip()]
        chrome = site_chrome([t.text for t in texts], [t.gap_before > 0 for t in texts])
        dropped |= {id(texts[i]) for i in chrome}
        kept = [b for b in cleaned if id(b) not in dropped]
        structural = group_lines(kept)
    else:
        blocks_kept = [b for b in cleaned if b.text.strip() and not is_marking(b.text)]
        chrome = site_chrome([b.text for b in blocks_kept], [True] * len(blocks_kept))
        structural = [
            _promote_marked_paragraph(b) for i, b in enumerate(blocks_kept) if i not in chrome
        ]
    return tuple(_tidy(b) for b in _mark_columns(structural) if b.text.strip())


def _mark_columns(blocks: Sequence[Block]) -> list[Block]:
    """Tables with a column of tick marks ("Type of inspection | National | X"): where
    a row leaves that column empty its box is unticked, as the ticked ones are boxes.
    A column is one of marks when its cells, past the header, are ticks or empty and
    one at least is ticked."""
    out = list(blocks)
    start = 0
    while start < len(out):
        end = start
        while (
            end < len(out)
            and out[end].kind is BlockKind.TABLE_ROW
            and len(out[end].cells) == len(out[start].cells)
        ):
            end += 1
        if end - start >= 2:
            _untick_empty_marks(out, start, end)
        start = max(end, start + 1)
    return out


def _untick_empty_marks(rows: list[Block], start: int, end: int) -> None:
    width = len(rows[start].cells)
    for column in range(width):
        cells = [rows[i].cells[column].strip() for i in range(start + 1, end)]
        if CHECKED not in cells or any(c not in ("", CHECKED) for c in cells):
            continue
        for i in range(start + 1, end):
            row = rows[i]
            others = [c for k, c in enumerate(row.cells) if k != column and c.strip()]
            if row.cells[column].strip() or not others:
                continue
            marked = tuple(UNCHECKED if k == column else c for k, c in enumerate(row.cells))
            rows[i] = replace(row, cells=marked, text="\n".join(c for c in marked if c.strip()))


# A letter or roman numeral typed after a bullet: "(a) ", "b) ", "(iv) ".
_TYPED_LETTER = re.compile(r"^(?P<letter>\((?:[a-z]|[ivx]{1,4})\)|(?:[a-z]|[ivx]{1,4})\))\s+")


def _tidy(block: Block) -> Block:
    """Final text of a block: bullet glyphs out of the text, spaces trimmed per line."""
    text = "\n".join(
        " ".join(part.split()) if block.kind is not BlockKind.TABLE_ROW else part.strip()
        for part in block.text.split("\n")
    )
    marker = block.marker
    # an enumerator ("1.", "a)", "3.2") stays as printed; any other glyph is a bullet
    if marker and marker != "•" and not ENUMERATOR.match(f"{marker} A"):
        marker = "•"
    text = text.strip()
    if marker == "•" and (typed := _TYPED_LETTER.match(text)):
        # a bullet before a typed letter ("* (a) improve …"): the letter is the marker
        marker, text = typed["letter"], text[typed.end() :]
    if text == block.text and marker == block.marker:
        return block
    return replace(block, text=text, marker=marker)
