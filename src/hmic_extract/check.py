"""Fixture checking for CI: compare fresh records with expected ones, field by field.

Mismatches are reported as JSON paths (``core_questions[2].areas_for_improvement[0].text``)
with both values, so a failing CI run says exactly what changed.
"""

from __future__ import annotations

import difflib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hmic_extract.batch import Job, Result

# Fields that differ between machines or checkouts and never count as a mismatch.
VOLATILE = ("source.path", "tool_version")
MISSING = "<missing>"
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """How strictly records are compared."""

    ignore_locations: bool = False
    tolerant: bool = False  # compare text with whitespace and quote marks normalised
    # PDF box edges within this many points are the same box: the two engines place
    # glyphs a few tenths of a point apart, and fonts render a little differently
    box_tolerance: float = 0.0


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One JSON path whose value differs."""

    path: str
    expected: Any
    actual: Any


@dataclass(frozen=True, slots=True)
class DocumentCheck:
    """The outcome for one input."""

    job: Job
    mismatches: tuple[Mismatch, ...] = ()
    error: str | None = None  # extraction failed, or no expected record

    @property
    def ok(self) -> bool:
        return self.error is None and not self.mismatches


def leaves(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every leaf of a JSON value with its path; empty containers are leaves too."""
    if isinstance(value, dict) and value:
        for key, item in value.items():
            yield from leaves(item, f"{prefix}.{key}" if prefix else key)
    elif isinstance(value, list) and value:
        for index, item in enumerate(value):
            yield from leaves(item, f"{prefix}[{index}]")
    else:
        yield prefix, value


def _ignored(path: str, options: CheckOptions) -> bool:
    if path in VOLATILE:
        return True
    return options.ignore_locations and bool(re.search(r"(?:^|\.)location(?:\.|$)", path))


_BOX_EDGE = re.compile(r"\.bbox\[[0-3]\]$")


def _same(path: str, expected: Any, actual: Any, options: CheckOptions) -> bool:
    if (
        options.box_tolerance
        and _BOX_EDGE.search(path)
        and isinstance(expected, float | int)
        and isinstance(actual, float | int)
    ):
        return abs(expected - actual) <= options.box_tolerance
    if options.tolerant and isinstance(expected, str) and isinstance(actual, str):
        return " ".join(expected.translate(_QUOTES).split()) == " ".join(
            actual.translate(_QUOTES).split()
        )
    return bool(expected == actual) and type(expected) is type(actual)


def compare(expected: Any, actual: Any, options: CheckOptions) -> list[Mismatch]:
    """Paths where ``actual`` differs from ``expected``, in the record's own order."""
    left, right = dict(leaves(expected)), dict(leaves(actual))
    mismatches = []
    for path in [*right, *(p for p in left if p not in right)]:
        if _ignored(path, options):
            continue
        want, got = left.get(path, MISSING), right.get(path, MISSING)
        if not _same(path, want, got, options):
            mismatches.append(Mismatch(path, want, got))
    return mismatches


def expected_path(expected_dir: Path, job: Job) -> Path:
    """Where the expected record of an input lives: DIR/<relative input>.json."""
    return expected_dir / job.relative.parent / f"{job.relative.name}.json"


def check_result(result: Result, expected_dir: Path, options: CheckOptions) -> DocumentCheck:
    """Compare one extraction result with its expected record."""
    from hmic_extract.write import record_json

    if result.record is None:
        return DocumentCheck(result.job, error=f"extraction failed: {result.error}")
    path = expected_path(expected_dir, result.job)
    if not path.exists():
        return DocumentCheck(result.job, error=f"no expected record at {path}")
    try:
        expected = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return DocumentCheck(result.job, error=f"expected record {path} is unreadable: {exc}")
    actual = json.loads(record_json(result.record))
    return DocumentCheck(result.job, tuple(compare(expected, actual, options)))


def junit_xml(checks: Iterable[DocumentCheck]) -> str:
    """A JUnit XML report: one test case per document, failures carrying the diff."""
    checks = list(checks)
    suite = ET.Element(
        "testsuite",
        name="hmic-extract check",
        tests=str(len(checks)),
        failures=str(sum(1 for c in checks if not c.ok)),
        errors="0",
    )
    for check in checks:
        case = ET.SubElement(suite, "testcase", classname="hmic-extract", name=check.job.display)
        if check.ok:
            continue
        if check.error:
            failure = ET.SubElement(case, "failure", message=check.error)
            failure.text = check.error
        else:
            count = len(check.mismatches)
            failure = ET.SubElement(case, "failure", message=f"{count} field(s) differ")
            failure.text = "\n".join(describe(m) for m in check.mismatches)
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def describe(mismatch: Mismatch) -> str:
    """One mismatch as plain text; for two texts, a second line shows where they differ."""
    line = (
        f"{mismatch.path}: expected {json.dumps(mismatch.expected, ensure_ascii=False)}, "
        f"got {json.dumps(mismatch.actual, ensure_ascii=False)}"
    )
    if isinstance(mismatch.expected, str) and isinstance(mismatch.actual, str):
        return f"{line}\n      where: {word_difference(mismatch.expected, mismatch.actual)}"
    return line


# Words of unchanged text kept either side of a change in a word difference.
_CONTEXT_WORDS = 4


def word_difference(expected: str, actual: str) -> str:
    """Where two texts differ, word by word: ``… kept [-expected-]{+actual+} kept …``.

    Long unchanged runs are cut to a few words either side of each change, so a
    one-word change in a paragraph-long item reads at a glance.
    """
    left, right = expected.split(), actual.split()
    if left == right:
        return "(only whitespace differs)"
    parts: list[str] = []
    opcodes = difflib.SequenceMatcher(a=left, b=right, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = left[i1:i2]
            head = words[:_CONTEXT_WORDS] if index else []
            tail = words[-_CONTEXT_WORDS:] if index < len(opcodes) - 1 else []
            if len(words) > len(head) + len(tail):
                parts.extend([*head, "…", *tail] if head or tail else ["…"])
            else:
                parts.extend(words)
            continue
        if i2 > i1:
            parts.append(f"[-{' '.join(left[i1:i2])}-]")
        if j2 > j1:
            parts.append(f"{{+{' '.join(right[j1:j2])}+}}")
    return " ".join(parts)
