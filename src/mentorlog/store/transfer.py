"""Export and import: every record of every kind, keyed by UUID, lossless and idempotent.

Works on the file's own tables and columns (PRAGMA table_info), so a journal at an older schema
exports too. Links travel as the UUID of the record they point to (`mentor_id` -> `mentor_uuid`).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mentorlog.errors import MentorlogError
from mentorlog.store.db import REVISIONS
from mentorlog.store.queries import RECORD_TABLES

FORMAT = "mentorlog-export"
FORMAT_VERSION = 1


def _tables(conn: sqlite3.Connection) -> list[str]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in RECORD_TABLES if t in present]


def _columns(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    return {r[1]: (r[2] or "").upper() for r in conn.execute(f"PRAGMA table_info({table})")}


def _links(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """column -> the table it points to."""
    return {r[3]: r[2] for r in conn.execute(f"PRAGMA foreign_key_list({table})")}


def export_records(conn: sqlite3.Connection) -> dict[str, Any]:
    """The whole journal as a JSON-ready dict; deterministic, so two exports of one journal match."""
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    records: dict[str, list[dict[str, Any]]] = {}
    for table in _tables(conn):
        links = _links(conn, table)
        columns = [c for c in _columns(conn, table) if c != "id"]
        select = []
        for column in columns:
            if column in links:
                parent = links[column]
                select.append(
                    f"(SELECT uuid FROM {parent} p WHERE p.id = t.{column}) AS {column[:-3]}_uuid"
                )
            else:
                select.append(f"t.{column}")
        cur = conn.cursor()
        cur.row_factory = sqlite3.Row
        rows = cur.execute(f"SELECT {', '.join(select)} FROM {table} t ORDER BY t.id")
        records[table] = [dict(r) for r in rows]
    return {"format": FORMAT, "version": FORMAT_VERSION, "schema": revision, "records": records}


def export_json(conn: sqlite3.Connection) -> str:
    return json.dumps(export_records(conn), indent=2, ensure_ascii=False) + "\n"


def load_export(path: Path) -> dict[str, Any]:
    """Read and check an export file before anything touches the journal."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MentorlogError(f"no file at {path}; check the path") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise MentorlogError(
            f"can't read {path} as a mentorlog export: {type(exc).__name__}"
        ) from None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or not isinstance(data.get("records"), dict)
    ):
        raise MentorlogError(f"{path} is not a mentorlog JSON export (made by 'mentorlog export')")
    if data.get("version") != FORMAT_VERSION:
        raise MentorlogError(
            f"{path} is export format {data.get('version')!r}; this mentorlog reads {FORMAT_VERSION}"
        )
    if data.get("schema") not in REVISIONS:
        raise MentorlogError(
            f"{path} comes from a newer mentorlog (schema {data.get('schema')!r}); upgrade first"
        )
    unknown = set(data["records"]) - set(RECORD_TABLES)
    if unknown:
        raise MentorlogError(
            f"{path} has unknown record kinds: {', '.join(sorted(map(str, unknown)))}"
        )
    return data


def _check_value(table: str, column: str, kind: str, value: Any, where: str) -> None:
    if value is None:
        return
    if column.endswith("_uuid") or kind in ("VARCHAR", "TEXT", "") or kind.startswith("VARCHAR"):
        ok = isinstance(value, str) and "\x00" not in value
    elif kind == "INTEGER":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "DATE":
        ok = isinstance(value, str) and _parses(date.fromisoformat, value)
    elif kind == "DATETIME":
        ok = isinstance(value, str) and _parses(datetime.fromisoformat, value)
    else:
        ok = isinstance(value, str | int | float)
    if not ok:
        raise MentorlogError(
            f"{where}: {table}.{column} has an invalid value; nothing was imported"
        )


def _parses(parse, value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


def import_records(conn: sqlite3.Connection, data: dict[str, Any], source: str) -> dict[str, int]:
    """Insert what is not there yet (by UUID), inside the caller's transaction; returns counts added."""
    added: dict[str, int] = {}
    for table in RECORD_TABLES:
        rows = data["records"].get(table) or []
        if not isinstance(rows, list):
            raise MentorlogError(f"{source}: '{table}' must be a list of records")
        columns = _columns(conn, table)
        links = _links(conn, table)
        added[table] = 0
        for index, row in enumerate(rows):
            where = f"{source} {table} #{index + 1}"
            if not isinstance(row, dict) or not isinstance(row.get("uuid"), str):
                raise MentorlogError(f"{where} has no uuid; nothing was imported")
            if conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", (row["uuid"],)).fetchone():
                continue
            values: dict[str, Any] = {}
            for key, value in row.items():
                column = (
                    f"{key[:-5]}_id" if key.endswith("_uuid") and f"{key[:-5]}_id" in links else key
                )
                if column not in columns or column == "id":
                    raise MentorlogError(f"{where}: unknown field {key!r}; nothing was imported")
                _check_value(table, key, columns[column], value, where)
                if column in links and value is not None:
                    target = conn.execute(
                        f"SELECT id FROM {links[column]} WHERE uuid = ?", (value,)
                    ).fetchone()
                    if target is None:
                        raise MentorlogError(
                            f"{where} links to a {links[column]} that is not in the file or journal"
                        )
                    value = target[0]
                values[column] = value
            names = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            try:
                conn.execute(
                    f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(values.values())
                )
            except sqlite3.IntegrityError as exc:
                detail = (
                    "a mentor with that name already exists"
                    if "mentor.name" in str(exc)
                    else "a rule of the journal"
                )
                raise MentorlogError(
                    f"{where} conflicts with {detail}; nothing was imported"
                ) from None
            added[table] += 1
    return added


def import_file(path: Path, journal: Path, dry_run: bool = False) -> dict[str, int]:
    """All-or-nothing import; with dry_run the transaction is rolled back after counting."""
    from mentorlog.store.db import write_connection

    data = load_export(path)

    class DryRun(Exception):
        pass

    counts: dict[str, int] = {}
    try:
        with write_connection(journal) as conn:  # sqlite3 errors come out as StoreError
            counts = import_records(conn, data, path.name)
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    return counts
