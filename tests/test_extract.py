"""Field readers: judgement, statements, details and findings on small inputs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hmic_extract.extract.judgement import canonical_grade, read_grades
from hmic_extract.extract.statements import read_statements
from tests.helpers import record_of


@pytest.mark.parametrize(
    ("text", "grade", "previous"),
    [
        (
            "The overall judgement was – ‘Good’. The overall judgement was an improvement on "
            "last year when the force was judged as ‘requires improvement’.",
            "Good",
            "Requires improvement",
        ),
        (
            "HMICFRS judged the force to be ‘requires improvement’. The force was also judged "
            "to require improvement in 2016.",
            "Requires improvement",
            "Requires improvement",
        ),
        (
            "HMIC judged the force to be “Requires Improvement”. In 2015 it was ‘good’.",
            "Requires improvement",
            "Good",
        ),
        ("Not applicable. This was a thematic inspection.", None, None),
        (
            "HMICFRS does not give an overall grade. Areas were graded good and inadequate.",
            None,
            None,
        ),
        ("HMICFRS graded the force as ‘Inadequate’. This was the first time.", "Inadequate", None),
        # regressions (blind set l): the earlier grade named by "the grade it received"
        (
            "The force was judged good at keeping people safe, the grade it also received in 2016.",
            "Good",
            "Good",
        ),
        ("It was judged good, the same grade it received last year.", "Good", "Good"),
        # regression (blind set m): no single grade, said with the forces named between
        (
            "The inspectorate no longer gives forces a single overall grade. It was graded "
            "inadequate for responding to the public.",
            None,
            None,
        ),
    ],
)
def test_grades(text: str, grade: str | None, previous: str | None) -> None:
    found = read_grades(text, 2017)
    assert (found.grade, found.previous) == (grade, previous)


@pytest.mark.parametrize(
    "text",
    [
        "HMICFRS graded the force's performance across nine areas of policing. The force was "
        "graded as good in one area, adequate in four areas and inadequate in one area.",
        "The force was graded outstanding in the area of serious and organised crime.",
        "It was judged to require improvement across three of the nine questions.",
    ],
)
def test_grades_given_area_by_area_are_no_overall_grade(text: str) -> None:
    """Regression: an area-graded (PEEL 2021 onwards) summary counting areas per grade
    gave the first grade named as the overall one ("good in one area" -> Good)."""
    found = read_grades(text, 2024, judged_only=True)
    assert (found.grade, found.previous, found.no_grade_stated) == (None, None, True)


def test_peel_pillars_graded_together_are_no_overall_grade() -> None:
    """Regression: an integrated PEEL assessment grading its three pillars in one
    sentence gave the first pillar's grade as the overall one."""
    found = read_grades(
        "The force was judged to be good at effectiveness, requires improvement at "
        "efficiency and good at legitimacy.",
        2019,
        judged_only=True,
    )
    assert (found.grade, found.previous, found.no_grade_stated) == (None, None, True)


def test_one_pillar_graded_is_the_strand_reports_grade() -> None:
    found = read_grades("HMIC judged the force to be good at effectiveness.", 2016)
    assert found.grade == "Good"


def test_an_overall_grade_beside_area_grades_is_kept() -> None:
    found = read_grades(
        "Overall, HMICFRS judged the force to be good. It was outstanding in one area.", 2024
    )
    assert (found.grade, found.no_grade_stated) == ("Good", False)


def test_canonical_grade_spellings() -> None:
    assert canonical_grade("REQUIRE  improvement") == "Requires improvement"
    assert canonical_grade("good") == "Good"
    assert canonical_grade("excellent") is None


def test_statement_over_paragraphs_with_late_quote() -> None:
    paragraphs = [
        "Chief Constable Iain Spittal has praised the staff.",
        "He said: “First paragraph.",
        "Second paragraph.”",
        "Other prose.",
        "Police and Crime Commissioner Julia O’Hare said: “One.”",
        "“Two.”",
    ]
    quotes = read_statements(paragraphs)
    assert [(q.speaker, q.role, q.text) for q in quotes] == [
        ("Iain Spittal", "Chief Constable", "First paragraph.\n\nSecond paragraph."),
        ("Julia O’Hare", "Police and Crime Commissioner", "One.\n\nTwo."),
    ]


def test_role_without_name_is_not_a_statement() -> None:
    assert read_statements(["I have asked the Chief Constable to report to me: “now”."]) == []


RESPONSE = """\
RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF EXAMPLE CONSTABULARY

INSPECTION DETAILS
Title of Inspection:   Example inspection 2018
Date Inspection Published:   13th September 2018
Type of Inspection:   [X] Example Specific   [ ] National
Is Example Constabulary quoted in the Report?   Yes [ ]   No [X]

OVERALL JUDGEMENT
HMICFRS graded Example Constabulary as ‘Adequate’.

FINDINGS
Cause of concern:

  * The force is not recording crime accurately.

Recommendations:

  * Within three months, the force should:

      a) review its process; and

      b) report by 1 December 2018.

Areas for improvement:

  * The force should improve its training.

1) How effective is the force at investigating crime?

No areas for improvement.

2) How effective is the force at protecting the vulnerable?

PCC RESPONSE TO INSPECTION
Police and Crime Commissioner Ann Example said: “We will act.”
"""


