"""Analyst exports: JSON Lines, a one-row-per-item CSV, a SQLite store, and the run report.

The SQLite store (standard library sqlite3) is keyed by the input's SHA-256:
loading a document again replaces its rows, so re-running a batch never
duplicates anything. The CSV's columns are named as the store's, and carry the
keys (``document_sha256``, ``item_id``) that join a row to it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from hmic_extract import __version__
from hmic_extract.batch import Job, Result
from hmic_extract.errors import OutputError
from hmic_extract.models import CoreQuestion, Item, Record
from hmic_extract.write import record_json, write_atomic

# The short kind in an item's id ("afi-3"): readable in a spreadsheet cell.
_ID_PREFIX = {"area_for_improvement": "afi", "recommendation": "rec", "cause_of_concern": "coc"}

# Named as the SQLite store's columns (documents.*, items.*, deadlines.due/text).
CSV_COLUMNS = (
    "document_sha256",
    "path",
    "force",
    "inspection_title",
    "published",
    "grade",
    "previous_grade",
    "item_id",
    "kind",
    "question",
    "question_text",
    "text",
    "sub_items",
    "first_due",
    "last_due",
    "deadline_text",
    "response",
    "owner",
    "target",
    "page",
)
# Sub-items and deadline words share one cell each, joined by this separator.
JOIN = " | "


def item_id(kind: str, position: int) -> str:
    """An item's id within its document, stable across runs: "afi-1", "rec-2", "coc-1"."""
    return f"{_ID_PREFIX[kind]}-{position + 1}"


def content_key(record: Record) -> str:
    """What makes two inputs the same report: force, inspection title and publication date.

    The same response saved as .docx and .pdf has two SHA-256s but one content key.
    A record missing any of the three is its own report (keyed by its SHA-256):
    nothing is merged on a guess.
    """
    force, title = record.force, record.inspection.title
    published = record.inspection.published
    if not force or not title or published is None:
        return record.source.sha256
    words = " ".join(re.findall(r"\w+", f"{force} {title}".casefold()))
    return f"{words} {published.isoformat()}"


def items_of(record: Record) -> Iterator[tuple[str, CoreQuestion | None, int, Item]]:
    """Every item with its kind, its question (if any) and its position within its kind."""
    questions = {q.number: q for q in record.core_questions if q.number is not None}
    position = 0
    for question in record.core_questions:
        for item in question.areas_for_improvement:
            yield "area_for_improvement", question, position, item
            position += 1
    for item in record.areas_for_improvement:
        yield "area_for_improvement", None, position, item
        position += 1
    for kind, items in (
        ("recommendation", record.recommendations),
        ("cause_of_concern", record.causes_of_concern),
    ):
        for index, item in enumerate(items):
            yield kind, questions.get(item.question) if item.question else None, index, item


def jsonl_text(records: Iterable[Record]) -> str:
    """One compact record per line."""
    return "".join(
        json.dumps(json.loads(record_json(r)), ensure_ascii=False, separators=(",", ":")) + "\n"
        for r in records
    )


