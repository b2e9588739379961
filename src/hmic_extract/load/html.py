"""HTML loader (lxml): a web page's main content as blocks, the site around it dropped.

Chosen over trafilatura after reading the fixtures under ``tests/fixtures/html``
both ways. trafilatura's XML output selects the main content well, but it
dropped what a response page's structure is made of: the article's own ``<h1>``
(kept as metadata, not text), every ``<input type=checkbox>`` with its label
("Yes"/"No" gone), the empty cells of an office-use table, and an ordered
list's ``type``/``start`` (so "a)" items became "1."). Reading the tree with
lxml (already installed with python-docx) keeps all of them and costs no new
dependency tree (trafilatura brings htmldate, dateparser, courlan, justext).

The site is dropped in three generic passes, as trafilatura does: the page's
landmark (``<main>``, ``role=main``, one ``<article>``) when it has one; then
elements whose tag, role, class or id name site furniture (navigation, header
and footer, cookie and consent banners, breadcrumbs, share buttons, related
links, skip links, menus, hidden elements); then lists made only of links.
Chrome words that survive as text ("Share this page") are left to normalise's
site-chrome pass, as for a page saved as text.

Locations count the lines of the extracted main text: one line per block, in order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hmic_extract.blocks import (
    CITED_MIN_WORDS,
    PLAIN,
    Block,
    BlockKind,
    LoadedDocument,
    Location,
    Style,
)
from hmic_extract.errors import EmptyInputError
from hmic_extract.load.numerals import roman

_CHECKED = "☒"
_UNCHECKED = "☐"
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Elements whose content is never the page's text.
_NEVER_TEXT = frozenset(
    "script style noscript template svg canvas iframe object embed head title meta link "
    "button select textarea option dialog map audio video".split()
)
# Landmarks of a site's furniture, by tag.
_CHROME_TAGS = frozenset({"nav", "aside", "header", "footer"})
# ... and by ARIA role.
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"}
)
# Words in a class or id (split at "-" and "_") that name site furniture.
_CHROME_WORDS = frozenset(
    "nav navbar navigation menu menubar submenu cookie cookies consent gdpr breadcrumb "
    "breadcrumbs crumbs share sharing sharer social related skip skiplink skiplinks banner "
    "masthead sidebar footer pagination pager newsletter toolbar accessibility a11y".split()
)
# Whole class names of text only screen readers get ("Posted on", "Opens in a new window").
_SCREEN_READER_ONLY = frozenset(
    {"sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden"}
)
# Inside the page's own landmark an article's header holds its title: kept there.
_KEEP_INSIDE = frozenset({"header"})
# Elements that start a block of their own; anything else is inline.
_BLOCK_TAGS = frozenset(
    "p div section article main header footer aside nav blockquote ul ol li dl dt dd table "
    "thead tbody tfoot tr td th caption h1 h2 h3 h4 h5 h6 pre figure figcaption form fieldset "
    "legend address hr details summary center body html".split()
)
_BOLD = frozenset({"strong", "b"})
_ITALIC = frozenset({"em", "i", "cite"})
# A line typed with a list marker inside a paragraph ("1. …<br>2. …"): an item of its own.
_TYPED_MARKER = re.compile(r"^\s*(?:\(?[a-z]\)|\(?\d{1,2}[.)]|[•▪◦·\-–*])\s+\S", re.I)
# A block holding a <time> and at most this many other words ("Published:", "Posted
# on … in News") is the page's dateline, the response page's date, not the text's.
_STAMP_LABEL_MAX_WORDS = 6
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Control characters lxml refuses in a tree (a form feed from a printed page among them).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class _Run:
    """The inline content of one block as it is read: text pieces and emphasis counts."""

    parts: list[str] = field(default_factory=list)
    letters: int = 0
    bold: int = 0
    italic: int = 0

    def add(self, text: str, *, bold: bool, italic: bool) -> None:
        self.parts.append(text)
        visible = len("".join(text.split()))
        self.letters += visible
        self.bold += visible if bold else 0
        self.italic += visible if italic else 0

    def lines(self) -> list[str]:
        """The run's lines: HTML whitespace collapsed, ``<br>`` kept as a line end."""
        return [" ".join(line.split()) for line in "".join(self.parts).split("\n")]

    @classmethod
    def of(cls, text: str) -> _Run:
        """A run of plain text."""
        run = cls()
        run.add(text, bold=False, italic=False)
        return run

    def joined(self) -> str:
        """The run's lines on one line: a heading's or a term's text."""
        return " ".join(line for line in self.lines() if line)

    def style(self) -> Style:
        return Style(
            bold=self.letters > 0 and self.bold >= self.letters,
            italic=self.letters > 0 and self.italic >= self.letters,
        )


