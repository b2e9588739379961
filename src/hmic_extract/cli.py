"""Command-line interface: parse arguments, call the library, render results.

Exit codes: 0 every input written; 1 some input failed; 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hmic_extract import __version__

if TYPE_CHECKING:
    from hmic_extract.batch import Result
    from hmic_extract.check import DocumentCheck

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

app = typer.Typer(
    name="hmic-extract",
    help=(
        "Extract structured JSON records from PCC responses to HMIC/HMICFRS inspections "
        "(PDF, Word, text, markdown).\n\n"
        "Exit codes: 0 all inputs written, 1 some inputs failed, 2 usage error."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hmic-extract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Extract structured JSON records from PCC responses to police inspections."""


def _summary(results: list[Result]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="hmic-extract", show_lines=False)
    for column in ("document", "force", "inspection", "published", "grade", "Qs", "AFIs", "warn"):
        table.add_column(column, overflow="fold")
    for result in results:
        record = result.record
        if record is None:
            table.add_row(
                result.job.display, f"[red]failed: {result.error_code}[/red]", result.error or ""
            )
            continue
        afis = sum(len(q.areas_for_improvement) for q in record.core_questions)
        afis += len(record.areas_for_improvement)
        table.add_row(
            result.job.display,
            record.force or "–",
            record.inspection.title or "–",
            record.inspection.published.isoformat() if record.inspection.published else "–",
            record.judgement.grade or "–",
            str(len(record.core_questions)),
            str(afis),
            str(len(record.warnings)) if record.warnings else "",
        )
    Console(stderr=False).print(table)


