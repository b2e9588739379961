"""One frozen options object, built at the edge (the CLI) and passed keyword-only."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Options:
    """Every setting that changes what the pipeline does."""

    engine: str = "pdfium"  # PDF engine: pdfium (fast) or pdfplumber
    password: str | None = None  # for encrypted PDFs
    accept_unrecognised: bool = False  # write a record even if the input is not a PCC response
    max_pages: int = 500
    max_bytes: int = 100 * 1024 * 1024
    timeout: float = 120.0  # seconds per document in a worker process; 0 disables
    max_memory_mb: int = 4096  # address-space cap per worker process; 0 disables
    convert: bool = False  # hand legacy .doc files to LibreOffice (soffice) to read
