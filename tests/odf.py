"""A small OpenDocument text builder for tests: a zip of content.xml (and styles.xml)
from XML strings, laid out as LibreOffice writes it (``mimetype`` first, stored)."""

from __future__ import annotations

import io
import zipfile

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0"'
)
MIMETYPE = "application/vnd.oasis.opendocument.text"
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIMETYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


# A fixed time stamp on every member, so the same document gives the same bytes.
_STAMP = (2017, 3, 2, 0, 0, 0)


def odt_bytes(
    body: str,
    *,
    automatic_styles: str = "",
    forms: str = "",
    styles: str = "",
    mimetype: bool = True,
) -> bytes:
    """An .odt whose office:text holds ``body`` (XML using the usual prefixes)."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
        f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
        "<office:body><office:text>"
        f"{f'<office:forms>{forms}</office:forms>' if forms else ''}{body}"
        "</office:text></office:body></office:document-content>"
    )
    styles_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NAMESPACES}>'
        f"<office:styles>{styles}</office:styles></office:document-styles>"
    )
    members = [("content.xml", content), ("styles.xml", styles_xml)]
    members.append(("META-INF/manifest.xml", MANIFEST))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype:
            archive.writestr(zipfile.ZipInfo("mimetype", _STAMP), MIMETYPE)
        for name, text in members:
            info = zipfile.ZipInfo(name, _STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
    return buffer.getvalue()
