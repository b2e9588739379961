"""The command line, driven in-process: exit codes, messages, outputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
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


def _main(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the console-script entry point as a user's shell would."""
    import sys

    from hmic_extract.cli import main

    argv = sys.argv
    sys.argv = ["hmic-extract", *args]
    try:
        with pytest.raises(SystemExit) as exited:
            main()
    finally:
        sys.argv = argv
    captured = capsys.readouterr()
    return int(exited.value.code or 0), captured.out, captured.err


def test_help_conventions(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """-h works; defaults are shown; metavars say what to give, not Python types."""
    monkeypatch.setenv("COLUMNS", "100")
    for name in ("extract", "check", "show", "validate", "schema"):
        code, text, _ = _main(name, "-h", capsys=capsys)
        assert code == 0, name
        assert "<list[" not in text, name
        assert "<bool>" not in text, name
        assert "Examples:" in text, name
    _, text, _ = _main("extract", "-h", capsys=capsys)
    assert "Usage: hmic-extract extract [OPTIONS] INPUTS..." in text
    assert "-j, --jobs N" in text
    assert "[default: (number of CPUs)" in text
    assert "-o, --out DIR" in text
    assert "--csv PATH" in text
    assert "[default: 500; x>=1]" in text  # --max-pages
    # an example stays on one line, however long
    example = "hmic-extract extract responses/ --out out/ --csv items.csv --db responses.sqlite"
    assert f"  {example}\n" in text
    assert "--install-completion" in _main("--help", capsys=capsys)[1]


def test_typers_usage_errors_use_the_one_error_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _main("extract", "--bogus", capsys=capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("hmic-extract: No such option: --bogus")
    assert err.endswith("(see 'hmic-extract extract --help') [usage]\n")
    assert len(err.splitlines()) == 1
    code, _, err = _main("extract", capsys=capsys)
    assert code == 2
    assert "Missing argument 'INPUTS...'" in err
    code, out, _ = _main(capsys=capsys)  # no arguments: the help
    assert code == 0
    assert "Commands" in out


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        (["--out", "{file}"], "{file}: is a file, not a folder (--out) [usage]"),
        (["--db", "{file}"], "{file}: exists and is not a SQLite database (--db)"),
        (["--csv", "{tmp}"], "{tmp}: is a folder, not a file (--csv)"),
        (["--jsonl", "{file}/x.jsonl"], "{file}/x.jsonl: {file} is not a folder"),
        (["--report", "{file}/r.json"], "(--report) [usage]"),
        (["--out", "{tmp}/link"], "{tmp}/link: is a broken symbolic link (--out)"),
        (
            ["--csv", "{tmp}/same", "--jsonl", "{tmp}/same"],
            "{tmp}/same: given to both --jsonl and --csv; one would overwrite the other",
        ),
        (["--csv", "{tmp}/in/a.md"], "given to both an input and --csv"),
        (["--csv", "{tmp}/out"], "given to both --out and --csv"),
        (["--jsonl", "{tmp}/out/b.md.json"], "given to both a record and --jsonl"),
    ],
)
def test_outputs_are_checked_once_before_any_work(
    options: list[str], problem: str, tmp_path: Path
) -> None:
    existing = tmp_path / "notes.md"
    existing.write_text("# not a database\n")
    (tmp_path / "link").symlink_to(tmp_path / "nowhere")
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        shutil.copy(SEED_MD, inputs / name)
    names = {"file": str(existing), "tmp": str(tmp_path)}
    args = [option.format(**names) for option in options]
    if "--out" not in args:
        args = ["--out", str(tmp_path / "out"), *args]
    result = runner.invoke(app, ["extract", str(inputs), *args])
    assert result.exit_code == 2, result.output
    assert problem.format(**names) in result.stderr
    assert len(result.stderr.splitlines()) == 1  # once, not once per input
    assert result.stdout == ""  # nothing was extracted
    assert existing.read_text() == "# not a database\n"
    assert (inputs / "a.md").read_bytes() == SEED_MD.read_bytes()
    assert not (tmp_path / "out").exists()


