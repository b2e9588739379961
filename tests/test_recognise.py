"""Recognition from the body: news releases and letters are responses; documents about
inspections that are not one force's response are refused, saying what was found."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hmic_extract.cli import app
from tests.helpers import record_of

RELEASE = """Office of the Police and Crime Commissioner for Exampleshire
12 May 2022

Commissioner welcomes improvement in Exampleshire Police

A report published today by Her Majesty's Inspectorate of Constabulary and Fire & Rescue
Services (HMICFRS) found that Exampleshire Police has improved the way it answers calls.

Police and Crime Commissioner Jo Bloggs said: "This is good news for residents."
"""

LETTER = """Dear Secretary of State,

I write under section 55(1) of the Police Act 1996 with my comments on the HMICFRS report
on Exampleshire Constabulary. I welcome its findings.

Yours sincerely,

Jo Bloggs
Police and Crime Commissioner for Exampleshire
"""

NOT_RESPONSES = {
    "association": """ASSOCIATION OF POLICE AND CRIME COMMISSIONERS
APCC responds to HMICFRS State of Policing report

The APCC Chair, Commissioner Ann Other, said: "PCCs will study the inspectorate's report."
""",
    "inspectorate": """# PEEL 2023: An inspection of Exampleshire Police

## Our judgements

Exampleshire Police is good at preventing crime.

## Areas for improvement

The force should improve how it answers calls.
""",
    "panel minutes": """# Exampleshire Police and Crime Panel

## Minutes of the meeting held on 27 January 2023

**Present:** Councillor A (Chair), Councillor B.

### 1. Apologies for absence

None.

### 2. HMICFRS inspection of Exampleshire Police

The Commissioner responded to questions on the force's progress on the HMICFRS report.
""",
    "annual report": """Exampleshire Police - Annual Report 2022/23

In 2022 Exampleshire Police was inspected by HMICFRS. Progress is reported to the Police and
Crime Commissioner's accountability board each quarter.
""",
}


@pytest.mark.parametrize("text", [RELEASE, LETTER], ids=["release", "letter"])
def test_responses_recognised_from_their_body(tmp_path: Path, text: str) -> None:
    path = tmp_path / "response.txt"
    path.write_text(text, encoding="utf-8")
    record = record_of(path)
    assert record["force"] in ("Exampleshire Police", "Exampleshire Constabulary")
    assert not any(w["code"] == "not_recognised" for w in record["warnings"])


@pytest.mark.parametrize("name", sorted(NOT_RESPONSES))
def test_documents_about_inspections_are_still_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "page.txt"
    path.write_text(NOT_RESPONSES[name], encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "[not_recognised]" in result.stderr
    assert "found" in result.stderr
    assert "missing" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.parametrize(
    ("sentence", "grade", "previous"),
    [
        ("The force was rated as ‘inadequate’ at keeping people safe.", "Inadequate", None),
        (
            "Exampleshire Police was graded ‘good’, up from ‘requires improvement’ in 2019.",
            "Good",
            "Requires improvement",
        ),
        (
            "The force was judged to be requiring improvement. This is an improvement on the "
            "inadequate grade it received in 2016.",
            "Requires improvement",
            "Inadequate",
        ),
        ("The force was found to be ‘good’ in four areas and ‘adequate’ in three.", None, None),
        ("Victims assessed as high risk generally receive a good service.", None, None),
        (
            "The force was judged to be requiring improvement in 2022, after receiving a "
            "‘good’ grading in 2019.",
            "Requires improvement",
            "Good",
        ),
        ("HMICFRS assessed how good the force is at keeping people safe.", None, None),
        ("The force went from good to adequate in the report.", None, None),
    ],
)
def test_grades_stated_in_a_release(
    tmp_path: Path, sentence: str, grade: str | None, previous: str | None
) -> None:
    path = tmp_path / "release.txt"
    path.write_text(RELEASE.replace("has improved the way it answers calls.", sentence), "utf-8")
    record = record_of(path)
    assert (record["judgement"]["grade"], record["judgement"]["previous_grade"]) == (
        grade,
        previous,
    )


@pytest.mark.parametrize(
    ("quoted", "speaker", "role"),
    [
        ('Jo Bloggs PCC said: "This is good news."', "Jo Bloggs", "PCC"),
        (
            '"This is good news," said Jo Bloggs, Exampleshire\'s Police and Crime Commissioner.',
            "Jo Bloggs",
            "Police and Crime Commissioner",
        ),
        (
            "Police and Crime Commissioner Jo Bloggs said:\n\nI welcome this report.\n\n"
            "Over the coming weeks I will:\n\n- publish the force's plan.\n\n"
            "The report is on the inspectorate's website.",
            "Jo Bloggs",
            "Police and Crime Commissioner",
        ),
    ],
)
def test_statements_in_the_forms_releases_use(
    tmp_path: Path, quoted: str, speaker: str, role: str
) -> None:
    path = tmp_path / "release.txt"
    path.write_text(
        RELEASE.replace(
            'Police and Crime Commissioner Jo Bloggs said: "This is good news for residents."',
            quoted,
        ),
        "utf-8",
    )
    record = record_of(path)
    [statement] = record["pcc_response"]["statements"]
    assert (statement["speaker"], statement["role"]) == (speaker, role)
    assert "inspectorate's website" not in statement["text"]  # the narrator's paragraph
    assert record["force_response"] is None


def test_the_chief_constable_quoted_in_the_commissioner_s_words_is_the_force_s(
    tmp_path: Path,
) -> None:
    """A statement belongs to its speaker's side wherever it stands."""
    path = tmp_path / "release.txt"
    path.write_text(
        RELEASE + '\nChief Constable Ann Example said: "We accept the findings."\n', "utf-8"
    )
    record = record_of(path)
    assert [s["speaker"] for s in record["force_response"]["statements"]] == ["Ann Example"]
    assert [s["speaker"] for s in record["pcc_response"]["statements"]] == ["Jo Bloggs"]


