"""PDF loader on pypdfium2 (PDFium): the fast engine, same PdfLines as pdfplumber's.

PDFium gives a page's text with one index per character. It is split into
words, and each word's geometry and font are sampled (its first character's
origin and font, its last character's box; fonts once per text object); the
words then go through the same line building as pdfplumber's, so both engines
read a page into the same lines. pypdfium2 is imported here only.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from hmic_extract.blocks import LoadedDocument
from hmic_extract.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
)
from hmic_extract.load.pdf_layout import (
    Box,
    PdfLine,
    Word,
    cell_grid,
    check_page_count,
    drawn_boxes,
    font_style,
    has_prose_table,
    in_reading_order,
    line_blocks,
    password_error,
    pdf_line,
    visual_lines,
)
from hmic_extract.options import Options

# A line of PDFium's text, and a chunk of it: words joined by single spaces.
_LINE = re.compile(r"[^\r\n]+")
_CHUNK = re.compile(r"\S+(?: \S+)*")
_SPACE = re.compile(" ")
# Whitespace other than spaces and PDFium's line breaks: chunks are then cut by regex.
_ODD_SPACE = re.compile(r"[^\S \r\n]")
# A gap between words wider than this many font sizes is more than a space: the
# words are read apart, and the shared line builder orders and joins them.
_WIDEST_SPACE = 1.0
# Chunks on one line that overlap by more than this many points hide a gap.
_OVERLAP = 0.5
# PDFium marks a hyphen it took for a line-end hyphenation with these.
_HYPHENS = ("\x02", "\ufffe")


# FPDFText_GetTextObject declared to return a plain address, so that comparing
# the objects of two characters needs no pointer cast per call.
_TEXT_OBJECT_ADDRESS = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value or 0
)
# FPDFText_IsGenerated likewise, called once per space of a page.
_IS_GENERATED = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_IsGenerated, ctypes.c_void_p).value or 0
)
# FPDFTextObj_GetFont likewise on plain addresses: a font's address is its cache key.
_FONT_ADDRESS = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)(
    ctypes.cast(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p).value or 0
)


@dataclass(frozen=True, slots=True)
class _Font:
    bold: bool
    italic: bool
    size: float
    descent: float  # below the baseline, negative, in points


class _Page:
    """One page's text page, with the few PDFium calls the loader needs."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        self.height = page.get_height()
        self.textpage = page.get_textpage()
        self.raw = self.textpage.raw
        self.raw_address = ctypes.cast(self.raw, ctypes.c_void_p).value
        self.fonts: dict[tuple[int | None, float], _Font] = {}
        self.by_object: dict[int | None, _Font] = {}
        self._x = ctypes.c_double()
        self._y = ctypes.c_double()
        self._rect = pdfium_c.FS_RECTF()
        self._name = ctypes.create_string_buffer(256)
        self._descent = ctypes.c_float()

    def text(self) -> str:
        count = pdfium_c.FPDFText_CountChars(self.raw)
        text = self.textpage.get_text_range(0, count) if count > 0 else ""
        return text if len(text) == count else text.ljust(count)

    def origin(self, index: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetCharOrigin(self.raw, index, self._x, self._y)
        return self._x.value, self._y.value

    def right(self, index: int) -> float:
        pdfium_c.FPDFText_GetLooseCharBox(self.raw, index, self._rect)
        return float(self._rect.right)

    def object_at(self, index: int) -> int | None:
        """The address of the text object a character belongs to (None if generated)."""
        address: int | None = _TEXT_OBJECT_ADDRESS(self.raw_address, index)
        return address

    def font(self, index: int, key: int | None) -> _Font:
        """The font of a character in text object ``key``, looked up once per font and size."""
        found = self.by_object.get(key)
        if found is not None:
            return found
        size = float(pdfium_c.FPDFText_GetFontSize(self.raw, index)) or 1.0
        font: int | None = _FONT_ADDRESS(key) if key else None
        font_key = (font, size)
        found = self.fonts.get(font_key)
        if found is None:
            name = ""
            descent = -0.2 * size
            if font:
                handle = ctypes.cast(font, pdfium_c.FPDF_FONT)
                length = pdfium_c.FPDFFont_GetBaseFontName(handle, self._name, len(self._name))
                name = self._name.raw[: max(length - 1, 0)].decode("latin-1", "replace")
                if pdfium_c.FPDFFont_GetDescent(handle, ctypes.c_float(size), self._descent):
                    descent = float(self._descent.value)
            bold, italic = font_style(name)
            found = _Font(bold, italic, size, descent)
            self.fonts[font_key] = found
        self.by_object[key] = found
        return found

    def word(self, text: str, start: int, stop: int, font: _Font) -> Word:
        """The word of characters [start, stop): its first origin, its last box, its font."""
        pdfium_c.FPDFText_GetCharOrigin(self.raw, start, self._x, self._y)
        pdfium_c.FPDFText_GetLooseCharBox(self.raw, stop - 1, self._rect)
        bottom = self.height - (self._y.value + font.descent)
        return Word(
            text[start:stop],
            self._x.value,
            float(self._rect.right),
            bottom - font.size,
            bottom,
            font.size,
            font.bold,
            font.italic,
        )

    def close(self) -> None:
        self.textpage.close()


def _object_end(page: _Page, text: str, start: int, end: int, key: int | None) -> int:
    """Where the run of characters of text object ``key`` starting at ``start`` ends.

    A text object's characters are contiguous in PDFium's text, so the end is
    found by bisection over [start, end), stepping past generated characters.
    """
    last = end - 1
    while last > start and text[last].isspace():
        last -= 1
    if page.object_at(last) == key:
        return end
    low, high = start, last  # object_at(low) == key, object_at(high) != key
    while high - low > 1:
        middle = (low + high) // 2
        probe = middle
        while probe < high and text[probe].isspace():
            probe += 1
        if probe >= high:
            high = middle
        elif page.object_at(probe) == key:
            low = probe
        else:
            high = middle if middle < probe else probe
    return high


class _Chunk(NamedTuple):
    word: Word
    start: int
    stop: int
    font: _Font


def _page_chunks(page: _Page, text: str) -> list[_Chunk]:
    """Runs of one text object's characters, cut at generated characters and double spaces.

    A chunk's font is uniform, so it costs a few PDFium calls (its first
    character's origin and font, its last character's box) however many words
    it holds. This is the engine's hot loop: PDFium calls and locals are bound
    once per page.
    """
    is_generated, raw = _IS_GENERATED, page.raw_address
    # Generated spaces (gaps PDFium saw inside one text object) cut chunks; they
    # are rare, so they are found once per page and looked up by bisection.
    generated = [m.start() for m in _SPACE.finditer(text) if is_generated(raw, m.start())]
    object_at, font_of, word = page.object_at, page.font, page.word
    plain_spaces = _ODD_SPACE.search(text) is None
    chunks: list[_Chunk] = []
    append = chunks.append
    for line in _LINE.finditer(text):
        position, line_end = line.span()
        while position < line_end:
            key = object_at(position)
            run_end = _object_end(page, text, position, line_end, key)
            if plain_spaces and text.find("  ", position, run_end) < 0:
                start, stop = position, run_end  # the common case: one chunk
                while start < stop and text[start] == " ":
                    start += 1
                while stop > start and text[stop - 1] == " ":
                    stop -= 1
                spans: Iterable[tuple[int, int]] = ((start, stop),) if start < stop else ()
            else:
                spans = (match.span() for match in _CHUNK.finditer(text, position, run_end))
            for span_start, stop in spans:
                font = font_of(span_start, key)
                piece = span_start
                cut = bisect.bisect_left(generated, span_start) if generated else 0
                while cut < len(generated) and generated[cut] < stop:
                    gap = generated[cut]
                    append(_Chunk(word(text, piece, gap, font), piece, gap, font))
                    piece = gap + 1
                    cut += 1
                append(_Chunk(word(text, piece, stop, font), piece, stop, font))
            position = run_end
            while position < line_end and text[position].isspace():
                position += 1
    return chunks


def _paths(pdf_page: pdfium.PdfPage, height: float) -> tuple[list[Box], list[Box]]:
    """The page's path objects as boxes (top-left origin), stroked-only ones apart:
    what drawn checkboxes are made of, and the strokes of a tick or cross inside.

    Read through PDFium's C calls, not pypdfium2's object wrappers: a page of table
    rules holds hundreds of paths, and a wrapper each cost more than the reading.
    """
    outlines: list[Box] = []
    shapes: list[Box] = []
    raw = pdf_page.raw
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(pdfium_c.FPDFPage_CountObjects(raw)):
        path = pdfium_c.FPDFPage_GetObject(raw, index)
        if pdfium_c.FPDFPageObj_GetType(path) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(
            path, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
        ):
            continue
        box = (left.value, height - top.value, right.value, height - bottom.value)
        shapes.append(box)
        if (
            pdfium_c.FPDFPath_GetDrawMode(path, ctypes.byref(fill), ctypes.byref(stroke))
            and stroke.value
            and not fill.value
        ):
            outlines.append(box)
    return outlines, shapes


def _page_lines(page: _Page, boxes: Sequence[Word] = ()) -> list[list[Word]]:
    """The page's words in visual lines, as the shared line builder makes them; boxes
    drawn as paths join them as the glyphs ☒/☐ where they stand.

    A chunk overlapped by another on its line (a box drawn between "Yes" and
    "No" by another text object) hides a gap: it is read again word by word,
    cutting wherever the gap between words is wider than a font size.
    """
    text = page.text()
    for hyphen in _HYPHENS:  # str.replace is far cheaper than translate on a page
        if hyphen in text:
            text = text.replace(hyphen, "-")
    chunks = _page_chunks(page, text)
    lines = list(visual_lines([*(chunk.word for chunk in chunks), *boxes]))
    hiding: set[int] = set()
    for line in lines:
        for left, right in itertools.pairwise(line):
            if right.x0 < left.x1 - _OVERLAP and " " in left.text:
                hiding.add(id(left))
    if not hiding:
        return lines
    words: list[Word] = []
    for chunk in chunks:
        if id(chunk.word) not in hiding:
            words.append(chunk.word)
            continue
        widest = _WIDEST_SPACE * chunk.font.size
        piece_start = chunk.start
        for space in _SPACE.finditer(text, chunk.start, chunk.stop):
            at = space.start()
            if page.origin(at + 1)[0] - page.right(at - 1) > widest:
                words.append(page.word(text, piece_start, at, chunk.font))
                piece_start = at + 1
        words.append(page.word(text, piece_start, chunk.stop, chunk.font))
    return list(visual_lines([*words, *boxes]))


def _open(data: bytes, options: Options) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data, password=options.password)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise password_error(options) from exc
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedDocumentError("the PDF uses unsupported encryption") from exc
        # PDFium refuses a document whose page tree is empty without setting an error,
        # so its "last error" is then whatever failed before in this process: told
        # apart by the bytes instead.
        if _EMPTY_PAGE_TREE.search(data) and not _PAGE_OBJECT.search(data):
            raise CorruptDocumentError("the PDF has no pages (or no readable page tree)") from exc
        raise CorruptDocumentError(f"corrupt or truncated PDF: {_reason(exc)}") from exc


