"""Shared fixtures: sample paths, generated renderings, and the golden-update switch."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixture_documents import render_docx, render_pdf, render_text

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = FIXTURES / "samples"
EXPECTED = FIXTURES / "expected"
SEED_MD = SAMPLES / "cleveland-peel-effectiveness-2016.md"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/fixtures/expected/*.json from the current output (review the diff)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed rendered afresh as PDF, Word and Windows-1252/CRLF text by code in the repo."""
    folder = tmp_path_factory.mktemp("rendered")
    pdf = folder / "seed.pdf"
    render_pdf(pdf)
    text = folder / "seed.txt"
    text.write_bytes(render_text().encode("cp1252"))
    word = folder / "seed.docx"
    render_docx(word)
    return {"pdf": pdf, "text": text, "docx": word}


@pytest.fixture
def ctrl_c_at_the_second_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C pressed while the second input is extracted (in this process: --jobs 1
    --timeout 0), after the first record was written."""
    from hmic_extract import batch

    real = batch._extract
    calls = {"count": 0}

    def extract_then_interrupt(*args: object, **kwargs: object) -> object:
        calls["count"] += 1
        if calls["count"] == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "_extract", extract_then_interrupt)
