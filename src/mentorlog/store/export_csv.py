"""`export --format csv`: a folder with one RFC 4180 file per record kind, for spreadsheets.

Each file has a header row and one row per record in id order: the record's own columns as stored
(links as the ids the user sees, `mentor_id`), days as ISO dates and moments as `--json` prints
them. Nothing is written when any of the files is already there (unless forced), and a failure part
way removes what this export wrote.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from pathlib import Path

from mentorlog.errors import ConflictError, MentorlogError
from mentorlog.paths import ensure_private_dir, journal_files
from mentorlog.store.queries import RECORD_TABLES
from mentorlog.store.transfer import moment_text

# table -> file name (what the user calls the kind: questions are the `topic` table)
FILE_NAMES = {
    "mentor": "mentors.csv",
    "goal": "goals.csv",
    "milestone": "milestones.csv",
    "meeting": "meetings.csv",
    "topic": "questions.csv",
    "advice": "advice.csv",
    "action": "actions.csv",
    "win": "wins.csv",
    "reflection": "reflections.csv",
    "feedback": "feedback.csv",
    "contribution": "contributions.csv",
    "resource": "resources.csv",
    "introduction": "introductions.csv",
    "checkin": "checkins.csv",
}


def table_rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[list[object]]]:
    """A table's column names and its rows in id order, moments in ISO 8601 with offset."""
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    names = [r[1] for r in info]
    moments = {i for i, r in enumerate(info) if (r[2] or "").upper() == "DATETIME"}
    rows = [
        [moment_text(v) if i in moments else v for i, v in enumerate(row)]
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY id")
    ]
    return names, rows


def export_csv(
    conn: sqlite3.Connection, folder: Path, force: bool = False, protect: Path | None = None
) -> list[Path]:
    """Write one file per record kind into `folder` (created 0700, files 0600); returns the files."""
    if "\x00" in str(folder):
        raise MentorlogError(f"can't write {folder!r}: a folder name can't contain a NUL byte")
    folder = folder.expanduser()
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    tables = [t for t in RECORD_TABLES if t in present]
    targets = {table: folder / FILE_NAMES[table] for table in tables}
    if folder.exists() and not folder.is_dir():
        raise ConflictError(f"{folder} is a file; csv export needs a folder: give -o a new folder")
    guarded = journal_files(protect) if protect else set()
    if any(p.resolve() in guarded for p in targets.values()):
        raise ConflictError(f"{folder} holds your journal; write the export to another folder")
    clashes = [p for p in targets.values() if p.exists()]
    if clashes and not force:
        names = ", ".join(p.name for p in clashes[:3]) + (", ..." if len(clashes) > 3 else "")
        raise ConflictError(
            f"{folder} already holds {names}; choose a new folder (or add --force to replace them)"
        )
    ensure_private_dir(folder)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    written: list[Path] = []
    try:
        for table, path in targets.items():
            names, rows = table_rows(conn, table)
            fd = os.open(path, flags, 0o600)
            written.append(path)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)  # excel dialect: RFC 4180 quoting and CRLF
                writer.writerow(names)
                writer.writerows(rows)
            os.chmod(path, 0o600)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    from mentorlog import landed

    landed.note()
    return written
