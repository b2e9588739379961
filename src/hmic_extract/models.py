"""The record: pydantic v2 models that are the output contract (CONTRACT.md, schema 1.x).

Field descriptions feed the published JSON Schema. Unknown is ``None``, "found
nothing" is an empty list; dates serialise as ISO 8601.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"  # 1.1: source formats odt, rtf, html; Item.owner, Item.target; notes

Grade = Literal["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
SectionKind = Literal[
    "inspection_details",
    "executive_summary",
    "overall_judgement",
    "overall_summary",
    "findings",
    "force_response",
    "pcc_response",
    "office_use",
    "other",
]
SourceFormat = Literal["pdf", "text", "markdown", "docx", "odt", "rtf", "html"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PageBox(_Model):
    """The part of an item on one page."""

    page: int = Field(description="1-based page number")
    bbox: list[float] = Field(description="[x0, top, x1, bottom] in PDF points")


class Location(_Model):
    """Where something stands in the source document."""

    page: int | None = Field(description="1-based page number; null for inputs without pages")
    line_start: int = Field(description="1-based first line in the loader's line numbering")
    line_end: int = Field(description="1-based last line (inclusive)")
    bbox: list[float] | None = Field(
        default=None,
        description="[x0, top, x1, bottom] in PDF points on `page`; PDF inputs only",
    )
    boxes: list[PageBox] | None = Field(
        default=None, description="one box per page when the item runs over a page break"
    )


class Source(_Model):
    """The input the record was made from."""

    path: str = Field(description="the input path as given on the command line")
    sha256: str = Field(description="SHA-256 of the input bytes, hex")
    format: SourceFormat = Field(description="the format detected from the bytes")
    pages: int | None = Field(description="page count; null for inputs without pages")


class InspectionType(_Model):
    """One option of the form's 'Type of Inspection' list."""

    label: str = Field(description="the option as printed, without its box")
    checked: bool | None = Field(description="the box state; null where the document shows none")


class Inspection(_Model):
    """The inspection details block."""

    title: str | None = Field(description="title of the inspection as printed")
    published: dt.date | None = Field(description="date the inspection report was published")
    types: list[InspectionType] = Field(description="every type option the form lists")
    force_quoted: bool | None = Field(
        description="answer to 'Is <force> quoted in the Report?'; null where unmarked"
    )


class Judgement(_Model):
    """The overall judgement on the five-tier scale."""

    grade: Grade | None = Field(description="overall grade; null where no single grade is given")
    previous_grade: Grade | None = Field(description="grade at the previous inspection, if stated")
    text: str | None = Field(description="the judgement section's text")


class Section(_Model):
    """A top-level section of the response, in document order."""

    kind: SectionKind = Field(description="what the section is, whatever its printed heading")
    heading: str = Field(description="the heading as printed")
    text: str = Field(description="the section's text, paragraphs joined by a blank line")
    location: Location = Field(description="where the section stands in the source")


class Deadline(_Model):
    """A date by which something is due."""

    text: str = Field(description="the words that give the deadline, as printed")
    date: dt.date = Field(description="the due date; relative ones count from publication")


class Item(_Model):
    """An area for improvement, recommendation or cause of concern."""

    text: str = Field(description="the item's own text, before its sub-items")
    sub_items: list[str] = Field(description="the item's nested points, markers removed")
    deadlines: list[Deadline] = Field(description="due dates in the text and sub-items, in order")
    question: int | None = Field(description="number of the core question the item stands under")
    question_text: str | None = Field(
        default=None,
        description="text of the core question the item stands under (areas may be unnumbered)",
    )
    response: str | None = Field(
        default=None,
        description=(
            "the force's response printed beside the item (a response table's column) or "
            'right after it (a paragraph starting "Response:")'
        ),
    )
    owner: str | None = Field(
        default=None,
        description="who answers for the item, from a response table's owner or lead column",
    )
    target: str | None = Field(
        default=None,
        description=(
            "when the force plans to finish, as a response table's target-date column prints "
            "it (the force's plan, never one of the item's deadlines)"
        ),
    )
    location: Location = Field(description="where the item stands in the source")


class CoreQuestion(_Model):
    """An inspection core question (or graded area) with its areas for improvement."""

    number: int | None = Field(description="the question's number as printed")
    text: str = Field(description="the question's text, numbering removed")
    areas_for_improvement: list[Item] = Field(description="AFIs under this question")
    note: str | None = Field(description="what the document says when there are no AFIs")
    grade: Grade | None = Field(default=None, description="the area's own grade, where printed")
    location: Location = Field(description="where the question stands in the source")


class Statement(_Model):
    """A quoted statement by a named person."""

    speaker: str = Field(description="the speaker's name as printed")
    role: str = Field(description="the title printed before the name")
    text: str = Field(description="the quoted words, paragraphs joined by a blank line")


class Response(_Model):
    """The force's or the PCC's response section."""

    text: str = Field(description="the section's whole text")
    statements: list[Statement] = Field(description="quoted statements in the section")


class OfficeUse(_Model):
    """The 'For Office Use Only' boxes."""

    forwarded_to_home_office: bool | None = Field(description="'Response forwarded to Home Office'")
    published_on_pcc_website: bool | None = Field(description="'Response published on PCC website'")


class Warning(_Model):
    """Something doubtful about the extraction, with a stable code."""

    code: str = Field(description="stable identifier, e.g. no_judgement, question_without_afis")
    message: str = Field(description="what was found, for a person")


class Record(_Model):
    """Everything extracted from one PCC response."""

    schema_version: str = Field(
        default=SCHEMA_VERSION,
        description="record schema version (semver: major changes break readers, minor add fields)",
    )
    tool_version: str = Field(description="version of hmic-extract that wrote the record")
    source: Source = Field(description="the input the record was made from")
    title: str | None = Field(default=None, description="the document's own title line")
    force: str | None = Field(description="the inspected force, as named")
    commissioner: str | None = Field(description="the PCC's name exactly as printed")
    chief_constable: str | None = Field(description="the chief constable's name as printed")
    inspection: Inspection = Field(description="the inspection-details form")
    judgement: Judgement = Field(description="the overall judgement")
    sections: list[Section] = Field(description="top-level sections in document order")
    core_questions: list[CoreQuestion] = Field(
        description="core questions (or graded areas) in document order, each with its AFIs"
    )
    areas_for_improvement: list[Item] = Field(description="AFIs under no core question")
    recommendations: list[Item] = Field(
        description="recommendations, `question` set where one applies"
    )
    causes_of_concern: list[Item] = Field(
        description="causes of concern, `question` set where one applies"
    )
    force_response: Response | None = Field(description="the force's response section, if any")
    pcc_response: Response | None = Field(description="the PCC's response section, if any")
    office_use: OfficeUse = Field(description="the office-use boxes")
    notes: list[str] = Field(
        default_factory=list,
        description=(
            "the document's footnotes and endnotes, in order (Word and OpenDocument): kept "
            "apart from the body, never part of an item or a response"
        ),
    )
    warnings: list[Warning] = Field(description="doubts about the extraction, with stable codes")


def record_schema() -> dict[str, object]:
    """The JSON Schema of the record, generated from the models."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://hmic-extract/record-{SCHEMA_VERSION}.schema.json"
    return schema
