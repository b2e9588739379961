"""Word loader (python-docx): paragraphs, headings, numbered lists and tables as blocks.

Heading levels come from styles and outline levels; list markers and depths
from the numbering definitions (so an auto-numbered "1)" keeps its number);
table rows keep their cells; a one-cell row (a boxed section) is read as the
blocks inside it; a text box is read as blocks after the paragraph it is anchored
in. Checkboxes, content controls (w14:checkbox) and legacy form fields alike,
give their state as ☒/☐. Headers and footers are not part of the body and are
skipped. Footnotes and endnotes live in parts of their own and leave only a
reference mark in the body: they are read apart, as the document's notes (read in
the flow a note would split a list or be taken for an item or a response).
Locations count body paragraphs: Word files have no fixed pages or lines.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml.etree import LxmlError

from hmic_extract.blocks import Block, BlockKind, LoadedDocument, Location, Style
from hmic_extract.errors import CorruptDocumentError
from hmic_extract.load.numerals import roman
from hmic_extract.load.rows import label_over_content

_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_HEADING_STYLE = re.compile(r"^(?:heading\s*(\d)|title)$", re.I)
_LIST_STYLE = re.compile(r"^list\s+(?:bullet|number|paragraph|continue)(?:\s+(\d))?$", re.I)
# A list marker with a word in it, not just a number, letter or numeral.
# A numbering label that is a word or a kind's letter with its number ("AFI 1", "R1").
_WORDED_MARKER = re.compile(r"[A-Za-z]{2,}|\b[A-Za-z]\d")


@dataclass
class _Numbering:
    """Level formats per numbering id, and running counters, for list markers."""

    formats: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)
    starts: dict[tuple[str, int], int] = field(default_factory=dict)
    counters: dict[tuple[str, int], int] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: Any) -> _Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        abstract: dict[str | None, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    fmt.get(qn("w:val"), "bullet") if fmt is not None else "bullet",
                    text.get(qn("w:val"), "") if text is not None else "",
                    _int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            num_id = num.get(qn("w:numId")) or ""
            for level, (fmt, text, start) in abstract.get(ref.get(qn("w:val")), {}).items():
                numbering.formats[(num_id, level)] = (fmt, text)
                numbering.starts[(num_id, level)] = start
            # A list that restarts, or starts elsewhere, overrides its levels' start.
            for override in num.findall(qn("w:lvlOverride")):
                value = override.find(qn("w:startOverride"))
                if value is not None:
                    level = _int(override.get(qn("w:ilvl")))
                    numbering.starts[(num_id, level)] = _int(value.get(qn("w:val")))
        return numbering

    def marker(self, num_id: str, level: int) -> str:
        fmt, text = self.formats.get((num_id, level), ("bullet", "•"))
        if fmt in ("bullet", "none"):
            return "•"
        key = (num_id, level)
        self.counters[key] = self.counters.get(key, self.starts.get(key, 1) - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > level]:
            del self.counters[deeper]
        value = self._value(num_id, level)
        # "%1.%2" numbers an item by its own and its parents' counters.
        return re.sub(r"%(\d)", lambda m: self._value(num_id, int(m[1]) - 1), text) or f"{value}."

    def _value(self, num_id: str, level: int) -> str:
        """A level's counter in its format ("3", "c", "iii")."""
        fmt = self.formats.get((num_id, level), ("decimal", ""))[0]
        count = self.counters.get((num_id, level), self.starts.get((num_id, level), 1))
        return {
            "lowerLetter": chr(ord("a") + (count - 1) % 26),
            "upperLetter": chr(ord("A") + (count - 1) % 26),
            "lowerRoman": roman(count),
            "upperRoman": roman(count).upper(),
        }.get(fmt, str(count))


def _int(value: str | None, default: int = 1) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default


def _style_chain(style: Any) -> Iterator[Any]:
    while style is not None:
        yield style
        style = style.base_style


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """The paragraph's numbering (id, level), from itself or its style."""
    for element in [paragraph._p, *(s.element for s in _style_chain(paragraph.style))]:
        ppr = element.find(qn("w:pPr"))
        num = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num is None:
            continue
        num_id = num.find(qn("w:numId"))
        ilvl = num.find(qn("w:ilvl"))
        if num_id is None or num_id.get(qn("w:val")) == "0":
            return None
        return num_id.get(qn("w:val")) or "", int(
            ilvl.get(qn("w:val"), "0")
        ) if ilvl is not None else 0
    return None


_CHECKED, _UNCHECKED = "☒", "☐"


