"""The role stage and the readers that use it: items only where the text presents them
as items, wherever they stand. Each document here is written for the test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hmic_extract.blocks import Block, BlockKind, Location, Role
from hmic_extract.roles import assign_roles, group_label
from tests.helpers import record_of


def _record(tmp_path: Path, text: str, name: str = "response.txt") -> dict[str, Any]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return record_of(path, accept_unrecognised=True)


def _texts(items: list[dict[str, Any]]) -> list[str]:
    return [item["text"] for item in items]


def test_a_numbered_lead_in_announces_the_list_under_it(tmp_path: Path) -> None:
    """Regression: "4.1 The report identifies the following areas for improvement:"
    was read as an AFI and the items under it as its sub-items."""
    record = _record(
        tmp_path,
        "PCC response to the HMICFRS report\n\n"
        "4. AREAS FOR IMPROVEMENT\n\n"
        "4.1 The report identifies the following areas for improvement for all forces:\n\n"
        "  - Forces should improve the first account taken from victims.\n\n"
        "  - Forces should return victims' devices promptly.\n\n"
        "5. COMMISSIONER'S RESPONSE\n\n"
        "5.1 I welcome the report.\n",
    )
    assert _texts(record["areas_for_improvement"]) == [
        "Forces should improve the first account taken from victims.",
        "Forces should return victims' devices promptly.",
    ]
    assert all(not item["sub_items"] for item in record["areas_for_improvement"])


def test_paragraphs_numbered_across_sections_are_prose(tmp_path: Path) -> None:
    """Regression: a letter's numbered paragraphs under "The inspectorates' findings"
    ("3. The report found that … are not well understood") were read as AFIs."""
    record = _record(
        tmp_path,
        "# Response to the HMICFRS report\n\n"
        "## Background\n\n"
        "1. The report was published in July.\n\n"
        "2. It covers every force.\n\n"
        "## The inspectorates' findings\n\n"
        "3. The report found that stalking is not well understood by forces.\n\n"
        "4. Inspectors found that risk was not assessed in most cases.\n\n"
        "## My response\n\n"
        "5. I welcome the report and will hold the Chief Constable to account.\n",
        "letter.md",
    )
    assert record["areas_for_improvement"] == []
    assert record["causes_of_concern"] == []


def test_items_after_a_lead_in_in_a_letter_without_headings(tmp_path: Path) -> None:
    """A section 55 letter lists the AFIs after a lead-in in the commissioner's own
    words; the force's response that follows is not an item."""
    record = _record(
        tmp_path,
        "Dear Secretary of State,\n\n"
        "HMICFRS published its report on Kent Police on 2 May 2019. "
        "It identified the following areas for improvement:\n\n"
        "1. The force should improve its initial investigations.\n"
        "2. The force should ensure that risk assessments are reviewed.\n\n"
        "The Chief Constable has provided the following response:\n\n"
        "We need to do better for vulnerable people and we will.\n\n"
        "Yours sincerely,\n\nJane Example\nPolice and Crime Commissioner for Kent\n",
    )
    assert _texts(record["areas_for_improvement"]) == [
        "The force should improve its initial investigations.",
        "The force should ensure that risk assessments are reviewed.",
    ]


def test_a_table_of_recommendations_in_the_force_response(tmp_path: Path) -> None:
    """A table whose column names an item kind gives items wherever it stands; the
    response column is the force's answer, never part of the item."""
    record = _record(
        tmp_path,
        "# PCC response to the HMICFRS report on Wiltshire Police\n\n"
        "## Areas for improvement\n\n"
        "- The force should improve how it records domestic abuse.\n\n"
        "## How the force has responded\n\n"
        "| No. | Recommendation | Force response | Target date |\n"
        "|---|---|---|---|\n"
        "| 1 | By 30 September 2022, the force should review its training. "
        "| Accepted. | 31 March 2023 |\n\n"
        "## The Commissioner's view\n\nI welcome the report.\n",
        "response.md",
    )
    [recommendation] = record["recommendations"]
    assert recommendation["text"].startswith("By 30 September 2022, the force should review")
    assert recommendation["response"] == "Accepted."
    assert [d["date"] for d in recommendation["deadlines"]] == ["2022-09-30"]
    assert [s["kind"] for s in record["sections"]] == ["findings", "force_response", "pcc_response"]


