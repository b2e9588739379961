"""Word files and the PDFs LibreOffice makes of them give the same record."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import differences, record_of

FOLDER = Path(__file__).parent / "fixtures" / "libreoffice"
WORD_FILES = sorted(FOLDER.glob("*.docx"))
# Section text keeps each format's own line and table layout; the answers must not differ.
LAYOUT_DEPENDENT = (
    "source",
    "sections",
    "judgement.text",
    "force_response.text",
    "pcc_response.text",
)


def _without_locations(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_locations(v) for k, v in value.items() if k != "location"}
    if isinstance(value, list):
        return [_without_locations(v) for v in value]
    return value


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("word", WORD_FILES, ids=lambda p: p.stem)
def test_libreoffice_pdf_gives_the_word_record(word: Path, engine: str) -> None:
    from_word = _without_locations(record_of(word))
    from_pdf = _without_locations(record_of(word.with_suffix(".pdf"), engine=engine))
    assert differences(from_word, from_pdf, ignore=LAYOUT_DEPENDENT) == []


def test_the_fixtures_are_all_there() -> None:
    assert [p.stem for p in WORD_FILES] == ["areas", "boxed", "seed"]
    assert all(p.with_suffix(".pdf").exists() for p in WORD_FILES)


def test_a_question_at_the_foot_of_two_pages_is_not_a_running_footer() -> None:
    """Regression: the summary's last question and the findings' fifth both end a page."""
    record = record_of(FOLDER / "seed.pdf")
    assert [q["number"] for q in record["core_questions"]] == [1, 2, 3, 4, 5]
    assert record["core_questions"][4]["note"] == "Not graded, therefore no areas for improvement."


def test_a_name_broken_at_its_hyphen_keeps_it() -> None:
    assert record_of(FOLDER / "boxed.pdf")["title"].endswith("OF DYFED-POWYS POLICE")
