"""Forms, labels and lead-ins in wordings the vocabulary does not list: read by layout
and content (regressions from blind probes written without reading the code)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hmic_extract.options import Options
from hmic_extract.pipeline import extract_bytes
from hmic_extract.write import record_json


def _record(text: str, name: str = "response.md") -> dict[str, Any]:
    record = extract_bytes(text.encode("utf-8"), path=name, options=Options())
    data: dict[str, Any] = json.loads(record_json(record))
    return data


_PCC_SAYS = 'Police and Crime Commissioner Sam Person said: "I welcome the report."\n'

_FINDINGS = """
## What the inspectorate found

Q1. How effective is the force at preventing crime?

- The force should improve how it shares information with partner agencies.

## The Chief Constable's reply

Chief Constable Ann Other said: "We accept the findings."

## The Commissioner's comments

Police and Crime Commissioner Sam Person said: "I will hold the force to account."
"""


def test_type_options_under_a_label_in_other_words() -> None:
    """ "Kind of inspection:" is the types' label because boxed options follow it, and a
    question on the next line ends the options."""
    record = _record(
        "# PCC response to HMICFRS report\n\n## Report particulars\n\n"
        "**Report:** PEEL: Police efficiency 2017  \n"
        "**Published by HMICFRS:** 9 November 2017  \n"
        "**Kind of inspection:** ☒ Force-specific ☐ National ☐ Joint with another inspectorate  \n"
        "**Does the report quote Kent Police?** ☒ Yes ☐ No\n" + _FINDINGS
    )
    types = [(t["label"], t["checked"]) for t in record["inspection"]["types"]]
    assert types == [
        ("Force-specific", True),
        ("National", False),
        ("Joint with another inspectorate", False),
    ]
    assert record["inspection"]["force_quoted"] is True


def test_a_boxed_question_in_plain_text_is_a_form_row_not_a_heading() -> None:
    record = _record(
        "PCC RESPONSE TO AN HMIC INSPECTION REPORT\n\n"
        "A. REPORT DETAILS\n\n"
        " Name of report:         PEEL: Police effectiveness 2015\n\n"
        " Date of publication:    18/02/2016\n\n"
        " Report category:        [X] Force only\n"
        "                         [ ] All forces (national)\n\n"
        " Is Kent Police named in the report?      [X] Yes    [ ] No\n\n"
        "B. WHAT THE INSPECTORATE FOUND\n\n"
        "Q1. How effective is the force at preventing crime?\n\n"
        "- The force should improve how it shares information with partner agencies.\n",
        name="response.txt",
    )
    assert [s["kind"] for s in record["sections"]][:2] == ["inspection_details", "findings"]
    assert record["inspection"]["force_quoted"] is True
    assert [(t["label"], t["checked"]) for t in record["inspection"]["types"]] == [
        ("Force only", True),
        ("All forces (national)", False),
    ]


def test_a_details_table_and_an_office_record_are_known_by_what_they_hold() -> None:
    record = _record(
        "# Response to the inspectorate\n\n## About the report\n\n"
        "| | |\n|---|---|\n"
        "| Name of report | PEEL: Police effectiveness 2017 |\n"
        "| Date report published | 22 March 2018 |\n"
        "| Is Kent Police referred to in the report? | ☒ Yes ☐ No |\n"
        + _FINDINGS
        + "\n## Completed by the office\n\n"
        "☒ Copy sent to the Home Secretary  \n☐ Placed on the Commissioner's website\n"
    )
    kinds = [s["kind"] for s in record["sections"]]
    assert kinds[0] == "inspection_details"
    assert kinds[-1] == "office_use"
    assert record["inspection"]["published"] == "2018-03-22"
    assert record["inspection"]["force_quoted"] is True
    assert record["office_use"] == {
        "forwarded_to_home_office": True,
        "published_on_pcc_website": False,
    }


def test_a_reported_lead_in_hands_on_the_kind_named_before_it() -> None:
    record = _record(
        "Commissioner responds to HMIC report on Kent Police\n\n"
        'Police and Crime Commissioner Sam Person said: "I welcome the report."\n\n'
        "HMIC also identified two areas for improvement. It said that the force should:\n\n"
        "- develop a better understanding of hidden demand;\n"
        "- make sure that savings are tracked and reported.\n",
        name="release.txt",
    )
    assert [a["text"] for a in record["areas_for_improvement"]] == [
        "develop a better understanding of hidden demand;",
        "make sure that savings are tracked and reported.",
    ]


def test_a_group_label_under_a_question_stays_with_it() -> None:
    """ "**Areas to improve**" under "### Question one – …?" labels that question's items;
    it does not open a findings section that leaves the question behind."""
    record = _record(
        "# PCC response to the HMICFRS inspection of Kent Police\n\n"
        "## Inspection overview\n\nThe inspectorate answered two questions.\n\n"
        "## Matters requiring attention\n\n"
        "### Question one – How well does the force understand demand?\n\n"
        "**Areas to improve**\n\n"
        "* The force should improve its understanding of hidden demand.\n\n"
        "### Question two – How well does the force use its resources?\n\n"
        "**Areas to improve**\n\n"
        "* The force should carry out a skills audit.\n\n"
        "## The Commissioner's view\n\n"
        'Police and Crime Commissioner Sam Person said: "I will hold the force to account."\n'
    )
    questions = [
        (q["number"], [a["text"] for a in q["areas_for_improvement"]])
        for q in record["core_questions"]
    ]
    assert questions == [
        (1, ["The force should improve its understanding of hidden demand."]),
        (2, ["The force should carry out a skills audit."]),
    ]
    assert record["areas_for_improvement"] == []
    assert [s["kind"] for s in record["sections"]][:2] == ["executive_summary", "findings"]


_LETTER = """<!DOCTYPE html><html><head><title>Response</title></head><body><main>
<h1>Vetting: response to HMICFRS</h1>
<p>Dear Home Secretary,</p>
<p>On 2 November 2022 HMICFRS published <em>An inspection of vetting in the police service</em>.
Under section 55 of the Police Act 1996 I set out my comments.</p>
<h2>Recommendations made by the inspectorate</h2>
<p>The report made the following recommendations:</p>
<ul><li>By 31 March 2023, chief constables should review their vetting policies.</li></ul>
<h2>The response of Kent Police</h2>
<p>Kent Police accepts the recommendation.</p>
<h2>My assessment</h2>
<p>I welcome the report. I will review my office's scrutiny of vetting.</p>
<p>Police and Crime Commissioner: Sam Person</p>
<p>Completed by the office on 4 November 2022</p>
</main></body></html>"""


def test_a_letter_page_in_its_own_words() -> None:
    """A section heading naming the inspectorate after the page's title is a section;
    "The response of Kent Police" is the force's; "My assessment" in the writer's
    own voice is the commissioner's; the report's title is the one set in italics
    after "published"; a form's "Commissioner: Name" ends at its paragraph."""
    record = _record(_LETTER, name="letter.html")
    assert [s["kind"] for s in record["sections"]] == [
        "findings",
        "force_response",
        "pcc_response",
    ]
    assert record["inspection"]["title"] == "An inspection of vetting in the police service"
    assert record["commissioner"] == "Sam Person"
    assert [r["deadlines"][0]["date"] for r in record["recommendations"]] == ["2023-03-31"]