def test_a_grade_is_no_label_of_items() -> None:
    """Regression: "Requires improvement" in a grade table opened a table of AFIs."""
    assert group_label("Requires improvement") is None
    assert group_label("Grade: Requires improvement") is None
    assert group_label("Areas to improve") == "area_for_improvement"


def test_roles_are_given_from_features() -> None:
    def block(kind: BlockKind, text: str, marker: str = "") -> Block:
        return Block(kind, text, Location(None, 1, 1), marker=marker)

    blocks = assign_roles(
        [
            block(BlockKind.HEADING, "What the inspection found"),
            block(BlockKind.PARAGRAPH, "No areas for improvement were identified."),
            block(BlockKind.PARAGRAPH, "The recommendations for chief constables are:"),
            block(BlockKind.PARAGRAPH, "Response published on PCC website ☒"),
            block(
                BlockKind.LIST_ITEM,
                "Inspectors examined case files from six police forces and six CPS Areas.",
                "2.2",
            ),
            block(BlockKind.PARAGRAPH, "Dear Minister,"),
        ]
    )
    assert [(b.role, b.cue) for b in blocks] == [
        (Role.SECTION, "findings"),
        (Role.NOTE, None),
        (Role.LEAD_IN, "recommendation"),
        (Role.FORM, None),
        (Role.PROSE, None),
        (Role.SALUTATION, None),
    ]


def test_the_announcing_sentence_is_the_last_one(tmp_path: Path) -> None:
    """Regression: "HMICFRS made no recommendations and identified no causes of concern.
    It identified the following areas for improvement:" named three kinds, announced
    none, and the letter's AFIs were lost."""
    record = _record(
        tmp_path,
        "Dear Minister,\n\nHMICFRS published its report on Kent Police on 2 May 2019. "
        "HMICFRS made no recommendations and identified no causes of concern. "
        "It identified the following areas for improvement:\n\n"
        "1. The force should improve its initial investigations.\n\n"
        "Yours sincerely,\n\nJane Example\nPolice and Crime Commissioner for Kent\n",
    )
    assert _texts(record["areas_for_improvement"]) == [
        "The force should improve its initial investigations."
    ]
    assert record["recommendations"] == record["causes_of_concern"] == []


def test_quotations_and_notes_to_editors_are_never_items(tmp_path: Path) -> None:
    """Regressions: a Chief Constable's quotation in an item's voice ("officers must …")
    after a list of recommendations was read as one; so were the numbered notes to
    editors of a news release."""
    record = _record(
        tmp_path,
        "PCC responds to HMICFRS report on Kent Police\n\n"
        "The report's recommendations are:\n\n"
        "1. By 30 June 2018, the force should review how it assesses risk.\n\n"
        'Chief Constable Ann Example said: "Our officers must recognise risk."\n\n'
        '"We should have done better."\n\n'
        "Notes to editors\n\n"
        "1. Police and crime commissioners must publish comments on each report.\n",
    )
    assert _texts(record["recommendations"]) == [
        "By 30 June 2018, the force should review how it assesses risk."
    ]
    assert record["areas_for_improvement"] == []


def test_questions_numbered_in_words(tmp_path: Path) -> None:
    record = _record(
        tmp_path,
        "# PCC response to HMICFRS\n\n## What the inspection found\n\n"
        "### Question one – How well does the force understand demand?\n\n"
        "**Areas to improve**\n\n* The force should improve its analysis of demand.\n\n"
        "### Question 2 (efficiency): How well does the force use its resources?\n\n"
        "No areas for improvement were identified.\n",
        "response.md",
    )
    assert [(q["number"], len(q["areas_for_improvement"])) for q in record["core_questions"]] == [
        (1, 1),
        (2, 0),
    ]


