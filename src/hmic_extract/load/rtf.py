"""RTF loader (striprtf): the document's text, read as plain text with its paragraphs kept.

striprtf decodes the escapes (``\\uN?``, ``\\'hh``, ``\\endash``, ``\\bullet``),
ends a paragraph at ``\\par`` and a line at ``\\line``, keeps list text
(``\\listtext``, Word's bullet glyph included) and ends each table cell with
"|". rtfparse, the other maintained parser, was tried on the same files: its
only renderer is for e-mail bodies that wrap HTML, it left "?" for every
``\\uN`` escape and ran table cells together. RTF carries no heading levels a
text reader can trust (they are only font sizes and bold), so the text goes
through the plain-text loader, which infers headings from the lines as it does
for text files: each paragraph is a line, followed by a blank line; a table row
is one line with its cells set two spaces apart, as a laid-out form is; list
items and table rows follow each other without blank lines.
Locations count lines of that text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hmic_extract.blocks import LoadedDocument
from hmic_extract.errors import CorruptDocumentError
from hmic_extract.load.text import load_text

# A list item's text as Word and LibreOffice write it: a bullet or number, then a tab.
_LIST_TEXT = re.compile(r"^\s*(\S{1,6})\t\s*")
# Cells of a table row end with "|" in striprtf's text.
_CELL_END = "|"
# A table row's cells are set this far apart: two spaces or more start a column.
_COLUMN_GAP = "    "


def rtf_text(source: str) -> str:
    """The text of an RTF document, one line per paragraph, table rows one line each."""
    from striprtf.striprtf import rtf_to_text

    try:
        raw: str = rtf_to_text(source, errors="replace")  # type: ignore[no-untyped-call]
    except (ValueError, IndexError, UnicodeError) as exc:
        raise CorruptDocumentError(f"damaged RTF document: {exc}") from exc
    lines: list[str] = []
    previous = ""
    for paragraph in raw.split("\n"):
        if not paragraph.strip():
            continue
        if paragraph.rstrip().endswith(_CELL_END):
            kind = "row"
            cells = [c.strip() for c in paragraph.rstrip().removesuffix(_CELL_END).split("|")]
            line = _COLUMN_GAP.join(c for c in cells if c)
        elif (item := _LIST_TEXT.match(paragraph)) is not None:
            kind = "item"
            line = f"{item.group(1)} {paragraph[item.end() :].strip()}"
        else:
            kind = "paragraph"
            line = paragraph.replace("\t", " ").strip()
        if lines and (kind == "paragraph" or kind != previous):
            lines.append("")
        lines.append(line)
        previous = kind
    return "\n".join(lines) + "\n"


def load_rtf(data: bytes) -> LoadedDocument:
    """Blocks of an RTF document, read as the plain text of its paragraphs."""
    # RTF is 7-bit by its specification; bytes above that are Windows-1252 in practice.
    loaded = load_text(rtf_text(data.decode("cp1252", errors="replace")))
    return replace(loaded, format="rtf")
