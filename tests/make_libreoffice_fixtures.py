"""Word files in eight house styles, and their PDFs as LibreOffice renders them.

The PDFs in tests/fixtures/libreoffice/ were made from these Word files by
LibreOffice (the producer of most published responses), with

    python tests/make_libreoffice_fixtures.py
    soffice --headless --convert-to pdf --outdir tests/fixtures/libreoffice \\
        tests/fixtures/libreoffice/*.docx
    for f in tests/fixtures/libreoffice/*.pdf; do
        pdftotext -layout "$f" "${f%.pdf}.layout.txt"; pdftotext "$f" "${f%.pdf}.raw.txt"
    done
    cd tests/fixtures/libreoffice && for f in *.docx; do f=${f%.docx}
        pandoc $f.docx -t gfm -o ../pandoc/$f.gfm.md
        pandoc $f.docx -t markdown -o ../pandoc/$f.pandoc.md
        pandoc $f.docx -t plain -o ../pandoc/$f.plain.txt
    done

and are committed with poppler's two text renderings of each PDF and pandoc's
markdown and plain-text renderings of the Word files, so the tests need none of
LibreOffice, poppler or pandoc. The regressions they hold:
a question repeated at the foot of two pages was taken for a running footer; a
capitalised name broken at its hyphen ("DYFED-" / "POWYS") was rejoined with a
space; pdftotext's reading order printed a form's labels and values as two
columns, and a list restarting at 1 under a numbered item lost its nesting;
a heading or bold numbered question too long for one line lost its second line,
which read as a heading (or a question) of its own; a numbered section heading
too long for the short-heading test read as a list item, and an action plan
headed "No. | Area for improvement" (the title wrapped) was not an item table.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from tests.fixture_documents import render_docx

OUT = Path(__file__).parent / "fixtures" / "libreoffice"


def _title(document: Any, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def _rows(table: Any, rows: Sequence[Sequence[str]]) -> None:
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _grid(document: Any, rows: Sequence[Sequence[str]]) -> None:
    """A bordered table of ``rows``, as wide as they are."""
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    _rows(table, rows)


def _form(document: Any, rows: tuple[tuple[str, str], ...]) -> None:
    """The details form: a bordered two-column table of labels and values."""
    _grid(document, rows)


def graded_areas() -> Any:
    """PEEL 2023 style: areas numbered by Word, each with a grade line; a bordered form."""
    document = docx.Document()
    _title(document, "RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF AVON AND SOMERSET CONSTABULARY")
    document.add_heading("INSPECTION DETAILS", level=2)
    _form(
        document,
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
    _grid(
        document,
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


def justified_paper() -> Any:
    """Justified text, a protective marking and PAGE field in header and footer, Word's
    nested numbering under a recommendation, a statement running over a page."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "OFFICIAL – SENSITIVE"
    footer = section.footer.paragraphs[0]
    footer.text = "Page "
    footer._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )

    def paragraph(text: str, *, bold: bool = False, italic: bool = False) -> None:
        run = document.add_paragraph().add_run(text)
        run.bold, run.italic = bold, italic
        document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    paragraph(
        "RESPONSE BY THE POLICE, FIRE AND CRIME COMMISSIONER TO HMICFRS INSPECTIONS OF "
        "NORTHAMPTONSHIRE POLICE",
        bold=True,
    )
    document.add_heading("1. Inspection details", level=1)
    _form(
        document,
        (
            (
                "Title of Inspection",
                "PEEL: Police effectiveness, efficiency and legitimacy 2018/19",
            ),
            ("Date Inspection Published", "2 May 2019"),
            (
                "Type of Inspection:",
                "☐ Northamptonshire Specific ☐ Follow Up ☐ Partner Inspection "
                "☒ National ☐ Thematic",
            ),
            ("Is Northamptonshire Police quoted in the Report?", "Yes ☐ No ☒"),
        ),
    )
    document.add_heading("2. Executive summary of report", level=1)
    for _ in range(3):
        paragraph(
            "On 2 May 2019, HMICFRS published its integrated PEEL assessment of "
            "Northamptonshire Police. " * 3
        )
    document.add_heading("3. Overall judgement", level=1)
    paragraph(
        "HMICFRS judged Northamptonshire Police to be requires improvement in "
        "effectiveness. The force was previously judged to be good."
    )
    document.add_heading("4. Findings", level=1)
    narrative = "Supporting narrative about the force and its work in this area of policing. " * 4
    paragraph(
        "1) How effective is the force at reducing crime and keeping people safe?", italic=True
    )
    paragraph("Recommendation", bold=True)
    document.add_paragraph(
        "By 31 October 2019, the force should review its offender management arrangements so that:",
        style="List Number",
    )
    for sub_item in (
        "visits are made on time;",
        "risk is reassessed after every visit; and",
        "supervisors check the quality of assessments.",
    ):
        document.add_paragraph(sub_item, style="List Number 2")
    paragraph("Areas for improvement", bold=True)
    document.add_paragraph(
        "The force should evaluate its crime prevention work.", style="List Bullet"
    )
    for _ in range(4):
        paragraph(narrative)
    paragraph(
        "2) How efficient is the force at keeping people safe and reducing crime?", italic=True
    )
    paragraph("No areas for improvement.")
    document.add_heading("5. Chief Constable's comments", level=1)
    paragraph(
        "Chief Constable Nick Adderley said: “We accept the findings. "
        + "We are changing how we work. " * 40
    )
    paragraph("“We will report on progress.”")
    document.add_heading("6. Commissioner's comments", level=1)
    paragraph(
        "Police, Fire and Crime Commissioner Stephen Mold said: “I will scrutinise the plan.”"
    )
    document.add_heading("For office use only", level=1)
    paragraph("Response forwarded to Home Office ☒")
    paragraph("Response published on PCC website ☒")
    return document


