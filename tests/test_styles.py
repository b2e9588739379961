"""House styles other than the Cleveland form: read through vocabulary and structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import record_of

STYLES = Path(__file__).parent / "fixtures" / "styles"


def test_paper_with_its_own_headings() -> None:
    """Introduction / Summary of findings / Areas for improvement / … / Commissioner's comments."""
    record = record_of(STYLES / "paper.md")
    assert [s["kind"] for s in record["sections"]] == [
        "executive_summary",
        "overall_summary",
        "findings",
        "findings",  # "Recommendations", a heading of the same rank as the AFIs'
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


def _table_pdf(path: Path) -> None:
    """A response whose recommendations are a bordered Recommendation | Response | Owner table."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.add_page()

    def heading(text: str) -> None:
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)

    heading("RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF GWENT POLICE")
    heading("INSPECTION DETAILS")
    for label, value in (
        ("Title of Inspection", "Crime Data Integrity inspection 2018"),
        ("Date Inspection Published", "20 March 2018"),
    ):
        pdf.cell(70, 6, label)
        pdf.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    heading("OVERALL JUDGEMENT")
    pdf.multi_cell(0, 6, "HMICFRS graded Gwent Police as ‘Good’.", new_x="LMARGIN", new_y="NEXT")
    heading("FINDINGS")
    with pdf.table(col_widths=(90, 60, 40)) as table:
        for cells in (
            ("Recommendation", "Response", "Owner"),
            (
                "Within three months, the force should ensure that all staff who record crime "
                "understand the national crime recording standard.",
                "Accepted. Training delivered to all call handlers.",
                "ACC Crime",
            ),
            (
                "By 1 September 2018, the force should audit its recording of rape.",
                "Accepted.",
                "Force Crime Registrar",
            ),
        ):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    heading("PCC RESPONSE TO INSPECTION")
    pdf.multi_cell(0, 6, "Police and Crime Commissioner Jeff Cuthbert said: “I welcome it.”")
    pdf.output(str(path))


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_pdf_table_of_recommendations(tmp_path: Path, engine: str) -> None:
    """Multi-line cells stay together: one item per row, with its response."""
    path = tmp_path / "table.pdf"
    _table_pdf(path)
    record = record_of(path, engine=engine)
    assert [(r["text"], r["response"]) for r in record["recommendations"]] == [
        (
            "Within three months, the force should ensure that all staff who record crime "
            "understand the national crime recording standard.",
            "Accepted. Training delivered to all call handlers.",
        ),
        ("By 1 September 2018, the force should audit its recording of rape.", "Accepted."),
    ]
    assert [[d["date"] for d in r["deadlines"]] for r in record["recommendations"]] == [
        ["2018-06-20"],
        ["2018-09-01"],
    ]
    assert all(r["location"]["page"] == 1 for r in record["recommendations"])


def test_labelled_items_and_short_question_labels() -> None:
    """ "Area for improvement 1: …" items, "Q1." questions, numbered headings, name-first roles."""
    record = record_of(STYLES / "labelled.txt")
    assert [s["kind"] for s in record["sections"]] == [
        "inspection_details",
        "overall_judgement",
        "findings",
        "force_response",
        "pcc_response",
    ]
    assert record["inspection"]["published"] == "2017-11-09"
    assert (record["judgement"]["grade"], record["judgement"]["previous_grade"]) == ("Good", "Good")
    questions = record["core_questions"]
    assert [(q["number"], [a["text"] for a in q["areas_for_improvement"]]) for q in questions] == [
        (1, ["The force should improve its understanding of hidden demand."]),
        (2, ["The force should review its shift patterns."]),
    ]
    [recommendation] = record["recommendations"]
    assert recommendation["question"] == 2
    assert recommendation["text"].startswith("By 31 March 2018, the force should publish")
    assert [d["date"] for d in recommendation["deadlines"]] == ["2018-03-31"]
    assert record["chief_constable"] == "Ben-Julian Harrington"
    assert record["commissioner"] == "Roger Hirst"
    assert record["force"] == "Essex Police"


def test_unnumbered_graded_areas() -> None:
    """PEEL 2021 onwards: named areas, each with its grade; items keep their area's text."""
    record = record_of(STYLES / "graded-areas.md")
    assert record["force"] == "Avon and Somerset Constabulary"
    assert record["judgement"]["grade"] is None
    assert [(q["number"], q["text"], q["grade"]) for q in record["core_questions"]] == [
        (None, "Investigating crime", "Adequate"),
        (None, "Protecting vulnerable people", "Good"),
        (None, "Responding to the public", "Requires improvement"),
    ]
    assert record["core_questions"][1]["note"] == "No areas for improvement were identified."
    for kind in ("recommendations", "causes_of_concern"):
        [item] = record[kind]
        assert (item["question"], item["question_text"]) == (None, "Responding to the public")
    assert record["warnings"] == []


def test_area_graded_report_with_labels_above_its_items() -> None:
    """PEEL 2023 onwards: items under bold labels ("Area for improvement 1", "Cause of
    concern"). Regressions: the summary's "graded as good in one area, adequate in
    four areas" gave the overall grade Good; a cause of concern in a contracted
    voice ("The force isn't answering …") was not read as an item."""
    record = record_of(STYLES / "peel-area-labels.md")
    assert (record["judgement"]["grade"], record["judgement"]["previous_grade"]) == (None, None)
    assert [
        (q["text"], q["grade"], [a["text"][:40] for a in q["areas_for_improvement"]])
        for q in record["core_questions"]
    ] == [
        (
            "Investigating crime",
            "Requires improvement",
            [
                "The force should make sure that its inve",
                "The force should make sure that supervis",
            ],
        ),
        ("Protecting vulnerable people", "Adequate", ["The force should improve how it manages "]),
        ("Responding to the public", "Inadequate", []),
    ]
    [cause] = record["causes_of_concern"]
    assert cause["text"] == (
        "The force isn't answering emergency and non-emergency calls quickly enough."
    )
    assert cause["question_text"] == "Responding to the public"
    [recommendation] = record["recommendations"]
    assert recommendation["sub_items"] == [
        "make sure that it has enough call handlers; and",
        "reduce the number of abandoned non-emergency calls.",
    ]
    assert recommendation["deadlines"] == [{"text": "Within three months", "date": "2024-08-09"}]
    assert (record["commissioner"], record["chief_constable"]) == ("Alex Morgan OBE", "Sam Patel")


def test_first_person_web_page_in_sentence_case() -> None:
    """A PCC's web page: sentence-case headings ("What HMICFRS found", "My response"),
    the office above the title and signed at the end, a quote credited to "the
    Commissioner". Regressions: no heading was recognised, so the document was
    refused; the commissioner was "West Mercia"; "HMICFRS inspection: …" gave no
    title; the three PEEL pillars' grades gave an overall Good; the PCC's quote was
    lost for want of a name beside it."""
    record = record_of(STYLES / "first-person-web.txt")
    assert [(s["kind"], s["heading"]) for s in record["sections"]] == [
        ("executive_summary", "Introduction"),
        ("findings", "What HMICFRS found"),
        ("force_response", "What the force is doing"),
        ("pcc_response", "My response"),
    ]
    assert record["inspection"]["title"] == "PEEL 2018/19 - West Mercia Police"
    assert record["inspection"]["published"] == "2019-09-27"
    assert (record["commissioner"], record["chief_constable"]) == ("Dana Price", "Robin Hale")
    assert record["judgement"]["grade"] is None
    assert [a["text"] for a in record["areas_for_improvement"]] == [
        "The force should improve how it identifies and records vulnerability.",
        "The force should make sure it has enough trained detectives.",
    ]
    assert record["causes_of_concern"][0]["text"] == (
        "The force doesn't have a clear understanding of demand."
    )
    assert record["pcc_response"]["statements"] == [
        {
            "speaker": "Dana Price",
            "role": "Commissioner",
            "text": "I am pleased that the public can have confidence in their police",
        }
    ]
    assert [w["code"] for w in record["warnings"]] == ["no_judgement"]


def test_first_person_web_page_as_pdftotext_prints_it() -> None:
    """The same page through pandoc, LibreOffice and `pdftotext -layout` (no blank
    lines, typographic apostrophes): the form's rows, the people and the items are
    read as from the spaced text. Regression: the form's rows ran into the line
    above them, and the title was lost."""
    packed = record_of(STYLES / "first-person-web.pdftotext.txt")
    expected = record_of(STYLES / "first-person-web.txt")
    assert [s["kind"] for s in packed["sections"]] == [s["kind"] for s in expected["sections"]]
    assert packed["warnings"] == expected["warnings"]
    for field in ("inspection", "commissioner", "chief_constable", "judgement"):
        assert packed[field] == expected[field], field
    for kind in ("areas_for_improvement", "causes_of_concern"):
        assert [i["text"].replace("’", "'") for i in packed[kind]] == [
            i["text"] for i in expected[kind]
        ]


def test_labels_with_asides_run_in_numbers_and_typed_letters() -> None:
    """Regressions: "Recommendation 1 (by 6 February 2020):" was not read as a label
    (the item went under the cause of concern before it, its deadline with it);
    "AFI2 –" (number run into the label) was dropped; "* (a) …" points were items
    of their own, not the recommendation's sub-items."""
    record = record_of(STYLES / "label-asides.md")
    [first, second] = record["recommendations"]
    assert first["text"] == "The force should put in place a plan to:"
    assert first["sub_items"] == [
        "improve the knowledge of call handlers; and",
        "audit crime recording every month.",
    ]
    assert first["deadlines"] == [{"text": "by 6 February 2020", "date": "2020-02-06"}]
    assert second["deadlines"] == [{"text": "Within six months", "date": "2020-02-06"}]
    assert [a["text"] for a in record["areas_for_improvement"]] == [
        "The force should improve how it records modern slavery crimes by the end of March 2020.",
        "The force should make sure its crime registrar has enough staff.",
    ]
    assert [c["text"] for c in record["causes_of_concern"]] == [
        "The force is not recording all reports of violent crime."
    ]
    assert record["inspection"]["published"] == "2019-08-06"


def test_numbered_causes_each_with_a_labelled_recommendation() -> None:
    """A custody inspection: causes of concern numbered 1, 2, each followed by its
    "Recommendation:"; then areas for improvement numbered on from 3. Regression:
    after the first "Recommendation:", cause 2 was read as a recommendation."""
    record = record_of(STYLES / "custody-numbered-causes.txt")
    assert [c["text"] for c in record["causes_of_concern"]] == [
        "The force did not have effective oversight of the use of force in custody.",
        "Detainees' rights were not always explained.",
    ]
    assert [(r["text"], r["sub_items"]) for r in record["recommendations"]] == [
        (
            "The force should ensure that:",
            ["all use of force is recorded; and", "supervisors review every incident."],
        ),
        ("The force should make sure every detainee is told their rights on arrival.", []),
    ]
    assert len(record["areas_for_improvement"]) == 6
    assert record["inspection"]["types"][0] == {"label": "Gwent Specific", "checked": True}
    assert record["office_use"] == {
        "forwarded_to_home_office": True,
        "published_on_pcc_website": True,
    }


def test_form_values_printed_past_the_next_heading(tmp_path: Path) -> None:
    """Regression: pdfminer's text prints a form's labels, then the next heading,
    then the options, their boxes and the Yes/No; the options and the quoted answer
    were lost (read as the executive summary's opening lines)."""
    path = tmp_path / "pdfminer.txt"
    path.write_text(
        "RESPONSE BY THE PCC TO HMIC INSPECTIONS OF DURHAM CONSTABULARY\n\n"
        "Inspection Details\n\nTitle of Inspection\n\nPEEL: Efficiency 2016\n\n"
        "Date Inspection Published\n\n3 November 2016\n\nType of Inspection:\n\n"
        "Is Durham Constabulary quoted in the \nReport?\n\n"
        "Executive Summary of Report\n\n"
        " Durham Specific\n Follow Up\n Partner Inspection\n National\n Thematic\n\n"
        "☐\n☐\n☐\n☒\n☐\nYes \n\n☒\n\n        No \n\n☐\n\n"
        "On 3 November 2016, HMIC published its findings on the efficiency strand.\n\n"
        "Overall Judgement\n\nHMIC judged Durham Constabulary to be ‘Outstanding’.\n",
        encoding="utf-8",
    )
    record = record_of(path, accept_unrecognised=True)
    assert [(t["label"], t["checked"]) for t in record["inspection"]["types"]] == [
        ("Durham Specific", False),
        ("Follow Up", False),
        ("Partner Inspection", False),
        ("National", True),
        ("Thematic", False),
    ]
    assert record["inspection"]["force_quoted"] is True
    summary = next(s for s in record["sections"] if s["kind"] == "executive_summary")
    assert summary["text"].startswith("On 3 November 2016")


def test_text_with_tabs_crlf_and_numbered_afis() -> None:
    """Regression: a long question line at the marker's indent swallowed the note after it."""
    record = record_of(STYLES / "kent-crlf-tabs.txt")
    questions = record["core_questions"]
    assert [(q["number"], q["note"]) for q in questions] == [
        (1, None),
        (2, "No areas for improvement."),
    ]
    afis = questions[0]["areas_for_improvement"]
    assert [a["text"] for a in afis] == [
        "The force should improve its problem-solving.",
        "The force should evaluate its neighbourhood work, including:",
    ]
    assert afis[1]["sub_items"] == ["rural areas; and", "coastal towns."]
    assert record["inspection"]["force_quoted"] is False
    assert record["inspection"]["published"] == "2017-03-02"
    assert (record["commissioner"], record["chief_constable"]) == ("Matthew Scott", "Alan Pughsley")
    assert record["office_use"] == {
        "forwarded_to_home_office": True,
        "published_on_pcc_website": False,
    }


def test_questions_and_areas_as_markdown_subheadings(tmp_path: Path) -> None:
    """Sub-headings inside findings structure them; they do not open sections of their own."""
    path = tmp_path / "subheadings.md"
    path.write_text(
        "# Response of the PCC for Dyfed-Powys to HMICFRS\n\n"
        "## Inspection details\n\nDate Inspection Published: 1 May 2019\n\n"
        "## Findings\n\n"
        "### How effective is the force at investigating crime?\n\n"
        "- The force should improve supervision.\n\n"
        "### Investigating crime\n\nGrade: Good\n\nNo areas for improvement.\n\n"
        "## Commissioner's comments\n\n"
        "Police and Crime Commissioner Dafydd Llywelyn said: “Good work.”\n",
        encoding="utf-8",
    )
    record = record_of(path)
    assert [s["kind"] for s in record["sections"]] == [
        "inspection_details",
        "findings",
        "pcc_response",
    ]
    assert [(q["text"], len(q["areas_for_improvement"])) for q in record["core_questions"]] == [
        ("How effective is the force at investigating crime?", 1),
        ("Investigating crime", 0),
    ]
    assert [w["code"] for w in record["warnings"] if w["code"] == "unknown_heading"] == []


def test_letter_to_the_chief_inspector_with_an_annex_table(tmp_path: Path) -> None:
    """A letter: its body is the PCC's response; the annex table gives the recommendations."""
    import docx

    document = docx.Document()
    for text in (
        "Office of the Police and Crime Commissioner for Gwent",
        "15 May 2018",
        "Dear Sir Thomas,",
        "Response to HMICFRS Crime Data Integrity inspection of Gwent Police, "
        "published 20 March 2018",
        "I welcome this report and the recognition of the improvement in crime recording.",
        "Yours sincerely,",
        "Jeff Cuthbert",
    ):
        document.add_paragraph(text)
    document.add_paragraph("Police and Crime Commissioner for Gwent")
    document.add_heading("Annex: Recommendations", level=2)
    table = document.add_table(rows=0, cols=3)
    for cells in (
        ("Recommendation", "Response", "Owner"),
        (
            "Within three months, the force should ensure that all staff understand crime "
            "recording.",
            "Accepted. Training delivered.",
            "ACC Crime",
        ),
    ):
        row = table.add_row().cells
        for cell, text in zip(row, cells, strict=True):
            cell.text = text
    path = tmp_path / "letter.docx"
    document.save(str(path))
    record = record_of(path)
    assert [s["kind"] for s in record["sections"]] == ["findings"]
    assert record["pcc_response"]["text"].startswith("Response to HMICFRS")
    assert record["inspection"]["published"] == "2018-03-20"
    assert record["inspection"]["title"] == "Crime Data Integrity inspection of Gwent Police"
    assert record["force"] == "Gwent Police"
    assert record["commissioner"] == "Jeff Cuthbert"
    [recommendation] = record["recommendations"]
    assert recommendation["response"] == "Accepted. Training delivered."
    assert [d["date"] for d in recommendation["deadlines"]] == ["2018-06-20"]


def test_a_short_letter_is_recognised() -> None:
    """One recognised part is enough when the text names the inspectorate and a PCC."""
    record = record_of(STYLES / "short-letter.txt")
    # the letter's body is the commissioner's response, though no heading opens it
    assert record["sections"] == []
    assert record["pcc_response"]["text"]
    assert (record["force"], record["commissioner"]) == ("Kent Police", "Matthew Scott")
    assert "not_recognised" not in [w["code"] for w in record["warnings"]]


def test_decimal_numbering_and_short_item_labels() -> None:
    """ "1.1 The force should …" items, and "Rec 1:" / "AFI 2.1:" labels."""
    record = record_of(STYLES / "decimal-numbering.md")
    assert [
        (q["number"], [a["text"] for a in q["areas_for_improvement"]])
        for q in record["core_questions"]
    ] == [
        (
            1,
            [
                "The force should improve its supervision of investigations.",
                "The force should ensure that victims are updated.",
            ],
        ),
        (2, ["The force should train its staff in coercive control."]),
    ]
    [recommendation] = record["recommendations"]
    assert recommendation["question"] == 2
    assert [d["date"] for d in recommendation["deadlines"]] == ["2019-06-30"]


def test_a_decimal_number_in_prose_is_not_a_marker() -> None:
    from hmic_extract.normalise import split_marker

    assert split_marker("2.5 million crimes were recorded.") is None
    assert split_marker("1.2 The force should act.") is not None


def test_detail_label_variants() -> None:
    """'Report title', 'Date of publication', 'Inspection type', 'Was X quoted …? No'."""
    record = record_of(STYLES / "label-variants.txt")
    assert record["inspection"] == {
        "title": "Stop and search: a thematic review",
        "published": "2021-02-21",
        "types": [
            {"label": "Gloucestershire Specific", "checked": False},
            {"label": "Thematic", "checked": True},
        ],
        "force_quoted": False,
    }
    assert record["force"] == "Gloucestershire Constabulary"
