"""`show`: the record as a tree, and highlight images of where every item came from."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image
from typer.testing import CliRunner

from hmic_extract.cli import app
from hmic_extract.highlight import COLOURS, RESOLUTION
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
        assert abs(width - 595.28 * RESOLUTION / 72) <= 1
        assert abs(height - 841.89 * RESOLUTION / 72) <= 1
        assert _pixels(image.convert("RGB"), COLOURS["area_for_improvement"]) > 2000
        assert _pixels(image.convert("RGB"), COLOURS["question"]) > 500
    with Image.open(pages[0]) as image:
        assert _pixels(image.convert("RGB"), COLOURS["area_for_improvement"]) == 0


def test_highlight_needs_a_pdf(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(SEED_MD), "--highlight", str(tmp_path)])
    assert result.exit_code == 1
    assert "highlight images need a PDF input" in result.stderr
