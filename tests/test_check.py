"""`check`, `schema` and `validate`: the commands CI jobs and pipelines rely on."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from hmic_extract.cli import app
from hmic_extract.models import record_schema
from tests.conftest import EXPECTED, SAMPLES, SEED_MD

runner = CliRunner()
SCHEMA_FILE = Path(__file__).parent.parent / "schema" / "record.schema.json"
SEED_EXPECTED = f"{SEED_MD.name}.json"


def test_fixtures_match_their_expected_records() -> None:
    """Dogfooding: the project's own golden files are checked with `check`."""
    result = runner.invoke(app, ["check", str(SAMPLES), "--expected", str(EXPECTED)])
    assert result.exit_code == 0, result.output
    assert "5 of 5 document(s) match" in result.stdout


def test_check_extracts_with_the_engine_asked_for() -> None:
    """The expected records were made with PDFium; pdfplumber agrees on everything but
    box coordinates, a little apart: within the default tolerance, outside an exact one."""
    pdf = SAMPLES / "cleveland-seed-rendered.pdf"
    args = ["check", str(pdf), "--expected", str(EXPECTED), "--engine", "pdfplumber"]
    assert runner.invoke(app, args).exit_code == 0
    exact = runner.invoke(app, [*args, "--box-tolerance", "0"])
    assert exact.exit_code == 1
    assert ".bbox" in exact.stdout
    assert runner.invoke(app, [*args, "--box-tolerance", "0", "--ignore-locations"]).exit_code == 0


@pytest.fixture
def edited_expected(tmp_path: Path) -> Path:
    """A copy of the expected records with an AFI changed, a sub-item gone and a wrong grade."""
    folder = tmp_path / "expected"
    shutil.copytree(EXPECTED, folder)
    path = folder / SEED_EXPECTED
    record = json.loads(path.read_text(encoding="utf-8"))
    record["core_questions"][1]["areas_for_improvement"][1]["text"] = "The force should do X."
    del record["core_questions"][2]["areas_for_improvement"][4]["sub_items"][2]
    record["judgement"]["grade"] = "Outstanding"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    return folder


def test_check_names_exactly_the_edited_paths(edited_expected: Path) -> None:
    result = runner.invoke(app, ["check", str(SEED_MD), "--expected", str(edited_expected)])
    assert result.exit_code == 1
    lines = [line.strip() for line in result.stdout.splitlines() if line.startswith("    ")]
    reported = [line.split(":")[0] for line in lines if not line.startswith("where:")]
    assert reported == [
        "judgement.grade",
        "core_questions[1].areas_for_improvement[1].text",
        "core_questions[2].areas_for_improvement[4].sub_items[2]",
    ]
    # where two texts differ is shown word by word, unchanged runs cut short
    assert "where: The force should [-do X.-] {+ensure that the risks" in result.stdout
    assert '"Outstanding"' in result.stdout
    assert "0 of 1 document(s) match; 1 differ (3 field(s))" in result.stdout


def test_word_difference_shows_only_what_changed() -> None:
    from hmic_extract.check import word_difference

    expected = "The force should review how it records crime and report to the panel by May."
    actual = "The force should revise how it records crime and report to the panel by June."
    assert word_difference(expected, actual) == (
        "The force should [-review-] {+revise+} how it records crime … to the panel by "
        "[-May.-] {+June.+}"
    )
    assert word_difference("a b", "a b c") == "a b {+c+}"
    assert word_difference("a b", "a  b\n") == "(only whitespace differs)"
    assert word_difference("x", "") == "[-x-]"
    assert "\n" not in word_difference("one\ntwo", "one\nthree")


def test_a_missing_expected_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(SEED_MD), "--expected", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"hmic-extract: {tmp_path / 'none'}: no such folder")
    made = runner.invoke(
        app, ["check", str(SEED_MD), "--expected", str(tmp_path / "new"), "--update"]
    )
    assert made.exit_code == 0
    assert (tmp_path / "new" / f"{SEED_MD.name}.json").exists()


