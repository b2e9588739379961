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


def _usage(message: str) -> None:
    typer.echo(f"hmic-extract: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def main() -> None:
    """Console-script entry point."""
    app()
