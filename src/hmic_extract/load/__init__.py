"""Stage 1, load: detect the format from the bytes and turn the input into blocks.

Formats are told by content, never by file name: ``%PDF-`` is a PDF, a zip
holding ``word/document.xml`` is Word, a zip whose ``mimetype`` (or manifest)
names OpenDocument text is .odt, ``{\\rtf`` is RTF, an OLE2 compound file is a
legacy Word document (converted with ``--convert``) or refused, text that opens
as a web page (a doctype, an ``<html>`` tag, or a head dense with tags) is HTML,
anything else that decodes as text is text, and text is markdown when it has
markdown structure.
"""

from __future__ import annotations

import io
import re
import zipfile

from hmic_extract.blocks import LoadedDocument
from hmic_extract.errors import EmptyInputError, UnsupportedFormatError
from hmic_extract.load.legacy import LEGACY_WORD, OLE2_MAGIC
from hmic_extract.load.text import decode_text, looks_like_markdown
from hmic_extract.options import Options

# Leading bytes of formats we refuse by name rather than as "not text".
_KNOWN_BINARY = (
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "a PNG image; OCR is not built in"),
    (b"\xff\xd8\xff", "a JPEG image; OCR is not built in"),
    (b"II*\x00", "a TIFF image; OCR is not built in"),
    (b"MM\x00*", "a TIFF image; OCR is not built in"),
)


# A web page opens with a doctype or an <html> tag (after a BOM, an XML declaration
# or comments); a fragment saved without them opens on document tags.
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html\b|<html[\s>])", re.I | re.S
)
_HTML_TAG = re.compile(
    r"<(?:head|body|meta|link|script|style|title|div|p|h[1-6]|ul|ol|li|table|tr|td|span|a|br|"
    r"main|article|section|nav|header|footer)\b[^<>]*>",
    re.I,
)
# A fragment's head is a page when tags start it and are this dense: prose that mentions
# "<html>" has a tag or two, markup has one every few dozen characters.
_HTML_HEAD = 1024
_HTML_MIN_TAGS = 8


def looks_like_html(text: str) -> bool:
    """Whether decoded text is a web page rather than prose or markdown about one."""
    head = text[:_HTML_HEAD].lstrip("\ufeff")
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAG.findall(head)) >= _HTML_MIN_TAGS


# A Word or OpenDocument file expands to at most this many times the input limit;
# more is a zip bomb.
_MAX_EXPANSION = 20
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_NAMES = {"docx": "Word", "odt": "OpenDocument"}


def _check_expansion(data: bytes, fmt: str, options: Options) -> None:
    """Refuse a zip whose members would expand past the limit (a decompression bomb)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    if unpacked > options.max_bytes * _MAX_EXPANSION:
        raise UnsupportedFormatError(
            f"the {_NAMES[fmt]} file would expand to {unpacked} bytes (a decompression bomb?)"
        )


def _zip_format(archive: zipfile.ZipFile) -> str:
    """docx or odt, from the zip's members; raises for any other zip."""
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names and archive.read("mimetype").strip() == _ODT_MIMETYPE:
        return "odt"
    if {"content.xml", "META-INF/manifest.xml"} <= names:
        # A zip tool may drop the mimetype member: the manifest names the root's type.
        manifest = archive.read("META-INF/manifest.xml")
        if b'media-type="' + _ODT_MIMETYPE + b'"' in manifest:
            return "odt"
    raise UnsupportedFormatError("a zip archive that is not a Word or OpenDocument text document")


def sniff_format(data: bytes) -> str:
    """The format of ``data``: pdf, docx, odt, rtf, doc, html, markdown or text.

    Raises for anything else.
    """
    if not data:
        raise EmptyInputError("the file is empty")
    head = data[:1024].lstrip(b"\xef\xbb\xbf\r\n\t ")
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return _zip_format(archive)
        except (zipfile.BadZipFile, KeyError, OSError) as exc:
            raise UnsupportedFormatError(f"a damaged zip archive: {exc}") from exc
    if data.startswith(OLE2_MAGIC):
        from hmic_extract.load.legacy import ole2_kind

        return ole2_kind(data)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    for magic, what in _KNOWN_BINARY:
        if data.startswith(magic):
            raise UnsupportedFormatError(f"unsupported format: {what}")
    text = decode_text(data)
    if looks_like_html(text):
        return "html"
    return "markdown" if looks_like_markdown(text) else "text"


def load_bytes(data: bytes, *, options: Options) -> LoadedDocument:
    """Blocks of a document given as bytes, in the format its content shows."""
    fmt = sniff_format(data)
    if fmt == "pdf" and options.engine == "pdfium":
        from hmic_extract.load.pdfium import load_pdfium

        return load_pdfium(data, options=options)
    if fmt == "pdf":
        from hmic_extract.load.pdf import load_pdf

        return load_pdf(data, options=options)
    if fmt == "doc":
        if not options.convert:
            raise UnsupportedFormatError(LEGACY_WORD)
        from hmic_extract.load.legacy import convert_to_docx

        data, fmt = convert_to_docx(data, suffix=".doc", what=LEGACY_WORD, options=options), "docx"
    if fmt in ("docx", "odt"):
        _check_expansion(data, fmt, options)
    if fmt == "docx":
        from hmic_extract.load.docx import load_docx

        return load_docx(data)
    if fmt == "odt":
        from hmic_extract.load.odt import load_odt

        return load_odt(data)
    if fmt == "rtf":
        from hmic_extract.load.rtf import load_rtf

        return load_rtf(data)
    if fmt == "html":
        from hmic_extract.load.html import load_html

        return load_html(decode_text(data))
    if fmt == "markdown":
        from hmic_extract.load.markdown import load_markdown

        return load_markdown(decode_text(data))
    from hmic_extract.load.text import load_text

    return load_text(decode_text(data))
