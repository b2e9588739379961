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
items and table rows follow each other without blank lines. Each paragraph's
type (bold, italic, size against the body's) is read from the control words by
a scan of its own and given to the line whose words it holds, as the PDF loaders
give theirs: a bold or larger line of its own is a heading's layout, an italic
one a question's. Locations count lines of that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from hmic_extract.blocks import BlockKind, LoadedDocument, Style
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


# The scanner's tokens: a control word and its number, a hex escape, a control symbol,
# a group's edge, or a run of text.
_TOKEN = re.compile(
    r"\\([a-z]{1,32})(-?\d{1,10})? ?|\\'[0-9a-fA-F]{2}|\\(.)|([{}])|([^\\{}\r\n]+)", re.S
)
# Groups whose text is no paragraph's: tables of fonts, colours and styles, document
# information, running headers and footers, pictures, field instructions.
_SKIPPED = frozenset(
    "fonttbl colortbl stylesheet info header headerl headerr headerf footer footerl "
    "footerr footerf pict listtable listoverridetable rsidtbl generator xmlnsdecls "
    "themedata colorschememapping datastore latentstyles fldinst object".split()
)
# Control words that write one character of a paragraph's text.
_CHARACTERS = {
    "bullet": "•",
    "endash": "–",
    "emdash": "—",
    "lquote": "‘",
    "rquote": "’",
    "ldblquote": "“",
    "rdblquote": "”",
    "tab": " ",
}
# The words a paragraph's line is matched on: its first few.
_KEY_WORDS = 6
_WORD = re.compile(r"[^\W_]+")


@dataclass
class _Format:
    bold: bool = False
    italic: bool = False
    size: int = 24  # half-points, RTF's default 12 pt
    skip: bool = False


@dataclass
class _Paragraph:
    text: list[str] = field(default_factory=list)
    bold: int = 0
    italic: int = 0
    sizes: dict[int, int] = field(default_factory=dict)

    def add(self, text: str, state: _Format) -> None:
        count = sum(1 for c in text if not c.isspace())
        self.text.append(text)
        self.bold += count if state.bold else 0
        self.italic += count if state.italic else 0
        self.sizes[state.size] = self.sizes.get(state.size, 0) + count

    def letters(self) -> int:
        return sum(self.sizes.values())


def _key(text: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in _WORD.findall(text)[:_KEY_WORDS])


def paragraph_styles(source: str) -> dict[tuple[str, ...], Style]:
    """Each paragraph's type, keyed by its first words: bold or italic where most of its
    letters are, its size (its letters' commonest) over the body's."""
    stack = [_Format()]
    paragraphs: list[_Paragraph] = []
    current = _Paragraph()
    fallback = 0  # characters after "\\uN" that stand in for it in older readers
    for match in _TOKEN.finditer(source):
        word, number, symbol, edge, text = match.groups()
        state = stack[-1]
        if fallback and (text is not None or match.group(0).startswith("\\'")):
            fallback -= 1
            if text is None or len(text) == 1:
                continue
            text = text[1:]
        if edge == "{":
            stack.append(replace(state))
        elif edge == "}":
            if len(stack) > 1:
                stack.pop()
        elif word is not None:
            if word in _SKIPPED:
                state.skip = True
            elif word in ("par", "row", "cell", "line"):
                if current.letters():
                    paragraphs.append(current)
                current = _Paragraph()
            elif word == "b":
                state.bold = number != "0"
            elif word == "i":
                state.italic = number != "0"
            elif word == "plain":
                state.bold = state.italic = False
                state.size = 24
            elif word == "fs" and number:
                state.size = int(number)
            elif word == "u" and number and not state.skip:
                current.add(chr(int(number) % 0x10000), state)
                fallback = 1
            elif word in _CHARACTERS and not state.skip:
                current.add(_CHARACTERS[word], state)
        elif symbol == "*":
            state.skip = True
        elif match.group(0).startswith("\\'") and not state.skip:
            current.add(bytes.fromhex(match.group(0)[2:]).decode("cp1252", "replace"), state)
        elif text is not None and not state.skip:
            current.add(text, state)
    if current.letters():
        paragraphs.append(current)
    counts: dict[int, int] = {}
    for paragraph in paragraphs:
        for size, count in paragraph.sizes.items():
            counts[size] = counts.get(size, 0) + count
    if not counts:
        return {}
    body = max(counts, key=lambda size: counts[size]) or 24
    styles: dict[tuple[str, ...], Style] = {}
    for paragraph in paragraphs:
        letters = paragraph.letters()
        size = max(paragraph.sizes, key=lambda s: paragraph.sizes[s])
        style = Style(
            bold=paragraph.bold * 2 > letters,
            italic=paragraph.italic * 2 > letters,
            size=round(size / body, 3),
        )
        styles.setdefault(_key("".join(paragraph.text)), style)
    return styles


def load_rtf(data: bytes) -> LoadedDocument:
    """Blocks of an RTF document, read as the plain text of its paragraphs, each line
    with its paragraph's type."""
    # RTF is 7-bit by its specification; bytes above that are Windows-1252 in practice.
    source = data.decode("cp1252", errors="replace")
    loaded = load_text(rtf_text(source))
    styles = paragraph_styles(source)
    blocks = tuple(
        replace(block, style=styles.get(_key(block.text), block.style))
        if block.kind is BlockKind.LINE and block.text.strip()
        else block
        for block in loaded.blocks
    )
    return replace(loaded, blocks=blocks, format="rtf")
