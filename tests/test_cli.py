"""The command line, driven in-process: exit codes, messages, outputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from hmic_extract import __version__
from hmic_extract.cli import app
from tests.conftest import SEED_MD

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_every_command_has_help() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "Exit codes" in result.stdout
    commands = [c.name for c in app.registered_commands]
    assert commands == ["extract", "check", "show", "schema", "validate"]
    for command in app.registered_commands:
        assert command.callback is not None
        assert command.callback.__doc__, command.name
        help_text = runner.invoke(app, [str(command.name), "--help"])
        assert help_text.exit_code == 0
        first_words = " ".join(command.callback.__doc__.split()[:4])
        assert first_words in " ".join(help_text.stdout.split())
    extract_help = runner.invoke(app, ["extract", "--help"])
    assert "Examples" in extract_help.stdout


def test_extract_writes_one_record_per_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(SEED_MD), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    written = out / f"{SEED_MD.name}.json"
    record = json.loads(written.read_text(encoding="utf-8"))
    assert record["force"] == "Cleveland Police"
    assert [p.name for p in out.iterdir()] == [written.name]  # no temporary files left


def test_stdout_prints_the_record() -> None:
    result = runner.invoke(app, ["extract", str(SEED_MD), "--stdout"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["judgement"]["grade"] == "Good"


def test_output_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        runner.invoke(app, ["extract", str(SEED_MD), "--out", str(out), "--quiet"])
    name = f"{SEED_MD.name}.json"
    assert (first / name).read_bytes() == (second / name).read_bytes()
    assert str(tmp_path) not in (first / name).read_text(encoding="utf-8")


def test_bad_input_is_reported_and_others_still_written(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED_MD, inputs / "good.md")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(inputs), "--out", str(out), "--quiet"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert lines[0].startswith(f"hmic-extract: {inputs / 'broken.pdf'}: ")
    assert "[corrupt]" in lines[0]
    assert "Traceback" not in result.output
    assert (out / "good.md.json").exists()
    assert not (out / "broken.pdf.json").exists()


def test_missing_file_is_one_clear_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.pdf"
    result = runner.invoke(app, ["extract", str(missing), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"hmic-extract: {missing}: no such file [not_found]"


def test_folder_layout_is_mirrored(tmp_path: Path) -> None:
    nested = tmp_path / "in" / "cleveland" / "2017"
    nested.mkdir(parents=True)
    shutil.copy(SEED_MD, nested / "response.md")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out), "--quiet"])
    assert result.exit_code == 0
    assert (out / "cleveland" / "2017" / "response.md.json").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["extract", str(SEED_MD)]).exit_code == 2
    both = runner.invoke(app, ["extract", str(SEED_MD), "--stdout", "--out", str(tmp_path)])
    assert both.exit_code == 2
    assert runner.invoke(app, ["extract", "--bogus"]).exit_code == 2


def test_summary_table_names_the_document(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEED_MD), "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert "Cleveland" in result.stdout
    assert "Good" in result.stdout
    # every kind of item is counted, not only AFIs (a thematic has recommendations only)
    assert all(column in result.stdout for column in ("Qs", "AFIs", "recs", "CoCs"))


def test_unrecognised_document_is_refused_unless_accepted(tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.txt"
    agenda.write_text("Parish council agenda\n\n1. Apologies\n2. Minutes of the last meeting\n")
    refused = runner.invoke(app, ["extract", str(agenda), "--out", str(tmp_path / "o")])
    assert refused.exit_code == 1
    assert "not recognised as a PCC response" in refused.stderr
    accepted = runner.invoke(
        app, ["extract", str(agenda), "--out", str(tmp_path / "o"), "--accept-unrecognised"]
    )
    assert accepted.exit_code == 0
    record = json.loads((tmp_path / "o" / "agenda.txt.json").read_text(encoding="utf-8"))
    assert "not_recognised" in [w["code"] for w in record["warnings"]]


def test_stdout_failure_prints_only_the_error(tmp_path: Path) -> None:
    """Regression: a failed --stdout run printed the summary table into the output."""
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n%broken")
    result = runner.invoke(app, ["extract", str(broken), "--stdout"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"hmic-extract: {broken}: ")


def test_record_json_matches_the_standard_library_encoding() -> None:
    """pydantic's serializer writes exactly what json.dumps(indent=2) would."""
    from hmic_extract.options import Options
    from hmic_extract.pipeline import extract_path
    from hmic_extract.write import record_json

    record = extract_path(SEED_MD, options=Options())
    expected = json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    assert record_json(record) == expected


def _modules_after(*args: str) -> set[str]:
    """The top-level modules a fresh interpreter has imported after running the CLI."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from hmic_extract.cli import main\n"
        f"sys.argv = ['hmic-extract', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted({name.split('.')[0] for name in sys.modules})))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(found.stdout.split())


def test_start_up_imports_only_what_a_command_needs(tmp_path: Path) -> None:
    """--version needs no pipeline, pydantic models, PDF library or rich; a --quiet
    batch draws nothing, so rich is not imported (a CI job runs one so per file)."""
    assert not {"pydantic", "pypdfium2", "pdfplumber", "rich"} & _modules_after("--version")
    quiet = _modules_after("extract", str(SEED_MD), "--out", str(tmp_path), "--quiet")
    assert "rich" not in quiet
    assert "pdfplumber" not in quiet  # the default engine reads markdown, PDFs without it
    assert (tmp_path / f"{SEED_MD.name}.json").exists()
