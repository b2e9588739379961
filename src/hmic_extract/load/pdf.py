"""PDF loader (pdfplumber): words with font and position, grouped into LINE blocks.

pdfplumber's dict objects stop here: every line leaves as a Block carrying
its box, left and right edges, the space above it and its typography, which
normalise uses to rebuild paragraphs, lists and headings.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator, Sequence
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from hmic_extract.blocks import LoadedDocument
from hmic_extract.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
)
from hmic_extract.load.pdf_layout import (
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
    with_table_rows,
)
from hmic_extract.options import Options

# pdfminer logs every oddity of a damaged file; a user gets our one line instead.
logging.getLogger("pdfminer").setLevel(logging.CRITICAL)


# The same glyph drawn again within this many points is a fake-bold double.
_DOUBLE = 1.0


def _without_doubled_chars(page: Any) -> Any:
    """The page without fake-bold doubles: the same glyph drawn again a hair's width away.

    pdfplumber's ``dedupe_chars`` does this by sorting and clustering every
    character; a hash of rounded positions finds the same doubles in one pass,
    and the page is only filtered when there are any.
    """
    seen: dict[tuple[str, str, int, int], list[float]] = {}
    doubled: set[int] = set()
    for char in page.chars:
        text, font, x0 = char["text"], char["fontname"], float(char["x0"])
        column, row = round(x0), round(char["top"])
        near = (x for shift in (-1, 0, 1) for x in seen.get((text, font, column + shift, row), ()))
        if not text.isspace() and any(abs(x - x0) <= _DOUBLE for x in near):
            doubled.add(id(char))
        seen.setdefault((text, font, column, row), []).append(x0)
    if not doubled:
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) not in doubled)


def _words(page: Any) -> list[Word]:
    raw = _without_doubled_chars(page).extract_words(
        keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname", "size"]
    )
    words = []
    for word in raw:
        bold, italic = font_style(str(word["fontname"]))
        words.append(
            Word(
                text=str(word["text"]),
                x0=float(word["x0"]),
                x1=float(word["x1"]),
                top=float(word["top"]),
                bottom=float(word["bottom"]),
                size=float(word["size"]),
                bold=bold,
                italic=italic,
            )
        )
    return words


# What pdfminer raises on damaged files, directly or wrapped by pdfplumber: its
# parsers assume well-formed objects and fail with whatever the bad bytes cause.
_DAMAGE = (
    PdfminerException,
    PDFSyntaxError,
    PSException,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    EOFError,
    AssertionError,
    ZeroDivisionError,
    OverflowError,
    NotImplementedError,
    zlib.error,
)


def _unwrap(exc: Exception) -> Exception:
    if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], Exception):
        return exc.args[0]
    return exc


def _open(data: bytes, options: Options) -> Any:
    try:
        return pdfplumber.open(io.BytesIO(data), password=options.password or "")
    except PdfminerException as wrapped:
        cause = _unwrap(wrapped)
        if isinstance(cause, PDFPasswordIncorrect):
            raise password_error(options) from cause
        if isinstance(cause, PDFEncryptionError):
            raise EncryptedDocumentError(f"the PDF uses unsupported encryption: {cause}") from cause
        raise CorruptDocumentError(f"corrupt or truncated PDF: {cause}") from cause
    except PDFPasswordIncorrect as exc:
        raise password_error(options) from exc
    except PDFEncryptionError as exc:
        raise EncryptedDocumentError(f"the PDF uses unsupported encryption: {exc}") from exc
    except _DAMAGE as exc:
        raise CorruptDocumentError(f"corrupt or truncated PDF: {exc}") from exc


def _read_pages(pdf: Any, options: Options) -> list[tuple[bool, list[list[Word]]]]:
    """Each page's lines of words, and whether its paths draw a table's cells; every
    page released as soon as it is read."""
    pages = pdf.pages
    check_page_count(len(pages), options)
    page_lines = []
    for page in pages:
        paths = (*page.rects, *page.lines, *page.curves)
        shapes = [(path["x0"], path["top"], path["x1"], path["bottom"]) for path in paths]
        outlines = [
            (path["x0"], path["top"], path["x1"], path["bottom"])
            for path in page.rects
            if path.get("stroke") and not path.get("fill")
        ]
        words = [*_words(page), *drawn_boxes(outlines, shapes)]
        page.close()
        page_lines.append((cell_grid(shapes), list(visual_lines(words))))
    return page_lines


def load_pdf(data: bytes, *, options: Options) -> LoadedDocument:
    """LINE blocks for every text line of every page, with geometry and style."""
    pdf = _open(data, options)
    try:
        with pdf:
            page_lines = _read_pages(pdf, options)
    except _DAMAGE as exc:
        raise CorruptDocumentError(f"corrupt or truncated PDF: {_unwrap(exc)}") from exc
    pages = [[pdf_line(line) for line in lines] for _, lines in page_lines]
    ruled = [grid for grid, _ in page_lines]
    pages = with_prose_tables(data, pages, ruled, options=options)
    return line_blocks(in_reading_order(pages, [lines for _, lines in page_lines], ruled))


def _cell_text(cell: str | None) -> str:
    """A table cell's text, a line per printed line (items in one cell stay apart)."""
    lines = (" ".join(line.split()) for line in (cell or "").split("\n"))
    return "\n".join(line for line in lines if line)


# A cell this long holds a sentence. A table with sentences in two rows, or beside
# each other in one, holds prose (items and the answers to them); a form holds
# short values, its title the one long one.
_PROSE_CELL_WORDS = 8


def _holds_prose(rows: Sequence[tuple[object, tuple[str, ...]]]) -> bool:
    """Whether a ruled table is one of prose (a page may hold one row of it)."""
    counts = [sum(len(cell.split()) >= _PROSE_CELL_WORDS for cell in cells) for _, cells in rows]
    return sum(1 for count in counts if count) >= 2 or any(count >= 2 for count in counts)


def with_prose_tables(
    data: bytes, pages: list[list[PdfLine]], ruled: Sequence[bool], *, options: Options
) -> list[list[PdfLine]]:
    """Pages showing a table of prose get the ruled table's rows as cells.

    pdfplumber's table finder (the drawn rules) is slow, so it runs only on pages
    whose paths draw cells (``ruled``) or whose lines are laid out as such a table;
    its cells keep multi-line cell text together, which line-by-line reading would
    interleave.
    """
    wanted = [i for i, lines in enumerate(pages) if ruled[i] or has_prose_table(lines)]
    if not wanted:
        return pages
    pdf = _open(data, options)
    try:
        with pdf:
            for index in wanted:
                page = pdf.pages[index]
                for table in page.find_tables():
                    rows = [
                        (tuple(row.bbox), tuple(_cell_text(cell) for cell in cells))
                        for row, cells in zip(table.rows, table.extract(), strict=False)
                    ]
                    if _holds_prose(rows):
                        pages[index] = with_table_rows(pages[index], rows)
                page.close()
    except _DAMAGE as exc:
        raise CorruptDocumentError(f"corrupt or truncated PDF: {_unwrap(exc)}") from exc
    return pages


def page_images(data: bytes, *, resolution: int, options: Options) -> Iterator[tuple[int, Any]]:
    """Each page rendered as a PIL image at ``resolution`` dots per inch, with its number."""
    pdf = _open(data, options)
    try:
        with pdf:
            for number, page in enumerate(pdf.pages, start=1):
                image = page.to_image(resolution=resolution).original.convert("RGB")
                page.close()
                yield number, image
    except _DAMAGE as exc:
        raise CorruptDocumentError(f"corrupt or truncated PDF: {_unwrap(exc)}") from exc
