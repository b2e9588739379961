"""The cue vocabulary: headings in wordings nobody listed land on their kind."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hmic_extract.cues import (
    SECTION_CUES,
    item_kind,
    names_section,
    question_section_kind,
    section_kind,
)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # the house template's own headings
        ("INSPECTION DETAILS", "inspection_details"),
        ("Executive Summary of Report", "executive_summary"),
        ("OVERALL JUDGEMENT", "overall_judgement"),
        ("Overall summary", "overall_summary"),
        ("3. FINDINGS", "findings"),
        ("Force Response to Recommendations", "force_response"),
        ("PCC Response to Inspection", "pcc_response"),
        ("For Office Use Only", "office_use"),
        # other offices' wordings
        ("What the inspection found", "findings"),
        ("Summary of what inspectors found", "overall_summary"),
        ("Key findings", "overall_summary"),
        ("The Commissioner's view", "pcc_response"),
        ("How the force has responded", "force_response"),
        ("What the force has said", "force_response"),
        ("Response from the Police and Crime Commissioner", "pcc_response"),
        ("Response from the Commissioner of Police of the Metropolis", "force_response"),
        ("Response to the recommendations", "force_response"),
        ("Areas for improvement and the force's response", "findings"),
        ("Annex A – Force response to recommendations", "force_response"),
        ("Appendix 2: Recommendations", "findings"),
        ("Areas to improve", "findings"),
        ("Background to the inspection", "executive_summary"),
        ("Report particulars", "inspection_details"),
        ("1. PURPOSE OF THIS RESPONSE", "other"),
        ("Next steps", "other"),
        ("Overall assessment", "overall_judgement"),
        # a force by its own name answers as the force does
        ("How Northumbria Police is responding", "force_response"),
        ("Kent Police response", "force_response"),
        # names, titles, notes, grades and sentences are no headings
        ("RESPONSE BY THE PCC TO HMIC INSPECTIONS OF CLEVELAND POLICE", None),
        ("PCC response to HMIC – PEEL: Legitimacy 2016", None),
        ("Office of the Kent Police and Crime Commissioner", None),
        ("Chief Constable Jane Example", None),
        ("No areas for improvement", None),
        ("Responding to the public – Requires improvement", None),
        ("Overall grade Requires improvement", None),
        ("How well does the force respond to the public?", None),
        ("The force should improve its response.", None),
        ("Where the force could do better", None),
        ("Response", None),
        ("Chief Executive", None),  # a signature's job title
        # a force by its full name is one word, not three that dilute the cues
        ("How Westshire and Eastshire Police was graded", "overall_judgement"),
        ("Response of Xshire Police", "force_response"),
        ("Xshire Police and Crime Commissioner comments", "pcc_response"),
        # a news headline credited after a comma is a title, not a section
        ("Big improvement in Xshire Police crime recording, say inspectors", None),
        ("Commissioner welcomes ‘good’ rating for Xshire Police", None),
        # a wrapped sentence's first line names no section
        ("The inspection concluded the overall judgement for Xshire Police was", None),
    ],
)
def test_section_kinds_from_cues(heading: str, kind: str | None) -> None:
    assert section_kind(heading) == kind


def test_a_strong_name_is_a_heading_whatever_its_type() -> None:
    assert names_section("Summary")
    assert names_section("4. Areas for improvement")
    assert not names_section("What HMICFRS found")  # weak: needs a heading's layout
    assert not names_section("Response published on PCC website ☒")  # a form's row


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Areas for improvement", "area_for_improvement"),
        ("Areas to improve", "area_for_improvement"),
        ("Improvements the inspectorate wants to see", "area_for_improvement"),
        ("Recommendations", "recommendation"),
        ("Cause of concern", "cause_of_concern"),
        ("What HMICFRS recommended", "recommendation"),
        ("Improving outcomes for victims", None),
    ],
)
def test_item_kinds_from_cues(label: str, kind: str | None) -> None:
    assert item_kind(label) == kind


@given(st.text(max_size=120))
def test_any_text_gets_a_known_kind_or_none(text: str) -> None:
    assert section_kind(text) in {*SECTION_CUES, None}
    assert item_kind(text) in {"area_for_improvement", "recommendation", "cause_of_concern", None}


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What did they find?", "findings"),
        ("What has the force said?", "force_response"),
        ("What does the Commissioner say?", "pcc_response"),
        ("What happens next?", None),
    ],
)
def test_a_reader_s_question_names_its_section_by_cues(question: str, kind: str | None) -> None:
    assert question_section_kind(question) == kind
