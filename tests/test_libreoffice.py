"""Word files and the PDFs LibreOffice makes of them give the same record."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import RENDERING_DEPENDENT, differences, record_of, without_locations

FOLDER = Path(__file__).parent / "fixtures" / "libreoffice"
WORD_FILES = sorted(FOLDER.glob("*.docx"))


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("word", WORD_FILES, ids=lambda p: p.stem)
def test_libreoffice_pdf_gives_the_word_record(word: Path, engine: str) -> None:
    from_word = without_locations(record_of(word))
    from_pdf = without_locations(record_of(word.with_suffix(".pdf"), engine=engine))
    assert differences(from_word, from_pdf, ignore=RENDERING_DEPENDENT) == []


# pdftotext's reading order loses what no reader can recover: it joins words
# broken at a hyphen ("countercorruption"), and it prints a list's Symbol-font
# bullets before the items, where a sentence ending at a full line cannot be
# told from an item's end. These renderings are checked for what survives.
RAW_LOSSY = {"action-plan", "boxed", "findings-table", "letter", "paper", "seed"}


@pytest.mark.parametrize(
    "rendering",
    [f"{p.stem}.layout.txt" for p in WORD_FILES]
    + [f"{p.stem}.raw.txt" for p in WORD_FILES if p.stem not in RAW_LOSSY],
)
def test_pdftotext_renderings_give_the_word_record(rendering: str) -> None:
    word = FOLDER / f"{rendering.split('.', maxsplit=1)[0]}.docx"
    from_word = without_locations(record_of(word))
    from_text = without_locations(record_of(FOLDER / rendering))
    assert differences(from_word, from_text, ignore=(*RENDERING_DEPENDENT, "title")) == []


@pytest.mark.parametrize("stem", sorted(RAW_LOSSY))
def test_lossy_raw_renderings_keep_the_structure(stem: str) -> None:
    from_word = record_of(FOLDER / f"{stem}.docx")
    from_text = record_of(FOLDER / f"{stem}.raw.txt")
    assert [q["number"] for q in from_text["core_questions"]] == [
        q["number"] for q in from_word["core_questions"]
    ]
    for key in ("force", "commissioner", "chief_constable", "judgement", "office_use"):
        if key == "judgement":
            assert from_text[key]["grade"] == from_word[key]["grade"]
        else:
            assert from_text[key] == from_word[key]
    if stem not in FORM_UNPAIRED:
        assert from_text["inspection"]["published"] == from_word["inspection"]["published"]


# Reading order prints a form as a column of labels, then one of values; where a
# label is no details label ("Overall grade", a section's name when alone on its
# line), labels and values cannot be paired, and the date is not read.
FORM_UNPAIRED = {"action-plan"}


def test_a_column_of_labels_then_a_column_of_values() -> None:
    """Regression: pdftotext printed the form's labels, then its values."""
    record = record_of(FOLDER / "areas.raw.txt")
    assert record["inspection"]["title"] == (
        "PEEL 2023–25: An inspection of Avon and Somerset Constabulary"
    )
    assert record["inspection"]["published"] == "2024-03-14"
    assert [t["checked"] for t in record["inspection"]["types"]] == [
        False,
        False,
        False,
        True,
        False,
    ]


def test_a_list_restarting_at_one_is_nested() -> None:
    """Regression: with indentation lost, Word's 1./1./2./3. read as four recommendations."""
    [recommendation] = record_of(FOLDER / "justified.raw.txt")["recommendations"]
    assert recommendation["sub_items"] == [
        "visits are made on time;",
        "risk is reassessed after every visit; and",
        "supervisors check the quality of assessments.",
    ]


def test_the_fixtures_are_all_there() -> None:
    assert [p.stem for p in WORD_FILES] == [
        "action-plan",
        "areas",
        "boxed",
        "findings-table",
        "justified",
        "letter",
        "long-headings",
        "paper",
        "seed",
    ]
    for word in WORD_FILES:
        for suffix in (".pdf", ".layout.txt", ".raw.txt"):
            assert word.with_name(word.stem + suffix).exists()


def test_an_action_plan_under_a_long_numbered_heading() -> None:
    """Regressions: the section "3. Areas for improvement and the force's response" was
    the force's response (its items were not looked for), and in the PDF a list item
    (numbered, too long for a short heading); the table, its first column numbering
    the rows and its item column's title wrapped, was not read as an item table in
    the PDF, in pdftotext's layout or in pandoc's multiline table."""
    for name in ("action-plan.docx", "action-plan.pdf", "action-plan.layout.txt"):
        record = record_of(FOLDER / name)
        assert [s["kind"] for s in record["sections"]][2] == "findings", name
        assert [(a["text"][:30], a["response"]) for a in record["areas_for_improvement"]] == [
            ("The force should develop a bet", "A demand review is under way."),
            ("The force should ensure it has", "A skills audit has been commissioned."),
            ("The force should improve its f", "Completed in the medium-term financial plan."),
        ], name
        assert record["core_questions"] == [], name


def test_a_question_at_the_foot_of_two_pages_is_not_a_running_footer() -> None:
    """Regression: the summary's last question and the findings' fifth both end a page."""
    record = record_of(FOLDER / "seed.pdf")
    assert [q["number"] for q in record["core_questions"]] == [1, 2, 3, 4, 5]
    assert record["core_questions"][4]["note"] == "Not graded, therefore no areas for improvement."


def test_a_name_broken_at_its_hyphen_keeps_it() -> None:
    assert record_of(FOLDER / "boxed.pdf")["title"].endswith("OF DYFED-POWYS POLICE")


def test_text_tables_keep_their_rows_and_responses() -> None:
    """Regression: a plain-text item table's cells ran into one another."""
    record = record_of(FOLDER / "letter.layout.txt")
    assert [(r["text"], r["response"]) for r in record["recommendations"]] == [
        (
            "Within three months, the force should ensure that all staff understand crime "
            "recording.",
            "Accepted. Training delivered.",
        ),
        ("By 1 September 2018, the force should audit its recording of rape.", "Accepted."),
    ]
    assert record["commissioner"] == "Jeff Cuthbert"


def test_findings_as_a_table_of_questions() -> None:
    """A row per question, its AFIs (one per paragraph, or a note) in the next column."""
    for rendering in ("findings-table.docx", "findings-table.pdf", "findings-table.layout.txt"):
        record = record_of(FOLDER / rendering)
        assert [
            (q["number"], q["note"], [a["text"] for a in q["areas_for_improvement"]])
            for q in record["core_questions"]
        ] == [
            (
                1,
                None,
                [
                    "The force should improve its understanding of hidden demand.",
                    "The force should analyse calls that are abandoned.",
                ],
            ),
            (2, "No areas for improvement.", []),
            (3, None, ["The force should publish a workforce plan."]),
        ], rendering
        assert record["office_use"] == {
            "forwarded_to_home_office": True,
            "published_on_pcc_website": False,
        }