def test_nothing_to_improve_is_a_note_not_an_item() -> None:
    record = _record(
        "# PCC response to the HMICFRS inspection of Kent Police\n\n"
        "## What the inspectorate found\n\n"
        "### Q1 – How effective is the force at preventing crime?\n\n"
        "- The force should improve how it shares information with partners.\n\n"
        "### Q2 – How effective is the force at tackling serious and organised crime?\n\n"
        "Inspectors found nothing that the force needs to improve under this question.\n\n"
        "## The Commissioner's comments\n\n"
        'Police and Crime Commissioner Sam Person said: "I will hold the force to account."\n'
    )
    second = record["core_questions"][1]
    assert second["areas_for_improvement"] == []
    assert second["note"] == (
        "Inspectors found nothing that the force needs to improve under this question."
    )


@pytest.mark.parametrize(("heading", "name"), [("{}", "letter.txt"), ("## {}", "letter.md")])
def test_a_psql_table_is_rows_not_items(heading: str, name: str) -> None:
    """A table of bar-separated columns under "-----+-----" (a cell wrapped onto the
    next line) in a response section is an action plan, not recommendations; two
    signatures side by side are read across."""
    text = (
        "Joint response to HMICFRS: An inspection of Kent Police\n\n"
        + heading.format("Recommendations")
        + "\n\nThe report made the following recommendations:\n\n"
        "1. By 30 September 2023, chief constables should record ethnicity.\n"
        "2. By 31 March 2024, chief constables should evaluate what they fund.\n\n"
        + heading.format("Our response to the recommendations")
        + "\n\n"
        "Ref  | Action                          | By\n"
        "-----+---------------------------------+-----------\n"
        "1    | Make ethnicity a mandatory      | 30/09/2023\n"
        "     | field on stop records           |\n"
        "(a)  | Training for frontline officers | 31/12/2023\n\n"
        "Yours sincerely,\n\n"
        "Edwin Marchbanks                          Tamsin Arkwright\n"
        "Police and Crime Commissioner for Kent    Chief Constable, Kent Police\n"
    )
    record = _record(text, name=name)
    assert [r["text"] for r in record["recommendations"]] == [
        "By 30 September 2023, chief constables should record ethnicity.",
        "By 31 March 2024, chief constables should evaluate what they fund.",
    ]
    assert record["commissioner"] == "Edwin Marchbanks"
    assert record["chief_constable"] == "Tamsin Arkwright"


