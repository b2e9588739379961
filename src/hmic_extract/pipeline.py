"""The pipeline, stage by stage: load → normalise → roles → segment → extract → validate.

Writing is the caller's choice (``write.py``): the library returns records.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from hmic_extract import __version__
from hmic_extract.errors import (
    EmptyInputError,
    InputNotFoundError,
    NotAResponseError,
    UnreadableInputError,
    UnsupportedFormatError,
)
from hmic_extract.extract import extract
from hmic_extract.load import load_bytes
from hmic_extract.models import Record, Source, Warning
from hmic_extract.normalise import normalise
from hmic_extract.options import Options
from hmic_extract.recognise import recognise
from hmic_extract.roles import assign_roles
from hmic_extract.segment import segment
from hmic_extract.validate import validate

STAGES = ("load", "normalise", "roles", "segment", "extract", "validate", "write")


def read_input(path: Path, *, options: Options) -> bytes:
    """The bytes of an input file, refused early when missing, empty or over the size limit."""
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise UnsupportedFormatError(
                f"{size} bytes is over the limit of {options.max_bytes} (--max-bytes)"
            )
        if path.is_dir():
            raise UnreadableInputError("is a folder, not a file")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputNotFoundError("no such file") from exc
    except PermissionError as exc:
        raise UnreadableInputError("permission denied") from exc
    except OSError as exc:
        raise UnreadableInputError(exc.strerror or str(exc)) from exc
    if not data:
        raise EmptyInputError("the file is empty")
    return data


def extract_bytes(data: bytes, *, path: str, options: Options) -> Record:
    """The validated record of one document given as bytes; ``path`` is recorded as given."""
    loaded = load_bytes(data, options=options)
    blocks = assign_roles(normalise(loaded.blocks))
    segmented = segment(blocks)
    source = Source(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        format=loaded.format,  # type: ignore[arg-type]  # loaders name only SourceFormat values
        pages=loaded.pages,
    )
    record = extract(
        segmented,
        source=source,
        tool_version=__version__,
        page_date=loaded.page_date,
        cited=loaded.cited,
    )
    if loaded.notes:  # the source's own asides, read apart from its body
        record = record.model_copy(update={"notes": list(loaded.notes)})
    recognition = recognise(segmented, record)
    if not recognition.recognised:
        if not options.accept_unrecognised:
            raise NotAResponseError(recognition.message())
        record = record.model_copy(
            update={
                "warnings": [
                    *record.warnings,
                    Warning(code="not_recognised", message="not recognised as a PCC response"),
                ]
            }
        )
    return validate(record)


def extract_path(path: Path, *, options: Options, display_path: str | None = None) -> Record:
    """The validated record of the document at ``path``."""
    data = read_input(path, options=options)
    return extract_bytes(data, path=display_path or str(path), options=options)
