"""Command-line interface: parse arguments, call the library, render results.

Exit codes: 0 every input written; 1 some input failed; 2 usage error; 130 interrupted.
Every error is one line: ``hmic-extract: [FILE: ]reason [code]``.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from hmic_extract import __version__
from hmic_extract.errors import HmicError

if TYPE_CHECKING:
    from typer._click.core import Command  # typer's own click, which get_command returns

    from hmic_extract.batch import Job, Result
    from hmic_extract.check import DocumentCheck
    from hmic_extract.models import Record
    from hmic_extract.options import Options


class Engine(StrEnum):
    """The PDF engines a user can choose."""

    PDFIUM = "pdfium"
    PDFPLUMBER = "pdfplumber"


class Summary(StrEnum):
    """How much a batch prints when it ends."""

    AUTO = "auto"  # the per-document table for small batches, else short
    FULL = "full"  # totals and one row per document
    SHORT = "short"  # totals, then only the failed and warned documents
    NONE = "none"  # nothing


# A batch of more documents than this gets the short summary unless asked otherwise:
# a table of hundreds of rows scrolls the totals and the failures out of sight.
FULL_SUMMARY_MAX = 20


EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="hmic-extract",
    help=(
        "Extract structured JSON records from PCC responses to HMIC/HMICFRS inspections "
        "(PDF, Word, OpenDocument, RTF, web pages, text, markdown).\n\n"
        "Exit codes: 0 all inputs written, 1 some inputs failed, 2 usage error, "
        "130 interrupted."
    ),
    no_args_is_help=True,
    # Plain click help: options read by their metavars (DIR, PATH, N), not by Python
    # types, and "\b" keeps an example on one line.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
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
        list[Path],
        typer.Argument(
            metavar="INPUTS...", help="Files or folders (folders are walked recursively)."
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="DIR", help="Write DIR/<input file name>.json here."),
    ] = None,
    stdout: Annotated[
        bool, typer.Option("--stdout", help="Print the record of a single input instead.")
    ] = False,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            metavar="PATTERN",
            help="File-name pattern for files taken from folders, e.g. '*.pdf' (repeatable). "
            "Default: every format hmic-extract reads.",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Worker processes.",
            show_default="number of CPUs",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Redo inputs whose record is already up to date.")
    ] = False,
    jsonl: Annotated[
        Path | None,
        typer.Option(
            "--jsonl", metavar="PATH", help="Also write every record to this JSON Lines file."
        ),
    ] = None,
    csv_path: Annotated[
        Path | None,
        typer.Option(
            "--csv",
            metavar="PATH",
            help="Also write one row per item to this CSV (UTF-8 with BOM).",
        ),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", metavar="PATH", help="Also upsert every record into this SQLite file."
        ),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report", metavar="PATH", help="Write a machine-readable run report (JSON) here."
        ),
    ] = None,
    engine: Annotated[
        Engine, typer.Option("--engine", help="PDF engine: pdfium (fast) or pdfplumber.")
    ] = Engine.PDFIUM,
    password: Annotated[
        str | None,
        typer.Option("--password", metavar="TEXT", help="Password for encrypted PDFs."),
    ] = None,
    accept_unrecognised: Annotated[
        bool,
        typer.Option(
            "--accept-unrecognised", help="Write a record even for a document not recognised."
        ),
    ] = False,
    max_pages: Annotated[
        int, typer.Option("--max-pages", min=1, metavar="N", help="Refuse PDFs with more pages.")
    ] = 500,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes", min=1, metavar="N", help="Refuse inputs larger than this many bytes."
        ),
    ] = 100 * 1024 * 1024,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0,
            metavar="SECONDS",
            help="Seconds per document before giving up (0: none).",
        ),
    ] = 120.0,
    convert: Annotated[
        bool,
        typer.Option("--convert", help="Convert legacy .doc files with LibreOffice (soffice)."),
    ] = False,
    summary: Annotated[
        Summary,
        typer.Option(
            "--summary",
            help=f"What to print at the end: auto is full for up to {FULL_SUMMARY_MAX} "
            "documents (or with -v), else short (totals, failed and warned documents).",
        ),
    ] = Summary.AUTO,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="The full summary, and every file a folder walk passed over."
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress, notices or summary.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Extract records from PCC responses.

    Records are written as DIR/<input file name>.json, folder layout mirrored.
    Inputs whose record is up to date (same bytes, same tool version) are
    skipped unless --force. Exit codes: 0 all written, 1 some inputs failed,
    2 usage error (every output is checked before any work), 130 interrupted
    (records already written are kept).

    Examples:

    \b
      hmic-extract extract response.pdf --out out/
      hmic-extract extract responses/ --out out/ --glob '*.pdf' --jobs 4
      hmic-extract extract responses/ --out out/ --csv items.csv --db responses.sqlite
      hmic-extract extract response.md --stdout
    """
    from hmic_extract.batch import default_workers
    from hmic_extract.options import Options

    if (out is None) == (not stdout) or (stdout and out is not None):
        _usage("give exactly one of --out DIR or --stdout")
    found = _collect(inputs, glob, notices=not (quiet or stdout), verbose=verbose)
    _check_outputs(
        ("--out", out, "folder"),
        ("--jsonl", jsonl, "file"),
        ("--csv", csv_path, "file"),
        ("--db", db, "sqlite"),
        ("--report", report, "file"),
        jobs=found,
        records_in=out,
    )
    options = Options(
        engine=engine.value,
        password=password,
        accept_unrecognised=accept_unrecognised,
        max_pages=max_pages,
        max_bytes=max_bytes,
        timeout=timeout,
        convert=convert,
    )
    if stdout and len(found) != 1:
        _usage(f"--stdout takes exactly one input, got {len(found)}")
    workers = jobs or default_workers()
    try:
        results = _run_batch(found, out, options, workers, force=force, quiet=quiet or stdout)
        _exports(found, results, jsonl=jsonl, csv_path=csv_path, db=db, report=report)
    except Exception as error:  # the command's boundary: one line, or a traceback with --debug
        if debug:
            raise

        if isinstance(error, HmicError):
            _fail(error.reason, error.code)
        _fail("internal error (run again with --debug for the traceback)", "internal")
    interrupted = len(found) - len(results) if len(results) < len(found) else None
    if stdout:
        if results and results[0].text is not None:
            sys.stdout.write(results[0].text)
    elif not quiet and summary is not Summary.NONE:
        from hmic_extract import render

        full = summary is Summary.FULL or (
            summary is Summary.AUTO and (verbose or len(found) <= FULL_SUMMARY_MAX)
        )
        render.summary(results, full=full, interrupted_at=interrupted)
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
    found: list[Job],
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

        write_report(report, found, results)