def test_a_form_value_ends_at_the_next_label() -> None:
    """Regression: a title swallowed the rows after it ("… Dyfed-Powys Police
    Published 11 April 2019 Inspectorate HMICFRS", "… 2017 Published by HMICFRS: 9
    November 2017 Kind of inspection: ☒ …"); a colon in the title itself stays."""
    from hmic_extract.extract.details import _value_end

    assert (
        _value_end(
            "National Child Protection Inspection: Dyfed-Powys Police Published 11 April 2019"
        )
        == "National Child Protection Inspection: Dyfed-Powys Police"
    )
    assert (
        _value_end("PEEL: Police efficiency 2017 Published by HMICFRS: 9 November 2017 Kind: ☒")
        == "PEEL: Police efficiency 2017"
    )
    assert (
        _value_end("Rape – Phase one: From report to police")
        == "Rape – Phase one: From report to police"
    )


def test_titles_named_in_prose() -> None:
    from hmic_extract.extract.details import title_in_prose

    assert (
        title_in_prose(
            ["Dear Home Secretary,", "Answering the call: calls for service", "I write."]
        )
        == "Answering the call: calls for service"
    )
    assert (
        title_in_prose(["HMICFRS published \"Both sides: victims in 'county lines' offending\"."])
        == "Both sides: victims in 'county lines' offending"
    )
    assert title_in_prose(["The report, PEEL: Police effectiveness 2017, is the third."]) == (
        "PEEL: Police effectiveness 2017"
    )
    assert title_in_prose(["Re: HMICFRS inspection report – PEEL 2021/22"]) == "PEEL 2021/22"


def test_an_empty_cell_in_a_column_of_marks_is_an_unticked_box(tmp_path: Path) -> None:
    """Regression: a details table marking its options with "X" in a column of their
    own gave the ticked options only; the empty cells beside the others are unticked."""
    record = _record(
        tmp_path,
        "**RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF KENT POLICE**\n\n"
        "**INSPECTION DETAILS**\n\n"
        "| Field | Detail | Mark |\n|---|---|---|\n"
        "| **Type of Inspection:** | Kent Specific | X |\n"
        "|  | National |  |\n"
        "| **Is Kent Police quoted in the Report?** | Yes | X |\n"
        "|  | No |  |\n\n"
        "**FINDINGS**\n\n- The force should improve.\n\n"
        "**PCC RESPONSE TO INSPECTION**\n\nI welcome the report.\n",
        "form.md",
    )
    assert [(t["label"], t["checked"]) for t in record["inspection"]["types"]] == [
        ("Kent Specific", True),
        ("National", False),
    ]
    assert record["inspection"]["force_quoted"] is True


def test_a_plain_text_label_under_a_question_stays_the_question_s(tmp_path: Path) -> None:
    """Regression: in plain text (pdfminer's rendering) "Recommendations" standing
    alone after question 3 looked as high as "Findings" and took the question's
    recommendations away from it; a plain-text heading's rank is only a guess."""
    record = _record(
        tmp_path,
        "PCC response to HMICFRS\n\nFindings\n\n"
        "3) How effective is the force at protecting vulnerable people?\n\n"
        "Recommendations\n\n"
        "• By 30 June 2018, the force should review its call handling.\n\n"
        "PCC response to inspection\n\nI welcome the report.\n",
    )
    assert [(r["question"], r["text"][:17]) for r in record["recommendations"]] == [
        (3, "By 30 June 2018, ")
    ]


def test_a_label_under_a_graded_area_stays_the_area_s(tmp_path: Path) -> None:
    """Regression: with title-case headings in plain text, "Area for improvement" under
    a graded area ranked with "Findings" and opened a section; the area lost its AFI."""
    record = _record(
        tmp_path,
        "PCC response to HMICFRS\n\nFindings\n\n"
        "1. Preventing crime and anti-social behaviour\n\nGrade: Adequate\n\n"
        "Area for improvement\n\n"
        "• The force should evaluate its crime prevention work.\n\n"
        "PCC response to inspection\n\nI welcome the report.\n",
    )
    [area] = record["core_questions"]
    assert (area["number"], len(area["areas_for_improvement"])) == (1, 1)