def _item_table(document: Any, rows: tuple[tuple[str, str, str], ...]) -> None:
    _grid(document, (("Recommendation", "Response", "Owner"), *rows))


def paper() -> Any:
    """A paper with its own headings, numbered AFIs and a recommendations table."""
    document = docx.Document()
    document.add_heading("Police and Crime Commissioner for Sussex", level=1)
    document.add_heading("Response to HMICFRS PEEL: Police effectiveness 2018", level=2)
    document.add_heading("Introduction", level=2)
    document.add_paragraph(
        "On 22 March 2019, Her Majesty's Inspectorate of Constabulary and Fire & Rescue "
        "Services (HMICFRS) published its report on the effectiveness of Sussex Police."
    )
    document.add_heading("Summary of findings", level=2)
    document.add_paragraph(
        "HMICFRS judged Sussex Police to be good at keeping people safe and reducing crime. "
        "In 2017 the force was judged to be requires improvement."
    )
    document.add_heading("Areas for improvement", level=2)
    document.add_paragraph(
        "The force should improve how it supervises investigations.", style="List Number"
    )
    document.add_paragraph(
        "The force should ensure that it records crime accurately, including:", style="List Number"
    )
    for sub_item in (
        "crimes reported by partner agencies; and",
        "crimes disclosed during other investigations.",
    ):
        document.add_paragraph(sub_item, style="List Bullet 2")
    document.add_heading("Recommendations", level=2)
    _item_table(
        document,
        (
            (
                "Within three months, the force should review its missing persons process so that "
                "every high-risk case is reviewed by an inspector.",
                "Accepted. Review complete and new process in place.",
                "ACC Local Policing",
            ),
            (
                "By 30 September 2019, the force should train all call handlers in the THRIVE "
                "risk model.",
                "Accepted.",
                "Head of Contact",
            ),
        ),
    )
    document.add_heading("Chief Constable's comments", level=2)
    document.add_paragraph("Chief Constable Giles York said: “We welcome the report.”")
    document.add_heading("Commissioner's comments", level=2)
    document.add_paragraph(
        "Police and Crime Commissioner Katy Bourne said: “I will hold the Chief Constable to "
        "account.”"
    )
    return document