def test_grid_rows_and_labels_of_a_details_table() -> None:
    """A two-cell row is "label: value" ("Report | Report on …"); a label on its own line
    over boxes names the types ("Category of inspection"); an answer beside a section's
    word is a value ("Graded | No – not graded"), not a section."""
    record = _record(
        "# Response of the Police and Crime Commissioner to HMICFRS\n\n"
        "## 1. Inspection details\n\n"
        "+----------------------+-----------------------------------------------+\n"
        "| Report               | Report on an inspection of custody in Kent    |\n"
        "+----------------------+-----------------------------------------------+\n"
        "| Published            | 10 May 2022                                   |\n"
        "+----------------------+-----------------------------------------------+\n"
        "| Category of          | ☒ Joint                                       |\n"
        "| inspection           | ☐ National                                    |\n"
        "+----------------------+-----------------------------------------------+\n"
        "| Graded               | No – custody inspections are not graded       |\n"
        "+----------------------+-----------------------------------------------+\n\n"
        "## 2. What the inspectors found\n\n"
        "**Recommendations**\n\n"
        "1. Within six months, the force should ensure that custody is staffed.\n\n"
        "## 3. Response of Kent Police\n\n"
        'Chief Constable Ann Other said: "We accept the findings."\n\n'
        "## 4. The Commissioner's response\n\n" + _PCC_SAYS
    )
    assert record["inspection"]["title"] == "Report on an inspection of custody in Kent"
    assert record["inspection"]["published"] == "2022-05-10"
    assert [(t["label"], t["checked"]) for t in record["inspection"]["types"]] == [
        ("Joint", True),
        ("National", False),
    ]
    # "3." after "2. What the inspectors found" is the next section, not a question
    assert [s["kind"] for s in record["sections"]] == [
        "inspection_details",
        "findings",
        "force_response",
        "pcc_response",
    ]
    assert record["core_questions"] == []
    assert record["force"] == "Kent Police"  # named only in a heading