def test_dotted_leaders_and_report_rows_end_a_title(tmp_path: Path) -> None:
    """Regression: "Report ......... PEEL 2018/19 Published ....... 2 May 2019" kept the
    leaders and the next row in the title and gave no date; "Inspectorate His
    Majesty's …" ran into it as well."""
    record = _record(
        tmp_path,
        "PCC response to HMICFRS\n\nPart A - Report details\n\n"
        "Report ......... PEEL 2018/19 - An inspection of Kent Police\n"
        "Published ............ 2 May 2019\n\n"
        "Part B - Findings\n\n- The force should improve.\n\n"
        "Part C - Commissioner's response\n\nI welcome the report.\n",
    )
    assert record["inspection"]["title"] == "PEEL 2018/19 - An inspection of Kent Police"
    assert record["inspection"]["published"] == "2019-05-02"
    from hmic_extract.extract.details import _value_end

    assert (
        _value_end("PEEL 2021/22: An inspection of Norfolk Constabulary Inspectorate His Majesty's")
        == "PEEL 2021/22: An inspection of Norfolk Constabulary"
    )


def test_a_lead_in_points_back_to_the_kind_named_before_it(tmp_path: Path) -> None:
    """Regression (blind set l, m): "The report makes five recommendations. Those
    addressed to chief constables apply to the force:" and "… two areas for improvement.
    The force should:" named no kind in their last sentence, and their lists were lost
    or read as the wrong kind."""
    record = _record(
        tmp_path,
        "Dear Minister,\n\nThe report makes two recommendations. Those addressed to chief "
        "constables apply to Anyshire Police:\n\n"
        "1. Chief constables should review their stalking protection orders.\n"
        "2. Chief constables should refer victims to advocates.\n\n"
        "The inspectorate also identified one area for improvement. The force should:\n\n"
        " - improve how it records victims' views.\n\n"
        "Yours sincerely,\n\nJane Example\nPolice and Crime Commissioner for Anyshire\n",
    )
    assert _texts(record["recommendations"]) == [
        "Chief constables should review their stalking protection orders.",
        "Chief constables should refer victims to advocates.",
    ]
    assert _texts(record["areas_for_improvement"]) == ["improve how it records victims' views."]


def test_a_kind_in_a_clause_before_the_comma_is_what_the_items_answer(tmp_path: Path) -> None:
    """Regression: "To address this cause of concern, the inspectorate made two
    recommendations:" named two kinds, and its recommendations were read as causes."""
    record = _record(
        tmp_path,
        "RESPONSE OF THE COMMISSIONER\n\nCAUSES OF CONCERN\n\n"
        "Cause of concern: The force is not answering calls quickly enough.\n\n"
        "To address this cause of concern, the inspectorate made two recommendations:\n\n"
        "a) Within six months, the force should answer emergency calls within ten seconds.\n"
        "b) The force should assess risk for every call.\n",
    )
    assert _texts(record["causes_of_concern"]) == [
        "The force is not answering calls quickly enough."
    ]
    assert len(record["recommendations"]) == 2


def test_a_report_of_findings_ending_on_a_colon_hands_over_to_items(tmp_path: Path) -> None:
    """Regression: "The inspectorate found that the force does not … The changes it wants
    to see here are that:" was read as an area for improvement itself."""
    record = _record(
        tmp_path,
        "WHERE THE FORCE MUST IMPROVE\n\n"
        "The inspectorate found that the force does not yet understand its demand. The "
        "changes it wants to see here are that:\n\n"
        "  (i)  The force should complete its review of demand.\n"
        "  (ii) The force should support the wellbeing of its teams.\n",
    )
    assert _texts(record["areas_for_improvement"]) == [
        "The force should complete its review of demand.",
        "The force should support the wellbeing of its teams.",
    ]


def test_a_reader_s_questions_are_sections_not_core_questions(tmp_path: Path) -> None:
    """Regression (blind set m): a web page's "What did they find?" headings were read as
    the inspection's core questions, and the page had no sections."""
    record = _record(
        tmp_path,
        "# Anyshire PEEL 2017: your questions answered\n\n"
        "## What did they find?\n\nInspectors judged Anyshire Police to be good.\n\n"
        "## Where does the force need to get better?\n\n"
        "### How effective is the force at investigating crime?\n\n"
        "The inspectors identified two areas for improvement:\n\n"
        "1. The force should improve its supervision of investigations.\n"
        "2. The force should evaluate what works.\n\n"
        '## What has the force said?\n\nChief Constable Jo Bloggs said: "We accept it."\n',
        name="page.md",
    )
    assert [s["kind"] for s in record["sections"]] == [
        "overall_summary",
        "findings",
        "force_response",
    ]
    [question] = record["core_questions"]
    assert question["text"] == "How effective is the force at investigating crime?"
    assert _texts(question["areas_for_improvement"]) == [
        "The force should improve its supervision of investigations.",
        "The force should evaluate what works.",
    ]