def letter() -> Any:
    """A letter to HM Chief Inspector, numbered paragraphs, an annex table on a new page."""
    document = docx.Document()
    for text in (
        "Office of the Police and Crime Commissioner for Gwent",
        "15 May 2018",
        "Dear Sir Thomas,",
        "Response to HMICFRS Crime Data Integrity inspection of Gwent Police, published "
        "20 March 2018",
    ):
        document.add_paragraph(text)
    for text in (
        "I welcome this report and the inspectorate's recognition of the improvement in "
        "crime recording.",
        "The Chief Constable has developed an action plan, summarised in the annex to this letter.",
    ):
        document.add_paragraph(text, style="List Number")
    for text in ("Yours sincerely,", "Jeff Cuthbert", "Police and Crime Commissioner for Gwent"):
        document.add_paragraph(text)
    document.add_page_break()
    document.add_heading("Annex: Recommendations", level=2)
    _item_table(
        document,
        (
            (
                "Within three months, the force should ensure that all staff understand crime "
                "recording.",
                "Accepted. Training delivered.",
                "ACC Crime",
            ),
            (
                "By 1 September 2018, the force should audit its recording of rape.",
                "Accepted.",
                "Force Crime Registrar",
            ),
        ),
    )
    return document


def findings_table() -> Any:
    """Findings as a table (a question per row, its AFIs beside it); a thematic's
    recommendations for all forces; office-use answers written as Yes/No."""
    document = docx.Document()
    _title(document, "RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF LINCOLNSHIRE POLICE")
    document.add_heading("INSPECTION DETAILS", level=2)
    _form(
        document,
        (
            ("Title of Inspection", "PEEL: Police efficiency 2017"),
            ("Date Inspection Published", "9 November 2017"),
            (
                "Type of Inspection:",
                "☐ Lincolnshire Specific ☐ Follow Up ☐ Partner Inspection ☒ National ☐ Thematic",
            ),
            ("Is Lincolnshire Police quoted in the Report?", "Yes ☒ No ☐"),
        ),
    )
    document.add_heading("OVERALL JUDGEMENT", level=2)
    document.add_paragraph(
        "HMICFRS judged Lincolnshire Police to be ‘good’ at using its "
        "resources. This is the same grade as last year."
    )
    document.add_heading("FINDINGS", level=2)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    rows = (
        ("Core question", "Areas for improvement"),
        (
            "1. How well does the force understand demand?",
            "The force should improve its understanding of hidden demand.\n"
            "The force should analyse calls that are abandoned.",
        ),
        ("2. How well does the force use its resources?", "No areas for improvement."),
        (
            "3. How well is the force planning for the future?",
            "The force should publish a workforce plan.",
        ),
    )
    for question, items in rows:
        cells = table.add_row().cells
        cells[0].text = question
        first, *rest = items.split("\n")
        cells[1].text = first
        for item in rest:
            cells[1].add_paragraph(item)
    document.add_heading("FORCE RESPONSE TO RECOMMENDATIONS", level=2)
    document.add_paragraph("Chief Constable Bill Skelly said: “We will act on every point.”")
    document.add_heading("PCC RESPONSE TO INSPECTION", level=2)
    document.add_paragraph("Police and Crime Commissioner Marc Jones said: “A good result.”")
    document.add_heading("FOR OFFICE USE ONLY", level=2)
    document.add_paragraph("Response forwarded to Home Office: Yes")
    document.add_paragraph("Response published on PCC website: No")
    return document


