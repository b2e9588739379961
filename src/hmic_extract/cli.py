"""Command-line interface: parse arguments, call the library, render results.

Exit codes: 0 every input written; 1 some input failed; 2 usage error; 130 interrupted.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hmic_extract import __version__

if TYPE_CHECKING:
    from hmic_extract.batch import Job, Result
    from hmic_extract.check import DocumentCheck
    from hmic_extract.models import Record
    from hmic_extract.options import Options


class Engine(StrEnum):
    """The PDF engines a user can choose."""

    PDFIUM = "pdfium"
    PDFPLUMBER = "pdfplumber"


EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="hmic-extract",
    help=(
        "Extract structured JSON records from PCC responses to HMIC/HMICFRS inspections "
        "(PDF, Word, text, markdown).\n\n"
        "Exit codes: 0 all inputs written, 1 some inputs failed, 2 usage error, "
        "130 interrupted."
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
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes [default: number of CPUs]."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Redo inputs whose record is already up to date.")
    ] = False,
    jsonl: Annotated[
        Path | None,
        typer.Option("--jsonl", help="Also write every record to this JSON Lines file."),
    ] = None,
    csv_path: Annotated[
        Path | None,
        typer.Option("--csv", help="Also write one row per item to this CSV (UTF-8 with BOM)."),
    ] = None,
    db: Annotated[
        Path | None, typer.Option("--db", help="Also upsert every record into this SQLite file.")
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Write a machine-readable run report (JSON) here."),
    ] = None,
    engine: Annotated[
        Engine, typer.Option("--engine", help="PDF engine: pdfium (fast) or pdfplumber.")
    ] = Engine.PDFIUM,
    password: Annotated[
        str | None, typer.Option("--password", help="Password for encrypted PDFs.")
    ] = None,
    accept_unrecognised: Annotated[
        bool,
        typer.Option(
            "--accept-unrecognised", help="Write a record even for a document not recognised."
        ),
    ] = False,
    max_pages: Annotated[
        int, typer.Option("--max-pages", min=1, help="Refuse PDFs with more pages.")
    ] = 500,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Refuse inputs larger than this many bytes.")
    ] = 100 * 1024 * 1024,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=0, help="Seconds per document before giving up (0: none)."),
    ] = 120.0,
    convert: Annotated[
        bool,
        typer.Option("--convert", help="Convert legacy .doc files with LibreOffice (soffice)."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Extract records from PCC responses.

    Records are written as DIR/<input file name>.json, folder layout mirrored.
    Inputs whose record is up to date (same bytes, same tool version) are
    skipped unless --force. Exit codes: 0 all written, 1 some inputs failed,
    2 usage error, 130 interrupted (records already written are kept).

    [bold]Examples[/bold]

      hmic-extract extract response.pdf --out out/

      hmic-extract extract responses/ --out out/ --glob '*.pdf' --jobs 4

      hmic-extract extract responses/ --out out/ --csv items.csv --db responses.sqlite

      hmic-extract extract response.md --stdout
    """
    from hmic_extract.batch import default_workers
    from hmic_extract.options import Options

    if (out is None) == (not stdout) or (stdout and out is not None):
        _usage("give exactly one of --out DIR or --stdout")
    options = Options(
        engine=engine.value,
        password=password,
        accept_unrecognised=accept_unrecognised,
        max_pages=max_pages,
        max_bytes=max_bytes,
        timeout=timeout,
        convert=convert,
    )
    found = _collect(inputs, glob)
    if stdout and len(found) != 1:
        _usage(f"--stdout takes exactly one input, got {len(found)}")
    if not found:
        _usage("no input files found")
    workers = jobs or default_workers()
    try:
        results = _run_batch(found, out, options, workers, force=force, quiet=quiet or stdout)
        _exports(results, jsonl=jsonl, csv_path=csv_path, db=db, report=report)
    except Exception as error:  # the command's boundary: one line, or a traceback with --debug
        if debug:
            raise
        from hmic_extract.errors import HmicError

        reason = error.reason if isinstance(error, HmicError) else "internal error (see --debug)"
        print(f"hmic-extract: {reason}", file=sys.stderr)
        raise typer.Exit(EXIT_FAILED) from None
    interrupted = len(found) - len(results) if len(results) < len(found) else None
    if stdout:
        if results and results[0].text is not None:
            sys.stdout.write(results[0].text)
    elif not quiet:
        from hmic_extract import render

        render.summary(results, interrupted_at=interrupted)
    if interrupted is not None:
        raise typer.Exit(EXIT_INTERRUPTED)
    raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_FAILED)


def _run_batch(
    found: list[Job], out: Path | None, options: Options, workers: int, *, force: bool, quiet: bool
) -> list[Result]:
    """Results in input order; on Ctrl-C, the results finished so far."""
    from hmic_extract import render
    from hmic_extract.batch import run_jobs

    order = {job.path: index for index, job in enumerate(found)}
    results: list[Result] = []
    with render.BatchProgress(len(found), quiet=quiet) as progress:
        try:
            for result in run_jobs(
                found,
                out_dir=out,
                options=options,
                workers=workers,
                force=force,
                on_result=progress.advance,
            ):
                results.append(result)
        except KeyboardInterrupt:
            pass
    return sorted(results, key=lambda r: order[r.job.path])


