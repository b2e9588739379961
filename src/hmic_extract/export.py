"""Analyst exports: JSON Lines, a one-row-per-item CSV, and a SQLite store.

The SQLite store (standard library sqlite3) is keyed by the input's SHA-256:
loading a document again replaces its rows, so re-running a batch never
duplicates anything.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from hmic_extract.batch import Result
from hmic_extract.models import CoreQuestion, Item, Record
from hmic_extract.write import record_json, write_atomic

ITEM_KINDS = ("area_for_improvement", "recommendation", "cause_of_concern")

CSV_COLUMNS = (
    "source_file",
    "force",
    "inspection_title",
    "published",
    "grade",
    "previous_grade",
    "item_kind",
    "question_number",
    "question_text",
    "item_text",
    "sub_items",
    "deadlines",
    "response",
    "page",
)
# Sub-items and deadlines share one cell each, joined by this separator.
JOIN = " | "


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
        for kind, question, _, item in items_of(record):
            writer.writerow(
                (
                    record.source.path,
                    record.force or "",
                    record.inspection.title or "",
                    record.inspection.published.isoformat() if record.inspection.published else "",
                    record.judgement.grade or "",
                    record.judgement.previous_grade or "",
                    kind,
                    question.number if question and question.number is not None else "",
                    question.text if question else "",
                    item.text,
                    JOIN.join(item.sub_items),
                    JOIN.join(d.date.isoformat() for d in item.deadlines),
                    item.response or "",
                    item.location.page if item.location.page is not None else "",
                )
            )
    return buffer.getvalue()


def write_jsonl(path: Path, records: Iterable[Record]) -> None:
    write_atomic(path, jsonl_text(records))


def write_csv(path: Path, records: Iterable[Record], *, bom: bool = True) -> None:
    """The CSV, UTF-8 with a byte-order mark by default so Excel reads it as UTF-8."""
    write_atomic(path, ("\ufeff" if bom else "") + csv_text(records))


SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT PRIMARY KEY,
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
    kind TEXT NOT NULL
        CHECK (kind IN ('area_for_improvement', 'recommendation', 'cause_of_concern')),
    position INTEGER NOT NULL,
    question INTEGER,
    question_text TEXT,
    text TEXT NOT NULL,
    sub_items TEXT NOT NULL,
    response TEXT,
    page INTEGER,
    line_start INTEGER,
    line_end INTEGER,
    UNIQUE (document, kind, position)
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
    """The SQLite store at ``path``, created with its schema if new."""
    connection = sqlite3.connect(path)
    connection.executescript(SCHEMA)
    return connection


def upsert(connection: sqlite3.Connection, record: Record) -> None:
    """Store one record, replacing any earlier rows of the same input bytes."""
    key = record.source.sha256
    with connection:
        connection.execute("DELETE FROM documents WHERE sha256 = ?", (key,))
        connection.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                key,
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
                "INSERT INTO items (document, kind, position, question, question_text, text, "
                "sub_items, response, page, line_start, line_end) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    key,
                    kind,
                    position,
                    question.number if question else item.question,
                    question.text if question else None,
                    item.text,
                    json.dumps(item.sub_items, ensure_ascii=False),
                    item.response,
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
    finally:
        connection.close()


def write_report(path: Path, results: Iterable[Result]) -> None:
    """A machine-readable run report: each input's status, output, error code and warnings."""
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
    write_atomic(path, json.dumps({"results": entries}, indent=2, ensure_ascii=False) + "\n")