def test_sub_headings_of_findings_name_areas_that_group_items(tmp_path: Path) -> None:
    """Regression (blind set m): "### Investigating crime" under "## Findings by area"
    grouped its AFIs as a question does; they were read as the whole report's."""
    record = _record(
        tmp_path,
        "# PCC response\n\n## Findings by area\n\n### Investigating crime\n\n"
        "**AFI 1** The force should supervise investigations effectively.\n\n"
        "### Tackling serious and organised crime\n\n"
        "HMIC did not identify any areas for improvement for this question.\n\n"
        "## Comments from the Chief Constable\n\nWe accept the report.\n",
        name="response.md",
    )
    assert [(q["number"], q["text"], q["note"]) for q in record["core_questions"]] == [
        (None, "Investigating crime", None),
        (
            None,
            "Tackling serious and organised crime",
            "HMIC did not identify any areas for improvement for this question.",
        ),
    ]
    assert _texts(record["core_questions"][0]["areas_for_improvement"]) == [
        "The force should supervise investigations effectively."
    ]
    assert record["areas_for_improvement"] == []


def test_a_bold_line_of_its_own_is_a_heading_in_a_word_file(tmp_path: Path) -> None:
    """Regression (blind set l): Word responses that mark headings in bold Normal
    paragraphs lost their response sections, and the commissioner's own list was read
    as areas for improvement."""
    import docx

    document = docx.Document()
    for text, bold in [
        ("Areas for improvement for Anyshire Police", True),
        ("The inspectorate identified one area for improvement:", False),
        ("The force should train its officers.", False),
        ("How Anyshire Police is responding", True),
        ("The Chief Constable has accepted the report.", False),
        ("Response on behalf of the Commissioner", True),
        ("To support the force, the office will:", False),
        ("fund a second advocate.", False),
    ]:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = bold
    path = tmp_path / "response.docx"
    document.save(str(path))
    record = record_of(path, accept_unrecognised=True)
    assert [s["kind"] for s in record["sections"]] == [
        "findings",
        "force_response",
        "pcc_response",
    ]
    assert _texts(record["areas_for_improvement"]) == ["The force should train its officers."]


def test_a_row_is_unfolded_into_a_section_only_where_its_label_names_one() -> None:
    """Loaders report a two-column row both ways (the row, and its label over its
    content); the role stage takes the section where the label names one, with more
    than a form's value beside it."""
    at = Location(None, 1, 1)

    def row(label: str, content: str) -> Block:
        return Block(
            BlockKind.TABLE_ROW,
            f"{label}\n{content}",
            at,
            cells=(label, content),
            unfolded=(
                Block(BlockKind.HEADING, label, at, level=2),
                Block(BlockKind.PARAGRAPH, content, at),
            ),
        )

    blocks = assign_roles(
        [
            row("Title of inspection", "PEEL: Police effectiveness 2017 – Anyshire Police"),
            row("Findings", "Question 1: How effective is the force at preventing crime?"),
            row("Graded", "No – custody inspections are not graded"),
        ]
    )
    assert [(b.kind, b.role, b.cue) for b in blocks] == [
        (BlockKind.TABLE_ROW, Role.BODY, None),
        (BlockKind.HEADING, Role.SECTION, "findings"),
        (BlockKind.PARAGRAPH, Role.BODY, None),
        (BlockKind.TABLE_ROW, Role.BODY, None),
    ]


def _pdf_table(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()

    def heading(text: str) -> None:
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)

    def paragraph(text: str) -> None:
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)

    heading("Response to the HMICFRS report on Anyshire Police")
    paragraph(
        "HMICFRS published its crime data integrity inspection of Anyshire Police on "
        "25 October 2018. The table below sets out what the report said and what the "
        "force and the office of the Commissioner are doing about each point."
    )
    heading("Findings")
    with pdf.table(col_widths=(95, 95)) as table:
        for cells in (header, *rows):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(3)
    heading("Commissioner's comments")
    paragraph(
        "I accept the findings of the report and will review the force's progress at "
        "every meeting of my accountability board until the work is complete."
    )
    pdf.output(str(path))