@dataclass(frozen=True, slots=True)
class _Pending:
    """A block before its line is known: everything but the location."""

    kind: BlockKind
    text: str
    style: Style
    depth: int = 0
    marker: str = ""
    level: int = 0
    cells: tuple[str, ...] = ()


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _words(element: Any) -> set[str]:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".casefold()
    return set(re.split(r"[\s\-_]+", names)) - {""}


def _screen_reader_only(element: Any) -> bool:
    return bool(set((element.get("class") or "").casefold().split()) & _SCREEN_READER_ONLY)


def _hidden(element: Any) -> bool:
    style = (element.get("style") or "").replace(" ", "").casefold()
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _has_box(element: Any) -> bool:
    """Whether an element holds a checkbox or radio button."""
    return bool(element.xpath(".//input[@type='checkbox' or @type='radio']"))


def _is_chrome(element: Any, *, inside_main: bool) -> bool:
    """Whether an element is the site's furniture rather than the page's content."""
    tag = _tag(element)
    if tag in _CHROME_TAGS and not (inside_main and tag in _KEEP_INSIDE):
        # a quotation's own footer credits it ("— <cite>Name, Deputy Mayor</cite>")
        return not (tag == "footer" and _in_quotation(element))
    if (element.get("role") or "").casefold() in _CHROME_ROLES:
        return True
    if tag == "form" and not _has_box(element):
        return True  # a search box or a sign-up form; a form with boxes is content
    return bool(_words(element) & _CHROME_WORDS) or _hidden(element) or _screen_reader_only(element)


def _in_quotation(element: Any) -> bool:
    """Whether an element stands inside a ``<blockquote>`` or ``<figure>``."""
    return any(_tag(parent) in ("blockquote", "figure") for parent in element.iterancestors())


def _main_root(document: Any) -> Any:
    """The page's main content: its ``main`` landmark, else its one article, else the body."""
    for query in ("//main", "//*[@role='main']", "//article"):
        found = document.xpath(query)
        if len(found) == 1 or (found and query != "//article"):
            return found[0]
    body = document.find("body")
    return body if body is not None else document


def _title_outside(document: Any, root: Any) -> Any | None:
    """A page's ``<h1>`` printed above its landmark (a hero banner), when the landmark
    has none and the heading stands in no furniture."""
    if root.xpath(".//h1"):
        return None
    for heading in document.xpath("//h1"):
        chain = [heading, *heading.iterancestors()]
        if root in chain:
            return None
        if not any(_is_chrome(a, inside_main=False) for a in chain[1:]):
            return heading
    return None


def _prune(root: Any, *, landmark: bool) -> None:
    """Furniture, hidden and non-text elements removed from the content tree; inside a
    landmark, a ``header`` is the article's own."""
    for element in list(root.iter()):
        if element is root or element.getparent() is None:
            continue
        tag = _tag(element)
        if not tag or tag in _NEVER_TEXT or _is_chrome(element, inside_main=landmark):
            element.drop_tree()
    for stamp in list(root.iter("time")):
        block = next((a for a in stamp.iterancestors() if _tag(a) in _BLOCK_TAGS), None)
        if block is None or block is root or block.getparent() is None:
            continue
        words = len(block.text_content().split()) - len(stamp.text_content().split())
        if words <= _STAMP_LABEL_MAX_WORDS:
            block.drop_tree()  # the page's date is metadata: page_date carries it
    for listing in list(root.iter("ul", "ol")):
        items = listing.findall("li")
        linked = [" ".join(a.text_content().split()) for a in listing.iter("a")]
        texts = [" ".join(item.text_content().split()) for item in items]
        # a list whose every item is a link is the site's (related links, a menu)
        if items and all(texts) and " ".join(texts) == " ".join(linked):
            listing.drop_tree()