def test_findings_of_a_small_response(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "response.txt"
    path.write_text(RESPONSE, encoding="utf-8")
    record = record_of(path)
    assert record["force"] == "Example Constabulary"
    assert record["inspection"]["force_quoted"] is False
    assert record["inspection"]["published"] == "2018-09-13"
    assert [c["text"] for c in record["causes_of_concern"]] == [
        "The force is not recording crime accurately."
    ]
    [recommendation] = record["recommendations"]
    assert recommendation["sub_items"] == ["review its process; and", "report by 1 December 2018."]
    assert [d["date"] for d in recommendation["deadlines"]] == ["2018-12-13", "2018-12-01"]
    assert [a["text"] for a in record["areas_for_improvement"]] == [
        "The force should improve its training."
    ]
    assert [(q["number"], q["note"]) for q in record["core_questions"]] == [
        (1, "No areas for improvement."),
        (2, None),
    ]
    codes = [w["code"] for w in record["warnings"]]
    assert "question_without_afis" in codes
    assert record["commissioner"] == "Ann Example"
    assert record["chief_constable"] is None


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["The Chief Constable, Iain Spittal, said: “We welcome it.”"],
        ["Iain Spittal, Chief Constable of Cleveland Police, said: “We welcome it.”"],
        ["Chief Constable Iain Spittal said: ‘We welcome it.’"],
        # Regression: the forms below, common in press statements, gave no statement.
        ["Chief Constable Iain Spittal said: 'We welcome it.'"],
        ["“We welcome it.” said Chief Constable Iain Spittal."],
        ["“We welcome it.”, said Iain Spittal, Chief Constable of Cleveland Police."],
        ['"We welcome it." the Chief Constable, Iain Spittal, said.'],
        ["Chief Constable of Cleveland Police Iain Spittal said: “We welcome it.”"],
        ["Chief Constable of Cleveland Police, Iain Spittal, said: “We welcome it.”"],
        ["Iain Spittal, Cleveland’s Chief Constable, said: “We welcome it.”"],
    ],
    ids=[
        "role-comma-name",
        "name-comma-role",
        "single-quotes",
        "straight-single-quotes",
        "quote-then-said-role-name",
        "quote-then-said-name-role",
        "quote-then-role-name-said",
        "role-of-place-name",
        "role-of-place-comma-name",
        "name-comma-possessive-role",
    ],
)
def test_statement_phrasings(paragraphs: list[str]) -> None:
    [quote] = read_statements(paragraphs)
    assert (quote.speaker, quote.role, quote.text) == (
        "Iain Spittal",
        "Chief Constable",
        "We welcome it.",
    )


def test_a_commissioner_named_with_a_place_before_the_name() -> None:
    from hmic_extract.extract.statements import find_named
    from hmic_extract.vocabulary import COMMISSIONER_ROLES

    text = "Police and Crime Commissioner for Sussex Katy Bourne commented on the report."
    assert find_named([text], COMMISSIONER_ROLES) == "Katy Bourne"


def test_sign_off_under_the_office_named_by_its_area() -> None:
    """Regression: "West Mercia Police and Crime Commissioner" heading a web page gave
    the commissioner "West Mercia"; the name signed above the office is the person."""
    from hmic_extract.extract.statements import signed_by
    from hmic_extract.vocabulary import COMMISSIONER_ROLES

    paragraphs = [
        "West Mercia Police and Crime Commissioner",
        "I welcome this report.",
        "Dana Price",
        "West Mercia Police and Crime Commissioner",
    ]
    assert signed_by(paragraphs, COMMISSIONER_ROLES, "West Mercia") == "Dana Price"


def test_options_printed_above_their_centred_label(tmp_path: object) -> None:
    """Regression: a web page printed to PDF centres "Type of Inspection:" beside its
    five options, so the first two came before it, in the date's field: they were
    lost (the date was still read)."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "form.txt"
    path.write_text(
        "RESPONSE BY THE PCC TO HMIC INSPECTIONS OF DURHAM CONSTABULARY\n\n"
        "INSPECTION DETAILS\n\n"
        "Title of Inspection             PEEL: Efficiency 2016\n"
        "Date Inspection Published       3 November 2016\n"
        "                                ☐ Durham Specific\n"
        "                                ☐ Follow Up\n"
        "Type of Inspection:             ☐ Partner Inspection\n"
        "                                ☒ National\n"
        "                                ☐ Thematic\n"
        "Is Durham Constabulary quoted in the Report? Yes ☒ No ☐\n\n"
        "PCC RESPONSE\n\nThe Police and Crime Commissioner welcomed the report.\n",
        encoding="utf-8",
    )
    inspection = record_of(path, accept_unrecognised=True)["inspection"]
    assert [(t["label"], t["checked"]) for t in inspection["types"]] == [
        ("Durham Specific", False),
        ("Follow Up", False),
        ("Partner Inspection", False),
        ("National", True),
        ("Thematic", False),
    ]
    assert (inspection["published"], inspection["force_quoted"]) == ("2016-11-03", True)


def test_a_signature_run_into_the_letter_s_last_line() -> None:
    """Regression: pdftotext's reading order ran the name into the last line above it
    ("… every quarter. Jo Blake"); the commissioner was not found."""
    from hmic_extract.extract.statements import signed_by
    from hmic_extract.vocabulary import COMMISSIONER_ROLES

    paragraphs = [
        "I have asked the Chief Constable to report to me every quarter. Jo Blake",
        "Northamptonshire Police and Crime Commissioner",
    ]
    assert signed_by(paragraphs, COMMISSIONER_ROLES, "Northamptonshire") == "Jo Blake"


@pytest.mark.parametrize(
    ("paragraph", "role", "text"),
    [
        ("“We are pleased,” said the Commissioner.", "Commissioner", "We are pleased"),
        ("The Chief Constable said: “We are pleased.”", "Chief Constable", "We are pleased."),
    ],
)
def test_a_quote_credited_to_a_role_alone(paragraph: str, role: str, text: str) -> None:
    """The speaker is left empty for the record to fill with the role's holder."""
    [quote] = read_statements([paragraph])
    assert (quote.speaker, quote.role, quote.text) == ("", role, text)


def test_a_role_named_without_a_quote_is_no_statement() -> None:
    assert read_statements(["I welcome what the Chief Constable said about demand."]) == []


def test_apostrophes_do_not_end_a_single_quoted_statement() -> None:
    [quote] = read_statements(["PCC Jane Doe said: ‘We’re pleased, and it’s right.’"])
    assert quote.text == "We’re pleased, and it’s right."


def test_sign_off_names() -> None:
    from hmic_extract.extract.statements import signed_by
    from hmic_extract.vocabulary import COMMISSIONER_ROLES

    assert signed_by([], COMMISSIONER_ROLES) is None  # regression: crashed on no paragraphs
    assert signed_by(
        ["Yours sincerely,", "Jeff Cuthbert", "Police and Crime Commissioner for Gwent"],
        COMMISSIONER_ROLES,
    ) == ("Jeff Cuthbert")
    assert (
        signed_by(["The Cleveland Police and Crime Commissioner spoke."], COMMISSIONER_ROLES)
        is None
    )


