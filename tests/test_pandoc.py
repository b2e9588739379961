"""Pandoc's markdown and plain-text renderings of the Word fixtures give the Word record.

tests/fixtures/pandoc/ holds, for each Word file in tests/fixtures/libreoffice/,
what `pandoc FILE.docx -t gfm`, `-t markdown` and `-t plain` make of it
(committed, so the tests need no pandoc). They exercise HTML tables, grid
tables, simple and multiline tables, and lists that lost their nesting.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import RENDERING_DEPENDENT, differences, record_of, without_locations

WORD = Path(__file__).parent / "fixtures" / "libreoffice"
PANDOC = Path(__file__).parent / "fixtures" / "pandoc"
# The title line is re-flowed by this conversion too.
LAYOUT_DEPENDENT = (*RENDERING_DEPENDENT, "title")
# What pandoc itself rewrites, so no reader can give the Word text back.
PANDOC_REWRITES = {
    # "–" written as "--"; the quoted label re-wrapped around its answer, which
    # then reads as an unknown heading
    "areas.pandoc.md": ("inspection", "warnings"),
    "seed.pandoc.md": ("force_response.statements",),  # curly quotes straightened
}


@pytest.mark.parametrize("rendering", sorted(p.name for p in PANDOC.iterdir()))
def test_pandoc_rendering_gives_the_word_record(rendering: str) -> None:
    word = WORD / f"{rendering.split('.', maxsplit=1)[0]}.docx"
    from_word = without_locations(record_of(word))
    from_pandoc = without_locations(record_of(PANDOC / rendering))
    ignore = (*LAYOUT_DEPENDENT, *PANDOC_REWRITES.get(rendering, ()))
    mismatches = [
        m
        for m in differences(from_word, from_pandoc, ignore=ignore)
        if not m.startswith("warnings")
    ]
    assert mismatches == []


def test_html_table_cells_keep_their_line_breaks() -> None:
    record = record_of(PANDOC / "areas.gfm.md")
    assert [(t["label"], t["checked"]) for t in record["inspection"]["types"]] == [
        ("Avon and Somerset Specific", False),
        ("Follow Up", False),
        ("Partner Inspection", False),
        ("National", True),
        ("Thematic", False),
    ]