@app.command("check")
def check_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(metavar="INPUTS...", help="Files or folders to extract and check."),
    ],
    expected: Annotated[
        Path,
        typer.Option(
            "--expected", "-e", metavar="DIR", help="Folder of expected records (DIR/<name>.json)."
        ),
    ],
    ignore_locations: Annotated[
        bool, typer.Option("--ignore-locations", help="Do not compare `location` fields.")
    ] = False,
    tolerant: Annotated[
        bool, typer.Option("--tolerant", help="Compare text with whitespace and quotes normalised.")
    ] = False,
    box_tolerance: Annotated[
        float,
        typer.Option(
            "--box-tolerance",
            min=0,
            metavar="POINTS",
            help="PDF boxes match when each edge is within this many points "
            "(the two engines place text a little differently; 0: exact).",
        ),
    ] = 3.0,
    update: Annotated[
        bool, typer.Option("--update", help="Write the current records as the expected ones.")
    ] = False,
    junit: Annotated[
        Path | None,
        typer.Option("--junit", metavar="PATH", help="Also write a JUnit XML report here."),
    ] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            metavar="PATTERN",
            help="File-name pattern for files taken from folders (repeatable).",
        ),
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
    values, and for text where the two differ. Exit 0 when every document
    matches, 1 when any differs or has no expected record, 2 for usage errors
    (a missing --expected folder among them). `source.path` is never compared.

    Examples:

    \b
      hmic-extract check tests/fixtures/samples --expected tests/fixtures/expected
      hmic-extract check docs/ --expected expected/ --junit report.xml
      hmic-extract check docs/ --expected expected/ --update
    """
    from hmic_extract.batch import run_jobs
    from hmic_extract.check import CheckOptions, check_result, junit_xml
    from hmic_extract.options import Options

    if not update and not expected.is_dir():
        _usage(f"{expected}: no such folder of expected records (--expected; --update makes it)")
    jobs = _collect(inputs, glob, notices=True, verbose=False)
    _check_outputs(("--junit", junit, "file"), ("--expected", expected, "folder"), jobs=jobs)
    compare_options = CheckOptions(
        ignore_locations=ignore_locations, tolerant=tolerant, box_tolerance=box_tolerance
    )
    options = Options(timeout=0, engine=engine.value, convert=convert)
    results = list(run_jobs(jobs, out_dir=None, options=options))
    checks = [check_result(result, expected, compare_options) for result in results]
    try:
        if update:
            _update_expected(results, checks, expected)
            raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_FAILED)
        if junit is not None:
            from hmic_extract.write import write_atomic

            write_atomic(junit, junit_xml(checks))
    except HmicError as error:
        _fail(error.reason, error.code)
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
    document: Annotated[
        Path, typer.Argument(metavar="PATH", help="A document, or a record JSON it gave.")
    ],
    highlight: Annotated[
        Path | None,
        typer.Option(
            "--highlight",
            metavar="DIR",
            help="Write one PNG per PDF page, every item boxed, into DIR.",
        ),
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html",
            metavar="PATH",
            help="Write a review page: the pages (or text) beside the record, "
            "each item linked to where it stands.",
        ),
    ] = None,
    dpi: Annotated[
        int,
        typer.Option("--dpi", min=36, max=600, metavar="N", help="Resolution of page images."),
    ] = 150,
    password: Annotated[
        str | None,
        typer.Option("--password", metavar="TEXT", help="Password for encrypted PDFs."),
    ] = None,
    convert: Annotated[
        bool,
        typer.Option("--convert", help="Convert legacy .doc files with LibreOffice (soffice)."),
    ] = False,
) -> None:
    """Show a document's record as a tree; with --highlight or --html, where every item came from.

    A document extract would refuse is said so first, then shown as read (exit 1).
    A record JSON is shown as stored; --highlight and --html then open the
    document it names in source.path (it must be the same bytes).

    Examples:

    \b
      hmic-extract show response.pdf
      hmic-extract show response.pdf --highlight pages/ --dpi 200
      hmic-extract show response.pdf --html review.html
      hmic-extract show out/response.pdf.json
    """
    from hmic_extract import render
    from hmic_extract.options import Options

    _check_outputs(("--highlight", highlight, "folder"), ("--html", html, "file"))
    options = Options(password=password, convert=convert)
    try:
        shown = _record_for_show(document, options, needs_source=bool(highlight or html))
        drawable = shown.record.source.format
        if highlight is not None and drawable != "pdf":
            _usage(f"{document}: --highlight draws on PDF pages; this is {drawable}")
        if html is not None and drawable not in ("pdf", "text", "markdown"):
            _usage(
                f"{document}: --html shows PDF pages or text lines; this is {drawable}, whose "
                "locations count paragraphs you could not see"
            )
        if shown.refusal is not None:
            render.error_line(str(document), f"{shown.refusal}; shown as read", "not_recognised")
        render.record_tree(shown.record)
        if highlight is not None:
            from hmic_extract.highlight import write_highlights

            for path in write_highlights(
                shown.data, shown.record, highlight, dpi=dpi, options=options
            ):
                print(f"wrote {path}")
        if html is not None:
            from hmic_extract.highlight import write_review

            write_review(shown.data, shown.record, html, dpi=dpi, options=options)
            print(f"wrote {html}")
    except HmicError as error:
        render.error_line(str(document), error.reason, error.code)
        raise typer.Exit(EXIT_FAILED) from None
    raise typer.Exit(EXIT_FAILED if shown.refusal is not None else EXIT_OK)


@dataclass(frozen=True, slots=True)
class _Shown:
    """What `show` draws: a record, the document's bytes, and why extract would refuse it."""

    record: Record
    data: bytes
    refusal: str | None = None