@app.command("extract")
def extract_command(
    inputs: Annotated[
        list[Path], typer.Argument(help="Files or folders (folders are walked recursively).")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write DIR/<input file name>.json here.")
    ] = None,
    stdout: Annotated[
        bool, typer.Option("--stdout", help="Print the record of a single input instead.")
    ] = False,
    glob: Annotated[
        list[str] | None,
        typer.Option("--glob", help="Pattern for files taken from folders (repeatable)."),
    ] = None,
    password: Annotated[
        str | None, typer.Option("--password", help="Password for encrypted PDFs.")
    ] = None,
    accept_unrecognised: Annotated[
        bool,
        typer.Option(
            "--accept-unrecognised", help="Write a record even for a document not recognised."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary table.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Extract records from PCC responses.

    [bold]Examples[/bold]

      hmic-extract extract response.pdf --out out/

      hmic-extract extract responses/ --out out/ --glob '*.pdf'

      hmic-extract extract response.md --stdout
    """
    from hmic_extract.batch import DEFAULT_GLOBS, collect_jobs, run_jobs
    from hmic_extract.options import Options
    from hmic_extract.write import record_json

    if (out is None) == (not stdout) or (stdout and out is not None):
        _usage("give exactly one of --out DIR or --stdout")
    options = Options(password=password, accept_unrecognised=accept_unrecognised)
    jobs = collect_jobs(inputs, tuple(glob) if glob else DEFAULT_GLOBS)
    if stdout and len(jobs) != 1:
        _usage(f"--stdout takes exactly one input, got {len(jobs)}")
    if not jobs:
        _usage("no input files found")

    def report(result: Result) -> None:
        if not result.ok:
            typer.echo(
                f"hmic-extract: {result.job.display}: {result.error} [{result.error_code}]",
                err=True,
            )

    try:
        results = list(run_jobs(jobs, out_dir=out, options=options, on_result=report))
    except Exception:
        if debug:
            raise
        typer.echo("hmic-extract: internal error (rerun with --debug for details)", err=True)
        raise typer.Exit(EXIT_FAILED) from None
    if stdout and results[0].record is not None:
        sys.stdout.write(record_json(results[0].record))
    elif not quiet:
        _summary(results)
    raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_FAILED)


@app.command("check")
def check_command(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders to extract and check.")],
    expected: Annotated[
        Path, typer.Option("--expected", "-e", help="Folder of expected records (DIR/<name>.json).")
    ],
    ignore_locations: Annotated[
        bool, typer.Option("--ignore-locations", help="Do not compare `location` fields.")
    ] = False,
    tolerant: Annotated[
        bool, typer.Option("--tolerant", help="Compare text with whitespace and quotes normalised.")
    ] = False,
    update: Annotated[
        bool, typer.Option("--update", help="Write the current records as the expected ones.")
    ] = False,
    junit: Annotated[
        Path | None, typer.Option("--junit", help="Also write a JUnit XML report here.")
    ] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option("--glob", help="Pattern for files taken from folders (repeatable)."),
    ] = None,
) -> None:
    """Check that extraction still gives the expected records (for CI).

    Each mismatch is reported as a JSON path with the expected and actual
    values. Exit 0 when every document matches, 1 when any differs or has no
    expected record, 2 for usage errors. `source.path` is never compared.

    [bold]Examples[/bold]

      hmic-extract check tests/fixtures/samples --expected tests/fixtures/expected

      hmic-extract check docs/ --expected expected/ --junit report.xml

      hmic-extract check docs/ --expected expected/ --update
    """
    from hmic_extract.batch import DEFAULT_GLOBS, collect_jobs, run_jobs
    from hmic_extract.check import CheckOptions, check_result, junit_xml
    from hmic_extract.options import Options

    jobs = collect_jobs(inputs, tuple(glob) if glob else DEFAULT_GLOBS)
    if not jobs:
        _usage("no input files found")
    compare_options = CheckOptions(ignore_locations=ignore_locations, tolerant=tolerant)
    results = list(run_jobs(jobs, out_dir=None, options=Options()))
    checks = [check_result(result, expected, compare_options) for result in results]
    if update:
        _update_expected(results, checks, expected)
        raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_FAILED)
    if junit is not None:
        from hmic_extract.write import write_atomic

        write_atomic(junit, junit_xml(checks))
    _report_checks(checks)
    raise typer.Exit(EXIT_OK if all(c.ok for c in checks) else EXIT_FAILED)


def _update_expected(results: list[Result], checks: list[DocumentCheck], expected: Path) -> None:
    from hmic_extract.check import expected_path
    from hmic_extract.write import record_json, write_atomic

    for result, check in zip(results, checks, strict=True):
        if result.record is None:
            typer.echo(
                f"hmic-extract: {result.job.display}: {result.error} [{result.error_code}]",
                err=True,
            )
            continue
        target = expected_path(expected, result.job)
        if check.ok:
            typer.echo(f"unchanged  {target}")
            continue
        write_atomic(target, record_json(result.record))
        what = check.error if check.error else f"{len(check.mismatches)} field(s) changed"
        typer.echo(f"updated    {target} ({what})")
        for mismatch in check.mismatches:
            typer.echo(f"    {mismatch.path}")


def _report_checks(checks: list[DocumentCheck]) -> None:
    from rich.console import Console

    from hmic_extract.check import describe

    console = Console(highlight=False)
    failed = [c for c in checks if not c.ok]
    if console.is_terminal:
        from rich.table import Table

        for check in failed:
            if check.error:
                console.print(f"[bold red]✗ {check.job.display}[/]: {check.error}")
                continue
            table = Table(title=f"✗ {check.job.display}", title_justify="left", expand=True)
            table.add_column("path", style="bold", overflow="fold")
            table.add_column("expected", style="green", overflow="fold")
            table.add_column("actual", style="red", overflow="fold")
            for m in check.mismatches:
                table.add_row(m.path, repr(m.expected), repr(m.actual))
            console.print(table)
    else:
        for check in failed:
            print(f"FAIL {check.job.display}")
            if check.error:
                print(f"    {check.error}")
            for mismatch in check.mismatches:
                print(f"    {describe(mismatch)}")
    fields = sum(len(c.mismatches) for c in checks)
    summary = (
        f"{len(checks) - len(failed)} of {len(checks)} document(s) match; "
        f"{len(failed)} differ ({fields} field(s))"
    )
    if console.is_terminal:
        console.print(summary, style="green" if not failed else "red")
    else:
        print(summary)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the record (generated from the models)."""
    from hmic_extract.models import record_schema

    sys.stdout.write(_schema_text(record_schema()))


def _schema_text(schema: dict[str, object]) -> str:
    import json

    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@app.command("validate")
def validate_command(
    records: Annotated[list[Path], typer.Argument(help="Record JSON files to validate.")],
) -> None:
    """Validate stored records against the schema and the record's own invariants.

    Exit 0 when every record is valid, 1 when any is not, 2 for usage errors.
    """
    import json

    from hmic_extract.validate import record_problems

    bad = 0
    for path in records:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems = ["no such file"]
        except (OSError, ValueError) as exc:
            problems = [f"not readable JSON ({exc})"]
        else:
            problems = record_problems(data)
        if problems:
            bad += 1
            for problem in problems:
                typer.echo(f"hmic-extract: {path}: {problem}", err=True)
        else:
            typer.echo(f"valid  {path}")
    raise typer.Exit(EXIT_FAILED if bad else EXIT_OK)


def _usage(message: str) -> None:
    typer.echo(f"hmic-extract: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def main() -> None:
    """Console-script entry point."""
    app()