def csv_text(records: Iterable[Record]) -> str:
    """One row per item, quoted so that any spreadsheet opens it cleanly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        for kind, question, position, item in items_of(record):
            dues = sorted(d.date for d in item.deadlines)
            number = question.number if question else item.question
            writer.writerow(
                (
                    record.source.sha256,
                    record.source.path,
                    record.force or "",
                    record.inspection.title or "",
                    record.inspection.published.isoformat() if record.inspection.published else "",
                    record.judgement.grade or "",
                    record.judgement.previous_grade or "",
                    item_id(kind, position),
                    kind,
                    number if number is not None else "",
                    question.text if question else item.question_text or "",
                    item.text,
                    JOIN.join(item.sub_items),
                    dues[0].isoformat() if dues else "",
                    dues[-1].isoformat() if dues else "",
                    JOIN.join(d.text for d in item.deadlines),
                    item.response or "",
                    item.owner or "",
                    item.target or "",
                    item.location.page if item.location.page is not None else "",
                )
            )
    return buffer.getvalue()


def write_jsonl(path: Path, records: Iterable[Record]) -> None:
    write_atomic(path, jsonl_text(records))


def write_csv(path: Path, records: Iterable[Record], *, bom: bool = True) -> None:
    """The CSV, UTF-8 with a byte-order mark by default so Excel reads it as UTF-8."""
    write_atomic(path, ("\ufeff" if bom else "") + csv_text(records))


# The store's layout version (PRAGMA user_version); an older store is rebuilt from the
# records it holds when opened.
STORE_VERSION = 3  # 2: content_key, reports, item_id; 3: items.owner, items.target

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT PRIMARY KEY,
    content_key TEXT NOT NULL,
    path TEXT NOT NULL,
    format TEXT NOT NULL,
    pages INTEGER,
    schema_version TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    force TEXT,
    commissioner TEXT,
    chief_constable TEXT,
    inspection_title TEXT,
    published TEXT,
    grade TEXT,
    previous_grade TEXT,
    force_quoted INTEGER,
    forwarded_to_home_office INTEGER,
    published_on_pcc_website INTEGER,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_force_published ON documents (force, published);
CREATE INDEX IF NOT EXISTS documents_content_key ON documents (content_key);
-- one document per report: the same report saved as .docx and .pdf counts once
CREATE VIEW IF NOT EXISTS reports AS
SELECT * FROM documents
WHERE sha256 IN (SELECT MIN(sha256) FROM documents GROUP BY content_key);
CREATE TABLE IF NOT EXISTS sections (
    document TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    heading TEXT NOT NULL,
    text TEXT NOT NULL,
    page INTEGER,
    line_start INTEGER,
    line_end INTEGER,
    PRIMARY KEY (document, position)
);
CREATE INDEX IF NOT EXISTS sections_kind ON sections (kind);
CREATE TABLE IF NOT EXISTS questions (
    document TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number INTEGER,
    text TEXT NOT NULL,
    note TEXT,
    grade TEXT,
    PRIMARY KEY (document, position)
);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL
        CHECK (kind IN ('area_for_improvement', 'recommendation', 'cause_of_concern')),
    position INTEGER NOT NULL,
    question INTEGER,
    question_text TEXT,
    text TEXT NOT NULL,
    sub_items TEXT NOT NULL,
    response TEXT,
    owner TEXT,
    target TEXT,
    page INTEGER,
    line_start INTEGER,
    line_end INTEGER,
    UNIQUE (document, kind, position),
    UNIQUE (document, item_id)
);
CREATE INDEX IF NOT EXISTS items_document ON items (document);
CREATE INDEX IF NOT EXISTS items_kind_question ON items (kind, question);
CREATE TABLE IF NOT EXISTS deadlines (
    item INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    due TEXT NOT NULL,
    PRIMARY KEY (item, position)
);
CREATE INDEX IF NOT EXISTS deadlines_due ON deadlines (due);
CREATE TABLE IF NOT EXISTS statements (
    document TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    section TEXT NOT NULL CHECK (section IN ('force_response', 'pcc_response')),
    position INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (document, section, position)
);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements (speaker);
CREATE TABLE IF NOT EXISTS warnings (
    document TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (document, position)
);
CREATE INDEX IF NOT EXISTS warnings_code ON warnings (code);
"""


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def open_store(path: Path) -> sqlite3.Connection:
    """The SQLite store at ``path``: created if new, rebuilt from its records if older.

    A database that holds other tables and no store of ours is refused, never altered.
    """
    try:
        connection = sqlite3.connect(path)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            if tables and "documents" not in tables:
                raise OutputError(f"{path}: a SQLite database that is not a hmic-extract store")
            if tables and version < STORE_VERSION:
                connection.close()
                _rebuild(path, _stored_records(path))
                connection = sqlite3.connect(path)
            connection.executescript(SCHEMA)
            connection.execute(f"PRAGMA user_version = {STORE_VERSION}")
        except BaseException:
            connection.close()
            raise
    except sqlite3.DatabaseError as exc:
        raise OutputError(f"{path}: not a usable SQLite store ({exc})") from exc
    return connection