def test_a_deputy_mayor_answers_for_the_commissioner() -> None:
    from hmic_extract.extract.statements import find_named
    from hmic_extract.vocabulary import COMMISSIONER_ROLES

    text = "Deputy Mayor for Policing and Crime Sophie Linden said: “We will act.”"
    [quote] = read_statements([text])
    assert (quote.speaker, quote.role) == ("Sophie Linden", "Deputy Mayor for Policing and Crime")
    assert find_named([text], COMMISSIONER_ROLES) == "Sophie Linden"


@pytest.mark.parametrize(
    ("text", "grade", "previous"),
    [
        (
            "The force was judged good, an improvement from ‘requires improvement’ in 2016.",
            "Good",
            "Requires improvement",
        ),
        (
            "The force was graded ‘good’ (2016: ‘requires improvement’).",
            "Good",
            "Requires improvement",
        ),
        ("The force was judged to be good. This is the same as last year.", "Good", "Good"),
        ("The force has maintained its ‘outstanding’ grade.", "Outstanding", "Outstanding"),
        # Regression: a grade dated by the year after it, or marked "now", was read
        # by its place before the first earlier-year cue.
        (
            "The force was judged as ‘requires improvement’ in 2016 and is now judged ‘good’.",
            "Good",
            "Requires improvement",
        ),
        (
            "The force was judged as ‘requires improvement’ in 2016 and ‘good’ in 2017.",
            "Good",
            "Requires improvement",
        ),
        ("Grade: Inadequate (2016: Good)", "Inadequate", "Good"),
    ],
)
def test_previous_grade_phrasings(text: str, grade: str, previous: str) -> None:
    found = read_grades(text, 2017)
    assert (found.grade, found.previous) == (grade, previous)


def test_type_options_carried_past_the_quoted_question(tmp_path: object) -> None:
    """Regression: pdftotext's reading order printed the second column of type options
    after "Is … quoted?"; those options were lost. Yes/No stay the quoted answer."""
    from pathlib import Path

    form = (
        "INSPECTION DETAILS\nTitle of Inspection\n\nPEEL: Example 2016\n\n"
        "Date Inspection Published\n\n2 March 2017\n\nType of Inspection:\n\n"
        "☐ Force Specific\n☐ Follow Up\n\nIs Example Police quoted in the Report?\n\n"
        "Yes ☒\n\n☒ National\n☐ Thematic\n\nNo ☐\n\n"
    )
    path = Path(str(tmp_path)) / "response.txt"
    start, end = RESPONSE.index("INSPECTION DETAILS"), RESPONSE.index("OVERALL JUDGEMENT")
    path.write_text(RESPONSE[:start] + form + RESPONSE[end:], encoding="utf-8")
    inspection = record_of(path)["inspection"]
    assert inspection["force_quoted"] is True
    assert [(t["label"], t["checked"]) for t in inspection["types"]] == [
        ("Force Specific", False),
        ("Follow Up", False),
        ("National", True),
        ("Thematic", False),
    ]


@pytest.mark.parametrize(
    ("answer", "quoted"),
    [
        ("Yes No\n☒ ☐", True),
        ("No Yes\n☒ ☐", False),
        ("Yes No\n☐ ☐", None),
    ],
    ids=["yes", "no-first", "neither"],
)
def test_quoted_answer_as_labels_over_boxes(
    tmp_path: object, answer: str, quoted: bool | None
) -> None:
    """Regression: pdftotext -raw prints the Yes/No answer's labels on one line and its
    boxes on the next; the answer was lost."""
    from pathlib import Path

    form = (
        "INSPECTION DETAILS\nTitle of Inspection PEEL: Example 2016\n"
        "Date Inspection Published 2 March 2017\n"
        f"Is Example Police quoted in the Report? {answer}\n\n"
    )
    path = Path(str(tmp_path)) / "response.txt"
    start, end = RESPONSE.index("INSPECTION DETAILS"), RESPONSE.index("OVERALL JUDGEMENT")
    path.write_text(RESPONSE[:start] + form + RESPONSE[end:], encoding="utf-8")
    assert record_of(path)["inspection"]["force_quoted"] is quoted


# A response in markdown whose form sits above the first heading and whose
# questions are third-level headings with items under labels and headings.
HEADED = """# Response of the Police and Crime Commissioner to the HMICFRS report

Inspection: PEEL: Police effectiveness 2019
Date published: 2 May 2019

This response was agreed with the Chief Constable of Example Constabulary.

## Findings

### Question 1: How effective is the force at keeping people safe?

Areas for improvement:

1. The force should improve how it identifies repeat victims.

#### Recommendations

- The force should review its use of stop and search.

### Question 2: How effective is the force at protecting vulnerable people?

**Cause of concern**

The force should improve its response to missing children.

## Recommendations

1. By 31 March 2020, the force should publish a workforce plan.

## PCC response

I welcome the report.
"""


def test_a_heading_above_the_question_ends_it(tmp_path: object) -> None:
    """Regression: "## Recommendations" after "### Question 2" put the recommendation
    under question 2; a label or deeper heading inside a question keeps it there."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "response.md"
    path.write_text(HEADED, encoding="utf-8")
    record = record_of(path, accept_unrecognised=True)
    assert [(r["text"][:22], r["question"]) for r in record["recommendations"]] == [
        ("The force should revie", 1),
        ("By 31 March 2020, the ", None),
    ]
    assert [(c["text"][:22], c["question"]) for c in record["causes_of_concern"]] == [
        ("The force should impro", 2)
    ]
    assert [len(q["areas_for_improvement"]) for q in record["core_questions"]] == [1, 0]


def test_a_form_above_the_first_heading_is_read(tmp_path: object) -> None:
    """Regression: labelled lines before any "Inspection details" heading were not read
    as the form; the prose after them is not taken as a value."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "response.md"
    path.write_text(HEADED, encoding="utf-8")
    inspection = record_of(path, accept_unrecognised=True)["inspection"]
    assert inspection["title"] == "PEEL: Police effectiveness 2019"
    assert inspection["published"] == "2019-05-02"


