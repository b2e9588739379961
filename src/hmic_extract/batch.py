"""Many inputs at once: folder walking, worker processes, timeouts, incremental runs.

This is the batch boundary: one file's failure (an error, a crash, a hang past
the timeout) becomes that file's result and never stops the others. Each
worker writes the records it makes (atomically, so an interrupted run keeps
everything already written and never leaves half a record) and reports back
only where and how many pages.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from hmic_extract import __version__
from hmic_extract.errors import HmicError
from hmic_extract.models import Record
from hmic_extract.options import Options
from hmic_extract.write import output_path, record_json, write_atomic

# File patterns taken from folders by default: every format hmic-extract reads, and
# legacy .doc, which it reads with --convert and otherwise refuses with what to do.
DEFAULT_GLOBS = (
    "*.pdf",
    "*.docx",
    "*.odt",
    "*.rtf",
    "*.doc",
    "*.txt",
    "*.text",
    "*.md",
    "*.markdown",
    "*.html",
    "*.htm",
)
# How often the parent looks for finished or overdue workers, in seconds.
_POLL = 0.05


@dataclass(frozen=True, slots=True)
class Job:
    """One input: where it is, and its path relative to the output folder."""

    path: Path
    relative: Path
    display: str


@dataclass(frozen=True)
class Result:
    """What became of one input: its record's JSON text, or the reason it failed.

    The record itself is parsed only when someone asks for it, so a quiet batch
    spends no time in the parent process re-reading what the workers wrote.
    """

    job: Job
    text: str | None = None  # the record as written
    output: Path | None = None
    error_code: str | None = None
    error: str | None = None
    skipped: bool = False  # an up-to-date record already existed
    pages: int = 0

    @property
    def ok(self) -> bool:
        return self.error_code is None

    @cached_property
    def record(self) -> Record | None:
        """The record, parsed from its text or read back from where a worker wrote it."""
        if self.text is not None:
            return Record.model_validate_json(self.text)
        if self.output is not None and self.error_code is None:
            return Record.model_validate_json(self.output.read_text(encoding="utf-8"))
        return None


@dataclass(frozen=True, slots=True)
class Collection:
    """The inputs found, and what a folder walk passed over, so nothing is skipped silently."""

    jobs: list[Job]
    folders: tuple[Path, ...]  # the folders walked
    patterns: tuple[str, ...]  # the file-name patterns they were walked with
    passed_over: tuple[Path, ...]  # files under those folders whose names matched no pattern

    def passed_over_by_extension(self) -> dict[str, int]:
        """How many files were passed over, per extension ("" for none), most first."""
        counts: dict[str, int] = {}
        for path in self.passed_over:
            suffix = path.suffix.casefold()
            counts[suffix] = counts.get(suffix, 0) + 1
        return dict(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))


def _matches(path: Path, globs: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(path.name.casefold(), g.casefold()) for g in globs)


def collect_jobs(inputs: Iterable[Path], globs: Iterable[str] = DEFAULT_GLOBS) -> Collection:
    """Files given directly, plus files under given folders whose names match ``globs``.

    Hidden files and folders (a leading dot) are never taken from a folder walk.
    """
    patterns = tuple(globs)
    jobs: list[Job] = []
    folders: list[Path] = []
    passed_over: list[Path] = []
    for given in inputs:
        if given.is_dir():
            folders.append(given)
            for found in sorted(p for p in given.rglob("*") if p.is_file()):
                relative = found.relative_to(given)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                if _matches(found, patterns):
                    jobs.append(Job(found, relative, str(found)))
                else:
                    passed_over.append(found)
        else:
            jobs.append(Job(given, Path(given.name), str(given)))
    seen: set[Path] = set()
    unique = []
    for job in jobs:  # a file named twice (directly and under a folder) is done once
        resolved = job.path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            unique.append(job)
    return Collection(unique, tuple(folders), patterns, tuple(passed_over))


def clashing_jobs(jobs: Iterable[Job]) -> tuple[Job, Job] | None:
    """Two inputs whose records would have the same relative path (one would overwrite
    the other), compared without case as some file systems do; None if there are none."""
    claimed: dict[str, Job] = {}
    for job in jobs:
        key = job.relative.as_posix().casefold()
        if key in claimed:
            return claimed[key], job
        claimed[key] = job
    return None


def _extract(job: Job, options: Options, out_dir: Path | None) -> tuple[str, Any]:
    """Run the pipeline on one job and write its record if ``out_dir`` is given.

    Returns ("ok", (record JSON or None once written, pages, output path or None))
    or ("error", (code, reason)).
    """
    from hmic_extract.pipeline import extract_path

    try:
        record = extract_path(job.path, options=options, display_path=job.display)
        text = record_json(record)
        pages = record.source.pages or 0
        if out_dir is not None:
            target = output_path(out_dir, job.relative)
            write_atomic(target, text)
            return "ok", (None, pages, str(target))
    except HmicError as error:
        return "error", (error.code, error.reason)
    except (MemoryError, RecursionError) as error:
        return "error", ("resources", f"ran out of {error.__class__.__name__[:-5].lower()}")
    except Exception as error:  # the batch boundary: a bug on one file must not stop the rest
        return "error", ("internal", f"internal error: {error.__class__.__name__}: {error}")
    return "ok", (text, pages, None)


class _Overdue(BaseException):
    """Raised by the alarm when an in-process document runs past its timeout.

    A BaseException, so the batch boundary's ``except Exception`` does not swallow it.
    """


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` with :class:`_Overdue` (0: never).

    Only where an interval timer exists, on the main thread, and when no one else's
    timer is running (it is left alone); elsewhere, no limit.
    """
    if (
        not seconds
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0
    ):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Overdue

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timed_out(options: Options) -> tuple[str, Any]:
    return "error", ("timeout", f"gave up after {options.timeout:g} s (--timeout)")


