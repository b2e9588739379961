"""Bad input: each kind gets one clear line and a stable code; nothing is lost; nothing hangs."""

from __future__ import annotations

import gzip
import io
import random
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hmic_extract.cli import app
from tests.conftest import SEED_MD
from tests.helpers import pdf_from_objects

runner = CliRunner()


def _no_pages() -> bytes:
    """A well-formed PDF (with a cross-reference table) whose page tree is empty."""
    return pdf_from_objects([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[]/Count 0>>"])


def _fpdf(draw: Callable[[object], None], **encryption: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    draw(pdf)
    if encryption:
        pdf.set_encryption(**encryption)  # type: ignore[arg-type]
    return bytes(pdf.output())


def _encrypted() -> bytes:
    def text(pdf: object) -> None:
        pdf.set_font("Helvetica", size=11)  # type: ignore[attr-defined]
        pdf.multi_cell(
            0,
            6,
            SEED_MD.read_text(encoding="utf-8")
            .encode("latin-1", "replace")  # type: ignore[attr-defined]
            .decode("latin-1")
            .replace("#", ""),
        )

    return _fpdf(text, owner_password="owner", user_password="secret")


def _scan() -> bytes:
    return _fpdf(lambda pdf: pdf.rect(20, 20, 100, 150, style="F"))  # type: ignore[attr-defined]


def _docx_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/huge.bin", b"\0" * (30 * 1024 * 1024))
    return buffer.getvalue()


BAD_INPUTS: dict[str, tuple[str, Callable[[], bytes], str, str]] = {
    # name: (file name, bytes, error code, words the message must contain)
    "empty": ("empty.pdf", lambda: b"", "empty", "the file is empty"),
    "truncated": ("truncated.pdf", lambda: _scan()[:400], "corrupt", "corrupt or truncated PDF"),
    "random": (
        "random.pdf",
        lambda: random.Random(7).randbytes(4096),
        "unsupported_format",
        "binary data",
    ),
    "no-pages": ("no-pages.pdf", _no_pages, "corrupt", "no pages"),
    "encrypted": ("locked.pdf", _encrypted, "encrypted", "needs a password (use --password)"),
    "scan": ("scan.pdf", _scan, "no_text", "OCR is not built in"),
    "gzip": ("notes.txt", lambda: gzip.compress(b"hello " * 100), "unsupported_format", "gzip"),
    "html-not-a-response": (
        "page.txt",
        lambda: b"<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        "not_recognised",
        "not recognised as a PCC response",
    ),
    "undecodable": (
        "odd.txt",
        lambda: b"caf\xc3 \x81\x8d\x8f\x90\x9d text",
        "undecodable",
        "neither UTF-8 nor Windows-1252",
    ),
    "not-a-response": (
        "agenda.md",
        lambda: b"# Agenda\n\n1. Apologies\n2. Minutes\n\n## AOB\n",
        "not_recognised",
        "not recognised as a PCC response",
    ),
    "image": (
        "scan.png",
        lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
        "unsupported_format",
        "PNG image",
    ),
    "zip-bomb": ("bomb.docx", _docx_bomb, "unsupported_format", "decompression bomb"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_is_refused_clearly(kind: str, tmp_path: Path) -> None:
    name, make, code, words = BAD_INPUTS[kind]
    inputs = tmp_path / "in"
    inputs.mkdir()
    bad = inputs / name
    bad.write_bytes(make())
    shutil.copy(SEED_MD, inputs / "good.md")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "extract",
            str(inputs),
            "--glob",
            "*",
            "--out",
            str(out),
            "--quiet",
            "--max-bytes",
            str(1024 * 1024),
        ],
    )
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"hmic-extract: {bad}: ")
    assert lines[0].endswith(f"[{code}]")
    assert words in lines[0]
    assert "Traceback" not in result.output
    assert not (out / f"{name}.json").exists()
    assert (out / "good.md.json").exists()


def test_password_opens_an_encrypted_pdf(tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(_encrypted())
    wrong = runner.invoke(app, ["extract", str(locked), "--stdout", "--password", "nope"])
    assert wrong.exit_code == 1
    assert "wrong password" in wrong.stderr
    right = runner.invoke(app, ["extract", str(locked), "--stdout", "--password", "secret"])
    assert right.exit_code == 0, right.stderr
    assert '"force": "Cleveland Police"' in right.stdout


def test_unreadable_missing_and_unwritable(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["extract", str(tmp_path / "gone.pdf"), "--out", str(tmp_path)])
    assert missing.exit_code == 1
    assert missing.stderr.strip().endswith("no such file [not_found]")
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    result = runner.invoke(app, ["extract", str(SEED_MD), "--out", str(blocker), "--quiet"])
    assert result.exit_code == 2  # checked before any work, once, not once per input
    assert result.stderr == f"hmic-extract: {blocker}: is a file, not a folder (--out) [usage]\n"


def test_a_stale_pdfium_error_does_not_misname_an_empty_page_tree(tmp_path: Path) -> None:
    """Regression: PDFium sets no error for an empty page tree, so a damaged PDF read
    before it in the same process made it "corrupt (data format error)"."""
    from hmic_extract.errors import HmicError
    from hmic_extract.options import Options
    from hmic_extract.pipeline import extract_bytes

    reasons = []
    for data in (b"%PDF-1.7\n1 0 obj\n<< /Type /Page /Parent 2 0 R", _no_pages()):
        with pytest.raises(HmicError) as refused:
            extract_bytes(data, path="x.pdf", options=Options())
        reasons.append(refused.value.reason)
    assert reasons == [
        "corrupt or truncated PDF: data format error",
        "the PDF has no pages (or no readable page tree)",
    ]


def test_size_and_page_limits(tmp_path: Path, rendered: dict[str, Path]) -> None:
    big = runner.invoke(app, ["extract", str(SEED_MD), "--stdout", "--max-bytes", "100"])
    assert big.exit_code == 1
    assert "over the limit of 100 (--max-bytes) [unsupported_format]" in big.stderr
    long = runner.invoke(app, ["extract", str(rendered["pdf"]), "--stdout", "--max-pages", "1"])
    assert long.exit_code == 1
    assert "(--max-pages)" in long.stderr


def test_a_hung_document_times_out_and_the_others_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from hmic_extract import pipeline

    real = pipeline.extract_bytes

    def slow_on_purpose(data: bytes, *, path: str, options: object) -> object:
        if path.endswith("hang.md"):
            time.sleep(60)
        return real(data, path=path, options=options)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extract_bytes", slow_on_purpose)
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED_MD, inputs / "hang.md")
    shutil.copy(SEED_MD, inputs / "fine.md")
    started = time.monotonic()
    result = runner.invoke(
        app,
        [
            "extract",
            str(inputs),
            "--out",
            str(tmp_path / "out"),
            "--timeout",
            "1",
            "--jobs",
            "1",
            "--quiet",
        ],
    )
    assert time.monotonic() - started < 30
    assert result.exit_code == 1
    assert "gave up after 1 s (--timeout) [timeout]" in result.stderr
    assert (tmp_path / "out" / "fine.md.json").exists()
    assert not (tmp_path / "out" / "hang.md.json").exists()


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    copy = tmp_path / "seed.md"
    shutil.copy(SEED_MD, copy)
    before = copy.read_bytes()
    runner.invoke(app, ["extract", str(copy), "--out", str(tmp_path / "out"), "--quiet"])
    assert copy.read_bytes() == before


def test_mutated_pdfs_give_a_record_or_a_clean_refusal(
    tmp_path: Path, rendered: dict[str, Path]
) -> None:
    """Truncations and byte flips of a real PDF, with a fixed seed: no crash, no hang."""
    original = rendered["pdf"].read_bytes()
    chance = random.Random(20170302)
    folder = tmp_path / "mutants"
    folder.mkdir()
    for index in range(200):
        data = bytearray(original)
        if index % 2:
            data = data[: chance.randrange(1, len(data))]
        else:
            for _ in range(chance.randrange(1, 20)):
                data[chance.randrange(len(data))] = chance.randrange(256)
        (folder / f"mutant-{index:03}.pdf").write_bytes(bytes(data))
    report = tmp_path / "report.json"
    result = runner.invoke(
        app,
        [
            "extract",
            str(folder),
            "--out",
            str(tmp_path / "out"),
            "--jobs",
            "2",
            "--timeout",
            "20",
            "--quiet",
            "--report",
            str(report),
        ],
    )
    assert result.exit_code in (0, 1)
    import json

    entries = json.loads(report.read_text(encoding="utf-8"))["results"]
    assert len(entries) == 200
    codes = {e["error_code"] for e in entries}
    assert codes <= {
        None,
        "corrupt",
        "no_text",
        "not_recognised",
        "unsupported_format",
        "undecodable",
    }, codes


def test_a_damaged_word_file_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<not xml")
        archive.writestr("word/document.xml", "<not xml")
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(buffer.getvalue())
    result = runner.invoke(app, ["extract", str(damaged), "--stdout"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"hmic-extract: {damaged}: damaged Word document")
    assert result.stderr.rstrip().endswith("[corrupt]")