def _legacy_checked(checkbox: Any) -> bool:
    """The state of a legacy FORMCHECKBOX field: w:checked if set, else w:default."""
    for name in ("w:checked", "w:default"):
        node = checkbox.find(qn(name))
        if node is not None:
            return node.get(qn("w:val"), "1") not in ("0", "false")
    return False


# A text box's content is read as blocks of its own (after its anchor paragraph);
# the VML copy Word keeps of every drawing for old readers is not read at all.
_TEXT_BOX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


# Tracked changes a reader of the final document does not see: deleted text and
# the old place of moved text.
_REMOVED = (qn("w:del"), qn("w:moveFrom"))


def _content_checkbox(sdt: Any) -> bool | None:
    """The state of a checkbox content control (w14:checkbox), or None for other controls.

    Its glyph is whatever font and character the author chose (often a Wingdings
    private-use character), so the state is read, not the glyph."""
    properties = sdt.find(qn("w:sdtPr"))
    box = properties.find(f"{_W14}checkbox") if properties is not None else None
    if box is None:
        return None
    checked = box.find(f"{_W14}checked")
    return checked is not None and checked.get(f"{_W14}val", "0") in ("1", "true")


def _own_nodes(element: Any) -> Iterator[Any]:
    """The element's descendants, leaving out text boxes, fallback copies, the
    text tracked changes removed, and the glyph inside a checkbox content control."""
    for child in element.iterchildren():
        if child.tag in (_TEXT_BOX, _FALLBACK, *_REMOVED):
            continue
        yield child
        if child.tag == qn("w:sdt") and _content_checkbox(child) is not None:
            continue
        yield from _own_nodes(child)


def _text_boxes(element: Any) -> list[Any]:
    """The text boxes anchored in a paragraph, each once (not their fallback copies,
    nor boxes inside boxes, which are read with the box that holds them)."""

    def nested(box: Any) -> bool:
        for ancestor in box.iterancestors():
            if ancestor is element:
                return False
            if ancestor.tag in (_FALLBACK, _TEXT_BOX):
                return True
        return False

    return [box for box in element.iter(_TEXT_BOX) if not nested(box)]


def _text(element: Any) -> str:
    """The visible text of a paragraph element: runs, tabs, breaks, symbols, checkboxes."""
    parts: list[str] = []
    for node in _own_nodes(element):
        tag = node.tag
        if tag == qn("w:t"):
            parts.append(node.text or "")
        elif tag == qn("w:tab"):
            parts.append(" ")
        elif tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
        elif tag == qn("w:checkBox"):  # a legacy form checkbox: its state, not its glyph
            parts.append(f"{_CHECKED if _legacy_checked(node) else _UNCHECKED} ")
        elif tag == qn("w:sdt") and (state := _content_checkbox(node)) is not None:
            parts.append(_CHECKED if state else _UNCHECKED)
        elif tag == qn("w:sym"):
            code = node.get(qn("w:char")) or ""
            try:
                parts.append(chr(int(code, 16)))
            except ValueError:
                continue
    return "".join(parts)


