"""Stage 5, validate: cross-checks over a whole record that add warnings, never drop content.

Pydantic has already checked each field's type and vocabulary; this stage
checks what only the whole record can show.
"""

from __future__ import annotations

from hmic_extract.models import Record, Warning


def _question_warnings(record: Record) -> list[Warning]:
    warnings = []
    for question in record.core_questions:
        if not question.areas_for_improvement and question.note is None:
            label = f"question {question.number}" if question.number is not None else "a question"
            warnings.append(
                Warning(
                    code="question_without_afis",
                    message=f"{label} has neither areas for improvement nor a note saying none",
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
    """The record with cross-check warnings added, revalidated as a whole."""
    extra = _question_warnings(record) + _section_warnings(record)
    data = record.model_dump()
    data["warnings"] = [*data["warnings"], *(w.model_dump() for w in extra)]
    return Record.model_validate(data)