@pytest.mark.parametrize(
    "note",
    [
        "No areas for improvement were identified.",
        "There were no areas for improvement for this question.",
        "HMIC did not identify any areas for improvement.",
        "The inspectorate has not made any recommendations for this question.",
    ],
)
def test_a_question_with_no_items_keeps_its_note(tmp_path: object, note: str) -> None:
    """Regression for the third and fourth phrasings, which read as no note at all."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "response.txt"
    path.write_text(
        "RESPONSE TO HMIC PEEL: POLICE EFFICIENCY 2017\n\nFINDINGS\n\n"
        "Question 1: How well does the force understand demand?\n\n"
        "AFI 1: The force should develop its understanding of demand.\n\n"
        f"Question 2: How well is the force planning for the future?\n\n{note}\n\n"
        "PCC'S RESPONSE\n\nThe Police and Crime Commissioner welcomed the report.\n",
        encoding="utf-8",
    )
    record = record_of(path, accept_unrecognised=True)
    assert [q["note"] for q in record["core_questions"]] == [None, note]
    assert "question_without_afis" not in [w["code"] for w in record["warnings"]]


@pytest.mark.parametrize(("label_size", "question"), [(11, 2), (15, None)])
def test_a_heading_in_larger_type_ends_a_pdf_question(
    tmp_path: object, label_size: int, question: int | None
) -> None:
    """Regression: PDF headings carry no levels, so "Recommendations" set larger than
    the questions (a section of its own) still put its items under the last question;
    set as large as the questions, it is a label inside the question."""
    from pathlib import Path

    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()

    def line(text: str, size: int, style: str = "") -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)

    line("RESPONSE TO HMICFRS PEEL: POLICE EFFECTIVENESS 2019", 16, "B")
    line("Findings", 15, "B")
    for number in (1, 2):
        line(f"Question {number}: How effective is the force at its task {number}?", 11, "B")
        line("Areas for improvement", 11, "B")
        line(f"The force should improve its work on task {number}.", 11)
    line("Recommendations", label_size, "B")
    line("By 31 March 2020, the force should publish a workforce plan.", 11)
    line("PCC response", 15, "B")
    line('Police and Crime Commissioner Ann Example said: "I welcome the report."', 11)
    path = Path(str(tmp_path)) / "response.pdf"
    pdf.output(str(path))
    record = record_of(path, accept_unrecognised=True)
    assert [q["number"] for q in record["core_questions"]] == [1, 2]
    assert [r["question"] for r in record["recommendations"]] == [question]


@pytest.mark.parametrize(
    ("headings", "paragraphs", "title"),
    [
        ([], ["Response to HMICFRS report: Cyber: Keep the light on"], "Cyber: Keep the light on"),
        (["Response to HMICFRS inspection – PEEL 2019"], [], "PEEL 2019"),
        # regression: the respondent named between "Response" and "to" hid the title
        (
            [
                "Response of the Police and Crime Commissioner for Lancashire to the "
                "HMICFRS report PEEL: Police effectiveness 2017"
            ],
            [],
            "PEEL: Police effectiveness 2017",
        ),
        (["RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF SURREY POLICE"], [], None),
        (["HMICFRS PEEL: Police effectiveness 2017"], [], "PEEL: Police effectiveness 2017"),
        # a paragraph starting "HMICFRS …" is a sentence, not a title
        ([], ["HMICFRS judged Example Police to be good at keeping people safe."], None),
    ],
)
def test_titles_named_in_headings_or_subject_lines(
    headings: list[str], paragraphs: list[str], title: str | None
) -> None:
    """Regression: "report:" stayed in the title; a sentence became one."""
    from hmic_extract.extract.details import title_in_headings

    assert title_in_headings(headings, paragraphs) == title


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("HMICFRS inspected Devon & Cornwall Police in 2018.", "Devon & Cornwall Police"),
        ("HMICFRS judged the City of London Police to be good.", "City of London Police"),
        ("Avon and Somerset Constabulary was inspected.", "Avon and Somerset Constabulary"),
        ("Dyfed-Powys Police welcomed the report.", "Dyfed-Powys Police"),
        ("The Metropolitan Police Service was inspected.", "Metropolitan Police Service"),
    ],
)
def test_force_names_in_prose(text: str, force: str) -> None:
    """Regression for the first: "&" cut the name to "Cornwall Police"."""
    from hmic_extract.extract.details import force_in_prose

    assert force_in_prose(text) == force


@pytest.mark.parametrize(
    ("title", "force"),
    [
        ("RESPONSE BY THE PCC TO HMIC INSPECTIONS OF CLEVELAND POLICE", "Cleveland Police"),
        (
            "RESPONSE BY THE PCC TO HMIC INSPECTIONS OF DEVON & CORNWALL POLICE",
            "Devon & Cornwall Police",
        ),
        (
            "RESPONSE BY THE PCC TO HMIC INSPECTIONS OF THE METROPOLITAN POLICE SERVICE",
            "Metropolitan Police Service",
        ),
    ],
)
def test_force_named_at_the_end_of_a_title(title: str, force: str) -> None:
    """Regression: "&" lost the name; a leading "the" was kept as "The …"."""
    from hmic_extract.extract.details import force_from_title

    assert force_from_title(title) == force


def test_a_recommendation_in_the_inspectorate_s_own_words(tmp_path: object) -> None:
    """Regression: "HMICFRS recommends that …" under a Recommendations label, with no
    "should", was read as prose and the recommendation was lost."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "response.md"
    path.write_text(
        "# Response to HMICFRS PEEL: Police effectiveness 2019\n\n## Findings\n\n"
        "**Recommendations**\n\n"
        "HMICFRS recommends that the force reviews its approach to missing children "
        "by 31 March 2020.\n\n## PCC response\n\nI welcome the report.\n",
        encoding="utf-8",
    )
    record = record_of(path, accept_unrecognised=True)
    assert [
        (r["text"][:25], [d["date"] for d in r["deadlines"]]) for r in record["recommendations"]
    ] == [("HMICFRS recommends that t", ["2020-03-31"])]


# Sections numbered 1., 2., … and questions numbered within theirs (3.1, 3.2, …).
DECIMAL = """RESPONSE TO HMICFRS PEEL: POLICE LEGITIMACY 2017 – EXAMPLE CONSTABULARY

1. INSPECTION DETAILS

Title of inspection: PEEL: Police legitimacy 2017
Date published: 12 December 2017

2. OVERALL JUDGEMENT

HMICFRS judged the force to be good.

3. FINDINGS

3.1 To what extent does the force treat all of the people it serves with fairness and respect?

No areas for improvement were identified.

3.2 How well does the force ensure that its workforce behaves ethically and lawfully?

Areas for improvement:

a) The force should ensure that all staff have been vetted.
b) The force should monitor its IT systems.

3.3 To what extent does the force treat its workforce with fairness and respect?

Area for improvement:

a) The force should improve its wellbeing support, in particular:
   i. regular surveys; and
   ii. training for supervisors.

4. FORCE RESPONSE

Chief Constable Jane Example said: "We welcome the report."

5. PCC RESPONSE

Police and Crime Commissioner John Example said: "I am pleased."
"""


