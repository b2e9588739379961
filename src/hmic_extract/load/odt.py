"""OpenDocument text loader (lxml over the zip's content.xml): headings, lists, tables, boxes.

Read natively like Word: ``text:h`` headings keep their outline level; nested
``text:list`` gives list depth, and the list style's bullet or number format
gives the marker; table rows keep their cells (a one-cell row is read as the
blocks inside it, as in Word); checkbox form controls and ☒/☐ glyphs become
☒/☐ inline; a paragraph is bold when its style, or every span of it, is.

Text in frames and text boxes is read as blocks after the paragraph they are
anchored in. Notes (footnotes and endnotes) are read apart, as the document's
notes, their citation marks left out of the text: read anywhere in the flow a note
would split a list or be taken for an item, a response or a form's answer.
Annotations (comments) and the deleted text of tracked changes are not part of the
document as printed.
Locations count body paragraphs, as for Word.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from hmic_extract.blocks import Block, BlockKind, LoadedDocument, Location, Style
from hmic_extract.errors import CorruptDocumentError
from hmic_extract.load.rows import label_over_content

MIMETYPE = "application/vnd.oasis.opendocument.text"

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "form": "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
    "xml": "http://www.w3.org/XML/1998/namespace",
}


def _q(name: str) -> str:
    """Clark notation for a prefixed name ("text:p" → "{urn:…:text:1.0}p")."""
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_P, _H, _LIST, _TABLE = _q("text:p"), _q("text:h"), _q("text:list"), _q("table:table")
_SECTION = _q("text:section")  # a named region of the body: read as body
# Elements whose content is not running text of the paragraph that holds them:
# notes and comments (see the module docstring), frames and shapes (read after
# the paragraph), and the record of tracked changes (deleted text lives there).
_NOT_INLINE = frozenset(
    _q(name)
    for name in (
        "text:note",
        "office:annotation",
        "office:annotation-end",
        "draw:frame",
        "draw:custom-shape",
        "draw:rect",
        "text:tracked-changes",
        "text:number",  # a list number as last rendered: the marker is counted afresh
    )
)
# Where a shape's or frame's own text sits: read as blocks of their own.
_BOX_BODIES = (_q("draw:text-box"), _q("draw:custom-shape"), _q("draw:rect"))
_ASIDES = (_q("text:note"), _q("office:annotation"))


def _inside(node: etree._Element, stop: etree._Element, tags: tuple[str, ...]) -> bool:
    """Whether an element between ``node`` and its ancestor ``stop`` has one of ``tags``."""
    for ancestor in node.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag in tags:
            return True
    return False


_CHECKED, _UNCHECKED = "☒", "☐"
# No entity expansion and no network: content.xml is untrusted input.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True, slots=True)
class _TextStyle:
    """What a named style sets, and the style it inherits the rest from."""

    bold: bool | None
    italic: bool | None
    parent: str | None


@dataclass(frozen=True, slots=True)
class _Level:
    """One level of a list style: a bullet glyph, or a number format with its affixes."""

    bullet: str | None
    num_format: str = "1"
    prefix: str = ""
    suffix: str = ""
    display_levels: int = 1
    start: int = 1


def _flag(value: str | None, on: tuple[str, ...]) -> bool | None:
    return None if value is None else value in on


def _styles(roots: list[etree._Element]) -> dict[str, _TextStyle]:
    """Bold and italic of every paragraph and text style, named or automatic."""
    out: dict[str, _TextStyle] = {}
    for root in roots:
        for node in root.iter(_q("style:style")):
            props = node.find(_q("style:text-properties"))
            weight = props.get(_q("fo:font-weight")) if props is not None else None
            posture = props.get(_q("fo:font-style")) if props is not None else None
            out[node.get(_q("style:name"), "")] = _TextStyle(
                # numeric weights from 600 up are bold, as CSS reads them
                _flag(weight, ("bold", "600", "700", "800", "900")),
                _flag(posture, ("italic", "oblique")),
                node.get(_q("style:parent-style-name")),
            )
    return out


def _list_styles(roots: list[etree._Element]) -> dict[str, dict[int, _Level]]:
    """The levels of every list style (1-based level → its marker format)."""
    out: dict[str, dict[int, _Level]] = {}
    for root in roots:
        for node in root.iter(_q("text:list-style")):
            levels: dict[int, _Level] = {}
            for level in node:
                number = _int(level.get(_q("text:level")), 1)
                if level.tag == _q("text:list-level-style-bullet"):
                    levels[number] = _Level(bullet=level.get(_q("text:bullet-char")) or "•")
                elif level.tag == _q("text:list-level-style-number"):
                    levels[number] = _Level(
                        bullet=None,
                        num_format=level.get(_q("style:num-format"), "1"),
                        prefix=level.get(_q("style:num-prefix"), ""),
                        suffix=level.get(_q("style:num-suffix"), ""),
                        display_levels=_int(level.get(_q("text:display-levels")), 1),
                        start=_int(level.get(_q("text:start-value")), 1),
                    )
            out[node.get(_q("style:name"), "")] = levels
    return out


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_ROMAN = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _counter(count: int, num_format: str) -> str:
    """A counter in a list level's number format ("1", "a", "A", "i", "I")."""
    if num_format in ("a", "A"):
        letter = chr(ord("a") + (count - 1) % 26)
        return letter.upper() if num_format == "A" else letter
    if num_format in ("i", "I"):
        roman, rest = "", count
        for value, letters in _ROMAN:
            while rest >= value:
                roman, rest = roman + letters, rest - value
        return roman.upper() if num_format == "I" else roman
    return str(count)