def _record_for_show(document: Path, options: Options, *, needs_source: bool) -> _Shown:
    """The record to show: read from a record file, or extracted from the document."""
    import json

    from hmic_extract.errors import NotAResponseError
    from hmic_extract.models import Record
    from hmic_extract.pipeline import extract_bytes, read_input

    data = read_input(document, options=options)
    if document.suffix.casefold() == ".json":
        try:
            record = Record.model_validate(json.loads(data))
        except ValueError:
            pass  # not a record: treat it as a document
        else:
            source = _source_document(record, document) if needs_source else b""
            return _Shown(record, source)
    try:
        return _Shown(extract_bytes(data, path=str(document), options=options), data)
    except NotAResponseError as refused:
        accepting = replace(options, accept_unrecognised=True)
        record = extract_bytes(data, path=str(document), options=accepting)
        return _Shown(record, data, refused.reason)


def _source_document(record: Record, record_path: Path) -> bytes:
    """The bytes of the document a record was made from, found by its ``source.path``
    (as given, or beside the record) and held to its SHA-256; a usage error otherwise."""
    import hashlib

    stated = Path(record.source.path)
    for candidate in (stated, record_path.parent / stated, record_path.parent / stated.name):
        try:
            data = candidate.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == record.source.sha256:
            return data
    _usage(
        f"{record_path}: its document {record.source.path} was not found with the same bytes; "
        "give the document itself to draw where items came from"
    )
    raise AssertionError  # _usage exits


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the record (generated from the models).

    Examples:

    \b
      hmic-extract schema > record.schema.json
    """
    from hmic_extract.models import record_schema

    sys.stdout.write(_schema_text(record_schema()))


def _schema_text(schema: dict[str, object]) -> str:
    import json

    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@app.command("validate")
def validate_command(
    records: Annotated[
        list[Path],
        typer.Argument(
            metavar="RECORDS...", help="Record JSON files, or folders of them (walked recursively)."
        ),
    ],
) -> None:
    """Validate stored records against the schema and the record's own invariants.

    Exit 0 when every record is valid, 1 when any is not, 2 for usage errors.

    Examples:

    \b
      hmic-extract validate out/
      hmic-extract validate out/response.pdf.json
    """
    from hmic_extract.batch import collect_jobs
    from hmic_extract.render import error_line
    from hmic_extract.validate import record_file_problems

    found = collect_jobs(records, ("*.json",))
    if not found.jobs:
        _usage(_nothing_found(found.folders, found.patterns))
    bad = 0
    for job in found.jobs:
        problems = record_file_problems(job.path)
        if problems:
            bad += 1
            for code, problem in problems:
                error_line(job.display, problem, code)
        else:
            typer.echo(f"valid  {job.display}")
    raise typer.Exit(EXIT_FAILED if bad else EXIT_OK)


def _collect(
    inputs: list[Path], glob: list[str] | None, *, notices: bool, verbose: bool
) -> list[Job]:
    """The inputs' files; a usage error when there are none or two would share a record path.

    Files a folder walk passed over are counted on stderr (-v lists them), never
    skipped in silence.
    """
    from hmic_extract.batch import DEFAULT_GLOBS, clashing_jobs, collect_jobs

    found = collect_jobs(inputs, tuple(glob) if glob else DEFAULT_GLOBS)
    if not found.jobs:
        _usage(_nothing_found(found.folders, found.patterns))
    clash = clashing_jobs(found.jobs)
    if clash is not None:
        first, second = clash
        _usage(
            f"{first.display} and {second.display} would both be recorded as "
            f"{second.relative.as_posix()}.json; give them in separate runs"
        )
    if notices and found.passed_over:
        counts = ", ".join(
            f"{suffix or 'no extension'} ({count})"
            for suffix, count in found.passed_over_by_extension().items()
        )
        hint = "" if verbose else "; -v lists them"
        print(
            f"hmic-extract: passed over {len(found.passed_over)} file(s) in folders "
            f"that match no pattern: {counts}{hint}",
            file=sys.stderr,
        )
        if verbose:
            for path in found.passed_over:
                print(f"  passed over {path}", file=sys.stderr)
    return found.jobs


def _nothing_found(folders: tuple[Path, ...], patterns: tuple[str, ...]) -> str:
    where = ", ".join(str(folder) for folder in folders) or "the inputs given"
    return (
        f"no input files found: searched {where} for file names matching "
        f"{' '.join(patterns)} (--glob matches file names)"
    )


def _check_outputs(
    *outputs: tuple[str, Path | None, str],
    jobs: Sequence[Job] = (),
    records_in: Path | None = None,
) -> None:
    """Every output option checked once before any work: a usage error naming the first
    that cannot be written, or that names an input, a record the run writes, or
    another option's path."""
    from hmic_extract.write import clashing_outputs, output_path, output_problem

    given = [(option, path, kind) for option, path, kind in outputs if path is not None]
    taken = [("an input", job.path) for job in jobs]
    if records_in is not None:
        taken += [("a record", output_path(records_in, job.relative)) for job in jobs]
    clash = clashing_outputs([*taken, *((option, path) for option, path, _ in given)])
    if clash is not None:
        first, second, path = clash
        _usage(f"{path}: given to both {first} and {second}; one would overwrite the other")
    for option, path, kind in given:
        problem = output_problem(path, folder=kind == "folder", sqlite=kind == "sqlite")
        if problem is not None:
            _usage(f"{path}: {problem} ({option})")


