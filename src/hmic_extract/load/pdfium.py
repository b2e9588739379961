"""PDF loader on pypdfium2 (PDFium): the fast engine, same PdfLines as pdfplumber's.

PDFium gives a page's text with one index per character. It is split into
words, and each word's geometry and font are sampled (its first character's
origin and font, its last character's box; fonts once per text object); the
words then go through the same line building as pdfplumber's, so both engines
read a page into the same lines. pypdfium2 is imported here only.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from hmic_extract.blocks import LoadedDocument
from hmic_extract.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    UnsupportedFormatError,
)
from hmic_extract.load.pdf_layout import (
    PdfLine,
    Word,
    font_style,
    line_blocks,
    pdf_line,
    visual_lines,
)
from hmic_extract.options import Options

_WORD = re.compile(r"\S+")
# PDFium marks a hyphen it took for a line-end hyphenation with these.
_HYPHENS = str.maketrans({"\x02": "-", "\ufffe": "-"})


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
        self.fonts: dict[int | None, _Font] = {}
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

    def font(self, index: int) -> _Font:
        """The font of a character, looked up once per text object."""
        text_object = pdfium_c.FPDFText_GetTextObject(self.raw, index)
        key = ctypes.cast(text_object, ctypes.c_void_p).value if text_object else None
        found = self.fonts.get(key)
        if found is not None:
            return found
        size = float(pdfium_c.FPDFText_GetFontSize(self.raw, index)) or 1.0
        name = ""
        descent = -0.2 * size
        if text_object:
            font = pdfium_c.FPDFTextObj_GetFont(text_object)
            if font:
                length = pdfium_c.FPDFFont_GetBaseFontName(font, self._name, len(self._name))
                name = self._name.raw[: max(length - 1, 0)].decode("latin-1", "replace")
                if pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(size), self._descent):
                    descent = float(self._descent.value)
        bold, italic = font_style(name)
        found = _Font(bold, italic, size, descent)
        self.fonts[key] = found
        return found

    def close(self) -> None:
        self.textpage.close()


def _page_words(page: _Page) -> list[Word]:
    """Every word on the page: PDFium's text split at spaces and line breaks.

    Each word costs three lookups (its first character's origin and font, its
    last character's box); fonts are cached per text object.
    """
    text = page.text().translate(_HYPHENS)
    words = []
    for match in _WORD.finditer(text):
        first, last = match.start(), match.end() - 1
        font = page.font(first)
        x0, baseline = page.origin(first)
        bottom = page.height - (baseline + font.descent)
        words.append(
            Word(
                text=match.group(0),
                x0=x0,
                x1=page.right(last),
                top=bottom - font.size,
                bottom=bottom,
                size=font.size,
                bold=font.bold,
                italic=font.italic,
            )
        )
    return words


def _open(data: bytes, options: Options) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data, password=options.password)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            reason = "wrong password" if options.password else "needs a password (use --password)"
            raise EncryptedDocumentError(f"the PDF is encrypted and {reason}") from exc
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_SUCCESS:
            # PDFium refuses a document whose page tree is empty without naming an error.
            raise CorruptDocumentError("the PDF has no pages (or no readable page tree)") from exc
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedDocumentError("the PDF uses unsupported encryption") from exc
        raise CorruptDocumentError(f"corrupt or truncated PDF ({exc})") from exc


def load_pdfium(data: bytes, *, options: Options) -> LoadedDocument:
    """LINE blocks for every text line of every page, read with PDFium."""
    document = _open(data, options)
    try:
        count = len(document)
        if count == 0:
            raise CorruptDocumentError("the PDF has no pages")
        if count > options.max_pages:
            raise UnsupportedFormatError(
                f"{count} pages is over the limit of {options.max_pages} (--max-pages)"
            )
        pages: list[list[PdfLine]] = []
        for index in range(count):
            try:
                pdf_page = document[index]
            except pdfium.PdfiumError as exc:
                raise CorruptDocumentError(f"page {index + 1} cannot be read ({exc})") from exc
            page = _Page(pdf_page)
            try:
                pages.append([pdf_line(line) for line in visual_lines(_page_words(page))])
            finally:
                page.close()
                pdf_page.close()
    finally:
        document.close()
    return line_blocks(pages)