def test_a_panel_papers_numbered_paragraphs_and_dates() -> None:
    record = _record(
        "POLICE AND CRIME PANEL – HMICFRS REPORT ON FRAUD\n\n"
        "1. Purpose\n\n"
        "1.1 The Commissioner's response was published on 24 May 2019 and is attached.\n\n"
        "2. Background\n\n"
        "2.1 On 2 April 2019 HMICFRS published Fraud: Time to choose, on fraud.\n\n"
        "3. Inspection findings\n\n"
        "3.1 HMICFRS concluded that the police response to fraud is not good enough and "
        "that victims often receive a poor service from forces across the country.\n\n"
        "3.2 HMICFRS identified two areas for improvement for all forces:\n\n"
        "Area for improvement 1: Forces should improve their understanding of fraud.\n\n"
        "4. Commissioner's response\n\n"
        'Police and Crime Commissioner Sam Person said: "This report should be read."\n',
        name="paper.txt",
    )
    assert record["inspection"]["published"] == "2019-04-02"  # not the response's date
    assert [a["text"] for a in record["areas_for_improvement"]] == [
        "Forces should improve their understanding of fraud."
    ]


def test_a_markdown_page_cites_its_report_in_italics() -> None:
    record = _record(
        "---\ntitle: Commissioner responds\n---\n\n## About the inspection\n\n"
        "HMICFRS published *PEEL 2023–25: An inspection of Kent Police* on 7 March 2024.\n\n"
        "## The Commissioner's response\n\n" + _PCC_SAYS
    )
    assert record["inspection"]["title"] == "PEEL 2023–25: An inspection of Kent Police"
    assert record["inspection"]["published"] == "2024-03-07"


def test_a_response_tables_owner_and_target_date_are_fields_not_deadlines() -> None:
    record = _record(
        "# PCC response to the HMICFRS inspection of Kent Police\n\n"
        "## What the inspectorate found\n\n"
        "| No. | Area for improvement | Force response | Lead | Target date |\n"
        "|---|---|---|---|---|\n"
        "| 1 | The force should improve its crime recording. | Accepted. "
        "| ACC Crime | 31 March 2018 |\n"
        "| 2 | The force should review its use of out-of-court disposals. | Accepted. "
        "| Head of Justice | By June 2018 |\n\n"
        "## The Commissioner's comments\n\n" + _PCC_SAYS
    )
    items = [
        (a["text"], a["response"], a["owner"], a["target"], a["deadlines"])
        for a in record["areas_for_improvement"]
    ]
    assert items == [
        (
            "The force should improve its crime recording.",
            "Accepted.",
            "ACC Crime",
            "31 March 2018",
            [],
        ),
        (
            "The force should review its use of out-of-court disposals.",
            "Accepted.",
            "Head of Justice",
            "By June 2018",
            [],
        ),
    ]


def test_reported_lead_ins_that_name_no_kind() -> None:
    """ "HMICFRS said the force should:" under a question announces its AFIs; "HMIC
    identified four areas in which the force needs to improve:" announces, and is not
    one; a line going on with a sentence ("areas for improvement:") is no label."""
    record = _record(
        "Kent Police and Crime Commissioner\n\nResponse to HMICFRS PEEL: Police efficiency 2017 "
        "for Kent Police\n\n"
        "What The Inspectorate Found\n\n"
        "Question 1: How well does the force understand demand?\n\n"
        "HMICFRS said the force should:\n\n"
        "- develop a better understanding of hidden demand;\n"
        "- use partners' data to understand demand.\n\n"
        "The Commissioner's Response\n\n" + _PCC_SAYS,
        name="response.txt",
    )
    assert [
        (q["number"], [a["text"] for a in q["areas_for_improvement"]])
        for q in record["core_questions"]
    ] == [
        (
            1,
            [
                "develop a better understanding of hidden demand;",
                "use partners' data to understand demand.",
            ],
        )
    ]
    other = _record(
        "Response to HMIC PEEL: Police effectiveness 2016 for Kent Police\n\n"
        "HMIC identified two areas in which the force needs to improve:\n\n"
        "AFI 1: The force should review its call handling.\n\n"
        "AFI 2: The force should improve its crime recording.\n\n"
        "The Commissioner's Response\n\n" + _PCC_SAYS,
        name="response.txt",
    )
    assert [a["text"] for a in other["areas_for_improvement"]] == [
        "The force should review its call handling.",
        "The force should improve its crime recording.",
    ]


