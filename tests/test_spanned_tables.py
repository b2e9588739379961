"""Tables as readers see them: cells spanning rows or columns keep every row's columns
in line with the header's, in web pages, Word and OpenDocument; an action plan names
each row's kind in a column of its own; a row across the table names the question the
rows below answer (regressions from blind set q, written without reading the code)."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from hmic_extract.load.html import _grid, load_html
from hmic_extract.load.odt import load_odt
from hmic_extract.options import Options
from hmic_extract.pipeline import extract_bytes
from hmic_extract.write import record_json
from tests.odf import odt_bytes


def _record(data: bytes, name: str) -> dict[str, Any]:
    record = extract_bytes(data, path=name, options=Options())
    parsed: dict[str, Any] = json.loads(record_json(record))
    return parsed


def _questions(record: dict[str, Any]) -> list[tuple[int | None, list[str], str | None]]:
    return [
        (q["number"], [item["text"] for item in q["areas_for_improvement"]], q["note"])
        for q in record["core_questions"]
    ]


_SPANNED_PAGE = """<!DOCTYPE html><html><body><article>
<h1>Commissioner's response to the PEEL: Police legitimacy 2017 report</h1>
<p>Westshire Police was graded good for legitimacy.</p>
<h2>The areas for improvement, and what is being done</h2>
<table>
<tr><th>Inspection question</th><th>Area for improvement</th><th>What we are doing</th></tr>
<tr><th rowspan="2">1. To what extent does the force treat people fairly?</th>
<td>The force should improve how it monitors its use of force.</td>
<td>Figures are published.</td></tr>
<tr><td>The force should make sure that every search record gives its grounds.</td>
<td>Supervisors review them.</td></tr>
<tr><th rowspan="1">2. How well does the force ensure ethical behaviour?</th>
<td>The inspectors did not identify any areas for improvement.</td><td>We keep going.</td></tr>
</table>
<h2>The Commissioner's comments</h2>
<p>"I welcome the report," said the Police and Crime Commissioner, Sam Person.</p>
</article></body></html>"""


def test_a_question_spanning_rows_holds_every_item_beside_it() -> None:
    record = _record(_SPANNED_PAGE.encode(), "page.html")
    assert _questions(record) == [
        (
            1,
            [
                "The force should improve how it monitors its use of force.",
                "The force should make sure that every search record gives its grounds.",
            ],
            None,
        ),
        (2, [], "The inspectors did not identify any areas for improvement."),
    ]


def test_spanned_cells_leave_empty_places_in_the_rows_they_cover() -> None:
    page = (
        "<html><body><table><tr><th>A</th><th>B</th><th>C</th></tr>"
        "<tr><td rowspan='2'>a</td><td colspan='2'>bc</td></tr>"
        "<tr><td>b2</td><td>c2</td></tr><tr><td>a3</td><td>b3</td><td>c3</td></tr>"
        "</table></body></html>"
    )
    assert [b.cells for b in load_html(page).blocks] == [
        ("A", "B", "C"),
        ("a", "bc", ""),
        ("", "b2", "c2"),
        ("a3", "b3", "c3"),
    ]


_CELLS = st.lists(
    st.lists(
        st.tuples(st.text("xyz", max_size=3), st.integers(1, 4), st.integers(1, 3)),
        min_size=1,
        max_size=4,
    ),
    max_size=6,
)


@given(_CELLS)
def test_every_cell_stands_once_at_its_place_on_the_grid(rows: list[Any]) -> None:
    grid = _grid(rows)
    assert len(grid) == len(rows)
    for row, placed in zip(rows, grid, strict=True):
        # each cell's text is in the row, in order, and the row is at least as wide
        # as its own cells' spans
        texts = [text for text, _, _ in row]
        assert [t for t in placed if t] == [t for t in texts if t]
        assert len(placed) >= sum(colspan for _, _, colspan in row)


def test_word_vertically_merged_cells_are_empty_below_their_first_row() -> None:
    import docx

    from hmic_extract.load.docx import load_docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for row, texts in enumerate(
        (("Question", "AFI", "Response"), ("Q1", "a1", "r1"), ("", "a2", "r2"))
    ):
        for column, text in enumerate(texts):
            if text:
                table.cell(row, column).text = text
    table.cell(1, 0).merge(table.cell(2, 0))
    buffer = io.BytesIO()
    document.save(buffer)
    rows = [b.cells for b in load_docx(buffer.getvalue()).blocks]
    assert rows == [("Question", "AFI", "Response"), ("Q1", "a1", "r1"), ("", "a2", "r2")]


def test_opendocument_covered_cells_keep_their_places() -> None:
    cell = "<table:table-cell><text:p>{}</text:p></table:table-cell>"
    covered = "<table:covered-table-cell/>"
    body = (
        "<table:table>"
        f"<table:table-row>{cell.format('Question')}{cell.format('AFI')}{cell.format('Response')}"
        "</table:table-row>"
        f"<table:table-row>{cell.format('Q1')}{cell.format('a1')}{cell.format('r1')}"
        "</table:table-row>"
        f"<table:table-row>{covered}{cell.format('a2')}{cell.format('r2')}</table:table-row>"
        "</table:table>"
    )
    rows = [b.cells for b in load_odt(odt_bytes(body)).blocks]
    assert rows == [("Question", "AFI", "Response"), ("Q1", "a1", "r1"), ("", "a2", "r2")]


_ACTION_PLAN = """# Westshire Police improvement plan

