"""Golden records: every bundled sample against its hand-checked expected record."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXPECTED, SAMPLES
from tests.helpers import assert_golden, record_of

SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file())


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_matches_expected_record(sample: Path, update_golden: bool) -> None:
    assert_golden(sample, EXPECTED / f"{sample.name}.json", update=update_golden)


def test_every_sample_has_an_expected_record() -> None:
    names = {f"{p.name}.json" for p in SAMPLE_FILES}
    assert names == {p.name for p in EXPECTED.glob("*.json")}


def test_seed_record_has_the_hand_checked_answers() -> None:
    """The seed's key answers, stated here independently of the golden file."""
    record = record_of(SAMPLES / "cleveland-peel-effectiveness-2016.md")
    assert record["force"] == "Cleveland Police"
    assert record["commissioner"] == "Barry Copping"
    assert record["chief_constable"] == "Iain Spittal"
    assert record["inspection"]["published"] == "2017-03-02"
    assert [t["label"] for t in record["inspection"]["types"]] == [
        "Cleveland Specific",
        "Follow Up",
        "Partner Inspection",
        "National",
        "Thematic",
    ]
    assert all(t["checked"] is None for t in record["inspection"]["types"])
    assert record["judgement"]["grade"] == "Good"
    assert record["judgement"]["previous_grade"] == "Requires improvement"
    questions = record["core_questions"]
    assert [q["number"] for q in questions] == [1, 2, 3, 4, 5]
    assert [len(q["areas_for_improvement"]) for q in questions] == [0, 2, 5, 2, 0]
    assert questions[0]["note"] == "No areas for improvement"
    assert questions[4]["note"] == "Not graded, therefore no areas for improvement."
    fifth = questions[2]["areas_for_improvement"][4]
    assert len(fifth["sub_items"]) == 3
    assert [d["date"] for d in fifth["deadlines"]] == ["2017-05-01", "2017-06-01"]
    assert [s["kind"] for s in record["sections"]] == [
        "inspection_details",
        "executive_summary",
        "overall_judgement",
        "overall_summary",
        "findings",
        "force_response",
        "pcc_response",
        "office_use",
    ]
    force_statement = record["force_response"]["statements"]
    assert [(s["speaker"], s["role"]) for s in force_statement] == [
        ("Iain Spittal", "Chief Constable")
    ]
    assert force_statement[0]["text"].count("\n\n") == 2  # one quote over three paragraphs
    pcc = record["pcc_response"]["statements"]
    assert [(s["speaker"], s["role"]) for s in pcc] == [
        ("Barry Copping", "Police and Crime Commissioner")
    ]