def test_items_in_the_inspectorates_words_make_a_section_findings() -> None:
    record = _record(
        "# Response to HMICFRS PEEL: Police effectiveness 2017 (Kent Police)\n\n"
        "## About the report\n\nThe report was published on 22 March 2018.\n\n"
        "## Matters for the force\n\n"
        "**Area: Neighbourhood policing**\n\n"
        "- The force should protect ward officers' time for problem solving.\n"
        "- The force should share what works across its districts.\n\n"
        "## The Commissioner's comments\n\n" + _PCC_SAYS
    )
    assert [s["kind"] for s in record["sections"]][1] == "findings"
    assert [a["text"] for a in record["areas_for_improvement"]] == [
        "The force should protect ward officers' time for problem solving.",
        "The force should share what works across its districts.",
    ]


def test_the_inspectorates_own_page_pasted_is_refused() -> None:
    """It speaks of its own findings ("We have identified …") and names the commissioner,
    but nobody answers: not a response."""
    from hmic_extract.errors import NotAResponseError

    page = (
        "Kent Police: PEEL 2018/19\n\nPublished 2 May 2019\n\n"
        "Overall summary\n\nWe are pleased with the performance of Kent Police.\n\n"
        "Areas for improvement\n\n"
        "We have identified the following areas where the force should improve:\n\n"
        "- The force should cost its workforce plans.\n"
        "- The force should train all staff in unconscious bias.\n\n"
        "About the police and crime commissioner\n\n"
        "The PCC must publish comments on this report within 56 days.\n"
    )
    with pytest.raises(NotAResponseError, match="the inspectorate's own words"):
        _record(page, name="page.txt")


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("The inspectors did not find anything that the force must improve here.", True),
        ("Inspectors found nothing that the force needs to improve under this question.", True),
        ("Nothing to change.", True),
        (
            "There is nothing in the report that changes our plans, but the force should improve.",
            False,
        ),
        ("The force should improve its call handling.", False),
    ],
)
def test_nothing_to_improve_in_other_words_is_a_note(line: str, note: bool) -> None:
    from hmic_extract.roles import is_note

    assert is_note(line) is note


def test_the_following_recommendation_announces_one_under_its_question() -> None:
    record = _record(
        "## Where the force must do better\n\n"
        "HMICFRS inspected the efficiency of Westshire Police.\n\n"
        "Question two: How well does the force use its resources?\n\n"
        "1. The force should complete its review of the skills of its workforce.\n\n"
        "The inspectorate also made the following recommendation under this question:\n\n"
        "- By 31 March 2018, the force should have a plan for its investigators.\n\n"
        "## The Commissioner's view\n\n" + _PCC_SAYS
    )
    [question] = record["core_questions"]
    assert [i["text"] for i in question["areas_for_improvement"]] == [
        "The force should complete its review of the skills of its workforce."
    ]
    assert [(r["text"], r["question"]) for r in record["recommendations"]] == [
        ("By 31 March 2018, the force should have a plan for its investigators.", 2)
    ]


def _numbered_word(label: str, texts: list[str]) -> bytes:
    """A Word file whose paragraphs are numbered automatically with ``label`` ("R%1")."""
    import io

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("Recommendations", style="Heading 1")
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0">'
            f'<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{label}"/>'
            "</w:lvl></w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    for text in texts:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
        )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_word_numbering_that_prints_a_kind_s_letter_labels_its_items() -> None:
    from hmic_extract.load.docx import load_docx

    blocks = load_docx(_numbered_word("R%1", ["The force should act.", "It should report."]))
    assert [b.text for b in blocks.blocks][1:] == [
        "R1 The force should act.",
        "R2 It should report.",
    ]