def _extract_here(job: Job, options: Options, out_dir: Path | None) -> tuple[str, Any]:
    """One job in this process, its timeout kept by an alarm: for a single input, a
    worker process would cost more to start than the alarm's looser guarantee is worth."""
    try:
        with _deadline(options.timeout):
            return _extract(job, options, out_dir)
    except _Overdue:
        return _timed_out(options)


def _limit_memory(megabytes: int) -> None:
    """Cap the worker's address space so a decompression bomb fails instead of swapping."""
    if megabytes <= 0:
        return
    try:
        import resource

        limit = megabytes * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # not on this platform, or not permitted
        return


def _worker(connection: Connection, options: Options, out_dir: Path | None) -> None:
    """A worker process: extract (and write) each job it is sent until told to stop."""
    _limit_memory(options.max_memory_mb)
    while True:
        try:
            job = connection.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if job is None:
            return
        connection.send(_extract(job, options, out_dir))


@dataclass
class _Slot:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    job: Job | None = None
    started: float = 0.0


def _start_slot(options: Options, out_dir: Path | None) -> _Slot:
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.get_context("fork").Process(
        target=_worker, args=(child, options, out_dir), daemon=True
    )
    process.start()
    child.close()
    return _Slot(process, parent)


def _stop_slot(slot: _Slot, *, kill: bool) -> None:
    if kill:
        slot.process.kill()
    else:
        try:
            slot.connection.send(None)
        except (BrokenPipeError, OSError):
            slot.process.kill()
    slot.process.join(timeout=5)
    slot.connection.close()


def _size(job: Job) -> int:
    try:
        return job.path.stat().st_size
    except OSError:
        return 0  # the worker reports why it cannot be read


def _run_parallel(
    jobs: list[Job], *, workers: int, options: Options, out_dir: Path | None
) -> Iterator[tuple[Job, str, Any]]:
    """(job, status, payload) as workers finish; overdue or crashed workers are replaced.

    Jobs are handed out largest file first, so a long document is not the last
    one started while the other workers sit idle.
    """
    pending = deque(sorted(jobs, key=_size, reverse=True))
    slots = [_start_slot(options, out_dir) for _ in range(max(1, min(workers, len(jobs))))]
    try:
        while pending or any(slot.job is not None for slot in slots):
            for slot in slots:
                if slot.job is None and pending:
                    slot.job, slot.started = pending.popleft(), time.monotonic()
                    slot.connection.send(slot.job)
            busy = [slot for slot in slots if slot.job is not None]
            ready = wait([slot.connection for slot in busy], timeout=_POLL)
            now = time.monotonic()
            for index, slot in enumerate(slots):
                job = slot.job
                if job is None:
                    continue
                if slot.connection in ready:
                    try:
                        status, payload = slot.connection.recv()
                    except (EOFError, OSError):
                        status, payload = "error", ("crashed", "the worker process crashed")
                        _stop_slot(slot, kill=True)
                        slots[index] = _start_slot(options, out_dir)
                    slots[index].job = None
                    yield job, status, payload
                elif options.timeout and now - slot.started > options.timeout:
                    _stop_slot(slot, kill=True)
                    slots[index] = _start_slot(options, out_dir)
                    yield (job, *_timed_out(options))
    finally:
        for slot in slots:
            _stop_slot(slot, kill=slot.job is not None)


def input_sha256(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _up_to_date(job: Job, out_dir: Path) -> tuple[str, int] | None:
    """The existing record (text, pages) of ``job`` if made from the same bytes by this version."""
    target = output_path(out_dir, job.relative)
    try:
        text = target.read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("tool_version") != __version__:
        return None
    source = data.get("source")
    if not isinstance(source, dict) or source.get("sha256") != input_sha256(job.path):
        return None
    try:
        Record.model_validate(data)
    except ValueError:
        return None
    return text, int(source.get("pages") or 0)


def run_jobs(
    jobs: Iterable[Job],
    *,
    out_dir: Path | None,
    options: Options,
    workers: int = 1,
    force: bool = True,
    on_result: Callable[[Result], None] | None = None,
) -> Iterator[Result]:
    """Results as they finish, each written (when ``out_dir`` is given) before it is yielded.

    With ``force`` False, an input whose record already exists for the same
    bytes and tool version is skipped. Records are byte-identical whatever
    ``workers`` is; only the order results arrive in may differ.
    """
    todo: list[Job] = []
    for job in jobs:
        existing = None if force or out_dir is None else _up_to_date(job, out_dir)
        if existing is not None:
            result = Result(
                job,
                text=existing[0],
                output=output_path(out_dir, job.relative) if out_dir else None,
                skipped=True,
                pages=existing[1],
            )
            if on_result:
                on_result(result)
            yield result
        else:
            todo.append(job)
    stream: Iterable[tuple[Job, str, Any]]
    if len(todo) == 1 or (workers <= 1 and not options.timeout):
        stream = ((job, *_extract_here(job, options, out_dir)) for job in todo)
    else:
        stream = _run_parallel(todo, workers=workers, options=options, out_dir=out_dir)
    for job, status, payload in stream:
        result = _finish(job, status, payload)
        if on_result:
            on_result(result)
        yield result


def _finish(job: Job, status: str, payload: Any) -> Result:
    if status != "ok":
        code, reason = payload
        return Result(job, error_code=code, error=reason)
    text, pages, target = payload
    return Result(job, text=text, output=Path(target) if target else None, pages=pages)


def default_workers() -> int:
    """One worker per CPU this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
