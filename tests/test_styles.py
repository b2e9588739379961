"""House styles other than the Cleveland form: read through vocabulary and structure."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import record_of

STYLES = Path(__file__).parent / "fixtures" / "styles"


def test_paper_with_its_own_headings() -> None:
    """Introduction / Summary of findings / Areas for improvement / … / Commissioner's comments."""
    record = record_of(STYLES / "paper.md")
    assert [s["kind"] for s in record["sections"]] == [
        "executive_summary",
        "overall_summary",
        "findings",
        "force_response",
        "pcc_response",
    ]
    assert record["force"] == "Sussex Police"
    assert record["inspection"]["title"] == "PEEL: Police effectiveness 2018"
    assert record["inspection"]["published"] == "2019-03-22"
    assert (record["judgement"]["grade"], record["judgement"]["previous_grade"]) == (
        "Good",
        "Requires improvement",
    )
    afis = record["areas_for_improvement"]
    assert [a["text"][:40] for a in afis] == [
        "The force should improve how it supervis",
        "The force should ensure that it records ",
    ]
    assert afis[1]["sub_items"] == [
        "crimes reported by partner agencies; and",
        "crimes disclosed during other investigations.",
    ]
    [recommendation] = record["recommendations"]
    assert [d["date"] for d in recommendation["deadlines"]] == ["2019-06-22"]
    assert (record["chief_constable"], record["commissioner"]) == ("Giles York", "Katy Bourne")
    assert record["warnings"] == []


def test_annex_table_of_recommendations() -> None:
    """A Recommendation | Response | Owner table: one item per row, its response kept."""
    record = record_of(STYLES / "annex.md")
    recommendations = record["recommendations"]
    assert [(r["text"].split(",")[0], r["response"]) for r in recommendations] == [
        ("Within three months", "Accepted. Training delivered."),
        ("By 1 September 2018", "Accepted."),
    ]
    assert [[d["date"] for d in r["deadlines"]] for r in recommendations] == [
        ["2018-06-20"],
        ["2018-09-01"],
    ]
    assert record["judgement"]["grade"] == "Good"


def test_x_in_a_table_cell_ticks_the_box() -> None:
    """An office-use table ticked with a plain "X"; the row left empty is unticked."""
    record = record_of(STYLES / "office-x-cell.md")
    assert record["office_use"] == {
        "forwarded_to_home_office": True,
        "published_on_pcc_website": False,
    }