def test_a_title_on_its_label_s_line_stops_at_the_next_paragraph() -> None:
    record = _record(
        "Westshire Police and Crime Commissioner\n\nDear Home Secretary\n\n"
        "HMICFRS report: Finding and protecting missing people in Westshire\n\n"
        "A copy of this letter will be published on 2 September 2022 on my website.\n\n"
        "I am writing under section 55 of the Police Act 1996 with my response.\n\n"
        "HMICFRS inspected Westshire Police. The inspectorate recommended that the force:\n\n"
        "(i) introduces a single risk assessment for every missing person report.\n\n"
        "Yours sincerely\n\nSam Person\n\nPolice and Crime Commissioner\n",
        name="letter.txt",
    )
    assert record["inspection"]["title"] == "Finding and protecting missing people in Westshire"


def test_the_writer_s_own_list_under_findings_is_no_item() -> None:
    record = _record(
        "## What the inspectorate recommended\n\n"
        "HMICFRS inspected Westshire Police.\n\n"
        "### Recommendation 1\n\n"
        "Chief constables should publicise the outcomes of fraud investigations.\n\n"
        "For my part, I have asked the Chief Constable to:\n\n"
        "- report to me on progress at my monthly board;\n"
        "- share the force's approach with other forces.\n\n"
        "## The Commissioner's view\n\n" + _PCC_SAYS
    )
    assert [r["text"] for r in record["recommendations"]] == [
        "Chief constables should publicise the outcomes of fraud investigations."
    ]


def test_a_letterhead_s_address_is_no_commissioner_s_name() -> None:
    record = _record(
        "Office of the Westshire Police and Crime Commissioner\nMill House\nHigh Street\n\n"
        "Dear Minister\n\n"
        "HMICFRS inspected Westshire Police. I am writing under section 55 with my "
        "response.\n\nYours sincerely\n\nSam Person\n\nPolice and Crime Commissioner\n",
        name="letter.txt",
    )
    assert record["commissioner"] == "Sam Person"


def test_pillar_grades_in_other_words_give_no_overall_grade() -> None:
    record = _record(
        "## How the force was judged\n\n"
        "HMICFRS judged Westshire Police to require improvement in its effectiveness at "
        "keeping people safe, and to be good at operating efficiently and good at treating "
        "the public and its workforce legitimately.\n\n"
        "## The Commissioner's view\n\n" + _PCC_SAYS
    )
    assert record["judgement"]["grade"] is None


def test_a_details_table_asking_of_the_report_and_a_date_made_public() -> None:
    record = _record(
        "# **About the inspection**\n\n"
        "| Name of report | PEEL: Police effectiveness 2017 |\n| :---- | :---- |\n"
        "| Date HMICFRS made it public | 22 March 2018 |\n"
        "| Does the report quote Westshire and Eastshire Constabulary? | Yes |\n\n"
        "# **The Commissioner's view**\n\n"
        "Sam Person, Westshire and Eastshire’s Police and Crime Commissioner, said: "
        "“I welcome the report.”\n"
    )
    assert record["inspection"]["published"] == "2018-03-22"
    assert record["inspection"]["force_quoted"] is True
    assert record["commissioner"] == "Sam Person"


@pytest.mark.parametrize(
    ("prose", "grades"),
    [
        (
            "The inspectorate judged Westshire and Eastshire Police to be good at operating "
            "efficiently. The force was also graded good in 2016.",
            ("Good", "Good"),
        ),
        (
            "The inspectorate graded Westshire Police as requires improvement in how "
            "efficiently it keeps people safe. This is a step back from 2016, when the "
            "force's efficiency was graded good.",
            ("Requires improvement", "Good"),
        ),
    ],
)
def test_a_grade_and_the_one_before_it_in_prose(prose: str, grades: tuple[str, str]) -> None:
    from hmic_extract.extract.judgement import read_grades

    found = read_grades(prose, 2017, judged_only=True, given_by=True)
    assert (found.grade, found.previous) == grades


def test_a_subject_line_describing_the_inspection_gives_way_to_the_quoted_title() -> None:
    from hmic_extract.extract.details import title_in_prose

    assert (
        title_in_prose(
            [
                "Subject: HMICFRS inspection of Westshire Police (PEEL 2018/19)",
                "1.2 The report, ‘PEEL 2018/19 – An inspection of Westshire Police’, was "
                "published on 27 September 2019.",
            ]
        )
        == "PEEL 2018/19 – An inspection of Westshire Police"
    )