PASTED_PAGE = """We use cookies on this site. Accept all cookies   Reject non-essential cookies
Skip to content
Exampleshire Police and Crime Commissioner
Text size: A A A
Contrast
Open Menu
Home / News / 2022 / Commissioner responds to inspection

Commissioner responds to HMICFRS report on Exampleshire Police

Posted: 12 May 2022
Category: News

A report published today by HMICFRS rated Exampleshire Police as ‘good’.

Police and Crime Commissioner Jo Bloggs said: "This is good news for residents."

Share this: Facebook Twitter LinkedIn Email
Back to top
Accessibility | Privacy notice | Cookies | Contact us
© Exampleshire Police and Crime Commissioner 2022
"""


def test_a_pasted_web_page_loses_its_site_furniture(tmp_path: Path) -> None:
    """Regression: pasted pages took the cookie banner or "Skip to content" as their
    title, and a report "published today" had no date."""
    path = tmp_path / "page.txt"
    path.write_text(PASTED_PAGE, "utf-8")
    record = record_of(path)
    assert record["title"] == "Commissioner responds to HMICFRS report on Exampleshire Police"
    assert record["inspection"]["published"] == "2022-05-12"
    assert record["judgement"]["grade"] == "Good"
    texts = " ".join(s["text"] for s in record["sections"]) + (record["title"] or "")
    assert "cookies" not in texts
    assert "Share this" not in texts


def test_published_yesterday_counts_back_from_the_dateline(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(
        RELEASE.replace("12 May 2022", "Friday 30 September 2022").replace(
            "A report published today", "A report published yesterday (29 September)"
        ),
        "utf-8",
    )
    assert record_of(path)["inspection"]["published"] == "2022-09-29"


def test_a_letter_hands_over_to_the_chief_constable_up_to_the_sign_off(tmp_path: Path) -> None:
    """The Chief Constable's words after "… has provided the following response:" up to
    the sign-off are the force's response; the letter's other words the PCC's."""
    path = tmp_path / "letter.txt"
    path.write_text(
        LETTER.replace(
            "I welcome its findings.\n",
            "I welcome its findings.\n\nThe Chief Constable has provided the following "
            "response:\n\nWe accept every recommendation.\n\nWork has already started.\n\n"
            "Ann Example, Chief Constable of Exampleshire Constabulary\n\n"
            "I will hold the Chief Constable to account.\n",
        ),
        "utf-8",
    )
    record = record_of(path)
    force = record["force_response"]["text"]
    assert force.startswith("We accept every recommendation.")
    assert "Work has already started." in force
    assert "hold the Chief Constable to account" not in force
    assert "We accept" not in record["pcc_response"]["text"]
    assert record["chief_constable"] == "Ann Example"
    assert record["force_response"]["statements"] == []  # unquoted: a response, no statement


def test_deadlines_at_the_end_of_the_year_of_publication() -> None:
    from datetime import date

    from hmic_extract.extract.dates import find_deadlines

    published = date(2022, 6, 9)
    calendar_year = find_deadlines("by the end of the calendar year, forces should act", published)
    financial_year = find_deadlines("by the end of this financial year", published)
    assert [d.date for d in calendar_year] == [date(2022, 12, 31)]
    assert [d.date for d in financial_year] == [date(2023, 3, 31)]
    assert find_deadlines("by the end of the calendar year", None) == []


def test_a_fieldwork_range_is_never_the_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(
        RELEASE.replace(
            "has improved the way it answers calls.",
            "has improved. Inspectors visited between 7 and 18 February 2022.",
        ),
        "utf-8",
    )
    assert record_of(path)["inspection"]["published"] == "2022-05-12"  # the dateline's day


def test_the_met_s_commissioner_heads_the_force_and_the_deputy_mayor_answers(
    tmp_path: Path,
) -> None:
    """Regression: "Commissioner of Police of the Metropolis" counted as a commissioner's
    role, so the Met's chief officer was given as the commissioner too."""
    path = tmp_path / "mopac.txt"
    path.write_text(
        "MOPAC response to the HMICFRS report on the Metropolitan Police Service\n\n"
        'The Commissioner of Police of the Metropolis, Dan Example, said: "We accept it."\n\n'
        'The Deputy Mayor for Policing and Crime, Ann Other, said: "We will hold the Met '
        'to account."\n',
        "utf-8",
    )
    record = record_of(path)
    assert (record["commissioner"], record["chief_constable"]) == ("Ann Other", "Dan Example")
    assert [s["speaker"] for s in record["force_response"]["statements"]] == ["Dan Example"]