def _checkboxes(root: etree._Element) -> dict[str, bool]:
    """Every checkbox form control's state by its id: the current state, else the default."""
    out: dict[str, bool] = {}
    for box in root.iter(_q("form:checkbox")):
        state = box.get(_q("form:current-state")) or box.get(_q("form:state")) or ""
        for key in (_q("form:id"), _q("xml:id")):
            if box.get(key):
                out[box.get(key, "")] = state == "checked"
    return out


def _labels(root: etree._Element) -> dict[str, str]:
    """The label a checkbox control prints beside its box, by control id."""
    out: dict[str, str] = {}
    for box in root.iter(_q("form:checkbox")):
        for key in (_q("form:id"), _q("xml:id")):
            if box.get(key):
                out[box.get(key, "")] = box.get(_q("form:label"), "")
    return out


# An empty cell repeated along a row is written once with a count ("table:number-
# columns-repeated"); a long run is a blank margin, not columns to keep.
_MAX_REPEATED = 64


def _repeated(cell: etree._Element) -> int:
    """How many columns a (covered) cell stands for."""
    value = cell.get(_q("table:number-columns-repeated")) or "1"
    return min(int(value), _MAX_REPEATED) if value.isdigit() and int(value) > 0 else 1


@dataclass
class _Reader:
    """Walks the body in order, numbering lists as it goes."""

    styles: dict[str, _TextStyle]
    list_styles: dict[str, dict[int, _Level]]
    checkboxes: dict[str, bool]
    labels: dict[str, str]
    blocks: list[Block] = field(default_factory=list)
    position: int = 0
    counters: dict[int, int] = field(default_factory=dict)

    def _location(self) -> Location:
        self.position += 1
        return Location(None, self.position, self.position)

    def _style_flag(self, name: str | None, attribute: str) -> bool | None:
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            style = self.styles.get(name)
            if style is None:
                return None
            value: bool | None = getattr(style, attribute)
            if value is not None:
                return value
            name = style.parent
        return None

    def _runs(self, element: etree._Element, style: str | None) -> Iterator[tuple[str, str | None]]:
        """The paragraph's visible text as (text, style name) pieces, in order."""
        if element.text:
            yield element.text, style
        for child in element:
            tag = child.tag
            if tag in _NOT_INLINE or not isinstance(tag, str):
                pass
            elif tag == _q("text:span"):
                yield from self._runs(child, child.get(_q("text:style-name")) or style)
            elif tag == _q("text:s"):
                yield " " * _int(child.get(_q("text:c")), 1), style
            elif tag == _q("text:tab"):
                yield " ", style
            elif tag == _q("text:line-break"):
                yield "\n", style
            elif tag == _q("draw:control"):
                control = child.get(_q("draw:control"), "")
                if control in self.checkboxes:
                    box = _CHECKED if self.checkboxes[control] else _UNCHECKED
                    label = self.labels.get(control, "")
                    yield f"{box} {label}".rstrip() + " ", style
            else:  # links, fields, bookmarks, change marks: their text, if any
                yield from self._runs(child, style)
            if child.tail:
                yield child.tail, style

    def _paragraph_text(self, element: etree._Element) -> tuple[str, Style]:
        own = element.get(_q("text:style-name"))
        runs = list(self._runs(element, None))
        text = "".join(piece for piece, _ in runs)
        inked = [name for piece, name in runs if piece.strip()]

        def everywhere(attribute: str) -> bool:
            """Whether every inked run is bold (italic): by its own style, else the paragraph's."""
            flags = [self._style_flag(name, attribute) for name in inked]
            own_flag = bool(self._style_flag(own, attribute))
            return bool(inked) and all(own_flag if f is None else f for f in flags)

        return text, Style(bold=everywhere("bold"), italic=everywhere("italic"))

    def _boxes(self, element: etree._Element) -> None:
        """Text boxes and shapes anchored in a paragraph, read after it (each once:
        a box inside a box is read with the box that holds it)."""
        for node in element.iter(*_BOX_BODIES):
            if node is not element and not _inside(node, element, (*_BOX_BODIES, *_ASIDES)):
                self.body(node)

    def paragraph(self, element: etree._Element, *, depth: int = -1, marker: str = "") -> None:
        text, style = self._paragraph_text(element)
        location = self._location()
        if text.strip():
            if element.tag == _H:
                level = _int(element.get(_q("text:outline-level")), 1)
                kind = BlockKind.HEADING if level <= 6 else BlockKind.PARAGRAPH
                self.blocks.append(
                    Block(kind, text, location, level=level if level <= 6 else 0, style=style)
                )
            elif depth >= 0:
                self.blocks.append(
                    Block(
                        BlockKind.LIST_ITEM, text, location, depth=depth, marker=marker, style=style
                    )
                )
            else:
                self.blocks.append(Block(BlockKind.PARAGRAPH, text, location, style=style))
        self._boxes(element)

    def _marker(self, style: str | None, level: int, start: int | None) -> str:
        """The marker of an item at ``level`` (1-based), counting on from the last."""
        spec = self.list_styles.get(style or "", {}).get(level)
        if spec is None or spec.num_format == "":  # no style, or a number not shown
            return "•"
        if spec.bullet is not None:
            return spec.bullet.strip() or "•"
        count = start if start is not None else self.counters.get(level, spec.start - 1) + 1
        self.counters[level] = count
        for deeper in [k for k in self.counters if k > level]:
            del self.counters[deeper]
        shown = []
        for shown_level in range(level - spec.display_levels + 1, level + 1):
            outer = self.list_styles.get(style or "", {}).get(shown_level, spec)
            value = self.counters.get(shown_level, outer.start)
            shown.append(_counter(value, outer.num_format or "1"))
        return f"{spec.prefix}{'.'.join(shown)}{spec.suffix}"

    def read_list(self, element: etree._Element, *, level: int, style: str | None) -> None:
        style = element.get(_q("text:style-name")) or style
        if (
            level == 1
            and element.get(_q("text:continue-numbering")) != "true"
            and not element.get(_q("text:continue-list"))
        ):
            self.counters.clear()
        for item in element:
            if item.tag not in (_q("text:list-item"), _q("text:list-header")):
                continue
            start = item.get(_q("text:start-value"))
            first = True
            for child in item:
                if child.tag in (_P, _H) and first and item.tag == _q("text:list-item"):
                    marker = self._marker(style, level, _int(start, 1) if start else None)
                    self.paragraph(child, depth=level - 1, marker=marker)
                    first = False
                elif child.tag in (_P, _H):
                    self.paragraph(child)  # an item's second paragraph, or a list header
                elif child.tag == _LIST:
                    self.read_list(child, level=level + 1, style=style)
                elif child.tag == _TABLE:
                    self.table(child)

    def _cell_text(self, cell: etree._Element) -> str:
        """A cell's paragraphs, nested tables' and boxes' too, one line each."""
        lines = [
            self._paragraph_text(p)[0] for p in cell.iter(_P, _H) if not _inside(p, cell, _ASIDES)
        ]
        return "\n".join(line for line in lines if line.strip())

    def table(self, element: etree._Element) -> None:
        for row in element.iter(_q("table:table-row")):
            if next(row.iterancestors(_TABLE)) is not element:
                continue  # a nested table's rows are read in their cell's text
            # A cell covered by a span from above or beside is kept as an empty place, so
            # every row's columns line up with the header's.
            places = [
                cell
                for cell in row.iterchildren(_q("table:table-cell"), _q("table:covered-table-cell"))
                for _ in range(_repeated(cell))
            ]
            cells = [cell for cell in places if cell.tag == _q("table:table-cell")]
            if len(cells) == 1:
                self.body(cells[0])
                continue
            texts = tuple(
                self._cell_text(cell) if cell.tag == _q("table:table-cell") else ""
                for cell in places
            )
            location = self._location()
            unfolded = (
                self._unfolded(cells[0], cells[1], location)
                if len(places) == len(cells) == 2
                else ()
            )
            if any(t.strip() for t in texts):
                text = "\n".join(t for t in texts if t.strip())
                self.blocks.append(
                    Block(BlockKind.TABLE_ROW, text, location, cells=texts, unfolded=unfolded)
                )

    def _unfolded(
        self, label: etree._Element, content: etree._Element, row: Location
    ) -> tuple[Block, ...]:
        """A two-cell row as a label over its content, when the label is one line."""
        lines = [t for t in self._cell_text(label).splitlines() if t.strip()]
        if len(lines) != 1:
            return ()
        return label_over_content(self, lines[0].strip(), row, lambda: self.body(content))

    def body(self, element: etree._Element) -> None:
        for child in element:
            if child.tag in (_P, _H):
                self.paragraph(child)
            elif child.tag == _LIST:
                self.read_list(child, level=1, style=None)
            elif child.tag == _TABLE:
                self.table(child)
            elif child.tag == _SECTION or child.tag in _BOX_BODIES:
                self.body(child)
            elif child.tag == _q("draw:frame"):  # anchored to the page: read where it stands
                self._boxes(child)


def _part(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        return etree.fromstring(archive.read(name), _PARSER)
    except KeyError:
        return None


def load_odt(data: bytes) -> LoadedDocument:
    """Blocks of an OpenDocument text's body, in order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = _part(archive, "content.xml")
            styles = _part(archive, "styles.xml")
    except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError, ValueError) as exc:
        raise CorruptDocumentError(f"damaged OpenDocument file: {exc}") from exc
    body = content.find(f"{_q('office:body')}/{_q('office:text')}") if content is not None else None
    if content is None or body is None:
        raise CorruptDocumentError("damaged OpenDocument file: no text body in content.xml")
    roots = [root for root in (styles, content) if root is not None]
    reader = _Reader(_styles(roots), _list_styles(roots), _checkboxes(body), _labels(body))
    reader.body(body)
    return LoadedDocument("odt", tuple(reader.blocks), None, notes=_notes(body))


def _notes(body: etree._Element) -> tuple[str, ...]:
    """The text of each note (footnote or endnote), in the order they stand."""
    notes = []
    for note in body.iter(_q("text:note-body")):
        text = " ".join(" ".join(note.itertext()).split())
        if text:
            notes.append(text)
    return tuple(notes)
