"""Word files in three house styles, and their PDFs as LibreOffice renders them.

The PDFs in tests/fixtures/libreoffice/ were made from these Word files by
LibreOffice (the producer of most published responses), with

    python tests/make_libreoffice_fixtures.py
    soffice --headless --convert-to pdf --outdir tests/fixtures/libreoffice \\
        tests/fixtures/libreoffice/*.docx

and are committed, so the tests need no LibreOffice. The regressions they hold:
a question repeated at the foot of two pages was taken for a running footer; a
capitalised name broken at its hyphen ("DYFED-" / "POWYS") was rejoined with a
space.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx

from tests.fixture_documents import render_docx

OUT = Path(__file__).parent / "fixtures" / "libreoffice"


def _title(document: Any, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def _rows(table: Any, rows: tuple[tuple[str, str], ...]) -> None:
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value


def graded_areas() -> Any:
    """PEEL 2023 style: areas numbered by Word, each with a grade line; a bordered form."""
    document = docx.Document()
    _title(document, "RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF AVON AND SOMERSET CONSTABULARY")
    document.add_heading("INSPECTION DETAILS", level=2)
    details = document.add_table(rows=0, cols=2)
    details.style = "Table Grid"
    _rows(
        details,
        (
            (
                "Title of Inspection",
                "PEEL 2023–25: An inspection of Avon and Somerset Constabulary",
            ),
            ("Date Inspection Published", "14/03/2024"),
            (
                "Type of Inspection:",
                "☐ Avon and Somerset Specific\n☐ Follow Up\n☐ Partner Inspection\n☒ National\n"
                "☐ Thematic",
            ),
            ("Is Avon and Somerset Constabulary quoted in the Report?", "Yes ☒   No ☐"),
        ),
    )
    document.add_heading("OVERALL JUDGEMENT", level=2)
    document.add_paragraph(
        "HMICFRS no longer gives an overall grade; each area of policing is graded."
    )
    document.add_heading("FINDINGS", level=2)
    areas = (
        (
            "Investigating crime",
            "Adequate",
            "Area for improvement",
            "The force should make sure that investigations are supervised effectively and that "
            "victims are updated.",
        ),
        ("Protecting vulnerable people", "Good", None, None),
        (
            "Responding to the public",
            "Requires improvement",
            "Cause of concern",
            "The force does not answer emergency calls quickly enough.",
        ),
    )
    for area, grade, label, item in areas:
        document.add_paragraph(area, style="List Number").runs[0].bold = True
        document.add_paragraph(f"Grade: {grade}")
        if label and item:
            document.add_paragraph().add_run(label).bold = True
            document.add_paragraph(item, style="List Bullet")
        else:
            document.add_paragraph("No areas for improvement were identified.")
    document.add_heading("FORCE RESPONSE TO RECOMMENDATIONS", level=2)
    document.add_paragraph(
        "Chief Constable Sarah Crew said: “We accept the findings and have a plan.”"
    )
    document.add_heading("PCC RESPONSE TO INSPECTION", level=2)
    document.add_paragraph(
        "Police and Crime Commissioner Clare Moody said: “I will hold the force to account.”"
    )
    document.add_heading("FOR OFFICE USE ONLY", level=2)
    office = document.add_table(rows=0, cols=2)
    office.style = "Table Grid"
    _rows(
        office,
        (("Response forwarded to Home Office", "☒"), ("Response published on PCC website", "☐")),
    )
    return document


def boxed_form() -> Any:
    """Every section in a bordered one-cell box under a bold heading row."""
    document = docx.Document()
    _title(document, "RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF DYFED-POWYS POLICE")

    def box(title: str) -> Any:
        table = document.add_table(rows=2, cols=1)
        table.style = "Table Grid"
        table.rows[0].cells[0].text = title
        table.rows[0].cells[0].paragraphs[0].runs[0].bold = True
        document.add_paragraph("")
        return table.rows[1].cells[0]

    _rows(
        box("INSPECTION DETAILS").add_table(rows=0, cols=2),
        (
            ("Title of Inspection", "PEEL: Police legitimacy 2017"),
            ("Date Inspection Published", "12 December 2017"),
            (
                "Type of Inspection:",
                "☐ Dyfed-Powys Specific ☐ Follow Up ☐ Partner Inspection ☒ National ☐ Thematic",
            ),
            ("Is Dyfed-Powys Police quoted in the Report?", "Yes ☒ No ☐"),
        ),
    )
    box(
        "OVERALL JUDGEMENT"
    ).text = "The force was judged to be ‘Good’. In 2016 the force was judged to be ‘outstanding’."
    findings = box("FINDINGS")
    findings.text = "HMICFRS asked three questions."
    questions = (
        (
            1,
            "To what extent does the force treat all of the people it serves with fairness and "
            "respect?",
            None,
        ),
        (
            2,
            "How well does the force ensure that its workforce behaves ethically and lawfully?",
            "The force should make sure that it has enough capacity in its counter-corruption "
            "unit.",
        ),
    )
    for number, question, item in questions:
        findings.add_paragraph().add_run(f"Core question {number}").bold = True
        findings.add_paragraph().add_run(question).italic = True
        if item:
            findings.add_paragraph().add_run("Areas for improvement").bold = True
            findings.add_paragraph(item, style="List Bullet")
        else:
            findings.add_paragraph("No areas for improvement identified.")
    box(
        "FORCE RESPONSE TO RECOMMENDATIONS"
    ).text = "Chief Constable Mark Collins said: “We welcome the report.”"
    box(
        "PCC RESPONSE TO INSPECTION"
    ).text = (
        "Police and Crime Commissioner Dafydd Llywelyn said: “The public can trust their force.”"
    )
    return document


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    render_docx(OUT / "seed.docx")
    graded_areas().save(str(OUT / "areas.docx"))
    boxed_form().save(str(OUT / "boxed.docx"))


if __name__ == "__main__":
    main()