def _usage(message: str) -> NoReturn:
    print(f"hmic-extract: {message} [usage]", file=sys.stderr)
    raise typer.Exit(EXIT_USAGE)


def _fail(message: str, code: str) -> NoReturn:
    print(f"hmic-extract: {message} [{code}]", file=sys.stderr)
    raise typer.Exit(EXIT_FAILED)


def command() -> Command:
    """The click command tree of ``app``, with arguments shown by their metavar alone.

    typer prints an argument's Python type beside its name (``INPUTS... <list[Path]>``)
    and braces in the usage line; the metavar already says what to give.
    """
    from typer.core import TyperArgument
    from typer.main import get_command

    class _Argument(TyperArgument):
        def display_type_rich(self, ctx: Any) -> str | None:
            return None

        def _usage_display_name(self) -> str:
            return self.display_name_raw

    root = get_command(app)
    for sub in getattr(root, "commands", {}).values():
        for param in sub.params:
            if isinstance(param, TyperArgument):
                param.__class__ = _Argument
    return root


# Allocations between the cyclic collector's youngest-generation runs, for the CLI's
# process (the library leaves its caller's setting alone).
_GC_THRESHOLD = 50_000


def main() -> None:
    """Console-script entry point: typer's own usage errors in the one error format.

    ``--version`` alone is answered before typer builds the command tree, which
    costs more than the whole answer.
    """
    arguments = sys.argv[1:]
    if arguments == ["--version"]:
        print(f"hmic-extract {__version__}")
        return
    # A run allocates many small objects per page (words, lines, blocks) that reference
    # counting frees, none in cycles; at the default threshold (700 allocations) the
    # cyclic collector ran thousands of times a batch for nothing (3-4% of a run).
    gc.set_threshold(_GC_THRESHOLD, *gc.get_threshold()[1:])
    try:
        code = command().main(
            args=arguments or ["--help"], prog_name="hmic-extract", standalone_mode=False
        )
    except typer.TyperException as error:
        context = getattr(error, "ctx", None)
        hint = f" (see '{context.command_path} --help')" if context is not None else ""
        label = "usage" if error.exit_code == EXIT_USAGE else "error"
        print(f"hmic-extract: {error.format_message()}{hint} [{label}]", file=sys.stderr)
        sys.exit(error.exit_code)
    except typer.Abort:
        print("hmic-extract: interrupted [interrupted]", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as error:  # the program's boundary: one line, or the traceback
        if "--debug" in arguments:
            raise
        print(
            f"hmic-extract: internal error: {error.__class__.__name__}: {error} [internal]",
            file=sys.stderr,
        )
        sys.exit(EXIT_FAILED)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