def test_questions_numbered_within_their_section(tmp_path: object) -> None:
    """Regression: "3.2 How well …?" was read as an area for improvement (its
    marker became a bullet, and a decimal marker gave no question number)."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "response.txt"
    path.write_text(DECIMAL, encoding="utf-8")
    record = record_of(path)
    assert [(q["number"], len(q["areas_for_improvement"])) for q in record["core_questions"]] == [
        (1, 0),
        (2, 2),
        (3, 1),
    ]
    assert record["areas_for_improvement"] == []
    [afi] = record["core_questions"][2]["areas_for_improvement"]
    assert afi["sub_items"] == ["regular surveys; and", "training for supervisors."]


def test_a_form_printed_as_labels_then_values_with_its_options(tmp_path: object) -> None:
    """Regression: with the form's labels printed as one column and its values as
    another (pdftotext's reading order of a table), the type options were read from
    the title and date before them ("PEEL: … 2017 22 March 2018 ☒")."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "response.txt"
    path.write_text(
        "Response to HMICFRS PEEL: Police effectiveness 2017\nInspection details\n"
        "Title of inspection\nDate published\nType of inspection\n\n"
        "PEEL: Police effectiveness\n2017\n22 March 2018\n☒ National ☐ Thematic ☐\n"
        "Force specific\n\nOverall judgement\nHMICFRS judged Example Police to be good.\n",
        encoding="utf-8",
    )
    inspection = record_of(path, accept_unrecognised=True)["inspection"]
    assert inspection["title"] == "PEEL: Police effectiveness 2017"
    assert inspection["published"] == "2018-03-22"
    assert [(t["label"], t["checked"]) for t in inspection["types"]] == [
        ("National", True),
        ("Thematic", False),
        ("Force specific", False),
    ]


# The Mayor's office answers for the Met, whose chief officer is its Commissioner.
LONDON = """# MOPAC response to HMICFRS PEEL: Police effectiveness 2017

The Mayor's Office for Policing And Crime (MOPAC) welcomes the HMICFRS report into
the effectiveness of the Metropolitan Police Service, published on 22 March 2018.

## Overall judgement

HMICFRS judged the Metropolitan Police Service to be good at keeping people safe
and reducing crime.

## Areas for improvement

1. The force should improve how it identifies vulnerable victims at first contact.
2. The force should ensure that neighbourhood officers are not routinely taken
   away from their duties.

## Response from the Commissioner of Police of the Metropolis

Commissioner Cressida Dick said: “We accept the findings and are acting on them.”

## Mayor's response

Deputy Mayor for Policing and Crime Sophie Linden said: “We will hold the Met to
account for these improvements.”
"""


def test_the_met_s_commissioner_is_its_chief_officer(tmp_path: object) -> None:
    """Regression: "Commissioner Cressida Dick" was taken for the PCC and the Met
    Commissioner's response heading was unrecognised."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "response.md"
    path.write_text(LONDON, encoding="utf-8")
    record = record_of(path)
    assert (record["force"], record["chief_constable"], record["commissioner"]) == (
        "Metropolitan Police Service",
        "Cressida Dick",
        "Sophie Linden",
    )
    assert [s["kind"] for s in record["sections"]][-2:] == ["force_response", "pcc_response"]


def test_a_sentence_announcing_the_items_sets_their_kind(tmp_path: object) -> None:
    """Regression: "HMIC made the following recommendations:" is no short label, so the
    bullets after it were recorded as areas for improvement; an item introducing its
    own points ("… recommends that the force:") is still an item."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "response.md"
    path.write_text(
        "# Response to HMICFRS PEEL: Police effectiveness 2017\n\n## Findings\n\n"
        "### Question 1: How effective is the force at protecting vulnerable people?\n\n"
        "HMICFRS identified the following areas for improvement:\n\n"
        "- The force should improve its risk assessments.\n\n"
        "HMIC made the following recommendations:\n\n"
        "- The force should review its call handling.\n"
        "- The force should publish a plan.\n\n"
        "In response to the cause of concern, HMICFRS recommends that the force:\n\n"
        "- reviews its demand; and\n- trains its staff.\n\n"
        "## PCC response\n\nI welcome the report.\n",
        encoding="utf-8",
    )
    record = record_of(path, accept_unrecognised=True)
    [question] = record["core_questions"]
    assert [a["text"] for a in question["areas_for_improvement"]] == [
        "The force should improve its risk assessments."
    ]
    assert [(r["text"][:32], r["sub_items"], r["question"]) for r in record["recommendations"]] == [
        ("The force should review its call", [], 1),
        ("The force should publish a plan.", [], 1),
        ("In response to the cause of conc", ["reviews its demand; and", "trains its staff."], 1),
    ]


# A response whose headings are all its own: none names a section we know.
OWN_HEADINGS = """\
# Police and Crime Commissioner's response to HMICFRS: Stalking and harassment 2019

## What the inspectorate found

HMICFRS published its report on 5 April 2019. The report found that forces need to
do more to protect victims of stalking.

## What we are doing

Recommendation 1: By 1 October 2019, chief constables should ensure that stalking is
recognised and recorded correctly.

The force has reviewed its recording practice.

## Next steps

I will monitor progress through my accountability board.

Jane Doe
Police and Crime Commissioner for Exampleshire
"""


def test_a_response_with_headings_of_its_own(tmp_path: object) -> None:
    """Regression: a document titled as a response to HMICFRS was refused (no known
    section headings), its title kept "HMICFRS:" and its recommendation, under an
    unfamiliar heading, was never read."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "response.md"
    path.write_text(OWN_HEADINGS, encoding="utf-8")
    record = record_of(path)
    assert record["inspection"]["title"] == "Stalking and harassment 2019"
    assert [
        (r["text"][:17], [d["date"] for d in r["deadlines"]]) for r in record["recommendations"]
    ] == [("By 1 October 2019", ["2019-10-01"])]
    assert record["commissioner"] == "Jane Doe"


@pytest.mark.parametrize(
    "label", ["Report date:", "Date of report:", "Published:", "Date of publication:"]
)
def test_publication_date_labels(tmp_path: object, label: str) -> None:
    """Regression for the first three: a form giving the report's own date had none."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "response.md"
    path.write_text(
        "# Response to HMICFRS PEEL: Police efficiency 2017\n\n## Inspection details\n\n"
        f"Title: PEEL: Police efficiency 2017\n{label} 9 November 2017\n\n"
        "## Overall judgement\n\nHMICFRS judged the force to be good.\n\n"
        "## PCC response\n\nI welcome the report.\n",
        encoding="utf-8",
    )
    inspection = record_of(path)["inspection"]
    assert (inspection["title"], inspection["published"]) == (
        "PEEL: Police efficiency 2017",
        "2017-11-09",
    )


# Grades given as rows of the details form, with no judgement section.
GRADE_IN_FORM = """# Response to HMICFRS PEEL: Police legitimacy 2017

## Inspection details

| Field | Value |
|---|---|
| Title of inspection | PEEL: Police legitimacy 2017 |
| Date published | 12 December 2017 |
| Overall grade | Good |
| Previous grade | Requires improvement |

## Findings

### Question 1: How well does the force treat the public with fairness and respect?

No areas for improvement.

## PCC response

Police and Crime Commissioner Ann Example said: “I welcome the report.”
"""


def test_grades_given_in_the_details_form(tmp_path: object) -> None:
    """Regression: "Overall grade | Good" in the form, with no judgement section, gave
    no grade (and a no_judgement warning)."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "response.md"
    path.write_text(GRADE_IN_FORM, encoding="utf-8")
    record = record_of(path)
    assert (record["judgement"]["grade"], record["judgement"]["previous_grade"]) == (
        "Good",
        "Requires improvement",
    )
    assert "no_judgement" not in [w["code"] for w in record["warnings"]]


@pytest.mark.parametrize(
    ("lines", "states"),
    [
        (
            ("Response forwarded to Home Office ☒", "Response published on PCC website ☐"),
            (True, False),
        ),
        (("Forwarded to Home Office: Yes", "Published on PCC website: No"), (True, False)),
        # Regression: a date or a tick after the label said nothing
        (
            ("Date forwarded to Home Office: 12/01/2018", "Date published on website: 15 Jan 2018"),
            (True, True),
        ),
        (("Forwarded to Home Office ✓", "Published on website ✓"), (True, True)),
        (("Forwarded to Home Office: N/A", "Published on PCC website:"), (None, None)),
    ],
)
def test_office_use_answers(
    lines: tuple[str, str], states: tuple[bool | None, bool | None]
) -> None:
    from hmic_extract.blocks import Block, BlockKind, Location
    from hmic_extract.extract.details import read_office_use

    blocks = [Block(BlockKind.PARAGRAPH, t, Location(None, n, n)) for n, t in enumerate(lines)]
    found = read_office_use(blocks)
    assert (found["forwarded_to_home_office"], found["published_on_pcc_website"]) == states


@pytest.mark.parametrize(
    ("line", "quoted", "force"),
    [
        ("Is Cleveland Police quoted in the report? Yes ☒ No ☐", True, "Cleveland Police"),
        # Regression: "the force" became the force's name
        ("Is the force quoted in the report? Yes", True, None),
        # Regression: bare labels were not read
        ("Force quoted in report: No", False, None),
        ("Quoted in the report: Yes", True, None),
    ],
)
def test_the_quoted_question(line: str, quoted: bool, force: str | None) -> None:
    from hmic_extract.blocks import Block, BlockKind, Location
    from hmic_extract.extract.details import read_details

    texts = ("Title of inspection: PEEL: Police efficiency 2017", line)
    blocks = [Block(BlockKind.PARAGRAPH, t, Location(None, n, n)) for n, t in enumerate(texts)]
    details = read_details(blocks, None)
    assert (details.force_quoted, details.force, details.title) == (
        quoted,
        force,
        "PEEL: Police efficiency 2017",
    )


# pdfminer's text of a details form and an office-use form: labels as one
# column, boxes as another (before or after it), a Yes/No over its box.
COLUMNS_FORM = """Title of Inspection

PEEL: Effectiveness 2016

Date Inspection Published

2 March 2017

Type of Inspection:

\u2610
\u2610
\u2610

 Example Specific
 Follow Up
 Partner Inspection

\u2612
\u2610

 National
 Thematic

Is Example Police quoted in the Report?

Yes

\u2612

        No

\u2610
"""


def test_a_form_printed_as_columns_of_labels_and_boxes() -> None:
    """Regression: the options, printed as a column of labels and a column of boxes,
    were read as one label, and the quoted answer over its box was not read."""
    from hmic_extract.blocks import Block, BlockKind, Location
    from hmic_extract.extract.details import read_details, read_office_use

    blocks = [Block(BlockKind.PARAGRAPH, COLUMNS_FORM, Location(None, 1, 1))]
    details = read_details(blocks, None)
    assert [(t.label, t.checked) for t in details.types] == [
        ("Example Specific", False),
        ("Follow Up", False),
        ("Partner Inspection", False),
        ("National", True),
        ("Thematic", False),
    ]
    assert details.force_quoted is True
    office = (
        "Response forwarded to Home Office\nResponse published on PCC website\n\u2612\n\u2610\n"
    )
    found = read_office_use([Block(BlockKind.PARAGRAPH, office, Location(None, 1, 1))])
    assert (found["forwarded_to_home_office"], found["published_on_pcc_website"]) == (True, False)


def test_type_options_run_together_apart_from_their_boxes() -> None:
    """Regression: a renderer printing the option grid as lines of words and of boxes
    ("☒ ☐ ☐ Example Specific Follow Up") gave options whose labels ran together."""
    from hmic_extract.blocks import Block, BlockKind, Location
    from hmic_extract.extract.details import read_details

    form = (
        "Title of Inspection PEEL 2018\nDate Inspection Published 13th September 2018\n"
        "Type of Inspection: \u2612 \u2610 \u2610 Example Specific Follow Up\n"
        "Partner Inspection National \u2610 \u2610\nThematic\n"
    )
    details = read_details([Block(BlockKind.PARAGRAPH, form, Location(None, 1, 1))], None)
    assert [(t.label, t.checked) for t in details.types] == [
        ("Example Specific", True),
        ("Follow Up", False),
        ("Partner Inspection", False),
        ("National", False),
        ("Thematic", False),
    ]


def test_text_with_a_paragraph_per_line() -> None:
    """Regression: with every paragraph on one line (a Word letter saved as text by
    LibreOffice), a long line took the next, as if the text had been wrapped: the
    subject line ran into the letter, each recommendation into its response."""
    from pathlib import Path

    record = record_of(Path(__file__).parent / "fixtures" / "unwrapped" / "letter.txt")
    assert record["inspection"]["title"] == (
        "Cyber: Keep the light on – An inspection of the police response to cyber-dependent crime"
    )
    assert [r["text"][-22:] for r in record["recommendations"]] == [
        "cyber-dependent crime.",
        "ve appropriate advice.",
    ]


def test_a_response_after_each_item_is_kept_with_it(tmp_path: object) -> None:
    """Letters answer each item in turn ("Response: …"); the answer was left as prose."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "letter.md"
    path.write_text(
        "# Response to HMICFRS report: Cyber crime 2019\n\nDear Sir Tom,\n\n"
        "## Recommendation 1\n\nBy 1 September 2020, chief constables should act.\n\n"
        "Response: Accepted. The force has acted.\n\n"
        "## Recommendation 2\n\nChief constables should review their training.\n\n"
        "Yours sincerely,\n\nJane Doe\n\nPolice and Crime Commissioner\n",
        encoding="utf-8",
    )
    record = record_of(path, accept_unrecognised=True)
    assert [(r["text"], r["response"]) for r in record["recommendations"]] == [
        ("By 1 September 2020, chief constables should act.", "Accepted. The force has acted."),
        ("Chief constables should review their training.", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF ESSEX POLICE",
        "PCC Response Police, Fire and Crime Commissioner said he welcomed it.",
    ],
)
def test_words_of_a_heading_are_no_one_s_name(text: str) -> None:
    """Regression: a title in capitals after "PCC" gave the commissioner "TO HMICFRS
    INSPECTIONS OF"; a "PCC Response" cell before its content gave "Response Police"."""
    from hmic_extract.extract.statements import find_named
    from hmic_extract.vocabulary import COMMISSIONER_ROLES

    assert find_named([text], COMMISSIONER_ROLES) is None


def test_a_layout_table_of_sections_printed_as_text() -> None:
    """Regression: pdftotext's layout of a one-table response ("Findings" beside the
    findings) read every section as a form row: no sections, no items."""
    from pathlib import Path

    record = record_of(Path(__file__).parent / "fixtures" / "layout" / "sections-table.txt")
    assert [s["kind"] for s in record["sections"]] == [
        "overall_judgement",
        "findings",
        "force_response",
        "pcc_response",
    ]
    assert record["judgement"]["grade"] == "Good"
    assert [len(q["areas_for_improvement"]) for q in record["core_questions"]] == [2]
    assert (record["chief_constable"], record["commissioner"]) == ("Jane Example", "Ann Example")
    assert record["inspection"]["title"] == "PEEL: Police effectiveness 2017"


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("sections-grid.txt", "sections-grid.txt"),
        ("sections-grid.txt", "sections-grid.md"),
        ("sections-html.md", "sections-html.md"),
    ],
)
def test_a_layout_table_of_sections_from_pandoc(source: str, name: str, tmp_path: object) -> None:
    """Regression: pandoc's grid table of a one-table response (plain text, or the
    same grid in markdown), or its GitHub-markdown HTML table, gave table rows: no
    sections, no items (and the HTML one was not even read as markdown)."""
    import shutil
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures" / "layout"
    path = Path(str(tmp_path)) / name
    shutil.copy(fixtures / source, path)
    record = record_of(path)
    assert [s["kind"] for s in record["sections"]][-4:] == [
        "overall_judgement",
        "findings",
        "force_response",
        "pcc_response",
    ]
    assert [len(q["areas_for_improvement"]) for q in record["core_questions"]] == [2]
    assert (record["chief_constable"], record["commissioner"]) == (
        "Jane Alice Whitehouse",
        "Ann Example",
    )


