"""Stage 6, validate: cross-checks over a whole record that add warnings, never drop content.

Pydantic has already checked each field's type and vocabulary; this stage
checks what only the whole record can show.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from hmic_extract.models import SCHEMA_VERSION, Record, Warning


def _question_warnings(record: Record) -> list[Warning]:
    warnings = []
    under_questions = {
        item.question_text
        for item in [*record.recommendations, *record.causes_of_concern]
        if item.question_text is not None
    }
    for question in record.core_questions:
        if (
            not question.areas_for_improvement
            and question.note is None
            and question.text not in under_questions
        ):
            label = f"question {question.number}" if question.number is not None else "a question"
            warnings.append(
                Warning(
                    code="question_without_afis",
                    message=f"{label} has no items and no note saying there are none",
                )
            )
    numbers = [q.number for q in record.core_questions if q.number is not None]
    if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        warnings.append(
            Warning(
                code="question_numbering_gap",
                message=f"core questions are numbered {numbers}, not consecutively",
            )
        )
    return warnings


def _section_warnings(record: Record) -> list[Warning]:
    kinds = {s.kind for s in record.sections}
    warnings = []
    if "findings" not in kinds:
        warnings.append(Warning(code="no_findings", message="no findings section"))
    if "findings" in kinds and not (
        record.core_questions
        or record.areas_for_improvement
        or record.recommendations
        or record.causes_of_concern
    ):
        warnings.append(Warning(code="no_items", message="the findings section holds no items"))
    for kind in ("force_response", "pcc_response"):
        response = getattr(record, kind)
        if response is not None and not response.statements:
            warnings.append(
                Warning(code="no_statement", message=f"no quoted statement in the {kind} section")
            )
    return warnings


def validate(record: Record) -> Record:
    """The record with cross-check warnings added (its fields were validated when built)."""
    extra = _question_warnings(record) + _section_warnings(record)
    if not extra:
        return record
    return record.model_copy(update={"warnings": [*record.warnings, *extra]})


def _locations(value: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else key
            if key == "location" and isinstance(item, dict):
                found.append((where, item))
            else:
                found += _locations(item, where)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _locations(item, f"{path}[{index}]")
    return found


def record_problems(data: Any) -> list[str]:
    """Everything wrong with a stored record: schema violations, then broken invariants."""
    try:
        record = Record.model_validate(data)
    except ValidationError as exc:
        return [
            f"{'.'.join(str(p) for p in error['loc']) or '(record)'}: {error['msg']}"
            for error in exc.errors()
        ]
    problems = []
    if record.schema_version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        problems.append(
            f"schema_version: {record.schema_version} is not compatible with {SCHEMA_VERSION}"
        )
    for where, location in _locations(data):
        if location["line_start"] > location["line_end"]:
            problems.append(f"{where}: line_start is after line_end")
        if location.get("page") is not None and location["page"] < 1:
            problems.append(f"{where}: page must be 1 or more")
    numbers = [q.number for q in record.core_questions if q.number is not None]
    if len(numbers) != len(set(numbers)):
        problems.append(f"core_questions: numbers repeat ({numbers})")
    for index, question in enumerate(record.core_questions):
        for item_index, item in enumerate(question.areas_for_improvement):
            if item.question is not None and item.question != question.number:
                problems.append(
                    f"core_questions[{index}].areas_for_improvement[{item_index}].question: "
                    f"{item.question} under question {question.number}"
                )
    return problems


def record_file_problems(path: Path) -> list[tuple[str, str]]:
    """Everything wrong with a stored record file, each as (error code, problem)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [("not_found", "no such file")]
    except UnicodeDecodeError:
        return [("invalid_json", "not UTF-8 text, so not a record")]
    except OSError as exc:
        return [("unreadable", exc.strerror or str(exc))]
    try:
        data = json.loads(text)
    except ValueError as exc:
        return [("invalid_json", f"not JSON: {exc}")]
    return [("invalid_record", problem) for problem in record_problems(data)]