def _ordinal(number: int, kind: str) -> str:
    """An ordered list's marker for ``number`` in the list's ``type``."""
    if kind in ("a", "A"):
        letter = chr(ord("a") + (number - 1) % 26)
        return f"{letter.upper() if kind == 'A' else letter})"
    if kind in ("i", "I"):
        numeral = roman(max(number, 1))
        return f"{numeral.upper() if kind == 'I' else numeral})"
    return f"{number}."


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Reader:
    """Walks the content tree in document order, gathering blocks."""

    def __init__(self) -> None:
        self.blocks: list[_Pending] = []
        self.heading_level = 1  # the last heading's: a disclosure's label ranks below it

    def paragraph(self, run: _Run, *, depth: int, kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        """A run as blocks: one per blank-line-separated group of ``<br>`` lines, and one
        per line typed with a list marker."""
        groups: list[list[str]] = [[]]
        for line in run.lines():
            if not line:
                groups.append([])
            elif _TYPED_MARKER.match(line) and groups[-1]:
                groups.append([line])
            else:
                groups[-1].append(line)
        for lines in groups:
            if lines:
                self.blocks.append(_Pending(kind, "\n".join(lines), run.style(), depth=depth))

    def inline(self, element: Any, run: _Run, *, bold: bool, italic: bool) -> None:
        """An inline element's text into ``run``: emphasis counted, boxes as ☒/☐."""
        tag = _tag(element)
        bold = bold or tag in _BOLD
        italic = italic or tag in _ITALIC
        if tag == "label" and _has_box(element) and "".join(run.parts).strip():
            run.parts.append("\n")  # options set side by side: one a line, as forms print them
        if tag == "br":
            run.parts.append("\n")

        elif tag == "input" and (element.get("type") or "").casefold() in ("checkbox", "radio"):
            checked = element.get("checked") is not None
            run.add(f" {_CHECKED if checked else _UNCHECKED} ", bold=bold, italic=italic)
        elif tag and tag not in _NEVER_TEXT:
            if element.text:
                run.add(element.text, bold=bold, italic=italic)
            for child in element:
                if _tag(child) in _BLOCK_TAGS:
                    self.inline_block(child, run, bold=bold, italic=italic)
                else:
                    self.inline(child, run, bold=bold, italic=italic)
                if child.tail:
                    run.add(child.tail, bold=bold, italic=italic)

    def inline_block(self, element: Any, run: _Run, *, bold: bool, italic: bool) -> None:
        """A block element inside a table cell or heading: its text on a line of its own."""
        run.parts.append("\n")
        self.inline(element, run, bold=bold, italic=italic)
        run.parts.append("\n")

    def text_of(self, element: Any) -> _Run:
        run = _Run()
        self.inline(element, run, bold=False, italic=False)
        return run

    def container(self, element: Any, *, depth: int) -> None:
        """A block container: runs of inline content become paragraphs, block children
        are read in turn."""
        run = _Run()
        if element.text:
            run.add(element.text, bold=False, italic=False)
        for child in element:
            if _tag(child) in _BLOCK_TAGS:
                self.paragraph(run, depth=depth)
                run = _Run()
                self.block(child, depth=depth)
            else:
                self.inline(child, run, bold=False, italic=False)
            if child.tail:
                run.add(child.tail, bold=False, italic=False)
        self.paragraph(run, depth=depth)

    def block(self, element: Any, *, depth: int) -> None:
        tag = _tag(element)
        if tag in _HEADINGS:
            run = self.text_of(element)
            text = run.joined()
            if text:
                self.heading_level = _HEADINGS[tag]
                self.blocks.append(
                    _Pending(BlockKind.HEADING, text, run.style(), level=_HEADINGS[tag])
                )
        elif tag == "summary":
            # a disclosure's label ("<summary><span>Question 1</span>To what extent …"):
            # a heading over what it discloses, its pieces set apart as they display
            text = " ".join(piece.strip() for piece in element.itertext() if piece.strip())
            if text:
                level = min(self.heading_level + 1, max(_HEADINGS.values()))
                self.blocks.append(_Pending(BlockKind.HEADING, text, PLAIN, level=level))
        elif tag in ("ul", "ol"):
            self.listing(element, depth=depth)
        elif tag == "dl":
            self.definitions(element, depth=depth)
        elif tag == "table":
            self.table(element, depth=depth)
        elif tag == "hr":
            return
        else:
            self.container(element, depth=depth)

    def definitions(self, element: Any, *, depth: int) -> None:
        """A definition list's terms and their descriptions, each pair a form's row
        ("Published by HMICFRS: 12 December 2017"); a description holding blocks of its
        own is read as a container under its term."""
        term = ""
        for child in element:
            child_tag = _tag(child)
            if child_tag == "dt":
                term = self.text_of(child).joined()
            elif child_tag == "dd" and not any(_tag(c) in _BLOCK_TAGS for c in child):
                value = self.text_of(child).joined()
                row = f"{term}: {value}" if term and value else term or value
                self.paragraph(_Run.of(row), depth=depth)
                term = ""
            else:
                if term:
                    self.paragraph(_Run.of(term), depth=depth)
                    term = ""
                self.block(child, depth=depth)

    def listing(self, element: Any, *, depth: int) -> None:
        """A list's items with their markers; a nested list goes one level deeper."""
        ordered = _tag(element) == "ol"
        kind = element.get("type") or "1"
        number = _int(element.get("start"), 1)
        for item in element:
            if _tag(item) != "li":
                self.block(item, depth=depth)
                continue
            number = _int(item.get("value"), number)
            marker = _ordinal(number, kind) if ordered else "•"
            number += 1
            run = _Run()
            if item.text:
                run.add(item.text, bold=False, italic=False)
            opened = False
            for child in item:
                child_tag = _tag(child)
                if child_tag in _BLOCK_TAGS:
                    opened = self.item(run, marker, depth, opened)
                    run = _Run()
                    if child_tag in ("ul", "ol"):
                        self.listing(child, depth=depth + 1)
                    elif not opened and child_tag in ("p", "div"):
                        run = self.text_of(child)  # the item's first paragraph is its text
                    else:
                        self.block(child, depth=depth)
                else:
                    self.inline(child, run, bold=False, italic=False)
                if child.tail:
                    run.add(child.tail, bold=False, italic=False)
            self.item(run, marker, depth, opened)

    def item(self, run: _Run, marker: str, depth: int, opened: bool) -> bool:
        """The item's text as a list item (its first run) or a paragraph in it (later
        runs); says whether the item has been opened."""
        lines = [line for line in run.lines() if line]
        if not lines:
            return opened
        if opened:
            self.paragraph(run, depth=depth)
            return True
        self.blocks.append(
            _Pending(BlockKind.LIST_ITEM, "\n".join(lines), run.style(), depth, marker)
        )
        return True

    def table(self, element: Any, *, depth: int) -> None:
        """A table's rows as table rows (header row included); a table of one column is a
        box around content and is read as that content."""
        rows = [
            row for row in element.iter("tr") if next(row.iterancestors("table"), None) is element
        ]
        cells = [[c for c in row if _tag(c) in ("td", "th")] for row in rows]
        if all(len(row) <= 1 for row in cells):
            for row in cells:
                for cell in row:
                    self.container(cell, depth=depth)
            return
        caption = element.find("caption")
        if caption is not None:
            self.container(caption, depth=depth)
        for texts in _grid(
            [
                [
                    (
                        "\n".join(line for line in self.text_of(cell).lines() if line),
                        _span(cell, "rowspan"),
                        _span(cell, "colspan"),
                    )
                    for cell in row
                ]
                for row in cells
            ]
        ):
            if any(texts):
                self.blocks.append(
                    _Pending(
                        BlockKind.TABLE_ROW,
                        "\n".join(t for t in texts if t),
                        Style(),
                        cells=texts,
                    )
                )


# Browsers cap a cell's span; a larger one is a typing slip, not a layout.
_MAX_SPAN = 1000


def _span(cell: Any, attribute: str) -> int:
    """A cell's rowspan or colspan, 1 where it is missing or not a number."""
    value = str(cell.get(attribute) or "1").strip()
    return min(int(value), _MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


def _grid(rows: list[list[tuple[str, int, int]]]) -> list[tuple[str, ...]]:
    """Rows of (text, rowspan, colspan) cells laid on the table's grid, as a browser
    lays them: a spanned cell's text stands in its first row and column, and the places
    it covers below or beside it are empty, so every row's columns line up with the
    header's (a question beside its several areas for improvement keeps one row's cell)."""
    covered: set[tuple[int, int]] = set()  # (row, column) taken by a span from above
    grid: list[tuple[str, ...]] = []
    for row_index, row in enumerate(rows):
        texts: list[str] = []
        column = 0
        for text, rowspan, colspan in row:
            while (row_index, column) in covered:
                texts.append("")
                column += 1
            texts.append(text)
            texts.extend("" for _ in range(colspan - 1))
            for below in range(1, min(rowspan, len(rows) - row_index)):
                for across in range(colspan):
                    covered.add((row_index + below, column + across))
            column += colspan
        while (row_index, column) in covered:
            texts.append("")
            column += 1
        grid.append(tuple(texts))
    return grid


def _as_date(value: object) -> date | None:
    found = _ISO_DATE.match(value) if isinstance(value, str) else None
    if found is None:
        return None
    try:
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def _json_ld_dates(document: Any) -> Iterator[date | None]:
    """``datePublished`` of every schema.org object in the page's JSON-LD."""
    for script in document.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack: list[object] = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, dict):
                yield _as_date(node.get("datePublished"))
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)


