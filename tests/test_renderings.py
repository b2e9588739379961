"""The same content as markdown, generated PDF and generated text gives the same answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEED_MD
from tests.fixture_documents import OFFICE_USE, QUOTED, TYPES
from tests.helpers import RENDERING_DEPENDENT, differences, record_of, without_locations

# What legitimately differs here besides layout: the boxes the markdown
# conversion lost.
WITHOUT_BOXES = (
    *RENDERING_DEPENDENT,
    "inspection.types",
    "inspection.force_quoted",
    "office_use",
)


@pytest.mark.parametrize("kind", ["pdf", "text", "docx"])
def test_rendering_gives_the_markdown_answers(kind: str, rendered: dict[str, Path]) -> None:
    from_markdown = without_locations(record_of(SEED_MD))
    from_rendering = without_locations(record_of(rendered[kind]))
    assert differences(from_markdown, from_rendering, ignore=WITHOUT_BOXES) == []


@pytest.mark.parametrize("kind", ["pdf", "text", "docx"])
def test_rendering_boxes_are_read(kind: str, rendered: dict[str, Path]) -> None:
    record = record_of(rendered[kind])
    assert [(t["label"], t["checked"]) for t in record["inspection"]["types"]] == list(TYPES)
    assert record["inspection"]["force_quoted"] is QUOTED
    assert list(record["office_use"].values()) == [checked for _, checked in OFFICE_USE]


def test_pdf_rendering_drops_page_furniture(rendered: dict[str, Path]) -> None:
    record = record_of(rendered["pdf"])
    text = "\n".join(s["text"] for s in record["sections"])
    assert "OFFICIAL" not in text
    assert "Page 1 of" not in text
    assert record["source"]["pages"] >= 2


def test_pdf_locations_point_at_pages(rendered: dict[str, Path]) -> None:
    record = record_of(rendered["pdf"])
    afis = [a for q in record["core_questions"] for a in q["areas_for_improvement"]]
    pages = [a["location"]["page"] for a in afis]
    assert pages == sorted(pages)
    assert pages[0] >= 1
    assert all(a["location"]["bbox"] is not None for a in afis)
    lines = [a["location"]["line_start"] for a in afis]
    assert lines == sorted(lines)


def test_pdf_and_word_give_the_same_record(rendered: dict[str, Path]) -> None:
    """Same content, two layouts: identical records apart from source and locations."""
    from_pdf = without_locations(record_of(rendered["pdf"]))
    from_word = without_locations(record_of(rendered["docx"]))
    assert differences(from_pdf, from_word, ignore=("source",)) == []


def test_pdf_boxes_sit_on_the_printed_words(rendered: dict[str, Path]) -> None:
    """Each AFI's box starts where pdfplumber finds its first words on that page."""
    import pdfplumber

    record = record_of(rendered["pdf"])
    afis = [a for q in record["core_questions"] for a in q["areas_for_improvement"]]
    with pdfplumber.open(rendered["pdf"]) as pdf:
        for afi in afis:
            location = afi["location"]
            page = pdf.pages[location["page"] - 1]
            words = " ".join(afi["text"].split()[:8])
            x0, top, x1, bottom = location["bbox"]
            hits = page.search(words, regex=False)
            assert any(x0 <= hit["x0"] <= x1 and abs(hit["top"] - top) < 2 for hit in hits)
            assert bottom > top


def test_word_locations_count_body_paragraphs(rendered: dict[str, Path]) -> None:
    """In a Word file, line numbers are positions among body paragraphs and table rows."""
    import docx

    document = docx.Document(str(rendered["docx"]))
    body: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            body.append("".join(t.text or "" for t in element.iter() if t.tag.endswith("}t")))
        elif element.tag.endswith("}tbl"):
            body.extend("row" for _ in element.iter() if _.tag.endswith("}tr"))
    record = record_of(rendered["docx"])
    for question in record["core_questions"]:
        for afi in question["areas_for_improvement"]:
            line = afi["location"]["line_start"]
            assert body[line - 1] == afi["text"].split("\n\n")[0]
            assert afi["location"]["page"] is None