def _stored_records(path: Path) -> list[Record]:
    """Every record an existing store keeps (its ``documents.record`` column)."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT record FROM documents").fetchall()
    finally:
        connection.close()
    try:
        return [Record.model_validate_json(text) for (text,) in rows]
    except ValueError as exc:
        raise OutputError(f"{path}: its records are not ones this version can read") from exc


def _rebuild(path: Path, records: list[Record]) -> None:
    """Re-make an older store in today's layout from the whole records it keeps: built
    beside it and renamed over it, so an interrupted rebuild loses nothing."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".rebuild", dir=path.parent)
    os.close(fd)
    try:
        connection = sqlite3.connect(temporary)
        try:
            connection.executescript(SCHEMA)
            connection.execute(f"PRAGMA user_version = {STORE_VERSION}")
            for record in records:
                upsert(connection, record)
        finally:
            connection.close()
        shutil.copymode(path, temporary)  # the store keeps its own permissions
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def upsert(connection: sqlite3.Connection, record: Record) -> None:
    """Store one record, replacing any earlier rows of the same input bytes."""
    key = record.source.sha256
    with connection:
        connection.execute("DELETE FROM documents WHERE sha256 = ?", (key,))
        connection.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                key,
                content_key(record),
                record.source.path,
                record.source.format,
                record.source.pages,
                record.schema_version,
                record.tool_version,
                record.force,
                record.commissioner,
                record.chief_constable,
                record.inspection.title,
                record.inspection.published.isoformat() if record.inspection.published else None,
                record.judgement.grade,
                record.judgement.previous_grade,
                _flag(record.inspection.force_quoted),
                _flag(record.office_use.forwarded_to_home_office),
                _flag(record.office_use.published_on_pcc_website),
                record_json(record),
            ),
        )
        connection.executemany(
            "INSERT INTO sections VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    key,
                    i,
                    s.kind,
                    s.heading,
                    s.text,
                    s.location.page,
                    s.location.line_start,
                    s.location.line_end,
                )
                for i, s in enumerate(record.sections)
            ],
        )
        connection.executemany(
            "INSERT INTO questions VALUES (?,?,?,?,?,?)",
            [
                (key, i, q.number, q.text, q.note, q.grade)
                for i, q in enumerate(record.core_questions)
            ],
        )
        for kind, question, position, item in items_of(record):
            cursor = connection.execute(
                "INSERT INTO items (document, item_id, kind, position, question, question_text, "
                "text, sub_items, response, owner, target, page, line_start, line_end) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    key,
                    item_id(kind, position),
                    kind,
                    position,
                    question.number if question else item.question,
                    question.text if question else None,
                    item.text,
                    json.dumps(item.sub_items, ensure_ascii=False),
                    item.response,
                    item.owner,
                    item.target,
                    item.location.page,
                    item.location.line_start,
                    item.location.line_end,
                ),
            )
            connection.executemany(
                "INSERT INTO deadlines VALUES (?,?,?,?)",
                [
                    (cursor.lastrowid, i, d.text, d.date.isoformat())
                    for i, d in enumerate(item.deadlines)
                ],
            )
        for section in ("force_response", "pcc_response"):
            response = getattr(record, section)
            if response is None:
                continue
            connection.executemany(
                "INSERT INTO statements VALUES (?,?,?,?,?,?)",
                [
                    (key, section, i, s.speaker, s.role, s.text)
                    for i, s in enumerate(response.statements)
                ],
            )
        connection.executemany(
            "INSERT INTO warnings VALUES (?,?,?,?)",
            [(key, i, w.code, w.message) for i, w in enumerate(record.warnings)],
        )


def write_store(path: Path, records: Iterable[Record]) -> None:
    """Upsert every record into the SQLite store at ``path``."""
    connection = open_store(path)
    try:
        for record in records:
            upsert(connection, record)
    except sqlite3.DatabaseError as exc:
        raise OutputError(f"{path}: cannot store records ({exc})") from exc
    finally:
        connection.close()


def report_data(jobs: Sequence[Job], results: Sequence[Result]) -> dict[str, object]:
    """The run report: whether the run was complete, counts, each input's outcome, and the
    inputs an interrupted run never reached."""
    reached = {result.job.path for result in results}
    not_reached = [job.display for job in jobs if job.path not in reached]
    entries = [
        {
            "input": r.job.display,
            "status": "skipped" if r.skipped else "ok" if r.ok else "failed",
            "output": str(r.output) if r.output else None,
            "error_code": r.error_code,
            "error": r.error,
            "warnings": [w.code for w in r.record.warnings] if r.record else [],
        }
        for r in results
    ]
    failed = sum(1 for r in results if not r.ok)
    return {
        "tool_version": __version__,
        "complete": not not_reached,
        "counts": {
            "inputs": len(jobs),
            "written": sum(1 for r in results if r.ok and not r.skipped),
            "up_to_date": sum(1 for r in results if r.skipped),
            "failed": failed,
            "with_warnings": sum(1 for entry in entries if entry["warnings"]),
            "not_reached": len(not_reached),
        },
        "results": entries,
        "not_reached": not_reached,
    }


def write_report(path: Path, jobs: Sequence[Job], results: Sequence[Result]) -> None:
    """Write the run report (see :func:`report_data`) as JSON."""
    text = json.dumps(report_data(jobs, results), indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text)
