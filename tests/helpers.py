"""Test helpers: running the pipeline and comparing records field by field."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from hmic_extract.errors import HmicError
from hmic_extract.options import Options
from hmic_extract.pipeline import extract_path
from hmic_extract.write import record_json

# Fields whose text depends on how a rendering lays the document out (section
# boundaries, paragraphs run together): left out when renderings are compared.
RENDERING_DEPENDENT = (
    "source",
    "sections",
    "judgement.text",
    "force_response.text",
    "pcc_response.text",
)


def assert_golden(document: Path, expected_path: Path, *, update: bool) -> None:
    """The document's record equals its expected record (rewritten first with ``update``),
    its path and the tool's version aside."""
    actual = record_of(document)
    if update:
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", "utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert differences(expected, actual, ignore=("source.path", "tool_version")) == []


def record_of(path: Path, **options: Any) -> dict[str, Any]:
    """The record of ``path`` as the JSON data the CLI would write."""
    record = extract_path(path, options=Options(**options), display_path=path.name)
    data: dict[str, Any] = json.loads(record_json(record))
    return data


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Every leaf of a JSON value under its path, e.g. ``core_questions[1].number``."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else key))
        return out or {prefix: {}}
    if isinstance(value, list):
        out = {}
        for index, item in enumerate(value):
            out.update(flatten(item, f"{prefix}[{index}]"))
        return out or {prefix: []}
    return {prefix: value}


def differences(expected: Any, actual: Any, *, ignore: tuple[str, ...] = ()) -> list[str]:
    """Paths where two records differ, each with both values; ``ignore`` drops path prefixes."""
    left, right = flatten(expected), flatten(actual)
    out = []
    for path in sorted(left.keys() | right.keys()):
        if any(path == p or path.startswith((p + ".", p + "[")) for p in ignore):
            continue
        if left.get(path, "<missing>") != right.get(path, "<missing>"):
            out.append(
                f"{path}: expected {left.get(path, '<missing>')!r}, "
                f"got {right.get(path, '<missing>')!r}"
            )
    return out


def without_locations(value: Any) -> Any:
    """A record with every ``location`` removed: for comparing renderings of one text."""
    if isinstance(value, dict):
        return {k: without_locations(v) for k, v in value.items() if k != "location"}
    if isinstance(value, list):
        return [without_locations(v) for v in value]
    return value


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF of the given objects (numbered from 1, the first the catalog), xref computed."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# The PDF engines take a line's height from different font metrics (pdfminer's
# and PDFium's descent): their boxes agree to within this many points.
BOX_TOLERANCE = 4.0
_BOX_COORDINATE = re.compile(r"\.bbox\[\d\]$")


def _record_or_error(path: Path, engine: str) -> dict[str, Any]:
    """The flattened record, or {"error": code} for a file the engine refuses."""
    try:
        return flatten(record_of(path, engine=engine, accept_unrecognised=True))
    except HmicError as error:
        return {"error": error.code}


def engine_differences(path: Path) -> list[str]:
    """Where the PDFium and pdfplumber records of ``path`` differ: every field but
    ``source`` exactly, box coordinates by more than BOX_TOLERANCE points. A file
    both engines refuse must be refused for the same reason code."""
    reference = _record_or_error(path, "pdfplumber")
    fast = _record_or_error(path, "pdfium")
    out = []
    for key in sorted(reference.keys() | fast.keys()):
        if key.startswith("source."):
            continue
        left, right = reference.get(key, "<missing>"), fast.get(key, "<missing>")
        if _BOX_COORDINATE.search(key) and isinstance(left, float) and isinstance(right, float):
            if abs(left - right) > BOX_TOLERANCE:
                out.append(f"{key}: pdfplumber {left}, pdfium {right} (over {BOX_TOLERANCE} pt)")
        elif left != right:
            out.append(f"{key}: pdfplumber {left!r}, pdfium {right!r}")
    return out