def test_an_unwritable_junit_path_is_one_usage_line(tmp_path: Path) -> None:
    """Regression: check --junit to a path it cannot write printed a Rich traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    target = blocker / "report.xml"
    result = runner.invoke(
        app, ["check", str(SEED_MD), "--expected", str(EXPECTED), "--junit", str(target)]
    )
    assert result.exit_code == 2
    assert result.stderr == f"hmic-extract: {target}: {blocker} is not a folder (--junit) [usage]\n"


def test_missing_expected_record_fails(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(SEED_MD), "--expected", str(tmp_path)])
    assert result.exit_code == 1
    assert "no expected record" in result.stdout


def test_update_round_trips(edited_expected: Path) -> None:
    updated = runner.invoke(
        app, ["check", str(SEED_MD), "--expected", str(edited_expected), "--update"]
    )
    assert updated.exit_code == 0
    assert "updated" in updated.stdout
    assert "judgement.grade" in updated.stdout
    again = runner.invoke(app, ["check", str(SEED_MD), "--expected", str(edited_expected)])
    assert again.exit_code == 0, again.output


def test_junit_report_counts_failures(edited_expected: Path, tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    result = runner.invoke(
        app,
        ["check", str(SAMPLES), "--expected", str(edited_expected), "--junit", str(report)],
    )
    assert result.exit_code == 1
    suite = ET.parse(report).getroot().find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("5", "1")
    failures = suite.findall("testcase/failure")
    assert len(failures) == 1
    assert "judgement.grade" in (failures[0].text or "")


def test_ignore_locations_and_tolerant_text(tmp_path: Path) -> None:
    folder = tmp_path / "expected"
    folder.mkdir()
    record = json.loads((EXPECTED / SEED_EXPECTED).read_text(encoding="utf-8"))
    record["sections"][0]["location"]["line_start"] = 999
    afi = record["core_questions"][1]["areas_for_improvement"][0]
    afi["text"] = afi["text"].replace(" ", "  ").replace("'", "’")
    (folder / SEED_EXPECTED).write_text(json.dumps(record), encoding="utf-8")
    strict = runner.invoke(app, ["check", str(SEED_MD), "--expected", str(folder)])
    assert strict.exit_code == 1
    relaxed = runner.invoke(
        app,
        ["check", str(SEED_MD), "--expected", str(folder), "--ignore-locations", "--tolerant"],
    )
    assert relaxed.exit_code == 0, relaxed.output


def test_published_schema_is_current() -> None:
    stored = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert stored == record_schema(), "run: hmic-extract schema > schema/record.schema.json"


def test_schema_command_prints_the_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == record_schema()


def _described(schema: dict[str, object]) -> list[str]:
    missing = []
    definitions = schema.get("$defs", {})
    assert isinstance(definitions, dict)
    for name, definition in [("Record", schema), *definitions.items()]:
        for field, spec in definition.get("properties", {}).items():
            if "description" not in spec:
                missing.append(f"{name}.{field}")
    return missing


def test_every_schema_field_is_described() -> None:
    assert _described(record_schema()) == []


def test_extracted_records_validate_with_an_independent_validator(
    tmp_path: Path, rendered: dict[str, Path]
) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    out = tmp_path / "out"
    inputs = [str(p) for p in SAMPLES.iterdir()] + [str(p) for p in rendered.values()]
    assert runner.invoke(app, ["extract", *inputs, "--out", str(out), "--quiet"]).exit_code == 0
    written = sorted(out.glob("*.json"))
    assert len(written) == len(inputs)
    for path in written:
        errors = list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
        assert errors == [], path


def test_validate_accepts_good_and_rejects_bad_records(tmp_path: Path) -> None:
    good = EXPECTED / SEED_EXPECTED
    record = json.loads(good.read_text(encoding="utf-8"))
    record["judgement"]["grade"] = "Excellent"
    record["sections"][0]["location"]["line_start"] = 10_000
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(record), encoding="utf-8")
    assert runner.invoke(app, ["validate", str(good)]).exit_code == 0
    result = runner.invoke(app, ["validate", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"hmic-extract: {bad}: judgement.grade" in result.stderr
    record["judgement"]["grade"] = "Good"
    bad.write_text(json.dumps(record), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "sections.[0].location: line_start is after line_end" in result.stderr.replace(
        "sections[0]", "sections.[0]"
    )