def _record_of_markdown(folder: Path, text: str) -> dict[str, Any]:
    path = folder / "response.md"
    path.write_text(text, encoding="utf-8")
    return record_of(path, accept_unrecognised=True)


def test_boxes_opening_their_lines_pair_with_the_labels_after_them(tmp_path: Path) -> None:
    """A form printing each option as "☒ National" on a line, under an instruction
    ("(tick all that apply)"), paired each box with the label before it."""
    from hmic_extract.extract.details import read_office_use
    from hmic_extract.load.markdown import load_markdown

    types = _record_of_markdown(
        tmp_path,
        "# Response to HMICFRS: PEEL legitimacy 2017\n\n## Inspection details\n\n"
        "Type of inspection: (tick all that apply)\n\n☒ National\n\n☐ Thematic\n\n"
        "## Findings\n\nThe force should improve its vetting.\n",
    )["inspection"]["types"]
    assert [(t["label"], t["checked"]) for t in types] == [("National", True), ("Thematic", False)]
    office = read_office_use(
        load_markdown(
            "Completed by staff\n\n☒ Response forwarded to Home Office\n\n"
            "☐ Response published on PCC website\n"
        ).blocks
    )
    assert office == {"forwarded_to_home_office": True, "published_on_pcc_website": False}


def test_a_lead_in_after_another_kind_announces_its_own(tmp_path: Path) -> None:
    """ "… identified one cause of concern. To address that concern, the inspectorate
    recommended that:" announces recommendations, though it names a concern."""
    record = _record_of_markdown(
        tmp_path,
        "# Response to the HMICFRS fraud inspection\n\nSouth Wales Police was inspected.\n\n"
        "## Key findings\n\nThe inspectorate identified one cause of concern:\n\n"
        "- Victims of fraud are not getting an appropriate service.\n\n"
        "To address that concern, the inspectorate recommended that:\n\n"
        "1. Chief constables should adopt the procedures for fraud.\n"
        "2. Forces should make sure that every vulnerable victim is visited.\n\n"
        "## My response\n\nI welcome the report.\n",
    )
    assert [i["text"][:20] for i in record["causes_of_concern"]] == ["Victims of fraud are"]
    assert [i["text"][:20] for i in record["recommendations"]] == [
        "Chief constables sho",
        "Forces should make s",
    ]