def test_a_pillar_s_grade_beside_an_area_s_is_no_overall_grade() -> None:
    from hmic_extract.extract.judgement import read_grades

    found = read_grades(
        "To be judged outstanding for efficiency and good in every other area is a tribute "
        "to the officers.",
        2019,
        judged_only=True,
        given_by=True,
    )
    assert found.grade is None


def test_a_pull_quote_credited_in_the_line_below_it() -> None:
    record = _record(
        "## What HMICFRS found\n\nHMICFRS inspected Westshire Police.\n\n"
        "## The Commissioner's response\n\nI welcome the report.\n\n"
        "“Two years ago the force required improvement. Today it is good.”\n\n"
        "Sam Person, Police and Crime Commissioner for Westshire\n"
    )
    assert [(s["speaker"], s["role"]) for s in record["pcc_response"]["statements"]] == [
        ("Sam Person", "Police and Crime Commissioner")
    ]


def test_a_paper_s_recommendations_to_its_meeting_are_no_items() -> None:
    record = _record(
        "## Recommendation(s)\n\nThe Panel is recommended to:\n\n"
        "a) note the Commissioner's response to the HMICFRS report;\n"
        "b) request a further update at its meeting in September.\n\n"
        "## Appendix A: the inspectorate's recommendations\n\n"
        "HMICFRS inspected Westshire Police and made this recommendation:\n\n"
        "- By 31 May 2023, chief constables should review their vetting decisions.\n\n"
        "## The Commissioner's comments\n\n" + _PCC_SAYS
    )
    assert [r["text"] for r in record["recommendations"]] == [
        "By 31 May 2023, chief constables should review their vetting decisions."
    ]


# --- blind set t ----------------------------------------------------------------


def test_the_points_of_an_item_in_another_language_are_that_language_s_too() -> None:
    """A bilingual response prints each item in Welsh, then English: the Welsh item's
    points are passed over with it, though a short one holds a word English shares."""
    record = _record(
        "FINDINGS\n\nAreas for improvement:\n\n"
        "i) Dylai'r heddlu wella'r modd y mae'n rheoli'r risg o lygredd, yn enwedig drwy:\n"
        "   - gwblhau ei adolygiad o fetio ar gyfer pob swydd risg uwch yn fuan;\n"
        "   - chydnabod camddefnyddio swydd at ddiben rhywiol fel llygredd difrifol.\n"
        "i) The force should improve how it manages the risk of corruption, by:\n"
        "   - completing its review of vetting for all posts at higher risk;\n"
        "   - recognising abuse of position for a sexual purpose as serious corruption.\n\n"
        "PCC RESPONSE\n\n" + _PCC_SAYS,
        name="response.txt",
    )
    assert [a["text"] for a in record["areas_for_improvement"]] == [
        "The force should improve how it manages the risk of corruption, by:"
    ]
    assert len(record["areas_for_improvement"][0]["sub_items"]) == 2


def test_published_today_with_its_date_in_brackets() -> None:
    record = _record(
        "*News release from the Office of the Police and Crime Commissioner for "
        "Westshire and its partners – 12 December 2017*\n\n"
        "The force is rated good in *PEEL: Police legitimacy 2017*, a report by HMICFRS "
        "published today (12 December 2017).\n\n" + _FINDINGS
    )
    assert record["inspection"]["published"] == "2017-12-12"


def test_a_page_s_own_byline_dates_the_response_not_the_report() -> None:
    record = _record(
        "Published by the Office of the Police and Crime Commissioner, 27 April 2017\n\n"
        "HMIC published its report PEEL: Police effectiveness 2016 on Westshire Police on "
        "2 March 2017.\n\n" + _FINDINGS
    )
    assert record["inspection"]["published"] == "2017-03-02"


