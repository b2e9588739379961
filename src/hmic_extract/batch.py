"""Many inputs at once: folder walking, per-file isolation, and one result per input.

This is the batch boundary: one file's failure becomes its result and never
stops the others.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hmic_extract.errors import HmicError
from hmic_extract.models import Record
from hmic_extract.options import Options
from hmic_extract.pipeline import extract_path
from hmic_extract.write import output_path, record_json, write_atomic

# File patterns taken from folders by default: every format hmic-extract reads.
DEFAULT_GLOBS = ("*.pdf", "*.docx", "*.txt", "*.text", "*.md", "*.markdown")


@dataclass(frozen=True, slots=True)
class Job:
    """One input: where it is, and its path relative to the output folder."""

    path: Path
    relative: Path
    display: str


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one input."""

    job: Job
    record: Record | None = None
    output: Path | None = None
    error_code: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.record is not None


def _matches(path: Path, globs: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(path.name.casefold(), g.casefold()) for g in globs)


def collect_jobs(inputs: Iterable[Path], globs: Iterable[str] = DEFAULT_GLOBS) -> list[Job]:
    """Files given directly, plus matching files found under given folders (sorted)."""
    patterns = tuple(globs)
    jobs: list[Job] = []
    for given in inputs:
        if given.is_dir():
            for found in sorted(p for p in given.rglob("*") if p.is_file()):
                relative = found.relative_to(given)
                if _matches(found, patterns) and not any(
                    part.startswith(".") for part in relative.parts
                ):
                    jobs.append(Job(found, relative, str(found)))
        else:
            jobs.append(Job(given, Path(given.name), str(given)))
    return jobs


def run_job(job: Job, *, out_dir: Path | None, options: Options) -> Result:
    """Extract one input (and write its record when ``out_dir`` is given)."""
    try:
        record = extract_path(job.path, options=options, display_path=job.display)
        target = None
        if out_dir is not None:
            target = output_path(out_dir, job.relative)
            write_atomic(target, record_json(record))
        return Result(job, record=record, output=target)
    except HmicError as error:
        return Result(job, error_code=error.code, error=error.reason)


def run_jobs(
    jobs: Iterable[Job],
    *,
    out_dir: Path | None,
    options: Options,
    on_result: Callable[[Result], None] | None = None,
) -> Iterator[Result]:
    """Results in input order, each reported to ``on_result`` as soon as it is known."""
    for job in jobs:
        result = run_job(job, out_dir=out_dir, options=options)
        if on_result is not None:
            on_result(result)
        yield result
