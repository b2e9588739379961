"""Batch runs for analysts: folders, failures, re-runs, parallel workers and exports."""

from __future__ import annotations

import csv
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hmic_extract.cli import app
from hmic_extract.export import CSV_COLUMNS, STORE_VERSION
from tests.conftest import SAMPLES, SEED_MD

runner = CliRunner()
README = Path(__file__).parent.parent / "README.md"


@pytest.fixture
def tree(tmp_path: Path, rendered: dict[str, Path]) -> Path:
    """Good files in nested folders, a bad file and a duplicate of a good one."""
    root = tmp_path / "in"
    (root / "cleveland" / "2017").mkdir(parents=True)
    (root / "other").mkdir()
    shutil.copy(SEED_MD, root / "cleveland" / "2017" / "response.md")
    shutil.copy(rendered["pdf"], root / "cleveland" / "2017" / "response.pdf")
    shutil.copy(rendered["text"], root / "other" / "response.txt")
    shutil.copy(SEED_MD, root / "other" / "duplicate.md")
    (root / "other" / "broken.pdf").write_bytes(b"%PDF-1.4\n%broken download")
    (root / "other" / "notes.csv").write_text("not, a, response\n")  # not a supported name
    return root


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def test_batch_writes_the_good_and_names_the_bad(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = _run(str(tree), "--out", str(out), "--jobs", "2")
    assert code == 1
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == [
        "cleveland/2017/response.md.json",
        "cleveland/2017/response.pdf.json",
        "other/duplicate.md.json",
        "other/response.txt.json",
    ]
    assert stderr.count("broken.pdf") == 1  # reported once, as one error line
    assert f"hmic-extract: {tree / 'other' / 'broken.pdf'}: " in stderr
    assert "broken.pdf" in stdout  # and its row in the table says so in the status column
    assert "failed [corrupt]" in stdout
    assert "4 ok" in stdout
    assert "1 failed" in stdout


def test_inputs_that_would_share_a_record_are_refused_before_any_work(tmp_path: Path) -> None:
    """Regression: two folders holding the same file name wrote one record over the other."""
    for folder in ("north", "SOUTH"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEED_MD, tmp_path / folder / "Response.md")
    (tmp_path / "SOUTH" / "Response.md").rename(tmp_path / "SOUTH" / "response.MD")
    out = tmp_path / "out"
    code, _, stderr = _run(str(tmp_path / "north"), str(tmp_path / "SOUTH"), "--out", str(out))
    assert code == 2
    assert "north/Response.md and " in stderr
    assert "SOUTH/response.MD would both be recorded as response.MD.json" in stderr
    assert not out.exists()


def test_a_file_named_twice_is_done_once(tmp_path: Path) -> None:
    shutil.copy(SEED_MD, tmp_path / "response.md")
    out = tmp_path / "out"
    code, stdout, _ = _run(str(tmp_path), str(tmp_path / "response.md"), "--out", str(out))
    assert code == 0
    assert "1 ok" in stdout
    assert [p.name for p in out.iterdir()] == ["response.md.json"]


def test_rerun_skips_unchanged_and_force_redoes(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(str(tree), "--out", str(out), "--quiet")
    target = out / "other" / "response.txt.json"
    first = target.stat().st_mtime_ns
    code, stdout, _ = _run(str(tree), "--out", str(out))
    assert code == 1
    assert "4 up to date" in stdout
    assert target.stat().st_mtime_ns == first
    (tree / "other" / "response.txt").write_bytes(SEED_MD.read_bytes())  # content changed
    _, stdout, _ = _run(str(tree), "--out", str(out))
    assert "3 up to date" in stdout
    _, stdout, _ = _run(str(tree), "--out", str(out), "--force")
    assert "0 up to date" in stdout


@pytest.mark.parametrize("damage", ["", '{"tool_version": "0.1.0", "sour'])
def test_rerun_remakes_a_damaged_record(tree: Path, tmp_path: Path, damage: str) -> None:
    """Records are not fsynced: one a power cut left empty or cut short is made again."""
    out = tmp_path / "out"
    _run(str(tree), "--out", str(out), "--quiet")
    target = out / "other" / "response.txt.json"
    good = target.read_text(encoding="utf-8")
    target.write_text(damage, encoding="utf-8")
    _, stdout, _ = _run(str(tree), "--out", str(out))
    assert "3 up to date" in stdout
    assert target.read_text(encoding="utf-8") == good


def test_records_are_identical_whatever_the_number_of_workers(tree: Path, tmp_path: Path) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        _run(str(tree), "--out", str(out), "--jobs", jobs, "--quiet")
        outputs[jobs] = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.json")}
    assert outputs["1"] == outputs["2"]
    assert len(outputs["1"]) == 4


def test_plain_progress_lines_when_not_a_terminal(tree: Path, tmp_path: Path) -> None:
    _, stdout, _ = _run(str(tree), "--out", str(tmp_path / "out"))
    lines = [line for line in stdout.splitlines() if line.startswith(("ok ", "failed "))]
    assert len(lines) == 4  # the failed input has its one error line on stderr instead


def test_glob_filters_folder_inputs(tree: Path, tmp_path: Path) -> None:
    code, _, _ = _run(str(tree), "--out", str(tmp_path / "out"), "--glob", "*.md", "--quiet")
    assert code == 0
    assert len(list((tmp_path / "out").rglob("*.json"))) == 2


def test_report_carries_error_codes(tree: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    _run(str(tree), "--out", str(tmp_path / "out"), "--report", str(report), "--quiet")
    entries = json.loads(report.read_text(encoding="utf-8"))["results"]
    by_name = {Path(e["input"]).name: e for e in entries}
    assert by_name["broken.pdf"]["status"] == "failed"
    assert by_name["broken.pdf"]["error_code"] == "corrupt"
    assert by_name["response.md"]["status"] == "ok"


def test_csv_and_jsonl_exports(tmp_path: Path) -> None:
    table, lines = tmp_path / "items.csv", tmp_path / "records.jsonl"
    code, _, _ = _run(
        str(SAMPLES),
        "--out",
        str(tmp_path / "out"),
        "--csv",
        str(table),
        "--jsonl",
        str(lines),
        "--quiet",
    )
    assert code == 0
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 5 * 9  # five renderings of the seed, nine AFIs each
    assert list(rows[0]) == list(CSV_COLUMNS)
    fifth = next(r for r in rows if r["first_due"])
    assert (fifth["first_due"], fifth["last_due"]) == ("2017-05-01", "2017-06-01")
    assert fifth["deadline_text"] == "by 1 May 2017 | by 1 June 2017"
    assert fifth["question"] == "3"
    assert fifth["item_id"] == "afi-7"  # Q2's two AFIs, then Q3's fifth
    assert len(fifth["document_sha256"]) == 64
    assert fifth["sub_items"].count(" | ") == 2
    records = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    assert {r["force"] for r in records} == {"Cleveland Police"}


def _readme_queries() -> dict[str, str]:
    text = README.read_text(encoding="utf-8")
    found = re.findall(r"<!-- query: (\S+) -->\s*```sql\n(.*?)```", text, re.S)
    return dict(found)


def test_sqlite_store_answers_the_readme_queries(tmp_path: Path, rendered: dict[str, Path]) -> None:
    store = tmp_path / "responses.sqlite"
    inputs = [str(SEED_MD), str(rendered["pdf"])]
    for _ in range(2):  # a second run must not duplicate rows
        code, _, _ = _run(*inputs, "--out", str(tmp_path / "out"), "--db", str(store), "--quiet")
        assert code == 0
    queries = _readme_queries()
    assert set(queries) == {
        "afis-per-question",
        "open-deadlines",
        "grade-changes",
        "reports-once",
        "csv-join",
    }
    with sqlite3.connect(store) as connection:
        # the same report as markdown and as PDF: two documents, one report
        assert connection.execute("SELECT COUNT(*) FROM documents").fetchone() == (2,)
        assert connection.execute(queries["reports-once"]).fetchall() == [(2, 1)]
        afis = connection.execute(queries["afis-per-question"]).fetchall()
        assert [(row[0], row[1], row[3]) for row in afis] == [
            ("Cleveland Police", 2, 2),
            ("Cleveland Police", 3, 5),
            ("Cleveland Police", 4, 2),
        ]
        deadlines = connection.execute(
            queries["open-deadlines"], {"after": "2017-05-15"}
        ).fetchall()
        assert [row[3] for row in deadlines] == ["2017-06-01"]
        grades = connection.execute(queries["grade-changes"]).fetchall()
        assert [row[3:] for row in grades] == [("Requires improvement", "Good")]
        statements = connection.execute("SELECT speaker FROM statements ORDER BY 1").fetchall()
        assert statements == [
            ("Barry Copping",),
            ("Barry Copping",),
            ("Iain Spittal",),
            ("Iain Spittal",),
        ]


def test_a_csv_row_joins_its_item_in_the_store(tmp_path: Path) -> None:
    table, store = tmp_path / "items.csv", tmp_path / "responses.sqlite"
    code, _, _ = _run(str(SEED_MD), "--stdout", "--csv", str(table), "--db", str(store))
    assert code == 0
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with sqlite3.connect(store) as connection:
        for row in rows:
            found = connection.execute(
                _readme_queries()["csv-join"],
                {"document_sha256": row["document_sha256"], "item_id": row["item_id"]},
            ).fetchall()
            assert found == [(row["kind"], row["text"])]


def test_an_older_store_is_rebuilt_in_the_new_layout(tmp_path: Path) -> None:
    """A store written before content keys and item ids existed is re-made from its records."""
    store = tmp_path / "responses.sqlite"
    code, _, _ = _run(str(SEED_MD), "--stdout", "--db", str(store))
    assert code == 0
    with sqlite3.connect(store) as connection:  # back to the first layout's columns
        connection.executescript(
            "PRAGMA user_version = 0; DROP VIEW reports;"
            "DROP INDEX documents_content_key;"
            "ALTER TABLE documents DROP COLUMN content_key;"
        )
    other = tmp_path / "other.md"
    other.write_text(SEED_MD.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, _, _ = _run(str(other), "--stdout", "--db", str(store))
    assert code == 0
    with sqlite3.connect(store) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (STORE_VERSION,)
        assert connection.execute("SELECT COUNT(*) FROM documents").fetchone() == (2,)
        keys = connection.execute("SELECT DISTINCT content_key FROM documents").fetchall()
        assert len(keys) == 1
        assert connection.execute("SELECT COUNT(*) FROM reports").fetchone() == (1,)


def test_interrupted_run_keeps_what_was_written(
    tree: Path, tmp_path: Path, ctrl_c_at_the_second_input: None
) -> None:
    """Ctrl-C after the first record: it stays, the summary says how far the run got."""
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["extract", str(tree), "--out", str(out), "--jobs", "1", "--timeout", "0"]
    )
    assert result.exit_code == 130
    assert len(list(out.rglob("*.json"))) == 1
    assert "interrupted: 4 input(s) were not processed" in result.stdout
    assert not list(out.rglob("*.tmp"))


def test_workers_take_the_largest_files_first(tree: Path) -> None:
    """A long document handed out last would leave the other workers idle at the end."""
    from hmic_extract.batch import collect_jobs, run_jobs
    from hmic_extract.options import Options

    jobs = collect_jobs([tree]).jobs
    results = list(run_jobs(jobs, out_dir=None, options=Options(timeout=60), workers=1))
    sizes = [result.job.path.stat().st_size for result in results]
    assert len(results) == len(jobs) == 5
    assert sizes == sorted(sizes, reverse=True)
