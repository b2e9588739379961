"""Segment: headings matched tolerantly; sections cover the document in order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hmic_extract.cues import section_kind
from hmic_extract.load.text import load_text
from hmic_extract.normalise import normalise
from hmic_extract.roles import assign_roles
from hmic_extract.segment import segment


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("FORCE RESPONSE TO RECOMMENDATIONS", "force_response"),
        ("Force response", "force_response"),
        ("Chief Constable's comments", "force_response"),
        ("Chief Constable’s Comments:", "force_response"),
        ("PCC RESPONSE TO INSPECTION", "pcc_response"),
        ("Commissioner's comments", "pcc_response"),
        ("3. Overall Judgement", "overall_judgement"),
        ("Executive Summary of Report", "executive_summary"),
        ("For Office Use Only", "office_use"),
        ("INSPECTION DETAILS", "inspection_details"),
        ("Findings", "findings"),
        ("RELATED DOCUMENTS", "other"),
        ("Areas for Improvement (AFIs)", "findings"),
        ("Causes of concern", "findings"),
        ("Response to the recommendations", "force_response"),
        ("Response from the Police and Crime Commissioner", "pcc_response"),
        # Regression: headings of other house styles that named no section
        ("Mayor's response", "pcc_response"),
        ("Comments from the Deputy Mayor", "pcc_response"),
        ("Report details", "inspection_details"),
        ("Overview", "executive_summary"),
        ("Grading", "overall_judgement"),
        ("Grading summary", "overall_judgement"),
        ("Overall assessment", "overall_judgement"),
        ("Summary of the inspection", "executive_summary"),
        ("Report summary", "executive_summary"),
        ("What the inspectorate found", "findings"),
        ("PFCC response", "pcc_response"),
        ("RESPONSE BY THE PCC TO HMIC INSPECTIONS OF CLEVELAND POLICE", None),
        ("The force response was positive and detailed in every respect here", None),
    ],
)
def test_heading_kinds(heading: str, kind: str | None) -> None:
    assert section_kind(heading) == kind


def test_a_short_plain_paragraph_names_a_section_in_other_words() -> None:
    """Regression: in Word or markdown with no heading styles (and in text printed with
    no blank lines), "What HMICFRS found" was a paragraph, and there was no findings
    section; a note or a sentence naming the same words is none."""
    from hmic_extract.load.markdown import load_markdown

    blocks = normalise(
        load_markdown(
            "Introduction\n\nText.\n\nWhat HMICFRS found\n\nThe force should act.\n\n"
            "No areas for improvement\n\nThe force response.\n\nMy comments\n\nWords.\n"
        ).blocks
    )
    assert [(s.kind, s.heading) for s in segment(assign_roles(blocks)).sections] == [
        ("executive_summary", "Introduction"),
        ("findings", "What HMICFRS found"),
        ("pcc_response", "My comments"),
    ]


def test_a_pdf_heading_in_smaller_type_is_a_sub_heading() -> None:
    """Regression: in a PDF made from a web page, areas under "Findings" were headings
    in smaller type (PDF headings have no level); each opened a section of its own,
    and its items lost their area. A heading in type as large as the section's
    still opens one."""
    from hmic_extract.blocks import Block, BlockKind, Location, Style

    def block(kind: BlockKind, text: str, size: float) -> Block:
        level = 1 if kind is BlockKind.HEADING else 0
        return Block(kind, text, Location(1, 1, 1), level=level, style=Style(size=size))

    heading, paragraph = BlockKind.HEADING, BlockKind.PARAGRAPH
    sections = segment(
        assign_roles(
            [
                block(heading, "Findings", 1.5),
                block(heading, "Investigating crime", 1.17),
                block(paragraph, "Grade: Good", 1.0),
                block(heading, "Annex of contacts", 1.5),
                block(paragraph, "Call us.", 1.0),
            ]
        )
    ).sections
    assert [(s.kind, s.heading, len(s.blocks)) for s in sections] == [
        ("findings", "Findings", 2),
        ("other", "Annex of contacts", 1),
    ]


def test_sections_in_order_with_title_and_unknown_heading() -> None:
    text = (
        "RESPONSE BY THE PCC TO HMIC INSPECTIONS OF A POLICE\n\n"
        "INSPECTION DETAILS\nTitle of Inspection: X\n\n"
        "FINDINGS\nThe force should act.\n\n"
        "CONTACT POINTS FOR MEDIA\nPhone us.\n\n"
        "PCC RESPONSE\nWords.\n"
    )
    segmented = segment(assign_roles(normalise(load_text(text).blocks)))
    assert segmented.title == "RESPONSE BY THE PCC TO HMIC INSPECTIONS OF A POLICE"
    assert [s.kind for s in segmented.sections] == [
        "inspection_details",
        "findings",
        "other",
        "pcc_response",
    ]
    assert segmented.unknown_headings == ("CONTACT POINTS FOR MEDIA",)


@given(st.text())
def test_segmenting_arbitrary_text_never_raises_and_loses_nothing(text: str) -> None:
    blocks = normalise(load_text(text).blocks)
    segmented = segment(assign_roles(blocks))
    covered = len(segmented.preamble) + sum(1 + len(s.blocks) for s in segmented.sections)
    assert covered == len(blocks)
