"""Stage 7, write: deterministic JSON, written atomically.

The same input gives byte-identical output on every run and machine: no
timestamps, no absolute paths, keys in model order, UTF-8 with a final newline.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from hmic_extract.errors import OutputError
from hmic_extract.models import Record


def record_json(record: Record) -> str:
    """The record as the JSON text hmic-extract writes (pydantic's serializer, in Rust).

    It writes what ``json.dumps(..., indent=2, ensure_ascii=False)`` would, several
    times faster; a test holds the two equal.
    """
    return record.model_dump_json(indent=2) + "\n"


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` (or bytes) to ``path`` via a temporary file in the same folder and a rename.

    A reader never sees a partial file, even if the process is killed mid-write.
    Files are not fsynced one by one: that cost as much as extracting a short
    document, and a record a power cut damages is unreadable JSON, which the
    next incremental run finds and makes again.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write to {path.parent}: {exc.strerror}") from exc
    try:
        # mkstemp makes the file private (0600); a record is as readable as any file
        # the user creates (so colleagues and CI artefact uploads can read it), and a
        # file replaced keeps the permissions it had.
        os.chmod(fd, _existing_mode(path) or new_file_mode())
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        os.replace(temporary, path)
    except BaseException as exc:  # an error, a timeout's alarm or Ctrl-C: no temp file left
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror}") from exc
        raise


def output_path(out_dir: Path, relative_input: Path) -> Path:
    """``DIR/<input file name>.json``, with the input's folder layout mirrored."""
    return out_dir / relative_input.parent / f"{relative_input.name}.json"


def _existing_mode(path: Path) -> int | None:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return None


@functools.cache
def new_file_mode() -> int:
    """The permissions the user's umask gives a new file (read once: the umask is per process).

    Read from /proc where there is one: setting the umask to learn it would change it,
    for a moment, for every thread of the process.
    """
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


# The leading bytes of every SQLite 3 database file.
_SQLITE_HEADER = b"SQLite format 3\x00"


def _nearest_existing(path: Path) -> Path:
    """``path`` itself, or the closest ancestor of it that exists."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path.cwd()


def _writable_folder(folder: Path) -> str | None:
    """Why files cannot be created in ``folder`` (an existing path), or None if they can.

    Creating a throw-away file is the only test that holds for every user (root
    passes ``os.access`` everywhere) and every file system (read-only mounts).
    """
    if not folder.is_dir():
        return f"{folder} is not a folder"
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return f"cannot create files in {folder} ({exc.strerror})"
    return None


def output_problem(path: Path, *, folder: bool = False, sqlite: bool = False) -> str | None:
    """Why an output cannot be written at ``path``, or None when it can.

    ``folder`` outputs (``--out``) must be, or be creatable as, a folder; file outputs
    must not be a folder; a ``sqlite`` output that exists must already be a database.
    """
    if path.is_symlink() and not path.exists():
        return "is a broken symbolic link"
    if path.exists():
        if folder and not path.is_dir():
            return "is a file, not a folder"
        if not folder and path.is_dir():
            return "is a folder, not a file"
        if sqlite and path.stat().st_size:
            try:
                with path.open("rb") as handle:
                    head = handle.read(len(_SQLITE_HEADER))
            except OSError as exc:
                return f"cannot be read ({exc.strerror})"
            if head != _SQLITE_HEADER:
                return "exists and is not a SQLite database"
        if sqlite and not os.access(path, os.W_OK):
            return "is read-only"  # SQLite writes the file itself, not a copy beside it
    parent = _nearest_existing(path if folder else path.parent)
    return _writable_folder(parent)


def clashing_outputs(named: Iterable[tuple[str, Path]]) -> tuple[str, str, Path] | None:
    """Two names for the same path, where writing one would overwrite the other: two
    options, an option and an input, or an option and a record the run writes."""
    seen: dict[Path, str] = {}
    for option, path in named:
        key = path.resolve()
        if key in seen:
            return seen[key], option, path
        seen[key] = option
    return None
