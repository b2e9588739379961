"""`show`: the record as a tree, and highlight images of where every item came from."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image
from typer.testing import CliRunner

from hmic_extract.cli import app
from hmic_extract.highlight import COLOURS, DEFAULT_DPI, LABEL_SIZE
from tests.conftest import SEED_MD

runner = CliRunner()


def test_show_renders_the_tree() -> None:
    result = runner.invoke(app, ["show", str(SEED_MD)])
    assert result.exit_code == 0, result.output
    assert "Q3 How effective is the force at protecting" in result.stdout
    assert "due 2017-05-01 (by 1 May 2017)" in result.stdout
    assert "Chief Constable Iain Spittal" in result.stdout


def test_show_reads_a_record_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner.invoke(app, ["extract", str(SEED_MD), "--out", str(out), "--quiet"])
    result = runner.invoke(app, ["show", str(out / f"{SEED_MD.name}.json")])
    assert result.exit_code == 0
    assert "Not graded, therefore no areas for improvement." in result.stdout


def _pixels(image: Image.Image, colour: tuple[int, int, int]) -> int:
    counts = image.getcolors(maxcolors=1 << 24) or []
    return sum(count for count, pixel in counts if pixel == colour)


def test_highlight_boxes_every_item_on_its_page(tmp_path: Path, rendered: dict[str, Path]) -> None:
    pdf = rendered["pdf"]
    out = tmp_path / "pages"
    result = runner.invoke(app, ["show", str(pdf), "--highlight", str(out)])
    assert result.exit_code == 0, result.output
    pages = sorted(out.glob("*.png"))
    record = json.loads(runner.invoke(app, ["extract", str(pdf), "--stdout"]).stdout)
    assert len(pages) == record["source"]["pages"]
    with Image.open(pages[1]) as image:
        # A4 at the highlight resolution.
        width, height = image.size
        assert abs(width - 595.28 * DEFAULT_DPI / 72) <= 1
        assert abs(height - 841.89 * DEFAULT_DPI / 72) <= 1
        assert _pixels(image.convert("RGB"), COLOURS["area_for_improvement"]) > 2000
        assert _pixels(image.convert("RGB"), COLOURS["question"]) > 500
    with Image.open(pages[0]) as image:
        # no AFI on the first page: its colour is only the legend's swatch
        legend_swatch = (round(LABEL_SIZE * DEFAULT_DPI / 72) + 1) ** 2
        assert _pixels(image.convert("RGB"), COLOURS["area_for_improvement"]) <= legend_swatch


def test_highlight_needs_a_pdf_and_says_so_before_the_tree(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(SEED_MD), "--highlight", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--highlight draws on PDF pages; this is markdown [usage]" in result.stderr


def test_show_says_first_that_extract_would_refuse(tmp_path: Path) -> None:
    """Regression: `show` on a document extract refuses printed a tree of "AFI"s, exit 0."""
    agenda = tmp_path / "agenda.txt"
    agenda.write_text("Parish council agenda\n\n1. Apologies\n2. Minutes of the last meeting\n")
    result = runner.invoke(app, ["show", str(agenda)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"hmic-extract: {agenda}: not recognised as a PCC response")
    assert result.stderr.rstrip().endswith("shown as read [not_recognised]")
    assert "Parish council agenda" in result.stdout


def test_a_markdown_records_boxes_are_not_stated(tmp_path: Path) -> None:
    """The seed's type labels carry no ticks in markdown: unknown, not "none ticked"."""
    result = runner.invoke(app, ["show", str(SEED_MD)])
    assert "type: boxes not stated in this format (Cleveland Specific" in result.stdout
    assert "none ticked" not in result.stdout


def test_highlight_from_a_record_opens_its_document(
    tmp_path: Path, rendered: dict[str, Path]
) -> None:
    out = tmp_path / "out"
    pdf = tmp_path / "response.pdf"
    pdf.write_bytes(rendered["pdf"].read_bytes())
    assert runner.invoke(app, ["extract", str(pdf), "--out", str(out), "--quiet"]).exit_code == 0
    record = out / "response.pdf.json"
    drawn = runner.invoke(app, ["show", str(record), "--highlight", str(tmp_path / "pages")])
    assert drawn.exit_code == 0, drawn.output
    assert len(list((tmp_path / "pages").glob("*.png"))) == 3
    pdf.write_bytes(pdf.read_bytes() + b"\n%changed")  # no longer the record's bytes
    refused = runner.invoke(app, ["show", str(record), "--highlight", str(tmp_path / "again")])
    assert refused.exit_code == 2
    assert refused.stdout == ""  # said before any tree is printed
    assert "was not found with the same bytes" in refused.stderr


def test_highlight_resolution_follows_dpi(tmp_path: Path, rendered: dict[str, Path]) -> None:
    out = tmp_path / "pages"
    result = runner.invoke(
        app, ["show", str(rendered["pdf"]), "--highlight", str(out), "--dpi", "72"]
    )
    assert result.exit_code == 0
    with Image.open(sorted(out.glob("*.png"))[0]) as image:
        assert abs(image.size[0] - 595.28) <= 1


def test_html_review_links_every_item_to_its_box(tmp_path: Path, rendered: dict[str, Path]) -> None:
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["show", str(rendered["pdf"]), "--html", str(page), "--dpi", "50"])
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    record = json.loads(runner.invoke(app, ["extract", str(rendered["pdf"]), "--stdout"]).stdout)
    afis = sum(len(q["areas_for_improvement"]) for q in record["core_questions"])
    assert text.count('class="entry"') == (
        len(record["sections"]) + len(record["core_questions"]) + afis
    )
    assert text.count("data:image/png;base64,") == record["source"]["pages"]
    # every item's entry links to a box, and that box links back to the entry
    # anchors are the items' ids, as in the CSV and the store: Q3's fifth is the seventh AFI
    assert 'id="entry-afi-7"' in text
    assert 'data-for="afi-7" href="#entry-afi-7"' in text
    assert 'href="#box-' in text


def test_html_review_of_markdown_shows_its_lines(tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["show", str(SEED_MD), "--html", str(page)])
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    lines = SEED_MD.read_text(encoding="utf-8").splitlines()
    assert text.count('class="line"') == len(lines)
    assert 'href="#line-' in text
