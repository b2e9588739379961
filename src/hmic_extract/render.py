"""Terminal output for the CLI: progress, per-file lines, summary tables, check diffs.

Everything here writes to the console; nothing here decides anything.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID
    from rich.tree import Tree

    from hmic_extract.batch import Result
    from hmic_extract.check import DocumentCheck
    from hmic_extract.models import Item, Location, Record

# rich is imported only when something is drawn: a --quiet batch (a CI job's
# usual run) draws nothing, and skips its import.


@functools.cache
def stdout() -> Console:
    """The console for results; a pipe or file gets wide tables (rich would
    otherwise fold them to 80 columns)."""
    from rich.console import Console

    return Console(highlight=False, width=None if sys.stdout.isatty() else 160)


@functools.cache
def stderr() -> Console:
    """The console for progress."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def error_line(display: str, reason: str, code: str) -> None:
    """The one line a user sees for a failed input: ``hmic-extract: FILE: reason [code]``."""
    print(f"hmic-extract: {display}: {reason} [{code}]", file=sys.stderr, flush=True)


class BatchProgress:
    """A progress bar on a terminal (documents, pages, rate, ETA); plain lines otherwise."""

    def __init__(self, total: int, *, quiet: bool) -> None:
        self.total = total
        self.quiet = quiet
        self.done = 0
        self.pages = 0
        self.started = time.monotonic()
        self.live = not quiet and stderr().is_terminal
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def __enter__(self) -> BatchProgress:
        if self.live:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("[bold]extracting"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("docs · {task.fields[pages]} pages · {task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=stderr(),
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("extract", total=self.total, pages=0, rate="")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.progress is not None:
            self.progress.stop()

    def advance(self, result: Result) -> None:
        self.done += 1
        self.pages += result.pages
        if not result.ok:
            error_line(result.job.display, result.error or "", result.error_code or "error")
        if self.progress is not None and self.task is not None:
            elapsed = max(time.monotonic() - self.started, 1e-6)
            self.progress.update(
                self.task, advance=1, pages=self.pages, rate=f"{self.done / elapsed:.1f} docs/s"
            )
        elif not self.quiet and not stdout().is_terminal and result.ok:
            # a failure has had its one error line above; this line is for the others
            status = "skipped" if result.skipped else "ok"
            where = f" -> {result.output}" if result.output else ""
            print(f"{status:7} {result.job.display}{where}", flush=True)


def _status(result: Result) -> str:
    if not result.ok:
        return f"[red]failed \\[{result.error_code}][/]"
    return "up to date" if result.skipped else "ok"


def _warning_codes(result: Result) -> str:
    record = result.record
    return ", ".join(sorted({w.code for w in record.warnings})) if record is not None else ""


def summary(results: Sequence[Result], *, full: bool, interrupted_at: int | None = None) -> None:
    """Totals, after one row per document (``full``) or the failed and warned ones only.

    Document names are never broken: the table gives way in the other columns.
    """
    from rich.markup import escape

    failed = [r for r in results if not r.ok]
    warned = [r for r in results if r.ok and r.record is not None and r.record.warnings]
    skipped = [r for r in results if r.skipped]
    if full:
        _document_table(results)
    else:
        for title, listed in (("failed", failed), ("with warnings", warned)):
            if listed:
                stdout().print(f"[bold]{title}:[/]")
            for result in listed:
                why = escape((result.error if not result.ok else _warning_codes(result)) or "")
                stdout().print(
                    f"  {escape(result.job.display)}  {_status(result)}  [dim]{why}[/]",
                    soft_wrap=True,
                )
    ok = len(results) - len(failed)
    line = (
        f"{len(results)} document(s): {ok} ok ({len(warned)} with warnings, "
        f"{len(skipped)} up to date), {len(failed)} failed"
    )
    stdout().print(line, style="red" if failed else "green")
    if interrupted_at is not None:
        stdout().print(f"interrupted: {interrupted_at} input(s) were not processed", style="yellow")


def _document_table(results: Sequence[Result]) -> None:
    """One row per document: its status, then what was found."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="hmic-extract", title_justify="left")
    longest = max((len(str(r.job.relative)) for r in results), default=8)
    # one line a row: the name whole, the other columns cut short with "…" when the
    # terminal is narrow, never broken mid-word over several lines
    table.add_column("document", no_wrap=True, min_width=min(longest, 60))
    table.add_column("status", no_wrap=True)
    for column in ("force", "inspection", "published", "grade"):
        table.add_column(column, no_wrap=True, overflow="ellipsis")
    for column in ("Qs", "AFIs", "recs", "CoCs"):
        table.add_column(column, justify="right", no_wrap=True, min_width=len(column))
    table.add_column("warnings", no_wrap=True, overflow="ellipsis")
    for result in results:
        record = result.record
        name = escape(str(result.job.relative))
        if record is None:
            table.add_row(name, _status(result))
            continue
        afis = sum(len(q.areas_for_improvement) for q in record.core_questions)
        afis += len(record.areas_for_improvement)
        table.add_row(
            name,
            _status(result),
            record.force or "–",
            record.inspection.title or "–",
            record.inspection.published.isoformat() if record.inspection.published else "–",
            record.judgement.grade or "–",
            str(len(record.core_questions)),
            str(afis),
            str(len(record.recommendations)),
            str(len(record.causes_of_concern)),
            _warning_codes(result),
        )
    stdout().print(table)


def check_report(checks: Sequence[DocumentCheck]) -> None:
    """Mismatches per document: a table on a terminal, plain lines otherwise; then a count."""
    from rich.markup import escape
    from rich.table import Table

    from hmic_extract.check import describe, word_difference

    failed = [c for c in checks if not c.ok]
    for check in failed:
        if stdout().is_terminal:
            if check.error:
                stdout().print(f"[bold red]✗ {check.job.display}[/]: {check.error}")
                continue
            table = Table(title=f"✗ {check.job.display}", title_justify="left", expand=True)
            table.add_column("path", style="bold", overflow="fold")
            table.add_column("expected", style="green", overflow="fold")
            table.add_column("actual", style="red", overflow="fold")
            table.add_column("where they differ", overflow="fold")
            for m in check.mismatches:
                where = (
                    word_difference(m.expected, m.actual)
                    if isinstance(m.expected, str) and isinstance(m.actual, str)
                    else ""
                )
                table.add_row(
                    escape(m.path), escape(repr(m.expected)), escape(repr(m.actual)), escape(where)
                )
            stdout().print(table)
        else:
            print(f"FAIL {check.job.display}")
            if check.error:
                print(f"    {check.error}")
            for mismatch in check.mismatches:
                print(f"    {describe(mismatch)}")
    fields = sum(len(c.mismatches) for c in checks)
    line = (
        f"{len(checks) - len(failed)} of {len(checks)} document(s) match; "
        f"{len(failed)} differ ({fields} field(s))"
    )
    if stdout().is_terminal:
        stdout().print(line, style="red" if failed else "green")
    else:
        print(line, flush=True)


def record_tree(record: Record) -> None:
    """The record as a tree: sections, core questions, items with sub-items and deadlines."""
    from rich.tree import Tree

    title = record.inspection.title or record.title or record.source.path
    root = Tree(f"[bold]{title}[/] — {record.force or 'force not found'}")
    facts = root.add("[bold]details[/]")
    published = record.inspection.published.isoformat() if record.inspection.published else "–"
    facts.add(f"published {published}")
    grade = record.judgement.grade or "no single grade"
    previous = record.judgement.previous_grade
    facts.add(f"grade {grade}" + (f" (previously {previous})" if previous else ""))
    facts.add(f"PCC {record.commissioner or '–'}; Chief Constable {record.chief_constable or '–'}")
    facts.add(f"type: {_types(record)}")
    sections = root.add("[bold]sections[/]")
    for section in record.sections:
        where = _where(section.location)
        sections.add(f"{section.kind} [dim]“{section.heading}” {where}[/]")
    questions = root.add("[bold]core questions[/]")
    for question in record.core_questions:
        label = f"Q{question.number}" if question.number is not None else "Q"
        grade_note = f" [cyan]{question.grade}[/]" if question.grade else ""
        node = questions.add(f"[bold blue]{label}[/] {question.text}{grade_note}")
        if question.note:
            node.add(f"[dim italic]{question.note}[/]")
        for item in question.areas_for_improvement:
            _item_node(node, "AFI", "yellow", item)
    for tag, colour, items in (
        ("AFI", "yellow", record.areas_for_improvement),
        ("recommendation", "green", record.recommendations),
        ("cause of concern", "red", record.causes_of_concern),
    ):
        if items:
            group = root.add(f"[bold]{tag}s[/]")
            for item in items:
                _item_node(group, tag, colour, item)
    for name in ("force_response", "pcc_response"):
        response = getattr(record, name)
        if response is not None and response.statements:
            node = root.add(f"[bold]{name.replace('_', ' ')}[/]")
            for statement in response.statements:
                node.add(f"{statement.role} {statement.speaker}: “{statement.text[:80]}…”")
    if record.warnings:
        node = root.add("[bold red]warnings[/]")
        for warning in record.warnings:
            node.add(f"[red]{warning.code}[/]: {warning.message}")
    stdout().print(root)


def _types(record: Record) -> str:
    """The inspection types ticked; a format that shows no boxes says which are listed."""
    types = record.inspection.types
    if not types:
        return "not stated"
    if all(t.checked is None for t in types):
        labels = ", ".join(t.label for t in types)
        return f"boxes not stated in this format ({labels})"
    return ", ".join(t.label for t in types if t.checked) or "none ticked"


def _where(location: Location) -> str:
    page = f"p{location.page} " if location.page is not None else ""
    return f"{page}l{location.line_start}–{location.line_end}"


def _item_node(parent: Tree, tag: str, colour: str, item: Item) -> None:
    text = item.text if len(item.text) <= 160 else item.text[:157] + "…"
    node = parent.add(f"[{colour}]{tag}[/] {text} [dim]{_where(item.location)}[/]")
    for sub_item in item.sub_items:
        node.add(f"– {sub_item}")
    for deadline in item.deadlines:
        node.add(f"[magenta]due {deadline.date.isoformat()}[/] ({deadline.text})")
    if item.response:
        node.add(f"[dim]response: {item.response}[/]")