def _emphasis(paragraph: Any) -> Style:
    runs = [r for r in paragraph.runs if r.text.strip()]
    style_font = paragraph.style.font if paragraph.style is not None else None

    def flag(run: Any, name: str) -> bool:
        value = getattr(run.font, name)
        if value is None and style_font is not None:
            value = getattr(style_font, name)
        return bool(value)

    return Style(
        bold=bool(runs) and all(flag(r, "bold") for r in runs),
        italic=bool(runs) and all(flag(r, "italic") for r in runs),
    )


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.numbering = _Numbering.from_document(document)
        self.position = 0
        self.blocks: list[Block] = []

    def _location(self) -> Location:
        self.position += 1
        return Location(None, self.position, self.position)

    def paragraph(self, paragraph: Any) -> None:
        self._paragraph(paragraph)
        for box in _text_boxes(paragraph._p):
            self.body(box)

    def _paragraph(self, paragraph: Any) -> None:
        text = _text(paragraph._p)
        location = self._location()
        if not text.strip():
            return
        style_name = paragraph.style.name if paragraph.style is not None else ""
        heading = _HEADING_STYLE.match(style_name or "")
        ppr = paragraph._p.find(qn("w:pPr"))
        outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        style = _emphasis(paragraph)
        if heading or outline is not None:
            if heading:
                level = int(heading.group(1) or 1)
            else:
                level = int(outline.get(qn("w:val"), "0")) + 1 if outline is not None else 1
            if level <= 6:
                self.blocks.append(
                    Block(BlockKind.HEADING, text, location, level=level, style=style)
                )
                return
        list_style = _LIST_STYLE.match(style_name or "")
        numbering = _num_pr(paragraph)
        if numbering is not None:
            num_id, level = numbering
            if list_style and list_style.group(1) and level == 0:
                level = int(list_style.group(1)) - 1  # "List Bullet 2" is level 2 by its name
            marker = self.numbering.marker(num_id, level)
            if _WORDED_MARKER.search(marker):
                # Numbering that prints a label ("AFI 1", "Recommendation 2:") says
                # what the item is: the label is kept as the start of its text.
                text, marker = f"{marker} {text}", "•"
            self.blocks.append(
                Block(BlockKind.LIST_ITEM, text, location, depth=level, marker=marker, style=style)
            )
        elif list_style and "paragraph" not in style_name.casefold():
            depth = int(list_style.group(1) or 1) - 1
            self.blocks.append(
                Block(BlockKind.LIST_ITEM, text, location, depth=depth, marker="•", style=style)
            )
        else:
            self.blocks.append(Block(BlockKind.PARAGRAPH, text, location, style=style))

    def table(self, table: Any) -> None:
        above: list[Any] = []
        for row in table.rows:
            # python-docx repeats a merged cell in every place it covers: across a row
            # (gridSpan) and down a column (vMerge). Its text stands in its first place;
            # the others stay empty, so every row's columns line up with the header's.
            places = [cell._tc for cell in row.cells]
            first = [
                (column == 0 or places[column - 1] is not tc)
                and (column >= len(above) or above[column] is not tc)
                for column, tc in enumerate(places)
            ]
            above = places
            cells = [tc for tc, own in zip(places, first, strict=True) if own]
            if len(cells) == 1:
                self.body(cells[0])
                continue
            texts = tuple(
                self._cell_text(tc) if own else "" for tc, own in zip(places, first, strict=True)
            )
            location = self._location()
            unfolded = (
                self._unfolded(cells[0], cells[1], location)
                if len(texts) == len(cells) == 2
                else ()
            )
            if any(t.strip() for t in texts):
                self.blocks.append(
                    Block(
                        BlockKind.TABLE_ROW,
                        "\n".join(t for t in texts if t.strip()),
                        location,
                        cells=texts,
                        unfolded=unfolded,
                    )
                )

    def _unfolded(self, label: Any, content: Any, row: Location) -> tuple[Block, ...]:
        """A two-cell row as a label over its content, when the label is one line."""
        label_lines = [p for p in label.iterchildren(qn("w:p")) if _text(p).strip()]
        if len(label_lines) != 1:
            return ()
        return label_over_content(
            self, _text(label_lines[0]).strip(), row, lambda: self.body(content)
        )

    def _cell_text(self, element: Any) -> str:
        lines = []
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                lines.append(_text(child))
            elif child.tag == qn("w:tbl"):
                for row in child.iter(qn("w:tr")):
                    lines.append(
                        "  ".join(self._cell_text(tc) for tc in row.iterchildren(qn("w:tc")))
                    )
        return "\n".join(line for line in lines if line.strip())

    def body(self, element: Any) -> None:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                self.paragraph(Paragraph(child, self.document.part))
            elif child.tag == qn("w:tbl"):
                self.table(Table(child, self.document.part))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.body(content)


def load_docx(data: bytes) -> LoadedDocument:
    """Blocks of a Word document's body, in order."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, LxmlError, PackageNotFoundError) as exc:
        raise CorruptDocumentError(f"damaged Word document: {exc}") from exc
    reader = _Reader(document)
    reader.body(document.element.body)
    return LoadedDocument("docx", tuple(reader.blocks), None, notes=_notes(document))


# The parts holding notes, and their note elements; ids below 1 are the separator
# lines Word draws above the notes, not notes.
_NOTE_PARTS = (("/word/footnotes.xml", "w:footnote"), ("/word/endnotes.xml", "w:endnote"))


def _notes(document: Any) -> tuple[str, ...]:
    """The text of each footnote, then each endnote, in order."""
    from lxml import etree

    parts = {str(part.partname): part for part in document.part.package.iter_parts()}
    notes: list[str] = []
    for name, tag in _NOTE_PARTS:
        part = parts.get(name)
        if part is None:
            continue
        try:
            root = etree.fromstring(part.blob, parser=etree.XMLParser(resolve_entities=False))
        except etree.XMLSyntaxError:
            continue  # a damaged notes part: the body is still read
        for note in root.iter(qn(tag)):
            if _int(note.get(qn("w:id")), 0) < 1:
                continue
            text = " ".join("".join(t.text or "" for t in note.iter(qn("w:t"))).split())
            if text:
                notes.append(text)
    return tuple(notes)