def test_grades_in_a_table_year_by_year(tmp_path: Path) -> None:
    """Regression (blind set n): a web page gave its grades only as a table of years;
    a note in an item table's row is the question's note, not an item."""
    path = tmp_path / "page.md"
    path.write_text(
        "# Response to HMICFRS: PEEL efficiency 2017\n\n"
        "## Efficiency judgements since 2015\n\n"
        "| Year | Overall efficiency judgement |\n|---|---|\n"
        "| 2015 | Good |\n| 2016 | Good |\n| 2017 | Requires improvement |\n\n"
        "## Areas for improvement and progress\n\n"
        "| Ref | Area for improvement | Status |\n|---|---|---|\n"
        "| Q1 | 1. How well does the force understand demand? | |\n"
        "| E1 | The force should improve its understanding of demand. | Open |\n"
        "| Q2 | 2. How well is the force planning for the future? | |\n"
        "| – | No areas for improvement were identified for this question. | |\n",
        encoding="utf-8",
    )
    record = record_of(path, accept_unrecognised=True)
    assert (record["judgement"]["grade"], record["judgement"]["previous_grade"]) == (
        "Requires improvement",
        "Good",
    )
    assert not any(
        "No areas for improvement" in item["text"]
        for item in [
            *record["areas_for_improvement"],
            *(a for q in record["core_questions"] for a in q["areas_for_improvement"]),
        ]
    )


