"""The same content as markdown, generated PDF and generated text gives the same answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEED_MD
from tests.fixture_documents import OFFICE_USE, QUOTED, TYPES
from tests.helpers import differences, record_of

# What legitimately differs between renderings: provenance, section text
# layout, and the boxes the markdown conversion lost.
RENDERING_DEPENDENT = (
    "source",
    "sections",
    "judgement.text",
    "force_response.text",
    "pcc_response.text",
    "inspection.types",
    "inspection.force_quoted",
    "office_use",
)


def _without_locations(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_locations(v) for k, v in value.items() if k != "location"}
    if isinstance(value, list):
        return [_without_locations(v) for v in value]
    return value


@pytest.mark.parametrize("kind", ["pdf", "text"])
def test_rendering_gives_the_markdown_answers(kind: str, rendered: dict[str, Path]) -> None:
    from_markdown = _without_locations(record_of(SEED_MD))
    from_rendering = _without_locations(record_of(rendered[kind]))
    assert differences(from_markdown, from_rendering, ignore=RENDERING_DEPENDENT) == []


@pytest.mark.parametrize("kind", ["pdf", "text"])
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