def _exports(
    results: list[Result],
    *,
    jsonl: Path | None,
    csv_path: Path | None,
    db: Path | None,
    report: Path | None,
) -> None:
    # Records are parsed back only for an export that needs them: a batch that just
    # writes records spends no time re-reading them in this (single) process.
    wanted = jsonl is not None or csv_path is not None or db is not None
    records = [r.record for r in results if r.record is not None] if wanted else []
    if jsonl is not None:
        from hmic_extract.export import write_jsonl

        write_jsonl(jsonl, records)
    if csv_path is not None:
        from hmic_extract.export import write_csv

        write_csv(csv_path, records)
    if db is not None:
        from hmic_extract.export import write_store

        write_store(db, records)
    if report is not None:
        from hmic_extract.export import write_report

        write_report(report, results)


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
    engine: Annotated[
        Engine,
        typer.Option("--engine", help="PDF engine: pdfium (fast) or pdfplumber, as extract uses."),
    ] = Engine.PDFIUM,
    convert: Annotated[
        bool,
        typer.Option("--convert", help="Convert legacy .doc files with LibreOffice (soffice)."),
    ] = False,
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
    from hmic_extract.batch import run_jobs
    from hmic_extract.check import CheckOptions, check_result, junit_xml
    from hmic_extract.options import Options

    jobs = _collect(inputs, glob)
    if not jobs:
        _usage("no input files found")
    compare_options = CheckOptions(ignore_locations=ignore_locations, tolerant=tolerant)
    options = Options(timeout=0, engine=engine.value, convert=convert)
    results = list(run_jobs(jobs, out_dir=None, options=options))
    checks = [check_result(result, expected, compare_options) for result in results]
    if update:
        _update_expected(results, checks, expected)
        raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_FAILED)
    if junit is not None:
        from hmic_extract.write import write_atomic

        write_atomic(junit, junit_xml(checks))
    from hmic_extract import render

    render.check_report(checks)
    raise typer.Exit(EXIT_OK if all(c.ok for c in checks) else EXIT_FAILED)


def _update_expected(results: list[Result], checks: list[DocumentCheck], expected: Path) -> None:
    from hmic_extract.check import expected_path
    from hmic_extract.write import record_json, write_atomic

    for result, check in zip(results, checks, strict=True):
        if result.record is None:
            from hmic_extract.render import error_line

            error_line(result.job.display, result.error or "", result.error_code or "error")
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


@app.command("show")
def show_command(
    document: Annotated[Path, typer.Argument(help="A document, or a record JSON it gave.")],
    highlight: Annotated[
        Path | None,
        typer.Option("--highlight", help="Write one PNG per PDF page, every item boxed, here."),
    ] = None,
    password: Annotated[
        str | None, typer.Option("--password", help="Password for encrypted PDFs.")
    ] = None,
    convert: Annotated[
        bool,
        typer.Option("--convert", help="Convert legacy .doc files with LibreOffice (soffice)."),
    ] = False,
) -> None:
    """Show a document's record as a tree; with --highlight, where every item came from.

    [bold]Examples[/bold]

      hmic-extract show response.pdf

      hmic-extract show response.pdf --highlight pages/

      hmic-extract show out/response.pdf.json
    """
    from hmic_extract import render
    from hmic_extract.errors import HmicError
    from hmic_extract.options import Options

    options = Options(password=password, accept_unrecognised=True, convert=convert)
    try:
        record, data = _record_for_show(document, options)
        render.record_tree(record)
        if highlight is not None:
            from hmic_extract.highlight import write_highlights

            if data is None:
                _usage("--highlight needs the document itself, not its record")
            for path in write_highlights(data or b"", record, highlight, options=options):
                print(f"wrote {path}")
    except HmicError as error:
        render.error_line(str(document), error.reason, error.code)
        raise typer.Exit(EXIT_FAILED) from None


def _record_for_show(document: Path, options: Options) -> tuple[Record, bytes | None]:
    """The record to show: read from a record file, or extracted from the document."""
    import json

    from hmic_extract.models import Record
    from hmic_extract.pipeline import extract_bytes, read_input

    data = read_input(document, options=options)
    if document.suffix.casefold() == ".json":
        try:
            return Record.model_validate(json.loads(data)), None
        except ValueError:
            pass  # not a record: treat it as a document
    return extract_bytes(data, path=str(document), options=options), data


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


def _collect(inputs: list[Path], glob: list[str] | None) -> list[Job]:
    """The inputs' files, refused as a usage error when two would share a record path."""
    from hmic_extract.batch import DEFAULT_GLOBS, clashing_jobs, collect_jobs

    jobs = collect_jobs(inputs, tuple(glob) if glob else DEFAULT_GLOBS)
    clash = clashing_jobs(jobs)
    if clash is not None:
        first, second = clash
        _usage(
            f"{first.display} and {second.display} would both be recorded as "
            f"{second.relative.as_posix()}.json; give them in separate runs"
        )
    return jobs


def _usage(message: str) -> None:
    typer.echo(f"hmic-extract: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def main() -> None:
    """Console-script entry point.

    ``--version`` alone is answered before typer builds the command tree, which
    costs more than the whole answer.
    """
    if sys.argv[1:] == ["--version"]:
        print(f"hmic-extract {__version__}")
        return
    app()