def page_date(document: Any, root: Any) -> date | None:
    """The page's own publication date from its metadata: ``article:published_time``,
    schema.org ``datePublished``, else the first ``<time datetime>`` in the content."""
    metas = document.xpath(
        "//meta[@property='article:published_time' or @name='article:published_time']/@content"
    )
    candidates = [
        *(_as_date(value) for value in metas),
        *_json_ld_dates(document),
        *(_as_date(value) for value in root.xpath(".//time/@datetime")),
    ]
    return next((found for found in candidates if found is not None), None)


def load_html(text: str) -> LoadedDocument:
    """Blocks of a web page's main content, one line per block, and the page's date."""
    import lxml.html
    from lxml.etree import LxmlError, ParserError

    text = _CONTROL.sub(" ", _XML_DECLARATION.sub("", text, count=1))
    try:
        document = lxml.html.document_fromstring(text)
    except (ParserError, LxmlError, ValueError) as exc:
        raise EmptyInputError("the web page has no text") from exc
    root = _main_root(document)
    title = _title_outside(document, root)
    dated = page_date(document, root)
    _prune(root, landmark=_tag(root) not in ("body", "html"))
    cited = _cited(root)
    reader = _Reader()
    if title is not None:
        reader.block(title, depth=0)
    reader.block(root, depth=0)
    blocks = tuple(
        Block(
            pending.kind,
            pending.text,
            Location(None, line, line),
            depth=pending.depth,
            marker=pending.marker,
            level=pending.level,
            style=pending.style,
            cells=pending.cells,
        )
        for line, pending in enumerate(reader.blocks, start=1)
    )
    return LoadedDocument("html", blocks, None, page_date=dated, cited=cited)


def _cited(root: Any) -> tuple[str, ...]:
    """Titles the page sets apart inside its paragraphs (``<cite>``, ``<em>``, ``<i>``):
    how a web page names a report in running text."""
    found = []
    for element in root.iter("cite", "em", "i"):
        parent = element.getparent()
        if parent is None or _tag(parent) not in ("p", "li", "td", "blockquote", "span"):
            continue
        text = " ".join(element.text_content().split())
        if len(text.split()) >= CITED_MIN_WORDS:
            found.append(text)
    return tuple(found)