def test_a_ruled_pdf_table_is_found_by_its_layout_and_rows_by_their_labels(
    tmp_path: Path,
) -> None:
    """Regression (blind set n): a two-column PDF table whose titles name no item kind
    ("What HMICFRS said | What we are doing") was read line by line, the two columns
    interleaved; each row's own label ("Recommendation 1") names its item's kind."""
    path = tmp_path / "response.pdf"
    _pdf_table(
        path,
        ("What HMICFRS said", "What we are doing"),
        [
            (
                "Cause of concern\nAnyshire Police is not recording all reports of crime "
                "that it should.",
                "Accepted in full. An improvement board chaired by the deputy chief "
                "constable meets monthly.",
            ),
            (
                "Recommendation 1\nWithin three months, the force should put in place "
                "arrangements to audit its crime recording decisions.",
                "Complete. Audits began in January and are reported to the board.",
            ),
        ],
    )
    record = record_of(path, accept_unrecognised=True)
    assert _texts(record["causes_of_concern"]) == [
        "Anyshire Police is not recording all reports of crime that it should."
    ]
    [recommendation] = record["recommendations"]
    assert recommendation["text"] == (
        "Within three months, the force should put in place arrangements to audit its "
        "crime recording decisions."
    )
    assert recommendation["response"] == (
        "Complete. Audits began in January and are reported to the board."
    )