def test_a_grade_given_in_an_earlier_year_s_inspection_is_the_previous_grade() -> None:
    record = _record(
        "## Summary\n\nHMICFRS graded Westshire Police as **good** at operating efficiently. "
        "In the 2016 efficiency inspection the force was graded **requires improvement**, so "
        "this is a step forward.\n\n"
        "The inspection was published on 9 November 2017.\n" + _FINDINGS
    )
    assert record["judgement"]["grade"] == "Good"
    assert record["judgement"]["previous_grade"] == "Requires improvement"


def test_a_quotation_credited_in_its_own_footer_on_a_web_page() -> None:
    record = _record(
        "<html><body><main><h2>What HMICFRS found</h2><p>HMICFRS inspected the "
        "Metropolitan Police Service.</p><h2>The Deputy Mayor's response</h2>"
        "<blockquote><p>“This review shows that the Met has listened.”</p>"
        "<footer>— <cite>Sam Person, Deputy Mayor for Policing and Crime</cite></footer>"
        "</blockquote></main></body></html>",
        name="response.html",
    )
    assert record["commissioner"] == "Sam Person"
    assert [(s["speaker"], s["role"]) for s in record["pcc_response"]["statements"]] == [
        ("Sam Person", "Deputy Mayor for Policing and Crime")
    ]


def test_a_london_force_s_assistant_commissioner_is_not_its_chief() -> None:
    record = _record(
        "## What HMICFRS found\n\nHMICFRS inspected the Metropolitan Police Service.\n\n"
        "## The force's response\n\n"
        "The Commissioner of Police of the Metropolis, Ann Other, accepted the report.\n\n"
        "Deputy Assistant Commissioner Jo Bloggs said: “We will deliver every one.”\n"
    )
    statements = record["force_response"]["statements"]
    assert [(s["speaker"], s["role"]) for s in statements] == [
        ("Jo Bloggs", "Deputy Assistant Commissioner")
    ]
    assert record["chief_constable"] != "Jo Bloggs"


def test_a_page_s_one_top_heading_is_its_title_whatever_its_words() -> None:
    """A news release's headline, set above every other heading, names no section: the
    release's body under it is read for items as any text is."""
    record = _record(
        "# Commissioner welcomes inspection findings\n\n"
        "Westshire Police has been rated good by HMICFRS.\n\n"
        "The report also identifies two areas where the force needs to do more:\n\n"
        "* The force should improve how it monitors body-worn video.\n"
        "* The force should make its wellbeing services open to volunteers.\n\n"
        + _PCC_SAYS
        + "\n## Notes to editors\n\n1. The full report is on the HMICFRS website.\n"
    )
    assert record["title"] == "Commissioner welcomes inspection findings"
    assert [s["kind"] for s in record["sections"]] == ["other"]
    assert len(record["areas_for_improvement"]) == 2


def test_a_row_across_a_table_names_the_kind_of_the_rows_below() -> None:
    record = _record(
        "## Appendix A: progress tracker\n\n"
        "| Recommendation | Force update | RAG status | Lead |\n|---|---|---|---|\n"
        "| Causes of concern | | | |\n"
        "| The force does not have enough trained staff. | Posts added | Green | ACC |\n"
        "| Recommendations | | | |\n"
        "| By 30 June 2020, the force should train all managers. | Done | Green | Ch Supt |\n"
        "\n## The Commissioner's comments\n\n" + _PCC_SAYS
    )
    assert [c["text"] for c in record["causes_of_concern"]] == [
        "The force does not have enough trained staff."
    ]
    assert [r["text"] for r in record["recommendations"]] == [
        "By 30 June 2020, the force should train all managers."
    ]


def test_a_heading_describing_the_inspection_gives_way_to_the_quoted_title() -> None:
    record = _record(
        "# HMICFRS inspection of the management of sex offenders by Westshire Police: update\n\n"
        "## Background\n\nOn 16 January 2020 HMICFRS published ‘Westshire Police: An "
        "inspection of the management of registered sex offenders’.\n" + _FINDINGS
    )
    assert record["inspection"]["title"] == (
        "Westshire Police: An inspection of the management of registered sex offenders"
    )