## A word from the Commissioner

The inspectorate judged Westshire Police to be good at keeping people safe. In 2016 the
force had been judged to require improvement.

## Progress against each finding

| Ref | HMICFRS finding | Type | Lead officer | Target date | Progress |
|---|---|---|---|---|---|
| Question 1: How effective is the force at preventing crime? | | | | | |
| 1.1 | The force should evaluate its work. | AFI | Supt Ames | 31/12/2018 | Green |
| Question 2: How effective is the force at protecting vulnerable people? | | | | | |
| 2.1 | Westshire Police is slow to respond. | Cause of concern | ACC Bell | 30/06/2018 | Amber |
| 2.2 | By 30 September 2018, the force should act. | Recommendation | DCI Cole | 30/09/2018 | Red |
| 2.3 | The force should train its staff. | Area for improvement | Ms Dee | 31/03/2019 | Green |
| – | Not part of this year’s inspection. | n/a | n/a | n/a | n/a |

## Key to progress ratings

Green – complete. Amber – on track.
"""


def test_an_action_plan_names_each_row_s_kind_in_its_type_column() -> None:
    record = _record(_ACTION_PLAN.encode(), "plan.md")
    assert _questions(record) == [
        (1, ["The force should evaluate its work."], None),
        (2, ["The force should train its staff."], None),
    ]
    assert [(c["text"], c["question"]) for c in record["causes_of_concern"]] == [
        ("Westshire Police is slow to respond.", 2)
    ]
    [recommendation] = record["recommendations"]
    assert recommendation["question"] == 2
    assert recommendation["owner"] == "DCI Cole"
    assert [d["date"] for d in recommendation["deadlines"]] == ["2018-09-30"]
    assert record["areas_for_improvement"] == []


def test_a_judgement_section_stating_no_grade_leaves_the_prose_to_say_it() -> None:
    record = _record(_ACTION_PLAN.encode(), "plan.md")
    assert record["judgement"]["grade"] == "Good"
    assert record["judgement"]["previous_grade"] == "Requires improvement"
    assert "pcc_response" in [s["kind"] for s in record["sections"]]


def test_a_question_numbered_in_a_column_of_its_own_keeps_its_number() -> None:
    page = (
        _SPANNED_PAGE.replace(
            "<tr><th>Inspection question</th>", "<tr><th>No.</th><th>Inspection question</th>"
        )
        .replace('<th rowspan="2">1. ', '<td rowspan="2">1</td><th rowspan="2">')
        .replace('<th rowspan="1">2. ', '<td>2</td><th rowspan="1">')
    )
    record = _record(page.encode(), "page.html")
    assert [number for number, _, _ in _questions(record)] == [1, 2]
    assert len(_questions(record)[0][1]) == 2
