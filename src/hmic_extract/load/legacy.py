"""Legacy Office files (OLE2 compound files) and conversion with LibreOffice.

An OLE2 container is told apart by its streams, read with olefile: a
``WordDocument`` stream is a Word 97–2003 document, an ``EncryptedPackage``
stream is a password-protected Office 2007+ file (a .docx with a password is
stored this way). A hand-written scan of the directory would have to follow the
FAT chain of the directory stream through DIFAT sectors to be right on large
files; olefile does that, is pure Python, and is imported only for these files.

Word 97–2003 documents are not read directly: ``--convert`` hands them to
LibreOffice (``soffice``) when it is on PATH, which saves them as .docx in a
private temporary folder with a private profile (so a running LibreOffice and
the user's settings are never touched), within the document timeout.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from hmic_extract.errors import (
    CorruptDocumentError,
    DocumentTimeoutError,
    EncryptedDocumentError,
    UnsupportedFormatError,
)
from hmic_extract.options import Options

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
LEGACY_WORD = "legacy Word 97–2003 document: save it as .docx or PDF"
# Streams that name what else an OLE2 file holds, for a refusal that says so.
_OTHER_OFFICE = (
    ("Workbook", "a legacy Excel 97–2003 workbook, not a document"),
    ("Book", "a legacy Excel workbook, not a document"),
    ("PowerPoint Document", "a legacy PowerPoint presentation, not a document"),
)


def ole2_kind(data: bytes) -> str:
    """What an OLE2 file is: "doc" for a Word 97–2003 document; raises for anything else."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(path) for path in ole.listdir(streams=True, storages=False)}
    except (OSError, ValueError, IndexError) as exc:  # olefile raises these for damaged files
        raise CorruptDocumentError(f"a damaged OLE2 (legacy Office) file: {exc}") from exc
    if "EncryptedPackage" in streams:
        raise EncryptedDocumentError(
            "a password-protected Office document: save it without a password first"
        )
    if "WordDocument" in streams:
        return "doc"
    for stream, what in _OTHER_OFFICE:
        if stream in streams:
            raise UnsupportedFormatError(f"unsupported format: {what}")
    raise UnsupportedFormatError("unsupported format: an OLE2 file that holds no Word document")


def convert_to_docx(data: bytes, *, suffix: str, what: str, options: Options) -> bytes:
    """The .docx LibreOffice makes of ``data`` (a ``suffix`` file), or a clear refusal.

    ``what`` is the refusal's wording for the input ("legacy Word 97–2003 document: …").
    """
    soffice = shutil.which("soffice")
    if soffice is None:
        raise UnsupportedFormatError(f"{what} (--convert needs LibreOffice's soffice on PATH)")
    with tempfile.TemporaryDirectory(prefix="hmic-convert-") as folder:
        work = Path(folder)
        source = work / f"input{suffix}"
        source.write_bytes(data)
        outdir = work / "out"
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(outdir),
            str(source),
        ]
        _run(command, timeout=options.timeout or None)
        result = outdir / "input.docx"
        if not result.is_file():
            raise CorruptDocumentError("LibreOffice could not convert it (--convert)")
        return result.read_bytes()


def _run(command: list[str], *, timeout: float | None) -> None:
    """Run soffice in a session of its own, so a timeout ends it and every process it started."""
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as process:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise DocumentTimeoutError(
                f"LibreOffice did not convert it within {timeout:g} s (--timeout)"
            ) from exc
