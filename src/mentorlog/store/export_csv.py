"""`export --format csv`: a folder with one RFC 4180 file per record kind, for spreadsheets.

Each file has a header row and one row per record in id order: the record's own columns as stored
(links as the ids the user sees, `mentor_id`), days as ISO dates, moments and a mentor's cadence as
`--json` prints them ('monthly', 'every 10 days'). Nothing is written when any of the files is already there (unless forced), and a failure part
way removes what this export wrote.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from pathlib import Path

from mentorlog.errors import ConflictError, MentorlogError
from mentorlog.paths import check_output, create_private, ensure_private_dir, temp_beside
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


EXCEL_RISKY = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as a formula


def excel_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a
    leading `'`, which spreadsheets take as "this is text"; numbers and everything else as is."""
    if isinstance(value, str) and value.startswith(EXCEL_RISKY):
        return "'" + value
    return value


def cadence_words(value: object) -> object:
    """A stored cadence ('1m') in the words `--json` and the terminal use ('monthly'): '1m' is one
    minute to csvkit and most spreadsheets."""
    from mentorlog.core.cadence import parse_cadence
    from mentorlog.errors import UsageProblem

    if not isinstance(value, str):
        return value
    try:
        return parse_cadence(value).label
    except UsageProblem:
        return value


def table_rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[list[object]]]:
    """A table's column names and its rows in id order, moments in ISO 8601 with offset and a
    mentor's cadence in words."""
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    names = [r[1] for r in info]
    convert = {i: moment_text for i, r in enumerate(info) if (r[2] or "").upper() == "DATETIME"}
    if table == "mentor" and "cadence" in names:
        convert[names.index("cadence")] = cadence_words
    rows = [
        [convert[i](v) if i in convert else v for i, v in enumerate(row)]
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY id")
    ]
    return names, rows


def export_csv(
    conn: sqlite3.Connection,
    folder: Path,
    force: bool = False,
    protect: Path | None = None,
    excel: bool = False,
) -> list[Path]:
    """Write one file per record kind into `folder` (created 0700, files 0600); returns the files.

    `excel`: a UTF-8 BOM first (so Excel reads UTF-8) and formula-looking text guarded with `'`.
    No file is written through a link or over the journal; a file already there is replaced (with
    --force) by a new one moved over its name, after every file has been written."""
    if "\x00" in str(folder):
        raise MentorlogError(f"can't write {folder!r}: a folder name can't contain a NUL byte")
    folder = folder.expanduser()
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    tables = [t for t in RECORD_TABLES if t in present]
    targets = {table: folder / FILE_NAMES[table] for table in tables}
    if folder.is_symlink():
        raise ConflictError(
            f"{folder} is a symbolic link; give csv export a real folder (or a new one)"
        )
    if folder.exists() and not folder.is_dir():
        raise ConflictError(f"{folder} is a file; csv export needs a folder: give -o a new folder")
    existing = {t for t, p in targets.items() if check_output(p, protect, what="export")}
    if existing and not force:
        clashes = [targets[t] for t in tables if t in existing]
        names = ", ".join(p.name for p in clashes[:3]) + (", ..." if len(clashes) > 3 else "")
        raise ConflictError(
            f"{folder} already holds {names}; choose a new folder (or add --force to replace them)"
        )
    ensure_private_dir(folder)
    created: list[Path] = []  # new files, and temps to move over the files already there
    moves: list[tuple[Path, Path]] = []
    try:
        for table, path in targets.items():
            names, rows = table_rows(conn, table)
            if table in existing:
                temp, fd = temp_beside(path)
                created.append(temp)
                moves.append((temp, path))
            else:
                try:
                    fd = create_private(path)
                except FileExistsError:
                    raise ConflictError(f"{path} appeared while exporting; try again") from None
                created.append(path)
            encoding = "utf-8-sig" if excel else "utf-8"
            with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
                writer = csv.writer(handle)  # excel dialect: RFC 4180 quoting and CRLF
                writer.writerow(names)
                if excel:
                    writer.writerows([excel_cell(v) for v in row] for row in rows)
                else:
                    writer.writerows(rows)
        for temp, path in moves:
            os.replace(temp, path)
    except BaseException as exc:
        for path in created:
            path.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise MentorlogError(f"can't write {folder}: {exc.strerror or exc}") from None
        raise
    from mentorlog import landed

    landed.note()
    return list(targets.values())
