"""The seed markdown through pandoc (to Word) and LibreOffice (to PDF) gives the same record.

tests/fixtures/from-markdown/ holds `pandoc seed.md -f gfm -o seed.docx` and
LibreOffice's PDF of it. Regressions they hold: Word numbering that starts a
list at 2 (pandoc writes each question as its own list) read as 1; a first item
typed with a dash standing left of the bullets took the bullets as its
sub-items; options on lines of their own ran together in the PDF.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEED_MD
from tests.helpers import RENDERING_DEPENDENT, differences, record_of, without_locations

FOLDER = Path(__file__).parent / "fixtures" / "from-markdown"
# The title line is re-flowed by this conversion too.
LAYOUT_DEPENDENT = (*RENDERING_DEPENDENT, "title")


@pytest.mark.parametrize("name", ["seed.docx", "seed.pdf"])
def test_converted_seed_gives_the_markdown_record(name: str) -> None:
    expected = without_locations(record_of(SEED_MD))
    actual = without_locations(record_of(FOLDER / name))
    assert differences(expected, actual, ignore=LAYOUT_DEPENDENT) == []
