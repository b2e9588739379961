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
from hmic_extract.vocabulary import CHECKED, ENUMERATOR

__all__ = ["clean_text", "flatten", "normalise", "split_marker"]


def _promote_marked_paragraph(block: Block) -> Block:
    """A paragraph that starts with a bullet glyph is a list item whose marker was typed."""
    if block.kind is not BlockKind.PARAGRAPH:
        return block
    marker = split_marker(block.text)
    if marker is None or marker.family in ("number", "letter"):
        return block
    return replace(block, kind=BlockKind.LIST_ITEM, text=marker.rest, marker=marker.marker)


# A table cell holding only a mark is a ticked box ("X" in an office-use column).
_TICK_CELL = re.compile(r"^\s*[xX✓✔]\s*$")


def _with_text(block: Block, text: str) -> Block:
    if block.kind is BlockKind.TABLE_ROW and any(_TICK_CELL.match(c) for c in block.cells):
        cells = tuple(CHECKED if _TICK_CELL.match(c) else clean_text(c) for c in block.cells)
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
    return tuple(_tidy(b) for b in structural if b.text.strip())


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