def test_a_database_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE accounts (id INTEGER)")
    before = other.read_bytes()
    result = runner.invoke(app, ["extract", str(SEED_MD), "--stdout", "--db", str(other)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"hmic-extract: {other}: a SQLite database that is not a hmic-extract store [output]\n"
    )
    assert other.read_bytes() == before


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs a folder no one can write")
def test_an_unwritable_output_folder_is_a_usage_error() -> None:
    result = runner.invoke(app, ["extract", str(SEED_MD), "--out", "/proc/hmic-extract-test"])
    assert result.exit_code == 2
    assert "cannot create files in /proc" in result.stderr


def test_files_are_created_with_the_users_umask(tmp_path: Path) -> None:
    """Regression: records, CSV, JSONL and the report were private (0600)."""
    import os
    import stat

    from hmic_extract.write import new_file_mode

    out = tmp_path / "out"
    exports = [tmp_path / name for name in ("items.csv", "records.jsonl", "run.json")]
    previous = os.umask(0o022)
    new_file_mode.cache_clear()
    try:
        result = runner.invoke(
            app,
            [
                "extract",
                str(SEED_MD),
                "--out",
                str(out),
                "--csv",
                str(exports[0]),
                "--jsonl",
                str(exports[1]),
                "--report",
                str(exports[2]),
                "--quiet",
            ],
        )
    finally:
        os.umask(previous)
        new_file_mode.cache_clear()
    assert result.exit_code == 0
    for path in [*out.iterdir(), *exports]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    import stat

    from hmic_extract.write import write_atomic

    target = tmp_path / "shared.csv"
    target.write_text("old")
    target.chmod(0o664)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert target.read_text() == "new"


def test_an_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from hmic_extract import write

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write.write_atomic(tmp_path / "record.json", "{}")
    assert list(tmp_path.iterdir()) == []


def test_report_of_an_interrupted_run_lists_what_was_not_reached(
    tmp_path: Path, ctrl_c_at_the_second_input: None
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        shutil.copy(SEED_MD, inputs / name)
    report = tmp_path / "run.json"
    result = runner.invoke(
        app,
        [
            "extract",
            str(inputs),
            "--out",
            str(tmp_path / "o"),
            "--jobs",
            "1",
            "--timeout",
            "0",
            "--report",
            str(report),
        ],
    )
    assert result.exit_code == 130
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["complete"] is False
    assert [Path(name).name for name in data["not_reached"]] == ["b.md", "c.md"]
    assert data["counts"]["not_reached"] == 2
    assert data["counts"]["written"] == 1


def test_report_says_whether_the_run_was_complete(tmp_path: Path) -> None:
    report = tmp_path / "run.json"
    missing = tmp_path / "gone.pdf"
    result = runner.invoke(
        app,
        [
            "extract",
            str(SEED_MD),
            str(missing),
            "--out",
            str(tmp_path / "o"),
            "--report",
            str(report),
        ],
    )
    assert result.exit_code == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["tool_version"] == __version__
    assert data["complete"] is True
    assert data["not_reached"] == []
    assert data["counts"] == {
        "inputs": 2,
        "written": 1,
        "up_to_date": 0,
        "failed": 1,
        "with_warnings": 0,
        "not_reached": 0,
    }


def test_a_missing_input_is_reported_once(tmp_path: Path) -> None:
    missing = tmp_path / "gone.pdf"
    result = runner.invoke(app, ["extract", str(SEED_MD), str(missing), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.count("gone.pdf") == 1
    assert result.stderr.count("no such file") == 1
    # the table's row says so in its status column, and nothing else
    row = next(line for line in result.stdout.splitlines() if "gone.pdf" in line)
    assert "failed [not_found]" in row
    assert "no such file" not in result.stdout


def test_a_large_batch_prints_totals_and_only_the_documents_to_look_at(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(22):
        shutil.copy(SEED_MD, inputs / f"a-rather-long-file-name-for-response-number-{index:02}.md")
    (inputs / "a-rather-long-file-name-for-a-broken-response.pdf").write_bytes(b"%PDF-1.4\n%x")
    result = runner.invoke(app, ["extract", str(inputs), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "failed:" in result.stdout
    broken = str(inputs / "a-rather-long-file-name-for-a-broken-response.pdf")
    assert broken in result.stdout  # its name whole, never broken mid-word
    assert "│" not in result.stdout  # no table of a row per document
    assert "23 document(s): 22 ok (0 with warnings, 0 up to date), 1 failed" in result.stdout
    full = runner.invoke(
        app, ["extract", str(inputs), "--out", str(tmp_path / "out"), "--summary", "full"]
    )
    assert "│ a-rather-long-file-name-for-response-number-05.md" in full.stdout
    none = runner.invoke(
        app, ["extract", str(inputs), "--out", str(tmp_path / "out"), "--summary", "none"]
    )
    assert "document(s)" not in none.stdout


def test_a_folder_walk_counts_what_it_passed_over(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED_MD, inputs / "response.md")
    for name in ("budget.xlsx", "logo.png", "minutes.xlsx", "README"):
        (inputs / name).write_bytes(b"x")
    result = runner.invoke(app, ["extract", str(inputs), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert (
        "hmic-extract: passed over 4 file(s) in folders that match no pattern: "
        ".xlsx (2), no extension (1), .png (1); -v lists them"
    ) in result.stderr
    verbose = runner.invoke(app, ["extract", str(inputs), "--out", str(tmp_path / "o"), "-v"])
    assert f"  passed over {inputs / 'budget.xlsx'}" in verbose.stderr


def test_no_input_files_names_what_was_searched(tmp_path: Path) -> None:
    (tmp_path / "notes.xlsx").write_bytes(b"x")
    result = runner.invoke(
        app, ["extract", str(tmp_path), "--out", str(tmp_path / "o"), "--glob", "*.pdf"]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"hmic-extract: no input files found: searched {tmp_path} for file names matching "
        "*.pdf (--glob matches file names) [usage]\n"
    )


def test_one_input_is_extracted_without_a_worker_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hmic_extract import batch

    def no_workers(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker process was started for one input")

    monkeypatch.setattr(batch, "_start_slot", no_workers)
    result = runner.invoke(app, ["extract", str(SEED_MD), "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 0


def test_one_input_still_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from hmic_extract import pipeline

    monkeypatch.setattr(pipeline, "extract_path", lambda *a, **k: time.sleep(30))
    started = time.monotonic()
    result = runner.invoke(
        app, ["extract", str(SEED_MD), "--out", str(tmp_path), "--timeout", "0.5", "--quiet"]
    )
    assert result.exit_code == 1
    assert "gave up after 0.5 s (--timeout) [timeout]" in result.stderr
    assert time.monotonic() - started < 10
    assert list(tmp_path.iterdir()) == []  # no record, no temporary file


def test_one_input_leaves_a_callers_timer_alone(tmp_path: Path) -> None:
    """An embedding program's own interval timer is neither cancelled nor replaced."""
    import signal

    previous = signal.signal(signal.SIGALRM, lambda *_: None)
    signal.setitimer(signal.ITIMER_REAL, 60)
    try:
        result = runner.invoke(app, ["extract", str(SEED_MD), "--out", str(tmp_path), "--quiet"])
        remaining = signal.getitimer(signal.ITIMER_REAL)[0]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert result.exit_code == 0
    assert 50 < remaining <= 60


def test_validate_takes_folders_and_codes_its_errors(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner.invoke(app, ["extract", str(SEED_MD), "--out", str(out), "--quiet"])
    (out / "nested").mkdir()
    (out / "nested" / "broken.json").write_text("{not json")
    (out / "nested" / "wrong.json").write_text('{"force": 3}')
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 1
    assert f"valid  {out / (SEED_MD.name + '.json')}" in result.stdout
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"hmic-extract: {out / 'nested' / 'broken.json'}: not JSON")
    assert errors[0].endswith("[invalid_json]")
    assert all(line.endswith("[invalid_record]") for line in errors[1:])
    assert len(errors) > 2
    empty = runner.invoke(app, ["validate", str(tmp_path / "o2")])
    assert empty.exit_code == 1  # a missing file is a problem with that file
    assert empty.stderr.endswith("no such file [not_found]\n")