def long_headings() -> Any:
    """Headings too long for one line: a title, questions as Heading 3 that wrap, and
    bold numbered questions that wrap; items under labels and deeper headings."""
    document = docx.Document()
    document.add_heading(
        "Response of the Police and Crime Commissioner for Northamptonshire to the HMICFRS "
        "PEEL inspection of police effectiveness 2018",
        level=1,
    )
    document.add_heading("Inspection details", level=2)
    _form(
        document,
        (
            ("Title of Inspection", "PEEL: Police effectiveness 2018"),
            ("Date Inspection Published", "22 March 2019"),
        ),
    )
    document.add_heading("Overall judgement", level=2)
    document.add_paragraph(
        "HMICFRS judged Northamptonshire Police to be ‘requires improvement’ at keeping "
        "people safe and reducing crime."
    )
    document.add_heading("Findings", level=2)
    document.add_heading(
        "Question 1: How effective is the force at preventing crime, tackling anti-social "
        "behaviour and keeping people safe?",
        level=3,
    )
    document.add_paragraph("Areas for improvement:")
    document.add_paragraph(
        "The force should improve how it uses problem-solving with partner organisations.",
        style="List Bullet",
    )
    document.add_heading(
        "Question 2: How effective is the force at protecting from harm those who are "
        "vulnerable, and supporting victims?",
        level=3,
    )
    document.add_heading("Cause of concern", level=4)
    document.add_paragraph(
        "The force does not always respond promptly to calls from vulnerable people. Within "
        "three months it should:"
    )
    for point in ("review its call grading;", "and supervise outstanding incidents."):
        document.add_paragraph(point, style="List Bullet")
    for question in (
        "3. How effective is the force at tackling serious and organised crime, including "
        "its arrangements for fulfilling its national policing responsibilities?",
        "4. How well does the force make sure that its workforce behaves ethically and "
        "lawfully in every contact with the public it serves?",
    ):
        document.add_paragraph().add_run(question).bold = True
        document.add_paragraph("No areas for improvement were identified.")
    document.add_heading("Force response", level=2)
    document.add_paragraph("Chief Constable Nick Adderley said: “We have a plan in place.”")
    document.add_heading("PCC response", level=2)
    document.add_paragraph(
        "Police, Fire and Crime Commissioner Stephen Mold said: “I will monitor progress.”"
    )
    return document


def action_plan() -> Any:
    """Numbered section headings in Word's heading type, one too long for a short
    heading ("3. Areas for improvement and the force's response"), over an action
    plan whose first column numbers the rows and whose item column's title wraps."""
    document = docx.Document()
    document.add_heading("Police and Crime Commissioner for Northamptonshire", level=1)
    _title(document, "Response to HMICFRS report: PEEL: Police efficiency 2017")
    document.add_heading("1. Report details", level=2)
    _form(
        document,
        (
            ("Report title", "PEEL: Police efficiency 2017"),
            ("Date published", "9 November 2017"),
            ("Overall grade", "Requires improvement"),
        ),
    )
    document.add_heading("2. Summary", level=2)
    document.add_paragraph(
        "HMICFRS judged Northamptonshire Police to require improvement in the efficiency "
        "with which it keeps people safe and reduces crime. In 2016 the force was judged "
        "to be good."
    )
    document.add_heading("3. Areas for improvement and the force's response", level=2)
    _grid(
        document,
        (
            ("No.", "Area for improvement", "Force response", "Status"),
            (
                "1",
                "The force should develop a better understanding of demand.",
                "A demand review is under way.",
                "Open",
            ),
            (
                "2",
                "The force should ensure it has the right workforce skills, by 31 March 2018.",
                "A skills audit has been commissioned.",
                "Open",
            ),
            (
                "3",
                "The force should improve its financial planning.",
                "Completed in the medium-term financial plan.",
                "Closed",
            ),
        ),
    )
    document.add_heading("4. Chief Constable's comments", level=2)
    document.add_paragraph(
        "Chief Constable Sam Carter said: “We recognise the areas HMICFRS has highlighted.”"
    )
    document.add_heading("5. PCC's comments", level=2)
    document.add_paragraph(
        "I have asked the Chief Constable to report to me on progress every quarter."
    )
    document.add_paragraph("Jo Blake")
    document.add_paragraph("Northamptonshire Police and Crime Commissioner")
    return document


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    render_docx(OUT / "seed.docx")
    graded_areas().save(str(OUT / "areas.docx"))
    boxed_form().save(str(OUT / "boxed.docx"))
    justified_paper().save(str(OUT / "justified.docx"))
    paper().save(str(OUT / "paper.docx"))
    letter().save(str(OUT / "letter.docx"))
    findings_table().save(str(OUT / "findings-table.docx"))
    long_headings().save(str(OUT / "long-headings.docx"))
    action_plan().save(str(OUT / "action-plan.docx"))


if __name__ == "__main__":
    main()