def test_marks_in_a_column_of_a_pdf_form_are_boxes(tmp_path: Path) -> None:
    """Regression (corpus): a Word form printed to PDF ticks its options with an "X" in a
    column of its own; the unmarked options beside them are unticked boxes."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "INSPECTION DETAILS", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    for label, option, mark in [
        ("Type of Inspection:", "Anyshire Specific", "X"),
        ("", "Follow Up", ""),
        ("", "National", "X"),
        ("", "Thematic", ""),
    ]:
        pdf.cell(50, 6, label)
        pdf.cell(60, 6, option)
        pdf.cell(10, 6, mark, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "EXECUTIVE SUMMARY", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 6, "HMICFRS published its report on Anyshire Police on 2 May 2019.")
    path = tmp_path / "form.pdf"
    pdf.output(str(path))
    record = record_of(path, accept_unrecognised=True)
    assert [(t["label"], t["checked"]) for t in record["inspection"]["types"]] == [
        ("Anyshire Specific", True),
        ("Follow Up", False),
        ("National", True),
        ("Thematic", False),
    ]


def test_parts_labels_and_lettered_items(tmp_path: Path) -> None:
    """Regression (blind set n): "Part C: The report's recommendations" is a section's
    heading; "R1", "C1" and "AFI1" label items of their kinds, an item's first line
    of eight words is no label, and a heading whose head names a kind ("Causes of
    concern and the recommendations that go with them") sets it."""
    record = _record(
        tmp_path,
        "Response to the HMICFRS report\n\nPart B: What the inspectors found\n\n"
        "Q1. How effective is the force at protecting vulnerable people?\n\n"
        "C1   The force does not consistently identify vulnerable people when\n"
        "     they first call.\n\n"
        "R1   By 31 July 2017, the force should review its call-handling procedures.\n\n"
        "AFI1 The force should improve the supervision of\n"
        "     investigations, so that lines of enquiry are followed up.\n\n"
        "Part C: The Commissioner's response\n\nI welcome the report.\n",
    )
    assert [s["kind"] for s in record["sections"]] == ["findings", "pcc_response"]
    assert _texts(record["causes_of_concern"]) == [
        "The force does not consistently identify vulnerable people when they first call."
    ]
    assert _texts(record["recommendations"]) == [
        "By 31 July 2017, the force should review its call-handling procedures."
    ]
    assert _texts(record["core_questions"][0]["areas_for_improvement"]) == [
        "The force should improve the supervision of investigations, so that lines of "
        "enquiry are followed up."
    ]


def test_a_heading_s_head_word_names_the_kind_of_its_items(tmp_path: Path) -> None:
    record = _record(
        tmp_path,
        "# Response\n\n## Causes of concern and the recommendations that go with them\n\n"
        "1. The force is not managing risk effectively. The force should:\n"
        "   - review every overdue risk assessment; and\n"
        "   - clear the backlog of home visits.\n\n"
        "## The Commissioner's view\n\nI welcome it.\n",
        name="response.md",
    )
    [cause] = record["causes_of_concern"]
    assert cause["sub_items"] == [
        "review every overdue risk assessment; and",
        "clear the backlog of home visits.",
    ]
    assert record["areas_for_improvement"] == []


def test_a_blog_post_s_unknown_headings_open_sections(tmp_path: Path) -> None:
    """Regression (blind set o): a page with no title heading, whose headings were all
    unknown wordings, put everything before the first known one in its preamble (its
    cause of concern lost); a bold "Recommendation:" label opened a section; "I've
    copied them here word for word:" handed on the kind named before it."""
    record = _record(
        tmp_path,
        "Last Thursday the inspectorate published its PEEL report on Anyshire "
        "Constabulary, and I promised I would always tell you what the inspectors said.\n\n"
        "## Where the force needs to do better\n\n"
        "The inspectors raised one **cause of concern**:\n\n"
        "> The constabulary isn't answering emergency calls quickly enough.\n\n"
        "**Recommendation:**\n\n"
        "> By 30 September 2022, the constabulary should answer calls within standards.\n\n"
        "They also set out two **areas for improvement**. I've copied them here word for "
        "word, because you should see exactly what was said:\n\n"
        "1. The constabulary should record equality data for stop and search.\n"
        "2. The constabulary should improve how it supervises investigations.\n\n"
        '## What the Chief Constable says\n\nChief Constable Jo Bloggs said: "We accept it."\n',
        name="post.md",
    )
    assert [s["kind"] for s in record["sections"]] == ["findings", "force_response"]
    assert _texts(record["causes_of_concern"]) == [
        "The constabulary isn't answering emergency calls quickly enough."
    ]
    assert len(record["recommendations"]) == 1
    assert _texts(record["areas_for_improvement"]) == [
        "The constabulary should record equality data for stop and search.",
        "The constabulary should improve how it supervises investigations.",
    ]


def test_a_disclosure_s_label_asks_the_question_over_its_items(tmp_path: Path) -> None:
    """Regression (blind set o): a page's questions in <details>/<summary> accordions,
    the number in a <span> run up against the question, were lost."""
    record = _record(
        tmp_path,
        "<html><body><main><h1>Our response: PEEL legitimacy 2017</h1>"
        "<h2>About the inspection</h2><p>HMICFRS published its report on Anyshire Police "
        "on 12 December 2017.</p><h2>What the inspectors found</h2>"
        "<details open><summary><span>Question 1</span>To what extent does the force treat "
        "people fairly?</summary><div><p>Areas for improvement</p><ul>"
        "<li>The force should review body-worn video of stop and search.</li></ul></div>"
        "</details><h2>Commissioner's response</h2><p>I welcome the report.</p>"
        "</main></body></html>",
        name="page.html",
    )
    [question] = record["core_questions"]
    assert (question["number"], question["text"]) == (
        1,
        "To what extent does the force treat people fairly?",
    )
    assert _texts(question["areas_for_improvement"]) == [
        "The force should review body-worn video of stop and search."
    ]
    assert record["sections"][0]["kind"] == "executive_summary"


def test_a_schedule_of_records_with_dotted_leaders(tmp_path: Path) -> None:
    """Regression (blind set o): a fixed-width schedule gives each finding as a record
    ("Category ...... Recommendation", "Finding ...... Within three months, …") under
    "PART C  SCHEDULE OF FINDINGS"; its rows ran together and no item was read."""
    record = _record(
        tmp_path,
        "HMICFRS INSPECTION ASSURANCE SCHEDULE\n\n"
        "PART C   SCHEDULE OF FINDINGS\n-----------------------------\n\n"
        "Ref R1\n"
        "  Category .............. Recommendation\n"
        "  Finding ............... Within three months, the force should put in\n"
        "                          place a plan to record crimes at first contact.\n"
        "  Force lead ............ Head of Control Room\n\n"
        "Ref A1\n"
        "  Category .............. Area for improvement\n"
        "  Finding ............... The force should improve the way it records\n"
        "                          crimes reported by other agencies.\n"
        "  Force lead ............ Head of Safeguarding\n\n"
        "PART D   COMMISSIONER'S ASSESSMENT\n---------------------------------\n\n"
        "I accept the findings in full.\n",
    )
    assert _texts(record["recommendations"]) == [
        "Within three months, the force should put in place a plan to record crimes at "
        "first contact."
    ]
    assert _texts(record["areas_for_improvement"]) == [
        "The force should improve the way it records crimes reported by other agencies."
    ]


def test_parts_by_their_labels_and_a_form_under_one(tmp_path: Path) -> None:
    """Regression: "Part A – The report" over a form's rows (dotted leaders or colons)
    is the details section, its date read; "Section 55 response" is no part's label."""
    record = _record(
        tmp_path,
        "Section 55 response to the HMICFRS PEEL inspection of Anyshire Police\n\n"
        "Part A - The report\n\n"
        "Report title ......... PEEL 2018/19 - An inspection of Anyshire Police\n"
        "Published ............ 2 May 2019\n"
        "Scope ................ Force\n\n"
        "Part B - Response of the Police and Crime Commissioner\n\n"
        "I welcome the report.\n",
    )
    assert [s["kind"] for s in record["sections"]] == ["inspection_details", "pcc_response"]
    assert record["inspection"]["published"] == "2019-05-02"


def test_a_bilingual_response_reads_its_headings_and_items_in_english(tmp_path: Path) -> None:
    """Regression (blind set o): "Welsh / English" headings named no section, and once
    they did, the Welsh list was read as items beside the English one."""
    record = _record(
        tmp_path,
        "# Ymateb y Comisiynydd / Commissioner's Response to HMICFRS\n\n"
        "## Meysydd i'w Gwella / Areas for Improvement\n\n"
        "Nododd yr arolygiaeth y meysydd canlynol i'w gwella:\n\n"
        "- Dylai'r heddlu ddatblygu ei ddealltwriaeth o'r galw sy'n llai amlwg yn yr ardal.\n\n"
        "The inspectorate identified the following areas for improvement:\n\n"
        "- The force should develop its understanding of less visible demand in the area.\n\n"
        "## Ymateb y Comisiynydd / Commissioner's Response\n\nI welcome the report.\n",
        name="response.md",
    )
    assert [s["kind"] for s in record["sections"]] == ["findings", "pcc_response"]
    assert _texts(record["areas_for_improvement"]) == [
        "The force should develop its understanding of less visible demand in the area."
    ]


def test_rules_from_one_document_hold_on_others(tmp_path: Path) -> None:
    """Regressions (blind set p, written to test rules added for single documents): a
    lead-in naming its kind is not handed the kind of the sentence before it; "AFI 1"
    beside its text in a form's columns labels one item, not a section; "How is the
    force responding?" is a reader's question; a record's finding in any voice."""
    record = _record(
        tmp_path,
        "# Our response\n\n## How did the force do?\n\nHMICFRS judged it good.\n\n"
        "## Where does the force need to improve?\n\n"
        "The report did not identify any causes of concern. The inspectorate did set out "
        "these areas for improvement:\n\n"
        "- The force should improve how it answers repeat victims' calls.\n\n"
        '## How is the force responding?\n\nChief Constable Jo Bloggs said: "We accept it."\n',
        name="page.md",
    )
    assert record["causes_of_concern"] == []
    assert record["core_questions"] == []
    assert _texts(record["areas_for_improvement"]) == [
        "The force should improve how it answers repeat victims' calls."
    ]
    assert record["sections"][-1]["kind"] == "force_response"
    schedule = _record(
        tmp_path,
        "CUSTODY INSPECTION: SCHEDULE\n\nPART C   SCHEDULE OF FINDINGS\n\n"
        "Finding type ........ Cause of concern\n"
        "Wording ............. Oversight of the use of force in custody was inadequate.\n\n"
        "Q1. How effective is the force at keeping people safe?\n\n"
        "    AFI 1  The force should ensure that its neighbourhood officers are not\n"
        "           routinely taken away from their communities.\n",
        name="schedule.txt",
    )
    assert _texts(schedule["causes_of_concern"]) == [
        "Oversight of the use of force in custody was inadequate."
    ]
    assert [s["kind"] for s in schedule["sections"]] == ["findings"]
