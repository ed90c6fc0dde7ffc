"""Rows in and out on plain sqlite3, shaped by store/tables.py (generated from the models).

Values are stored exactly as SQLAlchemy stored them before: days as 'YYYY-MM-DD', moments as UTC
'YYYY-MM-DD HH:MM:SS.ffffff'. A write naming a column the models do not have fails loudly.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, date, datetime
from typing import Any

from mentorlog.core import clock
from mentorlog.core.uuids import uuid5
from mentorlog.store import scrub
from mentorlog.store.tables import TABLES


class Record(dict):
    """A row read back after a write: keys as attributes, days and moments as date/datetime."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def new_uuid() -> str:
    """A random UUID4, as uuid.uuid4() makes it (the uuid module costs ~3 ms to import)."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def auto_win_uuid(parent_uuid: str) -> str:
    """The uuid of the win a milestone or goal records: uuid5 of the milestone's or goal's uuid
    (DESIGN "Sync across devices": two devices completing one milestone make one win)."""
    return uuid5(parent_uuid, "win")


def encode(value: Any) -> Any:
    """A Python value as the column holds it."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("moments must be timezone-aware")
        moment = value.astimezone(UTC)  # strftime("%Y") would not pad years before 1000
        return f"{moment.year:04d}-{moment:%m-%d %H:%M:%S.%f}"
    if isinstance(value, date):
        return value.isoformat()
    return value


def _spec(table: str) -> dict[str, Any]:
    try:
        return TABLES[table]
    except KeyError:
        raise KeyError(f"no table {table!r} in the models") from None


def _check_columns(table: str, spec: dict[str, Any], names: Any) -> None:
    unknown = set(names) - set(spec["columns"])
    if unknown:
        raise KeyError(f"{table} has no column {', '.join(sorted(unknown))}")


def insert(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> int:
    """Insert one row, filling the models' defaults; returns its id."""
    spec = _spec(table)
    _check_columns(table, spec, values)
    row: dict[str, Any] = {}
    now = clock.utcnow()
    for column, default in spec["defaults"].items():
        if column in values:
            continue
        row[column] = new_uuid() if default == "uuid" else now if default == "now" else default
    row.update(values)
    missing = [c for c in spec["required"] if row.get(c) is None]
    if missing:
        raise ValueError(f"{table} needs {', '.join(missing)}")
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cur = conn.execute(
        f"INSERT INTO {table} ({names}) VALUES ({marks})", [encode(v) for v in row.values()]
    )
    return int(cur.lastrowid)


def _free_text(spec: dict[str, Any]) -> tuple[str, ...]:
    """The columns that may hold what the user wrote (not ids, days, moments or a vocabulary)."""
    kept = set(spec["dates"]) | set(spec["moments"]) | VOCABULARY
    return tuple(
        c for c in spec["columns"] if c not in kept and c != "id" and not c.endswith("_id")
    )


VOCABULARY = {"uuid", "status", "kind", "mode", "horizon", "cadence", "direction"}
FREE_TEXT = {table: _free_text(spec) for table, spec in TABLES.items()}


def update(conn: sqlite3.Connection, table: str, record_id: int, values: dict[str, Any]) -> None:
    """Set columns of one row and stamp its update time."""
    spec = _spec(table)
    _check_columns(table, spec, values)
    row = dict(values)
    now = clock.utcnow()
    for column in spec["touched"]:
        row.setdefault(column, now)
    texts = [
        c for c, v in values.items() if (isinstance(v, str) or v is None) and c in FREE_TEXT[table]
    ]
    if texts:
        old = conn.execute(
            f"SELECT {', '.join(texts)} FROM {table} WHERE id = ?", (record_id,)
        ).fetchone()
        if old is not None:
            scrub.note_update(conn, dict(zip(texts, old, strict=True)), values)
    assignments = ", ".join(f"{name} = ?" for name in row)
    conn.execute(
        f"UPDATE {table} SET {assignments} WHERE id = ?",
        [*(encode(v) for v in row.values()), record_id],
    )


def decode(table: str, row: dict[str, Any]) -> Record:
    """A stored row with its days as date and its moments as aware UTC datetime."""
    spec = _spec(table)
    record = Record(row)
    for column in spec["dates"]:
        if record.get(column) is not None:
            record[column] = date.fromisoformat(record[column])
    for column in spec["moments"]:
        if record.get(column) is not None:
            record[column] = clock.parse_stored(record[column])
    return record


def load(conn: sqlite3.Connection, table: str, record_id: int) -> Record:
    """One row by id (it must exist: callers look it up first for the user-facing error)."""
    cur = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    names = [d[0] for d in cur.description]
    values = cur.fetchone()
    if values is None:
        raise LookupError(f"{table} #{record_id} vanished inside its own transaction")
    return decode(table, dict(zip(names, values, strict=True)))