# A page tree that counts no pages, and no page object ("/Type /Page", not "/Pages")
# anywhere: a PDF with nothing to read. Pages kept in compressed object streams are
# not visible to this test, so it claims "no pages" only when the tree says so.
_EMPTY_PAGE_TREE = re.compile(rb"/Count\s+0(?![0-9])")
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def _reason(exc: Exception) -> str:
    """PDFium's own words, without pypdfium2's wrapping ("Failed to load document
    (PDFium: Data format error).") so an error line has no nested parentheses."""
    text = str(exc)
    inner = re.search(r"\(PDFium: ([^()]+)\)", text)
    return (inner[1] if inner else text).rstrip(".").casefold()


def load_pdfium(data: bytes, *, options: Options) -> LoadedDocument:
    """LINE blocks for every text line of every page, read with PDFium."""
    document = _open(data, options)
    try:
        count = len(document)
        check_page_count(count, options)
        pages: list[list[PdfLine]] = []
        words: list[list[list[Word]]] = []  # each page's visual lines of words
        ruled: list[bool] = []  # pages whose paths draw a table's cells
        for index in range(count):
            try:
                pdf_page = document[index]
            except pdfium.PdfiumError as exc:
                raise CorruptDocumentError(
                    f"page {index + 1} cannot be read: {_reason(exc)}"
                ) from exc
            page = _Page(pdf_page)
            try:
                outlines, shapes = _paths(pdf_page, page.height)
                ruled.append(cell_grid(shapes))
                words.append(_page_lines(page, drawn_boxes(outlines, shapes)))
                pages.append([pdf_line(line) for line in words[-1]])
            finally:
                page.close()
                pdf_page.close()
    finally:
        document.close()
    if any(ruled) or any(has_prose_table(lines) for lines in pages):
        from hmic_extract.load.pdf import with_prose_tables  # pdfplumber, for tables only

        pages = with_prose_tables(data, pages, ruled, options=options)
    return line_blocks(in_reading_order(pages, words, ruled))