def test_a_force_named_with_of_inside_its_name() -> None:
    from hmic_extract.extract.details import force_in_prose

    assert (
        force_in_prose("Hampshire and Isle of Wight Constabulary was one of six forces.")
        == "Hampshire and Isle of Wight Constabulary"
    )


def test_an_earlier_inspection_left_ungraded_leaves_this_grade() -> None:
    """Regression (blind set n): "the 2014 national audit did not grade individual
    forces" cancelled this inspection's grade, given in the sentence before."""
    found = read_grades(
        "The inspectorate graded the force as requires improvement. This is the first "
        "time its crime recording has been graded; the 2014 national audit did not "
        "grade individual forces.",
        2018,
        judged_only=True,
    )
    assert found.grade == "Requires improvement"
    since = read_grades(
        "Since 2021 the inspectorate no longer gives forces a single overall grade. It "
        "graded the force good at preventing crime.",
        2023,
        judged_only=True,
    )
    assert since.grade is None


def test_names_in_signature_blocks_and_grades_concluded(tmp_path: Path) -> None:
    """Regression (blind set o): a decision notice names its commissioner and chief
    constable only after "Name:" in its signature blocks; a quarterly report gives the
    grade as "concluded that … requires improvement", a question's grade after it."""
    path = tmp_path / "notice.txt"
    path.write_text(
        "DECISION NOTICE\n\nResponse to HMICFRS PEEL: Police effectiveness 2017\n\n"
        "Summary\n\nHMICFRS concluded that Anyshire Constabulary requires improvement in "
        "its effectiveness. Its approach to serious and organised crime was judged to be "
        "good. In the 2016 inspection the Constabulary had been assessed as good overall.\n\n"
        "Approval\n\nSignature: (signed)\nName: Marcus Example\n"
        "Chief Constable, Anyshire Constabulary\n\n"
        "Signature: (signed)\nName: Helen Example\n"
        "Anyshire Police and Crime Commissioner\n",
        encoding="utf-8",
    )
    record = record_of(path, accept_unrecognised=True)
    assert (record["commissioner"], record["chief_constable"]) == (
        "Helen Example",
        "Marcus Example",
    )
    assert (record["judgement"]["grade"], record["judgement"]["previous_grade"]) == (
        "Requires improvement",
        "Good",
    )


def test_a_definition_list_is_a_form(tmp_path: Path) -> None:
    """Regression (blind set o): a web page's "At a glance" <dl> gave its terms and
    descriptions as separate paragraphs: no date, no grade."""
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><main><h1>Our response: PEEL legitimacy 2017</h1>"
        "<h2>At a glance</h2><dl><dt>Report</dt><dd>PEEL: Police legitimacy 2017</dd>"
        "<dt>Published by HMICFRS</dt><dd>12 December 2017</dd>"
        "<dt>Overall judgement</dt><dd>Good</dd>"
        "<dt>Previous judgement (2016)</dt><dd>Requires improvement</dd></dl>"
        "<h2>The Commissioner's view</h2><p>I welcome the report on Anyshire Police.</p>"
        "</main></body></html>",
        encoding="utf-8",
    )
    record = record_of(path, accept_unrecognised=True)
    assert record["sections"][0]["kind"] == "inspection_details"
    assert record["inspection"]["published"] == "2017-12-12"
    assert (record["judgement"]["grade"], record["judgement"]["previous_grade"]) == (
        "Good",
        "Requires improvement",
    )


def test_a_pdf_heading_wrapped_with_its_own_wider_leading_is_one_heading(
    tmp_path: object,
) -> None:
    """Regression (blind set t): a bold heading's second line stands further below its
    first than the body's lines do (its type's own leading); it is still one heading, so
    "… RESPONSE AND PROGRESS" names no section of its own."""
    from pathlib import Path

    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(
        100,
        7.0,
        "HMICFRS INSPECTION OF THE MANAGEMENT OF SEX OFFENDERS BY WESTSHIRE POLICE: "
        "RESPONSE AND PROGRESS UPDATE",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 10)
    body = (
        "On 16 January 2020 HMICFRS published its report on the management of "
        "registered sex offenders by Westshire Police, and the force accepted it. "
    )
    pdf.multi_cell(100, 5.3, body * 3, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, "Recommendations", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(100, 5.3, "- By 30 June 2020, the force should train all managers.")
    path = Path(str(tmp_path)) / "paper.pdf"
    pdf.output(str(path))
    record = record_of(path, accept_unrecognised=True)
    assert [s["kind"] for s in record["sections"]] == ["findings"]
    assert record["title"].endswith("RESPONSE AND PROGRESS UPDATE")
