"""PDF loader (pdfplumber): words with font and position, grouped into LINE blocks.

pdfplumber's dict objects stop here: every line leaves as a Block carrying
its box, left and right edges, the space above it and its typography, which
normalise uses to rebuild paragraphs, lists and headings.
"""

from __future__ import annotations

import io
import itertools
import logging
import statistics
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from hmic_extract.blocks import Block, BlockKind, LoadedDocument, Location, Style
from hmic_extract.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from hmic_extract.options import Options

# pdfminer logs every oddity of a damaged file; a user gets our one line instead.
logging.getLogger("pdfminer").setLevel(logging.CRITICAL)

# Words whose tops differ by less than this fraction of the font size share a line.
_SAME_LINE = 0.5
# A horizontal gap wider than this many font sizes separates columns on one line
# (label | value in a details form); it becomes two spaces in the text.
_COLUMN_GAP = 1.2


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool


def _font_flags(fontname: str) -> tuple[bool, bool]:
    name = fontname.rsplit("+", maxsplit=1)[-1].casefold()
    bold = any(mark in name for mark in ("bold", "black", "heavy", "semibold", "demi"))
    italic = "italic" in name or "oblique" in name
    return bold, italic


def _words(page: Any) -> list[_Word]:
    raw = page.dedupe_chars().extract_words(
        keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname", "size"]
    )
    words = []
    for word in raw:
        bold, italic = _font_flags(str(word["fontname"]))
        words.append(
            _Word(
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


def _lines(words: list[_Word]) -> Iterator[list[_Word]]:
    """Words grouped into visual lines, top to bottom, each line left to right."""
    current: list[_Word] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if current and abs(word.top - current[0].top) > _SAME_LINE * max(word.size, 1.0):
            yield sorted(current, key=lambda w: w.x0)
            current = []
        current.append(word)
    if current:
        yield sorted(current, key=lambda w: w.x0)


def _columns(line: list[_Word]) -> tuple[float, ...]:
    """Where each column of the line starts: its first word, and after each wide gap."""
    starts = [line[0].x0]
    for before, word in itertools.pairwise(line):
        if word.x0 - before.x1 > _COLUMN_GAP * word.size:
            starts.append(word.x0)
    return tuple(starts)


def _line_text(line: list[_Word]) -> str:
    parts = [line[0].text]
    for before, word in itertools.pairwise(line):
        gap = word.x0 - before.x1
        parts.append("  " if gap > _COLUMN_GAP * word.size else " ")
        parts.append(word.text)
    return "".join(parts)


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
            reason = "wrong password" if options.password else "needs a password (use --password)"
            raise EncryptedDocumentError(f"the PDF is encrypted and {reason}") from cause
        if isinstance(cause, PDFEncryptionError):
            raise EncryptedDocumentError(
                f"the PDF uses unsupported encryption ({cause})"
            ) from cause
        raise CorruptDocumentError(f"corrupt or truncated PDF ({cause})") from cause
    except PDFPasswordIncorrect as exc:
        reason = "wrong password" if options.password else "needs a password (use --password)"
        raise EncryptedDocumentError(f"the PDF is encrypted and {reason}") from exc
    except PDFEncryptionError as exc:
        raise EncryptedDocumentError(f"the PDF uses unsupported encryption ({exc})") from exc
    except _DAMAGE as exc:
        raise CorruptDocumentError(f"corrupt or truncated PDF ({exc})") from exc


def _read_pages(pdf: Any, options: Options) -> list[tuple[int, list[list[_Word]]]]:
    """Each page's lines of words, every page released as soon as it is read."""
    pages = pdf.pages
    if not pages:
        raise CorruptDocumentError("the PDF has no pages")
    if len(pages) > options.max_pages:
        raise UnsupportedFormatError(
            f"{len(pages)} pages is over the limit of {options.max_pages} (--max-pages)"
        )
    page_lines = []
    for number, page in enumerate(pages, start=1):
        words = _words(page)
        page.close()
        page_lines.append((number, list(_lines(words))))
    return page_lines


def load_pdf(data: bytes, *, options: Options) -> LoadedDocument:
    """LINE blocks for every text line of every page, with geometry and style."""
    pdf = _open(data, options)
    try:
        with pdf:
            page_lines = _read_pages(pdf, options)
    except _DAMAGE as exc:
        raise CorruptDocumentError(f"corrupt or truncated PDF ({_unwrap(exc)})") from exc
    page_count = len(page_lines)
    sizes = [w.size for _, lines in page_lines for line in lines for w in line]
    if not sizes:
        raise NoTextLayerError("the PDF has no text layer (a scan?); OCR is not built in")
    body_size = statistics.median(sizes)
    blocks: list[Block] = []
    line_number = 0
    for number, lines in page_lines:
        previous_bottom: float | None = None
        for line in lines:
            line_number += 1
            top, bottom = min(w.top for w in line), max(w.bottom for w in line)
            height = max(bottom - top, 1.0)
            gap = 0.0 if previous_bottom is None else max(top - previous_bottom, 0.0) / height
            previous_bottom = bottom
            chars = sum(len(w.text) for w in line)
            bold = sum(len(w.text) for w in line if w.bold) > chars / 2
            italic = sum(len(w.text) for w in line if w.italic) > chars / 2
            size = max(w.size for w in line) / body_size
            x0, x1 = line[0].x0, max(w.x1 for w in line)
            blocks.append(
                Block(
                    BlockKind.LINE,
                    _line_text(line),
                    Location(number, line_number, line_number, (x0, top, x1, bottom)),
                    style=Style(bold=bold, italic=italic, size=round(size, 3)),
                    indent=x0,
                    right=x1,
                    gap_before=gap,
                    sheet=number,
                    columns=_columns(line),
                )
            )
    return LoadedDocument("pdf", tuple(blocks), page_count)


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
        raise CorruptDocumentError(f"corrupt or truncated PDF ({_unwrap(exc)})") from exc
